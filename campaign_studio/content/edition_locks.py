"""What an edition may change in its campaign: the locks the program always holds and those a campaign declares.

Every item of a campaign has a dotted id: its texts have the ids their translations use
(`messages.help-is-there.body`, the PO message context), its other values the same shape
(`statistics.victim-sexual-violence.year`, `help_contacts.centrum-seksueel-geweld.phone`).
An edition may replace a text when no lock holds it. Always locked, whatever campaign.yaml says:
statistics (figures, names, groups), their definitions, populations, years and sources, and the
national helpline. Values that are not texts (numbers, phone numbers, addresses, references)
are never an edition's to change. Of the rest, campaign.yaml's `editions:` block decides:
`overridable:` patterns open texts, `locked:` patterns close them again.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from campaign_studio.content.campaign_loader import texts
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostics, Location
from campaign_studio.model.edition import Lock

# The locks the program holds, by name; each has a test (tests/content/test_edition_locks.py).
ALWAYS_LOCKED = {
    "statistics": "statistics are national: their figures, names and groups are the same in every edition",
    "definitions": "a statistic's definition says what its figure counts; it is national",
    "populations": "a statistic's population says whom its figure is about; it is national",
    "years": "a statistic's year is when it was measured; it is national",
    "sources": "sources are national: a figure's source is what makes it checkable",
    "national-helpline": "the national helpline is on every design, the same in every edition; "
                         "an edition adds its own contacts beside it",
    "texts-only": "an edition replaces texts only; numbers, phone numbers, web addresses and references "
                  "stay the campaign's",
}
# A picture's file and focus are not texts, yet an edition may replace them with a picture of its own.
PICTURE_FIELDS = ("file", "focus")
_STAT_FIELD_LOCKS = {"definition": "definitions", "population": "populations", "year": "years", "source": "sources"}


def matches(pattern: str, item: str) -> bool:
    """Does a dotted pattern name an item? `*` stands for one part; a pattern names everything below it."""
    want, have = pattern.split("."), item.split(".")
    return len(want) <= len(have) and all(w in ("*", h) for w, h in zip(want, have, strict=False))


def item_ids(campaign: Campaign) -> dict[str, bool]:
    """Every item an edition could name, by id: True for a text (replaceable), False for another value."""
    found = {t.id: True for t in texts(campaign)}

    def values(collection: str, item_id: str, obj: object, skip: tuple[str, ...] = ()) -> None:
        assert is_dataclass(obj)
        for f in fields(obj):
            name = f.name
            if name in ("id", "location", "values", *skip) or name.startswith("_"):
                continue
            key = f"{collection}.{item_id}.{name}"
            if key not in found and not _is_text_field(getattr(obj, name)):
                found[key] = False

    for s in campaign.statistics:
        values("statistics", s.id, s)
        for v in s.values:
            found[f"statistics.{s.id}.values.{v.group}.value"] = False
            found.setdefault(f"statistics.{s.id}.values.{v.group}.group", False)
    for collection in ("sources", "groups", "statements", "action_lines", "help_contacts", "messages",
                       "organisations", "pictures"):
        for obj in getattr(campaign, collection):
            values(collection, obj.id, obj)
    return found


def _is_text_field(value: object) -> bool:
    return type(value).__name__ == "Text"


def always_lock(campaign: Campaign, item: str) -> Lock | None:
    """The lock the program holds on an item, whatever the campaign declares; None when there is none."""
    parts = item.split(".")
    collection = parts[0]
    if collection == "statistics":
        return _lock(_STAT_FIELD_LOCKS.get(parts[2], "statistics") if len(parts) > 2 else "statistics")
    if collection == "sources" or (collection == "statements" and parts[-1] == "source"):
        return _lock("sources")
    if collection == "help_contacts" and len(parts) > 1 and parts[1] == campaign.primary_help.id:
        return _lock("national-helpline")
    if collection == "pictures" and len(parts) > 2 and parts[2] in PICTURE_FIELDS:
        return None  # an edition may bring its own picture file where the campaign lets it (edition_loader)
    if not item_ids(campaign).get(item, True):
        return _lock("texts-only")
    return None


def _lock(name: str) -> Lock:
    return Lock(name, ALWAYS_LOCKED[name])


def campaign_lock(campaign: Campaign, item: str) -> Lock | None:
    """The lock campaign.yaml's `editions:` block puts on a text; None when it lets editions replace it."""
    rules = campaign.edition_rules
    closing = next((r for r in rules.locked if matches(r.pattern, item)), None)
    if closing is not None:
        return Lock("campaign", f"campaign.yaml locks {closing.pattern!r} (editions: locked:)", closing.location)
    if any(matches(r.pattern, item) for r in rules.overridable):
        return None
    where = rules.location or _campaign_file(campaign)
    return Lock("campaign", "campaign.yaml does not list it under editions: overridable:", where)


def _campaign_file(campaign: Campaign) -> Location:
    return Location(campaign.folder / "campaign.yaml")


def lock_of(campaign: Campaign, item: str) -> Lock | None:
    """The lock that keeps an edition from replacing an item, the program's own first."""
    return always_lock(campaign, item) or campaign_lock(campaign, item)


def check_rules(campaign: Campaign, diags: Diagnostics) -> None:
    """campaign.yaml's patterns: each must name an item, and `overridable:` cannot open what is always locked."""
    ids = item_ids(campaign)
    rules = campaign.edition_rules
    for kind, patterns in (("overridable", rules.overridable), ("locked", rules.locked)):
        for rule in patterns:
            named = [i for i in ids if matches(rule.pattern, i)]
            if not named:
                diags.error(f"the pattern {rule.pattern!r} names no item of the campaign", rule.location,
                            f"editions.{kind}", "write a text id as in the PO files, e.g. messages.*.body; "
                            "* stands for one part")
                continue
            if kind == "overridable":
                opened = [i for i in named if ids[i] and always_lock(campaign, i) is None]
                if not opened:
                    held = always_lock(campaign, named[0])
                    assert held is not None or not ids[named[0]]
                    lock = held or _lock("texts-only")
                    diags.error(f"{rule.pattern!r} is always locked ({lock.name!r}: {lock.reason}); "
                                "editions can never replace it", rule.location, f"editions.{kind}",
                                "remove it from editions: overridable:")

