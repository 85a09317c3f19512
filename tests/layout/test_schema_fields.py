"""Issue 7, point 10: every field campaign.yaml accepts reaches a design, or is listed here as
not shown yet, with the reason. A new schema field fails the first test until it is decided."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from campaign_studio import pipeline
from campaign_studio.content.campaign_schema import CAMPAIGN
from campaign_studio.content.schema import ListOf, Obj, Schema
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import Page, QRCode

# Fields no design shows yet, for the lead to decide (show, or refuse in the schema): each
# with why it is kept. ids are shown only as page metadata (the design's subject).
NOT_SHOWN = {
    "format": "the file's format version, read by the loader",
    "id": "the campaign's id: names folders and exports",
    "source_language": "decides the languages, not a text",
    "programme.title": "shown only as the page title of a design without a subject",
    "programme.runs_until": "no design shows an end date yet",
    "programme.description": "kept for editors and the GUI; no design shows it yet",
    "organisations": "no design shows the organisations yet (the sender line names them)",
    "sources.publisher": "the citation carries it",
    "sources.title": "the citation carries it",
    "sources.year": "the citation carries it",
    "sources.url": "no design shows a source address yet",
    "sources.checked": "an editor's check date",
    "groups.id": "a reference",
    "groups.label": "the designs show of_group ('van de vrouwen') beside a figure",
    "statistics.year": "the population text and citation carry it",
    "statistics.note": "an editor's note",
    "statistics.values.group": "shown through the group's of_group",
    "statements.id": "a reference",
    "statements.source": "a reference: the design shows the source's citation",
    "charts": "sentence patterns: designs show them filled in (tests/layout/test_charts.py), never as written",
    "action_lines.id": "a reference",
    "help_contacts.id": "a reference",
    "help_contacts.free": "the cost text says it ('gratis')",
    "help_contacts.national": "every shipped contact is national; no design distinguishes them yet",
    "messages.statistic": "no template shows a message with its statistic yet",
    "messages.statement": "no template shows a message with its statement yet",
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
                pages.append(pipeline.layout(pipeline.resolve_design(builtin, template, fmt, "nl", stat_id=stat.id))[0])
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
    return "\n".join(parts)


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
    undecided = [p for p in _paths(CAMPAIGN) if p not in NOT_SHOWN and p not in CHECKED_ELSEWHERE
                 and not p.startswith(SHOWN_PREFIXES)]
    assert undecided == []


# Shown, but not as their own text: checked by the tests named.
CHECKED_ELSEWHERE = {
    "statistics.unit": "the figure's % sign (layout figure tests)",
    "statistics.verified": "the unverified-statistic warning (layout tests)",
    "statistics.source": "the citation of that source (below)",
    "help_contacts.primary": "which contact is the main one (test_help_contacts)",
    "messages.action_line": "the action line's text (below)",
    "messages.help": "the card's main contact (test_help_contacts)",
    "messages.id": "the page metadata subject (below)",
    "statistics.id": "the page metadata subject (below)",
}
SHOWN_PREFIXES = ("programme.", "statistics.", "sources.", "groups.", "action_lines.", "help_contacts.",
                  "messages.", "statements.")

TEXT_FIELDS = [
    "programme.name", "programme.campaign_name", "programme.sender_line",
    "statistics.id", "statistics.label", "statistics.definition", "statistics.values.value",
    "sources.citation", "groups.of_group", "action_lines.number", "action_lines.text",
    "help_contacts.name", "help_contacts.description", "help_contacts.phone", "help_contacts.url",
    "help_contacts.hours", "help_contacts.cost",
    "messages.id", "messages.headline", "messages.body", "messages.call_to_action",
    "statements.text",
]


@pytest.mark.parametrize("path", TEXT_FIELDS)
def test_the_field_reaches_a_design(path: str, builtin: Campaign, shown: str) -> None:
    missing = [v for v in _shown_values(builtin, path) if v not in shown]
    assert missing == []


def test_population_reaches_the_footnote(builtin: Campaign, shown: str) -> None:
    assert all(s.population.source.rstrip(".") in shown for s in builtin.statistics)
