"""A damaged data folder: fonts are checked whole when loaded; `render` exits 2 naming the file and the fix.

Passing input: an intact copy of the data folder. Failing inputs: a font that is truncated,
not a font at all, altered by one byte, empty, or missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from campaign_studio.resources import project_root

FONT = "NotoSans-Regular.ttf"  # the body face of the national brand: every render loads it


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder (CAMPAIGN_STUDIO_HOME) with its own copy of the fonts and links to everything else."""
    root = project_root()
    folder = tmp_path / "home"
    (folder / "assets").mkdir(parents=True)
    for part in ("templates", "translations"):
        (folder / part).symlink_to(root / part)
    for part in ("brands", "icc"):
        (folder / "assets" / part).symlink_to(root / "assets" / part)
    shutil.copytree(root / "assets" / "fonts", folder / "assets" / "fonts")
    monkeypatch.setenv("CAMPAIGN_STUDIO_HOME", str(folder))
    return folder


def _flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) * 2 // 3] ^= 0xFF  # inside the glyph outlines
    path.write_bytes(bytes(data))


DAMAGE = {
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:100_000]), "is truncated: its "),
    "not a font": (lambda p: p.write_text("not a font\n"), "is not a TrueType or OpenType font"),
    "one byte altered": (_flip_one_byte, "is damaged: its "),
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "missing": (lambda p: p.unlink(), "is missing"),
}


def test_intact_data_folder_renders(home, cli, tmp_path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-1x1", "-o", tmp_path / "ok.png")

    assert result.code == 0, result.err
    assert (tmp_path / "ok.png").stat().st_size > 0


@pytest.mark.parametrize("case", list(DAMAGE))
def test_damaged_font_is_exit_2_naming_the_file_and_the_fix(case, home, cli, diagnostic, tmp_path) -> None:
    font = home / "assets" / "fonts" / FONT
    spoil, words = DAMAGE[case]
    spoil(font)
    out = tmp_path / "never.png"

    result = cli("render", "-t", "women-men", "-f", "post-1x1", "-o", out)

    assert result.code == 2, result.err
    result.assert_no_traceback()
    found = diagnostic(result, font)  # a font has no lines: the path alone
    assert f"font file {FONT} {words}" in found
    assert "reinstall Campaign Studio, or restore assets/fonts" in found
    assert not out.exists()
