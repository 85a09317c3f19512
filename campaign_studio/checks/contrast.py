"""WCAG 2 contrast: relative luminance, contrast ratio, and the nearest shade that passes."""

from __future__ import annotations

from campaign_studio.model.pagetree import Color


def _linear(channel: int) -> float:
    # WCAG 2.x relative luminance definition (sRGB, threshold 0.04045 as in IEC 61966-2-1)
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Color) -> float:
    return 0.2126 * _linear(color.r) + 0.7152 * _linear(color.g) + 0.0722 * _linear(color.b)


def contrast_ratio(a: Color, b: Color) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def passes(ratio: float, needed: float) -> bool:
    """WCAG does not round: 4.49:1 fails 4.5:1. A hair of float tolerance only."""
    return ratio >= needed - 1e-9


def format_ratio(ratio: float, needed: float) -> str:
    """'1.92:1' as contrast checkers print it, with a third decimal where rounding would seem to pass (4.497 -> 4.497:1)."""
    shown = f"{ratio:.2f}"
    if not passes(ratio, needed) and float(shown) >= needed:
        shown = f"{int(ratio * 1000) / 1000:.3f}"
    return f"{shown}:1"


def _mix(color: Color, target: int, t: float) -> Color:
    r, g, b = (round(c + (target - c) * t) for c in color.rgb)
    return Color(r, g, b)


def nearest_passing_shade(text: Color, background: Color, needed: float) -> Color | None:
    """The least change of `text` that reaches `needed` against `background`, or None if none exists.

    The text colour is mixed toward black or toward white (which keeps its hue; only its
    lightness and saturation change); of the two directions that reach the ratio, the one
    needing the smaller mix wins. Binary search on the mix amount, then the rounded colour
    is verified, so the suggestion always passes.
    """
    best: tuple[float, Color] | None = None
    for target in (0, 255):
        if not passes(contrast_ratio(_mix(text, target, 1.0), background), needed):
            continue
        lo, hi = 0.0, 1.0
        for _ in range(30):
            mid = (lo + hi) / 2
            if passes(contrast_ratio(_mix(text, target, mid), background), needed):
                hi = mid
            else:
                lo = mid
        shade = _mix(text, target, hi)
        while not passes(contrast_ratio(shade, background), needed) and hi < 1.0:
            hi = min(1.0, hi + 0.002)
            shade = _mix(text, target, hi)
        if best is None or hi < best[0]:
            best = (hi, shade)
    return best[1] if best else None
