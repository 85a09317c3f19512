"""A text that cannot fit is an error naming template, slot, language and format, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

DEFINITION = "definition: Is gedwongen tot seks, of had seks tegen de wil."


def long_definition(n: int = 1500) -> str:
    text = ("Is gedwongen tot seks, of had seks tegen de wil. " * (n // 49 + 1))[: n - 1].rstrip()
    text += "." * (n - len(text))
    assert len(text) == n
    return text


@pytest.fixture
def overlong(campaign_copy: Path, edit_file, cli) -> Path:
    """A campaign copy whose first statistic has a 1500-character definition (still a valid campaign)."""
    edit_file(campaign_copy / "campaign.yaml", DEFINITION, f"definition: {long_definition()}")
    result = cli("validate", "--campaign", campaign_copy)
    assert result.code == 0, result.err
    return campaign_copy


@pytest.mark.parametrize(("template", "fmt", "kind"), [("statistic-spotlight", "post-4x5", "png"),
                                                       ("women-men", "a3", "pdf")])
def test_overflow_exits_1_and_writes_nothing(template: str, fmt: str, kind: str, overlong: Path, cli,
                                             tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"card.{kind}"
    result = cli("render", "--campaign", overlong, "-t", template, "-f", fmt, "-o", out)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if "error:" in line]
    assert len(errors) == 1, result.err
    error = errors[0]
    assert "overflow" in error
    assert f"template {template!r}" in error
    assert "slot 'footnote'" in error
    assert "language 'nl'" in error
    assert f"format {fmt!r}" in error
    assert f"templates/{template}.yaml:" in error  # it points at the slot in the template file
    assert "shorten the text" in error
    assert f"{out}: not written (1 error" in result.err
    assert not out.exists()
    assert list(out_dir.iterdir()) == []  # no temporary or partial file either


def test_overflow_leaves_an_existing_output_alone(overlong: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "card.png"
    out.write_bytes(b"the previous, good version")
    result = cli("render", "--campaign", overlong, "-t", "statistic-spotlight", "-f", "post-4x5", "-o", out)
    assert result.code == 1
    assert out.read_bytes() == b"the previous, good version"
    assert [p.name for p in tmp_path.iterdir() if p.name != "campaign"] == ["card.png"]


def test_a_larger_poster_does_not_help_as_the_hint_says(overlong: Path, cli, tmp_path: Path) -> None:
    """Minimum type sizes scale with the canvas, so A0 (16 x A4) overflows just like A4: the hint must not
    send people to a larger format."""
    results = {fmt: cli("render", "--campaign", overlong, "-t", "women-men", "-f", fmt, "-o", tmp_path / f"{fmt}.pdf")
               for fmt in ("a4", "a0")}
    for fmt, result in results.items():
        assert result.code == 1, fmt
        assert f"format '{fmt}'" in result.err
        assert "choose a larger format" not in result.err
        assert "a larger one of the same proportions does not help" in result.err
    assert not any(tmp_path.glob("*.pdf"))
