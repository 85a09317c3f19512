"""A brand with a logo (gemeente-voorbeeld): the logo keeps its proportions, sits at the start side, and the
brand's colours reach the page tree."""

from __future__ import annotations

import pytest
from layoutkit import all_violations, of_type
from PIL import Image

from campaign_studio.content.design_loader import load_brand
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.model.pagetree import Color, Fill, ImageItem

BRAND = "gemeente-voorbeeld"
FORMATS = load_formats()


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_logo_at_the_top_of_the_start_side(fmt: str, lang: str, lay_out) -> None:
    laid = lay_out("action-line", fmt, lang, brand=BRAND)
    page = laid.require_page()
    brand = load_brand(BRAND)
    assert brand.logo is not None
    (logo,) = of_type(page, ImageItem)
    assert logo.path == brand.logo and logo.alt == "Logo van Gemeente Voorbeeld"
    with Image.open(brand.logo) as im:
        assert logo.box.w / logo.box.h == pytest.approx(im.width / im.height, rel=0.01)
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
