"""Charts drawn from the data: geometry on the page tree, text alternative and data table from the same values,
series colours that colour-blind readers can tell apart."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import pytest
from cvd import DEFICIENCIES, ciede2000, difference_under

from campaign_studio import pipeline
from campaign_studio.content.design_loader import brand_ids, load_brand
from campaign_studio.model.colour import contrast_ratio
from campaign_studio.model.pagetree import FigureGroup, Fill, Page, PathItem, Rect, TextBlock

STAT = "victim-sexual-violence"


def _page(template: str, fmt: str, lang: str, stat: str = STAT, folder: Path | None = None) -> Page:
    campaign = pipeline.open_campaign(folder).campaign
    assert campaign is not None
    design = pipeline.resolve_design(campaign, template, fmt, lang, stats=[stat])
    page, diags = pipeline.layout(design)
    assert page is not None, [d.format() for d in diags.errors]
    return page


def _chart(page: Page) -> FigureGroup:
    charts = [i for i in page.walk() if isinstance(i, FigureGroup) and i.role == "chart"]
    assert len(charts) == 1
    return charts[0]


def _bars(chart: FigureGroup) -> list[Fill]:
    return [i for i in chart.items if isinstance(i, Fill) and i.role == "figure"]


def _moves(path: PathItem) -> int:
    return sum(op == "M" for op, _ in path.ops)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right - 0.01 and b.x < a.right - 0.01 and a.y < b.bottom - 0.01 and b.y < a.bottom - 0.01


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_bar_lengths_are_proportional_to_the_values(lang: str) -> None:
    chart = _chart(_page("paired-bars", "post-4x5", lang))
    women, men = _bars(chart)
    # 22% and 6% on one scale from 0: lengths in the ratio of the values, within half a pixel.
    assert abs(women.box.w * 6 / 22 - men.box.w) < 0.5
    # Bars start at the same edge: the left in Dutch, the right in Arabic.
    if lang == "ar":
        assert abs(women.box.right - men.box.right) < 0.5
    else:
        assert abs(women.box.x - men.box.x) < 0.5


def test_bars_mirror_in_arabic() -> None:
    nl, ar = (_chart(_page("paired-bars", "post-4x5", lang)) for lang in ("nl", "ar"))
    for b_nl, b_ar in zip(_bars(nl), _bars(ar), strict=True):
        # Mirrored about the page centre: the start edge (the length follows the value label's width).
        assert abs(b_nl.box.x - (1080 - b_ar.box.right)) < 0.5


@pytest.mark.parametrize("template", ["paired-bars", "icon-array", "share-ring"])
@pytest.mark.parametrize("fmt", ["post-4x5", "link-1.91x1", "a4"])
def test_labels_inside_the_canvas_and_clear_of_the_marks(template: str, fmt: str) -> None:
    stat = "consequences-forced" if template == "share-ring" else STAT
    page = _page(template, fmt, "nl", stat)
    chart = _chart(page)
    canvas = Rect(0, 0, page.width, page.height)
    labels = [i for i in chart.items if isinstance(i, TextBlock)]
    marks = [i.box for i in chart.items if getattr(i, "role", "") == "figure" and not isinstance(i, TextBlock)]
    assert labels and marks
    for label in labels:
        assert canvas.contains(label.box), label.slot
        if template != "share-ring":  # the ring's figure sits in its hole, inside the ring's box
            for mark in marks:
                assert not _overlaps(label.box, mark), (label.slot, label.text)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_icon_array_fills_as_many_figures_as_the_value(lang: str) -> None:
    chart = _chart(_page("icon-array", "post-4x5", lang))
    filled, empty = (p for p in chart.items if isinstance(p, PathItem))
    assert filled.role == "figure" and filled.fill is not None and empty.fill_rule == "evenodd"
    # a filled figure is a head and a body; an outlined one has their insides cut out as well
    heads = [coords for op, coords in filled.ops if op == "M"][0::2]
    assert len(heads) == 22 and _moves(empty) == 4 * 78
    # The first filled figure is at the start side: top left in Dutch, top right in Arabic.
    first_x, first_y = heads[0]
    assert first_y == min(y for _, y in heads)
    xs = [x for x, _ in heads]
    assert first_x == (max(xs) if lang == "ar" else min(xs))
    caption = next(i for i in chart.items if isinstance(i, TextBlock))
    assert caption.text == ("22 van de 100 vrouwen" if lang == "nl" else "22 من كل 100 من النساء")


@pytest.mark.parametrize("lang", ["nl", "en", "ar", "tr"])
def test_long_description_and_table_hold_every_value_shown(lang: str, tmp_path: Path) -> None:
    page = _page("paired-bars", "post-4x5", lang)
    chart = _chart(page)
    shown = [b.text for b in chart.items if isinstance(b, TextBlock) and b.role == "figure"]
    assert len(shown) == 2
    for value in shown:
        assert value in page.long_alt.replace("\u2066", "").replace("\u2069", ""), (value, page.long_alt)
    assert len(page.alt) <= 150 and page.alt
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    design = pipeline.resolve_design(campaign, "paired-bars", "post-4x5", lang, stats=[STAT])
    rows = list(csv.DictReader(io.StringIO(pipeline.sidecars(design, page)[".data.csv"].decode("utf-8"))))
    assert [r["value"] for r in rows] == shown
    assert {r["year"] for r in rows} == {"2017"} and {r["verified"] for r in rows} == {"yes"}


def test_changing_a_value_changes_chart_description_and_table(campaign_copy, cli) -> None:  # type: ignore[no-untyped-def]
    campaign_copy.replace("value: 22", "value: 37")
    out = campaign_copy.folder / "out.png"
    result = cli("render", "-t", "icon-array", "-f", "post-1x1", "--campaign", campaign_copy.folder, "-o", out)
    assert result.code == 0, result.err
    page = _page("icon-array", "post-1x1", "nl", folder=campaign_copy.folder)
    filled = next(p for p in _chart(page).items if isinstance(p, PathItem) and p.role == "figure")
    assert _moves(filled) == 2 * 37  # a head and a body each
    alt = (campaign_copy.folder / "out.alt.txt").read_text(encoding="utf-8")
    short, blank, long = alt.split("\n")[:3]
    assert blank == "" and "37%" in short and "37%" in long and "22%" not in alt
    table = (campaign_copy.folder / "out.data.csv").read_text(encoding="utf-8")
    assert "37%" in table and "22%" not in table


def test_no_sidecars_when_asked(campaign_copy, cli) -> None:  # type: ignore[no-untyped-def]
    out = campaign_copy.folder / "out.png"
    result = cli("render", "-t", "share-ring", "-f", "post-1x1", "--stat", "consequences-forced", "--no-alt",
                 "--no-data", "--campaign", campaign_copy.folder, "-o", out)
    assert result.code == 0, result.err
    assert out.exists() and not (campaign_copy.folder / "out.alt.txt").exists()
    assert not (campaign_copy.folder / "out.data.csv").exists()
    assert "not verified" in result.err


def test_ciede2000_matches_sharmas_test_data() -> None:
    # Sharma, Wu & Dalal (2005), table 1, pairs 1, 7 and 17.
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


# ΔE00 of about 2 is just noticeable side by side on large patches; chart series are small marks
# read apart from each other, so we ask five times that: 10 (a clear difference at a glance).
DISTINGUISHABLE = 10.0


@pytest.mark.parametrize("brand_id", brand_ids())
def test_series_colours_stay_apart_for_colour_blind_readers(brand_id: str) -> None:
    brand = load_brand(brand_id)
    colours = [c.rgb for c in brand.series_colors()]
    for deficiency in DEFICIENCIES:
        for a, b in itertools.combinations(colours, 2):
            assert difference_under(a, b, deficiency) >= DISTINGUISHABLE, (brand_id, deficiency, a, b)
    for colour in brand.series_colors():
        assert contrast_ratio(colour, brand.colors["background"]) >= 3.0


@pytest.mark.parametrize(("lang", "fmt"), [("nl", "post-4x5"), ("tr", "post-4x5"), ("ar", "post-4x5"),
                                            ("tr", "story-9x16"), ("tr", "a3")])
def test_the_ring_and_its_group_words_read_in_the_languages_order(lang: str, fmt: str) -> None:
    """Dutch "71% van de slachtoffers", Turkish "mağdurların %71'i": the words come after the
    figure in one and before it in the other, in reading direction (Arabic reads right to left)."""
    chart = _chart(_page("share-ring", fmt, lang, stat="consequences-forced"))
    ring = next(i for i in chart.items if isinstance(i, PathItem) and i.role == "figure")
    words = next(i for i in chart.items if isinstance(i, TextBlock) and i.slot.endswith("-group"))
    first_in_reading = {"nl": "figure", "ar": "figure", "tr": "words"}[lang]
    rtl = lang == "ar"
    beside = not (words.box.bottom <= ring.box.y + 0.5 or words.box.y >= ring.box.bottom - 0.5)
    if beside:
        words_before = (words.box.x >= ring.box.right - 0.5) if rtl else (words.box.right <= ring.box.x + 0.5)
    else:
        words_before = words.box.bottom <= ring.box.y + 0.5
    assert words_before == (first_in_reading == "words")
    assert not _overlaps(words.box, ring.box)
