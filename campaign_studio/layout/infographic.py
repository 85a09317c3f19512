"""An infographic's blocks: several figures, each its chart with its definition and source, and
the programme's action lines as one numbered list.

The figures are the design's statistics in the order given (`--stat`, or the campaign's):
- two statistics in a row with the same groups (women, men) and unit become one comparison
  on a shared scale (charts.build_comparison_chart);
- two single shares in a row stand side by side as rings, so they read as a pair;
- another statistic with several groups becomes paired bars, a single share an icon array.
Under each chart stand its footnote (definition and population, marked * and ** when a chart
shows two statistics with different definitions) and its source, once when both share it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from campaign_studio.layout.blocks import Ctx, Overflow, Placed, Subject, _stack
from campaign_studio.layout.charts import (
    build_bars,
    build_comparison_chart,
    build_icon_array,
    build_share_ring,
    column_gap,
    comparable,
)
from campaign_studio.layout.geometry import shift
from campaign_studio.model.campaign import Statistic
from campaign_studio.model.pagetree import Item
from campaign_studio.model.template import Slot

MARKERS = ("*", "**")


@dataclass(frozen=True)
class Figure:
    """One chart of an infographic and the statistics it shows: kind is comparison, rings, bars or icons."""

    kind: str
    stats: tuple[Statistic, ...]


def _single_share(stat: Statistic) -> bool:
    return stat.unit == "percent" and len(stat.values) == 1


def plan_figures(stats: tuple[Statistic, ...]) -> list[Figure]:
    """The charts that show the statistics, in their order (see the module's docstring)."""
    figures: list[Figure] = []
    i = 0
    while i < len(stats):
        stat, nxt = stats[i], stats[i + 1] if i + 1 < len(stats) else None
        if nxt is not None and comparable(stat, nxt):
            figures.append(Figure("comparison", (stat, nxt)))
            i += 2
        elif nxt is not None and _single_share(stat) and _single_share(nxt):
            figures.append(Figure("rings", (stat, nxt)))
            i += 2
        else:
            figures.append(Figure("icons" if _single_share(stat) else "bars", (stat,)))
            i += 1
    return figures


def shown_statistics(subject: Subject, dropped: str) -> tuple[Statistic, ...]:
    """The statistics a laid-out design shows (page metadata "dropped" says whether all but the first
    figure of the default set gave way): its data table has a row for each of their values."""
    if "figures-rest" in dropped.split(",") and subject.statistics:
        return plan_figures(subject.statistics)[0].stats
    return subject.figures


def _definition(ctx: Ctx, stat: Statistic) -> str:
    return f"{ctx.loc.text(stat.definition)} {ctx.loc.text(stat.population).rstrip('.')}."


def _markers(ctx: Ctx, figure: Figure) -> tuple[str, ...]:
    """The footnote marker of each statistic of a chart: one for all when they share their footnote."""
    if len({_definition(ctx, s) for s in figure.stats}) == 1:
        return tuple(MARKERS[0] for _ in figure.stats)
    return MARKERS[: len(figure.stats)]


def _notes(ctx: Ctx, slot: Slot, figure: Figure, markers: tuple[str, ...], x: float, width: float,
           max_height: float) -> list[Placed]:
    """A chart's footnotes (each definition once, with its marker) and its sources (each once)."""
    texts = list(dict.fromkeys(f"{m} {_definition(ctx, s)}" for s, m in zip(figure.stats, markers, strict=True)))
    texts += list(dict.fromkeys(ctx.loc.text(ctx.campaign.source(s.source).citation) for s in figure.stats))
    parts = []
    for text in texts:
        block = ctx.text_block(f"{slot.name}-note", "footnote", text, x, width, max_height)
        parts.append(Placed([block], block.box.h))
    return parts


def _one(ctx: Ctx, stat: Statistic) -> Ctx:
    """The context of a chart that shows one statistic (the single-chart builders read ctx.subject)."""
    return replace(ctx, subject=Subject(statistic=stat))


def _head(ctx: Ctx, slot: Slot, stat: Statistic, marker: str, x: float, width: float, max_height: float) -> Placed:
    """A chart's statistic by name, with its footnote marker."""
    head = ctx.text_block(f"{slot.name}-label", "label", ctx.loc.text(stat.label) + marker, x, width, max_height)
    return Placed([head], head.box.h)


RING_SHARE = 1.0  # of its half of the column (smaller, a wide figure such as Turkish "%71'i" cannot grow with the page)


def _chart(ctx: Ctx, slot: Slot, figure: Figure, markers: tuple[str, ...], x: float, width: float,
           max_height: float) -> Placed:
    one = Slot(f"{slot.name}-chart", slot.kind, "statistic.values", slot.role, True, 1.0, None, slot.location)
    gap = ctx.grid.size(1.6) * ctx.scale
    if figure.kind == "comparison":
        first, second = figure.stats
        return build_comparison_chart(ctx, one.name, (first, second), (markers[0], markers[1]), x, width,
                                      max_height)
    if figure.kind == "rings":
        half = (width - column_gap(ctx)) / 2
        starts = [x + ((1 - i) if ctx.rtl else i) * (width - half) for i in range(2)]  # the first at the start side
        heads = [_head(ctx, slot, s, m, at, half, max_height) for s, m, at in zip(figure.stats, markers, starts,
                                                                                 strict=True)]
        level = max(h.height for h in heads) + gap  # both rings start level under their names
        items: list[Item] = []
        height = 0.0
        for stat, head, at in zip(figure.stats, heads, starts, strict=True):
            ring_w = half * RING_SHARE
            # the group's words under the ring: beside it, half a column is too narrow for them
            ring = build_share_ring(_one(ctx, stat), one, at + (half - ring_w if ctx.rtl else 0.0), ring_w,
                                    max_height * 0.7, beside=False)
            items += head.items + [shift(i, 0, level) for i in ring.items]
            height = max(height, level + ring.height)
        return Placed(items, height)
    stat = figure.stats[0]
    build = build_icon_array if figure.kind == "icons" else build_bars
    chart = build(_one(ctx, stat), one, x, width, max_height * 0.7)
    return _stack([_head(ctx, slot, stat, markers[0], x, width, max_height), chart], gap)


def build_figures(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """Every figure of the design, each its chart with its footnotes and sources under it."""
    stats = ctx.subject.statistics
    if not stats:
        raise LookupError(f"slot {slot.name!r} shows {slot.content} but the design has no statistics")
    figures = plan_figures(stats)
    if f"{slot.name}-rest" in ctx.dropped:  # the engine leaves out all but the first (engine.FIGURES_REST)
        figures = figures[:1]
    each = max_height * 0.6  # what one figure may take at most; the whole is held to max_height below
    gap = ctx.grid.size(2.4) * ctx.scale
    parts = []
    for figure in figures:
        markers = _markers(ctx, figure)
        chart = _chart(ctx, slot, figure, markers, x, width, each)
        notes = _notes(ctx, slot, figure, markers, x, width, each)
        parts.append(_stack([chart, _stack(notes, gap * 0.3)], gap))
    placed = _stack(parts, gap * 2.0)
    if placed.height > max_height + 0.01:
        raise Overflow(slot.name, f"{len(figures)} figures need {placed.height:.0f} pt, {max_height:.0f} pt available")
    return placed


def action_lines_text(ctx: Ctx) -> str:
    """The programme's action lines, one numbered item a line (a list in the PDF's structure)."""
    return "\n".join(f"{ctx.loc.isolate(ctx.loc.number(line.number))}. {ctx.loc.text(line.text)}"
                     for line in ctx.campaign.action_lines)


def build_action_lines(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The action lines under the programme's name, whose lines they are."""
    head = ctx.text_block(f"{slot.name}-heading", "label", ctx.loc.text(ctx.campaign.programme.name), x, width,
                          max_height * 0.3, block_role="heading", balance=True)
    block = ctx.text_block(slot.name, slot.role, action_lines_text(ctx), x, width, max_height - head.box.h,
                           block_role="list")
    return _stack([Placed([head], head.box.h), Placed([block], block.box.h)], ctx.grid.size(1.2) * ctx.scale)

