"""Every GUI test runs with garbage collected on the interface thread only, as the app does (gui/gc_guard.py):
a collection started in a render worker or the export thread must never free a Qt object."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from campaign_studio.gui.gc_guard import MainThreadCollector


@pytest.fixture(autouse=True)
def collect_on_the_interface_thread(qapp: QApplication) -> Iterator[None]:
    collector = MainThreadCollector(qapp)
    yield
    collector.stop()
    gc.collect()  # what the test left, freed here, on this thread
