"""One writer at a time in a campaign folder, and writes that are whole or absent.

Two `translations import` runs into the same campaign used to read the same PO file,
merge each its own entries and write: the second write lost the first one's change.
A command that changes a campaign folder holds an exclusive lock on a lock file in it
for the whole read-modify-write (so it must re-read what it changes after taking the
lock), and replaces files atomically (content.files.atomic_write), so a reader never sees half a file.

The lock is fcntl.flock, which the kernel releases when the process ends, so a crashed
command never leaves a stale lock behind. The lock file itself stays (removing it would
let two writers lock two different files).
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from campaign_studio.model.diagnostics import Diagnostic, InputError

LOCK_NAME = ".campaign-studio.lock"
LOCK_TIMEOUT = 10.0  # seconds a second writer waits before it is refused
_POLL = 0.05


@contextmanager
def campaign_lock(folder: Path, doing: str, timeout: float | None = None, *,
                  busy: str = "another command is changing this campaign") -> Iterator[None]:
    """Hold the campaign folder's lock; wait up to `timeout` seconds (LOCK_TIMEOUT) for another writer.

    Raises InputError (exit 2) when the lock is still held after that, or cannot be taken.
    `busy` says who holds it (an export locks its output folder with the same lock).
    """
    path = folder / LOCK_NAME
    wait = LOCK_TIMEOUT if timeout is None else timeout
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot {doing}: the lock file {path} cannot be created "
                                    f"({exc.strerror})", None, hint="check that you may write in the campaign folder")) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise InputError(Diagnostic(
                        "error", f"cannot {doing}: the campaign folder cannot be locked with {path} "
                        f"({exc.strerror})", None, hint="use a campaign folder on a local disk")) from None
                if time.monotonic() >= deadline:
                    waited = f" and did not finish within {wait:g} seconds" if wait else ""
                    raise InputError(Diagnostic(
                        "error", f"cannot {doing}: {busy} (it holds {path}){waited}", None,
                        hint="wait until it has finished, then run the command again; nothing was changed")) from None
                time.sleep(_POLL)
        yield
    finally:
        os.close(fd)  # releases the lock
