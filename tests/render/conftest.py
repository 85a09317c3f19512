"""Fixtures for the renderer tests; the page builders live in render_pagekit.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_pagekit import card_page, write_logo

from campaign_studio.model.pagetree import Page


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    return write_logo(tmp_path / "logo.png")


@pytest.fixture
def card(logo: Path) -> Page:
    return card_page(logo)
