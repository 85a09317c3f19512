"""Fixtures for the translator's round trip: the shared CLI and campaign-copy fixtures, plus PO snapshots."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_NAME = "_campaign_studio_content_fixtures"  # the same name tests/cli/conftest.py uses: one shared module


def _load_shared():  # type: ignore[no-untyped-def]
    if _NAME in sys.modules:
        return sys.modules[_NAME]
    spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).resolve().parents[1] / "content" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    spec.loader.exec_module(module)
    return module


_shared = _load_shared()
cli = _shared.cli
make_copy = _shared.make_copy
campaign_copy = _shared.campaign_copy
diagnostic = _shared.diagnostic


def po_snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of every file in a campaign's translations/ folder, by name."""
    return {p.name: p.read_bytes() for p in sorted((folder / "translations").iterdir())}


@pytest.fixture
def snapshot():  # type: ignore[no-untyped-def]
    return po_snapshot
