"""What the GUI tests share: settings of their own, and the interface language put back after a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from campaign_studio.gui import i18n


@pytest.fixture
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and the recovery files (autosave) in folders of the test's own, not the user's."""
    monkeypatch.setenv("CAMPAIGN_STUDIO_DATA_DIR", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    """The interface in English (its plural forms come from the English catalogue), and again after the test."""
    i18n.build_translations()  # the .qm files, as make ui-translations builds them (when missing or stale)
    i18n.install_ui_language(qapp, "en")
    yield qapp
    i18n.install_ui_language(qapp, "en")
    QLocale.setDefault(QLocale("en_US"))


def select(box, data) -> None:  # type: ignore[no-untyped-def]
    """Choose the item of a combo box that holds `data`."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def settled(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Until the render the window asked for last is on the screen."""
    qtbot.waitUntil(lambda: window.last_result is not None and not window.renderer.busy()
                    and window.last_result.generation == window.renderer.generation, timeout=30000)
