"""Make "Voorbeeld Sans", the example municipality's own brand font, from Noto Sans (SIL OFL 1.1).

A Modified Version under the OFL: Noto Sans cut down to Latin (so Cyrillic, Arabic and
Ethiopic come from the shipped Noto fallbacks, as for any brand font that lacks them),
set 2.5 % of an em wider per letter (tracking added to every advance), and renamed, as the licence asks.
Run: .venv/bin/python scripts/make_example_font.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
OUT = ROOT / "assets" / "brands" / "gemeente-voorbeeld" / "fonts"
FAMILY = "Voorbeeld Sans"
TRACKING = 25  # font units of 1000 per em
# Basic Latin, Latin-1, Latin Extended-A and B (Dutch, Turkish, Polish, Papiamento...), general punctuation.
UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2000, 0x2070), 0x20AC, 0x2122, 0x2212]


def make(weight: str) -> Path:
    font = TTFont(FONTS / f"NotoSans-{weight}.ttf", recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["kern", "liga", "mark", "mkmk", "ccmp", "locl"]
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    marks = set()
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        marks = {g for g, c in font["GDEF"].table.GlyphClassDef.classDefs.items() if c == 3}
    hmtx = font["hmtx"]
    for glyph, (advance, lsb) in list(hmtx.metrics.items()):
        if advance and glyph not in marks:  # the extra room goes to the right side: outlines stay put
            hmtx.metrics[glyph] = (advance + TRACKING, lsb)
    font["hhea"].advanceWidthMax += TRACKING
    ps = f"VoorbeeldSans-{weight}"
    names = {1: FAMILY, 3: f"{ps};Campaign Studio example", 4: f"{FAMILY} {weight}", 6: ps, 16: FAMILY, 17: weight}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    table.setName("Voorbeeld Sans is a Modified Version of Noto Sans, made for Campaign Studio's example "
                  "brand.", 10, 3, 1, 0x409)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{ps}.ttf"
    font.save(path)
    return path


def main() -> None:
    for weight in ("Regular", "Bold"):
        print("wrote", make(weight))
    licence = OUT / "OFL.txt"
    text = (FONTS / "OFL-Noto.txt").read_text(encoding="utf-8")
    head = ("Voorbeeld Sans: a Modified Version of Noto Sans (subset to Latin, 2.5% tracking, renamed),\n"
            "made by scripts/make_example_font.py for Campaign Studio's example brand.\n\n")
    licence.write_text(head + text, encoding="utf-8")
    shutil.copymode(FONTS / "OFL-Noto.txt", licence)
    print("wrote", licence)


if __name__ == "__main__":
    main()
