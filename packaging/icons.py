"""The app icon, drawn from one list of shapes into SVG, PNG, .ico and .icns.

A dark-blue tile with three server-rack units and a green check badge: "a data center that
passes". The shapes are declared once (in a 256 x 256 design grid) and rendered twice: as SVG
text (the scalable icon, committed as packaging/veu-assess.svg) and with Pillow, 4x
supersampled, for the raster sizes. Pillow is already a dependency of the app (reportlab needs
it), so drawing icons at build time costs no extra package and no binary files in git.

    python packaging/icons.py            # rewrite packaging/veu-assess.svg
    python packaging/icons.py OUT_DIR    # also write hicolor PNGs, .ico and .icns into OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

GRID = 256
NAVY, LIGHT, GREEN, WHITE = "#1F3A5F", "#E8EEF5", "#2E9E5B", "#FFFFFF"
SVG_PATH = Path(__file__).resolve().parent / "veu-assess.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the freedesktop hicolor theme's usual sizes

# (kind, geometry, fill, stroke, stroke width) in grid units.
TILE = ("rect", (16, 16, 224, 224, 40), NAVY, None, 0)
RACK_UNITS = [("rect", (52, y, 152, 36, 6), LIGHT, None, 0) for y in (52, 100, 148)]
LEDS = [("circle", (74, y + 18, 7), NAVY, None, 0) for y in (52, 100, 148)]
SLOTS = [("rect", (96, y + 15, 72, 6, 3), "#9FB3C8", None, 0) for y in (52, 100, 148)]
BADGE = ("circle", (180, 180, 50), GREEN, WHITE, 10)
CHECK = ("polyline", ((155, 182), (173, 200), (206, 162)), None, WHITE, 16)
SHAPES = [TILE, *RACK_UNITS, *LEDS, *SLOTS, BADGE, CHECK]


def svg() -> str:
    """The icon as SVG text."""
    body = []
    for kind, geo, fill, stroke, width in SHAPES:
        paint = f'fill="{fill or "none"}"' + (f' stroke="{stroke}" stroke-width="{width}"' if stroke else "")
        if kind == "rect":
            x, y, w, h, r = geo
            body.append(f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" {paint}/>')
        elif kind == "circle":
            cx, cy, r = geo
            body.append(f'  <circle cx="{cx}" cy="{cy}" r="{r}" {paint}/>')
        else:
            points = " ".join(f"{x},{y}" for x, y in geo)
            body.append(
                f'  <polyline points="{points}" {paint} stroke-linecap="round" stroke-linejoin="round"/>'
            )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{GRID}" height="{GRID}" viewBox="0 0 {GRID} {GRID}">\n'
        "  <title>VEU Readiness Assessor</title>\n" + "\n".join(body) + "\n</svg>\n"
    )


def png(size: int):  # -> PIL.Image.Image (Pillow imported lazily: the spec imports this module)
    """The icon as a size x size RGBA image."""
    from PIL import Image, ImageDraw

    big = size * 4  # draw 4x larger, then scale down: Pillow's shapes are not anti-aliased
    s = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for kind, geo, fill, stroke, width in SHAPES:
        w = max(1, round(width * s)) if stroke else 0
        if kind == "rect":
            x, y, rw, rh, r = geo
            box = (x * s, y * s, (x + rw) * s, (y + rh) * s)
            draw.rounded_rectangle(box, radius=r * s, fill=fill, outline=stroke, width=w)
        elif kind == "circle":
            cx, cy, r = geo
            # SVG strokes are centred on the outline; Pillow draws them inside it, so grow the circle.
            grow = w / 2
            box = ((cx - r) * s - grow, (cy - r) * s - grow, (cx + r) * s + grow, (cy + r) * s + grow)
            draw.ellipse(box, fill=fill, outline=stroke, width=w)
        else:
            points = [(x * s, y * s) for x, y in geo]
            draw.line(points, fill=stroke, width=w, joint="curve")
            for x, y in (points[0], points[-1]):  # round caps
                draw.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=stroke)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_svg(path: Path = SVG_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg(), encoding="utf-8")
    return path


def write_hicolor(root: Path, name: str = "veu-assess") -> list[Path]:
    """PNG and SVG icons laid out as <root>/<size>x<size>/apps/<name>.png and scalable/apps/<name>.svg."""
    written = []
    for size in HICOLOR_SIZES:
        target = root / f"{size}x{size}" / "apps" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        png(size).save(target, optimize=True)
        written.append(target)
    written.append(write_svg(root / "scalable" / "apps" / f"{name}.svg"))
    return written


def write_ico(path: Path) -> Path:
    """A Windows icon with the sizes Explorer and the Start menu ask for."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    images = [png(n) for n in sizes]
    images[-1].save(path, format="ICO", sizes=[(n, n) for n in sizes], append_images=images[:-1])
    return path


def write_icns(path: Path) -> Path:
    """A macOS icon; Pillow derives the smaller members from the 1024-pixel image."""
    path.parent.mkdir(parents=True, exist_ok=True)
    png(1024).save(path, format="ICNS")
    return path


def main(argv: list[str]) -> int:
    print(f"wrote {write_svg()}")
    if argv:
        out = Path(argv[0])
        for written in write_hicolor(out / "hicolor"):
            print(f"wrote {written}")
        print(f"wrote {write_ico(out / 'veu-assess.ico')}")
        print(f"wrote {write_icns(out / 'veu-assess.icns')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
