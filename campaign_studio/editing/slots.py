"""Which editable texts a design shows, slot by slot (the slot names of its template).

A template slot's `content` names what it shows ("message.headline", "help.primary"); for
the subject of a design (a message, a statement) that is one or more editable keys. The page
tree names the text blocks after their slot ("headline"; "help-details" and
"help_card-description" are parts of the slots "help" and "help_card"): `slot_name` finds
the template slot of such a name.
"""

from __future__ import annotations

from campaign_studio.model.campaign import Campaign
from campaign_studio.model.template import Template


def _content_keys(campaign: Campaign, content: str, kind: str | None, subject_id: str | None) -> list[str]:
    what, _, part = content.partition(".")
    if what == "message" and kind == "message" and subject_id and part in ("headline", "body", "call_to_action"):
        return [f"messages.{subject_id}.{part}"]
    if what == "statement" and kind == "statement" and subject_id and part == "text":
        return [f"statements.{subject_id}.text"]
    if content == "help.primary":
        return [f"help_contacts.{campaign.primary_help.id}.description"]
    if content == "help.others":
        return [f"help_contacts.{h.id}.description" for h in campaign.help_contacts if h.id != campaign.primary_help.id]
    return []


def slot_keys(campaign: Campaign, template: Template, kind: str | None, subject_id: str | None) -> list[tuple[str, str]]:
    """(slot name, key) of every editable text the design's slots show, in the template's slot order.

    A key shown by several slots (the help contact in a card, a panel and a band: the engine
    picks one per format) is listed once per slot.
    """
    return [(name, key) for name, slot in template.slots.items()
            for key in _content_keys(campaign, slot.content, kind, subject_id)]


def slot_name(template: Template, slot_id: str) -> str | None:
    """The template slot a page tree's slot id belongs to ("help-details" -> "help"), or None."""
    if slot_id in template.slots:
        return slot_id
    base = slot_id.split("-", 1)[0]
    return base if base in template.slots else None
