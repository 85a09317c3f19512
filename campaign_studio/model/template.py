"""Template specs (from templates/*.yaml) and brand kits, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from campaign_studio.model.diagnostics import Location
from campaign_studio.model.pagetree import Color


@dataclass(frozen=True)
class TextRole:
    """A step of the type scale: sizes in hundredths of the canvas unit (see layout.grid)."""

    name: str
    size: float
    min_size: float
    weight: str  # regular | bold
    line_height: float
    color: str  # brand colour role: text | accent | muted | panel_text
    case: str = "as-is"  # as-is | upper (short labels only: all-caps sentences are hard to read)


@dataclass(frozen=True)
class Slot:
    """One place on the design: what it shows (content) and how (kind, role)."""

    name: str
    kind: str  # text | figure | comparison | help | help-list | qr | logo | action-number
    content: str  # e.g. statistic.label, message.body, help.primary
    role: str  # a TextRole name
    required: bool  # a required slot that cannot fit is an error, never dropped
    max_share: float  # at most this share of the column height
    max_lines: int | None
    location: Location | None
    grow: float = 1.0  # the hero may grow up to this factor to fill free space in its column
    # On a card with columns the slot may move to the foot of the other column when that
    # balances them (sender line, source, footnote: read last wherever they stand).
    flows: bool = False


@dataclass(frozen=True)
class Column:
    width: float  # share of the content width
    top: tuple[str, ...]
    middle: tuple[str, ...]
    bottom: tuple[str, ...]
    # Where free space goes: spread (between the groups: top at the top edge, bottom at the
    # bottom edge, middle centred between), top (all groups from the top) or bottom.
    align: str = "spread"


@dataclass(frozen=True)
class Arrangement:
    columns: tuple[Column, ...]
    band: tuple[str, ...]  # slots in the full-width help band at the bottom edge


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str
    shows: str  # statistic | statistics (several figures: --stat chooses and orders them) | message | statement
    tall: Arrangement  # used when width / height < WIDE_ASPECT
    wide: Arrangement
    slots: dict[str, Slot]
    path: Path
    # Other arrangements; layout picks the one that fits best (engine.layout_page).
    wide_alternatives: tuple[Arrangement, ...] = ()
    tall_alternatives: tuple[Arrangement, ...] = ()
    # The formats the template is made for (templates/*.yaml `formats:`); empty: every format.
    formats: tuple[str, ...] = ()
    # Every text role's size and minimum times this (templates/*.yaml `type_scale`): a template
    # that holds much more than a card (an infographic) sets its type smaller; floors still hold.
    type_scale: float = 1.0

    def made_for(self, format_id: str) -> bool:
        """Whether the template is made for a format (an infographic is not made for a link preview)."""
        return not self.formats or format_id in self.formats

    def arrangements(self, wide: bool) -> tuple[Arrangement, ...]:
        return (self.wide, *self.wide_alternatives) if wide else (self.tall, *self.tall_alternatives)


@dataclass(frozen=True)
class Brand:
    id: str
    name: str
    colors: dict[str, Color]  # background, text, accent, muted, panel, panel_text
    heading_font: str
    body_font: str
    logo: Path | None
    logo_alt: str
    partner_logo: Path | None
    partner_alt: str
    path: Path
    # The logo's height in hundredths of the canvas unit (see layout.grid): layout shrinks it
    # from preferred toward minimum before text goes below the comfortable scale, never drops it.
    logo_preferred: float = 5.5
    logo_minimum: float = 3.5
    # Where each colour is written in brand.yaml, so a contrast finding points at its line.
    color_locations: dict[str, Location] = field(default_factory=dict)
    # Chart series colours in order (brand.yaml `series`); empty: the accent, then the text colour.
    series: tuple[Color, ...] = ()

    def series_colors(self) -> tuple[Color, ...]:
        return self.series or (self.colors["accent"], self.colors["text"])
