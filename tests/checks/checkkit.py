"""Page trees built by hand for the rule tests: a block of text, fills, charts, in the model's own types."""

from __future__ import annotations

from pathlib import Path

from campaign_studio.checks import CheckContext, run_checks
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.model.pagetree import (
    Color,
    FigureGroup,
    Fill,
    FontRef,
    Glyph,
    GlyphRun,
    Item,
    Page,
    Rect,
    TextBlock,
    TextLine,
)
from campaign_studio.resources import fonts_dir

WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)
NAVY = Color.from_hex("#154273")
REGULAR = FontRef("NotoSans-Regular", fonts_dir() / "NotoSans-Regular.ttf")
BOLD = FontRef("NotoSans-Bold", fonts_dir() / "NotoSans-Bold.ttf")


def block(text: str = "Praat erover", *, x: float = 100, y: float = 100, size: float = 40, color: Color = NAVY,
          slot: str = "body", role: str = "paragraph", language: str = "nl", font: FontRef = REGULAR,
          gids: tuple[int, ...] | None = None, script: str = "Latn") -> TextBlock:
    """One line of text; glyph ids 1.. unless given (0 is .notdef, a missing glyph)."""
    width = 0.5 * size * len(text)
    gids = gids if gids is not None else tuple(i + 1 for i in range(len(text)))
    glyphs = tuple(Glyph(g, i, width / len(text)) for i, g in enumerate(gids))
    run = GlyphRun(x, y + size, text, font, size, "ltr", script, language, width, glyphs, color)
    line = TextLine((run,), y + size, x, width, 0.9 * size, 0.25 * size)
    return TextBlock(slot, role, language, text, Rect(x, y, width, 1.15 * size), (line,), size)


def page(*items: Item, background: Color = WHITE, width: float = 1080, height: float = 1350, language: str = "nl",
         alt: str = "Een kaart", long_alt: str = "") -> Page:
    return Page(width, height, background, tuple(items), language, "Test", alt=alt, long_alt=long_alt)


def chart(*items: Item, alt: str = "Staafdiagram: 22% van de vrouwen, 6% van de mannen", long_alt: str = "") -> FigureGroup:
    return FigureGroup("chart", Rect(50, 50, 900, 600), tuple(items), alt=alt, long_alt=long_alt, slot="chart",
                       language="nl")


def bar(x: float, y: float, w: float, color: Color, role: str = "figure") -> Fill:
    return Fill(Rect(x, y, w, 40), color, role)


def check(p: Page, rule: str, fmt: str = "post-4x5", level: str = "AA") -> Diagnostics:
    ctx = CheckContext("test-template", load_formats()[fmt], p.language, Path("templates/test.yaml"), level)  # type: ignore[arg-type]
    return run_checks(p, ctx, only=[rule])
