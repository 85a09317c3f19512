"""Figure builders: the hero figure with its group, and groups compared as figures and bars."""

from __future__ import annotations

from campaign_studio.layout.blocks import Ctx, Placed, _need_statistic, _stack
from campaign_studio.layout.geometry import shift
from campaign_studio.model.campaign import Statistic
from campaign_studio.model.pagetree import Color, Fill, Item, Rect
from campaign_studio.model.template import Slot


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
