"""The survey over the whole matrix (every template × format × shipped language × shipped brand).

Laid out once per session; each test reads the same surveys. Issue 7, point 1: a brand's
logo is never left out, and no design refuses to fit; holes are reported against the
bound of three slot gaps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from campaign_studio.layout.survey import HOLE_GAPS, Surveyed, totals
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import ImageItem

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.survey import run_survey


@pytest.fixture(scope="session")
def matrix(builtin: Campaign) -> list[Surveyed]:
    return run_survey(builtin)


def test_the_matrix_is_every_template_format_language_and_brand(matrix: list[Surveyed]) -> None:
    assert len(matrix) == 8 * 11 * 8 * 3


def test_no_design_leaves_out_its_brand_logo(matrix: list[Surveyed]) -> None:
    dropped = [d.survey.key for d in matrix if "logo" in d.survey.dropped]
    assert dropped == []
    missing = [d.survey.key for d in matrix if d.page and d.design.brand.logo
               and not any(isinstance(i, ImageItem) and i.path == d.design.brand.logo for i in d.page.items)]
    assert missing == []


def test_the_logo_shrinks_before_text_goes_below_the_comfortable_scale(matrix: list[Surveyed]) -> None:
    from campaign_studio.layout.blocks import logo_height
    from campaign_studio.layout.scales import COMFORTABLE_SCALE

    brand = next(d.design.brand for d in matrix if d.design.brand.logo)
    assert logo_height(brand, 1.0) == brand.logo_preferred
    assert logo_height(brand, COMFORTABLE_SCALE) == pytest.approx(brand.logo_minimum)
    assert logo_height(brand, 0.9) < brand.logo_preferred


def test_every_design_fits(matrix: list[Surveyed]) -> None:
    refused = {(d.survey.template, d.survey.format, d.survey.language, d.survey.brand) for d in matrix if not d.page}
    assert refused == set()


def test_only_the_sender_help_details_and_call_to_action_give_way(matrix: list[Surveyed]) -> None:
    t = totals([d.survey for d in matrix])
    assert set(t.dropped) <= {"sender", "others-details", "logo-below-minimum", "cta", "others"}, t.dropped
    # The list of other places to get help goes only on the smallest cards in long languages.
    dropping_others = {(d.survey.template, d.survey.format) for d in matrix if "others" in d.survey.dropped}
    assert dropping_others <= {("where-to-get-help", f) for f in ("post-1x1", "link-1.91x1", "wide-16x9")}


# Designs with a hole over the bound. Wide and link cards (two columns) are not yet held to
# it: one column is often full of text at the size floor while the other has room left.
KNOWN_HOLES = {("action-line", "post-1x1", "en", "gemeente-voorbeeld")}
TWO_COLUMN_FORMATS = {"link-1.91x1", "wide-16x9"}
# The single-chart templates (issue 9) are held to a ratchet of their own until they meet the
# bound: measured when they came, 41 of their 1056 posters, posts and stories over it (worst
# 4.4 slot gaps: a short statement on a tall page), 93 of their 192 wide cards (worst 15.5).
CHART_TEMPLATES = {"paired-bars", "icon-array", "share-ring", "statement"}


def test_no_hole_above_three_slot_gaps_on_posters_posts_and_stories(matrix: list[Surveyed]) -> None:
    laid = [d.survey for d in matrix if d.page and d.survey.format not in TWO_COLUMN_FORMATS]
    assert all(s.bound > 0 for s in laid)
    assert HOLE_GAPS == 3
    too_empty = {(s.template, s.format, s.language, s.brand) for s in laid
                 if s.too_empty and s.template not in CHART_TEMPLATES}
    assert too_empty == KNOWN_HOLES, sorted(too_empty ^ KNOWN_HOLES)
    charts = [s for s in laid if s.template in CHART_TEMPLATES]
    assert sum(s.too_empty for s in charts) <= 41
    assert max(s.hole_ratio for s in charts) < 4.5


def test_two_column_cards_stay_within_their_measured_holes(matrix: list[Surveyed]) -> None:
    """A ratchet until the wide cards meet the bound: 97 of 192 are over it today (457 of 1056
    designs before issue 7), and none may get worse than the worst measured (17.5 slot gaps)."""
    wide = [d.survey for d in matrix if d.page and d.survey.format in TWO_COLUMN_FORMATS]
    assert sum(s.too_empty for s in wide if s.template not in CHART_TEMPLATES) <= 97
    assert sum(s.too_empty for s in wide if s.template in CHART_TEMPLATES) <= 93
    assert max(s.hole_ratio for s in wide) < 17.6


def test_the_tops_of_the_columns_line_up_on_two_column_cards(matrix: list[Surveyed]) -> None:
    from campaign_studio.content.languages import language_info
    from campaign_studio.layout.engine import column_areas
    from campaign_studio.layout.grid import make_grid

    misaligned = []
    for d in matrix:
        if not d.page or d.survey.format not in TWO_COLUMN_FORMATS:
            continue
        grid = make_grid(d.design.format)
        arrangement = d.design.template.arrangements(True)[int(d.page.metadata["arrangement"])]
        rtl = language_info(d.design.language).direction == "rtl"
        for area in column_areas(grid, arrangement, rtl, grid.content.bottom):
            tops = [i.box.y for i in d.page.items if area.x <= i.box.x + i.box.w / 2 <= area.right]
            if abs(min(tops) - grid.content.y) > 0.5:
                misaligned.append((d.survey.key, round(min(tops) - grid.content.y)))
    assert misaligned == []


def test_the_spotlight_heading_is_readable_and_sits_with_its_figure(matrix: list[Surveyed]) -> None:
    faults = []
    for d in matrix:
        if d.survey.template != "statistic-spotlight" or not d.page:
            continue
        blocks = {b.slot: b for b in d.page.text_blocks()}
        headline, footnote = blocks["headline"], blocks["footnote"]
        figure = next(b for b in d.page.text_blocks() if b.role == "figure")
        if headline.size < 1.2 * footnote.size:
            faults.append((d.survey.key, "headline at footnote size"))
        if abs(figure.box.x - headline.box.x) > 0.5 and abs(figure.box.right - headline.box.right) > 0.5:
            faults.append((d.survey.key, "headline in another column than its figure"))
    assert faults == []
