import os

# Qt must pick its platform before any QApplication exists: tests run headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
