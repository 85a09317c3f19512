"""Geometry of every built-in template on every format, in Dutch and English, asserted on the page tree.

Layout only (no rendering): every design of the matrix is laid out once per session by
the `lay_out` fixture, and each test below checks one rule of DESIGN.md / VISUAL-GUIDE.md
on all of them.
"""

from __future__ import annotations

import polib
import pytest
from layoutkit import (
    KNOWN_OVERFLOW,
    PHONE,
    TOL,
    Laid,
    all_violations,
    case,
    items_outside,
    lines_outside_box,
    outside_safe_area,
    overlapping_text,
    runs,
    runs_outside_box,
    too_small,
)

from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.layout.grid import make_grid
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.formats import MM
from campaign_studio.resources import translations_dir

TEMPLATES = {t: spec for t, spec in load_templates().items() if spec.document is None}  # one page each
FORMATS = load_formats()
LANGUAGES = ("nl", "en")
STAT_TEMPLATES = [t for t, spec in TEMPLATES.items() if spec.shows == "statistic"]

# every template on every format it is made for (the infographic: story, long and A3)
ALL = [case(t, f, lang) for t in TEMPLATES for f in FORMATS if TEMPLATES[t].made_for(f) for lang in LANGUAGES]
STATISTICS = [case(t, f, lang) for t in STAT_TEMPLATES for f in FORMATS if TEMPLATES[t].made_for(f) for lang in LANGUAGES]
OTHER_LANGUAGES = tuple(sorted(p.stem for p in translations_dir().glob("*.po") if p.stem not in LANGUAGES))
SOCIAL = [f for f, spec in FORMATS.items() if spec.kind == "social"]
OTHERS = [case(t, f, lang) for t in TEMPLATES for f in SOCIAL if TEMPLATES[t].made_for(f) for lang in OTHER_LANGUAGES]
STORIES = [case(t, f, lang) for t in TEMPLATES for f, spec in FORMATS.items() if spec.safe_area
           if TEMPLATES[t].made_for(f) for lang in LANGUAGES]

# The hero figure is stacked over the line naming its group at 92% of its box height
# (build_figure), so the two boxes overlap inside the figure's descender zone on purpose.
# test_figure_group_label_sits_below_the_figures_baseline checks that the overlap stays there.
TUCKED = [("figure", "figure-group")]


def test_the_matrix_is_complete() -> None:
    assert len(FORMATS) == 12
    assert {"action-line", "statistic-spotlight", "where-to-get-help", "women-men"} <= set(TEMPLATES)
    # every format for the single-figure and message templates, three for the infographic
    assert len(ALL) == (len(TEMPLATES) - 1) * 22 + 3 * 2
    assert {"ar", "fa", "pl", "ti", "tr", "uk"} <= set(OTHER_LANGUAGES)


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_lays_out_without_errors(template: str, fmt: str, lang: str, lay_out) -> None:
    laid: Laid = lay_out(template, fmt, lang)
    assert laid.page is not None and not laid.diagnostics.has_errors, laid.error_text
    assert laid.page.width == pytest.approx(FORMATS[fmt].width)
    assert laid.page.height == pytest.approx(FORMATS[fmt].height)
    assert laid.page.language == lang
    assert laid.page.metadata["template"] == template and laid.page.metadata["format"] == fmt


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_text_lines_lie_inside_their_boxes(template: str, fmt: str, lang: str, lay_out) -> None:
    page = lay_out(template, fmt, lang).require_page()
    assert page.text_blocks()
    assert all(b.lines and runs(b) for b in page.text_blocks())
    assert runs_outside_box(page) == []
    assert lines_outside_box(page) == []  # and vertically: the box holds every line's ascent and descent


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_items_lie_inside_the_content_area(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    page = laid.require_page()
    content = make_grid(FORMATS[fmt]).content
    assert items_outside(page, content) == []


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_text_blocks_do_not_overlap(template: str, fmt: str, lang: str, lay_out) -> None:
    page = lay_out(template, fmt, lang).require_page()
    assert overlapping_text(page, allowed=TUCKED) == []


@pytest.mark.parametrize(("template", "fmt", "lang"), [p for p in ALL if p.values[0] == "statistic-spotlight"])
def test_figure_group_label_sits_below_the_figures_baseline(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    hero, group = laid.block("figure"), laid.block("figure-group")
    assert len(hero.lines) == 1, "the figure and its unit never split"
    hero_line, group_line = hero.lines[-1], group.lines[0]
    # The group's tallest glyphs start below the figure's baseline: digits and % have no descenders.
    assert group_line.baseline - group_line.ascent >= hero_line.baseline - TOL
    assert group.box.y >= hero.box.bottom - hero_line.descent - TOL


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_no_text_below_the_minimum_size(template: str, fmt: str, lang: str, lay_out) -> None:
    page = lay_out(template, fmt, lang).require_page()
    assert too_small(page, FORMATS[fmt]) == []


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_every_design_shows_the_helpline_phone(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    phones = [b for b in laid.blocks() if PHONE in b.text]
    assert phones, [b.text for b in laid.blocks()]
    # the phone number is one unbroken line, and the largest contact (VISUAL-GUIDE, the help block)
    assert any(len(b.lines) == 1 and "".join(r.text for r in runs(b)).strip() == PHONE for b in phones)
    contacts = [b for b in laid.blocks() if b.role == "contact"]
    assert max(b.size for b in phones) >= max(b.size for b in contacts) - 1e-6


def _translated(text: Text, lang: str) -> str:
    """A campaign text in `lang`, read straight from the PO file (not through the code under test)."""
    if lang == "nl":
        return text.source
    po = polib.pofile(str(translations_dir() / f"{lang}.po"), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == text.id)
    assert entry.msgid == text.source, f"{lang}.po is out of date for {text.id}"
    return entry.msgstr


@pytest.mark.parametrize(("template", "fmt", "lang"), STATISTICS)
def test_statistic_shows_its_definition_and_source(template: str, fmt: str, lang: str, lay_out,
                                                    builtin: Campaign) -> None:
    laid = lay_out(template, fmt, lang)
    stat = laid.design.subject.statistic
    assert stat is not None
    footnote = laid.block("footnote")
    assert footnote.text.startswith("*")
    assert _translated(stat.definition, lang) in footnote.text
    assert laid.block("source").text == _translated(builtin.source(stat.source).citation, lang)
    # the headline carries the asterisk that points at the footnote
    assert laid.block("headline").text.endswith("*")


@pytest.mark.parametrize(("template", "fmt", "lang"), STORIES)
def test_story_text_stays_inside_the_safe_area(template: str, fmt: str, lang: str, lay_out) -> None:
    page = lay_out(template, fmt, lang).require_page()
    assert page.safe_area is not None
    assert page.safe_area.h < page.height  # the platform covers part of the story
    assert outside_safe_area(page) == []


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_grid_margins_follow_the_visual_guide(fmt: str) -> None:
    spec = FORMATS[fmt]
    grid = make_grid(spec)
    safe = grid.page if spec.safe_area is None else type(grid.page)(*spec.safe_area)
    margins = (grid.content.x - safe.x, grid.content.y - safe.y, safe.right - grid.content.right,
               safe.bottom - grid.content.bottom)
    if spec.kind == "social":
        assert min(margins) >= 0.06 * min(safe.w, safe.h) - 1e-6
    else:
        assert min(margins) >= 12 * MM - 1e-6  # which also keeps everything 5 mm inside the trim


@pytest.mark.parametrize(("template", "fmt", "lang"), OTHERS)
def test_other_languages_fit_the_social_formats(template: str, fmt: str, lang: str, lay_out) -> None:
    """Every other shipped translation (ar, fa, pl, ti, tr, uk, ...) on every social card."""
    laid = lay_out(template, fmt, lang)
    assert laid.page is not None and not laid.diagnostics.has_errors, laid.error_text
    assert all_violations(laid.page, laid.grid, FORMATS[fmt], allowed_overlaps=TUCKED) == []
    assert any(PHONE in b.text for b in laid.blocks())


def test_known_overflows_are_real_cases() -> None:
    for template, fmt, lang in KNOWN_OVERFLOW:
        assert template in TEMPLATES and fmt in FORMATS and lang in LANGUAGES + OTHER_LANGUAGES
