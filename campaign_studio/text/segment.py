"""Itemise a paragraph into runs of one bidi level, one face and one script.

Fallback is per character: a character of a real script takes the first face of the
chain that covers it. Common and inherited characters (spaces, digits, punctuation,
marks) follow the text around them, so "22%" or "(0800)" is not split over two
designs unless no single face has all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fontTools import unicodedata as ftu

from campaign_studio.text.fonts import Face, MissingGlyphError, is_ignorable

COMMON_SCRIPTS = frozenset({"Zyyy", "Zinh", "Zzzz"})


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    level: int
    face: Face
    script: str  # ISO 15924; 'Zyyy' when the run holds only common characters
    language: str = ""  # BCP 47 of a span in another language than the paragraph's; "" = the paragraph's

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


@lru_cache(maxsize=4096)
def char_script(ch: str) -> str:
    return str(ftu.script(ch))


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch == "\u200b"


def assign_faces(text: str, faces: Sequence[Face], family: str, levels: Sequence[int]) -> list[int]:
    """Index into `faces` for every character; raises MissingGlyphError if none covers one."""

    def cover_all(chars: str) -> int | None:
        return next((k for k, f in enumerate(faces) if all(f.covers(c) for c in chars)), None)

    def first_cover(ch: str) -> int:
        k = cover_all(ch)
        if k is None:
            raise MissingGlyphError(ch, [f.ref.key for f in faces], family)
        return k

    n = len(text)
    chosen = [-1] * n
    for i, ch in enumerate(text):
        if char_script(ch) not in COMMON_SCRIPTS and not is_ignorable(ch):
            chosen[i] = first_cover(ch)

    i = 0
    while i < n:
        if chosen[i] != -1:
            i += 1
            continue
        j = i
        while j < n and chosen[j] == -1:
            j += 1
        following = chosen[j] if j < n else -1
        # Sub-split the common stretch at spaces: "22%" picks a face as a whole.
        a = i
        while a < j:
            b = a + 1
            while b < j and _is_space(text[b]) == _is_space(text[a]):
                b += 1
            piece = text[a:b]
            preceding = chosen[a - 1] if a > 0 else -1
            # A neighbour on the same bidi level first: the space after an Arabic word
            # in Dutch text belongs to the Dutch run, not the Arabic one.
            near = [(preceding, a - 1), (following, j)]
            near.sort(key=lambda c: not (0 <= c[1] < n and levels[c[1]] == levels[a]))
            for k, _ in near:
                if k >= 0 and all(faces[k].covers(c) for c in piece):
                    chosen[a:b] = [k] * (b - a)
                    break
            else:
                whole = cover_all(piece)
                for m in range(a, b):  # no face has all of it: per character
                    prev = chosen[m - 1] if m > 0 else -1
                    ok = prev >= 0 and faces[prev].covers(text[m])
                    chosen[m] = whole if whole is not None else prev if ok else first_cover(text[m])
            a = b
        i = j
    return chosen


def resolve_scripts(text: str, chosen: Sequence[int], levels: Sequence[int]) -> list[str]:
    """Common characters take the script of their neighbours in the same face and level."""
    n = len(text)
    scripts: list[str | None] = []
    for ch in text:
        sc = char_script(ch)
        scripts.append(None if sc in COMMON_SCRIPTS else sc)

    def same(i: int, j: int) -> bool:
        return chosen[i] == chosen[j] and levels[i] == levels[j]

    for i in range(1, n):
        if scripts[i] is None and scripts[i - 1] is not None and same(i, i - 1):
            scripts[i] = scripts[i - 1]
    for i in range(n - 2, -1, -1):
        if scripts[i] is None and scripts[i + 1] is not None and same(i, i + 1):
            scripts[i] = scripts[i + 1]
    return [s or "Zyyy" for s in scripts]


def itemize(text: str, levels: Sequence[int], faces: Sequence[Face], family: str,
            languages: Sequence[str] | None = None) -> list[Segment]:
    """Maximal runs of equal (level, face, script, language), in logical order.

    `languages` gives each character's language ("" = the paragraph's): a Dutch name
    inside English text becomes a run of its own, so it is tagged and spoken as Dutch.
    """
    chosen = assign_faces(text, faces, family, levels)
    scripts = resolve_scripts(text, chosen, levels)
    langs = languages if languages is not None else [""] * len(text)
    segments: list[Segment] = []
    start = 0

    def key(i: int) -> tuple[int, int, str, str]:
        return levels[i], chosen[i], scripts[i], langs[i]

    for i in range(1, len(text) + 1):
        if i == len(text) or key(i) != key(start):
            segments.append(Segment(start, i, levels[start], faces[chosen[start]], scripts[start], langs[start]))
            start = i
    return segments
