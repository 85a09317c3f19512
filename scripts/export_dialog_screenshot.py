"""The README's picture of the export dialog, after an export of two formats (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/export_dialog_screenshot.py docs/export-dialog.png [--ui-lang nl]
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from campaign_studio.gui import i18n
from campaign_studio.gui.app import register_fonts
from campaign_studio.gui.export_dialog import CurrentDesign, ExportDialog


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("png", type=Path)
    parser.add_argument("--ui-lang", default="en")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Campaign Studio screenshot")  # leave the user's settings alone
    register_fonts()
    i18n.build_translations()
    i18n.install_ui_language(app, args.ui_lang)
    dialog = ExportDialog(None, CurrentDesign(template="statistic-spotlight", format="post-1x1", language="tr",
                                              edition="gemeente-voorbeeld", stat="physical-transgressive"))
    dialog.formats.set_checked({"post-1x1", "story-9x16"})
    dialog.languages.set_checked({"nl", "tr", "ar"})
    with tempfile.TemporaryDirectory() as out:
        dialog.folder.setText(str(Path(out) / "export"))
        dialog.resize(1100, 860)
        dialog.show()
        loop = QEventLoop()
        dialog.start()
        dialog.thread.finished.connect(lambda: QTimer.singleShot(100, loop.quit))
        loop.exec()
        dialog.folder.setText(str(Path.home() / "Documents" / "Campaign Studio export"))
        app.processEvents()
        dialog.grab().save(str(args.png))
    dialog.close()


if __name__ == "__main__":
    main()
