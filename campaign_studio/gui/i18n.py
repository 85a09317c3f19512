"""The interface's language: Qt translators for our strings and Qt's own, and the layout direction.

Interface strings are Qt's (`self.tr()`), kept apart from campaign content. Their sources
are `translations/qt/campaign_studio_<code>.ts` (extracted by scripts/update_ui_translations.sh);
the `.qm` files Qt loads are built from them into build/translations/ (`make ui-translations`,
or `python -m campaign_studio.gui.i18n`) and never committed. Qt's own dialogs and standard
buttons are translated by the qtbase catalogues PySide6 ships.

The language follows the system unless the settings name one (QSettings key "ui/language").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator

from campaign_studio.model.diagnostics import Diagnostic, InputError

SOURCE_LANGUAGE = "en"  # the language the strings are written in: it needs no catalogue
SETTINGS_KEY = "ui/language"  # "" or absent: follow the system
_ROOT = Path(__file__).resolve().parents[2]
TS_DIR = _ROOT / "translations" / "qt"
QM_DIR = _ROOT / "build" / "translations"
CATALOGUE = "campaign_studio"

_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)


@dataclass(frozen=True)
class UiLanguage:
    code: str
    native_name: str  # "العربية": how its speakers find it in a menu
    name: str  # in the interface's current language: "Arabisch"

    @property
    def label(self) -> str:
        """"Arabisch — العربية" (one name when both are the same)."""
        return self.native_name if self.name == self.native_name else f"{self.name} — {self.native_name}"


def language_names(code: str, in_language: str) -> tuple[str, str]:
    """(name in `in_language`, own name) of a language code, from CLDR; the code itself when unknown."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
        shown_in = Locale.parse(in_language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code, code
    name = locale.get_display_name(shown_in) or code
    native = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:], native[:1].upper() + native[1:]


def language_label(code: str, in_language: str | None = None) -> str:
    """A content or interface language as a menu shows it: "Arabisch — العربية" in a Dutch interface."""
    name, native = language_names(code, in_language or current_ui_language())
    return UiLanguage(code, native, name).label


def ui_language_codes() -> list[str]:
    """The interface languages there are: English (the source) and each `.ts` translation."""
    found = sorted(p.stem.removeprefix(CATALOGUE + "_") for p in TS_DIR.glob(f"{CATALOGUE}_*.ts"))
    return [SOURCE_LANGUAGE, *(c for c in found if c != SOURCE_LANGUAGE)]


def available_ui_languages(in_language: str | None = None) -> list[UiLanguage]:
    """The interface languages with their names, for the settings' language choice."""
    shown = in_language or current_ui_language()
    return [UiLanguage(code, *reversed(language_names(code, shown))) for code in ui_language_codes()]


def current_ui_language() -> str:
    """The language the interface is in now (QLocale's default, set by install_ui_language)."""
    return QLocale().name().split("_")[0] or SOURCE_LANGUAGE


def system_ui_language() -> str:
    """The first of the system's preferred languages we have an interface in, else English."""
    codes = ui_language_codes()
    for wanted in _system_preferences():
        code = wanted.replace("_", "-").split("-")[0].lower()
        if code in codes:
            return code
    return SOURCE_LANGUAGE


def _system_preferences() -> list[str]:
    return list(QLocale.system().uiLanguages())


def chosen_ui_language() -> str:
    """The language in the settings, or the system's when none is set (or it is no longer there)."""
    value = QSettings().value(SETTINGS_KEY, "")
    code = value if isinstance(value, str) else ""
    return code if code in ui_language_codes() else system_ui_language()


def save_ui_language(code: str | None) -> None:
    """Keep the choice in the settings (None: follow the system); it applies from the next start."""
    QSettings().setValue(SETTINGS_KEY, code or "")


def install_ui_language(app: QCoreApplication, code: str | None = None) -> str:
    """Put the interface in `code` (default: the settings' choice, else the system's); the code installed.

    Installs our catalogue and Qt's own (qtbase) for that language, makes it QLocale's default
    and sets the application's layout direction (right to left for Arabic). Widgets made
    afterwards come out in it; existing ones get a LanguageChange event.
    An unknown code is an InputError naming the languages there are.
    """
    code = code or chosen_ui_language()
    codes = ui_language_codes()
    if code not in codes:
        raise InputError(Diagnostic("error", f"unknown interface language {code!r}",
                                    hint="choose one of: " + ", ".join(codes)))
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(code)
    ours = QTranslator(app)
    qm = QM_DIR / f"{CATALOGUE}_{code}.qm"
    if ours.load(str(qm)):
        _installed.append(ours)
    elif code != SOURCE_LANGUAGE:  # English is the source: without its catalogue only its plurals read "file(s)"
        raise InputError(Diagnostic("error", f"the interface translation {qm} is missing or cannot be read",
                                    hint="build it with 'make ui-translations'"))
    qt_own = QTranslator(app)
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(locale)
    if hasattr(app, "setLayoutDirection"):  # a QGuiApplication (a bare QCoreApplication has no layout)
        rtl = locale.textDirection() == Qt.LayoutDirection.RightToLeft
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return code


def _lrelease() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.is_file():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")


def build_translations(ts_dir: Path = TS_DIR, qm_dir: Path = QM_DIR) -> list[Path]:
    """Build each `.qm` that is missing or older than its `.ts` (pyside6-lrelease); the files built."""
    qm_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = qm_dir / (ts.stem + ".qm")
        if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":  # make ui-translations
    for path in build_translations():
        print(f"built {path.relative_to(_ROOT)}")
