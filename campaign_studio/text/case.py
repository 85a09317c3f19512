"""Language-aware upper case (Python's str.upper knows no Turkish dotted and dotless i)."""

from __future__ import annotations

# Turkish and Azerbaijani: i -> İ (U+0130) and ı -> I, not i -> I.
_DOTTED = {"tr", "az"}


def upper(text: str, language: str) -> str:
    if language.split("-")[0] in _DOTTED:
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()
