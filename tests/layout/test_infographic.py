"""The infographic: several figures drawn from the data, the comparison of two statistics on one
shared scale, --stat choosing and ordering the figures, and the text alternative and data table
from the same numbers as the marks."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from campaign_studio import pipeline
from campaign_studio.model.pagetree import FigureGroup, Fill, Page, Rect, TextBlock

FORCED, PHYSICAL = "victim-sexual-violence", "physical-transgressive"
BIDI = re.compile("[\u2066-\u2069\u200e\u200f\u061c]")  # isolates and marks around numbers


def _laid(template: str, fmt: str, lang: str, stats: list[str] | None = None,
          folder: Path | None = None) -> tuple[pipeline.Design, Page]:
    campaign = pipeline.open_campaign(folder).campaign
    assert campaign is not None
    design = pipeline.resolve_design(campaign, template, fmt, lang, stats=stats or [])
    page, diags = pipeline.layout(design)
    assert page is not None, [d.format() for d in diags.errors]
    return design, page


def _charts(page: Page) -> list[FigureGroup]:
    return [i for i in page.walk() if isinstance(i, FigureGroup) and i.role == "chart"]


def _comparison(page: Page) -> FigureGroup:
    return next(c for c in _charts(page) if len(_bars(c)) == 4)


def _bars(chart: FigureGroup) -> list[Fill]:
    return [i for i in chart.items if isinstance(i, Fill) and i.role == "figure"]


def _labels(chart: FigureGroup) -> list[TextBlock]:
    return [i for i in chart.items if isinstance(i, TextBlock)]


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right - 0.01 and b.x < a.right - 0.01 and a.y < b.bottom - 0.01 and b.y < a.bottom - 0.01


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("fmt", ["long-1080x2700", "a3", "story-9x16"])
def test_the_comparison_puts_both_statistics_on_one_scale_from_zero(fmt: str, lang: str) -> None:
    _, page = _laid("infographic", fmt, lang)
    bars = _bars(_comparison(page))
    values = [22, 6, 53, 19]  # forced (women, men), then physical (women, men)
    # One length per percentage point for all four bars, within half a pixel of the page.
    unit = bars[2].box.w / 53
    for bar, value in zip(bars, values, strict=True):
        assert abs(bar.box.w - value * unit) < 0.5, (fmt, lang, value)
    # Each statistic's bars grow from one zero line: the left in Dutch, the right in Arabic.
    for pair in (bars[:2], bars[2:]):
        edges = [b.box.right if lang == "ar" else b.box.x for b in pair]
        assert abs(edges[0] - edges[1]) < 0.01


@pytest.mark.parametrize("lang", ["nl", "en", "ar", "tr"])
@pytest.mark.parametrize("fmt", ["long-1080x2700", "a3", "story-9x16"])
def test_labels_inside_the_canvas_and_clear_of_the_marks(fmt: str, lang: str) -> None:
    _, page = _laid("infographic", fmt, lang)
    canvas = Rect(0, 0, page.width, page.height)
    for chart in _charts(page):
        assert canvas.contains(chart.box)
        marks = [i.box for i in chart.items if getattr(i, "role", "") == "figure" and not isinstance(i, TextBlock)]
        for label in _labels(chart):
            assert canvas.contains(label.box), label.slot
            if len(_bars(chart)) == 4:  # a ring's figure sits in its hole, inside the ring's box
                for mark in marks:
                    assert not _overlaps(label.box, mark), (label.slot, label.text)


@pytest.mark.parametrize("fmt", ["story-9x16", "long-1080x2700", "a3"])
def test_the_comparison_mirrors_in_arabic(fmt: str) -> None:
    (_, nl), (_, ar) = (_laid("infographic", fmt, lang) for lang in ("nl", "ar"))
    for page, rtl in ((nl, False), (ar, True)):
        chart = _comparison(page)
        first, second = (b for b in _labels(chart) if b.slot.endswith("-label"))
        # forced (footnote *), then physical (**), in both languages
        assert first.text.endswith("*") and not first.text.endswith("**") and second.text.endswith("**")
        # Side by side, the first statistic stands at the start side of the reading direction;
        # stacked (a narrow column), above the second.
        if abs(first.box.y - second.box.y) < 0.01:
            assert (first.box.x > second.box.x) is rtl
        else:
            assert first.box.bottom < second.box.y
        bars = _bars(chart)
        names = [b for b in _labels(chart) if b.slot.endswith("-group")]
        values = [b for b in _labels(chart) if b.role == "figure"]
        for bar, name, value in zip(bars, names, values, strict=True):
            # the group named at the start of its bar, the value just past its end
            if rtl:
                assert name.box.x >= bar.box.right - 0.01 and value.box.right <= bar.box.x + 0.01
            else:
                assert name.box.right <= bar.box.x + 0.01 and value.box.x >= bar.box.right - 0.01


def test_series_colours_follow_the_group_in_both_statistics() -> None:
    design, page = _laid("infographic", "long-1080x2700", "nl")
    women, men, women2, men2 = _bars(_comparison(page))
    series = design.brand.series_colors()
    assert (women.color, men.color) == (series[0], series[1]) == (women2.color, men2.color)


def _shown_figures(page: Page) -> list[str]:
    return [BIDI.sub("", b.text) for c in _charts(page) for b in _labels(c) if b.role == "figure"]


@pytest.mark.parametrize("lang", ["nl", "en", "ar", "tr"])
@pytest.mark.parametrize("fmt", ["long-1080x2700", "a3", "story-9x16"])
def test_long_description_and_table_hold_every_value_shown(fmt: str, lang: str) -> None:
    design, page = _laid("infographic", fmt, lang)
    shown = _shown_figures(page)
    long = BIDI.sub("", page.long_alt)
    rows = list(csv.DictReader(io.StringIO(pipeline.sidecars(design, page)[".data.csv"].decode("utf-8"))))
    assert len(rows) == len(shown) >= 4
    for figure, row in zip(shown, rows, strict=True):
        value = BIDI.sub("", row["value"])
        assert value in figure  # Turkish rings show "%71'i": the formatted value is in it
        assert value in long, (value, long)
    # Each statistic's definition and source are in the description and its rows.
    for row in rows:
        assert row["definition"] in long and row["source"] in long
    assert len(page.alt) <= 150 and len(page.long_alt) <= 1000


def test_the_story_shows_the_first_figure_of_the_default_set_and_says_so() -> None:
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    design = pipeline.resolve_design(campaign, "infographic", "story-9x16", "nl")
    page, diags = pipeline.layout(design)
    assert page is not None
    assert any("showed only the first figure of the default set" in w.message for w in diags.warnings)
    rows = list(csv.DictReader(io.StringIO(pipeline.sidecars(design, page)[".data.csv"].decode("utf-8"))))
    assert [r["statistic"] for r in rows] == [FORCED, FORCED, PHYSICAL, PHYSICAL]
    assert "71%" not in page.long_alt


def test_stat_chooses_and_orders_the_figures(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "info.png"
    result = cli("render", "-t", "infographic", "-f", "long-1080x2700", "--stat", "consequences-forced",
                 "--stat", PHYSICAL, "--stat", FORCED, "-o", out)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO((tmp_path / "info.data.csv").read_text(encoding="utf-8"))))
    assert [r["statistic"] for r in rows] == ["consequences-forced", PHYSICAL, PHYSICAL, FORCED, FORCED]
    _, page = _laid("infographic", "long-1080x2700", "nl", ["consequences-forced", PHYSICAL, FORCED])
    # physical then forced share one scale; the lone share is an icon array (100 figures) before them
    chart = _comparison(page)
    heads = [b.text for b in _labels(chart) if b.slot.endswith("-label")]
    assert heads[0].startswith("Fysiek") and heads[1].startswith("Slachtoffer")
    assert _charts(page)[0].box.y < chart.box.y
    assert "71 van de 100 slachtoffers" in [b.text for b in page.text_blocks()]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["-t", "paired-bars", "-f", "post-4x5", "--stat", FORCED, "--stat", PHYSICAL],
      "template 'paired-bars' shows one statistic; --stat was given 2 times"),
     (["-t", "infographic", "-f", "a3", "--stat", FORCED, "--stat", FORCED], f"--stat {FORCED} is given twice"),
     (["-t", "infographic", "-f", "post-4x5"], "template 'infographic' is made for the format(s) story-9x16, "
                                                   "long-1080x2700, a3, not 'post-4x5'"),
     (["-t", "infographic", "-f", "a3", "--stat", "xyz"], "unknown statistic 'xyz'")],
)
def test_bad_stat_options_exit_2_with_a_clear_message(cli, tmp_path: Path, args: list[str],  # type: ignore[no-untyped-def]
                                                      message: str) -> None:
    out = tmp_path / "x.png"
    result = cli("render", *args, "-o", out)
    assert result.code == 2
    assert message in result.err
    assert not out.exists() and not (tmp_path / "x.alt.txt").exists()
    assert cli("check", *args).code == 2


def test_changing_a_value_changes_chart_description_and_table(campaign_copy, cli) -> None:  # type: ignore[no-untyped-def]
    campaign_copy.replace("value: 53", "value: 61")
    out = campaign_copy.folder / "info.png"
    result = cli("render", "-t", "infographic", "-f", "long-1080x2700", "--campaign", campaign_copy.folder, "-o", out)
    assert result.code == 0, result.err
    _, page = _laid("infographic", "long-1080x2700", "nl", folder=campaign_copy.folder)
    bars = _bars(_comparison(page))
    unit = bars[2].box.w / 61  # the shared scale now runs to 61
    assert [round(b.box.w / unit, 2) for b in bars] == [22, 6, 61, 19]
    assert "61%" in _shown_figures(page) and "53%" not in _shown_figures(page)
    alt = (campaign_copy.folder / "info.alt.txt").read_text(encoding="utf-8")
    assert "61% van de vrouwen" in alt and "53%" not in alt
    table = (campaign_copy.folder / "info.data.csv").read_text(encoding="utf-8")
    assert "61%" in table and "53%" not in table


def test_native_digits_reach_the_marks_the_description_and_the_table() -> None:
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    design = pipeline.resolve_design(campaign, "infographic", "long-1080x2700", "ar", native_digits=True)
    page, _ = pipeline.layout(design)
    assert page is not None
    shown = _shown_figures(page)
    assert shown[:4] == ["٢٢٪", "٦٪", "٥٣٪", "١٩٪"]
    rows = list(csv.DictReader(io.StringIO(pipeline.sidecars(design, page)[".data.csv"].decode("utf-8"))))
    assert [BIDI.sub("", r["value"]) for r in rows] == shown
    assert all(figure in BIDI.sub("", page.long_alt) for figure in shown)
