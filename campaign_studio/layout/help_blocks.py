"""Help builders: the national helpline as a band, card or panel, and the other places to turn to."""

from __future__ import annotations

from functools import lru_cache

from campaign_studio.layout.blocks import Ctx, Overflow, Placed, _stack
from campaign_studio.layout.geometry import shift
from campaign_studio.layout.scales import COMFORTABLE_SCALE
from campaign_studio.model.campaign import Campaign, HelpContact, Message
from campaign_studio.model.pagetree import Color, Fill, Item, QRCode, Rect
from campaign_studio.model.template import Slot

# A contact's name of up to this many words stays on one line ("Slachtofferhulp Nederland",
# "113 Zelfmoordpreventie": "113" alone at a line's end would read as a phone number).
KEEP_NAME_WORDS = 3


def keep_together(name: str) -> str:
    """The name with no-break spaces between its words when it is short enough to stay whole."""
    words = name.split(" ")
    return "\u00a0".join(words) if len(words) <= KEEP_NAME_WORDS else name


def _shown_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def _contact_lines(ctx: Ctx, contact: HelpContact) -> tuple[str, str, str]:
    name = ctx.loc.text(contact.name)
    terms = ctx.loc.join(ctx.loc.text(contact.cost), ctx.loc.text(contact.hours))
    return name, terms, _shown_url(contact.url or "")


def build_help_band(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The national helpline on a full-width panel: phone large at the start, details beside or below it."""
    contact = ctx.campaign.primary_help
    name, terms, url = _contact_lines(ctx, contact)
    phone_text = contact.phone or url
    # On wide formats height is scarce: name and terms share a line.
    first = [f"{name} · {terms}"] if ctx.grid.wide else [name, terms]
    # An edition's main contact is named on every design, under the national helpline it never replaces.
    local = main_contact(ctx)
    also = f"{ctx.loc.text(local.name)}: {local.phone or _shown_url(local.url or '')}" if local is not contact else ""
    details = "\n".join(p for p in (*first, url if contact.phone else "", also) if p)
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
    # In a column of a wide format the QR code goes below the text (the column is narrow and tall).
    # What the contact is for is shown on posters, where the card has room for it (on a social
    # card that room goes to the other contacts).
    first = not ctx.grid.wide
    # The engine leaves the description out ("<slot>-details") before the sender line goes. A local
    # main contact (an edition's) is described wherever it fits: readers do not know it yet.
    describe = (ctx.grid.print or _local(main_contact(ctx))) and f"{slot.name}-details" not in ctx.dropped
    for beside, described in ((first, describe), (not first, describe), (first, False)):
        try:
            return _help_card(ctx, slot, x, width, max_height, qr_beside=beside, described=described)
        except Overflow:
            pass
    return _help_card(ctx, slot, x, width, max_height, qr_beside=not first)


def build_help_panel(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The helpline on a compact panel (no QR code), for columns on wide formats."""
    return _help_card(ctx, slot, x, width, max_height, qr_beside=False, with_qr=False)


def main_contact(ctx: Ctx) -> HelpContact:
    """The contact a card refers people to: an edition's main contact, else its message's own `help:`
    contact, else the national helpline (which a card beside another main contact still shows)."""
    return contact_for(ctx.campaign, ctx.subject.message)


def contact_for(campaign: Campaign, message: Message | None) -> HelpContact:
    """main_contact for a campaign and the message a design shows (None: a design without one)."""
    edition = campaign.edition
    if edition is not None and edition.main_contact:
        return campaign.help_contact(edition.main_contact)
    return campaign.help_contact(message.help) if message is not None and message.help else campaign.primary_help


def qr_address(ctx: Ctx, contact: HelpContact) -> str | None:
    """Where a card's QR code leads: an edition's local web address (`web:`), else the main contact's site."""
    edition = ctx.campaign.edition
    return (edition.qr_url if edition is not None and edition.qr_url else None) or contact.url


def _local(contact: HelpContact) -> bool:
    return not contact.national


QR_MIN_SHARE = 0.2  # a QR code beside the text is at least this share of the card's inner width


def _help_card(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float, *, qr_beside: bool,
               with_qr: bool = True, described: bool = False) -> Placed:
    contact = main_contact(ctx)
    name, terms, url = _contact_lines(ctx, contact)
    qr_data = qr_address(ctx, contact)
    pad = ctx.grid.size(3.0 if with_qr else 2.2) * ctx.scale
    gap = ctx.grid.size(0.8) * ctx.scale
    inner_x, inner_w = x + pad, width - 2 * pad
    # The code shrinks with the type below the comfortable scale, down to a size still easy to scan.
    share = max((0.34 if qr_beside else 0.5) * min(ctx.scale / COMFORTABLE_SCALE, 1.0), QR_MIN_SHARE)
    qr_side = min(inner_w * share, max_height * 0.4) if qr_data and with_qr else 0.0
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
    if qr_side and qr_data and qr_data != contact.url:
        # the address the code leads to (an edition's local page) is the one written out beside it
        blocks.append(ctx.text_block(f"{slot.name}-url", "panel_bold", _shown_url(qr_data), text_x, text_w,
                                     max_height))
    elif contact.url and contact.phone and (with_qr or not _local(contact)):
        # a compact panel (no code) beside a local contact keeps its room for the national helpline's line
        blocks.append(ctx.text_block(f"{slot.name}-url", "panel_bold", url, text_x, text_w, max_height))
    if described:
        blocks.append(ctx.text_block(f"{slot.name}-description", "panel", ctx.loc.text(contact.description), text_x,
                                     text_w, max_height))
    national = ctx.campaign.primary_help
    if contact != national:  # the national helpline is on every card, also beside another main contact
        line = f"{ctx.loc.text(national.name)}: {national.phone or _contact_lines(ctx, national)[2]}"
        blocks.append(ctx.text_block(f"{slot.name}-national", "panel_bold", line, text_x, text_w, max_height))
    text = _stack([Placed([b], b.box.h) for b in blocks], gap)
    if beside:  # the code no taller than the text beside it (it stays large enough to scan)
        qr_side = min(qr_side, max(text.height, inner_w * QR_MIN_SHARE))
    inner_h = max(text.height, qr_side) if beside else text.height + (gap * 2 + qr_side if qr_side else 0)
    text_dy = pad + ((inner_h - text.height) / 2 if beside else 0)
    items: list[Item] = [shift(i, 0, text_dy) for i in text.items]
    if qr_side and qr_data:
        qr = make_qr(qr_data, Rect(0, 0, qr_side, qr_side), ctx.color("text"), Color(255, 255, 255))
        at_end = inner_x + inner_w - qr_side
        qr_x = (inner_x if ctx.rtl else at_end) if beside else (at_end if ctx.rtl else inner_x)
        qr_y = pad + ((inner_h - qr_side) / 2 if beside else text.height + gap * 2)
        items.append(shift(qr, qr_x, qr_y))
    panel = Fill(Rect(x, 0, width, inner_h + 2 * pad), ctx.color("panel"), role="panel", radius=ctx.grid.size(1.5))
    if panel.box.h > max_height:
        raise Overflow(slot.name, f"help card needs {panel.box.h:.0f} pt, {max_height:.0f} pt available")
    return Placed([panel, *items], panel.box.h)


def make_qr(data: str, box: Rect, dark: Color, light: Color) -> QRCode:
    return QRCode(box, _qr_matrix(data), 4, data, dark, light)


@lru_cache(maxsize=64)
def _qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (no quiet zone); encoding costs ~20 ms, and layout tries several sizes."""
    import segno  # on first use: most designs have no QR code

    code = segno.make(data, error="m", boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def listed_order(contacts: tuple[HelpContact, ...]) -> list[HelpContact]:
    """The other places to turn to, in the order a reader needs them: local ones (an edition's
    own, national: false) before the national ones, and free lines before paid ones; otherwise
    as the campaign lists them."""
    return sorted(contacts, key=lambda c: (c.national, not c.free))


def build_help_list(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The other places to turn to: with what each is for and when it is open where that fits
    at the slot's size, otherwise one short line each."""
    short, full = [], []
    shown = (ctx.campaign.primary_help, main_contact(ctx))  # already on the card
    for contact in listed_order(ctx.campaign.help_contacts):
        if contact in shown:
            continue
        name, terms, url = _contact_lines(ctx, contact)
        # In a list the name is kept whole (a card or band may break it: its column is narrow).
        name = keep_together(name)
        reach = ctx.loc.join(contact.phone or "", url)  # the language's own comma (Arabic ،)
        short.append(f"{name}: {contact.phone or url}")
        full.append(f"{name}: {reach} ({terms}). {ctx.loc.text(contact.description)}")
    size = ctx.style(slot.role)[0].size
    if f"{slot.name}-details" not in ctx.dropped:  # the engine leaves the details out when the design is full
        try:
            block = ctx.text_block(slot.name, slot.role, "\n".join(full), x, width, max_height, block_role="list")
            if block.size >= size - 0.01:
                return Placed([block], block.box.h)
        except Overflow:
            pass
    block = ctx.text_block(slot.name, slot.role, "\n".join(short), x, width, max_height, block_role="list")
    return Placed([block], block.box.h)
