"""Hyphenation points from pyphen's dictionaries (none for Turkish, Arabic, Tigrinya).

Only plain words of at least six letters are hyphenated: never numbers, addresses,
acronyms in capitals or words with a hard hyphen. A soft hyphen (U+00AD) typed by
the author overrides the dictionary for its word.
"""

from __future__ import annotations

from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 6
# Minimum letters left before / carried after the break. Ukrainian and Russian
# typography allows two on either side; elsewhere three may follow, as in TeX.
_MINIMUMS = {"uk": (2, 2), "ru": (2, 2)}
_DEFAULT_MINIMUMS = (2, 3)


@lru_cache(maxsize=32)
def dictionary(language: str) -> pyphen.Pyphen | None:
    name = pyphen.language_fallback(language.replace("-", "_"))
    if not name:
        return None
    left, right = _MINIMUMS.get(language.split("-")[0].lower(), _DEFAULT_MINIMUMS)
    return pyphen.Pyphen(lang=name, left=left, right=right)


@lru_cache(maxsize=8192)
def word_points(word: str, language: str) -> tuple[int, ...]:
    """Positions inside `word` after which a hyphen may be inserted."""
    if len(word) < MIN_LETTERS or not word.isalpha() or word.isupper():
        return ()
    dic = dictionary(language)
    if dic is None:
        return ()
    # Positions carrying data need a spelling change (old Dutch "omaatje"): skip them.
    return tuple(int(p) for p in dic.positions(word) if getattr(p, "data", None) is None)


def hyphenation_points(text: str, start: int, end: int, language: str) -> tuple[int, ...]:
    """Absolute positions in text[start:end] where the unit may be hyphenated."""
    piece = text[start:end]
    if SOFT_HYPHEN in piece:
        return tuple(start + i + 1 for i, ch in enumerate(piece[:-1]) if ch == SOFT_HYPHEN)
    a, b = start, end
    while a < b and not text[a].isalpha():
        a += 1
    while b > a and not text[b - 1].isalpha():
        b -= 1
    return tuple(a + p for p in word_points(text[a:b], language))
