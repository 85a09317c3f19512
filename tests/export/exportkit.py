"""Helpers for the export tests: a small job, the manifest read back, the files an export left."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Two designs in two languages (one right-to-left), a social PNG and a poster PDF: small, but every kind.
SMALL = ("-t", "women-men", "-f", "post-1x1", "-f", "a4", "-l", "nl", "-l", "ar", "-k", "all")


def manifest(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def files_in(outdir: Path) -> set[str]:
    """Every file an export left in OUTDIR, relative, with its hidden files (temporary names would show here)."""
    return {p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file()}
