"""Line breaking of one analysed paragraph at a width given in em.

Greedy first fit (what readers expect of ragged text), with hyphenation for words
that cannot fit a line by themselves and, for long words, to avoid a very short line.
Balanced setting for headlines searches the narrowest width with the same number of
lines, which evens the lines and pulls a lone last word back up.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaign_studio.text.paragraph import Paragraph

EPS = 1e-9
RAGGED_GAP = 0.25  # hyphenate a long word when the line would otherwise stay under 75 % full
RAGGED_MIN_CHARS = 8


@dataclass(frozen=True)
class Line:
    """Logical range text[start:stop] of a paragraph (trailing spaces excluded)."""

    start: int
    stop: int
    hyphen: bool


@dataclass(frozen=True)
class Breaking:
    lines: tuple[Line, ...]
    overfull: bool
    hyphens: int


def _split(para: Paragraph, k: int, start: int, avail: float) -> int | None:
    """The furthest hyphenation point of unit k after `start` whose piece fits `avail`."""
    unit = para.units[k]
    for h in reversed(para.hyphen_points(k)):
        if start < h < unit.content_end and para.measure(start, h) + para.hyphen(h)[2].width <= avail + EPS:
            return h
    return None


def greedy(para: Paragraph, width: float, hyphenate: bool, split_long: bool = True) -> Breaking:
    """First fit. With split_long False a word wider than the line is left whole (overfull)
    instead of being hyphenated, so fit_text can prefer a smaller size to a split word."""
    lines: list[Line] = []
    overfull = False
    cur: int | None = None  # start of the line being filled
    stop = 0
    used = 0.0  # width of the line's content so far
    space = 0.0  # width of the spaces after it
    for k, unit in enumerate(para.units):
        start = unit.start
        w = unit.width
        while True:
            if cur is None:
                if w <= width + EPS:
                    cur, stop, used = start, unit.content_end, w
                    break
                h = _split(para, k, start, width) if hyphenate and split_long else None
                if h is None:
                    cur, stop, used = start, unit.content_end, w
                    overfull = True
                    break
                lines.append(Line(start, h, True))
                start, w = h, para.measure(h, unit.content_end)
                continue
            avail = width - used - space
            if w <= avail + EPS:
                stop, used = unit.content_end, used + space + w
                break
            long_word = unit.content_end - start >= RAGGED_MIN_CHARS and avail > RAGGED_GAP * width
            if hyphenate and ((split_long and w > width + EPS) or long_word):
                h = _split(para, k, start, avail)
                if h is not None:
                    lines.append(Line(cur, h, True))
                    cur = None
                    start, w = h, para.measure(h, unit.content_end)
                    continue
            lines.append(Line(cur, stop, False))
            cur = None
        space = unit.space
    if cur is not None or not lines:
        lines.append(Line(cur or 0, stop, False))
    return Breaking(tuple(lines), overfull, sum(ln.hyphen for ln in lines))


def balanced(para: Paragraph, width: float, hyphenate: bool, split_long: bool = True) -> Breaking:
    """The narrowest width keeping greedy's line count (and no more hyphens or overflow)."""
    best = greedy(para, width, hyphenate, split_long)
    if len(best.lines) < 2 or best.overfull:
        return best
    lo, hi = 0.0, width
    for _ in range(14):
        mid = (lo + hi) / 2
        trial = greedy(para, mid, hyphenate, split_long)
        if len(trial.lines) == len(best.lines) and not trial.overfull and trial.hyphens <= best.hyphens:
            hi, best = mid, trial
        else:
            lo = mid
    return best


def line_width(para: Paragraph, line: Line) -> float:
    """Width of a line in em, hyphen included."""
    w = para.measure(line.start, line.stop)
    return w + para.hyphen(line.stop)[2].width if line.hyphen else w
