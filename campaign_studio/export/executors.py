"""The executors an export runs on: this process, a local process pool, or (optional) a Dask cluster."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class InlineExecutor(Executor):
    """Runs each task at once in this process (--jobs 1): no start-up, the same code path as a pool."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # a KeyboardInterrupt stops the run; anything else is the task's result
            if not isinstance(exc, Exception):
                raise
            future.set_exception(exc)
        return future


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def local_executor(jobs: int) -> Executor:
    """`jobs` worker processes; each keeps its campaign, fonts and templates for every design it is given.

    Workers fork from this process where the system allows it (they start with what it has
    loaded already); elsewhere they start fresh and load it once.
    """
    return InlineExecutor() if jobs <= 1 else process_pool(jobs)


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` worker processes (also of one, for measuring a worker on its own)."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupt)


def _ignore_interrupt() -> None:
    """Ctrl-C reaches the whole process group: the owning process stops the run; workers finish their design."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


DASK_SCHEME = "dask://"


def dask_executor(address: str) -> Executor:
    """dask.distributed's executor for the scheduler at dask://HOST:PORT (the optional extra `distributed`).

    The workers need Campaign Studio installed; they load the campaign once each and send bytes
    back, and this process still writes every file.
    """
    from campaign_studio.model.diagnostics import Diagnostic, InputError

    try:
        from distributed import Client
    except ImportError:
        raise InputError(Diagnostic("error", f"--executor {address}: Dask is not installed",
                                    hint="pip install 'campaign-studio[distributed]', or leave out --executor")) from None
    host = address.removeprefix(DASK_SCHEME)
    try:
        client = Client(f"tcp://{host}", timeout=10, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(Diagnostic("error", f"--executor {address}: cannot reach the Dask scheduler ({exc})",
                                    hint="start it with 'dask scheduler' and its workers with 'dask worker HOST:PORT', "
                                    "or check the address")) from None
    return _DaskExecutor(client)


class _DaskExecutor(Executor):
    """The client's executor; shutting it down also closes the client."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._executor = client.get_executor(pure=False)

    @property
    def workers(self) -> int:
        """How many designs the cluster runs at once (its worker threads)."""
        return max(1, sum(self._client.nthreads().values()))

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._executor.shutdown(wait=wait)
        self._client.close()
