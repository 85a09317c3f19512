"""Fixtures for the translator's round trip: PO snapshots (the CLI and campaign copies come from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


def po_snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of every file in a campaign's translations/ folder, by name."""
    return {p.name: p.read_bytes() for p in sorted((folder / "translations").iterdir())}


@pytest.fixture
def snapshot():  # type: ignore[no-untyped-def]
    return po_snapshot
