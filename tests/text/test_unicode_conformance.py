"""The Unicode conformance files, run in full against our bidi and line breaker.

The files come from Debian's `unicode-data` package (UCD 15.0 on Debian 12), which the
make targets install. Python 3.11's unicodedata is 14.0, so the tests first check that
every character the files use has the same properties in both versions.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from campaign_studio.text import bidi_brackets
from campaign_studio.text.bidi import bidi_class, first_strong, resolve_class_levels, resolve_levels, visual_order

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
    spec = importlib.util.spec_from_file_location("gen_bidi_brackets", ROOT / "scripts" / "gen_bidi_brackets.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    expected = gen.generate(UCD)
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
    failures, total = [], 0
    expected_levels: list[str] = []
    expected_order: list[int] = []
    for n, data in data_lines(ucd_file("BidiTest.txt")):
        if data.startswith("@Levels:"):
            expected_levels = data.split(":", 1)[1].split()
            continue
        if data.startswith("@Reorder:"):
            expected_order = [int(x) for x in data.split(":", 1)[1].split()]
            continue
        if data.startswith("@"):
            continue  # the file says to ignore other @ lines
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
            if not _check(resolve_class_levels(classes, base), expected_levels, expected_order):
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
