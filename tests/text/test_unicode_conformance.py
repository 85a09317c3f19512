"""The Unicode conformance files, run in full against our bidi and line breaker.

The files come from Debian's `unicode-data` package (UCD 15.0 on Debian 12), which the
make targets install. Python 3.11's unicodedata is 14.0, so the tests first check that
every character the files use has the same properties in both versions.
"""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from campaign_studio.text import bidi_brackets
from campaign_studio.text import line_break_classes as line_break_classes_module
from campaign_studio.text.bidi import bidi_class, first_strong, resolve_class_levels, resolve_levels, visual_order
from campaign_studio.text.breaks import break_positions, protected_spans

UCD = Path("/usr/share/unicode")
ROOT = Path(__file__).resolve().parents[2]


def ucd_file(name: str) -> Path:
    path = UCD / name
    if not path.is_file():
        message = f"{path} is missing: install Debian's unicode-data (`make setup` or apt-get install unicode-data)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@cache
def load_script(name: str) -> ModuleType:
    """A generator script in scripts/ (not a package), imported by path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, content) of the lines that are not blank or comments."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            data = line.split("#", 1)[0].strip()
            if data:
                yield n, data


def property_ranges(path: Path) -> dict[int, str]:
    """Code point -> value of a UCD property file ("0600..0605 ; AN")."""
    out = {}
    for _, data in data_lines(path):
        cps, value = (f.strip() for f in data.split(";")[:2])
        lo, _, hi = cps.partition("..")
        for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
            out[cp] = value
    return out


def codepoints(path: Path) -> set[int]:
    return {int(h, 16) for _, data in data_lines(path) for h in re.findall(r"\b[0-9A-F]{4,6}\b", data.split(";")[0])}


def report(failures: list[str], total: int, what: str) -> str:
    return f"{len(failures)} of {total} {what} fail, first: " + "; ".join(failures[:5])


# --- Bidi (UAX #9) -------------------------------------------------------------------


def test_bracket_module_is_generated_from_the_installed_ucd() -> None:
    ucd_file("BidiBrackets.txt")
    expected = load_script("gen_bidi_brackets").generate(UCD)
    assert Path(bidi_brackets.__file__).read_text(encoding="utf-8") == expected, (
        "campaign_studio/text/bidi_brackets.py is stale: run python scripts/gen_bidi_brackets.py"
    )
    header = ucd_file("BidiBrackets.txt").read_text(encoding="utf-8").splitlines()[0]
    assert f"BidiBrackets-{bidi_brackets.UNICODE_VERSION}.txt" in header


def ucd_bracket_pairs() -> dict[str, str]:
    """Opening -> closing bracket, read from BidiBrackets.txt independently of the generator."""
    pairs = {}
    for _, data in data_lines(ucd_file("BidiBrackets.txt")):
        cp, paired, kind = (f.strip() for f in data.split(";"))
        if kind == "o":
            pairs[chr(int(cp, 16))] = chr(int(paired, 16))
    return pairs


def test_every_bracket_in_the_ucd_is_paired_and_of_class_on() -> None:
    pairs = ucd_bracket_pairs()
    assert pairs == bidi_brackets.OPENING
    for ch in [*pairs, *pairs.values()]:
        assert bidi_class(ch) == "ON", f"U+{ord(ch):04X} is not ON in this Python's unicodedata"
    assert bidi_brackets.CANONICAL == {"\u2329": "\u3008", "\u232a": "\u3009"}


def test_bidi_classes_of_the_test_characters_agree_with_the_ucd() -> None:
    # unicodedata (14.0) gives the classes our bidi uses; the test file is 15.0.
    ucd = property_ranges(ucd_file("extracted/DerivedBidiClass.txt"))
    used = codepoints(ucd_file("BidiCharacterTest.txt"))
    assert used
    differing = [f"U+{cp:04X}" for cp in sorted(used) if bidi_class(chr(cp)) != ucd[cp]]
    assert not differing


def _check(levels: list[int], expected_levels: list[str], expected_order: list[int]) -> bool:
    """Levels where the file gives one, and the visual order of those characters."""
    kept = [i for i, x in enumerate(expected_levels) if x != "x"]
    if any(str(levels[i]) != expected_levels[i] for i in kept):
        return False
    return [kept[j] for j in visual_order([levels[i] for i in kept])] == expected_order


def test_bidi_character_test_passes_in_full() -> None:
    failures, total = [], 0
    for n, data in data_lines(ucd_file("BidiCharacterTest.txt")):
        cps, direction, para, levels, order = data.split(";")
        text = "".join(chr(int(h, 16)) for h in cps.split())
        base = {"0": 0, "1": 1}.get(direction.strip())
        if base is None:  # auto: P2-P3, left to right when there is no strong character
            base = first_strong([bidi_class(c) for c in text]) or 0
        total += 1
        ok = base == int(para) and _check(resolve_levels(text, base), levels.split(), [int(x) for x in order.split()])
        if not ok:
            failures.append(f"line {n}")
    assert total > 90_000
    assert not failures, report(failures, total, "BidiCharacterTest lines")


def paragraph_separator_inside(classes: tuple[str, ...]) -> bool:
    """A B before the end is a second paragraph (P1): our bidi resolves one paragraph,
    because the setter splits the text at line feeds and paragraph separators first."""
    return "B" in classes[:-1]


def test_bidi_test_passes_in_full() -> None:
    # Each data line lists paragraph levels as a bitset (1 auto, 2 LTR, 4 RTL); auto
    # resolves to one of the other two, so a line is resolved once per distinct base.
    # The visual order follows from the levels alone (L2), so it is checked once per
    # @Levels/@Reorder group, and each line's levels against the group's.
    failures, total = [], 0
    levels_line: list[str] = []
    order: list[int] = []
    group: tuple[list[int], list[int], bool] | None = None  # kept indices, their levels, order right
    for n, data in data_lines(ucd_file("BidiTest.txt")):
        if data.startswith(("@Levels:", "@Reorder:")):
            values = data.split(":", 1)[1].split()
            if data.startswith("@Levels:"):
                levels_line = values
            else:
                order = [int(x) for x in values]
            group = None
            continue
        if data.startswith("@"):
            continue  # the file says to ignore other @ lines
        if group is None:
            kept = [i for i, x in enumerate(levels_line) if x != "x"]
            expected = [int(levels_line[i]) for i in kept]
            group = kept, expected, [kept[j] for j in visual_order(expected)] == order
        kept, expected, order_right = group
        sequence, bits = data.split(";")
        classes = tuple(sequence.split())
        if paragraph_separator_inside(classes):
            continue
        mask = int(bits, 16)
        bases = {0} if mask & 2 else set()
        if mask & 4:
            bases.add(1)
        if mask & 1:
            bases.add(first_strong(classes) or 0)
        for base in bases:
            total += 1
            levels = resolve_class_levels(classes, base)
            if not order_right or [levels[i] for i in kept] != expected:
                failures.append(f"line {n} base {base}")
    assert total > 500_000
    assert not failures, report(failures, total, "BidiTest cases")


def test_every_bracket_pair_resolves_like_parentheses() -> None:
    # BidiCharacterTest pairs only ( ) [ ] { } and U+2329/U+232A/U+3008/U+3009; each
    # other pair of BidiBrackets.txt put in place of the parentheses must give the
    # levels and order the file gives for them.
    cases = []
    for n, data in data_lines(ucd_file("BidiCharacterTest.txt")):
        cps, direction, _, levels, order = data.split(";")
        text = "".join(chr(int(h, 16)) for h in cps.split())
        if direction.strip() in "01" and "(" in text and ")" in text and not set(text) & set("[]{}\u2329\u232a\u3008\u3009"):
            cases.append((n, text, int(direction), levels.split(), [int(x) for x in order.split()]))
    assert len(cases) > 1000
    sample = cases[:: len(cases) // 150]
    failures = []
    pairs = ucd_bracket_pairs()
    for opening, closing in pairs.items():
        swap = str.maketrans({"(": opening, ")": closing})
        for n, text, base, levels, order in sample:
            if not _check(resolve_levels(text.translate(swap), base), levels, order):
                failures.append(f"U+{ord(opening):04X} in line {n}")
    assert not failures, report(failures, len(sample) * len(pairs), "substitutions")


# --- Line breaking (UAX #14) ---------------------------------------------------------

# Our breaker's own idea of spaces and of closing punctuation (campaign_studio/text/breaks.py).
SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000")
CLOSING = frozenset(".,;:!?%‰)]}»”’›…،؛؟۔")
_NO_BASE = {"BK", "CR", "LF", "NL", "SP", "ZW"}


@cache
def line_break_classes() -> dict[int, str]:
    """LB1-resolved Line_Break class of every code point LineBreakTest.txt uses."""
    used = sorted(codepoints(ucd_file("auxiliary/LineBreakTest.txt")))
    raw = dict.fromkeys(used, "XX")  # the value of code points LineBreak.txt omits
    for _, data in data_lines(ucd_file("LineBreak.txt")):
        cps, cls = (f.strip() for f in data.split(";"))
        lo, _, hi = cps.partition("..")
        first, last = int(lo, 16), int(hi or lo, 16)
        for cp in used[bisect_left(used, first) : bisect_right(used, last)]:
            raw[cp] = cls
    lb1 = {"AI": "AL", "SG": "AL", "XX": "AL", "CJ": "NS"}
    out = {}
    for cp, cls in raw.items():
        if cls == "SA":
            out[cp] = "CM" if unicodedata.category(chr(cp)) in ("Mn", "Mc") else "AL"
        else:
            out[cp] = lb1.get(cls, cls)
    return out


def base_index(classes: list[str], k: int) -> int:
    """LB9: the character a run of combining marks ending at k belongs to (k itself if none)."""
    j = k
    while j > 0 and classes[j] in ("CM", "ZWJ"):
        j -= 1
    return j if classes[j] not in ("CM", "ZWJ") and (j == k or classes[j] not in _NO_BASE) else k


def resolved(classes: list[str], k: int) -> str:
    c = classes[base_index(classes, k)]
    return "AL" if c in ("CM", "ZWJ") else c  # LB10


@dataclass(frozen=True)
class Tailoring:
    """A kind of UAX #14 break opportunity our breaker deliberately does not offer."""

    name: str
    reason: str
    applies: Callable[[str, list[str], int], bool]  # (text, classes, break position)


def _before_spaces(text: str, p: int) -> int:
    """Index of the character before the breakable spaces that end at p - 1 (-1 if none)."""
    k = p - 1
    while k >= 0 and text[k] in SPACES:
        k -= 1
    return k


def _after_bare_or_marked_spaces(text: str, cls: list[str], p: int) -> bool:
    """The break follows spaces that start the text, or a mark on a breakable space."""
    k = base_index(cls, p - 1)
    return text[k] in SPACES and (_before_spaces(text, k + 1) < 0 or k != p - 1)


def _after_dash(text: str, cls: list[str], p: int) -> bool:
    """The break follows a hyphen or dash (not a breakable space of class BA)."""
    k = base_index(cls, p - 1)
    return resolved(cls, p - 1) in ("HY", "BA", "B2") and text[k] not in SPACES


def _after_opening_and_spaces(text: str, p: int) -> bool:
    k = _before_spaces(text, p)
    return text[p - 1] in SPACES and k >= 0 and (text[k] in "¿¡" or unicodedata.category(text[k]) in ("Ps", "Pi", "Sc"))


_IDEOGRAPHIC = frozenset({"ID", "NS", "H2", "H3", "JL", "JV", "JT", "EB", "EM", "RI"})
TAILORINGS = (
    Tailoring(
        "ideographic-and-emoji",
        "no break opportunities inside ideographic, kana, Hangul or emoji text (ID, CJ/NS, "
        "H2/H3/JL/JV/JT, EB/EM, RI): no CJK line breaking yet; SA text (Thai, Lao, Khmer, "
        "Myanmar) already has none without a dictionary",
        lambda text, cls, p: resolved(cls, p - 1) in _IDEOGRAPHIC or resolved(cls, p) in _IDEOGRAPHIC,
    ),
    Tailoring(
        "object-replacement",
        "no break around U+FFFC (CB): designs have no inline objects",
        lambda text, cls, p: "CB" in (resolved(cls, p - 1), resolved(cls, p)),
    ),
    Tailoring(
        "closing-punctuation",
        "no line starts with closing punctuation, a closing quote or % / ‰, even after a space",
        lambda text, cls, p: text[p] in CLOSING or unicodedata.category(text[p]) in ("Pe", "Pf"),
    ),
    Tailoring(
        "spaces",
        "spaces stay together and are a break only after text: no break before a tab or "
        "other breakable space, none after the spaces a paragraph starts with, none after "
        "a combining mark on a space",
        lambda text, cls, p: text[p] in SPACES or _after_bare_or_marked_spaces(text, cls, p),
    ),
    Tailoring(
        "opening-and-currency",
        'no break after an opening bracket or quote, ¿ ¡ or a currency sign followed by spaces ("€ 50", "« tekst")',
        lambda text, cls, p: _after_opening_and_spaces(text, p),
    ),
    Tailoring(
        "hyphens-and-dashes",
        "a hyphen (-, U+2010) or em dash breaks only with two letters on each side "
        '("grens-|overschrijdend", not "e-mail"); no break before an em dash, none after '
        "other dashes (BA) or a soft hyphen (that is the hyphenator's)",
        lambda text, cls, p: resolved(cls, p) == "B2" or _after_dash(text, cls, p),
    ),
    Tailoring(
        "no-break-without-space",
        "elsewhere a line breaks only at spaces, a zero-width space or a hard line break: "
        "not after closing brackets, ! ? , / or leaders, nor before opening brackets or "
        "between symbols, digits and letters that touch",
        lambda text, cls, p: resolved(cls, p - 1) not in ("SP", "ZW", "BA", "HY", "B2", "BK", "CR", "LF", "NL"),
    ),
)


def line_break_cases() -> Iterator[tuple[int, str, list[int]]]:
    """(line number, text, positions of ÷ inside the text) of LineBreakTest.txt."""
    for n, data in data_lines(ucd_file("auxiliary/LineBreakTest.txt")):
        tokens = data.split()
        text = "".join(chr(int(h, 16)) for h in tokens[1::2])
        yield n, text, [p for p in range(1, len(text)) if tokens[2 * p] == "÷"]


def our_breaks(text: str) -> list[int]:
    return break_positions(text, protected_spans(text))


def test_line_break_class_module_is_generated_from_the_installed_ucd() -> None:
    ucd_file("LineBreak.txt")
    gen = load_script("gen_line_break_classes")
    assert Path(line_break_classes_module.__file__).read_text(encoding="utf-8") == gen.generate(UCD), (
        "campaign_studio/text/line_break_classes.py is stale: run python scripts/gen_line_break_classes.py"
    )
    # The breaker's table gives the classes the test derives on its own for the kept ones.
    for cp, cls in line_break_classes().items():
        expected = cls if cls in gen.KEPT else line_break_classes_module.OTHER
        assert line_break_classes_module.line_break_class(chr(cp)) == expected, f"U+{cp:04X}"


def test_line_break_test_uses_no_character_python_does_not_know() -> None:
    # breaks.py also asks unicodedata (14.0) for letters and punctuation.
    age = property_ranges(ucd_file("DerivedAge.txt"))
    used = codepoints(ucd_file("auxiliary/LineBreakTest.txt"))
    assert not [f"U+{cp:04X}" for cp in used if age.get(cp) == "15.0"]


def test_no_break_where_uax14_forbids_one() -> None:
    failures, total = [], 0
    for n, text, expected in line_break_cases():
        total += 1
        forbidden = sorted(set(our_breaks(text)) - set(expected))
        if forbidden:
            failures.append(f"line {n} breaks before {forbidden}")
    assert total > 7000
    assert not failures, report(failures, total, "LineBreakTest lines")


def test_line_break_test_agrees_except_for_named_tailorings() -> None:
    """Every line matches UAX #14 exactly, unless each break opportunity we do not offer
    falls under a named tailoring (forbidden extra breaks fail the test above)."""
    unexplained, tailored = [], dict.fromkeys((t.name for t in TAILORINGS), 0)
    for n, text, expected in line_break_cases():
        missing = sorted(set(expected) - set(our_breaks(text)))
        if not missing:
            continue
        cls = [line_break_classes()[ord(c)] for c in text]
        names = set()
        for p in missing:
            name = next((t.name for t in TAILORINGS if t.applies(text, cls, p)), None)
            if name is None:
                unexplained.append(f"line {n} no break before {p}")
            names.add(name)
        for name in names - {None}:
            tailored[name] += 1
    assert not unexplained, f"{len(unexplained)} breaks UAX #14 offers that no tailoring explains: {unexplained[:5]}"
    assert all(tailored.values()), f"a tailoring no line needs: {tailored}"
