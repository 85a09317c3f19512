"""Figure builders: the hero figure with its group, and groups compared as figures and bars."""

from __future__ import annotations

from dataclasses import replace

from campaign_studio.layout.blocks import Ctx, Placed, _need_statistic, _stack
from campaign_studio.layout.geometry import shift
from campaign_studio.layout.ink import ink_extent
from campaign_studio.layout.localise import FigurePhrase
from campaign_studio.model.campaign import Statistic, StatValue
from campaign_studio.model.pagetree import Color, Fill, Item, Rect, TextBlock
from campaign_studio.model.template import Slot


def build_figure(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """The hero figure with its group in words around it in reading order, then the other groups smaller."""
    stat = _need_statistic(ctx, slot)
    first, *others = stat.values
    phrase = ctx.loc.figure_phrase(first.phrase, _value(ctx, stat, first.value))
    hero = ctx.text_block(slot.name, "hero", phrase.figure, x, width, max_height * 0.8, max_lines=1, balance=False)
    parts = [*_group_words(ctx, f"{slot.name}-group", phrase.before, x, width, max_height * 0.4),
             _by_ink(hero),
             *_group_words(ctx, f"{slot.name}-group", phrase.after, x, width, max_height * 0.4)]
    for value in others:
        whole = ctx.loc.figure_phrase(value.phrase, _value(ctx, stat, value.value)).whole
        other = ctx.text_block(f"{slot.name}-other", "label", whole, x, width, max_height * 0.4, color="text",
                               block_role="figure")
        parts.append(Placed([other], other.box.h))
    gap = ctx.grid.size(1.6) * ctx.scale
    return _stack(parts, gap)


def _group_words(ctx: Ctx, name: str, words: str, x: float, width: float, max_height: float) -> list[Placed]:
    """The group's words beside a large figure ("van de vrouwen"), or nothing when the phrase has none there."""
    if not words:
        return []
    # Balanced: a short phrase broken in two keeps its words together ("van de / vrouwen", not "van / de vrouwen").
    label = ctx.text_block(name, "lead", words, x, width, max_height, color="text", block_role="label", balance=True)
    return [Placed([label], label.box.h)]


def _by_ink(block: TextBlock, extent: tuple[float, float] | None = None) -> Placed:
    """A large figure placed by its ink: its box and line trimmed to the height of its glyphs.

    A figure's line box has room for accents above and descenders below that digits and
    percent signs do not use (at hero size, a third of the line in Latin, more in Arabic);
    placed by that box, the group's words would float far from the figure they belong to.
    Like CSS text-box-trim, the trimmed box still holds every glyph. `extent` (ink above
    and below the baseline) lets figures side by side share one height.
    """
    above, below = extent or _ink_from_baseline(block)
    first, last = block.lines[0], block.lines[-1]
    top, bottom = first.baseline - above, last.baseline + below
    lines = list(block.lines)
    lines[0] = replace(lines[0], ascent=above)
    lines[-1] = replace(lines[-1], descent=below)
    tight = replace(block, box=Rect(block.box.x, top, block.box.w, bottom - top), lines=tuple(lines))
    return Placed([shift(tight, 0, -top)], bottom - top)


def _ink_from_baseline(block: TextBlock) -> tuple[float, float]:
    """How far a block's ink reaches above its first baseline and below its last."""
    top, bottom = ink_extent(block)
    return block.lines[0].baseline - top, bottom - block.lines[-1].baseline


def _value(ctx: Ctx, stat: Statistic, value: float) -> str:
    return ctx.loc.percent(value) if stat.unit == "percent" else ctx.loc.number(value)


def build_comparison(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    """Each group's figure with its words around it in reading order, then a bar on a common 0-100 scale.

    Groups are stacked on tall formats and stand side by side on square and wide ones,
    where height is scarce; side by side, the first group is at the start side, and the
    figures share one ink height so that their baselines, words and bars line up.
    """
    stat = _need_statistic(ctx, slot)
    n = len(stat.values)
    side = n > 1 and ctx.grid.page.w >= ctx.grid.page.h
    gap = ctx.grid.size(3.2) * ctx.scale
    cell_w = (width - gap * (n - 1)) / n if side else width
    cell_h = max_height if side else max_height / max(n, 1)
    phrases = [ctx.loc.figure_phrase(value.phrase, _value(ctx, stat, value.value)) for value in stat.values]

    def set_figures() -> list[TextBlock]:
        return [ctx.text_block(f"{slot.name}-value", "figures", phrase.figure, x, cell_w, cell_h * 0.7,
                               color=_series_color(i), max_lines=1, balance=False, block_role="figure")
                for i, phrase in enumerate(phrases)]

    blocks = set_figures()
    smallest = min(b.size for b in blocks)
    if max(b.size for b in blocks) > smallest + 0.01:
        # Figures compared are set at one size: the one that had to shrink to fit its cell sets it.
        scale = ctx.scale
        ctx.scale = smallest / ctx.grid.size(ctx.roles["figures"].size)
        try:
            blocks = set_figures()
        finally:
            ctx.scale = scale
    figures = list(zip(phrases, blocks, strict=True))
    extents = [_ink_from_baseline(block) for _, block in figures]
    common = (max(a for a, _ in extents), max(b for _, b in extents)) if side else None
    cells = [_comparison_row(ctx, slot, stat, i, value, phrase, block, common, x, cell_w, cell_h)
             for i, (value, (phrase, block)) in enumerate(zip(stat.values, figures, strict=True))]
    if not side:
        return _stack(cells, gap)
    items: list[Item] = []
    for i, cell in enumerate(cells):
        offset = (n - 1 - i if ctx.rtl else i) * (cell_w + gap)
        items += [shift(item, offset, 0) for item in cell.items]
    return Placed(items, max(c.height for c in cells))


_AIR_UNDER_WORDS = 0.25  # em: about a text line's descent


def _series_color(index: int) -> str:
    return ("accent", "text")[index % 2]  # series differ in lightness as well as hue


def _comparison_row(ctx: Ctx, slot: Slot, stat: Statistic, index: int, stat_value: StatValue, phrase: FigurePhrase,
                    figure: TextBlock, ink: tuple[float, float] | None, x: float, width: float,
                    height: float) -> Placed:
    """A group's figure with its words before and after it in reading order, then its bar."""
    value = stat_value.value
    before = _group_words(ctx, f"{slot.name}-group", phrase.before, x, width, height * 0.5)
    after = _group_words(ctx, f"{slot.name}-group", phrase.after, x, width, height * 0.5)
    bar_h = figure.size * 0.32
    track = Fill(Rect(x, 0, width, bar_h), _tint(ctx.color("text"), ctx.color("background"), 0.12))
    fraction = min(max(value / 100 if stat.unit == "percent" else 1.0, 0.0), 1.0)
    bar_w = max(width * fraction, bar_h * 0.25)
    bar_x = x + width - bar_w if ctx.rtl else x  # bars grow from the start side
    bar = Fill(Rect(bar_x, 0, bar_w, bar_h), ctx.color(_series_color(index)), role="figure")
    gap = ctx.grid.size(0.8) * ctx.scale
    words = _stack([*before, _by_ink(figure, ink), *after], gap)
    # Words end in a line box with room under their letters, a figure at its ink: the bar gets the same air.
    bar_gap = gap if after else gap + figure.size * _AIR_UNDER_WORDS
    return _stack([words, Placed([track, bar], bar_h)], bar_gap)


def _tint(color: Color, background: Color, amount: float) -> Color:
    r, g, b = (round(bg + (c - bg) * amount) for c, bg in zip(color.rgb, background.rgb, strict=True))
    return Color(r, g, b)
