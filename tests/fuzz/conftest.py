"""Fixtures of the fuzz tests: the pristine inputs every run copies, and a guard on the shipped data."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzzkit import WORKTREE, Pristine

SHIPPED = [WORKTREE / d for d in ("templates", "assets", "translations", "campaign_studio/campaigns")]


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pristine]:
    """A campaign made by `init`, a brand with a logo, exported PO/XLIFF files and a data folder to copy per run."""
    before = [_tree_hash(d) for d in SHIPPED]
    yield Pristine(tmp_path_factory.mktemp("fuzz"))
    assert [_tree_hash(d) for d in SHIPPED] == before, "a fuzz run changed the shipped data"
