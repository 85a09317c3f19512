"""One paragraph analysed once, independent of size: bidi levels, runs, units, widths.

Text is cut into pieces at run boundaries, break opportunities and the spaces after
words; each piece is shaped on its own (and cached). Line widths are sums of piece
widths, so the width the line breaker measured is exactly the width that is drawn.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from campaign_studio.text import bidi
from campaign_studio.text.breaks import Unit, break_positions, protected_spans, unit_ranges
from campaign_studio.text.fonts import Face, MissingGlyphError
from campaign_studio.text.hyphenate import dictionary, hyphenation_points
from campaign_studio.text.isolation import ltr_spans
from campaign_studio.text.segment import Segment, itemize
from campaign_studio.text.shaping import Shaped, shape

LRI, PDI = "\u2066", "\u2069"
_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})


def embedding_levels(text: str, base: int, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Levels per character, with `spans` (phone numbers, addresses, Latin names; see
    isolation.ltr_spans) isolated left to right, as if wrapped in LRI...PDI (UAX #9 HL3):
    otherwise a phone number after an Arabic word reads "0188-0800"."""
    if base == 0 and not any(bidi.bidi_class(c) in _RTL_CLASSES for c in text):
        return [0] * len(text)  # the common case: nothing to resolve
    work: list[str] = []
    index: list[int] = []
    starts = {a for a, _ in spans}
    ends = {b for _, b in spans}
    for i, ch in enumerate(text):
        if i in ends:
            work.append(PDI)
        if i in starts:
            work.append(LRI)
        index.append(len(work))
        work.append(ch)
    if len(text) in ends:
        work.append(PDI)
    levels = bidi.resolve_levels("".join(work), base)
    return [levels[k] for k in index]


def span_languages(length: int, spans: Sequence[tuple[int, int, str]], language: str) -> list[str]:
    """Each character's language: "" for the paragraph's own, else the span's (a later span wins)."""
    langs = [""] * length
    for a, b, lang in spans:
        lo, hi = max(a, 0), min(b, length)
        if lang != language and lo < hi:
            langs[lo:hi] = [lang] * (hi - lo)
    return langs


class Paragraph:
    """A paragraph in one style (family, weight, language) and base direction.

    `spans` (start, end, BCP 47) mark stretches in another language: they are runs of
    their own, shaped and hyphenated in their language, and their glyph runs carry it.
    """

    def __init__(self, text: str, faces: Sequence[Face], family: str, language: str, base: int,
                 spans: Sequence[tuple[int, int, str]] = ()) -> None:
        self.text = text
        self.family = family
        self.language = language
        self.base = base
        self._chain = [f.ref.key for f in faces]
        protected = protected_spans(text)
        levels = embedding_levels(text, base, ltr_spans(text, base))
        langs = span_languages(len(text), spans, language)
        self.segments: list[Segment] = itemize(text, levels, faces, family, langs)
        self._seg_starts = [s.start for s in self.segments]
        ranges = unit_ranges(text, break_positions(text, protected))
        self._cuts = sorted({0, len(text), *self._seg_starts, *(x for r in ranges for x in r)})
        self._measured: dict[tuple[int, int], float] = {}
        self._points: dict[int, tuple[int, ...]] = {}
        self.units: list[Unit] = []
        for a, c, b in ranges:
            prot = any(x < c and a < y for x, y in protected)
            self.units.append(Unit(a, c, b, self.measure(a, c), self.measure(c, b), prot))
        self.unit_texts = tuple(text[u.start : u.content_end] for u in self.units)  # what the breaker looks at

    def segment_at(self, i: int) -> Segment:
        return self.segments[bisect.bisect_right(self._seg_starts, i) - 1]

    def pieces(self, a: int, b: int) -> list[tuple[int, int, Segment]]:
        """[a, b) cut at the paragraph's piece boundaries, each with its run."""
        cuts = self._cuts
        out = []
        i = bisect.bisect_right(cuts, a)
        x = a
        while x < b:
            y = min(cuts[i], b) if i < len(cuts) else b
            out.append((x, y, self.segment_at(x)))
            x = y
            i += 1
        return out

    def shaped(self, text: str, seg: Segment) -> Shaped:
        try:
            return shape(seg.face, text, seg.rtl, seg.script, self.language_of(seg))
        except MissingGlyphError as err:
            raise MissingGlyphError(err.char, self._chain, self.family) from err

    def language_of(self, seg: Segment) -> str:
        return seg.language or self.language

    def _unit_language(self, u: Unit) -> str | None:
        """The language to hyphenate a unit in: its span's, or None when a span edge cuts the word.

        A span is hyphenated only in a paragraph whose own language is: Arabic or Turkish
        text has no hyphens, and a Dutch name inside it gets none either.
        """
        langs = {self.language_of(s) for _, _, s in self.pieces(u.start, u.content_end)}
        lang = langs.pop() if len(langs) == 1 else None
        if lang != self.language and dictionary(self.language) is None:
            return None
        return lang

    def measure(self, a: int, b: int) -> float:
        """Width of text[a:b] in em."""
        key = (a, b)
        w = self._measured.get(key)
        if w is None:
            w = sum(self.shaped(self.text[x:y], s).width for x, y, s in self.pieces(a, b))
            self._measured[key] = w
        return w

    def hyphen_points(self, k: int) -> tuple[int, ...]:
        """Hyphenation positions of unit k (empty for protected units)."""
        pts = self._points.get(k)
        if pts is None:
            u = self.units[k]
            lang = None if u.protected else self._unit_language(u)
            pts = () if lang is None else hyphenation_points(self.text, u.start, u.content_end, lang)
            self._points[k] = pts
        return pts

    def hyphen(self, pos: int) -> tuple[str, Segment, Shaped]:
        """The hyphen drawn when breaking before text[pos], in the run of the letter before."""
        seg = self.segment_at(pos - 1)
        ch = seg.face.hyphen()
        return ch, seg, self.shaped(ch, seg)

    def faces_used(self) -> set[Face]:
        return {s.face for s in self.segments}
