"""Slot builders: each turns one slot's content into placed items at y = 0.

A builder gets the column's x and width and the most height it may use; it
returns the items and the height they take, or raises Overflow when even the
smallest allowed type does not fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campaign_studio.content.logos import logo_info
from campaign_studio.layout.geometry import shift
from campaign_studio.layout.grid import Grid
from campaign_studio.layout.localise import Localiser
from campaign_studio.layout.scales import COMFORTABLE_SCALE
from campaign_studio.model.campaign import Campaign, Message, Statement, Statistic
from campaign_studio.model.pagetree import Color, ImageItem, Item, Rect, TextBlock
from campaign_studio.model.template import Brand, Slot, TextRole
from campaign_studio.text import FontLibrary, MissingGlyphError, TextStyle, fit_text

HEADING_ROLES = {"hero", "figures", "secondary", "headline", "phone"}


class GlyphMissing(Exception):
    """A character of a slot's text that no shipped font covers."""

    def __init__(self, slot: str, detail: str) -> None:
        super().__init__(detail)
        self.slot = slot


class Overflow(Exception):
    def __init__(self, slot: str, detail: str) -> None:
        super().__init__(detail)
        self.slot = slot


@dataclass
class Placed:
    items: list[Item]
    height: float
    slot: str = ""  # the template slot the items show (set by the engine)


@dataclass
class Subject:
    """What a design is about: a statistic, several (an infographic's figures, in the order shown),
    a message (with what it refers to), or a statement."""

    statistic: Statistic | None = None
    message: Message | None = None
    statement: Statement | None = None
    statistics: tuple[Statistic, ...] = ()
    chosen: bool = False  # the statistics were named (--stat), not the template's default set

    @property
    def figures(self) -> tuple[Statistic, ...]:
        """Every statistic the design shows, in order (for its data table and its diagnostics)."""
        return self.statistics or ((self.statistic,) if self.statistic is not None else ())


@dataclass
class PageLimits:
    """What the pages of one document share (layout/document.py): the largest scale a page of
    its kind may take (so repeated slides set their text alike), the scale of the help band
    (the same band on every page), and the bands built so far (built once for all pages)."""

    max_scale: float | None = None
    band_scale: float | None = None
    bands: dict[tuple[object, ...], Placed] = field(default_factory=dict)
    # The value a full-width bar stands for, per unit, over every figure of the document.
    bar_max: dict[str, float] = field(default_factory=dict)


@dataclass
class Ctx:
    campaign: Campaign
    subject: Subject
    grid: Grid
    brand: Brand
    roles: dict[str, TextRole]
    loc: Localiser
    scale: float = 1.0
    fonts: FontLibrary = field(default_factory=FontLibrary.default)
    # Slot blocks already built in this layout, by what decides them: the engine tries several
    # scales, arrangements and sets of optional slots, and most blocks come out the same each time.
    built: dict[tuple[object, ...], Placed] = field(default_factory=dict)
    # The last pass over the chosen scale: heroes may grow into free space (engine._grow_hero).
    finishing: bool = False
    # The optional slots (and "<slot>-details") left out of the attempt being built.
    dropped: frozenset[str] = frozenset()
    # Line spacing of running text (not headings) relative to its role's: a column whose text
    # cannot grow without breaking differently opens its lines a little instead (engine._grow_into).
    leading: float = 1.0
    # On a page of a document: what it shares with the other pages (engine.PageLimits).
    limits: PageLimits | None = None
    # The template's factor on every role's size and minimum (Template.type_scale).
    type_scale: float = 1.0

    def __post_init__(self) -> None:
        self.fonts.add_brand_fonts(self.brand.font_files)  # a brand's own faces, by their family key

    @property
    def rtl(self) -> bool:
        return self.loc.direction == "rtl"

    def color(self, role: str) -> Color:
        return self.brand.colors[role]

    def style(self, role_name: str, *, color: str | None = None) -> tuple[TextStyle, float]:
        """The style of a role at the current scale, and its minimum size."""
        role = self.roles[role_name]
        floor = self.grid.min_text
        minimum = max(self.grid.size(role.min_size * self.type_scale), floor)
        size = max(self.grid.size(role.size * self.type_scale) * self.scale, minimum)
        family = self.brand.heading_font if role_name in HEADING_ROLES else self.brand.body_font
        leading = self.leading if role_name not in HEADING_ROLES else 1.0
        style = TextStyle(family, role.weight, size, role.line_height, self.color(color or role.color),
                          self.loc.language, leading)
        return style, minimum

    def text_block(self, slot: str, role: str, text: str, x: float, width: float, max_height: float, *,
                   color: str | None = None, max_lines: int | None = None, balance: bool | None = None,
                   block_role: str | None = None, align: str = "start") -> TextBlock:
        style, minimum = self.style(role, color=color)
        if self.roles[role].case == "upper":
            text = self.loc.upper(text)
        box = Rect(x, 0, width, max_height)
        heading = role in HEADING_ROLES  # headlines and figures are never hyphenated
        try:
            result = fit_text(text, style, box, min_size=minimum, align=align, direction=self.loc.direction,
                              balance=role == "headline" if balance is None else balance, max_lines=max_lines,
                              hyphenate=not heading, spans=self.loc.name_spans(text))
        except MissingGlyphError as exc:
            raise GlyphMissing(slot, str(exc)) from None
        if not result.fits:
            raise Overflow(slot, f"{len(text)} characters do not fit in {width:.0f}×{max_height:.0f} pt "
                                 f"even at {minimum:.1f} pt")
        set_ = result.set
        return TextBlock(slot, block_role or _block_role(role), self.loc.language, text,
                         Rect(x, 0, width, set_.height), set_.lines, set_.size)


# What a text of each type role is, for tagging and checks.
_BLOCK_ROLES = {
    "headline": "heading", "hero": "figure", "figures": "figure", "secondary": "figure", "footnote": "footnote", "label": "label",
    "kicker": "label", "kicker_text": "label", "phone": "contact", "panel": "contact", "panel_bold": "contact",
}


def _block_role(role: str) -> str:
    return _BLOCK_ROLES.get(role, "paragraph")


def _stack(blocks: list[Placed], gap: float) -> Placed:
    items: list[Item] = []
    y = 0.0
    for i, b in enumerate(blocks):
        if i:
            y += gap
        items += [shift(it, 0, y) for it in b.items]
        y += b.height
    return Placed(items, y)


def _need_statistic(ctx: Ctx, slot: Slot) -> Statistic:
    if ctx.subject.statistic is None:
        raise LookupError(f"slot {slot.name!r} shows {slot.content} but the design has no statistic")
    return ctx.subject.statistic


def _need_message(ctx: Ctx, slot: Slot) -> Message:
    if ctx.subject.message is None:
        raise LookupError(f"slot {slot.name!r} shows {slot.content} but the design has no message")
    return ctx.subject.message


def content_text(ctx: Ctx, slot: Slot) -> str:
    """The text a text slot shows, in the design's language."""
    c, loc = ctx.campaign, ctx.loc
    key = slot.content
    if key.startswith("statistic."):
        stat = _need_statistic(ctx, slot)
        if key == "statistic.label":
            return loc.text(stat.label) + "*"
        if key == "statistic.footnote":
            population = loc.text(stat.population).rstrip(".")
            return f"* {loc.text(stat.definition)} {population}."
        if key == "statistic.source":
            return loc.text(c.source(stat.source).citation)
    if key == "message.source":
        msg = _need_message(ctx, slot)
        source = message_source(c, msg)
        return loc.text(c.source(source).citation) if source else ""
    if key.startswith("message."):
        msg = _need_message(ctx, slot)
        return loc.text(getattr(msg, key.split(".", 1)[1]))
    if key.startswith("action_line."):
        msg = _need_message(ctx, slot)
        if not msg.action_line:
            raise LookupError(f"message {msg.id!r} belongs to no action line; the {slot.name!r} slot needs one")
        line = c.action_line(msg.action_line)
        if key.endswith("numbered"):
            return f"{loc.isolate(loc.number(line.number))}. {loc.text(line.text)}"
        return loc.text(line.text)
    if key.startswith("programme."):
        return loc.text(getattr(c.programme, key.split(".", 1)[1]))
    if key == "statement.source" and ctx.subject.statement is not None:
        return loc.text(c.source(ctx.subject.statement.source).citation)
    raise LookupError(f"slot {slot.name!r}: content {key!r} is not text")


def message_source(campaign: Campaign, msg: Message) -> str | None:
    """The id of the source behind a message's claim: its statistic's, else its statement's."""
    if msg.statistic:
        return campaign.statistic(msg.statistic).source
    if msg.statement:
        return campaign.statement(msg.statement).source
    return None


def build_text(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    text = content_text(ctx, slot)
    if not text:  # e.g. the source of a message that refers to no figure or statement
        return Placed([], 0.0)
    block = ctx.text_block(slot.name, slot.role, text, x, width, max_height, max_lines=slot.max_lines)
    return Placed([block], block.box.h)


def logo_height(brand: Brand, scale: float, *, squeeze: bool = False) -> float:
    """The logo's height at a type scale, in hundredths of the canvas unit: preferred at full
    scale, down to minimum at the comfortable scale (the logo gives way before text does),
    and smaller only when squeezed (the design cannot hold it otherwise)."""
    if squeeze and scale < COMFORTABLE_SCALE:
        return brand.logo_minimum * scale / COMFORTABLE_SCALE
    room = min(max((scale - COMFORTABLE_SCALE) / (1.0 - COMFORTABLE_SCALE), 0.0), 1.0)
    return brand.logo_minimum + (brand.logo_preferred - brand.logo_minimum) * room


def build_logo(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The brand's logo (or the partner's, under its partner line), at its kit's size, side and clear space."""
    brand = ctx.brand
    partner = slot.content != "brand.logo"
    path, alt = (brand.partner_logo, brand.partner_alt) if partner else (brand.logo, brand.logo_alt)
    items: list[Item] = []
    y = 0.0
    if partner and brand.partner_line:  # "in samenwerking met ...", read before the partner's logo
        line = ctx.text_block(f"{slot.name}-line", "footnote", brand.partner_line, x, width, max_height,
                              block_role="paragraph")
        items.append(line)
        y = line.box.h + ctx.grid.size(1.0) * ctx.scale
    if path is None:
        return Placed(items, y)
    aspect = logo_info(path).aspect  # checked when the brand was loaded; SVG from its viewBox
    squeeze = f"{slot.name}-below-minimum" in ctx.dropped  # the design cannot hold it at its minimum
    clear = 0.0 if partner else brand.placement.clear_space
    h = min(ctx.grid.size(logo_height(brand, ctx.scale, squeeze=squeeze)), (max_height - y) / (1 + 2 * clear))
    w = min(h * aspect, width * 0.6)
    h = w / aspect
    # start is the left in ltr, the right in rtl; a partner's logo stays under its line, at the start
    at_end = (not partner and brand.placement.horizontal == "end") != ctx.rtl
    lx = x + width - w if at_end else x
    pad = clear * h  # the clear space above and below the logo is part of the slot
    items.append(ImageItem(Rect(lx, y + pad, w, h), path, alt))
    return Placed(items, y + h + 2 * pad)
