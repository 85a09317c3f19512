"""Vector paths: both renderers fill by the same rule and the same outline.

The PNG is compared with poppler's rendering of the PDF (pdftoppm, 72 dpi): inside
and outside each shape they must agree exactly; only a one-pixel anti-aliased fringe
along the outline may differ (Splash and our 4x4 supersampled scan conversion
estimate edge coverage differently). Each shape is also checked against its own
geometry: a ring's hole is background, a shape's inside is its colour.
"""

from __future__ import annotations

import io
import math
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from render_pagekit import tool

from campaign_studio.model.pagetree import Color, FigureGroup, Page, PathItem, PathOp, Rect
from campaign_studio.render import render_image, render_pdf

WHITE = Color(255, 255, 255)
ACCENT = Color(168, 0, 96)
NAVY = Color(22, 66, 115)
K = 0.5522847498  # cubic Bézier handle length of a quarter circle


def circle(cx: float, cy: float, r: float, *, clockwise: bool = True) -> list[PathOp]:
    """A circle of four cubic curves, wound clockwise (on screen) or counter-clockwise."""
    k = K * r
    if clockwise:
        return [("M", (cx + r, cy)), ("C", (cx + r, cy + k, cx + k, cy + r, cx, cy + r)),
                ("C", (cx - k, cy + r, cx - r, cy + k, cx - r, cy)), ("C", (cx - r, cy - k, cx - k, cy - r, cx, cy - r)),
                ("C", (cx + k, cy - r, cx + r, cy - k, cx + r, cy)), ("Z", ())]
    return [("M", (cx + r, cy)), ("C", (cx + r, cy - k, cx + k, cy - r, cx, cy - r)),
            ("C", (cx - k, cy - r, cx - r, cy - k, cx - r, cy)), ("C", (cx - r, cy + k, cx - k, cy + r, cx, cy + r)),
            ("C", (cx + k, cy + r, cx + r, cy + k, cx + r, cy)), ("Z", ())]


def rect_ops(x: float, y: float, w: float, h: float, *, clockwise: bool = True) -> list[PathOp]:
    pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    if not clockwise:
        pts.reverse()
    return [("M", pts[0]), *(("L", p) for p in pts[1:]), ("Z", ())]


SHAPES = {
    # even-odd: the inner circle (same winding) cuts a hole
    "ring even-odd": PathItem(tuple(circle(60, 60, 40) + circle(60, 60, 24)), fill=ACCENT, fill_rule="evenodd"),
    # non-zero: same winding fills the inner circle too; opposite winding cuts the hole
    "disc non-zero": PathItem(tuple(circle(170, 60, 40) + circle(170, 60, 24)), fill=NAVY),
    "ring non-zero": PathItem(tuple(circle(280, 60, 40) + circle(280, 60, 24, clockwise=False)), fill=ACCENT),
    # a self-intersecting star: its centre is inside for non-zero, outside for even-odd
    "star non-zero": PathItem((("M", (60, 130)), ("L", (84, 204)), ("L", (21, 158)), ("L", (99, 158)),
                               ("L", (36, 204)), ("Z", ())), fill=NAVY),
    "star even-odd": PathItem((("M", (170, 130)), ("L", (194, 204)), ("L", (131, 158)), ("L", (209, 158)),
                               ("L", (146, 204)), ("Z", ())), fill=NAVY, fill_rule="evenodd"),
    "stroked line": PathItem((("M", (240, 140)), ("L", (320, 150)), ("L", (250, 200))), stroke=ACCENT,
                             stroke_width=6),
}
INSIDE = {  # (x, y) pixel centres that must show the shape's colour, and points that must stay white
    "ring even-odd": ([(60, 28), (24, 60)], [(60, 60)]),
    "disc non-zero": ([(170, 28), (170, 60)], []),
    "ring non-zero": ([(280, 28)], [(280, 60)]),
    "star non-zero": ([(60, 170), (60, 140)], []),
    "star even-odd": ([(170, 140)], [(170, 170)]),
    "stroked line": ([(280, 145)], [(300, 180)]),
}


def _page() -> Page:
    items = tuple(SHAPES.values())
    group = FigureGroup("chart", Rect(0, 0, 340, 220), items, alt="test shapes")
    return Page(340, 220, WHITE, (group,), "nl", "paths")


def _pdf_image(tmp_path: Path) -> Image.Image:
    path = tmp_path / "paths.pdf"
    path.write_bytes(render_pdf(_page()))
    out = subprocess.run([tool("pdftoppm"), "-r", "72", "-png", "-singlefile", str(path)], capture_output=True,
                         check=True).stdout
    return Image.open(io.BytesIO(out)).convert("RGB")


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> tuple[Image.Image, Image.Image]:
    return render_image(_page()), _pdf_image(tmp_path_factory.mktemp("paths"))


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_shape_is_filled_by_its_rule_in_both_renderers(images, name: str) -> None:
    inside, outside = INSIDE[name]
    colour = (SHAPES[name].fill or SHAPES[name].stroke).rgb  # type: ignore[union-attr]
    for label, image in zip(("png", "pdf"), images, strict=True):
        for x, y in inside:
            assert image.getpixel((x, y)) == colour, f"{label}: {name} at {(x, y)}"
        for x, y in outside:
            assert image.getpixel((x, y)) == WHITE.rgb, f"{label}: {name} hole at {(x, y)}"


def test_png_and_pdf_agree_except_on_a_one_pixel_outline_fringe(images) -> None:
    png, pdf = images
    diff = ImageChops.difference(png, pdf).convert("L")
    assert ImageStat.Stat(diff).mean[0] < 2.0
    # every pixel that differs by more than 8 levels lies within one pixel of a place where
    # the PNG itself changes colour (an edge), never inside a flat region
    flat_errors = []
    px_png, px_diff = png.load(), diff.load()
    w, h = png.size
    for y in range(1, h - 1):
        for x in range(1, w - 1):
            if px_diff[x, y] <= 8:
                continue
            around = {px_png[x + dx, y + dy] for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
            if len(around) == 1:
                flat_errors.append((x, y, px_diff[x, y]))
    assert not flat_errors, flat_errors[:10]


def test_a_circle_of_curves_covers_the_area_of_a_circle() -> None:
    page = Page(120, 120, WHITE, (PathItem(tuple(circle(60, 60, 40)), fill=NAVY),), "nl", "circle")
    image = render_image(page).convert("L")
    # coverage-weighted ink: 255 - grey level, over the navy's own darkness
    navy_grey = Image.new("RGB", (1, 1), NAVY.rgb).convert("L").getpixel((0, 0))
    ink = sum(255 - v for v in image.get_flattened_data()) / (255 - navy_grey)
    assert ink == pytest.approx(math.pi * 40 * 40, rel=0.005)


def test_a_path_must_start_with_a_move_and_give_each_operator_its_coordinates() -> None:
    with pytest.raises(ValueError, match="starts with a move"):
        PathItem((("L", (0, 0)),))
    with pytest.raises(ValueError, match="takes 6 coordinates"):
        PathItem((("M", (0, 0)), ("C", (1, 2))))
