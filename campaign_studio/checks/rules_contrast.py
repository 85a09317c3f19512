"""CS101 text contrast and CS102 graphic contrast, against the colours actually behind each item."""

from __future__ import annotations

from collections.abc import Iterator

from campaign_studio.checks.backdrop import colors_behind
from campaign_studio.checks.contrast import contrast_ratio, format_ratio, nearest_passing_shade, passes
from campaign_studio.checks.registry import CheckContext, Finding, rule
from campaign_studio.checks.sizes import font_heights, is_large
from campaign_studio.model.pagetree import Color, FigureGroup, Fill, Item, Page, PathItem, QRCode, Rect, TextBlock

# roles that are backgrounds or ornament, not information (WCAG 1.4.11 asks nothing of them)
EXEMPT_GRAPHIC_ROLES = {"decoration", "panel", "background", "artifact"}


def text_threshold(large: bool, ctx: CheckContext) -> float:
    if ctx.level == "AAA":
        return 4.5 if large else 7.0
    return 3.0 if large else 4.5


def _paint_order(page: Page) -> list[Item]:
    return page.walk()


@rule("CS101", "text-contrast", "WCAG 2.1 SC 1.4.3 (AA) / 1.4.6 (AAA)",
      "darken or lighten the text colour in the brand kit, or place the text on a panel with more contrast")
def text_contrast(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    items = _paint_order(page)
    for index, block in enumerate(items):
        if not isinstance(block, TextBlock):
            continue
        below = items[:index]
        worst: tuple[float, Color, Color, float, bool] | None = None
        for line in block.lines:
            for run in line.runs:
                if not run.text.strip():
                    continue
                box = Rect(run.x, line.baseline - line.ascent, run.width, line.ascent + line.descent)
                large = is_large(run.size, font_heights(run.font.path)[2], ctx.format)
                needed = text_threshold(large, ctx)
                for bg in colors_behind(page, below, box):
                    ratio = contrast_ratio(run.color, bg)
                    if not passes(ratio, needed) and (worst is None or ratio < worst[0]):
                        worst = (ratio, run.color, bg, needed, large)
        if worst:
            ratio, fg, bg, needed, large = worst
            shade = nearest_passing_shade(fg, bg, needed)
            yield Finding(
                f"text {fg.hex} on {bg.hex} has contrast {format_ratio(ratio, needed)}, needs {needed:g}:1 "
                f"({'large' if large else 'normal'} text, "
                f"level {ctx.level})",
                block.slot,
                hint=f"use {shade.hex} (nearest shade of {fg.hex} that passes) or a darker/lighter background"
                if shade else "change the background: no shade of the text colour passes on it",
            )


def _graphic_color(item: Item) -> list[Color]:
    if isinstance(item, Fill):
        return [item.color]
    if isinstance(item, PathItem):
        return [c for c in (item.fill, item.stroke) if c is not None]
    return []


def _meaningful(items: list[Item]) -> list[tuple[int, Item]]:
    """Graphics that carry information: not decoration, and not inside a decorative figure group."""
    out: list[tuple[int, Item]] = []
    decorative_boxes = [g.box for g in items if isinstance(g, FigureGroup) and g.role == "decoration"]
    for i, item in enumerate(items):
        if not isinstance(item, Fill | PathItem | QRCode) or item.role in EXEMPT_GRAPHIC_ROLES:
            continue
        if any(b.contains(item.box) for b in decorative_boxes):
            continue
        out.append((i, item))
    return out


@rule("CS102", "graphic-contrast", "WCAG 2.1 SC 1.4.11",
      "give chart marks, icons and QR codes a colour with at least 3:1 against what is behind them, "
      "or mark a purely decorative shape as role 'decoration'")
def graphic_contrast(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    items = _paint_order(page)
    for index, item in _meaningful(items):
        label = getattr(item, "role", "figure")
        if isinstance(item, QRCode):
            ratio = contrast_ratio(item.dark, item.light)
            if not passes(ratio, 3.0):
                yield Finding(f"QR code modules {item.dark.hex} on {item.light.hex} have contrast {format_ratio(ratio, 3.0)}, "
                              "needs 3:1", hint="draw QR codes dark on light, e.g. the text colour on white")
            continue
        for color in _graphic_color(item):
            for bg in colors_behind(page, items[:index], item.box):
                ratio = contrast_ratio(color, bg)
                if not passes(ratio, 3.0):
                    shade = nearest_passing_shade(color, bg, 3.0)
                    yield Finding(f"{label} mark {color.hex} on {bg.hex} has contrast {format_ratio(ratio, 3.0)}, needs 3:1",
                                  hint=f"use {shade.hex} (nearest passing shade)" if shade else "")
                    break
