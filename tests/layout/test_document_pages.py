"""The carousel's slides, asserted on the page trees (issue 9, item 3): 3 to 10 slides in reading
order, the helpline on every slide in one and the same band, each figure with its definition
and source on one slide, one text scale for the figure slides, and findings that name their slide."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from campaign_studio import pipeline
from campaign_studio.layout.engine import Design
from campaign_studio.layout.localise import Localiser
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostics, InputError
from campaign_studio.model.pagetree import Document, Fill, Page, TextBlock

FORMATS = ("post-4x5", "post-1x1")
LANGUAGES = ("nl", "ar", "en", "tr")


@cache
def _laid(campaign: Campaign, fmt: str, lang: str, stats: tuple[str, ...] = ()) -> tuple[Design, Document, Diagnostics]:
    design = pipeline.resolve_design(campaign, "carousel", fmt, lang)
    doc, diags = pipeline.layout_document(design, list(stats) or None)
    assert doc is not None, [d.format() for d in diags.errors]
    return design, doc, diags


def _text(campaign: Campaign, lang: str, value: object) -> str:
    return Localiser(campaign, lang, Diagnostics()).text(value)  # type: ignore[arg-type]


def _band(page: Page) -> tuple[Fill, list[TextBlock]]:
    panel = [i for i in page.items if isinstance(i, Fill) and i.role == "panel" and i.box.bottom >= page.height - 0.01]
    assert len(panel) == 1, "one help band at the foot of the page"
    return panel[0], [b for b in page.text_blocks() if b.box.y >= panel[0].box.y]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_slides_in_reading_order(builtin: Campaign, fmt: str, lang: str) -> None:
    _, doc, _ = _laid(builtin, fmt, lang)
    kinds = [p.metadata["design.page"] for p in doc.pages]
    assert kinds == [f"{n}/{len(doc.pages)}" for n in range(1, len(doc.pages) + 1)]
    assert 3 <= len(doc.pages) <= 10
    assert doc.title == _text(builtin, lang, builtin.programme.title) and doc.language == lang
    titles = [p.title for p in doc.pages]
    stats = builtin.statistics[:4]
    assert titles[1:5] == [_text(builtin, lang, s.label) for s in stats]
    # the action lines in their numbered order, then the message about help
    assert titles[5:] == [_text(builtin, lang, builtin.message(m).headline)
                          for m in ("respect-boundaries", "recognise-and-respond", "help-is-there")]


def test_the_chosen_figures_decide_the_slide_count(builtin: Campaign) -> None:
    one = ("consequences-forced",)
    _, doc, _ = _laid(builtin, "post-4x5", "nl", one)
    assert len(doc.pages) == 5 and doc.pages[1].title == _text(builtin, "nl", builtin.statistic(one[0]).label)
    design = pipeline.resolve_design(builtin, "carousel", "post-4x5", "nl")
    too_many = [s.id for s in builtin.statistics] * 2
    with pytest.raises(InputError) as raised:
        pipeline.layout_document(design, too_many)
    message = raised.value.diagnostic.format()
    with pytest.raises(InputError, match="unknown statistic 'victim'"):
        pipeline.layout_document(design, ["victim"])
    assert "would have 12 slides" in message and "3 to 10" in message and "fewer figures with --stat" in message


def test_too_few_slides_are_refused(builtin: Campaign) -> None:
    design = pipeline.resolve_design(builtin, "carousel", "post-4x5", "nl")
    assert design.template.document is not None
    strict = dataclasses.replace(design.template, document=dataclasses.replace(design.template.document, min_pages=9))
    with pytest.raises(InputError) as raised:
        pipeline.layout_document(dataclasses.replace(design, template=strict))
    found = raised.value.diagnostic
    assert "would have 8 slides" in found.message and "9 to 10" in found.message and "more figures" in found.hint
    assert found.location is not None and found.location.file.name == "carousel.yaml" and found.location.line > 1


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_slide_carries_the_same_helpline_band(builtin: Campaign, fmt: str, lang: str) -> None:
    _, doc, _ = _laid(builtin, fmt, lang)
    phone = builtin.primary_help.phone
    assert phone
    bands = [_band(p) for p in doc.pages]
    for panel, blocks in bands:
        assert any(phone in b.text.replace("\u2066", "").replace("\u2069", "") for b in blocks)
        assert panel == bands[0][0]
    first = [(b.text, b.box, b.size) for b in bands[0][1]]
    assert all([(b.text, b.box, b.size) for b in blocks] == first for _, blocks in bands)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_figure_its_definition_and_source_share_one_slide(builtin: Campaign, fmt: str, lang: str) -> None:
    _, doc, _ = _laid(builtin, fmt, lang)
    for stat in builtin.statistics[:4]:
        label = _text(builtin, lang, stat.label)
        definition = _text(builtin, lang, stat.definition)
        citation = _text(builtin, lang, builtin.source(stat.source).citation)
        showing = [p for p in doc.pages if any(label in b.text for b in p.text_blocks() if b.slot == "headline")]
        assert len(showing) == 1, stat.id
        page = showing[0]
        slots = {b.slot: b.text for b in page.text_blocks()}
        assert definition in slots["footnote"] and citation in slots["source"]
        assert any(b.slot.startswith("chart") for b in page.text_blocks()), "the chart's labels"
        assert page.metadata["design.stats"] == ",".join(s.id for s in builtin.statistics[:4])
        # and on no other slide than those of figures with the same definition
        same = {p.title for p in doc.pages} & {_text(builtin, lang, s.label) for s in builtin.statistics
                                                if _text(builtin, lang, s.definition) == definition}
        assert {p.title for p in doc.pages if any(definition in b.text for b in p.text_blocks())} == same


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_slides_of_one_kind_share_one_scale(builtin: Campaign, fmt: str, lang: str) -> None:
    _, doc, _ = _laid(builtin, fmt, lang)
    figures = doc.pages[1:5]
    assert len({p.metadata["scale"] for p in figures}) == 1
    assert len({b.size for p in figures for b in p.text_blocks() if b.slot == "headline"}) == 1
    assert len({b.size for p in figures for b in p.text_blocks() if b.slot == "footnote"}) == 1
    actions = doc.pages[5:7]
    assert len({p.metadata["scale"] for p in actions}) == 1


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_bars_share_one_scale_across_slides(builtin: Campaign, fmt: str, lang: str) -> None:
    _, doc, _ = _laid(builtin, fmt, lang)
    lengths = []
    for page, stat in zip(doc.pages[1:5], builtin.statistics[:4], strict=True):
        bars = [i for i in page.walk() if isinstance(i, Fill) and i.role == "figure"]
        assert len(bars) == len(stat.values)
        lengths += [(b.box.w, v.value) for b, v in zip(bars, stat.values, strict=True)]
    per_point = max(w for w, _ in lengths) / 71  # 71%: the largest figure has the longest bar
    for width, value in lengths:
        assert abs(width - value * per_point) < 0.5, (width, value)


def test_findings_name_their_slide(builtin: Campaign) -> None:
    design, doc, diags = _laid(builtin, "post-4x5", "nl")
    unverified = [d.message for d in diags if "is not verified" in d.message]
    assert unverified and unverified[0].startswith("slide 4 of 8 (figure consequences-forced): statistic")
    checked = pipeline.check_document(doc, design)
    assert checked and all(d.message.startswith("slide ") for d in checked if d.code)
    assert {d.message.split(":")[0] for d in checked if d.code} <= {f"slide {n} of 8" for n in range(1, 9)}
