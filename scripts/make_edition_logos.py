"""Draw the logos of the two example editions: Lindenhoven's as SVG, Zeedorp's as PNG.

Both are fictitious municipalities; the marks are simple geometry the project draws itself and
the names are set in the shipped Noto Sans (OFL). The SVG's words are glyph outlines, not
<text> (content.svg_logo refuses text: no renderer should guess a font). The PNG is drawn with
Pillow at a size that holds 300 dpi on an A3 poster. Run: .venv/bin/python scripts/make_edition_logos.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_example_logo import FONTS, words

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ROOT / "examples" / "editions"
NAVY, LEAF, TRUNK = "#1E2A4A", "#2E6B3F", "#7A4A2A"
SEA, FOAM = "#123B5C", "#FFFFFF"


def lindenhoven_svg() -> str:
    """A linden tree (a round crown on a trunk) in a navy tile, then 'Gemeente Lindenhoven'."""
    height = 240.0
    regular, end = words("Gemeente", FONTS / "NotoSans-Regular.ttf", 104, 282, 156)
    bold, end = words("Lindenhoven", FONTS / "NotoSans-Bold.ttf", 104, end + 28, 156)
    width = round(end + 4)
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:g}" width="{width}" height="{height:g}">
  <title>Gemeente Lindenhoven</title>
  <rect x="0" y="0" width="240" height="240" rx="30" fill="{NAVY}"/>
  <rect x="108" y="128" width="24" height="80" fill="{TRUNK}"/>
  <circle cx="120" cy="100" r="66" fill="{LEAF}"/>
  <circle cx="120" cy="100" r="66" fill="none" stroke="#FFFFFF" stroke-width="8"/>
  <path d="M120 52 L120 150 M120 88 L92 66 M120 112 L150 88" stroke="#FFFFFF" stroke-width="8"
        stroke-linecap="round" fill="none"/>
  <path d="{regular}" fill="{NAVY}"/>
  <path d="{bold}" fill="{NAVY}"/>
</svg>
'''


def zeedorp_png() -> Image.Image:
    """Three waves in a sea-blue tile, then "Zeedorp" and "gemeente" under it, 540 px high, transparent."""
    scale = 4  # drawn large, then reduced: smooth edges without anti-aliasing support in ImageDraw
    w, h = 2000 * scale, 480 * scale
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    tile = h
    draw.rounded_rectangle((0, 0, tile, tile), radius=60 * scale, fill=SEA)
    for i, y in enumerate((150, 250, 350)):
        top = y * scale
        for k in range(3):  # each wave: three arcs side by side
            x0 = (60 + k * 120) * scale
            draw.arc((x0, top - 40 * scale, x0 + 120 * scale, top + 40 * scale), 0 if k % 2 else 180,
                     180 if k % 2 else 360, fill=FOAM, width=(22 - 3 * i) * scale)
    bold = ImageFont.truetype(str(FONTS / "NotoSans-Bold.ttf"), 250 * scale)
    regular = ImageFont.truetype(str(FONTS / "NotoSans-Regular.ttf"), 110 * scale)
    draw.text((tile + 70 * scale, 250 * scale), "Zeedorp", font=bold, fill=SEA, anchor="ls")
    draw.text((tile + 78 * scale, 410 * scale), "gemeente", font=regular, fill=SEA, anchor="ls")
    right = tile + 70 * scale + int(draw.textlength("Zeedorp", font=bold)) + 20 * scale
    image = image.crop((0, 0, min(w, right), h))
    out = 540 / 480  # 540 px high: 150 dpi on the largest print format (CS115)
    return image.resize((round(image.width * out / scale), round(image.height * out / scale)), Image.Resampling.LANCZOS)


def main() -> None:
    svg = EDITIONS / "lindenhoven" / "brand" / "logo.svg"
    svg.write_text(lindenhoven_svg(), encoding="utf-8")
    print(f"wrote {svg}")
    png = EDITIONS / "zeedorp" / "brand" / "logo.png"
    zeedorp_png().save(png, optimize=True)
    print(f"wrote {png}")


if __name__ == "__main__":
    main()
