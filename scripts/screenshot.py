"""Take the README screenshot of the desktop app in a real window (run under xvfb-run)."""

import sys

from PySide6.QtWidgets import QApplication

from campaign_studio.gui.app import MainWindow, register_fonts


def main(path: str) -> None:
    app = QApplication(sys.argv)
    register_fonts()
    window = MainWindow()
    for box, data in ((window.template_box, "women-men"), (window.format_box, "post-4x5"),
                      (window.language_box, "nl")):
        box.setCurrentIndex(box.findData(data))
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    window.grab().save(path)


if __name__ == "__main__":
    main(sys.argv[1])
