"""The interface in Dutch, English and Arabic through Qt's translators, Qt's own dialogs included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox
from uikit import english, own_settings

from campaign_studio.gui import i18n
from campaign_studio.gui.export_dialog import CurrentDesign, ExportDialog
from campaign_studio.model.diagnostics import InputError

pytestmark = pytest.mark.usefixtures("own_settings", "english")
__all__ = ["english", "own_settings"]  # fixtures, used by name


def _qt_cancel() -> str:
    """The text of Qt's own standard Cancel button (translated by qtbase, not by our catalogue)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    try:
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()
    finally:
        box.deleteLater()


def test_arabic_is_right_to_left_with_our_strings_and_qts_own_in_arabic(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install_ui_language(qapp, "ar") == "ar"
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.current_ui_language() == "ar"
    dialog = ExportDialog(None, CurrentDesign(template="share-ring", format="post-1x1", language="nl"))
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() == "تصدير"
    assert dialog.export_button.text() == "&تصدير"
    assert dialog.templates.title() == "القوالب"
    # Arabic plural forms and digits (as Qt's own progress bar shows them): 3 files from one design
    assert dialog.count.text() == "ينتج هذا التصدير ٣ ملفات من تصميم واحد."
    # the campaign's languages by their name in the interface's language, with their own name beside it
    assert dialog.languages.list.item(0).text() == "الهولندية — Nederlands"
    assert _qt_cancel() == "ألغِ"  # qtbase_ar.qm's own word


def test_dutch_and_back_to_english(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install_ui_language(qapp, "nl")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog = ExportDialog(None, CurrentDesign(template="share-ring", format="post-1x1", language="ar"))
    qtbot.addWidget(dialog)
    assert dialog.close_button.text() == "Sluiten"
    assert dialog.count.text() == "Deze export maakt 3 bestanden van 1 ontwerp."
    assert [dialog.languages.list.item(i).text() for i in range(2)] == ["Nederlands", "Arabisch — العربية"]
    assert _qt_cancel() == "Annuleren"
    i18n.install_ui_language(qapp, "en")
    assert _qt_cancel() == "Cancel"
    english_dialog = ExportDialog(None, CurrentDesign(template="share-ring", format="post-1x1", language="ar"))
    qtbot.addWidget(english_dialog)
    assert english_dialog.close_button.text() == "Close"
    assert english_dialog.count.text() == "This export makes 3 files from 1 design."


def test_the_languages_there_are_with_their_names() -> None:
    langs = {lang.code: lang for lang in i18n.available_ui_languages("nl")}
    assert list(langs) == ["en", "ar", "nl"]
    assert (langs["ar"].native_name, langs["ar"].name, langs["ar"].label) == ("العربية", "Arabisch", "Arabisch — العربية")
    assert langs["nl"].label == "Nederlands"
    assert i18n.available_ui_languages("en")[0].label == "English"


def test_the_settings_choice_wins_over_the_system_and_an_unknown_one_falls_back(qapp) -> None:  # type: ignore[no-untyped-def]
    system = i18n.system_ui_language()
    assert system in i18n.ui_language_codes()
    assert i18n.chosen_ui_language() == system  # nothing chosen: the system's
    i18n.save_ui_language("ar")
    assert i18n.chosen_ui_language() == "ar"
    assert i18n.install_ui_language(qapp) == "ar"  # no code given: the settings' choice
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    i18n.save_ui_language("xx")  # a language no longer there
    assert i18n.chosen_ui_language() == system
    i18n.save_ui_language(None)
    assert i18n.chosen_ui_language() == system


def test_the_system_language_is_the_first_preferred_one_there_is(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "_system_preferences", lambda: ["de-DE", "ar-EG", "nl-NL"])
    assert i18n.system_ui_language() == "ar"
    monkeypatch.setattr(i18n, "_system_preferences", lambda: ["de-DE"])
    assert i18n.system_ui_language() == "en"


def test_an_unknown_interface_language_names_the_ones_there_are(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        i18n.install_ui_language(qapp, "xx")
    assert caught.value.diagnostic.message == "unknown interface language 'xx'"
    assert caught.value.diagnostic.hint == "choose one of: en, ar, nl"
    assert QLocale().name().startswith("en")  # nothing changed


@pytest.mark.parametrize("code", ["nl", "ar"])
def test_every_interface_string_of_the_code_is_translated(tmp_path, code) -> None:  # type: ignore[no-untyped-def]
    """lupdate over campaign_studio/gui/*.py finds no string the .ts lacks or leaves unfinished
    (after adding strings: scripts/update_ui_translations.sh, then translate them)."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = tmp_path / f"campaign_studio_{code}.ts"
    shutil.copy(i18n.TS_DIR / ts.name, ts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (i18n.TS_DIR.parents[1] / "campaign_studio" / "gui").glob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-locations", "none", "-source-language", "en", "-target-language", code,
                    *sources, "-ts", str(ts)], check=True)
    untranslated = [(context.findtext("name"), message.findtext("source"))
                    for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")
                    if message.find("translation").get("type") == "unfinished"]
    assert untranslated == []
