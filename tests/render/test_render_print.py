"""Print PDFs: boxes, bleed, crop marks, CMYK only, PDF/X-4 output intent, determinism."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from render_pagekit import ARABIC_TEXT, BAND, BLACK, CARD_H, CARD_W, NAVY, WHITE, card_page, run_tool, tool

from campaign_studio.model.pagetree import Color, Fill, Page, Rect
from campaign_studio.render import render_pdf
from campaign_studio.render.colour import to_cmyk
from campaign_studio.render.pdf_print import DEFAULT_BLEED, MARK_WIDTH, MM, SLUG
from campaign_studio.resources import cmyk_profile_path

BLEED = 5 * MM
M = BLEED + SLUG  # media edge to trim edge
COLOUR_OPS_NOT_CMYK = {"rg", "RG", "g", "G", "sc", "SC", "scn", "SCN", "cs", "CS"}


@pytest.fixture
def print_card(logo: Path) -> Page:
    return card_page(logo, bleed=BLEED)


@pytest.fixture
def print_pdf(print_card: Page, tmp_path: Path) -> Path:
    path = tmp_path / "print.pdf"
    path.write_bytes(render_pdf(print_card, print_ready=True))
    return path


def boxes(path: Path) -> dict[str, tuple[float, ...]]:
    out = {}
    for line in run_tool("pdfinfo", "-box", path).splitlines():
        key, _, value = line.partition(":")
        if key.endswith("Box"):
            out[key] = tuple(float(v) for v in value.split())
    return out


def close(a: tuple[float, ...], b: tuple[float, ...], tol: float = 0.006) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_media_trim_and_bleed_boxes(print_pdf: Path) -> None:
    b = boxes(print_pdf)
    assert close(b["MediaBox"], (0, 0, CARD_W + 2 * M, CARD_H + 2 * M))
    assert close(b["TrimBox"], (M, M, M + CARD_W, M + CARD_H))
    assert close(b["BleedBox"], (M - BLEED, M - BLEED, M + CARD_W + BLEED, M + CARD_H + BLEED))


def test_default_bleed_is_3mm_when_the_page_has_none(tmp_path: Path) -> None:
    path = tmp_path / "p.pdf"
    path.write_bytes(render_pdf(Page(200, 100, WHITE, (), language="nl", title="t"), print_ready=True))
    b = boxes(path)
    m = DEFAULT_BLEED + SLUG
    assert abs(DEFAULT_BLEED - 8.504) < 0.001
    assert close(b["MediaBox"], (0, 0, 200 + 2 * m, 100 + 2 * m))
    assert close(b["BleedBox"], (SLUG, SLUG, SLUG + 200 + 2 * DEFAULT_BLEED, SLUG + 100 + 2 * DEFAULT_BLEED))


def content_ops(path: Path) -> list[tuple[list[object], str]]:
    pdf = pikepdf.open(path)
    return [(list(operands), str(op)) for operands, op in pikepdf.parse_content_stream(pdf.pages[0])]


def test_only_cmyk_colour_operators(print_pdf: Path) -> None:
    ops = {op for _, op in content_ops(print_pdf)}
    assert {"k", "K"} <= ops
    assert not ops & COLOUR_OPS_NOT_CMYK


def test_images_are_cmyk(print_pdf: Path) -> None:
    pdf = pikepdf.open(print_pdf)
    xobjects = list(pdf.pages[0].Resources.XObject.values())
    assert xobjects
    for x in xobjects:
        assert x.ColorSpace == pikepdf.Name.DeviceCMYK
        assert x.SMask.ColorSpace == pikepdf.Name.DeviceGray  # the logo's alpha


def test_text_colour_black_is_black_ink_only(print_card: Page, print_pdf: Path) -> None:
    fills = [tuple(float(v) for v in operands) for operands, op in content_ops(print_pdf) if op == "k"]
    assert (0.0, 0.0, 0.0, 1.0) in fills  # the black body text: 100 % K, no rich black
    assert to_cmyk(NAVY) in fills  # the band, through the FOGRA39 profile
    assert BLACK in {r.color for blk in print_card.text_blocks() for ln in blk.lines for r in ln.runs}


def test_brand_cmyk_is_used_as_given(tmp_path: Path) -> None:
    brand = Color(200, 30, 40, cmyk=(0.05, 0.95, 0.8, 0.1))
    page = Page(100, 100, WHITE, (Fill(Rect(10, 10, 50, 50), brand),), language="nl", title="t")
    path = tmp_path / "b.pdf"
    path.write_bytes(render_pdf(page, print_ready=True))
    fills = [tuple(float(v) for v in operands) for operands, op in content_ops(path) if op == "k"]
    assert (0.05, 0.95, 0.8, 0.1) in fills


def test_output_intent_and_pdfx_identification(print_pdf: Path) -> None:
    pdf = pikepdf.open(print_pdf)
    assert pdf.pdf_version == "1.6"
    (intent,) = pdf.Root.OutputIntents
    assert intent.Type == pikepdf.Name.OutputIntent
    assert intent.S == pikepdf.Name.GTS_PDFX
    assert str(intent.OutputConditionIdentifier) == "FOGRA39"
    assert str(intent.RegistryName) == "http://www.color.org"
    profile = intent.DestOutputProfile
    assert int(profile.N) == 4
    assert profile.read_bytes() == cmyk_profile_path().read_bytes()
    info = pdf.trailer.Info
    assert str(info.GTS_PDFXVersion) == "PDF/X-4"
    assert str(info.Trapped) == "/False"
    with pdf.open_metadata() as meta:
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert meta["pdf:Trapped"] == "False"
    assert "PDF/X-4" in run_tool("pdfinfo", print_pdf)


def test_crop_marks_registration_black_outside_the_bleed(print_pdf: Path) -> None:
    ops = content_ops(print_pdf)
    k = [i for i, (operands, op) in enumerate(ops) if op == "K"]
    assert [float(v) for v in ops[k[-1]][0]] == [1.0, 1.0, 1.0, 1.0]
    start = k[-1]
    end = next(i for i in range(start, len(ops)) if ops[i][1] == "S")
    widths = [float(operands[0]) for operands, op in ops[start:end] if op == "w"]
    assert widths == [MARK_WIDTH]
    points = [tuple(float(v) for v in operands) for operands, op in ops[start:end] if op in ("m", "l")]
    assert len(points) == 16  # 8 lines
    x0, y0, x1, y1 = M - BLEED, M - BLEED, M + CARD_W + BLEED, M + CARD_H + BLEED
    half = MARK_WIDTH / 2
    for x, y in points:
        outside = x < x0 - half or x > x1 + half or y < y0 - half or y > y1 + half
        assert outside, (x, y)
        assert 0 <= x <= CARD_W + 2 * M and 0 <= y <= CARD_H + 2 * M
    # each mark lies on the extension of a trim edge
    trims_x, trims_y = {round(M, 3), round(M + CARD_W, 3)}, {round(M, 3), round(M + CARD_H, 3)}
    for a, b in zip(points[::2], points[1::2], strict=True):
        assert (round(a[0], 3) in trims_x and a[0] == b[0]) or (round(a[1], 3) in trims_y and a[1] == b[1])


def rasterise(path: Path, dpi: int = 72) -> Image.Image:
    out = subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", str(path)],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(out)).convert("RGB")


def test_edge_fills_extend_into_the_bleed_and_stop_there(print_pdf: Path) -> None:
    im = rasterise(print_pdf)  # 1 px = 1 pt; image y grows down from the media top
    navy_like = im.getpixel((round(M + 540), round(M + BAND.h / 2)))
    assert navy_like[2] > navy_like[0] + 20 and sum(navy_like) < 250  # dark blue
    # in the bleed above and left of the trim: still the band
    assert im.getpixel((round(M + 540), round(M - BLEED / 2))) == navy_like
    assert im.getpixel((round(M - BLEED / 2), round(M + 90))) == navy_like
    # beyond the bleed (the slug): paper
    assert im.getpixel((round(M + 540), round(M - BLEED - 3))) == (255, 255, 255)
    assert im.getpixel((round(M - BLEED - 3), round(M + 90))) == (255, 255, 255)
    # below the band, inside the trim: background, not extended
    assert im.getpixel((round(M - BLEED / 2), round(M + BAND.h + 20))) == (255, 255, 255)


def test_print_text_still_extracts(print_pdf: Path) -> None:
    text = run_tool("pdftotext", "-enc", "UTF-8", print_pdf, "-")
    assert "Samen maken we zorg" in text
    assert ARABIC_TEXT in text


def test_print_identical_input_identical_bytes(print_card: Page, logo: Path) -> None:
    a = render_pdf(print_card, print_ready=True)
    assert a == render_pdf(card_page(logo, bleed=BLEED), print_ready=True)
    assert a != render_pdf(print_card)  # and it is a different document from the screen PDF
