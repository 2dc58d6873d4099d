"""The review's words in English and Japanese, in one Qt-free place (app, CLI and report share them).

- ``signoff_status_text``: "intact" / "changed after sign-off on DATE" for one sign-off;
- ``protection_statement``: what the sign-off digest protects against, and what it does not;
- labels for verdict states, sign-off kinds and review filters.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("en", "ja")

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "signoff_intact": "intact",
        "signoff_changed": "changed after sign-off on {date}",
        "protection_statement": (
            "A sign-off records a SHA-256 digest of the answers and of every evidence file as they were "
            "when it was signed. If anything is changed afterwards, by mistake or casually, in this app or "
            "with another program, the app and the report say \"changed after sign-off\". The digest by "
            "itself is not a cryptographic signature: someone who deliberately edits the file and also "
            "rewrites the recorded digest can hide a change, and the name on an unsigned sign-off is only "
            "typed in. A sign-off made with the signer's key file also carries a digital signature over the "
            "digest, the signer, the role, the date and the statement: anyone can check it, and nobody "
            "without the key can make it. Keep your own copy of the signed file or of the PDF report if you "
            "need proof."
        ),
        "verdict_accepted": "accepted",
        "verdict_needs_info": "needs more information",
        "verdict_rejected": "rejected",
        "verdict_none": "not reviewed",
        "kind_operator_officer": "operator's responsible officer",
        "kind_auditor": "auditor",
        "filter_all": "all requirements",
        "filter_unreviewed": "unreviewed",
        "filter_marked": "marked for review by the operator",
        "filter_rejected": "rejected",
        "filter_needs_info": "needs more information",
        "filter_gaps": "gaps",
    },
    "ja": {
        "signoff_intact": "変更なし",
        "signoff_changed": "{date} の署名後に変更されています",
        "protection_statement": (
            "署名には、署名した時点の回答とすべての証跡ファイルの SHA-256 ダイジェストが記録されます。"
            "その後に誤って、または安易に（このアプリでも他のプログラムでも）内容が変更されると、"
            "アプリとレポートに「署名後に変更されています」と表示されます。"
            "ダイジェストだけでは暗号署名ではありません。ファイルを意図的に書き換え、記録されたダイジェストも"
            "書き換える者は変更を隠すことができ、電子署名のない承認の氏名は入力されたものにすぎません。"
            "署名者の鍵ファイルで行った承認には、ダイジェスト・署名者・役割・日付・表明事項に対する電子署名が"
            "付き、誰でも検証でき、鍵を持たない人は作成できません。証明が必要な場合は、署名済みファイルまたは "
            "PDF レポートの控えをご自身で保管してください。"
        ),
        "verdict_accepted": "承認",
        "verdict_needs_info": "追加情報が必要",
        "verdict_rejected": "却下",
        "verdict_none": "未レビュー",
        "kind_operator_officer": "事業者の責任者",
        "kind_auditor": "監査人",
        "filter_all": "すべての要件",
        "filter_unreviewed": "未レビュー",
        "filter_marked": "事業者がレビュー対象に指定",
        "filter_rejected": "却下",
        "filter_needs_info": "追加情報が必要",
        "filter_gaps": "ギャップ",
    },
}


def text(key: str, lang: str = "en") -> str:
    """A text by key; an unknown language falls back to English (an unknown key is a bug: KeyError)."""
    return TEXTS.get(lang, TEXTS["en"])[key]


def signoff_status_text(changed: bool, signed_on: dt.date, lang: str = "en") -> str:
    if not changed:
        return text("signoff_intact", lang)
    return text("signoff_changed", lang).format(date=signed_on.isoformat())


def protection_statement(lang: str = "en") -> str:
    return text("protection_statement", lang)


def verdict_label(state: str | None, lang: str = "en") -> str:
    """Label of a VerdictState value; None means no verdict yet."""
    return text(f"verdict_{state or 'none'}", lang)


def signoff_kind_label(kind: str, lang: str = "en") -> str:
    return text(f"kind_{kind}", lang)


def filter_label(name: str, lang: str = "en") -> str:
    return text(f"filter_{name}", lang)
