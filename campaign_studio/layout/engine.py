"""Layout: campaign content + template + brand + language + format -> page tree.

Text is shaped and broken here, once. The engine tries the template at full
type scale, then at smaller scales, then without optional slots; a required
slot (figure, definition, source, helpline) is never dropped: if it cannot fit
the result is an overflow error naming template, slot, language and format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from campaign_studio.layout.blocks import Ctx, GlyphMissing, Overflow, PageLimits, Placed, Subject, _stack, message_source
from campaign_studio.layout.builders import BUILDERS
from campaign_studio.layout.geometry import shift
from campaign_studio.layout.grid import Grid, make_grid
from campaign_studio.layout.holes import largest_hole
from campaign_studio.layout.localise import Localiser
from campaign_studio.layout.scales import COMFORTABLE_SCALE, SCALES, SLOT_GAP
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.model.formats import Format
from campaign_studio.model.pagetree import Fill, Item, Page, Rect, TextBlock, walk
from campaign_studio.model.template import Arrangement, Brand, Column, Slot, Template, TextRole

HOLE_BOUND_GAPS = 3  # no empty band in a column taller than this many slot gaps (issue 7)
# An infographic's figures after its first, when it shows its default set (no --stat): a story
# holds fewer than a long page; figures a user chose are never left out (an overflow instead).
# An infographic's action lines ("actions") give way before them: the figures are its point.
FIGURES_REST = "figures-rest"
# Optional slots give way in this order when the design cannot hold them at any scale.
# A brand's logo is not among them: it shrinks (blocks.logo_height) but stays.
# "<slot>-details" is a help card's description on a poster (it repeats what the message says)
# or a help list's hours, costs and descriptions (the list still names each contact and its
# number): they go before the list does. "logo-below-minimum" lets the logo shrink under the
# brand's minimum with the text. The sender line, who speaks, goes only after these. An optional
# title (a handout's front) goes last.
DROP_ORDER = ("picture", "partner", "help-details", "help_card-details", "others-details", "logo-below-minimum", "sender",
              "actions", FIGURES_REST, "cta", "body", "others", "title")


_DETAILS = {"help-list": "hours, costs and descriptions", "help-card": "description"}


def _kind(template: Template, name: str) -> str:
    slot = template.slots.get(name.removesuffix("-details"))
    return slot.kind if slot else ""


def _drop_warning(template: Template, drops: frozenset[str]) -> str:
    slots = sorted(d for d in drops if not d.endswith(("-details", "-below-minimum", "-rest")))
    parts = [f"left out optional slot(s) {', '.join(slots)}"] if slots else []
    parts += [f"left out the {_DETAILS[kind]} in {d.removesuffix('-details')}"
              for d in sorted(drops) if d.endswith("-details") and (kind := _kind(template, d)) in _DETAILS]
    parts += [f"made the {d.removesuffix('-below-minimum')} smaller than the brand's minimum"
              for d in sorted(drops) if d.endswith("-below-minimum")]
    parts += ["showed only the first figure of the default set (choose the figures with --stat)"
              for d in drops if d == FIGURES_REST]
    return "; ".join(parts) + " to make room"


@dataclass(frozen=True)
class Design:
    """Everything that decides one output."""

    campaign: Campaign
    template: Template
    brand: Brand
    format: Format
    language: str
    subject: Subject
    fallback: str | None = None
    native_digits: bool = False


class _ColumnFull(Exception):
    def __init__(self, slot: str, needed: float, available: float, names: list[str]) -> None:
        super().__init__(f"the column with {', '.join(names)} needs {needed:.0f} pt, {available:.0f} pt available")
        self.slot = slot


def layout_page(design: Design, roles: dict[str, TextRole], diagnostics: Diagnostics,
                limits: PageLimits | None = None) -> Page | None:
    """The page tree of a design, or None with an error diagnostic when it cannot fit.

    limits: for a page of a document, what it shares with the document's other pages.
    """
    loc = Localiser(design.campaign, design.language, diagnostics, design.fallback, design.native_digits)
    grid = make_grid(design.format)
    ctx = Ctx(design.campaign, design.subject, grid, design.brand, roles, loc, type_scale=design.template.type_scale)
    ctx.limits = limits
    allowed = [s for s in SCALES if limits is None or limits.max_scale is None or s <= limits.max_scale + 1e-9]
    _note_unverified(design, diagnostics)
    optional = [n for n in DROP_ORDER if (_droppable(design.template, n, design.brand, grid.print)
                                          and _has_content(design, n))
                or (n == FIGURES_REST and _default_figures(design))]
    # An optional slot is left out only when the design cannot hold it at any allowed scale
    # (the logo shrinks toward its minimum over the comfortable scales instead). Every set of
    # them, from the cheapest: each slot weighs more than all that go before it in DROP_ORDER
    # together, so a later slot stays whenever leaving out any earlier ones makes room.
    pictures = {n for n in optional if design.template.slots.get(n) is not None
                and design.template.slots[n].kind == "picture"}
    drop_sets = [frozenset(n for i, n in enumerate(optional) if m >> i & 1) for m in range(2 ** len(optional))]
    weight = {n: 2 ** i for i, n in enumerate(optional)}
    failure: Overflow | _ColumnFull | None = None

    def attempt(arrangement: Arrangement, scale: float, drops: frozenset[str]) -> list[Item] | None:
        nonlocal failure
        ctx.scale = scale
        try:
            return _arrange(ctx, design.template, arrangement, grid, drops)
        except (Overflow, _ColumnFull) as exc:
            failure = exc
            return None

    # Of the template's arrangements for this shape (and their flowed variants), the one that
    # leaves out the least, leaves no hole over the bound, and then has the largest scale.
    best: tuple[tuple[float, ...], frozenset[str], float, list[Item], int, tuple[str, ...]] | None = None
    variants = [(index, variant, moved) for index, arrangement in enumerate(arrangements_for(design.template, grid.wide,
                                                                                     design.brand))
                for variant, moved in flowed(design.template, arrangement, design.brand)]
    for index, arrangement, moved in variants:
        # Once a variant keeps every slot without a hole, a later one wins only at a larger scale.
        perfect = best is not None and best[0][:2] == (0, 0.0)
        if perfect and best is not None and best[2] >= allowed[0]:
            break
        scales = [s for s in allowed if best is None or s > best[2]] if perfect else list(allowed)
        for drops in drop_sets[:1] if perfect else drop_sets:
            # A picture stays only where the text keeps a comfortable size beside it (as a logo gives way
            # first); below that it is left out, and the text gets its room.
            tried = [s for s in scales if s >= COMFORTABLE_SCALE - 1e-9] if pictures - drops else scales
            try:
                found = _largest_fitting(tried, lambda s, a=arrangement, d=drops: attempt(a, s, d))  # type: ignore[misc]
            except GlyphMissing as exc:
                _report_missing_glyph(design, exc, diagnostics)
                return None
            if found is None:
                continue
            scale, items = _finish(ctx, design.template, arrangement, grid, drops, found[0], found[1])
            hole = largest_hole(items, grid, column_areas(grid, arrangement, ctx.rtl, grid.content.bottom))
            bound = HOLE_BOUND_GAPS * grid.size(SLOT_GAP) * scale
            excess = max((hole.height if hole else 0.0) - bound, 0.0) / bound
            rank = (sum(weight[d] for d in drops), round(excess, 1), -scale)
            if best is None or rank < best[0]:
                best = (rank, drops, scale, items, index, moved)
            break
    if best is not None:
        _, drops, scale, items, index, moved = best
        if drops:
            diagnostics.warning(
                _drop_warning(design.template, drops),
                design.template.slots[_slot_of(design.template, sorted(drops)[0])].location,
                f"{design.template.id} / {design.format.id} / {design.language}",
            )
        return _page(design, grid, items, loc, scale, drops, index, moved)
    assert failure is not None
    owner = _slot_of(design.template, failure.slot)
    slot = design.template.slots.get(owner)
    diagnostics.error(
        f"overflow: template {design.template.id!r}, slot {owner!r}, language {design.language!r}, "
        f"format {design.format.id!r}: {failure}",
        slot.location if slot else None,
        f"slots.{owner}",
        "shorten the text or its translation; type sizes scale with the format, so a larger one of the same "
        "proportions does not help",
    )
    return None


# On a card with two columns the template's widths may also shift by these shares toward either
# column: a column of text at the size floor gets the width it needs, the other its height.
WIDTH_SHIFTS = (0.08, -0.08)
MIN_COLUMN_SHARE = 0.3


def arrangements_for(template: Template, wide: bool, brand: Brand | None = None) -> tuple[Arrangement, ...]:
    """The template's arrangements for a shape, then those with two columns at shifted widths
    (page metadata "arrangement" indexes this list); the brand's logo where its kit places it."""
    base = tuple(logo_placed(a, template, brand) for a in template.arrangements(wide))
    shifted = []
    for delta in WIDTH_SHIFTS:
        for arrangement in base:
            if len(arrangement.columns) != 2:
                continue
            first, second = arrangement.columns
            total = first.width + second.width
            if min(first.width + delta * total, second.width - delta * total) < MIN_COLUMN_SHARE * total:
                continue
            shifted.append(replace(arrangement, columns=(replace(first, width=first.width + delta * total),
                                                         replace(second, width=second.width - delta * total))))
    return (*base, *shifted)


def logo_placed(arrangement: Arrangement, template: Template, brand: Brand | None) -> Arrangement:
    """The arrangement with the brand's logo at the top or the foot of its column, when the kit says so
    (brand.yaml logo_placement.vertical); as the template has it otherwise."""
    where = brand.placement.vertical if brand is not None else "template"
    if where == "template":
        return arrangement
    logos = {n for n, s in template.slots.items() if s.kind == "logo" and s.content == "brand.logo"}
    columns = []
    for column in arrangement.columns:
        here = tuple(n for part in (column.top, column.middle, column.bottom) for n in part if n in logos)
        if not here:
            columns.append(column)
            continue
        top, middle, bottom = (tuple(n for n in part if n not in logos)
                               for part in (column.top, column.middle, column.bottom))
        top, bottom = ((*here, *top), bottom) if where == "top" else (top, (*bottom, *here))
        columns.append(replace(column, top=top, middle=middle, bottom=bottom))
    return replace(arrangement, columns=tuple(columns))


def flowed(template: Template, arrangement: Arrangement, brand: Brand) -> list[tuple[Arrangement, tuple[str, ...]]]:
    """The arrangement as the template gives it, and on a card with two columns each variant
    with the last k flowing slots (sender line, source, partner logo) of one column's foot moved
    to the foot of the other: layout picks the variant that balances the columns best."""
    variants: list[tuple[Arrangement, tuple[str, ...]]] = [(arrangement, ())]
    if len(arrangement.columns) != 2:
        return variants
    for src in (0, 1):
        column, other = arrangement.columns[src], arrangement.columns[1 - src]
        movable = [n for n in column.bottom if template.slots[n].flows and _shows_something(template.slots[n], brand)]
        for k in range(1, len(movable) + 1):
            moved = tuple(movable[-k:])
            columns = list(arrangement.columns)
            columns[src] = replace(column, bottom=tuple(n for n in column.bottom if n not in moved))
            columns[1 - src] = replace(other, bottom=(*other.bottom, *moved))
            variants.append((replace(arrangement, columns=tuple(columns)), moved))
    return variants


def _finish(ctx: Ctx, template: Template, arrangement: Arrangement, grid: Grid, drops: frozenset[str],
            scale: float, items: list[Item]) -> tuple[float, list[Item]]:
    """The chosen fit once more, with heroes growing into their columns' free space."""
    ctx.scale, ctx.finishing = scale, True
    try:
        return scale, _arrange(ctx, template, arrangement, grid, drops)
    except (Overflow, _ColumnFull):
        return scale, items
    finally:
        ctx.finishing = False


def _slot_of(template: Template, block_slot: str) -> str:
    """Sub-blocks are named after their slot ("help-name"): the template's slot they belong to."""
    return max((n for n in template.slots if block_slot == n or block_slot.startswith(f"{n}-")), key=len,
               default=block_slot)


def _report_missing_glyph(design: Design, exc: GlyphMissing, diagnostics: Diagnostics) -> None:
    owner = _slot_of(design.template, exc.slot)
    slot = design.template.slots.get(owner)
    content = slot.content if slot else owner
    about = design.subject.statistic or design.subject.message
    kind, _, field_name = content.partition(".")
    text_id = f"{kind}s.{about.id}.{field_name}" if about and kind in ("statistic", "message") else content
    diagnostics.error(
        f"{exc}: it appears in text {text_id!r} ({design.language}), shown by slot {owner!r} of template "
        f"{design.template.id!r}",
        slot.location if slot else None,
        f"slots.{owner}",
        "replace the character, or add a font that covers it to assets/fonts",
    )


def _droppable(template: Template, name: str, brand: Brand, poster: bool) -> bool:
    if name.endswith("-below-minimum"):
        logo = template.slots.get(name.removesuffix("-below-minimum"))
        return logo is not None and logo.kind == "logo" and _shows_something(logo, brand)
    if name.endswith("-details"):
        base = template.slots.get(name.removesuffix("-details"))
        # A help card describes its contact on posters only (help_blocks.build_help_card).
        return base is not None and (base.kind == "help-list" or (base.kind == "help-card" and poster))
    slot = template.slots.get(name)
    return slot is not None and not slot.required and _shows_something(slot, brand)


def _has_content(design: Design, name: str) -> bool:
    """A picture slot of a message or statement without a picture is empty: leaving it out gains nothing."""
    from campaign_studio.layout.pictures import picture_of

    slot = design.template.slots.get(name)
    return slot is None or slot.kind != "picture" or picture_of(design.subject) is not None


def _default_figures(design: Design) -> bool:
    """Whether the design shows several figures of a default set (which may give way to make room)."""
    return (not design.subject.chosen and len(design.subject.statistics) > 1
            and any(s.kind == "figures" for s in design.template.slots.values()))


def _shows_something(slot: Slot, brand: Brand) -> bool:
    """A logo slot of a brand without that logo is empty: leaving it out gains nothing."""
    if slot.kind != "logo":
        return True
    if slot.content == "brand.logo":
        return brand.logo is not None
    return brand.partner_logo is not None or bool(brand.partner_line)


def _largest_fitting(scales: list[float],
                     attempt: Callable[[float], list[Item] | None]) -> tuple[float, list[Item]] | None:
    """The layout at the largest scale that fits, by bisection (smaller type needs no more room).

    scales are in descending order; trying the smallest first lets a set of slots that
    cannot fit at all fail after one attempt.
    """
    if not scales:
        return None
    last = len(scales) - 1
    items = attempt(scales[last])
    if items is None:
        return None
    fitting = {last: items}
    low, high = 0, last  # scales[high] fits
    while low < high:
        mid = (low + high) // 2
        items = attempt(scales[mid])
        if items is None:
            low = mid + 1
        else:
            fitting[mid], high = items, mid
    return scales[high], fitting[high]


# A source shown on a design must have been checked at most this long before the campaign ends.
SOURCE_CHECK_DAYS = 2 * 365


def _note_unverified(design: Design, diagnostics: Diagnostics) -> None:
    """What the editor must know about the figure a design shows before publishing it: that it
    is not verified, the editor's note on it, and a source check too old for the campaign's run."""
    campaign, stat, msg = design.campaign, design.subject.statistic, design.subject.message
    for shown in design.subject.figures:
        if not shown.verified:
            diagnostics.warning(f"statistic {shown.id!r} is not verified: check it against its source before "
                                "publishing", shown.location, f"statistics.{shown.id}")
        if shown.note is not None:
            diagnostics.warning(f"editor's note on statistic {shown.id!r}: {shown.note.source}", shown.location,
                                f"statistics.{shown.id}.note")
    figures = design.subject.figures
    sources = dict.fromkeys(s.source for s in figures) if figures else (
        [message_source(campaign, msg)] if msg is not None else [])
    ends = campaign.programme.runs_until
    for source_id in sources:
        if source_id is None or ends is None:
            continue
        source = campaign.source(source_id)
        if source.checked is not None and (ends - source.checked).days > SOURCE_CHECK_DAYS:
            diagnostics.warning(
                f"source {source.id!r} was last checked on {source.checked.isoformat()}, and the campaign runs "
                f"until {ends.isoformat()}: check the source again",
                stat.location if stat is not None else None,
                f"sources.{source.id}.checked",
                f"check the figures against the source and set checked: to that date (at most "
                f"{SOURCE_CHECK_DAYS // 365} years before runs_until)")


def _arrange(ctx: Ctx, template: Template, arrangement: Arrangement, grid: Grid, dropped: frozenset[str]) -> list[Item]:
    content = grid.content
    items: list[Item] = []
    column_bottom = content.bottom
    band_items: list[Item] = []
    if arrangement.band:
        band = _band(ctx, template, arrangement, grid, dropped)
        pad = grid.margin * 0.75
        text_top = content.bottom - band.height
        panel_top = text_top - pad
        panel = Fill(Rect(0, panel_top, grid.page.w, grid.page.bottom - panel_top), ctx.color("panel"), role="panel")
        band_items = [panel, *[shift(i, 0, text_top) for i in band.items]]
        column_bottom = panel_top - grid.margin
    areas = column_areas(grid, arrangement, ctx.rtl, column_bottom)
    filled = [_fill_column(ctx, template, column, area, dropped, None)
              for column, area in zip(arrangement.columns, areas, strict=True)]
    heroes = [size for _, size in filled if size is not None]
    if ctx.finishing and heroes:
        # Columns with room left grow as a whole, but their text stays clearly smaller than
        # the design's heroes (headline, figure, phone number), in whichever column they are
        # (a single column too: its heroes may stop where a larger size breaks a line more).
        filled = [_fill_column(ctx, template, column, area, dropped, min(heroes))
                  for column, area in zip(arrangement.columns, areas, strict=True)]
    late: list[Item] = []  # slots that flowed to another column: still read last (sender, source)
    for placed_slots, _ in filled:
        for slot, placed in placed_slots:
            (late if template.slots[slot].flows else items).extend(placed)
    return items + late + band_items


def _band(ctx: Ctx, template: Template, arrangement: Arrangement, grid: Grid, dropped: frozenset[str]) -> Placed:
    """The full-width help band; on a page of a document at the document's band scale (once
    it is known), and built once for all its pages."""
    content = grid.content
    limits = ctx.limits
    if limits is None:
        return _build_group(ctx, template, arrangement.band, content.x, content.w, content.h * 0.3, dropped,
                            use_share=False)
    scale = ctx.scale if limits.band_scale is None else limits.band_scale
    message = ctx.subject.message
    key = (arrangement.band, content.x, content.w, content.h, scale, message.help if message else None,
           tuple(sorted(d for d in dropped if d.split("-")[0] in arrangement.band)))
    if key not in limits.bands:
        own = ctx.scale
        ctx.scale = scale
        try:
            limits.bands[key] = _build_group(ctx, template, arrangement.band, content.x, content.w, content.h * 0.3,
                                             dropped, use_share=False)
        finally:
            ctx.scale = own
    return limits.bands[key]


def column_areas(grid: Grid, arrangement: Arrangement, rtl: bool, bottom: float) -> list[Rect]:
    """The columns' boxes, in the template's order (from the start side), above `bottom`."""
    content = grid.content
    widths = [c.width for c in arrangement.columns]
    gutters = grid.gutter * (len(widths) - 1)
    scale_w = (content.w - gutters) / sum(widths)
    areas = []
    x = content.right if rtl else content.x
    for column in arrangement.columns:
        w = column.width * scale_w
        areas.append(Rect(x - w if rtl else x, content.y, w, bottom - content.y))
        x = x - w - grid.gutter if rtl else x + w + grid.gutter
    return areas


def _build_group(ctx: Ctx, template: Template, names: tuple[str, ...], x: float, width: float, height: float,
                 dropped: frozenset[str], *, use_share: bool = True) -> Placed:
    parts = _build_parts(ctx, template, names, x, width, height, dropped, use_share=use_share)
    return _stack(parts, ctx.grid.size(SLOT_GAP) * ctx.scale)


def _build_parts(ctx: Ctx, template: Template, names: tuple[str, ...], x: float, width: float, height: float,
                 dropped: frozenset[str], *, use_share: bool = True, grown: dict[str, float] | None = None
                 ) -> list[Placed]:
    """The blocks of a group's slots, each at y = 0 (slots that show nothing are left out)."""
    parts = []
    for name in names:
        if name in dropped:
            continue
        slot = template.slots[name]
        scale = ctx.scale
        ctx.scale = scale * (grown or {}).get(name, 1.0)
        try:
            # A text slot depends on the scale only through its size: text at the size floor is
            # the same at every scale, so it is set once.
            size = ctx.style(slot.role)[0].size if slot.kind == "text" else ctx.scale
            # Pseudo-slots ("others-details", "logo-below-minimum") change how their slot is built.
            key = (name, x, width, height, use_share, size, ctx.leading,
                   tuple(sorted(d for d in dropped if d.startswith(f"{name}-"))))
            ctx.dropped = dropped
            if key not in ctx.built:
                ctx.built[key] = BUILDERS[slot.kind](ctx, slot, x, width,
                                                     height * slot.max_share if use_share else height)
        finally:
            ctx.scale = scale
        if ctx.built[key].items:
            parts.append(replace(ctx.built[key], slot=name))
    return parts


# Free space in a spread column goes between groups this many times more than between the slots of a group.
GROUP_SPACE_WEIGHT = 3.0


def _fill_column(ctx: Ctx, template: Template, column: Column, area: Rect, dropped: frozenset[str],
                 hero_size: float | None) -> tuple[list[tuple[str, list[Item]]], float | None]:
    """The column's slots placed in its area, and the smallest type size of its heroes' own
    text (None: no hero). hero_size: the design's smallest hero size, under which the whole
    column may grow into room its heroes left (None: it does not)."""
    groups = [_build_parts(ctx, template, names, area.x, area.w, area.h, dropped)
              for names in (column.top, column.middle, column.bottom)]
    free = area.h - _stacked_height(ctx, groups)
    if free < -0.01:
        names = [n for n in (*column.top, *column.middle, *column.bottom) if n not in dropped]
        required = [n for n in names if template.slots[n].required] or names
        raise _ColumnFull(required[-1], area.h - free, area.h, names)
    if ctx.finishing and free > 0:
        groups, free = _grow_into(ctx, template, column, area, dropped, groups, free, hero_size)
        groups, free = _stretch_panel(ctx, groups, free)
    heroes = {n for n in (*column.top, *column.middle, *column.bottom) if template.slots[n].grow > 1.0}
    # A chart hero's own text (its labels) sits inside its figure group.
    sizes = [i.size for g in groups for p in g if p.slot in heroes for i in walk(p.items)
             if isinstance(i, TextBlock) and (i.slot == p.slot or i.slot.startswith(f"{p.slot}-"))]
    return _place_parts(ctx, column.align, groups, area, free), min(sizes, default=None)


def _stretch_panel(ctx: Ctx, groups: list[list[Placed]], free: float) -> tuple[list[list[Placed]], float]:
    """A panel (help card) takes up the room its column's gaps cannot take without a hole (all
    of it when the panel is alone), its content centred: its edges then line up with the other
    column's blocks."""
    parts = [p for g in groups for p in g]
    panel_at = next((i for i, p in enumerate(parts)
                     if p.items and isinstance(p.items[0], Fill) and p.items[0].role == "panel"), None)
    if panel_at is None or free <= 0:
        return groups, free
    slot_gap = ctx.grid.size(SLOT_GAP) * ctx.scale
    group_of = [gi for gi, g in enumerate(groups) for _ in g]
    bases = [slot_gap * (1.5 if group_of[i] != group_of[i - 1] else 1.0) for i in range(1, len(parts))]
    room = sum(max(HOLE_BOUND_GAPS * slot_gap - b, 0.0) for b in bases)
    grow = free - room if bases else free
    if grow <= 0:
        return groups, free
    part = parts[panel_at]
    panel = part.items[0]
    assert isinstance(panel, Fill)
    items = [replace(panel, box=Rect(panel.box.x, panel.box.y, panel.box.w, panel.box.h + grow)),
             *(shift(i, 0, grow / 2) for i in part.items[1:])]
    stretched = replace(part, items=items, height=part.height + grow)
    return [[stretched if p is part else p for p in g] for g in groups], free - grow


def _stacked_height(ctx: Ctx, groups: list[list[Placed]]) -> float:
    slot_gap = ctx.grid.size(SLOT_GAP) * ctx.scale
    present = [g for g in groups if g]
    within = sum(len(g) - 1 for g in present)
    return (sum(p.height for g in present for p in g) + slot_gap * within
            + 1.5 * slot_gap * max(len(present) - 1, 0))


# A column with room left after its heroes grew sets all its slots larger together, up to this
# scale: on a wide card the design's scale is set by the fuller column (often text at the size
# floor), and the other column need not stay small for it. Its text stays at most this share
# of the design's smallest hero size, so the hierarchy holds across the columns.
COLUMN_GROW_LIMIT = 1.3
HERO_RATIO = 0.75


def _grow_into(ctx: Ctx, template: Template, column: Column, area: Rect, dropped: frozenset[str],
               groups: list[list[Placed]], free: float, hero_size: float | None
               ) -> tuple[list[list[Placed]], float]:
    """Let the column take up its free space: first its heroes (slots with grow) together, their
    scale rising from the design's toward their `grow` limit (an absolute scale); then, while
    the free space is over the hole bound, every slot of the column together (see HERO_RATIO)."""
    names = [n for n in (*column.top, *column.middle, *column.bottom) if n not in dropped]
    heroes = tuple(n for n in names if template.slots[n].grow > 1.0)
    hero_scale = ctx.scale
    if heroes and max(template.slots[n].grow for n in heroes) > ctx.scale:
        limit = min(template.slots[n].grow for n in heroes)
        (groups, free), hero_scale = _grow_search(ctx, template, column, area, dropped, (groups, free), limit,
                                                  lambda t: {n: t / ctx.scale for n in heroes})
    # Free space lands on top of the gaps between groups (1.5 slot gaps at least): a hole over
    # the bound begins once it is within that much of the bound.
    bound = (HOLE_BOUND_GAPS - 1.5) * ctx.grid.size(SLOT_GAP) * ctx.scale
    if free > bound and hero_size is not None:
        before = {p.slot: _largest_text(p) for g in groups for p in g}

        # Text already as large as the heroes allow (a headline beside a chart) stays as it is.
        level = {p.slot for g in groups for p in g if before[p.slot] >= HERO_RATIO * hero_size - 0.01}

        def grown(target: float) -> dict[str, float]:
            # The heroes stay as they grew: they stopped where the next size breaks a line more,
            # and the rest of the column may still take the room that leaves.
            return {n: hero_scale / ctx.scale if n in heroes else 1.0 if n in level else target / ctx.scale
                    for n in names}

        def below_heroes(built: list[list[Placed]]) -> bool:
            return all(_largest_text(p) <= max(HERO_RATIO * hero_size, before.get(p.slot, 0.0)) + 0.01
                       for g in built for p in g if p.slot not in heroes)

        (groups, free), grew_to = _grow_search(ctx, template, column, area, dropped, (groups, free),
                                               COLUMN_GROW_LIMIT, grown, below_heroes)
        if free > bound:
            groups, free = _open_leading(ctx, template, column, area, dropped, groups, free,
                                         grown(grew_to) if grew_to > ctx.scale else None)
    return groups, free


MAX_LEADING = 1.15  # running text's line spacing opens at most this much to fill a column


def _open_leading(ctx: Ctx, template: Template, column: Column, area: Rect, dropped: frozenset[str],
                  groups: list[list[Placed]], free: float, grown: dict[str, float] | None
                  ) -> tuple[list[list[Placed]], float]:
    """The largest line spacing (in steps of 2%, up to MAX_LEADING) at which the column still
    holds its slots: the last resort against a hole, the type stays as it is."""
    best = (groups, free)
    for step in range(1, round((MAX_LEADING - 1.0) / 0.02) + 1):
        ctx.leading = 1.0 + 0.02 * step
        try:
            built = [_build_parts(ctx, template, part, area.x, area.w, area.h, dropped, grown=grown)
                     for part in (column.top, column.middle, column.bottom)]
        except Overflow:
            break
        finally:
            ctx.leading = 1.0
        room = area.h - _stacked_height(ctx, built)
        if room < 0:
            break
        best = (built, room)
    return best


def _largest_text(placed: Placed) -> float:
    return max((i.size for i in placed.items if isinstance(i, TextBlock)), default=0.0)


def _grow_search(ctx: Ctx, template: Template, column: Column, area: Rect, dropped: frozenset[str],
                 start: tuple[list[list[Placed]], float], limit: float,
                 factors: Callable[[float], dict[str, float]],
                 accept: Callable[[list[list[Placed]]], bool] = lambda built: True,
                 ) -> tuple[tuple[list[list[Placed]], float], float]:
    """The largest target scale up to limit (by steps of 0.02) at which the column still holds
    its slots grown by factors(target) and accept()s them, by bisection (a larger slot never
    needs less room, nor has smaller text)."""
    targets = [round(ctx.scale + 0.02 * k, 2) for k in range(1, int((limit - ctx.scale) / 0.02 + 1e-6) + 1)]

    def trial(target: float) -> tuple[list[list[Placed]], float] | None:
        try:
            built = [_build_parts(ctx, template, part, area.x, area.w, area.h, dropped, grown=factors(target))
                     for part in (column.top, column.middle, column.bottom)]
        except Overflow:
            return None
        room = area.h - _stacked_height(ctx, built)
        return (built, room) if room >= 0 and accept(built) else None

    best, best_target = start, ctx.scale
    low, high = 0, len(targets) - 1
    while low <= high:
        mid = (low + high) // 2
        found = trial(targets[mid])
        if found is None:
            high = mid - 1
        else:
            (best, best_target), low = (found, targets[mid]), mid + 1
    return best, best_target


def _place_parts(ctx: Ctx, align: str, groups: list[list[Placed]], area: Rect, free: float
                 ) -> list[tuple[str, list[Item]]]:
    """Stack the groups' blocks down the column, each with its slot's name. Free space goes
    between the blocks (spread: the first at the top edge, the last at the bottom edge, more
    between groups than inside one) or below / above all of them (top / bottom)."""
    slot_gap = ctx.grid.size(SLOT_GAP) * ctx.scale
    flat = [(gi, p) for gi, g in enumerate(groups) for p in g]
    weights = [GROUP_SPACE_WEIGHT if flat[i][0] != flat[i - 1][0] else 1.0 for i in range(1, len(flat))]
    extra = [0.0] * len(flat)
    if align == "spread" and weights:
        for i, w in enumerate(weights, start=1):
            extra[i] = free * w / sum(weights)
        base = [slot_gap * (1.5 if flat[i][0] != flat[i - 1][0] else 1.0) for i in range(1, len(flat))]
        if max(b + e for b, e in zip(base, extra[1:], strict=True)) > HOLE_BOUND_GAPS * slot_gap:
            # Too much room for the groups to stand apart: level the gaps instead (the largest
            # as small as it can be), so no gap becomes a hole while others stay tight.
            extra[1:] = _level(base, free)
    elif align == "bottom" and flat:
        extra[0] = free
    placed: list[tuple[str, list[Item]]] = []
    y = area.y
    for i, (gi, part) in enumerate(flat):
        if i:
            y += slot_gap * (1.5 if gi != flat[i - 1][0] else 1.0)
        y += extra[i]
        placed.append((part.slot, [shift(it, 0, y) for it in part.items]))
        y += part.height
    return placed


def _level(base: list[float], free: float) -> list[float]:
    """What to add to each gap so the largest total gap is as small as possible (water filling)."""
    order = sorted(base)
    level, left = order[0], free
    for i, b in enumerate(order):
        width = i + 1  # gaps at or below the current level
        nxt = order[i + 1] if i + 1 < len(order) else float("inf")
        if left <= (nxt - b) * width:
            level = b + left / width
            break
        left -= (nxt - b) * width
    return [max(level - b, 0.0) for b in base]


def _page(design: Design, grid: Grid, items: list[Item], loc: Localiser, scale: float,
          dropped: frozenset[str], arrangement: int, moved: tuple[str, ...]) -> Page:
    subject = design.subject
    if subject.statistic is not None:
        title = loc.text(subject.statistic.label)
    elif subject.message is not None:
        title = loc.text(subject.message.headline)
    else:
        title = loc.text(design.campaign.programme.title)
    fmt = design.format
    campaign = design.campaign
    about = subject.statistic or subject.message
    return Page(
        width=fmt.width,
        height=fmt.height,
        background=design.brand.colors["background"],
        items=tuple(items),
        language=design.language,
        title=title,
        bleed=fmt.bleed,
        safe_area=Rect(*fmt.safe_area) if fmt.safe_area else None,
        metadata={"template": design.template.id, "format": fmt.id, "brand": design.brand.id,
                  "about": about.id if about else "",
                  # Document properties (PDF Author, Subject and Keywords): the organisations that
                  # publish it, what the programme is, and the campaign and programme it belongs to.
                  "author": "; ".join(f"{loc.text(o.name)} ({o.short})" for o in campaign.organisations
                                      if o.role == "initiator"),
                  "subject": loc.text(campaign.programme.description),
                  "keywords": f"{loc.text(campaign.programme.campaign_name)}; {loc.text(campaign.programme.name)}",
                  # How the design was fitted, for the survey (bench/survey.py) and its tests.
                  "scale": f"{scale:g}", "dropped": ",".join(sorted(dropped)),
                  "arrangement": str(arrangement), "flowed": ",".join(moved)},
    )
