"""PNG renderer: size, colour space, determinism, pixels where the page tree says."""

from __future__ import annotations

import io
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from matrixkit import ShippedMatrix
from PIL import Image, ImageFont
from render_pagekit import (
    ARABIC,
    ARABIC_TEXT,
    BAND,
    BOLD,
    DUTCH_BODY,
    NAVY,
    ORANGE,
    PALE,
    PANEL,
    QR_DATA,
    REGULAR,
    WHITE,
    block_of,
    card_page,
    moved,
    paragraph,
    poster_page,
    qr_item,
    shape_run,
    tool,
)

from campaign_studio.model.pagetree import Fill, GlyphRun, ImageItem, Page, Rect, TextBlock
from campaign_studio.render import raster, render_image, render_png
from campaign_studio.resources import fonts_dir


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunks.append((kind, data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return chunks


def open_png(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def test_png_has_exact_size_mode_and_srgb(card: Page) -> None:
    data = render_png(card)
    im = open_png(data)
    assert im.size == (1080, 1350)
    assert im.mode == "RGB"
    assert im.info.get("srgb") == 0  # sRGB chunk, perceptual intent
    kinds = [k for k, _ in png_chunks(data)]
    assert kinds.index(b"sRGB") < kinds.index(b"IDAT")
    assert b"gAMA" in kinds and b"cHRM" in kinds
    # nothing that varies between runs: no time, no embedded (time-stamped) profile; the only text
    # is the image's alternative text, title, language and maker (PNG metadata, issue 10)
    assert not {b"tIME", b"zTXt", b"iCCP"} & set(kinds)
    assert set(im.text) == {"Description", "Title", "Software", "XML:com.adobe.xmp"}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("w", "h", "dpi", "expected"), [
    (1080, 1350, 72, (1080, 1350)),
    (841.89, 1190.55, 150, (1754, 2480)),  # A3 at 150 dpi
    (100.3, 50.2, 300, (418, 209)),
])
def test_pixel_size_is_rounded_trim_at_dpi(w: float, h: float, dpi: float, expected: tuple[int, int]) -> None:
    page = Page(w, h, WHITE, (), language="nl", title="t")
    assert render_image(page, dpi=dpi).size == expected
    assert expected == (round(w * dpi / 72), round(h * dpi / 72))


def test_same_page_same_bytes(card: Page) -> None:
    assert render_png(card) == render_png(card)
    logo = card.items[-1]
    assert isinstance(logo, ImageItem)
    assert render_png(card_page(logo.path)) == render_png(card)  # an equal page built again


def test_png_is_unfiltered_fast_deflate(card: Page) -> None:
    """The settings bench/png_settings.py chose: every row unfiltered, zlib level 3 (FLEVEL 1: levels 2-5)."""
    idat = b"".join(d for k, d in png_chunks(render_png(card)) if k == b"IDAT")
    assert idat[0] & 0x0F == 8  # deflate
    assert idat[1] >> 6 == 1  # FLEVEL 1: fast compression
    rows = zlib.decompress(idat)
    image = render_image(card)
    stride = 1 + 3 * image.width
    assert len(rows) == stride * image.height
    assert {rows[y * stride] for y in range(image.height)} == {0}  # filter type None on every row
    assert b"".join(rows[y * stride + 1 : (y + 1) * stride] for y in range(image.height)) == image.tobytes()


def test_fill_colours_at_known_spots(card: Page) -> None:
    im = render_image(card)
    assert im.getpixel((540, 90)) == NAVY.rgb  # the band
    assert im.getpixel((0, 0)) == NAVY.rgb and im.getpixel((1079, 179)) == NAVY.rgb
    assert im.getpixel((540, 180)) == WHITE.rgb  # first row below the band
    assert im.getpixel((int(PANEL.x) + 480, int(PANEL.bottom) - 10)) == PALE.rgb
    # rounded corner: the corner pixel is background, a pixel a radius inside is the panel
    assert im.getpixel((int(PANEL.x), int(PANEL.y))) == WHITE.rgb
    assert im.getpixel((int(PANEL.x) + 24, int(PANEL.y) + 24)) == PALE.rgb
    # and the corner is anti-aliased, not stepped
    edge = [im.getpixel((int(PANEL.x) + i, int(PANEL.y) + 3))[0] for i in range(3, 14)]
    assert any(PALE.r < v < WHITE.r for v in edge)


def test_fills_snap_to_whole_pixels_at_other_dpi() -> None:
    page = Page(100, 100, WHITE, (Fill(Rect(10.2, 10.2, 30.3, 20.0), NAVY),), language="nl", title="t")
    im = render_image(page, dpi=150)  # box -> x 21.25..84.375, y 21.25..62.9
    assert im.getpixel((21, 21)) == NAVY.rgb and im.getpixel((83, 62)) == NAVY.rgb
    assert im.getpixel((20, 30)) == WHITE.rgb and im.getpixel((84, 30)) == WHITE.rgb


def zbar(png_path: Path) -> str:
    out = subprocess.run([tool("zbarimg"), "--raw", "-q", str(png_path)], capture_output=True, check=True)
    return out.stdout.decode("utf-8").strip()


@pytest.mark.parametrize("dpi", [72, 150])
def test_qr_code_decodes_to_its_data(card: Page, tmp_path: Path, dpi: float) -> None:
    path = tmp_path / "card.png"
    path.write_bytes(render_png(card, dpi=dpi))
    assert zbar(path) == QR_DATA


def test_qr_modules_are_whole_pixels_and_centred(tmp_path: Path) -> None:
    # 29 modules + 2x4 quiet = 37; a 200 pt box at 72 dpi gives floor(200/37) = 5 px modules
    box = Rect(10, 10, 200, 200)
    page = Page(220, 220, ORANGE, (qr_item(QR_DATA, box),), language="nl", title="t")
    im = render_image(page)
    side = 5 * 37
    left = 10 + (200 - side) // 2
    assert im.getpixel((10, 10)) == WHITE.rgb  # light across the whole box, quiet zone included
    assert im.getpixel((209, 209)) == WHITE.rgb
    assert im.getpixel((left + 4 * 5, left + 4 * 5)) == NAVY.rgb  # top-left finder corner
    assert im.getpixel((left + 4 * 5 - 1, left + 4 * 5)) == WHITE.rgb
    colours = {c for _, c in im.crop((10, 10, 210, 210)).getcolors(1 << 16) or []}
    assert colours == {WHITE.rgb, NAVY.rgb}  # crisp: no grey edge pixels
    path = tmp_path / "qr.png"
    path.write_bytes(render_png(page))
    assert zbar(path) == QR_DATA


def ink_bbox(im: Image.Image, background: tuple[int, int, int] = WHITE.rgb) -> tuple[int, int, int, int] | None:
    bg = Image.new("RGB", im.size, background)
    from PIL import ImageChops

    return ImageChops.difference(im, bg).getbbox()


def test_text_ink_inside_run_box_and_nowhere_outside_block() -> None:
    box = Rect(40, 30, 500, 200)
    block = paragraph(DUTCH_BODY, box, size=24)
    page = Page(600, 300, WHITE, (block,), language="nl", title="t")
    im = render_image(page)
    bbox = ink_bbox(im)
    assert bbox is not None
    assert bbox[0] >= box.x - 1 and bbox[1] >= box.y - 1 and bbox[2] <= box.right + 1 and bbox[3] <= box.bottom + 1
    for line in block.lines:
        run = line.runs[0]
        top, bottom = run.y - line.ascent, run.y + line.descent
        crop = im.crop((round(run.x), round(top), round(run.x + run.width), round(bottom)))
        assert ink_bbox(crop) is not None
        # the run's ink spans (almost) its advance width: layout's width is what was drawn
        ib = ink_bbox(crop)
        assert ib is not None and ib[2] - ib[0] >= run.width - 0.1 * run.size - 2


RUNS = [
    (DUTCH_BODY, REGULAR, 24.0, "ltr", "Latn", "nl"),
    ("Samen maken we zorg over de grens beter", BOLD, 72.0, "ltr", "Latn", "nl"),
    ("office fijn AVATAR Tijdens", REGULAR, 13.5, "ltr", "Latn", "nl"),
    (ARABIC_TEXT, ARABIC, 44.0, "rtl", "Arab", "ar"),
    ("السلام عليكم ومُحَمَّد", ARABIC, 11.0, "rtl", "Arab", "ar"),
]


@pytest.mark.parametrize("dpi", [72.0, 150.0, 300.0])
@pytest.mark.parametrize(("text", "font", "size", "direction", "script", "language"), RUNS)
def test_pillow_width_matches_glyph_run_width(text: str, font: str, size: float, direction: str, script: str,
                                              language: str, dpi: float) -> None:
    run = shape_run(text, font=font, size=size, direction=direction, script=script,  # type: ignore[arg-type]
                    language=language)
    scale = dpi / 72
    pil_font = raster.font_for_run(run, scale)
    drawn = pil_font.getlength(run.text, direction=run.direction, language=run.language)
    expected = run.width * scale
    assert abs(drawn - expected) <= 1 + 0.01 * expected


def test_right_to_left_run_is_drawn_shaped_and_right_aligned() -> None:
    run = shape_run(ARABIC_TEXT, font=ARABIC, size=40, direction="rtl", script="Arab", language="ar")
    run = moved(run, 580 - run.width, 60)
    page = Page(600, 100, WHITE, (block_of([run], Rect(0, 0, 600, 100), language="ar"),), language="ar",
                title="t")
    bbox = ink_bbox(render_image(page))
    assert bbox is not None
    assert abs(bbox[2] - 580) <= 3 and abs(bbox[0] - (580 - run.width)) <= 3
    # joined script: far fewer separate blobs than letters. Count ink runs along the baseline band.
    im = render_image(page).convert("L").crop((0, 30, 600, 62))
    cols = [min(im.getpixel((x, y)) for y in range(im.height)) < 128 for x in range(im.width)]
    blobs = sum(1 for i in range(1, len(cols)) if cols[i] and not cols[i - 1])
    assert blobs < len(ARABIC_TEXT.replace(" ", "")) * 0.6


def test_image_item_is_composited_with_alpha(logo: Path) -> None:
    box = Rect(20, 20, 200, 100)  # logo is 200x100 px: no resampling at 72 dpi
    page = Page(240, 140, PALE, (ImageItem(box, logo, alt="Logo"),), language="nl", title="t")
    im = render_image(page)
    assert im.getpixel((20 + 50, 20 + 50)) == ORANGE.rgb  # disc centre
    assert im.getpixel((20 + 150, 20 + 50)) == NAVY.rgb  # opaque bar
    assert im.getpixel((20 + 2, 20 + 2)) == PALE.rgb  # transparent corner shows the background
    big = render_image(page, dpi=144)  # resized with LANCZOS to the box
    assert big.getpixel((2 * 70, 2 * 70)) == ORANGE.rgb


@pytest.mark.parametrize("name", sorted(p.name for p in fonts_dir().glob("*.ttf")))
def test_fonts_are_drawn_unhinted_with_unchanged_advances(name: str) -> None:
    data = (fonts_dir() / name).read_bytes()
    patched = raster.without_hinting(data)
    assert len(patched) == len(data) and patched != data  # every shipped font has a 'prep' to replace
    a = ImageFont.truetype(io.BytesIO(data), 30, layout_engine=ImageFont.Layout.RAQM)
    b = ImageFont.truetype(io.BytesIO(patched), 30, layout_engine=ImageFont.Layout.RAQM)
    sample = "Hamburgefontsiv 0123" if "Arabic" not in name and "Ethiopic" not in name else (
        ARABIC_TEXT if "Arabic" in name else "ሰላም ለዓለም")
    assert a.getlength(sample) == b.getlength(sample)


def test_unhinted_cap_height_is_not_snapped_to_the_pixel_grid() -> None:
    # Noto Sans 'H' is 714/1000 em tall: at 72 px that is 51.41 px, so with the baseline on a
    # pixel edge the top row is partly covered (hinting would snap it to a whole pixel)
    run = moved(shape_run("H", font=REGULAR, size=72), 10, 80)
    page = Page(80, 100, WHITE, (block_of([run], Rect(0, 0, 80, 100)),), language="nl", title="t")
    im = render_image(page).convert("L")
    rows = [min(im.getpixel((x, y)) for x in range(80)) for y in range(100)]
    top = next(y for y, v in enumerate(rows) if v < 255)
    assert top == 28 and 100 < rows[top] < 200  # ~41 % coverage
    assert rows[79] == 0 and rows[80] == 255  # baseline on the pixel edge at y=80


def test_text_needs_raqm(monkeypatch: pytest.MonkeyPatch) -> None:
    raster._check_raqm.cache_clear()
    monkeypatch.setattr(raster.features, "check", lambda name: False)
    try:
        with pytest.raises(raster.RaqmUnavailableError):
            render_image(card_page())
    finally:
        raster._check_raqm.cache_clear()


def test_background_only_page_and_poster_render() -> None:
    assert render_image(Page(10, 10, ORANGE, (), language="nl", title="t")).getcolors() == [(100, ORANGE.rgb)]
    im = render_image(poster_page(), dpi=150)
    assert im.getpixel((5, 5)) == NAVY.rgb


def test_band_touching_the_edges_fills_them(card: Page) -> None:
    im = render_image(card)
    assert all(im.getpixel((x, 0)) == NAVY.rgb for x in range(0, 1080, 7))
    assert all(im.getpixel((x, int(BAND.bottom) - 1)) == NAVY.rgb for x in range(0, 1080, 7))



class _ImageDrawText(raster.RasterRenderer):
    """The glyph runs drawn by ImageDraw.text, as before the per-process run masks."""

    def draw_glyph_run(self, run: GlyphRun, block: TextBlock) -> None:
        if run.text:
            self.draw.text((run.x * self.scale, run.y * self.scale), run.text, fill=run.color.rgb,
                           font=raster.font_for_run(run, self.scale), anchor="ls", direction=run.direction,
                           language=run.language)


@pytest.mark.parametrize(("template", "fmt", "language", "brand", "dpi"), [
    ("women-men", "post-4x5", "nl", "national", 72.0),
    ("where-to-get-help", "story-9x16", "ar", "gemeente-voorbeeld", 72.0),
    ("statistic-spotlight", "wide-16x9", "uk", "neutral", 72.0),
    ("action-line", "a4", "fa", "national", 100.0),  # fractional pixel origins on a print page
])
def test_cached_run_masks_draw_what_imagedraw_text_draws(shipped: ShippedMatrix, template: str, fmt: str,
                                                         language: str, brand: str, dpi: float) -> None:
    page = shipped.lay(template, fmt, language, brand).page
    assert page is not None
    expected = _ImageDrawText(page, dpi).render().tobytes()
    assert render_image(page, dpi=dpi).tobytes() == expected
    assert render_image(page, dpi=dpi).tobytes() == expected  # the second time from the cache
    assert raster._run_mask.cache_info().hits > 0
