"""Property: however one line of campaign.yaml is broken, loading never crashes.

The result is either a campaign, located findings (exit 1) or one located input error
(exit 2), and every location lies inside the file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_studio.content.campaign_loader import load_campaign
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import builtin_campaign_dir

LINES = (builtin_campaign_dir() / "campaign.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
JUNK = ["", " ", "  ", "-", "- ", ":", ": ", "'", '"', "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!python/none ",
        "#", "\t", "~", "yes", "1e999", "-1", "0x1F", "2026-02-30", "a: b", "? ", "|", ">", "%", "@", ",", "\x07",
        "é", "\u202e", "\ufeff"]


@st.composite
def broken(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "dedent", "drop-char"]))
        at = draw(st.integers(0, len(line)))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif op == "insert":
            lines[i] = line[:at] + draw(st.sampled_from(JUNK)) + line[at:]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + line
        elif op == "dedent":
            lines[i] = line[1:]
        else:
            lines[i] = line[:at] + line[at + 1:]
        if not lines:
            break
    return "".join(lines)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(broken())
def test_broken_campaign_is_reported_never_crashes(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        file = folder / "campaign.yaml"
        file.write_text(text, encoding="utf-8")
        line_count = max(1, text.count("\n") + 1)
        try:
            loaded = load_campaign(folder)
        except InputError as exc:
            locations = [exc.diagnostic.location]
        else:
            assert (loaded.campaign is None) == loaded.diagnostics.has_errors
            locations = [d.location for d in loaded.diagnostics]
        for loc in locations:
            assert loc is not None
            assert loc.file == file
            assert 1 <= loc.line <= line_count
            assert loc.column >= 1
