"""Text engine: fonts and script fallback, bidi, shaping, line breaking, hyphenation, fitting.

Layout calls set_text / fit_text and gets positioned glyph runs for the page tree;
renderers draw those runs and never measure text again.

The font and shaping code (uharfbuzz, fontTools) loads on first use (PEP 562
`__getattr__`), so importing a light module of this package (case, bidi) does not pull it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaign_studio.lazy import lazy_exports

if TYPE_CHECKING:
    from campaign_studio.text.fonts import FontLibrary, MissingGlyphError
    from campaign_studio.text.setter import FitResult, SetText, TextStyle, fit_text, set_text

__all__ = ["FitResult", "FontLibrary", "MissingGlyphError", "SetText", "TextStyle", "fit_text", "set_text"]

_HOME = {"FontLibrary": "fonts", "MissingGlyphError": "fonts", "FitResult": "setter", "SetText": "setter",
         "TextStyle": "setter", "fit_text": "setter", "set_text": "setter"}

__getattr__ = lazy_exports(__name__, _HOME, globals())
