"""The shape of campaign.yaml, declared once; the loader turns it into model objects."""

from __future__ import annotations

import re
from typing import Any

from campaign_studio.content.schema import (
    Bool,
    Choice,
    Date,
    Field,
    ListOf,
    Number,
    Obj,
    Text,
)
from campaign_studio.content.yamlsource import YMap
from campaign_studio.model.campaign import CHART_PLACEHOLDERS, VALUE
from campaign_studio.model.diagnostics import Diagnostics

FORMAT_VERSION = "campaign-studio/1"

ID = Text(
    literal=True,
    max_length=60,
    pattern=re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*"),
    pattern_hint="use lower-case letters, digits and hyphens, e.g. victim-sexual-violence",
    expected="an id (lower-case letters, digits, hyphens)",
)
LANGUAGE = Text(
    literal=True,
    max_length=12,
    pattern=re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?"),
    pattern_hint="use a BCP 47 language code such as nl, en, ar or pt-BR",
    expected="a language code",
)
# Dutch numbers: emergency and short numbers (112, 113, 14 + municipal code), service
# numbers (0800/0900/0906/0909 + 4 to 7 digits), regular 10-digit numbers, or +31.
PHONE = Text(
    literal=True,
    max_length=20,
    pattern=re.compile(
        r"11[23]|14 ?0\d{2,3}|09(?:00|06|09)[- ]?\d{4,7}|0800[- ]?\d{4,7}"
        r"|0\d{2}[- ]?\d{3}[- ]?\d{4}|0\d{3}[- ]?\d{6}|0\d{2}[- ]?\d{7}|\+31[- ]?\d(?:[- ]?\d){8}"
    ),
    pattern_hint="write a Dutch number with digits only, e.g. 0800-0188, 020-1234567, 112 or +31 20 123 4567",
    expected="a Dutch phone number",
)
URL = Text(
    literal=True,
    max_length=300,
    pattern=re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#]\S*)?"),
    pattern_hint="write the full address with https://, e.g. https://centrumseksueelgeweld.nl",
    expected="a web address",
)
TEXT = Text()
SHORT_TEXT = Text(max_length=200)
YEAR = Number(minimum=1900, maximum=2100, integer=True, range_name="a year")


def _percent_in_range(stat: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    if stat["unit"] != "percent":
        return
    values_node = node.entries["values"][1]
    for i, value in enumerate(stat["values"]):
        if not 0 <= value["value"] <= 100:
            item = values_node.items[i] if hasattr(values_node, "items") else values_node
            loc = item.entries["value"][1].loc if isinstance(item, YMap) else item.loc
            diags.error(
                f"{value['value']} is not a percentage: a percentage lies between 0 and 100",
                loc,
                f"{path}.values[{i}].value",
                "write the percentage as a number from 0 to 100, e.g. 22",
            )


def _contact_reachable(contact: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    if not contact["phone"] and not contact["url"]:
        diags.error("a help contact needs a phone number or a web address", node.loc, path, "add phone: or url:")


PROGRAMME = Obj(
    {
        "name": Field(TEXT),
        "title": Field(TEXT),
        "campaign_name": Field(TEXT),
        "runs_until": Field(Date(), required=False),
        "sender_line": Field(TEXT),
        "description": Field(TEXT),
    }
)

ORGANISATION = Obj(
    {
        "id": Field(ID),
        "name": Field(SHORT_TEXT),
        "short": Field(SHORT_TEXT),
        "role": Field(Choice(options=("initiator", "partner", "support"))),
    }
)

SOURCE = Obj(
    {
        "id": Field(ID),
        "publisher": Field(SHORT_TEXT),
        "title": Field(TEXT),
        "year": Field(YEAR),
        "citation": Field(TEXT),
        "url": Field(URL, required=False),
        "checked": Field(Date(), required=False),
    }
)

_BRACED = re.compile(r"\{[^{}\n]*\}")


def _phrase_has_one_value(value: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    """A figure phrase holds the formatted figure exactly once, and no other placeholder."""
    phrase = value["phrase"]
    if phrase is None:
        return
    loc = node.entries["phrase"][1].loc
    others = [b for b in _BRACED.findall(phrase) if b != VALUE]
    if others:
        diags.error(f"the phrase has {others[0]!r}; the only placeholder a figure phrase may have is {VALUE}", loc,
                    f"{path}.phrase", f"write the figure as {VALUE}, e.g. '{VALUE} van de vrouwen'")
    elif phrase.count(VALUE) != 1:
        found = f"has no {VALUE}" if VALUE not in phrase else f"has {VALUE} {phrase.count(VALUE)} times"
        diags.error(f"the phrase {found}: a figure phrase holds the figure as {VALUE} exactly once", loc,
                    f"{path}.phrase", f"e.g. '{VALUE} van de vrouwen'")


def _of_group_has_no_placeholder(group: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    found = _BRACED.findall(group["of_group"])
    if found:
        diags.error(f"of_group has {found[0]!r}; it holds the words after a figure, without placeholders",
                    node.entries["of_group"][1].loc, f"{path}.of_group",
                    f"write the whole phrase as 'phrase: \"{VALUE} ...\"' on the statistic's value instead")


# of_group: the words after a figure ("van de vrouwen"), the phrase of a value that has none.
GROUP = Obj({"id": Field(ID), "label": Field(SHORT_TEXT), "of_group": Field(SHORT_TEXT)},
            validators=(_of_group_has_no_placeholder,))

# phrase: joins the figure and its group, "{value} van de vrouwen"; translated per figure.
STAT_VALUE = Obj(
    {
        "group": Field(ID),
        "value": Field(Number(minimum=0, range_name="a figure")),
        "phrase": Field(SHORT_TEXT, required=False),
    },
    validators=(_phrase_has_one_value,),
)

STATISTIC = Obj(
    {
        "id": Field(ID),
        "label": Field(TEXT),
        "definition": Field(TEXT),
        "population": Field(TEXT),
        "year": Field(YEAR),
        "source": Field(ID),
        "unit": Field(Choice(options=("percent", "count"))),
        "verified": Field(Bool()),
        "values": Field(ListOf(STAT_VALUE, min_items=1)),
        "note": Field(TEXT, required=False),
    },
    validators=(_percent_in_range,),
)

STATEMENT = Obj({"id": Field(ID), "text": Field(TEXT), "source": Field(ID), "picture": Field(ID, required=False)})

ACTION_LINE = Obj(
    {
        "id": Field(ID),
        "number": Field(Number(minimum=1, maximum=99, integer=True, range_name="an action line number")),
        "text": Field(TEXT),
    }
)

HELP_CONTACT = Obj(
    {
        "id": Field(ID),
        "name": Field(SHORT_TEXT),
        "description": Field(TEXT),
        "phone": Field(PHONE, required=False),
        "url": Field(URL, required=False),
        "hours": Field(SHORT_TEXT),
        "free": Field(Bool()),
        "cost": Field(SHORT_TEXT),
        "national": Field(Bool(), required=False, default=False),
        "primary": Field(Bool(), required=False, default=False),
    },
    validators=(_contact_reachable,),
)

PICTURE = Obj(
    {
        "id": Field(ID),
        "file": Field(Text(literal=True, max_length=300, expected="a file name inside the campaign folder")),
        # what the picture shows, for people who cannot see it (PDF /Alt, the text alternative)
        "alt": Field(Text(max_length=250)),
        # the maker and the licence, printed under the picture
        "credit": Field(Text(max_length=120)),
        # the point kept in view when a format crops the picture: [across, down], 0 to 1 (a third of the way
        # along each side is [0.33, 0.33]); a third value is refused by the loader
        "focus": Field(ListOf(Number(minimum=0, maximum=1, range_name="a share of the picture"), min_items=2),
                       required=False, default=[0.5, 0.5]),
    }
)

MESSAGE = Obj(
    {
        "id": Field(ID),
        "headline": Field(Text(max_length=120)),
        "body": Field(Text(max_length=600)),
        "call_to_action": Field(Text(max_length=160)),
        "statistic": Field(ID, required=False),
        "statement": Field(ID, required=False),
        "action_line": Field(ID, required=False),
        "help": Field(ID),
        "picture": Field(ID, required=False),
    }
)

def _chart_placeholders(texts: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    """A chart pattern may hold only the placeholders layout fills in for it."""
    for key, allowed in CHART_PLACEHOLDERS.items():
        pattern = texts.get(key)
        if not isinstance(pattern, str):
            continue
        unknown = [b for b in _BRACED.findall(pattern) if b not in allowed]
        if unknown:
            diags.error(f"the pattern has {unknown[0]!r}, which layout does not fill in here",
                        node.entries[key][1].loc, f"{path}.{key}", "use only " + ", ".join(allowed))


# Sentence patterns for charts and text alternatives (model.campaign.ChartTexts); each may be left
# out for the built-in Dutch pattern (campaign_loader.DEFAULT_CHART_TEXTS).
CHARTS = Obj({key: Field(TEXT, required=False) for key in CHART_PLACEHOLDERS}, validators=(_chart_placeholders,))

# Dotted item ids as the PO files write them, `*` for one part: "messages.*.body".
ITEM_PATTERN = Text(
    literal=True,
    max_length=200,
    pattern=re.compile(r"(?:[a-z0-9_-]+|\*)(?:\.(?:[a-z0-9_-]+|\*))*"),
    pattern_hint="write a text id as in the PO files, e.g. messages.*.body or programme.sender_line",
    expected="an item id or pattern",
)

# What editions of the campaign may change (content/edition_locks.py holds what they never may).
EDITIONS = Obj(
    {
        "overridable": Field(ListOf(ITEM_PATTERN), required=False, default=[]),
        "locked": Field(ListOf(ITEM_PATTERN), required=False, default=[]),
    }
)

CAMPAIGN = Obj(
    {
        "format": Field(Choice(options=(FORMAT_VERSION,))),
        "id": Field(ID),
        "source_language": Field(LANGUAGE),
        "programme": Field(PROGRAMME),
        "organisations": Field(ListOf(ORGANISATION, min_items=1)),
        "sources": Field(ListOf(SOURCE)),
        "groups": Field(ListOf(GROUP)),
        "statistics": Field(ListOf(STATISTIC)),
        "statements": Field(ListOf(STATEMENT), required=False, default=[]),
        "action_lines": Field(ListOf(ACTION_LINE)),
        "help_contacts": Field(ListOf(HELP_CONTACT, min_items=1)),
        "messages": Field(ListOf(MESSAGE)),
        "pictures": Field(ListOf(PICTURE), required=False, default=[]),
        "charts": Field(CHARTS, required=False, default={}),
        "editions": Field(EDITIONS, required=False, default=None),
    }
)
