"""Fixtures for the render command and pipeline tests: the CLI in-process, campaign copies, poppler/zbar.

The CLI runs in this process through campaign_studio.cli.main.run (what the console
script calls), so a test costs a render, not a Python start-up.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """The CLI fixture of tests/conftest.py, and here no traceback may ever reach the user."""

    def call(*argv: object) -> Any:
        result = cli(*argv)
        result.assert_no_traceback()
        return result

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
