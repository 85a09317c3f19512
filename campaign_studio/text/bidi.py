"""Unicode Bidirectional Algorithm (UAX #9) for one paragraph: levels and reordering.

python-bidi 0.6 only returns a reordered string, but layout must break lines on the
logical text and reorder each line afterwards (L1-L2), so it needs per-character
embedding levels. This implements P2-P3, X1-X10 (embeddings, overrides, isolates),
W1-W7, N0 (paired brackets), N1-N2 and I1-I2. It does not split paragraphs (P1):
the setter splits the text at line feeds first, so a paragraph separator (class B)
is only handled as the paragraph's last character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from campaign_studio.text.bidi_brackets import CANONICAL, CLOSING, OPENING

MAX_DEPTH = 125
_ISOLATE_INIT = frozenset({"LRI", "RLI", "FSI"})
_EMBED = frozenset({"LRE", "RLE", "LRO", "RLO"})
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})  # X9
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})


def bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


def first_strong(classes: Sequence[str], start: int = 0, end: int | None = None) -> int | None:
    """P2-P3: 1 if the first strong character (outside isolates) is R/AL, 0 if L, else None."""
    depth = 0
    for c in classes[start:end]:
        if c in _ISOLATE_INIT:
            depth += 1
        elif c == "PDI":
            depth = max(depth - 1, 0)
        elif depth == 0 and c == "L":
            return 0
        elif depth == 0 and c in ("R", "AL"):
            return 1
    return None


def paragraph_level(text: str) -> int | None:
    return first_strong([bidi_class(c) for c in text])


def _matching_pdis(classes: Sequence[str]) -> dict[int, int]:
    """BD9: isolate initiator index -> index of its matching PDI."""
    stack: list[int] = []
    match: dict[int, int] = {}
    for i, c in enumerate(classes):
        if c in _ISOLATE_INIT:
            stack.append(i)
        elif c == "PDI" and stack:
            match[stack.pop()] = i
    return match


def _explicit(classes: list[str], base: int, match: dict[int, int]) -> tuple[list[int], list[str]]:
    """X1-X8: embedding levels from the directional status stack; overrides reset types."""
    n = len(classes)
    levels = [base] * n
    types = list(classes)
    stack: list[tuple[int, str | None, bool]] = [(base, None, False)]  # level, override, isolate
    over_iso = over_emb = valid_iso = 0

    for i, c in enumerate(classes):
        level, override, _ = stack[-1]
        if c in _EMBED:
            levels[i] = level
            new = (level + 1) | 1 if c in ("RLE", "RLO") else (level + 2) & ~1
            if new <= MAX_DEPTH and over_iso == 0 and over_emb == 0:
                stack.append((new, {"RLO": "R", "LRO": "L"}.get(c), False))
            elif over_iso == 0:
                over_emb += 1
        elif c in _ISOLATE_INIT:
            levels[i] = level
            if override:
                types[i] = override
            kind = c
            if c == "FSI":
                kind = "RLI" if first_strong(classes, i + 1, match.get(i, n)) == 1 else "LRI"
            new = (level + 1) | 1 if kind == "RLI" else (level + 2) & ~1
            if new <= MAX_DEPTH and over_iso == 0 and over_emb == 0:
                valid_iso += 1
                stack.append((new, None, True))
            else:
                over_iso += 1
        elif c == "PDI":
            if over_iso > 0:
                over_iso -= 1
            elif valid_iso > 0:
                over_emb = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_iso -= 1
            level, override, _ = stack[-1]
            levels[i] = level
            if override:
                types[i] = override
        elif c == "B":  # X8: a paragraph separator ends every embedding and isolate
            levels[i] = base
            stack[1:] = []
            over_iso = over_emb = valid_iso = 0
        elif c == "PDF":
            if over_iso > 0:
                pass
            elif over_emb > 0:
                over_emb -= 1
            elif not stack[-1][2] and len(stack) >= 2:
                stack.pop()
            levels[i] = stack[-1][0]
        else:
            levels[i] = level
            if override and c != "BN":
                types[i] = override
    return levels, types


def _run_sequences(classes: list[str], levels: list[int], match: dict[int, int]) -> list[list[int]]:
    """X10: isolating run sequences over the characters X9 keeps."""
    runs: list[list[int]] = []
    for i, c in enumerate(classes):
        if c in _REMOVED:
            continue
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    run_at = {run[0]: k for k, run in enumerate(runs)}
    continuations = set(match.values())
    sequences = []
    for run in runs:
        if run[0] in continuations and run[0] in run_at:
            continue  # appended to the sequence of its isolate initiator
        seq = list(run)
        while classes[seq[-1]] in _ISOLATE_INIT and seq[-1] in match and match[seq[-1]] in run_at:
            seq.extend(runs[run_at[match[seq[-1]]]])
        sequences.append(seq)
    return sequences


def _strong_dir(t: str) -> str | None:
    """Direction a resolved type counts as for N0/N1 (numbers count as R)."""
    if t == "L":
        return "L"
    if t in ("R", "AL", "EN", "AN"):
        return "R"
    return None


def _resolve_weak(t: list[str], seq_classes: list[str], sos: str) -> None:
    n = len(t)
    for k in range(n):  # W1
        if t[k] == "NSM":
            if k == 0:
                t[k] = sos
            else:
                t[k] = "ON" if seq_classes[k - 1] in _ISOLATE_INIT or seq_classes[k - 1] == "PDI" else t[k - 1]
    last = sos
    for k in range(n):  # W2
        if t[k] in ("L", "R", "AL"):
            last = t[k]
        elif t[k] == "EN" and last == "AL":
            t[k] = "AN"
    for k in range(n):  # W3
        if t[k] == "AL":
            t[k] = "R"
    for k in range(1, n - 1):  # W4
        if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN":
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    k = 0
    while k < n:  # W5
        if t[k] == "ET":
            j = k
            while j < n and t[j] == "ET":
                j += 1
            if (k > 0 and t[k - 1] == "EN") or (j < n and t[j] == "EN"):
                t[k:j] = ["EN"] * (j - k)
            k = j
        else:
            k += 1
    for k in range(n):  # W6
        if t[k] in ("ES", "ET", "CS"):
            t[k] = "ON"
    last = sos
    for k in range(n):  # W7
        if t[k] in ("L", "R"):
            last = t[k]
        elif t[k] == "EN" and last == "L":
            t[k] = "L"


def _bracket_pairs(t: list[str], chars: list[str]) -> list[tuple[int, int]]:
    """BD16: paired brackets whose current type is ON, sorted by opening position."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for k, ch in enumerate(chars):
        if t[k] != "ON":
            continue
        ch = CANONICAL.get(ch, ch)
        if ch in OPENING:
            if len(stack) == 63:
                break
            stack.append((OPENING[ch], k))
        elif ch in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(t: list[str], chars: list[str], seq_classes: list[str], sos: str, e: str) -> None:
    """N0: a bracket pair takes the embedding direction, or the context's if it is opposite."""
    for o, c in _bracket_pairs(t, chars):
        inside = {_strong_dir(x) for x in t[o + 1 : c]}
        if e in inside:
            new = e
        elif inside - {None}:
            new = sos
            for k in range(o - 1, -1, -1):
                d = _strong_dir(t[k])
                if d:
                    new = d
                    break
        else:
            continue
        for b in (o, c):
            t[b] = new
            k = b + 1
            while k < len(t) and seq_classes[k] == "NSM":
                t[k] = new
                k += 1


def _resolve_neutral(t: list[str], sos: str, eos: str, e: str) -> None:
    """N1-N2: neutrals between same-direction text take it; others the embedding direction."""
    n = len(t)
    k = 0
    while k < n:
        if t[k] not in _NEUTRAL:
            k += 1
            continue
        j = k
        while j < n and t[j] in _NEUTRAL:
            j += 1
        before = sos if k == 0 else _strong_dir(t[k - 1])
        after = eos if j == n else _strong_dir(t[j])
        t[k:j] = [before if before == after else e] * (j - k)  # type: ignore[list-item]
        k = j


def resolve_levels(text: str, base: int, *, line_rules: bool = True) -> list[int]:
    """Embedding level per character of one paragraph with base level 0 or 1.

    With line_rules, L1 is applied for tabs and the paragraph's trailing whitespace
    (the setter drops whitespace at line ends, so other lines need nothing more).
    """
    return resolve_class_levels([bidi_class(c) for c in text], base, text, line_rules=line_rules)


def resolve_class_levels(
    classes: Sequence[str], base: int, text: Sequence[str] | None = None, *, line_rules: bool = True
) -> list[int]:
    """resolve_levels for a sequence of bidi classes; `text` (the characters, needed to
    find paired brackets for N0) may be None when no character is a bracket."""
    classes = list(classes)
    n = len(classes)
    if n == 0:
        return []
    match = _matching_pdis(classes)
    levels, types = _explicit(classes, base, match)
    final = list(levels)

    for seq in _run_sequences(classes, levels, match):
        level = levels[seq[0]]
        first, last = seq[0], seq[-1]
        prev = next((levels[i] for i in range(first - 1, -1, -1) if classes[i] not in _REMOVED), base)
        if classes[last] in _ISOLATE_INIT:
            after = base
        else:
            after = next((levels[i] for i in range(last + 1, n) if classes[i] not in _REMOVED), base)
        sos = "R" if max(prev, level) % 2 else "L"
        eos = "R" if max(after, level) % 2 else "L"
        e = "R" if level % 2 else "L"

        t = [types[i] for i in seq]
        seq_classes = [classes[i] for i in seq]
        _resolve_weak(t, seq_classes, sos)
        if text is not None:
            _resolve_brackets(t, [text[i] for i in seq], seq_classes, sos, e)
        _resolve_neutral(t, sos, eos, e)
        for i, ty in zip(seq, t, strict=True):  # I1-I2
            if level % 2 == 0:
                final[i] = level + (1 if ty == "R" else 2 if ty in ("AN", "EN") else 0)
            else:
                final[i] = level + (1 if ty in ("L", "EN", "AN") else 0)

    # Characters removed by X9 travel with a neighbour so they never split a run.
    for i in range(n):
        if classes[i] in _REMOVED:
            final[i] = final[i - 1] if i > 0 else next((final[k] for k in range(n) if classes[k] not in _REMOVED), base)
    if line_rules:
        _reset_whitespace(classes, final, base)
    return final


def _reset_whitespace(classes: list[str], levels: list[int], base: int) -> None:
    """L1: tabs, a paragraph separator, whitespace before them and at the end go to the
    paragraph level."""
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        c = classes[i]
        if c in ("S", "B"):
            levels[i] = base
            trailing = True
        elif trailing and (c in ("WS", "PDI") or c in _ISOLATE_INIT or c in _REMOVED):
            levels[i] = base
        else:
            trailing = False


def visual_order(levels: Sequence[int]) -> list[int]:
    """L2: indices of items in left-to-right display order, given their levels."""
    order = list(range(len(levels)))
    if not order:
        return order
    lv = list(levels)
    highest = max(lv)
    odd = [x for x in lv if x % 2]
    if not odd:
        return order
    lowest_odd = min(odd)
    for level in range(highest, lowest_odd - 1, -1):
        k = 0
        while k < len(lv):
            if lv[k] >= level:
                j = k
                while j < len(lv) and lv[j] >= level:
                    j += 1
                order[k:j] = order[k:j][::-1]
                lv[k:j] = lv[k:j][::-1]
                k = j
            else:
                k += 1
    return order
