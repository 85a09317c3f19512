"""CS109: a brand kit's colour pairs that carry text pass WCAG contrast, checked when the brand is loaded."""

from __future__ import annotations

from campaign_studio.checks.contrast import contrast_ratio, format_ratio, nearest_passing_shade, passes
from campaign_studio.checks.registry import Level
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics
from campaign_studio.model.template import Brand

CODE = "CS109"
REFERENCE = "WCAG 2.1 SC 1.4.3"

# (text colour role, background role): every pair the templates draw text with. The accent
# carries normal-size labels and calls to action, so it is held to the normal-text level too.
TEXT_PAIRS = (
    ("text", "background"),
    ("muted", "background"),
    ("accent", "background"),
    ("panel_text", "panel"),
)


def check_brand(brand: Brand, level: Level = "AA") -> Diagnostics:
    needed = 7.0 if level == "AAA" else 4.5
    out = Diagnostics()
    for fg_role, bg_role in TEXT_PAIRS:
        fg, bg = brand.colors.get(fg_role), brand.colors.get(bg_role)
        if fg is None or bg is None:
            continue
        ratio = contrast_ratio(fg, bg)
        if passes(ratio, needed):
            continue
        shade = nearest_passing_shade(fg, bg, needed)
        fix = (f"use {shade.hex} for {fg_role}, the nearest shade of {fg.hex} that reaches {needed:g}:1 on {bg.hex}"
               if shade else f"no shade of {fg.hex} reaches {needed:g}:1 on {bg.hex}: change {bg_role}")
        out.append(Diagnostic(
            "error",
            f"brand-contrast: brand {brand.id!r}: {fg_role} {fg.hex} on {bg_role} {bg.hex} has contrast "
            f"{format_ratio(ratio, needed)}, text needs at least {needed:g}:1 (level {level}) [{REFERENCE}]",
            brand.color_locations.get(fg_role), key_path=f"colors.{fg_role}", hint=fix, code=CODE))
    return out
