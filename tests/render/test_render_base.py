"""The renderer interface and the colour conversion for print."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_pagekit import BLACK, NAVY, WHITE, card_page

from campaign_studio.model.pagetree import Color, FigureGroup, Fill, GlyphRun, ImageItem, Page, PathItem, QRCode, Rect, TextBlock
from campaign_studio.render import Renderer, render_image, render_pdf, render_png
from campaign_studio.render.colour import image_to_cmyk, to_cmyk
from campaign_studio.render.pdf import PdfRenderer
from campaign_studio.render.raster import RasterRenderer


class Recorder(Renderer[list[str]]):
    """A do-nothing output format: one class, the tree walk comes from the base."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.calls: list[str] = []

    def draw_background(self, color: Color) -> None:
        self.calls.append(f"background {color.hex}")

    def draw_fill(self, fill: Fill) -> None:
        self.calls.append("fill")

    def begin_text_block(self, block: TextBlock) -> None:
        self.calls.append(f"block {block.slot}")

    def draw_glyph_run(self, run: GlyphRun, block: TextBlock) -> None:
        self.calls.append("run")

    def draw_qr(self, qr: QRCode) -> None:
        self.calls.append("qr")

    def draw_image(self, item: ImageItem) -> None:
        self.calls.append("image")

    def draw_path(self, path: PathItem) -> None:
        self.calls.append(f"path {path.role}")

    def begin_group(self, group: FigureGroup) -> None:
        self.calls.append(f"group {group.role}")

    def end_group(self, group: FigureGroup) -> None:
        self.calls.append("end group")

    def finish(self) -> list[str]:
        return self.calls


def test_a_new_format_is_one_subclass(card: Page) -> None:
    calls = Recorder(card).render()
    assert calls == [
        "background #FFFFFF", "fill", "fill",
        "block heading", "run", "run",
        "block body", "run", "run", "run",
        "block translation", "run",
        "qr", "image",
    ]


def test_figure_groups_are_walked_in_reading_order(card: Page) -> None:
    bar = PathItem((("M", (0, 0)), ("L", (10, 0)), ("L", (10, 5)), ("Z", ())), fill=NAVY, role="figure")
    inner = FigureGroup("icon", Rect(0, 0, 10, 5), (bar,), alt="icon")
    chart = FigureGroup("chart", Rect(0, 0, 10, 5), (Fill(Rect(0, 0, 10, 5), WHITE), inner), alt="chart")
    page = Page(card.width, card.height, card.background, (chart, *card.items[:1]), "nl", "t")
    assert Recorder(page).render() == [
        "background #FFFFFF", "group chart", "fill", "group icon", "path figure", "end group", "end group", "fill"]
    assert page.walk() == [chart, chart.items[0], inner, bar, card.items[0]]


def test_both_renderers_implement_the_interface() -> None:
    assert issubclass(RasterRenderer, Renderer) and issubclass(PdfRenderer, Renderer)
    with pytest.raises(TypeError):
        Renderer(card_page())  # type: ignore[abstract]


def test_public_api() -> None:
    import campaign_studio.render as r

    assert set(r.__all__) >= {"render_png", "render_image", "render_pdf", "Renderer"}
    assert callable(render_png) and callable(render_image) and callable(render_pdf)


def test_cmyk_fixed_by_the_brand_is_used_as_is() -> None:
    assert to_cmyk(Color(1, 2, 3, cmyk=(0.1, 0.2, 0.3, 0.4))) == (0.1, 0.2, 0.3, 0.4)


def test_neutrals_for_small_things_are_black_ink_only() -> None:
    assert to_cmyk(BLACK, prefer_k=True) == (0, 0, 0, 1)
    assert to_cmyk(WHITE, prefer_k=True) == (0, 0, 0, 0)
    c, m, y, k = to_cmyk(Color(128, 128, 128), prefer_k=True)
    assert (c, m, y) == (0, 0, 0) and 0.5 < k < 0.8  # mid grey L*=54 needs ~2/3 K on coated paper
    greys = [to_cmyk(Color(v, v, v), prefer_k=True)[3] for v in range(0, 256, 15)]
    assert greys == sorted(greys, reverse=True)


def test_colours_go_through_the_fogra39_profile() -> None:
    c, m, y, k = to_cmyk(NAVY)
    assert c > 0.7 and m > 0.3 and y < 0.1 and k > 0.3
    red = to_cmyk(Color(227, 6, 19))
    assert red[0] < 0.05 and red[1] > 0.9 and red[2] > 0.8
    assert to_cmyk(WHITE) == (0, 0, 0, 0)
    # rich black for large areas
    assert sum(to_cmyk(BLACK)) > 3.0


def test_image_to_cmyk_matches_vector_colours(logo: Path) -> None:
    from PIL import Image

    im = Image.new("RGB", (2, 1))
    im.putpixel((0, 0), NAVY.rgb)
    im.putpixel((1, 0), WHITE.rgb)
    out = image_to_cmyk(im)
    assert out.mode == "CMYK"
    assert tuple(round(v / 255, 3) for v in out.getpixel((0, 0))) == to_cmyk(NAVY)  # type: ignore[union-attr]
    assert out.getpixel((1, 0)) == (0, 0, 0, 0)
