"""The survey over the whole matrix (every template × format × shipped language × shipped brand).

Laid out once per session; each test reads the same surveys. Issue 7, point 1: a brand's
logo is never left out, no design refuses to fit, and no column has an empty band over
three slot gaps.
"""

from __future__ import annotations

import pytest
from matrixkit import ShippedMatrix

from campaign_studio.layout.survey import HOLE_GAPS, Surveyed, survey_design, totals
from campaign_studio.model.pagetree import ImageItem


@pytest.fixture(scope="session")
def matrix(shipped: ShippedMatrix) -> list[Surveyed]:
    """The survey of every shipped design (bench/survey.py prints the same over the same matrix)."""
    return [Surveyed(s.design, s.page, survey_design(s.design, s.page)) for s in shipped.every()]


def test_the_matrix_is_every_template_format_language_and_brand(matrix: list[Surveyed]) -> None:
    # eight card templates on every format but the long page, the infographic on three; four brands
    assert len(matrix) == (8 * 11 + 3) * 8 * 4


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


def d_is_print(matrix: list[Surveyed], fmt: str) -> bool:
    return next(d.design.format.kind for d in matrix if d.survey.format == fmt) == "print"


def test_only_the_sender_help_details_and_call_to_action_give_way(matrix: list[Surveyed]) -> None:
    t = totals([d.survey for d in matrix])
    assert set(t.dropped) <= {"picture",  # a picture gives way first, and where the text would be small beside it
                              "sender", "help-details", "help_card-details", "others-details", "logo-below-minimum",
                              "actions", "figures-rest",  # the infographic's (engine.FIGURES_REST)
                              "cta", "body", "others"}, t.dropped
    # a poster's help card leaves out its description only on print formats (social cards never show it)
    assert {d.survey.format for d in matrix if "help-details" in d.survey.dropped} <= {
        f for f in {d.survey.format for d in matrix} if d_is_print(matrix, f)}
    # The list of other places to get help goes only on the smallest cards in long languages.
    dropping_others = {(d.survey.template, d.survey.format) for d in matrix if "others" in d.survey.dropped}
    assert dropping_others <= {("where-to-get-help", f) for f in ("post-1x1", "link-1.91x1", "wide-16x9")}
    # On a help card the places to get help outrank the message's body text, which goes first.
    dropping_body = {(d.survey.template, d.survey.format, d.survey.language) for d in matrix
                     if "body" in d.survey.dropped}
    assert {(t, f) for t, f, _ in dropping_body} <= {("where-to-get-help", f) for f in ("link-1.91x1", "wide-16x9")}
    assert not any("others" in d.survey.dropped for d in matrix
                   if (d.survey.template, d.survey.format, d.survey.language) in dropping_body)


TWO_COLUMN_FORMATS = {"link-1.91x1", "wide-16x9"}
# The single-chart templates give way on the sender line more often than the others (their
# chart keeps its size): the sender test counts them apart.
CHART_TEMPLATES = {"paired-bars", "icon-array", "share-ring", "statement"}


OVER_THE_BOUND: set[str] = set()  # none, chart templates included
SENDER_DROPS = 33  # measured over the four shipped brands (bench/survey.py)


def test_no_hole_above_three_slot_gaps_on_any_format(matrix: list[Surveyed]) -> None:
    laid = [d.survey for d in matrix if d.page]
    assert all(s.bound > 0 for s in laid)
    assert HOLE_GAPS == 3
    too_empty = {s.key: round(s.hole_ratio, 2) for s in laid if s.too_empty}
    assert set(too_empty) == OVER_THE_BOUND, too_empty


def test_the_sender_line_stays_on_posters_stories_and_most_cards(matrix: list[Surveyed]) -> None:
    """The sender line goes only after help details and the logo's minimum, and only on the
    smallest social cards (square and the two wide ones) in the longest languages."""
    # the infographic holds far more than a card: its sender line gives way like its action lines
    dropping = [d.survey for d in matrix if "sender" in d.survey.dropped
                and d.survey.template not in CHART_TEMPLATES | {"infographic"}]
    assert {s.format for s in dropping} <= {"post-1x1", "link-1.91x1", "wide-16x9"}
    # Measured (SENDER_DROPS): women-men's figures lead at 3x the headline (issue 7, point 11),
    # which costs the sender line on the smallest Arabic and Persian cards; the example brand's
    # own, wider font drops one more (statistic-spotlight wide-16x9 fa).
    assert len(dropping) <= SENDER_DROPS, [s.key for s in dropping]


def test_flowed_slots_are_read_last(matrix: list[Surveyed]) -> None:
    """A slot that moved to the other column's foot still comes after the help in reading order."""
    flowed = [d for d in matrix if d.page and d.page.metadata.get("flowed")]
    assert flowed  # the wide cards use it
    for d in flowed:
        assert d.page is not None
        order = [b.slot for b in d.page.text_blocks()]
        for slot in d.page.metadata["flowed"].split(","):
            if slot in order:
                helps = [i for i, s in enumerate(order) if s.startswith("help")]
                assert order.index(slot) > max(helps, default=-1), (d.survey.key, order)


def test_the_tops_of_the_columns_line_up_on_two_column_cards(matrix: list[Surveyed]) -> None:
    from campaign_studio.content.languages import language_info
    from campaign_studio.layout.engine import arrangements_for, column_areas
    from campaign_studio.layout.grid import make_grid

    misaligned = []
    for d in matrix:
        if not d.page or d.survey.format not in TWO_COLUMN_FORMATS:
            continue
        grid = make_grid(d.design.format)
        arrangement = arrangements_for(d.design.template, True)[int(d.page.metadata["arrangement"])]
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
