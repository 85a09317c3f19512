"""Draw the example municipality's logo as SVG: an emblem and the name outlined from Noto Sans.

The words are glyph outlines (fontTools' SVG path pen), not <text>, so the logo needs no font
to be drawn, as content.svg_logo requires. Run: .venv/bin/python scripts/make_example_logo.py
"""

from __future__ import annotations

from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
OUT = ROOT / "assets" / "brands" / "gemeente-voorbeeld" / "logo.svg"
GREEN, BRICK = "#1B3A2F", "#B8401F"
HEIGHT = 261.0


def words(text: str, font_file: Path, size: float, x: float, baseline: float) -> tuple[str, float]:
    """The text's outlines as one SVG path `d`, shaped with HarfBuzz; and the x after it."""
    data = font_file.read_bytes()
    hb_font = hb.Font(hb.Face(data))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hb_font, buf)
    tt = TTFont(font_file)
    glyphs = tt.getGlyphSet()
    order = tt.getGlyphOrder()
    scale = size / tt["head"].unitsPerEm
    pen = SVGPathPen(glyphs, lambda v: f"{v:.1f}".rstrip("0").rstrip("."))
    pen_x = x
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        # font units, y up -> SVG user units, y down
        glyphs[order[info.codepoint]].draw(TransformPen(pen, (scale, 0, 0, -scale, pen_x, baseline)))
        pen_x += pos.x_advance * scale
    return pen.getCommands(), pen_x


def main() -> None:
    bold, end = words("Gemeente", FONTS / "NotoSans-Bold.ttf", 120, 300, 170)
    regular, end = words("Voorbeeld", FONTS / "NotoSans-Regular.ttf", 120, end + 32, 170)
    width = round(end + 4)
    svg = f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT:g}" width="{width}" height="{HEIGHT:g}">
  <title>Gemeente Voorbeeld</title>
  <rect x="0" y="0" width="261" height="261" rx="34" fill="{GREEN}"/>
  <path d="M130.5 46 L201 212 L60 212 Z" fill="{BRICK}"/>
  <circle cx="130.5" cy="152" r="22" fill="#FFFFFF"/>
  <path d="{bold}" fill="{GREEN}"/>
  <path d="{regular}" fill="{GREEN}"/>
</svg>
'''
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(svg):,} bytes)")


if __name__ == "__main__":
    main()
