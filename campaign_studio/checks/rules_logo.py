"""CS115: a raster logo on a print design has the resolution print needs at the size it is drawn."""

from __future__ import annotations

from collections.abc import Iterator

from campaign_studio.checks.registry import CheckContext, Finding, rule
from campaign_studio.content.logos import logo_info
from campaign_studio.layout.logo_resolution import effective_dpi, required_dpi
from campaign_studio.model.pagetree import ImageItem, Page


@rule("CS115", "logo-resolution", "print practice: 300 dpi, 150 dpi for A2 and larger (CONTENT-NOTES)",
      "give a larger raster logo, or the logo as SVG (sharp at any size)")
def logo_resolution(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.format.kind != "print":
        return
    for item in page.walk():
        if not isinstance(item, ImageItem) or item.box.h <= 0:
            continue
        logo = logo_info(item.path)
        if logo.vector:
            continue
        dpi = min(effective_dpi(logo.height, item.box.h), effective_dpi(logo.width, item.box.w))
        needed = required_dpi(ctx.format)
        if dpi < needed - 0.5:
            yield Finding(f"logo {item.path.name} ({logo.width:.0f} × {logo.height:.0f} px) prints at {dpi:.0f} dpi "
                          f"effective, {item.box.h / 72 * 25.4:.0f} mm high; print needs {needed:.0f} dpi",
                          severity="warning",
                          hint=f"give a logo at least {logo.height * needed / dpi:.0f} pixels high, or an SVG")
