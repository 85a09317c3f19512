"""Screen PDFs: page size, fonts, text read back in logical order, metadata, determinism."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from render_pagekit import (
    ARABIC,
    ARABIC_TEXT,
    DUTCH_BODY,
    DUTCH_HEADING,
    WHITE,
    block_of,
    card_page,
    moved,
    paragraph,
    poster_page,
    run_tool,
    shape_run,
)

from campaign_studio.model.pagetree import ImageItem, Page, QRCode, Rect
from campaign_studio.render import render_pdf


def write(tmp_path: Path, data: bytes, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pdfinfo(path: Path, *args: str) -> dict[str, str]:
    info = {}
    for line in run_tool("pdfinfo", *args, path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdffonts(path: Path) -> list[list[str]]:
    lines = run_tool("pdffonts", path).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def words(text: str) -> list[str]:
    return text.split()


def test_page_size_is_the_trim(card: Page, tmp_path: Path) -> None:
    info = pdfinfo(write(tmp_path, render_pdf(card)))
    assert info["Page size"] == "1080 x 1350 pts"
    assert info["Pages"] == "1"
    assert info["Title"] == "Zorg over de grens"
    a3 = pdfinfo(write(tmp_path, render_pdf(poster_page()), "a3.pdf"))
    assert a3["Page size"].startswith("841.89 x 1190.55 pts")


def test_every_font_embedded_and_subset_no_helvetica(card: Page, tmp_path: Path) -> None:
    rows = pdffonts(write(tmp_path, render_pdf(card)))
    assert len(rows) == 3  # Noto Sans Bold, Regular, Arabic
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert re.match(r"^[A-Z]{6}\+", name), name
    assert not any("Helvetica" in row[0] for row in rows)
    assert b"Helvetica" not in render_pdf(card)


def test_page_without_text_references_no_font(tmp_path: Path) -> None:
    page = Page(200, 100, WHITE, (), language="nl", title="leeg")
    assert pdffonts(write(tmp_path, render_pdf(page))) == []


def test_pdftotext_gives_dutch_in_order_and_arabic_logical(card: Page, tmp_path: Path) -> None:
    text = run_tool("pdftotext", "-enc", "UTF-8", write(tmp_path, render_pdf(card)), "-")
    assert words(DUTCH_HEADING) + words(DUTCH_BODY) == words(text)[: len(words(DUTCH_HEADING + " " + DUTCH_BODY))]
    arabic_lines = [line.strip("\u202b\u202c\u200f ") for line in text.splitlines() if "\u0645" in line]
    assert arabic_lines == [ARABIC_TEXT]


@pytest.mark.parametrize("text", [
    ARABIC_TEXT,
    "السلام عليكم",  # lam-alef ligatures: one glyph, two characters
    "مُحَمَّد رسول الله",  # stacked marks, a cluster of several glyphs
    "لا إله",
])
def test_right_to_left_text_extracts_in_logical_order(text: str, tmp_path: Path) -> None:
    run = shape_run(text, font=ARABIC, size=30, direction="rtl", script="Arab", language="ar")
    run = moved(run, 480 - run.width, 50)
    page = Page(500, 100, WHITE, (block_of([run], Rect(0, 0, 500, 100), language="ar", text=text),),
                language="ar", title="t")
    out = run_tool("pdftotext", "-enc", "UTF-8", write(tmp_path, render_pdf(page)), "-")
    assert out.strip().strip("\u202b\u202c") == text


def test_mixed_language_run_gets_its_own_lang(tmp_path: Path) -> None:
    nl = moved(shape_run("Welkom", size=20), 20, 40)
    ar = shape_run("مرحبا", font=ARABIC, size=20, direction="rtl", script="Arab", language="ar")
    ar = moved(ar, 200, 40)
    page = Page(300, 60, WHITE, (block_of([nl, ar], Rect(0, 0, 300, 60)),), language="nl", title="t")
    pdf = pikepdf.open(write(tmp_path, render_pdf(page)))
    marked = [ops for ops, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "BDC"]
    langs = [str(props.get("/Lang")) for _tag, props in marked if "/Lang" in props]
    assert langs == ["ar"] * len(ar.glyphs)  # a sequence per Arabic glyph (none nested), each says ar
    actual = [str(props["/ActualText"]) for _tag, props in marked if "/ActualText" in props]
    assert actual[0] == "Welkom"


def test_catalog_lang_title_xmp_and_no_dates(card: Page, tmp_path: Path) -> None:
    pdf = pikepdf.open(write(tmp_path, render_pdf(card)))
    assert str(pdf.Root.Lang) == "nl"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    info = pdf.trailer.Info
    assert str(info.Title) == "Zorg over de grens"
    assert "/CreationDate" not in info and "/ModDate" not in info
    assert "/Author" not in info  # no ReportLab "anonymous"
    with pdf.open_metadata() as meta:
        assert meta["dc:title"] == "Zorg over de grens"
        assert "pdfxid:GTS_PDFXVersion" not in meta
    assert "/OutputIntents" not in pdf.Root


def test_metadata_date_only_when_the_page_brings_one(tmp_path: Path) -> None:
    page = Page(100, 100, WHITE, (), language="nl", title="t", metadata={"date": "2025-03-01"})
    pdf = pikepdf.open(write(tmp_path, render_pdf(page)))
    assert str(pdf.trailer.Info.CreationDate) == "D:20250301000000Z"
    with pdf.open_metadata() as meta:
        assert meta["xmp:CreateDate"] == "2025-03-01T00:00:00Z"


def test_screen_pdf_colours_are_rgb(card: Page, tmp_path: Path) -> None:
    pdf = pikepdf.open(write(tmp_path, render_pdf(card)))
    ops = {str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0])}
    assert "rg" in ops and "k" not in ops and "K" not in ops


def test_qr_is_vector_rects_merged_per_row(card: Page, tmp_path: Path) -> None:
    pdf = pikepdf.open(write(tmp_path, render_pdf(card)))
    rects = [ops for ops, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "re"]
    qr = card.items[5]
    assert isinstance(qr, QRCode)
    dark = sum(sum(row) for row in qr.modules)
    row_runs = sum(len(re.findall(r"1+", "".join("1" if m else "0" for m in row))) for row in qr.modules)
    module_rects = [r for r in rects if abs(float(r[3]) - 6.0) < 1e-6]
    assert len(module_rects) == row_runs < dark


def test_identical_input_identical_bytes(card: Page) -> None:
    assert render_pdf(card) == render_pdf(card)
    logo = card.items[-1]
    assert isinstance(logo, ImageItem)
    assert render_pdf(card_page(logo.path)) == render_pdf(card)


def test_bytes_do_not_depend_on_what_the_process_rendered_before(card: Page, tmp_path: Path) -> None:
    """Glyph code points are a function of the glyph id, not of first use in the process."""
    # this process has rendered other Arabic already (earlier tests); a fresh one has not
    here = hashlib.sha256(render_pdf(card)).hexdigest()
    logo = card.items[-1]
    assert isinstance(logo, ImageItem)
    script = (
        "import hashlib, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from render_pagekit import card_page; from campaign_studio.render import render_pdf;"
        "print(hashlib.sha256(render_pdf(card_page(Path(sys.argv[2])))).hexdigest())"
    )
    out = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(logo.path)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == here


def test_long_paragraph_with_many_glyphs_uses_several_subsets(tmp_path: Path) -> None:
    text = " ".join(chr(c) for c in range(0x41, 0x5B)) + " " + "".join(chr(c) for c in range(0xC0, 0x17F))
    block = paragraph(text, Rect(20, 20, 1000, 900), size=12)
    page = Page(1040, 940, WHITE, (block,), language="nl", title="t")
    out = run_tool("pdftotext", "-enc", "UTF-8", write(tmp_path, render_pdf(page)), "-")
    assert "".join(out.split()) == "".join(text.split())


def test_glyph_y_offset_is_page_down_so_negative_offsets_rise(tmp_path: Path) -> None:
    run = moved(shape_run("ab", size=20), 10, 40)
    raised = run.glyphs[1].__class__(run.glyphs[1].gid, 1, run.glyphs[1].x_advance, 0.0, -6.0)  # 6 pt up
    run = run.__class__(run.x, run.y, run.text, run.font, run.size, run.direction, run.script, run.language,
                        run.width, (run.glyphs[0], raised), run.color)
    page = Page(100, 60, WHITE, (block_of([run], Rect(0, 0, 100, 60)),), language="nl", title="t")
    pdf = pikepdf.open(write(tmp_path, render_pdf(page)))
    rises = [float(operands[0]) for operands, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "Ts"]
    assert rises == [6.0, 0.0]
