"""CS103 text size, CS104 glyph coverage, CS105 language of every text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from campaign_studio.checks.registry import CheckContext, Finding, rule
from campaign_studio.checks.sizes import (
    POSTER_MIN_PT,
    SCRIPTS_WITHOUT_CAPITALS,
    font_heights,
    poster_min_mm,
    pt_to_mm,
    social_min_px,
)
from campaign_studio.model.pagetree import Page

# BCP 47 as far as we use it: a 2-3 letter language, optional script and region subtags
_BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")


@rule("CS103", "text-size", "WCAG 2.1 SC 1.4.4 / VISUAL-GUIDE minimum sizes",
      "make the slot's text role larger in templates/styles.yaml, or shorten the text so it fits larger")
def text_size(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    fmt = ctx.format
    for block in page.text_blocks():
        runs = [r for line in block.lines for r in line.runs if r.text.strip()]
        if not runs:
            continue
        if fmt.kind == "social":
            least = min(r.size for r in runs)
            needed = social_min_px(fmt)
            if least < needed - 0.01:
                yield Finding(f"text is {least:.1f} px, the smallest allowed on a {fmt.width:g} px wide card is "
                              f"{needed:.1f} px", block.slot)
            continue
        for run in runs:
            cap, xh, _bold = font_heights(run.font.path)
            use_x = run.script in SCRIPTS_WITHOUT_CAPITALS
            height_mm = pt_to_mm(run.size * (xh if use_x else cap))
            needed_mm = poster_min_mm(fmt)
            if run.size < POSTER_MIN_PT - 0.01:
                yield Finding(f"text is {run.size:.1f} pt, never under {POSTER_MIN_PT:g} pt in print", block.slot)
                break
            if height_mm < needed_mm - 0.005:
                what = "x-height" if use_x else "cap height"
                yield Finding(f"{what} {height_mm:.2f} mm at {run.size:.1f} pt is too small to read from "
                              f"{fmt.reading_distance_m:g} m: needs {needed_mm:.2f} mm (1.45 mm per metre)", block.slot)
                break


@rule("CS104", "glyph-coverage", "PDF/UA-1 7.21.7 / WCAG 2.1 SC 1.1.1",
      "use a font that covers this script (see the brand's fonts), or correct the character in the text")
def glyph_coverage(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    for block in page.text_blocks():
        missing: list[str] = []
        for line in block.lines:
            for run in line.runs:
                for glyph in run.glyphs:
                    if glyph.gid == 0 and 0 <= glyph.cluster < len(run.text):
                        ch = run.text[glyph.cluster]
                        tag = f"{ch!r} (U+{ord(ch):04X}) in {run.font.key}"
                        if tag not in missing:
                            missing.append(tag)
        if missing:
            yield Finding("no glyph for " + ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else ""), block.slot)


@rule("CS105", "language", "WCAG 2.1 SC 3.1.1 / 3.1.2, PDF/UA-1 7.2",
      "give the page and every text block a language code (BCP 47, e.g. 'nl', 'ar')")
def language(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    if not _BCP47.match(page.language or ""):
        yield Finding(f"the page's language {page.language!r} is not a language code")
    for block in page.text_blocks():
        bad = {r.language for line in block.lines for r in line.runs if not _BCP47.match(r.language or "")}
        if not _BCP47.match(block.language or ""):
            bad.add(block.language)
        if bad:
            yield Finding("text without a valid language: " + ", ".join(sorted(repr(b) for b in bad)), block.slot)
