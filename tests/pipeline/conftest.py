"""Fixtures for the render command and pipeline tests: the CLI in-process, campaign copies, poppler/zbar.

The CLI runs in this process through campaign_studio.cli.main.run (what the console
script calls), so a test costs a render, not a Python start-up.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from campaign_studio.cli.main import run


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """cli("render", "-t", ...) runs `campaign-studio render -t ...` and returns exit code, stdout, stderr."""

    def call(*argv: object) -> Result:
        capsys.readouterr()
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err, err
        return Result(code, out, err)

    return call


@pytest.fixture
def campaign_copy(tmp_path: Path, cli: Cli) -> Path:
    """An editable copy of the built-in campaign, written by `campaign-studio init`."""
    folder = tmp_path / "campaign"
    result = cli("init", folder)
    assert result.code == 0, result.err
    assert (folder / "campaign.yaml").is_file() and (folder / "translations" / "en.po").is_file()
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def edit_file() -> Callable[[Path, str, str], None]:
    return edit


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is required for these tests (poppler-utils, zbar-tools)"
    return path


def _run_tool(name: str, *args: object) -> str:
    done = subprocess.run([tool(name), *map(str, args)], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


@pytest.fixture
def run_tool() -> Callable[..., str]:
    """run_tool("pdfinfo", "-box", path) -> stdout of the tool, which must exit 0."""
    return _run_tool
