"""The logical text of drawn lines (for /ActualText): run order, added hyphens, replaced separators."""

from __future__ import annotations

from render_pagekit import ARABIC, moved, shape_run

from campaign_studio.model.pagetree import GlyphRun, Rect, TextBlock, TextLine
from campaign_studio.render.pdf_text import RLM, cluster_texts, line_texts, run_actual_text


def _line(*runs: GlyphRun) -> TextLine:
    x = 0.0
    placed = []
    for r in runs:
        placed.append(moved(r, x, 20))
        x += r.width
    return TextLine(tuple(placed), 20, 0, x, 10, 3)


def _block(text: str, *lines: TextLine, language: str = "nl") -> TextBlock:
    return TextBlock("body", "paragraph", language, text, Rect(0, 0, 500, 100), lines, 12)


def test_hyphen_added_at_a_break_is_told_from_one_in_the_text() -> None:
    block = _block("Oorspronkelijke 0800-0188",
                   _line(shape_run("Oorspronke\u2010", size=12)), _line(shape_run("lijke 0800-", size=12)),
                   _line(shape_run("0188", size=12)))
    texts = line_texts(block)
    assert [(t.text, t.hyphenated) for t in texts] == [("Oorspronke", True), ("lijke 0800-", False), ("0188", False)]


def test_separator_replaced_by_a_line_break_is_skipped() -> None:
    block = _block("Centrum Seksueel Geweld · gratis, dag en nacht",
                   _line(shape_run("Centrum Seksueel Geweld", size=12)), _line(shape_run("gratis, dag en nacht", size=12)))
    assert [t.text for t in line_texts(block)] == ["Centrum Seksueel Geweld", "gratis, dag en nacht"]


def test_runs_in_visual_order_come_back_in_logical_order() -> None:
    arabic = shape_run("المصدر: ", font=ARABIC, size=12, direction="rtl", script="Arab", language="ar")
    latin = shape_run("Rutgers", size=12, language="ar")
    # drawn left to right: the Latin name, then the Arabic word that precedes it logically
    block = _block("المصدر: Rutgers", _line(latin, arabic), language="ar")
    (only,) = line_texts(block)
    assert only.text == "المصدر: Rutgers"
    assert only.order == (1, 0)


def test_rtl_neutrals_and_ltr_runs_get_a_right_to_left_mark_at_their_left() -> None:
    run = shape_run("عمر، أو", font=ARABIC, size=12, direction="rtl", script="Arab", language="ar")
    spans = cluster_texts(run, rtl_paragraph=True)
    comma = next(t for t in spans.values() if "،" in t)
    assert comma == RLM + "،"  # given reversed: the extractor's reversal puts the mark after, drawn at the left
    assert "".join(spans.values()).replace(RLM, "")[::-1].replace(" ", "") == "عمر،أو"
    latin = shape_run("2017", size=12, language="ar")
    assert run_actual_text(latin, rtl_paragraph=True) == RLM + "2017"
    assert run_actual_text(latin, rtl_paragraph=False) == "2017"
