"""A contact sheet: every template × format of one language and brand in one labelled PNG.

Each cell is the design rendered and scaled to a common height, labelled with template,
format, the type scale and any slots left out; a design that does not fit is a red cell
with the error. Run:
    .venv/bin/python scripts/contact_sheet.py --lang ar --brand gemeente-voorbeeld -o /tmp/sheet-ar.png
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.render.raster import render_image
from campaign_studio.resources import fonts_dir

CELL_H = 420  # pixels of the tallest part of a cell (the design)
LABEL_H = 44
PAD = 16


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    found = sorted(fonts_dir().rglob("NotoSans-Regular.ttf"))
    return ImageFont.truetype(str(found[0]), size) if found else ImageFont.load_default()


def sheet(language: str, brand: str, templates: list[str] | None = None, formats: list[str] | None = None) -> Image.Image:
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    template_ids = templates or list(load_templates())
    fmts = [load_formats()[f] for f in formats] if formats else list(load_formats().values())
    label = _font(15)
    cells: list[list[Image.Image]] = []
    for template in template_ids:
        row = []
        for fmt in fmts:
            design = pipeline.resolve_design(campaign, template, fmt.id, language, brand=brand)
            page, diagnostics = pipeline.layout(design)
            w = round(CELL_H * fmt.width / fmt.height)
            cell = Image.new("RGB", (w, CELL_H + LABEL_H), (235, 235, 235))
            draw = ImageDraw.Draw(cell)
            if page is None:
                draw.rectangle((0, 0, w, CELL_H), fill=(200, 40, 40))
                text = diagnostics.errors[0].message if diagnostics.errors else "no page"
                draw.multiline_text((8, 8), "\n".join(text[i:i + 40] for i in range(0, 200, 40)), fill="white",
                                    font=label)
                note = "REFUSED"
            else:
                image = render_image(page, dpi=72.0 * CELL_H / page.height)
                cell.paste(image.resize((w, CELL_H)), (0, 0))
                dropped = page.metadata.get("dropped", "")
                note = f"scale {page.metadata.get('scale', '?')}" + (f"  left out: {dropped}" if dropped else "")
            draw.text((4, CELL_H + 2), f"{template} / {fmt.id}", fill="black", font=label)
            draw.text((4, CELL_H + 22), note, fill=(160, 0, 0) if "left out" in note or page is None else "black",
                      font=label)
            row.append(cell)
        cells.append(row)
    width = max(sum(c.width for c in row) + PAD * (len(row) + 1) for row in cells)
    height = len(cells) * (CELL_H + LABEL_H + PAD) + PAD + 30
    out = Image.new("RGB", (width, height), (255, 255, 255))
    ImageDraw.Draw(out).text((PAD, 6), f"language {language} · brand {brand}", fill="black", font=_font(20))
    y = PAD + 30
    for row in cells:
        x = PAD
        for cell in row:
            out.paste(cell, (x, y))
            x += cell.width + PAD
        y += CELL_H + LABEL_H + PAD
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--brand", default="national")
    parser.add_argument("--template", action="append")
    parser.add_argument("--format", action="append")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    sheet(args.lang, args.brand, args.template, args.format).save(args.output)
    print(args.output)


if __name__ == "__main__":
    main()
