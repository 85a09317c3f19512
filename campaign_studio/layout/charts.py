"""Chart builders: a statistic's values drawn as marks, labelled at the marks, with their text alternative.

Every chart is one FigureGroup(role="chart") holding its marks (Fill, PathItem: role
"figure" for data, "decoration" for tracks) and the TextBlocks that label them, and the
short and long alternative written from the same values (chart_alt). Nothing carries
meaning by colour alone: every mark has its value and group written beside it, and an
icon array tells filled from empty figures by shape (solid against outline) as well.

In right-to-left languages charts mirror: bars grow from the right, icon arrays fill
from the top right, rings run counter-clockwise.

The person figure of the icon array is drawn here (person_path: a circle for the head
and a body of cubic curves); it is the project's own, not taken from an icon set.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from babel.lists import format_list

from campaign_studio.layout.blocks import Ctx, Overflow, Placed, _need_statistic
from campaign_studio.layout.figures import _by_ink, _tint, _value
from campaign_studio.layout.geometry import bounds, shift
from campaign_studio.layout.localise import Localiser
from campaign_studio.model.campaign import Campaign, Statistic, Text
from campaign_studio.model.pagetree import Color, FigureGroup, Fill, Item, PathItem, PathOp, Rect, TextBlock
from campaign_studio.model.template import Slot

# Preferred sizes in hundredths of the canvas unit at scale 1. Below it charts shrink with the
# square of the scale: text stops shrinking at its size floor, so on a crowded card (long
# translations on a square) the chart must give way faster to leave the text room.
ICON_CELL = 7.0
RING_DIAMETER = 56.0
ALT_MAX = 150  # characters of a short text alternative
ICONS_PER_ROW, ICON_ROWS = 10, 10
_KAPPA = 0.5522847498  # cubic Bézier control distance for a quarter circle
TRACK_TINT = 0.14  # how much of the text colour a track mixes into the background


# --- text alternatives --------------------------------------------------------------------------

def fill_pattern(pattern: str, **values: str) -> str:
    """A pattern with its {placeholders} replaced (plain replacement: texts may hold other braces)."""
    for key, value in values.items():
        pattern = pattern.replace("{" + key + "}", value)
    return " ".join(pattern.split())


def pattern(loc: Localiser, campaign: Campaign, key: str) -> str:
    """One of the campaign's chart patterns (model.campaign.ChartTexts) in the design's language."""
    texts = campaign.chart_texts
    assert texts is not None, "the campaign loader always sets chart_texts"
    text: Text = getattr(texts, key)
    return loc.text(text)


def _pattern(ctx: Ctx, key: str) -> str:
    return pattern(ctx.loc, ctx.campaign, key)


def formatted(loc: Localiser, stat: Statistic, value: float) -> str:
    return loc.percent(value) if stat.unit == "percent" else loc.number(value)


def values_sentence(loc: Localiser, stat: Statistic) -> str:
    """Every value of a statistic with its group, as one list ("22% van de vrouwen en 6% van de mannen")."""
    phrases = [loc.figure_phrase(v.phrase, formatted(loc, stat, v.value)).whole for v in stat.values]
    try:
        return format_list(phrases, locale=loc.locale)
    except (ValueError, KeyError):  # a locale without list patterns
        return loc.join(*phrases)


def chart_alt(loc: Localiser, campaign: Campaign, stat: Statistic) -> tuple[str, str]:
    """The short alternative (at most ALT_MAX characters) and the long description of a statistic's chart."""
    label, values = loc.text(stat.label), values_sentence(loc, stat)
    short = fill_pattern(pattern(loc, campaign, "alt"), label=label, values=values)
    if len(short) > ALT_MAX:
        short = fill_pattern(pattern(loc, campaign, "alt"), label="", values=values).lstrip(": ")
    if len(short) > ALT_MAX:
        short = short[: ALT_MAX - 1].rsplit(" ", 1)[0] + "…"
    long = fill_pattern(pattern(loc, campaign, "long"), label=label, values=values,
                        definition=loc.text(stat.definition), population=loc.text(stat.population).rstrip("."),
                        year=loc.numbers(str(stat.year)), source=loc.text(campaign.source(stat.source).citation))
    return short, long


def figures_long(loc: Localiser, campaign: Campaign, stats: tuple[Statistic, ...]) -> str:
    """The long description of several figures: each with its values and definition, and the
    population, year and source once for each run of figures that share them (a definition
    shared by consecutive figures once, after the last of them). Every number shown is in it."""
    def shared(stat: Statistic) -> tuple[str, int, str]:
        return (loc.text(stat.population).rstrip("."), stat.year, stat.source)

    parts: list[str] = []
    run: list[str] = []
    for i, stat in enumerate(stats):
        nxt = stats[i + 1] if i + 1 < len(stats) else None
        run.append(fill_pattern(pattern(loc, campaign, "alt"), label=loc.text(stat.label),
                                values=values_sentence(loc, stat)))
        same_run = nxt is not None and shared(nxt) == shared(stat)
        if not (same_run and nxt is not None and nxt.definition.source == stat.definition.source):
            run.append(loc.text(stat.definition))
        if not same_run:
            population, year, source = shared(stat)
            parts.append(fill_pattern(pattern(loc, campaign, "figures_long"), figures=" ".join(run),
                                      population=population, year=loc.numbers(str(year)),
                                      source=loc.text(campaign.source(source).citation)))
            run = []
    return " ".join(parts)


def _chart(ctx: Ctx, slot: Slot, stat: Statistic, items: list[Item], height: float) -> Placed:
    alt, long = chart_alt(ctx.loc, ctx.campaign, stat)
    group = FigureGroup("chart", bounds(items), tuple(items), alt, long, slot.name, ctx.loc.language)
    return Placed([group], height)


def _chart_scale(ctx: Ctx) -> float:
    return ctx.scale if ctx.scale >= 1 else ctx.scale**2


def _series(ctx: Ctx, index: int) -> Color:
    colors = ctx.brand.series_colors()
    return colors[index % len(colors)]


def _track(ctx: Ctx) -> Color:
    return _tint(ctx.color("text"), ctx.color("background"), TRACK_TINT)


def _group_label(ctx: Ctx, group_id: str) -> str:
    return ctx.loc.text(ctx.campaign.group(group_id).label)


# --- paired bars --------------------------------------------------------------------------------

def scale_max(stat: Statistic) -> float:
    """The value a full-width bar stands for: the largest value shown. Bars start at 0, so their
    lengths compare the groups; the part of a whole is the icon array's and the ring's job."""
    return max((v.value for v in stat.values), default=1.0) or 1.0


def build_bars(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """One bar per group on one scale from 0: the group named above its bar, the value just past its end."""
    stat = _need_statistic(ctx, slot)
    row_h = max_height / max(len(stat.values), 1)
    values = _bar_values(ctx, slot.name, stat, x, width, row_h)
    value_w = max(b.lines[0].width for b in values)
    gap = ctx.grid.size(1.2) * ctx.scale
    # the pages of a document draw every bar of one unit on one scale (a reader compares them across
    # slides): to the document's largest value, with room for that value set at its full size
    full = (ctx.limits.bar_max.get(stat.unit) if ctx.limits is not None else None) or scale_max(stat)
    if ctx.limits is not None and stat.unit in ctx.limits.bar_max:
        widest = ctx.text_block(f"{slot.name}-value", "secondary", _value(ctx, stat, full), x, width * 0.45,
                                ctx.grid.page.h, color="text", max_lines=1, balance=False, block_role="figure")
        value_w = max(value_w, widest.lines[0].width)
    items, height = _bar_rows(ctx, slot.name, stat, values, x, width, width - value_w - gap, full,
                              row_h, lambda i, _group: _series(ctx, i))
    return _chart(ctx, slot, stat, items, height)


def _bar_values(ctx: Ctx, name: str, stat: Statistic, x: float, width: float, row_h: float,
                role: str = "secondary") -> list[TextBlock]:
    """The value written at each bar, set on one line (its width decides how long the bars may be)."""
    return [ctx.text_block(f"{name}-value", role, _value(ctx, stat, v.value), x, width * 0.45,
                           row_h * 0.55, color="text", max_lines=1, balance=False, block_role="figure")
            for v in stat.values]


def _bar_rows(ctx: Ctx, name: str, stat: Statistic, values: list[TextBlock], x: float, width: float,
              track_w: float, full: float, row_h: float, color: Callable[[int, str], Color],
              names: list[TextBlock] | None = None) -> tuple[list[Item], float]:
    """A statistic's bars, one row per group: its name, then the bar (track_w stands for `full`) with
    its value just past the end. With `names` (set in a column of their own, as wide as the widest)
    each group's name stands at the start of its bar's row instead of above it, and the bars start
    after them. Returns the items (from y = 0) and their height."""
    gap = ctx.grid.size(1.2) * ctx.scale
    name_w = max((b.lines[0].width for b in names), default=0.0) + gap if names else 0.0
    items: list[Item] = []
    y = 0.0
    for i, (v, value) in enumerate(zip(stat.values, values, strict=True)):
        ink = _by_ink(value)
        if i:
            y += gap * (1.0 if names else 1.6)
        figure = ink.items[0]
        assert isinstance(figure, TextBlock)
        bar_h = max(ink.height, ctx.grid.size(2.0) * ctx.scale)
        if names:  # at the start side of the column, centred on the bar by its ink
            tight = _by_ink(names[i])
            label = tight.items[0]
            assert isinstance(label, TextBlock)
            # in rtl the name was set flush right in a narrower box at the column's left edge
            dx = x + width - label.box.right if ctx.rtl else 0.0
            items.append(shift(_to_line(label), dx, y + (bar_h - tight.height) / 2))
        else:
            label = ctx.text_block(f"{name}-group", "label", _group_label(ctx, v.group), x, width, row_h * 0.35,
                                   color="text", block_role="label")
            items.append(shift(label, 0, y))
            y += label.box.h + gap * 0.6
        start = x + name_w if not ctx.rtl else x
        end = x + width - name_w if ctx.rtl else x + width
        length = track_w * min(max(v.value / full, 0.0), 1.0)
        # Bars grow from the start side (the right in rtl); the value stands just past the bar's end.
        bar_x = end - length if ctx.rtl else start
        # A hairline at 0 marks where every bar starts (the scale's origin); no track, so the value stays clear.
        zero_x = end - ctx.grid.size(0.3) if ctx.rtl else start
        # drawn over the bar's start, so the bar itself stands on the background (its contrast is against that)
        items.append(Fill(Rect(bar_x, y, length, bar_h), color(i, v.group), role="figure"))
        # as tall as the bar: reaching up would touch the group's name above it
        items.append(Fill(Rect(zero_x, y, ctx.grid.size(0.3), bar_h), ctx.color("muted")))
        line = figure.lines[0]
        dx = (bar_x - gap) - (line.left + line.width) if ctx.rtl else (bar_x + length + gap) - line.left
        items.append(shift(_to_line(figure), dx, y + (bar_h - ink.height) / 2))
        y += bar_h
    return items, y


# --- comparison of two statistics ---------------------------------------------------------------

def column_gap(ctx: Ctx) -> float:
    """The space between charts side by side: at least three ems of their labels, so that text
    extraction (pdftotext) reads the two as columns rather than one line of both."""
    return max(ctx.grid.size(3.2) * ctx.scale, 3 * ctx.style("label")[0].size)


COMPARISON_MIN_PANEL = 40.0  # hundredths of the canvas unit: narrower panels stack instead of standing side by side


def comparable(first: Statistic, second: Statistic) -> bool:
    """Whether two statistics can share one scale: the same unit and the same groups, two or more."""
    groups = [v.group for v in first.values]
    return (first.unit == second.unit and len(groups) >= 2 and groups == [v.group for v in second.values])


def comparison_max(stats: tuple[Statistic, ...]) -> float:
    """The value a full bar stands for on the shared scale: the largest value of either statistic."""
    return max((v.value for s in stats for v in s.values), default=1.0) or 1.0


def comparison_alt(loc: Localiser, campaign: Campaign, stats: tuple[Statistic, ...]) -> tuple[str, str]:
    """The short alternative and the long description of a comparison, from the statistics drawn."""
    def part(stat: Statistic, label: bool) -> str:
        return fill_pattern(pattern(loc, campaign, "alt"), label=loc.text(stat.label) if label else "",
                            values=values_sentence(loc, stat)).lstrip(": ").rstrip(".")

    short = ""
    for labelled in (True, False):
        first, second = (part(s, labelled) for s in stats)
        short = fill_pattern(pattern(loc, campaign, "compare_alt"), first=first, second=second)
        if len(short) <= ALT_MAX:
            break
    if len(short) > ALT_MAX:
        short = short[: ALT_MAX - 1].rsplit(" ", 1)[0] + "…"
    return short, figures_long(loc, campaign, stats)


def build_comparison_chart(ctx: Ctx, name: str, stats: tuple[Statistic, Statistic], markers: tuple[str, str],
                           x: float, width: float, max_height: float) -> Placed:
    """Two statistics' groups as bars on one shared scale from 0, the statistics side by side (the
    first at the start side) or, in a narrow column, one above the other. Each panel is headed by
    its statistic's name with its footnote marker; every bar is named and has its value at its
    end; a group has the same series colour in both panels."""
    gap = column_gap(ctx)
    side = (width - gap) / 2 >= ctx.grid.size(COMPARISON_MIN_PANEL)
    panel_w = (width - gap) / 2 if side else width
    row_h = max_height  # no row is held on its own: the whole is held to max_height below
    # Four values in one chart: a step smaller than a single chart's, so the bars keep their length.
    values = [_bar_values(ctx, name, stat, x, panel_w, row_h, "headline") for stat in stats]
    # Each group's name at the start of its bar's row, in a column as wide as the widest name.
    names = [[ctx.text_block(f"{name}-group", "label", _group_label(ctx, v.group), x, panel_w * 0.4, row_h,
                             color="text", max_lines=1, balance=False, block_role="label") for v in stat.values]
             for stat in stats]
    bar_gap = ctx.grid.size(1.2) * ctx.scale
    name_w = max(b.lines[0].width for blocks in names for b in blocks) + bar_gap
    # One value width for both panels: their tracks are equally long, so one unit is one length.
    value_w = max(b.lines[0].width for blocks in values for b in blocks)
    track_w = panel_w - name_w - value_w - bar_gap
    if track_w < panel_w * 0.3:
        raise Overflow(name, f"no room for the bars beside the names and values in {panel_w:.0f} pt")
    full = comparison_max(stats)
    order = [v.group for v in stats[0].values]
    heads = [ctx.text_block(f"{name}-label", "label", ctx.loc.text(stat.label) + marker, x, panel_w,
                            max_height, block_role="label")
             for stat, marker in zip(stats, markers, strict=True)]
    head_gap = ctx.grid.size(1.6) * ctx.scale
    head_h = max(h.box.h for h in heads) if side else 0.0  # side by side, the bars of both start level
    items: list[Item] = []
    y = 0.0
    height = 0.0
    for i, (stat, head, blocks, named) in enumerate(zip(stats, heads, values, names, strict=True)):
        rows, rows_h = _bar_rows(ctx, name, stat, blocks, x, panel_w, track_w, full, row_h,
                                 lambda _i, group: _series(ctx, order.index(group)), named)
        dx = ((1 - i if ctx.rtl else i) * (panel_w + gap)) if side else 0.0
        top = 0.0 if side else y
        items.append(shift(head, dx, top))
        rows_top = top + (head_h if side else head.box.h) + head_gap
        items += [shift(item, dx, rows_top) for item in rows]
        height = max(height, rows_top + rows_h)
        y = rows_top + rows_h + gap
    if max(height, 0.0) > max_height + 0.01:
        raise Overflow(name, f"the comparison needs {height:.0f} pt, {max_height:.0f} pt available")
    alt, long = comparison_alt(ctx.loc, ctx.campaign, stats)
    group = FigureGroup("chart", bounds(items), tuple(items), alt, long, name, ctx.loc.language,
                        comparison_table(len(stats), len(order)))
    return Placed([group], height)


def comparison_table(n_stats: int, n_groups: int) -> tuple[tuple[tuple[int, str, int], ...], ...]:
    """The comparison's labels as a table: a header row with each statistic's name over its two
    columns, then a row per group: its name and value under each statistic. Indexes count the
    chart's text blocks in the order they are placed: a statistic's name, then per group its
    name and value."""
    per = 1 + 2 * n_groups

    def cell(stat: int, offset: int, kind: str) -> tuple[int, str, int]:
        return (stat * per + offset, kind, 1)

    header = tuple((k * per, "TH", 2) for k in range(n_stats))
    rows = tuple(tuple(c for k in range(n_stats) for c in (cell(k, 1 + 2 * g, "TH"), cell(k, 2 + 2 * g, "TD")))
                 for g in range(n_groups))
    return (header, *rows)


def _to_line(block: TextBlock) -> TextBlock:
    """A one-line block whose box is its line: set in a wide box, placed by its own width."""
    line = block.lines[0]
    return replace(block, box=Rect(line.left, block.box.y, line.width, block.box.h))


# --- icon array ---------------------------------------------------------------------------------

def _circle(cx: float, cy: float, r: float) -> list[PathOp]:
    k = r * _KAPPA
    return [("M", (cx + r, cy)),
            ("C", (cx + r, cy + k, cx + k, cy + r, cx, cy + r)),
            ("C", (cx - k, cy + r, cx - r, cy + k, cx - r, cy)),
            ("C", (cx - r, cy - k, cx - k, cy - r, cx, cy - r)),
            ("C", (cx + k, cy - r, cx + r, cy - k, cx + r, cy)),
            ("Z", ())]


PERSON_SHARE = 0.84  # of its cell's side


def person_path(x: float, y: float, cell: float, inset: float = 0.0) -> tuple[PathOp, ...]:
    """A person figure in a cell: a round head over shoulders curving into a body.

    The figure keeps a margin in its cell, so that neighbours never touch. `inset` draws
    the same figure that much smaller all round: its inside, for an outlined figure."""
    pad = cell * (1 - PERSON_SHARE) / 2
    x, y, s = x + pad, y + pad, cell * PERSON_SHARE
    cx = x + s / 2
    head = _circle(cx, y + s * 0.2, s * 0.16 - inset)
    w, top, bottom = s * 0.32 - inset, y + s * 0.42 + inset, y + s * 0.96 - inset
    shoulder = s * 0.16 - inset  # the height over which the shoulders round off
    body: list[PathOp] = [
        ("M", (cx - w, bottom)),
        ("L", (cx - w, top + shoulder)),
        ("C", (cx - w, top + shoulder * 0.25, cx - w * 0.6, top, cx, top)),
        ("C", (cx + w * 0.6, top, cx + w, top + shoulder * 0.25, cx + w, top + shoulder)),
        ("L", (cx + w, bottom)),
        ("Z", ()),
    ]
    return tuple(head + body)


def outlined_person_path(x: float, y: float, cell: float, line: float) -> tuple[PathOp, ...]:
    """A person figure as an outline `line` wide: the figure with its inside cut out (even-odd).

    Drawn as a filled shape rather than a stroke: both renderers fill alike and quickly."""
    return person_path(x, y, cell) + person_path(x, y, cell, line)


def icon_count(stat: Statistic) -> int:
    """How many of 100 figures stand for the statistic's first value."""
    return min(max(round(stat.values[0].value), 0), ICONS_PER_ROW * ICON_ROWS)


def build_icon_array(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """100 person figures, the first value's share of them filled, the count written out under them."""
    stat = _need_statistic(ctx, slot)
    if stat.unit != "percent":
        raise LookupError(f"slot {slot.name!r} draws 100 figures; statistic {stat.id!r} is not a percentage")
    first = stat.values[0]
    count = icon_count(stat)
    total = ICONS_PER_ROW * ICON_ROWS
    caption_text = fill_pattern(_pattern(ctx, "icon_count"), count=ctx.loc.number(count),
                                total=ctx.loc.number(total), group=_group_label(ctx, first.group))
    gap = ctx.grid.size(1.6) * ctx.scale
    preferred = min(width / ICONS_PER_ROW, ctx.grid.size(ICON_CELL) * _chart_scale(ctx))
    # The count stands beside the figures when the column has room for it there, else under them.
    beside = width - preferred * ICONS_PER_ROW - 2 * gap >= width * 0.3
    caption_w = width - preferred * ICONS_PER_ROW - 2 * gap if beside else width
    caption = ctx.text_block(f"{slot.name}-count", "lead", caption_text, x, caption_w, max_height * 0.3,
                             color="text", block_role="label")
    below = 0.0 if beside else caption.box.h + gap
    cell = min(preferred, (max_height - below) / ICON_ROWS)
    if cell <= 0:
        raise Overflow(slot.name, "no room for the icon array")
    grid_w, grid_h = cell * ICONS_PER_ROW, cell * ICON_ROWS
    left = x + width - grid_w if ctx.rtl else x
    filled: list[PathOp] = []
    empty: list[PathOp] = []
    for n in range(total):
        row, col = divmod(n, ICONS_PER_ROW)
        if ctx.rtl:
            col = ICONS_PER_ROW - 1 - col  # fill from the top right
        at = (left + col * cell, row * cell, cell)
        if n < count:
            filled += person_path(*at)
        else:  # an outline: empty figures differ in shape, not only in colour
            empty += outlined_person_path(*at, max(cell * 0.05, 0.6))
    # One path per kind of figure: each renderer fills it in one pass (a path per figure costs
    # the PNG renderer a scan conversion each, three times a women-men card's rendering).
    items: list[Item] = []
    if filled:
        items.append(PathItem(tuple(filled), fill=_series(ctx, 0), role="figure"))
    if empty:
        items.append(PathItem(tuple(empty), fill=ctx.color("muted"), fill_rule="evenodd"))
    if beside:
        # The caption was set at the column's left edge: past the figures in ltr, up to their left in rtl.
        dx = width - grid_w - 2 * gap - caption_w if ctx.rtl else grid_w + 2 * gap
        items.append(shift(caption, dx, max((grid_h - caption.box.h) / 2, 0)))
        return _chart(ctx, slot, stat, items, max(grid_h, caption.box.h))
    items.append(shift(caption, 0, grid_h + gap))
    return _chart(ctx, slot, stat, items, grid_h + gap + caption.box.h)


# --- share ring ---------------------------------------------------------------------------------

def _arc(cx: float, cy: float, r: float, start: float, sweep: float) -> list[PathOp]:
    """Cubic segments of a circular arc from angle `start` over `sweep` (radians, clockwise on the page)."""
    ops: list[PathOp] = []
    pieces = max(1, math.ceil(abs(sweep) / (math.pi / 2) - 1e-9))
    step = sweep / pieces
    k = 4 / 3 * math.tan(step / 4)
    a = start
    for _ in range(pieces):
        b = a + step
        x0, y0 = cx + r * math.cos(a), cy + r * math.sin(a)
        x3, y3 = cx + r * math.cos(b), cy + r * math.sin(b)
        ops.append(("C", (x0 - k * r * math.sin(a), y0 + k * r * math.cos(a),
                          x3 + k * r * math.sin(b), y3 - k * r * math.cos(b), x3, y3)))
        a = b
    return ops


def ring_path(cx: float, cy: float, outer: float, inner: float) -> tuple[PathOp, ...]:
    """A full ring: two circles, the inner one cut out by the even-odd rule."""
    return tuple(_circle(cx, cy, outer) + _circle(cx, cy, inner))


def sector_path(cx: float, cy: float, outer: float, inner: float, share: float, clockwise: bool) -> tuple[PathOp, ...]:
    """The part of a ring for a share (0-1), from 12 o'clock, clockwise or counter-clockwise."""
    start = -math.pi / 2
    sweep = 2 * math.pi * share * (1 if clockwise else -1)
    ops: list[PathOp] = [("M", (cx + outer * math.cos(start), cy + outer * math.sin(start)))]
    ops += _arc(cx, cy, outer, start, sweep)
    end = start + sweep
    ops.append(("L", (cx + inner * math.cos(end), cy + inner * math.sin(end))))
    ops += _arc(cx, cy, inner, end, -sweep)
    ops.append(("Z", ()))
    return tuple(ops)


RING_INNER = 0.68  # inner radius as a share of the outer one
HOLE_FILL = 0.9  # the figure's width as a share of the hole's diameter, at most


def build_share_ring(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float, *,
                     beside: bool | None = None) -> Placed:
    """A ring whose filled part is the first value's share; the figure inside, its group's words
    beside it when the column has room for them there (or when `beside` says so), else under it."""
    stat = _need_statistic(ctx, slot)
    if stat.unit != "percent":
        raise LookupError(f"slot {slot.name!r} draws a share of a whole; statistic {stat.id!r} is not a percentage")
    first = stat.values[0]
    phrase = ctx.loc.figure_phrase(first.phrase, _value(ctx, stat, first.value))
    words = " ".join(p for p in (phrase.before, phrase.after) if p)
    gap = ctx.grid.size(1.6) * ctx.scale
    figure = ctx.text_block(f"{slot.name}-value", "secondary", phrase.figure, x, width, max(max_height * 0.3, 1.0),
                            color="text", max_lines=1, balance=False, block_role="figure", align="center")
    # The hole holds the figure with air around it: the ring is at least that large.
    needed = figure.lines[0].width / HOLE_FILL / RING_INNER
    preferred = max(min(ctx.grid.size(RING_DIAMETER) * _chart_scale(ctx), width), needed)
    # The group's words stand beside the ring when the column has room for them there, else under it.
    if beside is None:
        beside = width - preferred - gap >= width * 0.35
    label_w = width - preferred - gap if beside else width
    # Words that come before the figure in the language ("kadınların %22'si") are read before
    # the ring: at its start side (set toward it), or above it; the others after it.
    words_first = bool(phrase.before) and not phrase.after
    label = ctx.text_block(f"{slot.name}-group", "lead", words, x, label_w, max_height * 0.4, color="text",
                           block_role="label", align="end" if words_first and beside else "start",
                           balance=True) if words else None
    label_h = label.box.h + gap if label and not beside else 0.0
    room = min(width, max_height - label_h)
    diameter = min(preferred, room)
    if diameter < needed:
        raise Overflow(slot.name, f"a ring around {phrase.figure} needs {needed:.0f} pt, {room:.0f} pt available")
    outer = diameter / 2
    inner = outer * RING_INNER
    ring_at_start = not (words_first and beside)
    cx = x + outer if ring_at_start != ctx.rtl else x + width - outer
    ring_top = label_h if words_first and not beside else 0.0
    cy = ring_top + outer
    moved = shift(figure, cx - (figure.box.x + figure.box.w / 2), 0)
    assert isinstance(moved, TextBlock)
    figure = _to_line(moved)  # the box shrinks to the figure's line, which sits in the hole
    ink = _by_ink(figure)
    value_block = ink.items[0]
    items: list[Item] = [
        PathItem(ring_path(cx, cy, outer, inner), fill=_track(ctx), fill_rule="evenodd"),
        PathItem(sector_path(cx, cy, outer, inner, min(max(first.value / 100, 0.0), 1.0), not ctx.rtl),
                 fill=_series(ctx, 0), role="figure"),
        shift(value_block, 0, cy - ink.height / 2),
    ]
    height = diameter + label_h
    if label and beside:
        # The block was set at x, label_w wide: it goes to the column's other side from the ring.
        label_at_left = ring_at_start == ctx.rtl
        dx = 0.0 if label_at_left else width - label_w
        items.append(shift(label, dx, max((diameter - label.box.h) / 2, 0)))
        height = max(diameter, label.box.h)
    elif label:
        items.append(shift(label, 0, 0.0 if words_first else diameter + gap))
    return _chart(ctx, slot, stat, items, height)


# --- statement panel ----------------------------------------------------------------------------

def build_statement(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """A finding without a number: its text set large under a short bar in the first series colour."""
    statement = ctx.subject.statement
    if statement is None:
        raise LookupError(f"slot {slot.name!r} shows {slot.content} but the design has no statement")
    bar_w, bar_h = ctx.grid.size(12.0) * ctx.scale, ctx.grid.size(1.2) * ctx.scale
    gap = ctx.grid.size(2.4) * ctx.scale
    block = ctx.text_block(slot.name, slot.role, ctx.loc.text(statement.text), x, width, max_height - bar_h - gap,
                           max_lines=slot.max_lines, block_role="paragraph")
    bar = Fill(Rect(x + width - bar_w if ctx.rtl else x, 0, bar_w, bar_h), _series(ctx, 0))  # at the start side
    return Placed([bar, shift(block, 0, bar_h + gap)], bar_h + gap + block.box.h)
