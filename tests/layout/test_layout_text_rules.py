"""Typesetting rules of the text engine: line spacing per script, widows, separators,
and left-to-right pieces inside right-to-left text (geometry, PNG, PDF, pdftotext).

Here rather than in tests/text because the ink checks of tests/layout/typesetkit.py
(glyph outlines from fontTools) are shared with the matrix tests.
"""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from typesetkit import ink_boxes

from campaign_studio.model.pagetree import Color, GlyphRun, Page, Rect, TextBlock, TextLine
from campaign_studio.render import render_image, render_pdf
from campaign_studio.text import TextStyle, fit_text, set_text
from campaign_studio.text.breaks import protected_spans
from campaign_studio.text.isolation import latin_runs, ltr_spans
from campaign_studio.text.setter import METRIC_FILL

BLACK = Color(0, 0, 0)


def make_style(language: str = "nl", weight: str = "regular", size: float = 24, line_height: float = 1.4) -> TextStyle:
    return TextStyle("Noto Sans", weight, size, line_height, BLACK, language)


def ltr_line_text(line: TextLine) -> str:
    assert all(r.direction == "ltr" for r in line.runs)
    return "".join(r.text for r in line.runs)

# Fully vocalised Arabic: marks above and below on every letter, the tallest ink there is.
VOCALISED = ("إِلَى أَيِّ حَدٍّ يَكُونُ الأَمْرُ مُمْتِعًا لِكِلَيْكُمَا؟ لِكُلِّ شَخْصٍ رَغَبَاتُهُ وَحُدُودُهُ. "
             "اسْأَلِ الطَّرَفَ الآخَرَ مَاذَا يُرِيدُ. اسْتَمِعْ إِلَى الْجَوَابِ.")


def _worst_overlap(lines: tuple[TextLine, ...]) -> float:
    """Largest vertical overlap (pt) of two glyph ink boxes of consecutive lines that share columns."""
    worst = -1e9
    inks = [ink_boxes(line) for line in lines]
    for upper, lower in itertools.pairwise(inks):
        for a in upper:
            for b in lower:
                if a.x < b.right and b.x < a.right:
                    worst = max(worst, a.bottom - b.y)
    return worst


@pytest.mark.parametrize("weight", ["regular", "bold"])
def test_vocalised_arabic_lines_never_touch_even_at_line_height_one(weight: str) -> None:
    for width in (260, 420, 610):
        st = set_text(VOCALISED, make_style("ar", weight=weight, size=50, line_height=1.0), Rect(0, 0, width, 9000))
        assert len(st.lines) >= 3
        assert _worst_overlap(st.lines) < 0, f"width {width}: ink of consecutive lines overlaps"


def test_latin_keeps_its_designed_line_height_and_arabic_gets_the_fonts_line() -> None:
    text = "Tot waar is het leuk voor allebei? " * 3
    for lh in (1.0, 1.12, 1.4):
        st = set_text(text, make_style("nl", size=40, line_height=lh), Rect(0, 0, 300, 9000))
        steps = {round(b.baseline - a.baseline, 6) for a, b in itertools.pairwise(st.lines)}
        assert steps == {round(40 * lh, 6)}
    ar = set_text(VOCALISED, make_style("ar", size=40, line_height=1.12), Rect(0, 0, 300, 9000))
    step = ar.lines[1].baseline - ar.lines[0].baseline
    assert step == pytest.approx(40 * METRIC_FILL * (1.374 + 0.738), abs=0.05)  # Noto Sans Arabic's line


@pytest.mark.parametrize("lang, text", [("ar", VOCALISED), ("nl", "Iedereen heeft eigen wensen en grenzen. " * 4)])
def test_reported_height_is_what_is_drawn(lang: str, text: str) -> None:
    res = fit_text(text, make_style(lang, size=44, line_height=1.12), Rect(0, 0, 400, 600), min_size=20)
    st = res.set
    first, last = st.lines[0], st.lines[-1]
    assert first.baseline - first.ascent == pytest.approx(0)
    assert st.height == pytest.approx(last.baseline + last.descent)
    assert st.height <= 600 + 1e-6
    for line in st.lines:  # every glyph's ink inside the reported box
        for b in ink_boxes(line):
            assert b.y >= -0.5 and b.bottom <= st.height + 0.5


# --- widows ---------------------------------------------------------------------------------------

WIDOW = "Een initiatief van de ministeries van OCW en SZW, namens het hele kabinet."


def _words(st_lines: tuple[TextLine, ...]) -> list[int]:
    return [len(ltr_line_text(line).split()) for line in st_lines]


def test_a_paragraph_does_not_end_with_one_word_at_the_same_size_and_line_count() -> None:
    style = make_style(size=24)
    full = set_text(WIDOW, style, Rect(0, 0, 5000, 100)).width
    found = 0
    for width in range(int(full / 3), int(full), 7):
        box = Rect(0, 0, width, 2000)
        raw = set_text(WIDOW, style, box, hyphenate=False, avoid_widows=False)
        pretty = set_text(WIDOW, style, box, hyphenate=False)
        assert len(pretty.lines) == len(raw.lines)
        assert all(line.width <= width + 1e-6 for line in pretty.lines)
        assert " ".join(ltr_line_text(line) for line in pretty.lines) == WIDOW
        if _words(raw.lines)[-1] == 1:
            found += 1
            assert _words(pretty.lines)[-1] >= 2, [ltr_line_text(line) for line in pretty.lines]
        else:
            assert [ltr_line_text(x) for x in pretty.lines] == [ltr_line_text(x) for x in raw.lines]
    assert found >= 2  # the widths above do produce widows without the rule


def test_widow_avoidance_does_not_change_the_fitted_size() -> None:
    style = make_style(size=40)
    for width in range(300, 900, 23):
        box = Rect(0, 0, width, 160)
        a = fit_text(WIDOW, style, box, min_size=12)
        b = fit_text(WIDOW, style, box, min_size=12, avoid_widows=False)
        assert (a.set.size, len(a.set.lines), a.set.height, a.fits) == (b.set.size, len(b.set.lines), b.set.height, b.fits)


def test_two_word_paragraphs_may_end_with_one_word() -> None:
    st = set_text("Bel gratis", make_style(size=40), Rect(0, 0, 120, 500))
    assert _words(st.lines) == [1, 1]


def test_balanced_headline_lines_are_even() -> None:
    text = "Zie je dat het niet goed gaat met iemand in je omgeving?"
    style = make_style(size=40, weight="bold", line_height=1.12)
    for width in (380, 520, 700):
        greedy = set_text(text, style, Rect(0, 0, width, 2000), hyphenate=False, avoid_widows=False)
        even = set_text(text, style, Rect(0, 0, width, 2000), hyphenate=False, balance=True)
        assert len(even.lines) == len(greedy.lines)
        widths = [line.width for line in even.lines]
        # Narrowest possible widest line: moving any line's last word down would add a line.
        assert max(widths) <= max(line.width for line in greedy.lines) + 1e-6
        assert min(widths) >= 0.6 * max(widths), widths


# --- separators -----------------------------------------------------------------------------------

HELP = "Centrum Seksueel Geweld · gratis, dag en nacht"


@pytest.mark.parametrize("sep", ["·", "|", "•", "–"])
def test_a_separator_never_starts_or_ends_a_line_it_becomes_the_break(sep: str) -> None:
    text = HELP.replace("·", sep)
    style = make_style(size=30)
    full = set_text(text, style, Rect(0, 0, 5000, 100)).width
    for width in range(200, int(full) + 10, 11):
        st = set_text(text, style, Rect(0, 0, width, 2000), hyphenate=False)
        lines = [ltr_line_text(line) for line in st.lines]
        assert all(line and line[0] != sep and line[-1] != sep for line in lines), lines
        if len(lines) == 2:  # the break falls at the separator, which is not drawn
            assert lines == ["Centrum Seksueel Geweld", "gratis, dag en nacht"], lines


def test_the_phrase_after_a_separator_stays_together_when_it_fits_a_line() -> None:
    style = make_style(size=30)
    phrase = set_text("gratis, dag en nacht", style, Rect(0, 0, 5000, 100)).width
    head = set_text("Centrum Seksueel Geweld · gratis,", style, Rect(0, 0, 5000, 100)).width
    st = set_text(HELP, style, Rect(0, 0, max(phrase, head) + 5, 2000), hyphenate=False)
    assert [ltr_line_text(line) for line in st.lines] == ["Centrum Seksueel Geweld", "gratis, dag en nacht"]


def test_arabic_phrase_after_a_separator_stays_together() -> None:
    text = "Centrum Seksueel Geweld · مجانًا، ليلًا ونهارًا"
    style = make_style("ar", size=30)
    width = set_text("Centrum Seksueel Geweld · مجانًا،", style, Rect(0, 0, 5000, 100), direction="rtl").width + 5
    st = set_text(text, style, Rect(0, 0, width, 2000), direction="rtl", hyphenate=False)
    assert len(st.lines) == 2
    second = "".join(r.text for r in st.lines[1].runs)
    assert sorted(second) == sorted("مجانًا، ليلًا ونهارًا")
    assert "·" not in "".join(r.text for line in st.lines for r in line.runs)


# --- left-to-right pieces in right-to-left text ------------------------------------------------------

def test_detection_of_ltr_pieces() -> None:
    t = "رقم البلدية 14 0123 أو 020.123.45.67، مجتمع الميم (LHBTIQ+). راجع 113 Zelfmoordpreventie و info@csg.nl"
    assert [t[a:b] for a, b in ltr_spans(t, 1)] == ["14 0123", "020.123.45.67", "LHBTIQ+", "113 Zelfmoordpreventie",
                                                  "info@csg.nl"]
    assert [t[a:b] for a, b in protected_spans(t)] == ["14 0123", "020.123.45.67", "info@csg.nl"]
    # Counts, years, thousands and decimals are no phone numbers.
    for counts in ("in 2023 12 gemeenten", "1.234.567 en 17.000", "2,5 en 3.5", "17 000"):
        assert protected_spans(counts) == [], counts
    # Latin runs are isolated only in right-to-left paragraphs.
    assert ltr_spans("Bel 14 0123 of LHBTIQ+", 0) == [(4, 11)]
    assert [s[a:b] for s in ["Veilig Thuis: 0800-2000"] for a, b in latin_runs(s)] == ["Veilig Thuis"]


LOCAL = "14 0123 هو رقم البلدية، اتصل مجانًا ليلًا ونهارًا من أجل (LHBTIQ+). شكرًا"
NAVY, WHITE = Color(20, 40, 90), Color(255, 255, 255)


def _page(lines: tuple[TextLine, ...], box: Rect) -> Page:
    block = TextBlock("body", "paragraph", "ar", LOCAL, box, lines, 40)
    return Page(700, 400, WHITE, (block,), "ar", "isolation")


def _run(st_lines: tuple[TextLine, ...], text: str) -> tuple[int, GlyphRun]:
    return next((n, r) for n, line in enumerate(st_lines) for r in line.runs if r.text.strip() == text)


def test_phone_number_and_acronym_read_left_to_right_in_arabic(tmp_path: Path) -> None:
    box = Rect(40, 40, 620, 320)
    st = set_text(LOCAL, make_style("ar", size=40), box, direction="rtl")
    n, phone = _run(st.lines, "14 0123")
    assert phone.direction == "ltr"
    xs = [phone.x + sum(g.x_advance for g in phone.glyphs[:k]) for k in range(len(phone.glyphs))]
    assert [c for _, c in sorted(zip(xs, (g.cluster for g in phone.glyphs), strict=True))] == sorted(
        g.cluster for g in phone.glyphs)  # glyphs left to right in the order written
    # It starts the Arabic sentence, so it stands at the right end of the first line.
    assert n == 0 and phone.x + phone.width == pytest.approx(box.right, abs=0.5)
    _, acro = _run(st.lines, "LHBTIQ+")
    assert acro.direction == "ltr" and [g.cluster for g in acro.glyphs] == list(range(7))

    # PNG and PDF draw it the same way: blank where the page tree has the space between
    # "14" and "0123", ink on both sides (drawn "0123 14", a digit would stand there).
    space = next(k for k, g in enumerate(phone.glyphs) if g.cluster == 2)
    sx = xs[space]
    gap = (sx + 1, sx + phone.glyphs[space].x_advance - 1)
    page = _page(st.lines, box)
    png = render_image(page, dpi=72).convert("L")
    pdf_path = tmp_path / "iso.pdf"
    pdf_path.write_bytes(render_pdf(page))
    pdftoppm, pdftotext = shutil.which("pdftoppm"), shutil.which("pdftotext")
    assert pdftoppm and pdftotext, "poppler-utils is needed"
    raster = subprocess.run([pdftoppm, "-r", "72", "-png", "-singlefile", str(pdf_path)], capture_output=True,
                            check=True).stdout
    pdf = Image.open(io.BytesIO(raster)).convert("L")
    rows = (int(phone.y - 30), int(phone.y + 2))
    for name, im in (("png", png), ("pdf", pdf)):
        assert not _inked(im, *gap, *rows), f"{name}: ink where the space of 14 0123 is"
        assert _inked(im, phone.x, sx, *rows) and _inked(im, gap[1] + 1, phone.x + phone.width, *rows), name
    text = subprocess.run([pdftotext, str(pdf_path), "-"], capture_output=True, check=True, text=True).stdout
    assert "14 0123" in text and "LHBTIQ+" in text and "+LHBTIQ" not in text


def _inked(im: Image.Image, x0: float, x1: float, y0: int, y1: int) -> bool:
    return any(im.getpixel((x, y)) < 160 for x in range(round(x0), round(x1)) for y in range(y0, y1))
