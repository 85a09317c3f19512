"""An export run off the interface thread: the command line's engine (export/runner.py), stoppable.

The thread does what `campaign-studio export` does (open the campaign, expand the job's
matrix, prepare and lock OUTDIR, run_export) and reports through Qt signals, which reach
the dialog on the interface thread. Cancel sets a flag; the engine's progress callback and
the executor's submit check it and raise ExportCancelled, which run_export treats like the
command line's Ctrl-C: pending designs are dropped, the manifest is saved for the files
written so far, and every file it names is whole (each is written atomically).
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QThread, Signal

from campaign_studio import pipeline
from campaign_studio.export import executors, matrix, runner
from campaign_studio.export.job import ExportJob
from campaign_studio.model.diagnostics import InputError

T = TypeVar("T")

# Below this many designs one worker thread is quicker than starting worker processes.
POOL_FROM_DESIGNS = 8


class ExportCancelled(Exception):
    """The user pressed Cancel: the engine stops before its next design."""


@dataclass(frozen=True)
class ExportRequest:
    """One export as the dialog asks for it; `job` holds the axes exactly as a job file would."""

    job: ExportJob
    outdir: Path
    options: runner.RunOptions = field(default_factory=runner.RunOptions)
    jobs: int | None = None  # worker processes; None: one thread for a small export, else one process per CPU


class _Stoppable(Executor):
    """An executor that refuses new designs once the stop flag is set (run_export then stops and saves)."""

    def __init__(self, inner: Executor, stop: threading.Event) -> None:
        self._inner = inner
        self._stop = stop

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        if self._stop.is_set():
            raise ExportCancelled
        return self._inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait, cancel_futures=cancel_futures or self._stop.is_set())


def make_executor(designs: int, jobs: int | None) -> tuple[Executor, int]:
    """The executor for an export of `designs` designs, and how many designs it runs at once.

    Worker processes are spawned, not forked: this process runs Qt's threads, and a fork
    copies only the thread that forks.
    """
    n = jobs if jobs is not None else (1 if designs < POOL_FROM_DESIGNS else executors.default_jobs())
    if n <= 1:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="export"), 1
    return ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn")), n


class ExportThread(QThread):
    """Runs one ExportRequest; exactly one of succeeded, cancelled or failed is emitted at the end."""

    progressed = Signal(int, int)  # outputs done, outputs in the job
    succeeded = Signal(object)  # runner.Summary
    cancelled = Signal(int)  # outputs done when it stopped
    failed = Signal(str)  # one message: the file, the place and the fix (or, for a bug, the traceback)

    def __init__(self, request: ExportRequest, campaign_folder: Path | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.request = request
        self.campaign_folder = campaign_folder
        self._stop = threading.Event()
        self._done = 0

    def cancel(self) -> None:
        """Stop after the design being written (thread-safe; the run ends with `cancelled`)."""
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        self._done = done
        self.progressed.emit(done, total)
        if self._stop.is_set():
            raise ExportCancelled

    def run(self) -> None:
        try:
            summary = self._export()
        except ExportCancelled:
            self.cancelled.emit(self._done)
        except InputError as exc:  # a bad choice, a folder that cannot be written, a full disk
            self.failed.emit(exc.diagnostic.format())
        except Exception:  # a bug of ours (exit 3 on the command line): say so, with the traceback
            self.failed.emit(self.tr("Campaign Studio hit an internal error; please report it:") + "\n"
                             + traceback.format_exc())
        else:
            self.succeeded.emit(summary)

    def _export(self) -> runner.Summary:
        loaded = pipeline.open_campaign(self.campaign_folder)
        if loaded.campaign is None:
            raise InputError(loaded.diagnostics.errors[0])
        made = matrix.expand(self.request.job, loaded.campaign)
        outdir = runner.prepare_outdir(self.request.outdir)
        if self._stop.is_set():
            raise ExportCancelled
        inner, workers = make_executor(len(made.outputs), self.request.jobs)
        options = runner.RunOptions(**{**vars(self.request.options), "workers": workers})
        with runner.export_lock(outdir), _Stoppable(inner, self._stop) as executor:
            return runner.run_export(made, loaded.campaign, self.campaign_folder, outdir, executor, options,
                                     fallback=self.request.job.fallback, progress=self._progress)
