"""A brand kit's own files as both renderers draw them.

- The SVG logo is vectors in the PDF (no image XObject; its paths inside the logo's Figure tag),
  and crisp in the PNG (drawn at the box's own pixel size: hard edges, the same pixels resvg gives).
- The brand's own font is what both renderers use: pdffonts lists it embedded (and the Noto
  face only for the script it lacks), and the PNG's ink of a line is as wide as the brand font
  sets it, not as Noto Sans would.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
import uharfbuzz as hb
from PIL import Image
from render_pagekit import run_tool

from campaign_studio import pipeline
from campaign_studio.content.logos import logo_info
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import ImageItem, Page
from campaign_studio.render import render_pdf, render_png, vector_logo
from campaign_studio.resources import brands_dir, fonts_dir

BRAND = "gemeente-voorbeeld"


def _page(campaign: Campaign, fmt: str, language: str = "nl", template: str = "statistic-spotlight") -> Page:
    design = pipeline.resolve_design(campaign, template, fmt, language, brand=BRAND)
    page, diagnostics = pipeline.layout(design)
    assert page is not None, [d.message for d in diagnostics]
    return page


def _logo(page: Page) -> ImageItem:
    logos = [i for i in page.walk() if isinstance(i, ImageItem)]
    assert len(logos) == 1 and logos[0].path.suffix == ".svg"
    return logos[0]


# --- SVG logo --------------------------------------------------------------------------------

@pytest.mark.parametrize("print_ready", [False, True])
def test_the_svg_logo_is_vector_paths_in_the_pdf(builtin, print_ready) -> None:
    page = _page(builtin, "a4")
    pdf = pikepdf.open(io.BytesIO(render_pdf(page, print_ready=print_ready)))
    pdf_page = pdf.pages[0]

    xobjects = pdf_page.Resources.get("/XObject", {})
    images = [k for k, v in xobjects.items() if v.get("/Subtype") == "/Image"]
    assert images == [], "the logo is no image"
    content = pdf_page.Contents.read_bytes().decode("latin-1")
    figures = re.findall(r"/Figure <</MCID (\d+)>> BDC(.*?)EMC", content, re.DOTALL)
    logo_ops = [body for _, body in figures if body.count(" c\n") + body.count(" c ") > 50]
    assert len(logo_ops) == 1, "one Figure holds the logo's curves (the outlined name)"
    body = logo_ops[0]
    assert "\nf\n" in body and " Tf" not in body, "filled paths, no text and no font"
    colours = re.findall(r"([\d.]+ [\d.]+ [\d.]+ (?:[\d.]+ )?)(rg|k)\b", body)
    assert colours and {op for _, op in colours} == {"k" if print_ready else "rg"}, "print: CMYK only"
    assert "Logo van Gemeente Voorbeeld" in _figure_alts(pdf.Root.StructTreeRoot)


def _figure_alts(node: object) -> list[str]:
    """The /Alt of every Figure element under a structure node."""
    out: list[str] = []
    if isinstance(node, pikepdf.Array):
        for child in node:
            out += _figure_alts(child)
    elif isinstance(node, pikepdf.Dictionary):
        if node.get("/S") == "/Figure" and "/Alt" in node:
            out.append(str(node.Alt))
        if "/K" in node:
            out += _figure_alts(node.K)
    return out


def test_the_svg_logo_is_crisp_in_the_png(builtin) -> None:
    page = _page(builtin, "post-4x5")
    logo = _logo(page)
    with Image.open(io.BytesIO(render_png(page))) as im:
        png = im.convert("RGB")
    box = logo.box
    x0, y0, x1, y1 = round(box.x), round(box.y), round(box.right), round(box.bottom)
    drawn = png.crop((x0, y0, x1, y1))
    # the same pixels resvg gives at the box's own size, composited on the white background
    expected = Image.new("RGB", drawn.size, (255, 255, 255))
    svg = vector_logo.raster(logo_info(logo.path), x1 - x0, y1 - y0)
    expected.paste(svg, (0, 0), svg)
    assert drawn.tobytes() == expected.tobytes()
    # crisp: along the middle row, the emblem's left edge goes from white to its green within 2 pixels
    row = [png.getpixel((x, (y0 + y1) // 2)) for x in range(x0, x0 + 12)]
    dark = [x for x, p in enumerate(row) if max(p) < 80]
    light = [x for x, p in enumerate(row) if min(p) > 230]
    assert dark and (not light or dark[0] - light[-1] <= 2), row


def test_the_png_variant_of_the_logo_still_draws(builtin, tmp_path, cli) -> None:
    import shutil

    kit = tmp_path / "kit"
    shutil.copytree(brands_dir() / BRAND, kit)
    yaml = kit / "brand.yaml"
    yaml.write_text(re.sub(r"^logo: .*$", "logo: logo.png", yaml.read_text(encoding="utf-8"), flags=re.MULTILINE),
                    encoding="utf-8")
    out = tmp_path / "card.pdf"
    assert cli("render", "-t", "statistic-spotlight", "-f", "a4", "--brand", kit, "-o", out).code == 0
    pdf = pikepdf.open(out)
    xobjects = pdf.pages[0].Resources.get("/XObject", {})
    assert [k for k, v in xobjects.items() if v.get("/Subtype") == "/Image"], "the PNG logo is an image"


# --- the brand's own font --------------------------------------------------------------------

def _pdffonts(page: Page, tmp_path: Path) -> list[str]:
    path = tmp_path / "card.pdf"
    path.write_bytes(render_pdf(page))
    lines = run_tool("pdffonts", path).splitlines()[2:]
    return [f"{line.split()[0].split('+')[-1]} {line.split()[-5]}" for line in lines]  # name, embedded


def test_pdffonts_shows_the_brand_font_embedded(builtin, tmp_path) -> None:
    assert sorted(_pdffonts(_page(builtin, "a4"), tmp_path)) == ["VoorbeeldSans-Bold yes", "VoorbeeldSans-Regular yes"]
    arabic = _pdffonts(_page(builtin, "a4", "ar"), tmp_path)
    assert "VoorbeeldSans-Regular yes" in arabic, "the Latin source line stays in the brand font"
    assert {"NotoSansArabic-Regular yes", "NotoSansArabic-Bold yes"} <= set(arabic), "Arabic from the fallback"
    assert not [f for f in arabic if f.startswith("NotoSans-")], "no Latin text fell back to Noto Sans"


def _advance(font_file: Path, text: str, size: float) -> float:
    font = hb.Font(hb.Face(font_file.read_bytes()))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf)
    return sum(p.x_advance for p in buf.glyph_positions) * size / font.face.upem


def test_the_png_glyphs_are_the_brand_fonts(builtin) -> None:
    page = _page(builtin, "post-4x5")
    with Image.open(io.BytesIO(render_png(page))) as im:
        grey = im.convert("L")
    block = next(b for b in page.text_blocks() if b.role == "footnote" and len(b.lines) >= 2)
    line = block.lines[0]
    (run,) = line.runs
    assert run.font.path.name == "VoorbeeldSans-Regular.ttf"
    noto = _advance(fonts_dir() / "NotoSans-Regular.ttf", run.text, run.size)
    assert run.width - noto > 0.02 * run.size * len(run.text), "the brand font sets wider than Noto Sans"
    # the ink of the line, on the page: as wide as the brand font's run, less the side bearings of its
    # first and last glyph (a quarter em at most), and nowhere near Noto Sans's width
    top, bottom = round(line.baseline - line.ascent * 0.8), round(line.baseline)
    columns = [x for x in range(grey.width) if min(grey.getpixel((x, y)) for y in range(top, bottom)) < 140]
    ink = columns[-1] - columns[0] + 1
    assert 0 <= run.width - ink < 0.25 * run.size, (ink, run.width, noto)
    assert abs(ink - noto) > 0.5 * abs(run.width - noto), "closer to the brand font than to Noto Sans"
