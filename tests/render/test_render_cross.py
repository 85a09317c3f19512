"""The PNG and the screen PDF of one page tree look the same.

The PDF is rasterised by poppler (`pdftoppm -r 72 -png`) and compared with the PNG
rendered at 72 dpi, pixel by pixel (ImageChops). They cannot be identical, and the
bounds below follow from where and why they differ (measured on these pages):

* Text. Both draw the same unhinted outlines at the same advances (the ink per
  block is equal to within 0.3 %), but both put each glyph bitmap on a whole pixel:
  Pillow rounds the glyph origin to the nearest pixel, poppler's Splash rounds it
  down (so poppler's text sits on average ~0.4 px left of and up to 1 px above the
  exact position, Pillow's within +-0.5 px of it). Every glyph edge is therefore a
  one-pixel fringe that differs by up to ~128 levels. How many pixels that is
  depends on how much text there is: 1.3 % of the social card, 2.9 % of the A3
  poster set in 16 pt (16 px at 72 dpi).
* Images: LANCZOS (Pillow) vs Splash's image scaler differ on the logo's edges.
* QR code: one path of abutting module rectangles; Splash's 4x4 anti-aliasing
  leaves a faint line (<= 70 levels) where module rows meet, Pillow none.
* Fills with whole-point edges, and the background, are identical.

So the comparison is made where each kind of difference lives:

* everywhere: mean absolute difference < 5/255 (measured 1.8 card, 3.6 poster) and
  >= 96.5 % of pixels within 48 levels (98.7 %, 97.1 %): gross errors (a missing
  fill, a wrong background, a different size) fail these;
* outside text blocks and images: >= 99.5 % of pixels within 8 levels (99.7 %) and
  none more than 96 apart (69, the QR row seams): fills and QR codes agree;
* per text block: the same amount of ink to within 1 % and the ink's centre of mass
  within 1.25 px (measured <= 0.25 % and <= 1.0 px): a missing line, a wrong colour
  or a block moved by 2 pt or more fails this, fringes cannot.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat
from render_pagekit import moved, poster_page, tool

from campaign_studio.model.pagetree import Fill, ImageItem, Page, PathItem, TextBlock, TextLine
from campaign_studio.render import render_image, render_pdf

MEAN_MAX = 5.0
WITHIN_48_MIN = 0.965
FLAT_WITHIN_8_MIN = 0.995
FLAT_MAX = 96
INK_REL_MAX = 0.01
# ... but never less than this many pixels of ink: a short word (a chart's group label, 650 px of
# ink at 72 dpi) differs by its glyphs' edge fringe alone, about one pixel per glyph edge.
INK_ABS_MIN = 12.0
CENTROID_MAX_PX = 1.25


def rasterise_pdf(data: bytes, tmp_path: Path, dpi: int = 72) -> Image.Image:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    out = subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", str(path)],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(out)).convert("RGB")


def max_channel_difference(a: Image.Image, b: Image.Image) -> Image.Image:
    r, g, b_ = ImageChops.difference(a, b).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), b_)


def ink(im: Image.Image, background: tuple[int, int, int]) -> tuple[float, float, float]:
    """Amount of ink (difference from the background, max over channels) and its centre of mass."""
    diff = max_channel_difference(im, Image.new("RGB", im.size, background))
    w, h = diff.size
    data = diff.tobytes()
    total = sum(data)
    if not total:
        return 0.0, 0.0, 0.0
    cols = [sum(data[x::w]) for x in range(w)]
    rows = [sum(data[y * w : (y + 1) * w]) for y in range(h)]
    cx = sum(x * v for x, v in enumerate(cols)) / total
    cy = sum(y * v for y, v in enumerate(rows)) / total
    return total / 255, cx, cy


def _outlines(path: PathItem, steps: int = 12) -> list[list[tuple[float, float]]]:
    """A path's subpaths as polylines (curves sampled), closed where the path closes them."""
    outlines: list[list[tuple[float, float]]] = []
    points: list[tuple[float, float]] = []
    for op, c in path.ops:
        if op == "M":
            if len(points) > 1:
                outlines.append(points)
            points = [(c[0], c[1])]
        elif op == "L":
            points.append((c[0], c[1]))
        elif op == "C":
            x0, y0 = points[-1]
            for i in range(1, steps + 1):
                t = i / steps
                u = 1 - t
                points.append((u**3 * x0 + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t**3 * c[4],
                               u**3 * y0 + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t**3 * c[5]))
        elif op == "Z" and points:
            points += points[:2]  # closed: past the start again, so the corner there is joined too
    if len(points) > 1:
        outlines.append(points)
    return outlines


def compare(png: Image.Image, pdf: Image.Image, page: Page) -> list[str]:
    """What is wrong, per the bounds in the module docstring (empty: the two agree)."""
    problems: list[str] = []
    if png.size != pdf.size:
        return [f"size {png.size} != {pdf.size}"]
    diff = max_channel_difference(png, pdf)
    hist = diff.histogram()
    total = sum(hist)
    mean = sum(ImageStat.Stat(ImageChops.difference(png, pdf)).mean) / 3
    within48 = sum(hist[:49]) / total
    if mean >= MEAN_MAX:
        problems.append(f"mean difference {mean:.2f}/255")
    if within48 < WITHIN_48_MIN:
        problems.append(f"only {within48:.2%} of pixels within 48 levels")

    covered = Image.new("L", png.size, 0)
    draw = ImageDraw.Draw(covered)
    for item in page.walk():  # the items inside figure groups (charts) too
        if isinstance(item, PathItem):
            # A path's outline is anti-aliased by both, but each estimates edge coverage its own way
            # (test_render_paths): a fringe along the outline, like a fill's edge; a stroke's corners
            # (miter joins) reach out to twice its half width.
            stroke = item.stroke_width if item.stroke is not None else 0.0
            for outline in _outlines(item):
                draw.line(outline, fill=255, width=4 + round(2 * stroke), joint="curve")
        elif isinstance(item, TextBlock | ImageItem):
            b = item.box
            draw.rectangle((b.x - 3, b.y - 3, b.right + 3, b.bottom + 3), fill=255)
        elif isinstance(item, Fill):
            # A fill edge at a fractional position is anti-aliased by poppler but snapped to whole
            # pixels by Pillow (rounded corners too): its outline is not a flat area.
            b, edge = item.box, 4 + round(item.radius)
            draw.rectangle((b.x - 2, b.y - 2, b.right + 2, b.bottom + 2), outline=255, width=edge)
    n_covered = covered.histogram()[255]
    flat_hist = ImageChops.multiply(diff, ImageChops.invert(covered)).histogram()
    flat_within8 = (sum(flat_hist[:9]) - n_covered) / (total - n_covered)
    flat_max = max(i for i, n in enumerate(flat_hist) if n)
    if flat_within8 < FLAT_WITHIN_8_MIN or flat_max > FLAT_MAX:
        problems.append(f"fills differ: {flat_within8:.2%} within 8, max {flat_max}")

    for block in page.text_blocks():
        b = block.box
        box = (round(b.x) - 4, round(b.y) - 4, round(b.right) + 4, round(b.bottom) + 4)
        background = png.getpixel((box[0] + 1, box[1] + 1))
        assert isinstance(background, tuple)
        a_ink, a_x, a_y = ink(png.crop(box), background)
        b_ink, b_x, b_y = ink(pdf.crop(box), background)
        if abs(a_ink - b_ink) > max(INK_REL_MAX * a_ink, INK_ABS_MIN):
            problems.append(f"{block.slot}: ink {a_ink:.0f} vs {b_ink:.0f}")
        if abs(a_x - b_x) > CENTROID_MAX_PX or abs(a_y - b_y) > CENTROID_MAX_PX:
            problems.append(f"{block.slot}: ink centre off by ({a_x - b_x:.2f}, {a_y - b_y:.2f}) px")
    return problems


def test_card_png_and_pdf_agree(card: Page, tmp_path: Path) -> None:
    assert compare(render_image(card), rasterise_pdf(render_pdf(card), tmp_path), card) == []


def test_poster_png_and_pdf_agree(tmp_path: Path) -> None:
    poster = poster_page()
    assert compare(render_image(poster), rasterise_pdf(render_pdf(poster), tmp_path), poster) == []


def with_block(page: Page, slot: str, change) -> Page:  # type: ignore[no-untyped-def]
    items = tuple(change(i) if isinstance(i, TextBlock) and i.slot == slot else i for i in page.items)
    return Page(page.width, page.height, page.background, items, page.language, page.title)


def shifted(block: TextBlock, dx: float, dy: float) -> TextBlock:
    lines = tuple(
        TextLine(tuple(moved(r, r.x + dx, r.y + dy) for r in ln.runs), ln.baseline + dy, ln.left + dx, ln.width,
                 ln.ascent, ln.descent)
        for ln in block.lines
    )
    return TextBlock(block.slot, block.role, block.language, block.text, block.box, lines, block.size)


def test_the_comparison_catches_wrong_text(card: Page, tmp_path: Path) -> None:
    png = render_image(card)
    missing_line = with_block(card, "body", lambda b: TextBlock(b.slot, b.role, b.language, b.text, b.box,
                                                                b.lines[1:], b.size))
    moved_2pt = with_block(card, "body", lambda b: shifted(b, 2, 0))
    moved_down = with_block(card, "heading", lambda b: shifted(b, 0, 3))
    for other in (missing_line, moved_2pt, moved_down):
        assert compare(png, rasterise_pdf(render_pdf(other), tmp_path), card) != []


def test_the_comparison_catches_a_missing_fill(card: Page, tmp_path: Path) -> None:
    without_band = Page(card.width, card.height, card.background, card.items[1:], card.language, card.title)
    problems = compare(render_image(card), rasterise_pdf(render_pdf(without_band), tmp_path), card)
    assert any("fills differ" in p for p in problems)


@pytest.mark.parametrize(
    ("template", "fmt", "lang"),
    [("women-men", "post-4x5", "nl"), ("statistic-spotlight", "a3", "en"), ("action-line", "wide-16x9", "ar")],
)
def test_real_designs_agree_as_png_and_pdf(template: str, fmt: str, lang: str, tmp_path: Path) -> None:
    """The built-in campaign's own designs, through the whole pipeline, within the same bounds."""
    from campaign_studio import pipeline

    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    page, diagnostics = pipeline.layout(pipeline.resolve_design(campaign, template, fmt, lang))
    assert page is not None, diagnostics
    assert compare(render_image(page), rasterise_pdf(render_pdf(page), tmp_path), page) == []
