"""The PNG and the screen PDF of one page tree look the same.

The PDF is rasterised by poppler (`pdftoppm -r 72`) and compared pixel by pixel with
the PNG at 72 dpi. They cannot be identical: both rasterisers anti-alias, but
differently.

* Text. Both draw the same glyphs unhinted at the same advances, but Pillow puts
  every glyph bitmap on a whole pixel (up to 0.5 px off), while poppler's Splash
  renders at the exact sub-pixel position. Each glyph edge therefore differs by up
  to half a pixel of coverage: on black-on-white stems that is up to ~128 levels on
  a one-pixel fringe. On this text-heavy card about 1.3 % of all pixels are such
  fringes; nowhere else do large differences occur.
* The logo: LANCZOS resampling (Pillow) vs Splash's image scaler, on its edges.
* The QR code: one path of abutting module rectangles; Splash's 4x4 anti-aliasing
  leaves a faint (<= 70 levels) line where module rows meet, Pillow has none.
* Fills on whole-point edges are identical.

Bounds, with margin over the measured values (mean ~1.8/255, 98.7 % within 48
levels, 99.8 % of the non-text area within 8 levels):

* mean absolute difference over all channels < 3/255: a shifted block, a wrong
  colour or a missing run would exceed it (one missing body line alone costs ~0.7);
* at least 98.5 % of pixels differ by at most 48 levels (max over channels);
* outside text blocks and images, 99.5 % of pixels within 8 levels and none more
  than 96 levels apart: fills, background and QR code agree essentially exactly.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageStat
from render_pagekit import card_page, poster_page, tool

from campaign_studio.model.pagetree import ImageItem, Page, TextBlock
from campaign_studio.render import render_image, render_pdf

MEAN_MAX = 3.0
WITHIN_48_MIN = 0.985
FLAT_WITHIN_8_MIN = 0.995
FLAT_MAX = 96


def rasterise_pdf(data: bytes, tmp_path: Path, dpi: int = 72) -> Image.Image:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    out = subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", str(path)],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(out)).convert("RGB")


def max_channel_difference(a: Image.Image, b: Image.Image) -> Image.Image:
    r, g, b_ = ImageChops.difference(a, b).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), b_)


def compare(page: Page, tmp_path: Path, dpi: int = 72) -> dict[str, float]:
    png = render_image(page, dpi=dpi)
    pdf = rasterise_pdf(render_pdf(page), tmp_path, dpi)
    assert png.size == pdf.size
    diff = max_channel_difference(png, pdf)
    hist = diff.histogram()
    total = sum(hist)
    # the area outside text blocks and images (grown by 3 px for anti-aliased fringes)
    s = dpi / 72
    text_and_images = Image.new("L", png.size, 0)
    draw = ImageDraw.Draw(text_and_images)
    for item in page.items:
        if isinstance(item, TextBlock | ImageItem):
            b = item.box
            draw.rectangle((b.x * s - 3, b.y * s - 3, b.right * s + 3, b.bottom * s + 3), fill=255)
    flat = ImageChops.multiply(diff, ImageChops.invert(text_and_images))
    flat_hist = flat.histogram()
    flat_total = total - text_and_images.histogram()[255]
    return {
        "mean": sum(ImageStat.Stat(ImageChops.difference(png, pdf)).mean) / 3,
        "within48": sum(hist[:49]) / total,
        "flat_within8": (sum(flat_hist[:9]) - text_and_images.histogram()[255]) / flat_total,
        "flat_max": max(i for i, n in enumerate(flat_hist) if n),
    }


def assert_same_look(stats: dict[str, float]) -> None:
    assert stats["mean"] < MEAN_MAX, stats
    assert stats["within48"] >= WITHIN_48_MIN, stats
    assert stats["flat_within8"] >= FLAT_WITHIN_8_MIN, stats
    assert stats["flat_max"] <= FLAT_MAX, stats


def test_card_png_and_pdf_agree(card: Page, tmp_path: Path) -> None:
    assert_same_look(compare(card, tmp_path))


def test_poster_png_and_pdf_agree(tmp_path: Path) -> None:
    assert_same_look(compare(poster_page(), tmp_path))


def test_the_comparison_catches_a_misplaced_block(card: Page, tmp_path: Path) -> None:
    """The bounds are tight enough to fail when the PDF draws something else."""
    png = render_image(card)
    shifted_items = tuple(
        TextBlock(i.slot, i.role, i.language, i.text, i.box, i.lines[1:], i.size) if isinstance(i, TextBlock)
        and i.slot == "body" else i
        for i in card.items
    )
    other = Page(card.width, card.height, card.background, shifted_items, card.language, card.title)
    pdf = rasterise_pdf(render_pdf(other), tmp_path)
    diff = max_channel_difference(png, pdf)
    hist = diff.histogram()
    mean = sum(ImageStat.Stat(ImageChops.difference(png, pdf)).mean) / 3
    assert mean >= MEAN_MAX or sum(hist[:49]) / sum(hist) < WITHIN_48_MIN


def test_logo_only_card(logo: Path, tmp_path: Path) -> None:
    page = card_page(logo)
    page = Page(page.width, page.height, page.background, page.items[:2] + page.items[-1:], "nl", "t")
    assert_same_look(compare(page, tmp_path))
