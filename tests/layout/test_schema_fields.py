"""Issue 7, point 10: every field campaign.yaml accepts reaches a design (as text, document
property or a warning the design raises), or is listed here as not shown, with the reason.
A new schema field fails the first test until it is decided."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from campaign_studio import pipeline
from campaign_studio.content.campaign_schema import CAMPAIGN
from campaign_studio.content.schema import ListOf, Obj, Schema
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import Page, QRCode
from campaign_studio.render.pdf import render_pdf

# Fields no design shows as their own text, each with why: structural fields (used, not shown).
NOT_SHOWN = {
    "format": "the file's format version, read by the loader",
    "id": "the campaign's id: names folders and exports",
    "source_language": "decides the languages, not a text",
    "programme.title": "shown only as the page title of a design without a subject",
    "groups.id": "a reference",
    "sources.id": "a reference",
    "statistics.values.group": "shown through the group's of_group",
    "statements.id": "a reference",
    "statements.source": "a reference: the design shows the source's citation",
    "charts": "sentence patterns: designs show them filled in (tests/layout/test_charts.py), never as written",
    "action_lines.id": "a reference",
    "help_contacts.id": "a reference",
    "organisations.id": "a reference",
    "editions.overridable": "rules for editions: which texts an edition may change (tests/editions/test_edition_locks.py)",
    "editions.locked": "rules for editions: what an edition may never change (tests/editions/test_edition_locks.py)",
    "pictures.id": "a reference",
}


def _paths(schema: Schema, prefix: str = "") -> Iterator[str]:
    if isinstance(schema, ListOf):
        yield from _paths(schema.item, prefix)
        return
    if isinstance(schema, Obj) and schema.fields:
        for key, field in schema.fields.items():
            path = f"{prefix}.{key}" if prefix else key
            if path in NOT_SHOWN:
                yield path
            else:
                inner = field.schema.item if isinstance(field.schema, ListOf) else field.schema
                if isinstance(inner, Obj) and inner.fields:
                    yield from _paths(inner, path)
                else:
                    yield path
        return
    yield prefix


@pytest.fixture(scope="module")
def shown(builtin: Campaign) -> str:
    """Every text, metadata value and QR address of one design per template, subject and shape."""
    pages: list[Page] = []
    for template in ("statistic-spotlight", "women-men"):
        for stat in builtin.statistics:
            if template == "women-men" and len(stat.values) < 2:
                continue
            for fmt in ("post-4x5", "wide-16x9"):
                pages.append(pipeline.layout(pipeline.resolve_design(builtin, template, fmt, "nl", stats=[stat.id]))[0])
    for template in ("action-line", "where-to-get-help"):
        for msg in builtin.messages:
            if template == "action-line" and not msg.action_line:
                continue
            for fmt in ("post-4x5", "a3"):
                pages.append(pipeline.layout(pipeline.resolve_design(builtin, template, fmt, "nl", message_id=msg.id))[0])
    for statement in builtin.statements:
        pages.append(pipeline.layout(pipeline.resolve_design(builtin, "statement", "post-4x5", "nl",
                                                             statement_id=statement.id))[0])
    parts = []
    for page in pages:
        assert page is not None
        parts += [b.text for b in page.text_blocks()] + list(page.metadata.values())
        parts += [i.data for i in page.items if isinstance(i, QRCode)]
    # Short contact names are set with no-break spaces (help_blocks.keep_together): the same words.
    return "\n".join(parts).replace("\u00a0", " ")


def _shown_values(campaign: Campaign, path: str) -> list[str]:
    """The values of one field over the built-in campaign, as a design writes them."""
    top, _, rest = path.partition(".")
    items = getattr(campaign, top)
    items = items if isinstance(items, tuple) else (items,)
    if top == "action_lines":  # a line appears through the messages that belong to it
        items = tuple(i for i in items if any(m.action_line == i.id for m in campaign.messages))
    values = []
    for item in items:
        value = getattr(item, rest.split(".")[0])
        for part in rest.split(".")[1:]:
            value = [getattr(v, part) for v in value]
        for v in value if isinstance(value, list | tuple) else [value]:
            if v is None:
                continue
            text = getattr(v, "source", v)
            if path.endswith(".url"):  # written without the scheme (the QR code carries it in full)
                text = str(text).removeprefix("https://").removeprefix("www.").rstrip("/")
            values.append(f"{text:g}" if isinstance(text, float) else str(text))
    return values


def test_every_schema_field_is_shown_or_listed_as_not_shown() -> None:
    paths = list(_paths(CAMPAIGN))
    decided = {*NOT_SHOWN, *CHECKED_ELSEWHERE, *TEXT_FIELDS, *OTHER_FIELDS, *TABLE_FIELDS}
    assert [p for p in paths if p not in decided] == []
    assert sorted(decided - set(paths)) == []  # no decision about a field the schema no longer has


# Shown, but not as their own text: checked by the tests named.
CHECKED_ELSEWHERE = {
    "programme.runs_until": "the stale-source warning (test_a_source_check_too_old_for_the_campaign_is_reported)",
    "sources.checked": "the stale-source warning (test_a_source_check_too_old_for_the_campaign_is_reported)",
    "programme.description": "the PDF's Subject (test_the_document_properties_name_publishers_and_programme)",
    "organisations.name": "the PDF's Author (test_the_document_properties_name_publishers_and_programme)",
    "organisations.short": "the PDF's Author (test_the_document_properties_name_publishers_and_programme)",
    "organisations.role": "only initiators are the Author (test_the_document_properties_name_publishers_and_programme)",
    "statistics.note": "the editor's-note warning (test_the_editors_note_is_reported_with_the_figure)",
    "help_contacts.national": "local contacts listed first (test_local_and_free_contacts_come_first)",
    "help_contacts.free": "free contacts listed before paid ones (test_local_and_free_contacts_come_first)",
    "messages.statistic": "the message's source footnote (test_a_message_cites_the_source_of_its_claim)",
    "messages.statement": "the message's source footnote (test_a_message_cites_the_source_of_its_claim)",
    "statistics.values.phrase": "the figure's own phrase with its value (figure phrase tests, issue 7 point 9)",
    "statistics.unit": "the figure's % sign (layout figure tests)",
    "statistics.verified": "the unverified-statistic warning (layout tests)",
    "statistics.source": "the citation of that source (below)",
    "help_contacts.primary": "which contact is the main one (test_help_contacts)",
    "messages.action_line": "the action line's text (below)",
    "messages.help": "the card's main contact (test_help_contacts)",
    "messages.id": "the page metadata 'about' (below)",
    "statistics.id": "the page metadata 'about' (below)",
    "messages.picture": "the message's picture (tests/layout/test_pictures.py)",
    "statements.picture": "the statement's picture (tests/layout/test_pictures.py)",
    "pictures.file": "the picture drawn (tests/layout/test_pictures.py)",
    "pictures.alt": "the picture's /Alt in the PDF (test_the_pdf_tags_the_picture_with_its_alternative_text_...)",
    "pictures.focus": "the crop around it (test_a_poster_shows_the_picture_cropped_around_its_focus_with_its_credit)",
}
# Shown as part of another text: checked by the test named.
OTHER_FIELDS = {"statistics.population": "the footnote (test_population_reaches_the_footnote)"}

TEXT_FIELDS = [
    "programme.name", "programme.campaign_name", "programme.sender_line",
    "statistics.id", "statistics.label", "statistics.definition", "statistics.values.value",
    "sources.citation", "groups.of_group", "action_lines.number", "action_lines.text",
    "help_contacts.name", "help_contacts.description", "help_contacts.phone", "help_contacts.url", "pictures.credit",
    "help_contacts.hours", "help_contacts.cost",
    "messages.id", "messages.headline", "messages.body", "messages.call_to_action",
    "statements.text",
]


@pytest.mark.parametrize("path", TEXT_FIELDS)
def test_the_field_reaches_a_design(path: str, builtin: Campaign, shown: str) -> None:
    missing = [v for v in _shown_values(builtin, path) if v not in shown]
    assert missing == []


# Shown in the data table beside every design with figures (NAME.data.csv), by value.
TABLE_FIELDS = {"sources.publisher": "source_publisher", "sources.title": "source_title",
                "sources.year": "source_year", "sources.url": "source_url", "groups.label": "group",
                "statistics.year": "year"}


@pytest.mark.parametrize("path", sorted(TABLE_FIELDS))
def test_the_field_reaches_the_data_table(path: str, builtin: Campaign) -> None:
    column = TABLE_FIELDS[path]
    for stat in builtin.statistics:
        design = pipeline.resolve_design(builtin, "statistic-spotlight", "post-4x5", "nl", stats=(stat.id,))
        page = pipeline.layout(design)[0]
        assert page is not None
        rows = list(csv.DictReader(io.StringIO(pipeline.sidecars(design, page)[".data.csv"].decode("utf-8"))))
        assert [r["group"] for r in rows] == [builtin.group(v.group).label.source for v in stat.values]
        source = builtin.source(stat.source)
        expected = {"source_publisher": source.publisher, "source_title": source.title,
                    "source_year": str(source.year), "source_url": source.url or "", "year": str(stat.year)}
        for row in rows:
            assert column == "group" or row[column] == expected[column]


def test_population_reaches_the_footnote(builtin: Campaign, shown: str) -> None:
    assert all(s.population.source.rstrip(".") in shown for s in builtin.statistics)


def _design(campaign: Campaign, template: str, fmt: str = "post-4x5", lang: str = "nl", **subject: list[str]
            ) -> tuple[Page, list[str]]:
    page, diagnostics = pipeline.layout(pipeline.resolve_design(campaign, template, fmt, lang, **subject))
    assert page is not None
    return page, [d.message for d in diagnostics.warnings]


def test_the_document_properties_name_publishers_and_programme(builtin: Campaign, tmp_path: Path) -> None:
    page, _ = _design(builtin, "statistic-spotlight", stats=["victim-sexual-violence"])
    initiators = [o for o in builtin.organisations if o.role == "initiator"]
    assert initiators and len(initiators) < len(builtin.organisations)  # partners and support are not authors
    assert page.metadata["author"] == "; ".join(f"{o.name.source} ({o.short})" for o in initiators)
    assert page.metadata["subject"] == builtin.programme.description.source
    out = tmp_path / "x.pdf"
    out.write_bytes(render_pdf(page))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Author:          {page.metadata['author']}" in info
    assert f"Subject:         {builtin.programme.description.source}" in info


def test_a_source_check_too_old_for_the_campaign_is_reported(builtin: Campaign) -> None:
    stat = builtin.statistic("victim-sexual-violence")
    assert builtin.programme.runs_until is not None
    assert not [w for w in _design(builtin, "statistic-spotlight", stats=[stat.id])[1] if "checked" in w]
    old = dt.date(builtin.programme.runs_until.year - 3, 1, 1)
    stale = replace(builtin, sources=tuple(replace(s, checked=old) if s.id == stat.source else s
                                           for s in builtin.sources))
    warnings = [w for w in _design(stale, "statistic-spotlight", stats=[stat.id])[1] if "checked" in w]
    assert warnings == [f"source {stat.source!r} was last checked on {old.isoformat()}, and the campaign runs "
                        f"until {builtin.programme.runs_until.isoformat()}: check the source again"]
    # a message that cites the figure is held to the same check
    msg = next(m for m in builtin.messages if m.statistic == stat.id)
    assert [w for w in _design(stale, "where-to-get-help", message_id=msg.id)[1] if "checked" in w] == warnings
    # no end date, nothing to hold the check against
    open_ended = replace(stale, programme=replace(stale.programme, runs_until=None))
    assert not [w for w in _design(open_ended, "statistic-spotlight", stats=[stat.id])[1] if "checked" in w]


def test_the_editors_note_is_reported_with_the_figure(builtin: Campaign) -> None:
    noted = [s for s in builtin.statistics if s.note is not None]
    plain = [s for s in builtin.statistics if s.note is None]
    assert noted and plain
    for stat in noted:
        assert f"editor's note on statistic {stat.id!r}: {stat.note.source}" in _design(  # type: ignore[union-attr]
            builtin, "statistic-spotlight", stats=[stat.id])[1]
    assert not [w for w in _design(builtin, "statistic-spotlight", stats=[plain[0].id])[1] if "note" in w]


def test_local_and_free_contacts_come_first(builtin: Campaign) -> None:
    local = replace(builtin.help_contacts[-1], id="local-desk", national=False, phone="14 0123",
                    name=replace(builtin.help_contacts[-1].name, source="Zorgloket Voorbeeld"))
    campaign = replace(builtin, help_contacts=(*builtin.help_contacts, local))
    page, _ = _design(campaign, "where-to-get-help", "a3")
    listed = next(b for b in page.text_blocks() if b.slot == "others").text.replace("\u00a0", " ").split("\n")
    names = [line.split(":")[0] for line in listed]
    assert names[0] == "Zorgloket Voorbeeld"
    paid = [c.name.source for c in builtin.help_contacts if not c.free]
    free = [c.name.source for c in builtin.help_contacts if c.free and not c.primary]
    assert paid and free
    assert max(names.index(n) for n in free) < min(names.index(n) for n in paid)


def test_a_message_cites_the_source_of_its_claim(builtin: Campaign) -> None:
    for msg in builtin.messages:
        page, _ = _design(builtin, "where-to-get-help", message_id=msg.id)
        sources = [b.text for b in page.text_blocks() if b.slot == "source"]
        if msg.statistic:
            expected = [builtin.source(builtin.statistic(msg.statistic).source).citation.source]
        elif msg.statement:
            expected = [builtin.source(builtin.statement(msg.statement).source).citation.source]
        else:
            expected = []
        assert sources == expected, msg.id
    assert any(m.statistic for m in builtin.messages) and any(m.statement for m in builtin.messages)
