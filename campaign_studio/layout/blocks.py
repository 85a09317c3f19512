"""Slot builders: each turns one slot's content into placed items at y = 0.

A builder gets the column's x and width and the most height it may use; it
returns the items and the height they take, or raises Overflow when even the
smallest allowed type does not fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import segno

from campaign_studio.layout.geometry import shift
from campaign_studio.layout.grid import Grid
from campaign_studio.layout.localise import Localiser
from campaign_studio.model.campaign import Campaign, HelpContact, Message, Statistic
from campaign_studio.model.pagetree import Color, Fill, ImageItem, Item, QRCode, Rect, TextBlock
from campaign_studio.model.template import Brand, Slot, TextRole
from campaign_studio.text import FontLibrary, MissingGlyphError, TextStyle, fit_text
from campaign_studio.text.case import upper

HEADING_ROLES = {"hero", "secondary", "headline", "phone"}


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


@dataclass
class Subject:
    """What a design is about: a statistic, or a message (with what it refers to)."""

    statistic: Statistic | None = None
    message: Message | None = None


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
    # Groups already built in this layout, by what decides them: the engine tries several
    # scales and sets of optional slots, and most columns come out the same each time.
    built: dict[tuple[object, ...], Placed] = field(default_factory=dict)

    @property
    def rtl(self) -> bool:
        return self.loc.direction == "rtl"

    def color(self, role: str) -> Color:
        return self.brand.colors[role]

    def style(self, role_name: str, *, color: str | None = None) -> tuple[TextStyle, float]:
        """The style of a role at the current scale, and its minimum size."""
        role = self.roles[role_name]
        floor = self.grid.min_text
        minimum = max(self.grid.size(role.min_size), floor)
        size = max(self.grid.size(role.size) * self.scale, minimum)
        family = self.brand.heading_font if role_name in HEADING_ROLES else self.brand.body_font
        style = TextStyle(family, role.weight, size, role.line_height, self.color(color or role.color),
                          self.loc.language)
        return style, minimum

    def text_block(self, slot: str, role: str, text: str, x: float, width: float, max_height: float, *,
                   color: str | None = None, max_lines: int | None = None, balance: bool | None = None,
                   block_role: str | None = None, align: str = "start") -> TextBlock:
        style, minimum = self.style(role, color=color)
        if self.roles[role].case == "upper":
            text = upper(text, self.loc.language)
        box = Rect(x, 0, width, max_height)
        heading = role in HEADING_ROLES  # headlines and figures are never hyphenated
        try:
            result = fit_text(text, style, box, min_size=minimum, align=align, direction=self.loc.direction,
                              balance=role == "headline" if balance is None else balance, max_lines=max_lines,
                              hyphenate=not heading)
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
    "headline": "heading", "hero": "figure", "secondary": "figure", "footnote": "footnote", "label": "label",
    "kicker": "label", "phone": "contact", "panel": "contact", "panel_bold": "contact",
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
    raise LookupError(f"slot {slot.name!r}: content {key!r} is not text")


def build_text(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    block = ctx.text_block(slot.name, slot.role, content_text(ctx, slot), x, width, max_height, max_lines=slot.max_lines)
    return Placed([block], block.box.h)


def build_figure(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The hero figure with its group in words, then the other groups smaller."""
    stat = _need_statistic(ctx, slot)
    first, *others = stat.values
    hero = ctx.text_block(slot.name, "hero", _value(ctx, stat, first.value), x, width, max_height * 0.8, max_lines=1,
                          balance=False)
    parts = [Placed([hero], hero.box.h * 0.92)]
    group = ctx.campaign.group(first.group)
    label = ctx.text_block(f"{slot.name}-group", "lead", ctx.loc.text(group.of_group), x, width, max_height * 0.4,
                           color="text", block_role="label")
    parts.append(Placed([label], label.box.h))
    for value in others:
        other = ctx.text_block(f"{slot.name}-other", "label", f"{ctx.loc.isolate(_value(ctx, stat, value.value))} "
                               f"{ctx.loc.text(ctx.campaign.group(value.group).of_group)}", x, width, max_height * 0.4,
                               color="text", block_role="figure")
        parts.append(Placed([other], other.box.h))
    gap = ctx.grid.size(1.6) * ctx.scale
    return _stack(parts, gap)


def _value(ctx: Ctx, stat: Statistic, value: float) -> str:
    return ctx.loc.percent(value) if stat.unit == "percent" else ctx.loc.number(value)


def build_comparison(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """Each group's figure and group in words, then a bar on a common 0-100 scale.

    Groups are stacked on tall formats and stand side by side on square and wide ones,
    where height is scarce; side by side, the first group is at the start side.
    """
    stat = _need_statistic(ctx, slot)
    n = len(stat.values)
    side = n > 1 and ctx.grid.page.w >= ctx.grid.page.h
    gap = ctx.grid.size(3.2) * ctx.scale
    cell_w = (width - gap * (n - 1)) / n if side else width
    cell_h = max_height if side else max_height / max(n, 1)
    cells: list[Placed] = []
    for i, value in enumerate(stat.values):
        cells.append(_comparison_row(ctx, slot, stat, i, value.value, value.group, x, cell_w, cell_h))
    if not side:
        return _stack(cells, gap)
    items: list[Item] = []
    for i, cell in enumerate(cells):
        offset = (n - 1 - i if ctx.rtl else i) * (cell_w + gap)
        items += [shift(item, offset, 0) for item in cell.items]
    return Placed(items, max(c.height for c in cells))


def _comparison_row(ctx: Ctx, slot: Slot, stat: Statistic, index: int, value: float, group: str, x: float,
                    width: float, height: float) -> Placed:
    color = ("accent", "text")[index % 2]  # series differ in lightness as well as hue
    figure = ctx.text_block(f"{slot.name}-value", "secondary", _value(ctx, stat, value), x, width,
                            height * 0.7, color=color, max_lines=1, balance=False, block_role="figure")
    label = ctx.text_block(f"{slot.name}-group", "lead", ctx.loc.text(ctx.campaign.group(group).of_group),
                           x, width, height * 0.5, color="text", block_role="label")
    bar_h = figure.size * 0.32
    track = Fill(Rect(x, 0, width, bar_h), _tint(ctx.color("text"), ctx.color("background"), 0.12))
    fraction = min(max(value / 100 if stat.unit == "percent" else 1.0, 0.0), 1.0)
    bar_w = max(width * fraction, bar_h * 0.25)
    bar_x = x + width - bar_w if ctx.rtl else x  # bars grow from the start side
    bar = Fill(Rect(bar_x, 0, bar_w, bar_h), ctx.color(color), role="figure")
    gap = ctx.grid.size(0.8) * ctx.scale
    return _stack([Placed([figure], figure.box.h * 0.95), Placed([label], label.box.h),
                   Placed([track, bar], bar_h)], gap)


def _tint(color: Color, background: Color, amount: float) -> Color:
    r, g, b = (round(bg + (c - bg) * amount) for c, bg in zip(color.rgb, background.rgb, strict=True))
    return Color(r, g, b)


def _contact_lines(ctx: Ctx, contact: HelpContact) -> tuple[str, str, str]:
    name = ctx.loc.text(contact.name)
    terms = ctx.loc.join(ctx.loc.text(contact.cost), ctx.loc.text(contact.hours))
    url = (contact.url or "").removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")
    return name, terms, url


def build_help_band(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The national helpline on a full-width panel: phone large at the start, details beside or below it."""
    contact = ctx.campaign.primary_help
    name, terms, url = _contact_lines(ctx, contact)
    phone_text = contact.phone or url
    # On wide formats height is scarce: name and terms share a line.
    first = [f"{name} · {terms}"] if ctx.grid.wide else [name, terms]
    details = "\n".join(p for p in (*first, url if contact.phone else "") if p)
    phone_style, _ = ctx.style("phone")
    # Side by side when the phone number and the details both get a fair width.
    phone_w = width * 0.42
    side = width >= 13 * phone_style.size
    if side:
        phone = ctx.text_block(slot.name, "phone", phone_text, x, phone_w, max_height, max_lines=1, balance=False)
        det_x = x + phone_w + ctx.grid.gutter * 0.5
        det_w = width - phone_w - ctx.grid.gutter * 0.5
        info = ctx.text_block(f"{slot.name}-details", "panel", details, det_x, det_w, max_height, max_lines=4)
        if ctx.rtl:  # mirror: phone at the right (start) edge, details to its left
            phone = shift(phone, width - phone_w, 0)  # type: ignore[assignment]
            info = shift(info, -(det_x - x), 0)  # type: ignore[assignment]
        # centre both on the taller one
        h = max(phone.box.h, info.box.h)
        items: list[Item] = [shift(phone, 0, (h - phone.box.h) / 2), shift(info, 0, (h - info.box.h) / 2)]
        return Placed(items, h)
    phone = ctx.text_block(slot.name, "phone", phone_text, x, width, max_height * 0.5, max_lines=1, balance=False)
    info = ctx.text_block(f"{slot.name}-details", "panel", details, x, width, max_height * 0.5, max_lines=4)
    return _stack([Placed([phone], phone.box.h), Placed([info], info.box.h)], ctx.grid.size(0.8) * ctx.scale)


def build_help_card(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The helpline on a panel with a QR code to its website, the address written beside it."""
    try:
        return _help_card(ctx, slot, x, width, max_height, qr_beside=True)
    except Overflow:
        return _help_card(ctx, slot, x, width, max_height, qr_beside=False)


def build_help_panel(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The helpline on a compact panel (no QR code), for columns on wide formats."""
    return _help_card(ctx, slot, x, width, max_height, qr_beside=False, with_qr=False)


def _help_card(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float, *, qr_beside: bool,
               with_qr: bool = True) -> Placed:
    contact = ctx.campaign.primary_help
    name, terms, url = _contact_lines(ctx, contact)
    pad = ctx.grid.size(3.0 if with_qr else 2.2) * ctx.scale
    gap = ctx.grid.size(0.8) * ctx.scale
    inner_x, inner_w = x + pad, width - 2 * pad
    qr_side = min(inner_w * (0.34 if qr_beside else 0.5), max_height * 0.4) if contact.url and with_qr else 0.0
    beside = qr_beside and qr_side > 0
    text_w = inner_w - (qr_side + pad if beside else 0)
    text_x = inner_x + (qr_side + pad if ctx.rtl and beside else 0)
    phone = ctx.text_block(slot.name, "phone", contact.phone or url, text_x, text_w, max_height, max_lines=1,
                           balance=False)
    if with_qr:
        blocks = [ctx.text_block(f"{slot.name}-name", "kicker", name, text_x, text_w, max_height), phone,
                  ctx.text_block(f"{slot.name}-terms", "panel", terms, text_x, text_w, max_height)]
    else:
        blocks = [phone, ctx.text_block(f"{slot.name}-terms", "panel", f"{name} · {terms}", text_x, text_w, max_height)]
    if contact.url and contact.phone:
        blocks.append(ctx.text_block(f"{slot.name}-url", "panel_bold", url, text_x, text_w, max_height))
    text = _stack([Placed([b], b.box.h) for b in blocks], gap)
    inner_h = max(text.height, qr_side) if beside else text.height + (gap * 2 + qr_side if qr_side else 0)
    text_dy = pad + ((inner_h - text.height) / 2 if beside else 0)
    items: list[Item] = [shift(i, 0, text_dy) for i in text.items]
    if qr_side and contact.url:
        qr = make_qr(contact.url, Rect(0, 0, qr_side, qr_side), ctx.color("text"), Color(255, 255, 255))
        at_end = inner_x + inner_w - qr_side
        qr_x = (inner_x if ctx.rtl else at_end) if beside else (at_end if ctx.rtl else inner_x)
        qr_y = pad + ((inner_h - qr_side) / 2 if beside else text.height + gap * 2)
        items.append(shift(qr, qr_x, qr_y))
    panel = Fill(Rect(x, 0, width, inner_h + 2 * pad), ctx.color("panel"), radius=ctx.grid.size(1.5))
    if panel.box.h > max_height:
        raise Overflow(slot.name, f"help card needs {panel.box.h:.0f} pt, {max_height:.0f} pt available")
    return Placed([panel, *items], panel.box.h)


def make_qr(data: str, box: Rect, dark: Color, light: Color) -> QRCode:
    return QRCode(box, _qr_matrix(data), 4, data, dark, light)


@lru_cache(maxsize=64)
def _qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (no quiet zone); encoding costs ~20 ms, and layout tries several sizes."""
    code = segno.make(data, error="m", boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def build_help_list(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The other places to turn to, one short line each."""
    lines = []
    for contact in ctx.campaign.help_contacts:
        if contact.primary:
            continue
        name, _terms, url = _contact_lines(ctx, contact)
        lines.append(f"{name}: {contact.phone or url}")
    block = ctx.text_block(slot.name, slot.role, "\n".join(lines), x, width, max_height, block_role="list")
    return Placed([block], block.box.h)


def build_logo(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    path, alt = (ctx.brand.logo, ctx.brand.logo_alt) if slot.content == "brand.logo" else (
        ctx.brand.partner_logo, ctx.brand.partner_alt)
    if path is None:
        return Placed([], 0.0)
    from PIL import Image  # only to read the logo's proportions

    with Image.open(path) as im:
        aspect = im.width / im.height
    h = min(ctx.grid.size(5.5), max_height)
    w = min(h * aspect, width * 0.6)
    h = w / aspect
    lx = x + width - w if ctx.rtl else x  # logos sit at the start side
    return Placed([ImageItem(Rect(lx, 0, w, h), path, alt)], h)


BUILDERS = {
    "text": build_text,
    "figure": build_figure,
    "comparison": build_comparison,
    "help": build_help_band,
    "help-card": build_help_card,
    "help-panel": build_help_panel,
    "help-list": build_help_list,
    "logo": build_logo,
}
