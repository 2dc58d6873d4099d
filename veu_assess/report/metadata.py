"""The report's metadata: when it was generated, and an XMP packet (title, author, language, subject).

A report says when it was generated and by which version, beside the assessment date, on the
cover and in the PDF's metadata. Bytes stay reproducible: the generation time is an argument,
else the ``SOURCE_DATE_EPOCH`` environment variable (the reproducible-builds convention), and
only without either the clock. The XMP packet repeats the document information dictionary in
the form archiving tools and PDF/A validators read (Dublin Core title, creator, language,
description; xmp:CreateDate; pdf:Producer and Keywords).
"""

from __future__ import annotations

import datetime as dt
import os
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP
from reportlab.pdfgen.canvas import Canvas

from veu_assess.textsafe import plain_text


class GenerationTimeError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds."""


def generation_time(explicit: dt.datetime | None = None) -> dt.datetime:
    """When the report is generated (UTC, whole seconds): ``explicit``, else SOURCE_DATE_EPOCH,
    else now."""
    if explicit is not None:
        when = explicit if explicit.tzinfo else explicit.replace(tzinfo=dt.UTC)
        return when.astimezone(dt.UTC).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise GenerationTimeError(f"SOURCE_DATE_EPOCH={epoch!r} is not a time in seconds since 1970") from exc
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def pdf_date(when: dt.datetime) -> str:
    """A PDF date string, e.g. ``D:20261128093000+00'00'``."""
    return when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def _x(text: str) -> str:
    return escape(plain_text(text))


def xmp_packet(*, title: str, author: str, subject: str, lang: str, created: dt.datetime, producer: str,
               keywords: str) -> str:
    """An XMP packet (XML 1.0; every value cleaned of characters XML cannot hold, then escaped)."""
    stamp = created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_x(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_x(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_x(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{_x(lang)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>{_x(producer)}</xmp:CreatorTool>
   <pdf:Producer>{_x(producer)}</pdf:Producer>
   <pdf:Keywords>{_x(keywords)}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""


def attach_xmp(canv: Canvas, packet: str) -> None:
    """Make ``packet`` the document's /Metadata stream (written uncompressed, as XMP expects)."""
    doc = canv._doc
    if getattr(doc.Catalog, "Metadata", None) is not None:
        return  # once per document (the cover template may be used again if the cover overflows)
    data = packet.encode("utf-8")
    stream = XMP(creator=lambda _doc: data)
    stream.filters = []  # metadata stays readable by tools that do not inflate streams
    doc.Catalog.Metadata = doc.Reference(stream, "XMPMetadata")
