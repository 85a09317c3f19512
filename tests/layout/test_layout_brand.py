"""A brand with a logo (gemeente-voorbeeld): the logo keeps its proportions, sits at the start side, and the
brand's colours reach the page tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from layoutkit import all_violations, of_type

from campaign_studio.content.design_loader import load_brand, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.logos import logo_info
from campaign_studio.layout.engine import arrangements_for, column_areas
from campaign_studio.model.pagetree import Color, Fill, ImageItem
from campaign_studio.resources import brands_dir

BRAND = "gemeente-voorbeeld"
FORMATS = load_formats()


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("fmt", [f for f in FORMATS if load_templates()["action-line"].made_for(f)])
def test_logo_at_the_top_of_the_start_side(fmt: str, lang: str, lay_out) -> None:
    laid = lay_out("action-line", fmt, lang, brand=BRAND)
    page = laid.require_page()
    brand = load_brand(BRAND)
    assert brand.logo is not None
    (logo,) = of_type(page, ImageItem)
    assert logo.path == brand.logo and logo.alt == "Logo van Gemeente Voorbeeld"
    assert logo.box.w / logo.box.h == pytest.approx(logo_info(brand.logo).aspect, rel=0.01)  # an SVG's viewBox
    content = laid.grid.content
    assert logo.box.y == pytest.approx(content.y, abs=0.5)
    if lang == "ar":
        assert logo.box.right == pytest.approx(content.right, abs=0.5)
    else:
        assert logo.box.x == pytest.approx(content.x, abs=0.5)
    assert all_violations(page, laid.grid, FORMATS[fmt]) == []


@pytest.mark.parametrize("fmt", ["post-4x5", "a4"])
def test_brand_colours_reach_the_page(fmt: str, lay_out) -> None:
    laid = lay_out("action-line", fmt, "nl", brand=BRAND)
    page = laid.require_page()
    assert page.metadata["brand"] == BRAND
    assert page.background == Color.from_hex("#FFFFFF")
    panels = [f for f in of_type(page, Fill) if f.role == "panel"]
    assert panels and all(p.color.rgb == Color.from_hex("#1B3A2F").rgb for p in panels)
    phone = next(b for b in page.text_blocks() if b.text == "0800-0188")
    assert {r.color.rgb for line in phone.lines for r in line.runs} == {(255, 255, 255)}  # panel_text
    headline = next(b for b in page.text_blocks() if b.slot == "headline")
    assert {r.color.rgb for line in headline.lines for r in line.runs} == {Color.from_hex("#1B3A2F").rgb}


def _kit(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "kit"
    shutil.copytree(brands_dir() / BRAND, folder)
    with (folder / "brand.yaml").open("a", encoding="utf-8") as out:
        out.write(extra)
    return folder


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("fmt", ["post-4x5", "a4", "link-1.91x1"])
def test_the_kit_places_the_logo_at_the_bottom_end_with_clear_space(fmt: str, lang: str, lay_out, tmp_path) -> None:
    kit = _kit(tmp_path, "logo_placement: {vertical: bottom, horizontal: end, clear_space: 0.5}\n")
    laid = lay_out("action-line", fmt, lang, brand=str(kit))
    page = laid.require_page()
    (logo,) = of_type(page, ImageItem)
    content = laid.grid.content
    column = next(a for a in column_areas(laid.grid, arrangements_for(laid.design.template, laid.grid.wide,
                                                                       laid.design.brand)[int(page.metadata["arrangement"])],
                                          lang == "ar", content.bottom) if a.x <= logo.box.x + logo.box.w / 2 <= a.right)
    if lang == "ar":  # the end of a right-to-left line is its left
        assert logo.box.x == pytest.approx(column.x, abs=0.5)
    else:
        assert logo.box.right == pytest.approx(column.right, abs=0.5)
    assert logo.box.y + logo.box.h / 2 > page.height / 2, "at the foot of its column"
    # half the logo's height stays clear above and below it: nothing else is drawn there
    clear = logo.box.h * 0.5
    for block in page.text_blocks():
        if block.box.x < logo.box.right and block.box.right > logo.box.x:
            assert block.box.bottom <= logo.box.y - clear + 0.5 or block.box.y >= logo.box.bottom + clear - 0.5
    assert all_violations(page, laid.grid, FORMATS[fmt]) == []


def test_the_partner_line_stands_above_the_partner_logo(lay_out, tmp_path) -> None:
    kit = _kit(tmp_path, "partner_logo: logo.png\npartner_alt: Logo van de partner\n"
                         "partner_line: in samenwerking met Gemeente Voorbeeld\n")
    page = lay_out("action-line", "a4", "nl", brand=str(kit)).require_page()
    (line,) = [b for b in page.text_blocks() if b.text == "in samenwerking met Gemeente Voorbeeld"]
    partner = next(i for i in of_type(page, ImageItem) if i.alt == "Logo van de partner")
    assert line.box.bottom <= partner.box.y and partner.box.y - line.box.bottom < line.size * 2
    assert partner.box.x == pytest.approx(line.box.x, abs=0.5), "at the start, under its line"
