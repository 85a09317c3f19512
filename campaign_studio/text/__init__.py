"""Text engine: fonts and script fallback, bidi, shaping, line breaking, hyphenation, fitting.

Layout calls set_text / fit_text and gets positioned glyph runs for the page tree;
renderers draw those runs and never measure text again.
"""

from campaign_studio.text.fonts import FontLibrary, MissingGlyphError
from campaign_studio.text.setter import FitResult, SetText, TextStyle, fit_text, set_text

__all__ = ["FitResult", "FontLibrary", "MissingGlyphError", "SetText", "TextStyle", "fit_text", "set_text"]
