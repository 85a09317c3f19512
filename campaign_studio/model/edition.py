"""An edition as plain data: a municipality's version of a campaign, and the campaign's rules for editions.

An edition adds (its help contacts, its languages) and replaces only what the campaign lets it
(texts the campaign declares overridable); statistics with their definitions, populations, years
and sources, and the national helpline, stay national whatever the campaign says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from campaign_studio.model.diagnostics import Location

EDITION_FILE = "edition.yaml"


@dataclass(frozen=True)
class Lock:
    """Why an item of the campaign is not the edition's to change: a stable name, a reason and where it is declared.

    Always-held locks (statistics, definitions, populations, years, sources, national-helpline)
    have no location: the program holds them. A campaign's own lock points at its line.
    """

    name: str
    reason: str
    location: Location | None = None

    def describe(self) -> str:
        where = f" (declared at {self.location})" if self.location else ""
        return f"lock {self.name!r}: {self.reason}{where}"


@dataclass(frozen=True)
class EditionRule:
    """One pattern of campaign.yaml's `editions:` block, with its line (for messages)."""

    pattern: str
    location: Location


@dataclass(frozen=True)
class EditionRules:
    """What a campaign lets its editions change: text ids matching `overridable` and no `locked` pattern.

    A pattern is a dotted id where `*` stands for one part ("messages.*.body"); a pattern names
    everything below it too ("messages.lgbtiq" is the whole message).
    """

    overridable: tuple[EditionRule, ...] = ()
    locked: tuple[EditionRule, ...] = ()
    location: Location | None = None  # the `editions:` key, None when the campaign has no such block


@dataclass(frozen=True)
class Edition:
    """What an edition.yaml says, resolved: the layout reads `main_contact` and `qr_url` from it."""

    id: str
    name: str
    folder: Path
    file: Path
    campaign_ref: str  # as written: a built-in campaign id or a folder relative to the edition
    brand_ref: str  # as written: a built-in brand id or a folder relative to the edition
    brand: str  # what load_brand takes: the id, or the absolute path of the brand folder
    languages: tuple[str, ...]  # the languages the edition is made in, its source language first
    contact_ids: tuple[str, ...]  # its own help contacts (added to the campaign's, never replacing them)
    main_contact: str | None = None  # one of contact_ids: the main contact of every help card
    qr_url: str | None = None  # the local web address the help card's QR code leads to
    overridden: tuple[str, ...] = ()  # the ids of the campaign texts it replaces
    brand_location: Location | None = None
    logo: Path | None = None  # a logo in place of the brand kit's (a CSV row's), checked when it was read
