"""Line breaking of one analysed paragraph at a width given in em.

Greedy first fit (what readers expect of ragged text), with hyphenation for words
that cannot fit a line by themselves and, for long words, to avoid a very short line.
Balanced setting for headlines searches the narrowest width with the same number of
lines, which evens the lines and pulls a lone last word back up. A paragraph that
would end with one word alone is re-broken with the same number of lines ("pretty").

List separators ("Centrum Seksueel Geweld · gratis, dag en nacht") never start or end
a line: a break next to one is taken at the separator, which is then not drawn. The
phrase after a separator is kept on one line when it fits one.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaign_studio.text.paragraph import Paragraph

EPS = 1e-9
RAGGED_GAP = 0.25  # hyphenate a long word when the line would otherwise stay under 75 % full
RAGGED_MIN_CHARS = 8
SEPARATORS = frozenset("·|•–")  # a unit of only one of these is a list separator
PRETTY_MIN_WORDS = 3  # a shorter paragraph may end with one word


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


def is_separator(para: Paragraph, k: int) -> bool:
    return para.unit_texts[k] in SEPARATORS


def is_word(para: Paragraph, k: int) -> bool:
    return any(ch.isalnum() for ch in para.unit_texts[k])


def _split(para: Paragraph, k: int, start: int, avail: float) -> int | None:
    """The furthest hyphenation point of unit k after `start` whose piece fits `avail`."""
    unit = para.units[k]
    for h in reversed(para.hyphen_points(k)):
        if start < h < unit.content_end and para.measure(start, h) + para.hyphen(h)[2].width <= avail + EPS:
            return h
    return None


def _kept_phrase_break(para: Paragraph, first: int, k: int, width: float, seps: list[bool]) -> int | None:
    """The separator to break at instead of before unit k, so that the phrase after it stays
    whole: the line's last separator (after its first unit), if its phrase fits one line."""
    s = next((i for i in range(k - 1, first, -1) if seps[i]), None)
    if s is None or s + 1 >= k:
        return None
    end = next((i for i in range(k, len(seps)) if seps[i]), len(seps))
    if end == k:
        return None  # unit k is itself a separator: the break already falls between phrases
    units = para.units
    if para.measure(units[s + 1].start, units[end - 1].content_end) > width + EPS:
        return None
    return s


def greedy(para: Paragraph, width: float, hyphenate: bool, split_long: bool = True) -> Breaking:
    """First fit. With split_long False a word wider than the line is left whole (overfull)
    instead of being hyphenated, so fit_text can prefer a smaller size to a split word."""
    units = para.units
    seps = [t in SEPARATORS for t in para.unit_texts]
    lines: list[Line] = []
    overfull = False
    cur: int | None = None  # start of the line being filled
    first = 0  # index of the line's first unit
    stop = 0
    used = 0.0  # width of the line's content so far
    space = 0.0  # width of the spaces after it
    k = 0
    while k < len(units):
        unit = units[k]
        if cur is None and seps[k] and lines:
            k += 1  # the line before ended at this separator: it is the break, not drawn
            continue
        start = unit.start
        w = unit.width
        while True:
            if cur is None:
                first = k
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
            s = _kept_phrase_break(para, first, k, width, seps) if start == unit.start else None
            if s is not None:
                lines.append(Line(cur, units[s - 1].content_end, False))
                cur, k = None, s  # restart at the separator, which is then skipped
                break
            long_word = unit.content_end - start >= RAGGED_MIN_CHARS and avail > RAGGED_GAP * width
            if hyphenate and ((split_long and w > width + EPS) or long_word):
                h = _split(para, k, start, avail)
                if h is not None:
                    lines.append(Line(cur, h, True))
                    cur = None
                    start, w = h, para.measure(h, unit.content_end)
                    continue
            if seps[k - 1] and k - 1 > first:
                stop = units[k - 2].content_end  # do not end the line with a separator
            lines.append(Line(cur, stop, False))
            cur = None
            if seps[k]:
                break  # the separator is the break: skipped, not drawn at the next line's start
        space = unit.space
        k += 1
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


def _words_in(para: Paragraph, line: Line) -> int:
    units = para.units
    return sum(1 for k, u in enumerate(units) if u.start < line.stop and line.start < u.content_end and is_word(para, k))


def has_widow(para: Paragraph, breaking: Breaking) -> bool:
    """The paragraph (of PRETTY_MIN_WORDS words or more) ends with one word alone on a line."""
    if len(breaking.lines) < 2:
        return False
    words = sum(is_word(para, k) for k in range(len(para.units)))
    return words >= PRETTY_MIN_WORDS and _words_in(para, breaking.lines[-1]) < 2


def pretty(para: Paragraph, width: float, breaking: Breaking) -> Breaking:
    """Re-break a paragraph that ends with a widow: the same number of lines, each within
    the width, the last with two words or more, the rag as even as possible (least sum of
    squared slack of the lines before the last). Breaks only between units (no new
    hyphens) and at separators; the breaking is returned unchanged when none exists."""
    if breaking.overfull or not has_widow(para, breaking):
        return breaking
    units = para.units
    n, count = len(units), len(breaking.lines)
    seps = [is_separator(para, k) for k in range(n)]
    words = [is_word(para, k) for k in range(n)]
    # Prefix sums: a line of units i..j is as wide as their contents and the spaces between.
    cw, sw = [0.0], [0.0]
    for u in units:
        cw.append(cw[-1] + u.width)
        sw.append(sw[-1] + u.space)

    def line_w(i: int, j: int) -> float:
        return cw[j + 1] - cw[i] + sw[j] - sw[i]

    def ok(i: int, j: int) -> bool:  # units i..j as one line
        return i <= j and not seps[i] and not seps[j] and line_w(i, j) <= width + EPS

    inf = float("inf")
    # best[m][i]: least cost of setting units i.. in m lines, the last with >= 2 words.
    nxt: dict[tuple[int, int], int] = {}
    best: list[dict[int, float]] = [{} for _ in range(count + 1)]
    for i in range(n):
        if ok(i, n - 1) and sum(words[i:]) >= 2:
            best[1][i] = 0.0
    for m in range(2, count + 1):
        for i in range(n):
            if seps[i]:
                continue
            cost = inf
            for j in range(i, n - 1):
                if line_w(i, j) > width + EPS:
                    break
                if seps[j]:
                    continue
                follow = j + 2 if seps[j + 1] else j + 1  # a separator after the line is the break
                rest = best[m - 1].get(follow)
                if rest is None:
                    continue
                c = (width - line_w(i, j)) ** 2 + rest
                if c < cost:
                    cost, nxt[(m, i)] = c, j
            if cost < inf:
                best[m][i] = cost
    if 0 not in best[count]:
        return breaking
    lines, i = [], 0
    for m in range(count, 1, -1):
        j = nxt[(m, i)]
        lines.append(Line(units[i].start, units[j].content_end, False))
        i = j + 2 if seps[j + 1] else j + 1
    lines.append(Line(units[i].start, units[n - 1].content_end, False))
    return Breaking(tuple(lines), False, 0)


def line_width(para: Paragraph, line: Line) -> float:
    """Width of a line in em, hyphen included."""
    w = para.measure(line.start, line.stop)
    return w + para.hyphen(line.stop)[2].width if line.hyphen else w
