"""The logical text of each drawn line, for /ActualText per line.

A line's runs are in visual order and each run's text is in logical order, so the
line's logical text is its runs put back into the order in which their texts follow
one another in the block's text. The runs are matched against ``TextBlock.text``
from a cursor, which also tells a hyphen that hyphenation added at the line end
(not in the block's text) from one that is part of it ("0800-0188"), and skips a
list separator that a line break replaced ("Centrum Seksueel Geweld · gratis").

When a page tree was not made by our typesetter and no run matches, the rest of the
block falls back to reading order by direction (right-to-left blocks: runs from the
right), which is right for lines of one direction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from campaign_studio.model.pagetree import GlyphRun, TextBlock, TextLine
from campaign_studio.text.linebreak import SEPARATORS

HYPHENS = ("\u2010", "-")  # what the typesetter draws at a hyphenation break (fonts.Face.hyphen)
_SPACE = frozenset(" \n\t\u00a0\u2028\u2029")


@dataclass(frozen=True)
class LineText:
    text: str  # logical order, without an added hyphen
    order: tuple[int, ...]  # indices into line.runs, in logical order
    hyphenated: bool  # the line ends in a hyphen that hyphenation added


def _rtl(block: TextBlock, line: TextLine) -> bool:
    dirs = [r.direction for r in line.runs if r.text]
    return bool(dirs) and dirs.count("rtl") * 2 >= len(dirs)


def line_texts(block: TextBlock) -> list[LineText]:
    src = block.text
    pos = 0
    synced = True
    out: list[LineText] = []
    for line in block.lines:
        runs = line.runs
        remaining = [i for i, r in enumerate(runs) if r.text]
        order: list[int] = [i for i, r in enumerate(runs) if not r.text]
        parts: list[str] = []
        hyphenated = False
        while remaining and synced:
            skipped = pos
            pick = None
            while pick is None:
                pick = _match(src, pos, runs, remaining, last=len(remaining) == 1)
                if pick is None:
                    # spaces between lines, and a list separator the line break replaced (not drawn)
                    if pos < len(src) and (src[pos] in _SPACE or src[pos] in SEPARATORS):
                        pos += 1
                        continue
                    synced = False
                    break
            if pick is None:
                break
            idx, length, added_hyphen = pick
            if parts and pos > skipped:
                parts.append(" ")
            text = runs[idx].text
            parts.append(text[:-1] if added_hyphen else text)
            hyphenated = hyphenated or added_hyphen
            pos += length
            order.append(idx)
            remaining.remove(idx)
        if remaining:  # not found in the block's text: reading order by direction
            rest = sorted(remaining, reverse=_rtl(block, line))
            order += rest
            parts += [runs[i].text for i in rest]
        out.append(LineText("".join(parts), tuple(order), hyphenated))
    return out


def _match(src: str, pos: int, runs: tuple, remaining: list[int], *, last: bool) -> tuple[int, int, bool] | None:
    """(run index, characters consumed, hyphen added) of the longest run whose text is at `pos`."""
    best: tuple[int, int, bool] | None = None
    for i in remaining:
        text = runs[i].text
        if src.startswith(text, pos):
            cand = (i, len(text), False)
        elif last and text.endswith(HYPHENS) and len(text) > 1 and src.startswith(text[:-1], pos):
            cand = (i, len(text) - 1, True)
        else:
            continue
        if best is None or cand[1] > best[1]:
            best = cand
    return best


RLM = "\u200f"


def _strong_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def run_actual_text(run: GlyphRun, rtl_paragraph: bool) -> str:
    """The /ActualText of a left-to-right run drawn in its own span (a line that mixes directions).

    In a right-to-left paragraph it starts with RLM: extractors that read such a line
    from the right (poppler) take the neutrals to the left of a left-to-right stretch
    into it ("2017. دراسة" came back as "2017 .دراسة"); the mark, a strong
    right-to-left character placed at the run's left edge, ends the stretch there.
    """
    return RLM + run.text if rtl_paragraph and run.text else run.text


def cluster_texts(run: GlyphRun, rtl_paragraph: bool) -> dict[int, str]:
    """For a right-to-left run, the /ActualText of each glyph: {glyph index: text}.

    Text extractors (poppler's pdftotext among them) take the glyphs of a line in
    visual order and turn right-to-left stretches around into logical order, and
    they do the same with an /ActualText span: its characters are laid out left to
    right over the span's box and then reversed with the rest. A run-wide span in
    logical order therefore comes out backwards (measured: every word reversed). So
    a right-to-left run gets one span per HarfBuzz cluster, whose characters are given
    in visual order (reversed) so that the extractor's reversal restores them; a
    cluster's text goes on its widest glyph and its other glyphs (zero-width marks
    drawn over it) get an empty span, so the span's box is the cluster's advance and
    no false word gap appears. A cluster without a strong right-to-left letter
    (digits, comma, full stop, colon) gets RLM at its left, for the reason given in
    `run_actual_text`. The block's logical text is also on its structure element.
    """
    glyphs = run.glyphs
    starts = sorted({g.cluster for g in glyphs})
    end_of = {c: (starts[k + 1] if k + 1 < len(starts) else len(run.text)) for k, c in enumerate(starts)}
    spans: dict[int, str] = {}
    i = 0
    while i < len(glyphs):
        cluster = glyphs[i].cluster
        j = i
        while j < len(glyphs) and glyphs[j].cluster == cluster:
            j += 1
        text = run.text[cluster : end_of[cluster]]
        if rtl_paragraph and text.strip() and not _strong_rtl(text):
            text = text + RLM  # reversed below: the mark ends up at the left
        carrier = max(range(i, j), key=lambda k: glyphs[k].x_advance)
        for k in range(i, j):
            spans[k] = text[::-1] if k == carrier else ""
        i = j
    return spans
