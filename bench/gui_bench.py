"""The desktop app's speed (issue 13): edit to preview, cold start, the gallery's thumbnails.

1. Edit to preview shown, for a social card (post-4x5) and an A3 poster (women-men, nl): the time from
   the end of the debounce (the render worker starting) to the preview widget holding the new image
   (MainWindow.preview_shown) and to the canvas's next paint; the debounce itself is reported apart.
   Three edits the app allows now: MainWindow.content_edited() (the content changed: lay out again),
   switching the content (another statistic), switching the language (the gallery refills too).
2. Cold start to the first painted window: `campaign-studio gui`'s own start() in a new process,
   wall clock from launching it to its window's first paint event (and to its first preview).
3. The gallery: every thumbnail shown, from the window shown (thumbnail cache emptied first),
   and the longest the interface thread went without serving a 10 ms timer meanwhile.
Targets: card < 150 ms, A3 < 400 ms, cold start < 2 s, gallery < 3 s.
Run with: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_bench.py [--repeat N] [--starts N]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from campaign_studio.gui import gallery, i18n
from campaign_studio.gui.app import MainWindow, register_fonts
from campaign_studio.gui.render_worker import DEBOUNCE_MS

TARGETS_MS = {"post-4x5": 150.0, "a3": 400.0}
COLD_TARGET_S, GALLERY_TARGET_S = 2.0, 3.0

# The child of the cold start: the app's own start(), told to print when its window first paints.
COLD_CHILD = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from campaign_studio.gui import app as gui_app

qapp = QApplication(sys.argv[:1])
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and isinstance(obj.window(), gui_app.MainWindow):
            print("painted", flush=True)
            qapp.removeEventFilter(self)
            obj.window().preview_shown.connect(lambda: (print("preview", flush=True), os._exit(0)))
        return False
spy = FirstPaint()
qapp.installEventFilter(spy)
sys.exit(gui_app.start(None, "en"))
"""


def wait_until(done: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Run the event loop until `done()` (polled every 2 ms; the times themselves are taken in the handlers)."""
    loop = QEventLoop()
    timer = QTimer(interval=2)
    timer.timeout.connect(loop.quit)  # back to Python to look at done() and the deadline
    deadline = time.perf_counter() + timeout_s
    timer.start()
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        loop.exec()
    timer.stop()


class Clock(QObject):
    """Timestamps of one window's edit cycle: debounce over, preview holds the image, canvas painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.started = self.shown = self.painted = 0.0
        start_now = window.renderer.start_now

        def timed_start() -> None:
            self.started = time.perf_counter()
            start_now()

        window.renderer._timer.timeout.disconnect()
        window.renderer._timer.timeout.connect(timed_start)
        window.preview_shown.connect(self._shown)
        window.preview.canvas.installEventFilter(self)

    def _shown(self) -> None:
        self.shown = time.perf_counter()
        self.painted = 0.0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.shown and not self.painted:
            self.painted = time.perf_counter()
        return False

    def settled(self) -> bool:
        return not self.window.renderer.busy() and bool(self.painted)


def edit_latency(window: MainWindow, clock: Clock, edit: Callable[[int], None], repeat: int) -> dict[str, float]:
    debounce, shown, painted = [], [], []
    for i in range(repeat + 1):  # the first round warms this design's caches and is dropped
        clock.shown = clock.painted = 0.0
        edited = time.perf_counter()
        edit(i)
        wait_until(clock.settled)  # every edit here changes something, so it makes a render
        wait_until(lambda: window.gallery.pending == 0)  # a language switch refills the gallery: let it finish
        if i:
            debounce.append((clock.started - edited) * 1000)
            shown.append((clock.shown - clock.started) * 1000)
            painted.append((clock.painted - clock.started) * 1000)
    return {"debounce": statistics.median(debounce), "shown": statistics.median(shown),
            "painted": statistics.median(painted), "worst": max(painted)}


def bench_edits(app: QApplication, repeat: int) -> list[str]:
    window = MainWindow(None)
    window.resize(1400, 900)
    window.show()
    clock = Clock(window)
    wait_until(lambda: window.last_result is not None and not window.renderer.busy() and window.gallery.pending == 0)
    window._select(window.language_box, "nl")
    lines = [f"{'format':10} {'edit':34} {'debounce':>9} {'shown':>8} {'painted':>8} {'worst':>8} {'target':>7} image"]
    print(lines[0], flush=True)
    for fmt in TARGETS_MS:
        window._select(window.format_box, fmt)
        wait_until(lambda: window.last_result is not None and not window.renderer.busy())
        subjects = [window.subject_box.itemData(i) for i in range(2)]

        def other(box: QComboBox, pair: list[str]) -> None:  # the one of the pair not shown now: a change
            window._select(box, pair[1] if box.currentData() == pair[0] else pair[0])
        edits: dict[str, Callable[[int], None]] = {
            "content_edited() (lay out again)": lambda _i: window.content_edited(),
            "switch content (another figure)": lambda _i, pair=subjects: other(window.subject_box, pair),
            "switch language nl/tr (+gallery)": lambda _i: other(window.language_box, ["nl", "tr"]),
        }
        for name, edit in edits.items():
            got = edit_latency(window, clock, edit, repeat)
            size = window.current_image.size if window.current_image else (0, 0)
            ok = "ok" if got["painted"] < TARGETS_MS[fmt] else "MISSED"
            lines.append(f"{fmt:10} {name:34} {got['debounce']:7.0f}ms {got['shown']:6.0f}ms {got['painted']:6.0f}ms "
                         f"{got['worst']:6.0f}ms {ok:>7} {size[0]}x{size[1]} px (fit)")
            print(lines[-1], flush=True)
        window._select(window.language_box, "nl")
        wait_until(lambda: not window.renderer.busy() and window.gallery.pending == 0)
    close(window)
    return lines


def close(window: MainWindow) -> None:
    window.close()
    window.renderer.pool.waitForDone()
    window.gallery.pool.waitForDone()
    window.deleteLater()
    QApplication.processEvents()


def bench_gallery(repeat: int) -> list[str]:
    from_shown, from_made, stalls = [], [], []
    for _ in range(repeat):
        gallery._cache.clear()
        made = time.perf_counter()
        window = MainWindow(None)
        window.resize(1400, 900)
        window.show()
        shown = time.perf_counter()
        beats = [shown]
        heart = QTimer(interval=10)
        heart.timeout.connect(lambda beats=beats: beats.append(time.perf_counter()))
        heart.start()
        wait_until(lambda w=window: w.gallery.pending == 0, 60)
        done = time.perf_counter()
        heart.stop()
        beats.append(done)
        from_shown.append(done - shown)
        from_made.append(done - made)
        stalls.append(max(b - a for a, b in itertools.pairwise(beats)) * 1000)
        close(window)
    med = statistics.median(from_shown)
    return [f"gallery: {window.gallery.count()} thumbnails all shown {med:.2f} s after the window is shown "
            f"(median of {repeat}; {statistics.median(from_made):.2f} s from making the window), "
            f"target < {GALLERY_TARGET_S:.0f} s: {'ok' if med < GALLERY_TARGET_S else 'MISSED'}",
            f"gallery: longest the interface thread did not serve a 10 ms timer meanwhile: "
            f"{statistics.median(stalls):.0f} ms (median of {repeat}, worst {max(stalls):.0f} ms)"]


def bench_cold(starts: int) -> list[str]:
    painted, preview = [], []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(starts):
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", COLD_CHILD], stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "painted":
                painted.append(time.perf_counter() - start)
            elif line.strip() == "preview":
                preview.append(time.perf_counter() - start)
                break
        child.wait(timeout=60)
    med = statistics.median(painted)
    return [f"cold start: first painted window {med:.2f} s (median of {starts}; runs "
            f"{', '.join(f'{t:.2f}' for t in painted)}), first preview {statistics.median(preview):.2f} s, "
            f"target < {COLD_TARGET_S:.0f} s: {'ok' if med < COLD_TARGET_S else 'MISSED'}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10, help="edits per kind and format (at least 10)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts")
    parser.add_argument("--gallery", type=int, default=3, help="gallery fills")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, shared with other work: figures are wall clock and include its noise")
    print(f"debounce: {DEBOUNCE_MS} ms (QTimer in render_worker.py), not counted in the edit times below")
    for line in bench_cold(args.starts):
        print(line, flush=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_fonts()
    i18n.install_ui_language(app, "en")
    print(f"edit to preview (women-men, median of {args.repeat}, from the debounce's end; "
          "shown = the widget holds the image, painted = its next paint; target on painted):")
    bench_edits(app, args.repeat)
    for line in bench_gallery(args.gallery):
        print(line, flush=True)


if __name__ == "__main__":
    main()
