"""Template specs (from templates/*.yaml) and brand kits, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
class PageSpec:
    """One kind of page of a multi-page design (template YAML `document.pages`).

    `repeat` says how many pages of this kind there are: once, one per chosen statistic, or
    one per message with an action line; `shows` is what a page of it is about.
    """

    name: str
    shows: str  # statistic | message | programme
    repeat: str  # once | statistics | action-lines
    tall: Arrangement
    wide: Arrangement
    location: Location | None = None
    tall_alternatives: tuple[Arrangement, ...] = ()
    wide_alternatives: tuple[Arrangement, ...] = ()


@dataclass(frozen=True)
class DocumentSpec:
    """The pages of a multi-page design, in reading order, and how many it may have."""

    pages: tuple[PageSpec, ...]
    min_pages: int
    max_pages: int
    figures: int  # the default figure set: the campaign's first `figures` statistics
    location: Location | None = None


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
    # The formats the template is made for (template YAML `formats:`); empty: every format.
    formats: tuple[str, ...] = ()
    # A multi-page design (template YAML `document:`); None: one page.
    document: DocumentSpec | None = None
    # Every text role's size and minimum times this (templates/*.yaml `type_scale`): a template
    # that holds much more than a card (an infographic) sets its type smaller; floors still hold.
    type_scale: float = 1.0

    def made_for(self, format_id: str) -> bool:
        """Whether the template is made for a format (an infographic is not made for a link preview)."""
        return not self.formats or format_id in self.formats

    def for_page(self, spec: PageSpec) -> Template:
        """The template as the engine lays out one page of its document: that page's arrangements."""
        shows = "message" if spec.shows == "programme" else spec.shows
        if not spec.tall.columns:  # the page uses the template's own arrangements
            return replace(self, shows=shows, document=None)
        return replace(self, shows=shows, tall=spec.tall, wide=spec.wide, tall_alternatives=spec.tall_alternatives,
                       wide_alternatives=spec.wide_alternatives, document=None)

    def arrangements(self, wide: bool) -> tuple[Arrangement, ...]:
        return (self.wide, *self.wide_alternatives) if wide else (self.tall, *self.tall_alternatives)


@dataclass(frozen=True)
class BrandFontFile:
    """One face a brand kit ships (checked by content.brand_fonts): a TTF/OTF with its licence beside it."""

    family: str  # as brand.yaml names it, e.g. "Voorbeeld Sans"
    weight: str  # regular | bold
    path: Path
    digest: str  # sha256 of the file: the face's identity in layout and in the PDF
    postscript_name: str
    cmap: frozenset[int]  # the code points it maps
    licence: Path
    location: Location | None = None  # where brand.yaml names the file


@dataclass(frozen=True)
class LogoPlacement:
    """Where and how large a brand's logo goes (brand.yaml `logo_placement`, `clear_space`)."""

    vertical: str = "template"  # template (where the template puts it) | top | bottom
    horizontal: str = "start"  # start | end (of the reading direction)
    clear_space: float = 0.0  # free room around the logo, as a share of its height


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
    # Faces of the brand's own font files by family key (heading_font / body_font name one),
    # then by weight; text.fonts puts the shipped Noto faces after them for other scripts.
    font_files: dict[str, dict[str, BrandFontFile]] = field(default_factory=dict)
    placement: LogoPlacement = LogoPlacement()
    # "in samenwerking met ..." shown with the partner logo (brand.yaml `partner_line`).
    partner_line: str = ""

    def series_colors(self) -> tuple[Color, ...]:
        return self.series or (self.colors["accent"], self.colors["text"])
