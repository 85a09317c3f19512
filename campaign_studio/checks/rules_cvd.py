"""CS107: meaning not by colour alone; chart series distinguishable under simulated colour-vision deficiencies.

Threshold: CIEDE2000 ≥ 10 between every two series colours, for normal vision and under
simulated protanopia, deuteranopia and tritanopia (Machado 2009 at full severity). A ΔE00
around 1-2 is a just-noticeable difference for large flat patches side by side; chart marks
are small, apart and compared from memory across a legend, where Szafir (2018, "Modeling
Color Difference for Visualization Design") measured that the needed difference grows to
roughly 5-10 for small marks. 10 keeps series apart at a glance with margin.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from campaign_studio.checks.cvd import ciede2000, simulate
from campaign_studio.checks.registry import CheckContext, Finding, rule
from campaign_studio.model.pagetree import Color, FigureGroup, Fill, Page, PathItem, TextBlock, walk

MIN_DELTA_E00 = 10.0
VISIONS = ("normal vision", "protanopia", "deuteranopia", "tritanopia")


def series_colors(group: FigureGroup) -> dict[str, Color]:
    """The first colour of each data series (marks with role 'series-N') in a chart group."""
    found: dict[str, Color] = {}
    for item in walk(group.items):
        if isinstance(item, Fill | PathItem) and item.role.startswith("series-"):
            color = item.color if isinstance(item, Fill) else (item.fill or item.stroke)
            if color is not None:
                found.setdefault(item.role, color)
    return found


@rule("CS107", "colour-alone", "WCAG 2.1 SC 1.4.1",
      "choose series colours that differ in lightness too, or label each series directly in the chart")
def colour_alone(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    for group in (i for i in page.walk() if isinstance(i, FigureGroup) and i.role == "chart"):
        series = series_colors(group)
        if len(series) < 2:
            continue
        labels = [i for i in walk(group.items) if isinstance(i, TextBlock) and i.text.strip()]
        if not labels:
            yield Finding(f"{len(series)} series told apart by colour only: the chart has no text labels", group.slot,
                          hint="label every series (its name and value) next to its marks, or add a text legend")
        for (na, ca), (nb, cb) in combinations(sorted(series.items()), 2):
            for vision in VISIONS:
                sa, sb = (ca, cb) if vision == "normal vision" else (simulate(ca, vision), simulate(cb, vision))  # type: ignore[arg-type]
                delta = ciede2000(sa, sb)
                if delta < MIN_DELTA_E00:
                    yield Finding(f"{na} {ca.hex} and {nb} {cb.hex} differ by ΔE00 {delta:.1f} under {vision} "
                                  f"(seen as {sa.hex} and {sb.hex}), need {MIN_DELTA_E00:g}", group.slot)
                    break
