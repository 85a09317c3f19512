"""Issue 7, point 10: a message's help contact and the other contacts' details reach the design."""

from __future__ import annotations

import dataclasses

from campaign_studio import pipeline
from campaign_studio.layout.grid import make_grid
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import QRCode


def _with_help(campaign: Campaign, message: str, contact: str) -> Campaign:
    msgs = tuple(dataclasses.replace(m, help=contact) if m.id == message else m for m in campaign.messages)
    return dataclasses.replace(campaign, messages=msgs)


def test_a_messages_help_contact_is_the_cards_main_contact_and_the_national_line_stays(builtin: Campaign) -> None:
    campaign = _with_help(builtin, "help-is-there", "veilig-thuis")
    design = pipeline.resolve_design(campaign, "where-to-get-help", "post-4x5", "nl", message_id="help-is-there")
    page, diagnostics = pipeline.layout(design)
    assert page is not None, diagnostics
    texts = {b.slot: b.text for b in page.text_blocks()}
    assert texts["help"] == "0800-2000"
    assert texts["help-national"] == "Centrum Seksueel Geweld: 0800-0188"
    assert [i.data for i in page.items if isinstance(i, QRCode)] == ["https://veiligthuis.nl"]
    assert "Veilig Thuis" not in texts["others"]  # not twice


def test_other_contacts_show_description_and_hours_where_there_is_room(builtin: Campaign) -> None:
    design = pipeline.resolve_design(builtin, "where-to-get-help", "a3", "nl")
    page, _ = pipeline.layout(design)
    assert page is not None
    others = next(b.text for b in page.text_blocks() if b.slot == "others")
    assert "Bij geweld of misbruik thuis. Ook anoniem." in others
    assert "0800-2000, veiligthuis.nl (gratis, dag en nacht)" in others
    assert "(lokaal tarief, op werkdagen)" in others
    card = next(b.text for b in page.text_blocks() if b.slot == "help-description")
    assert card == "Voor hulp na seksueel geweld. Bellen of chatten."


def test_where_to_get_help_defaults_to_a_message_about_help(builtin: Campaign) -> None:
    design = pipeline.resolve_design(builtin, "where-to-get-help", "post-4x5", "nl")
    assert design.subject.message is not None and design.subject.message.id == "help-is-there"
    other = pipeline.resolve_design(builtin, "action-line", "post-4x5", "nl")
    assert other.subject.message is not None and other.subject.message.id == "respect-boundaries"


def test_the_action_line_is_a_small_kicker_above_the_headline(builtin: Campaign) -> None:
    for fmt in ("post-4x5", "link-1.91x1", "a4"):
        design = pipeline.resolve_design(builtin, "action-line", fmt, "nl")
        page, _ = pipeline.layout(design)
        assert page is not None
        blocks = {b.slot: b for b in page.text_blocks()}
        action, headline, cta = blocks["action"], blocks["headline"], blocks["cta"]
        assert action.box.bottom <= headline.box.y + 0.5, fmt
        floor = make_grid(design.format).min_text  # on a link card every small text sits at the floor
        assert action.size < cta.size <= headline.size or action.size == floor <= cta.size < headline.size, fmt
        assert action.lines[0].runs[0].color != cta.lines[0].runs[0].color, fmt  # not the accent of the call to action
