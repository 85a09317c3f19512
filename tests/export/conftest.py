"""Fixtures for the export tests: the CLI in-process (never a traceback), a small job, the manifest read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]

# Two designs in two languages (one right-to-left), a social PNG and a poster PDF: small, but every kind.
SMALL = ("-t", "women-men", "-f", "post-1x1", "-f", "a4", "-l", "nl", "-l", "ar", "-k", "all")


@pytest.fixture
def cli(cli: Cli) -> Cli:
    def call(*argv: object) -> Any:
        result = cli(*argv)
        result.assert_no_traceback()
        return result

    return call


def manifest(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def files_in(outdir: Path) -> set[str]:
    """Every file an export left in OUTDIR, relative, with its hidden files (temporary names would show here)."""
    return {p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file()}
