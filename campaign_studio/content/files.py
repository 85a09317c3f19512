"""Paths a user names: link loops refused by name, outputs checked before any work, atomic writes.

Every refusal is an InputError whose Location is the path alone (a folder or a file as a
whole has no line to point at), with the fix in the hint.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from campaign_studio.model.diagnostics import Diagnostic, InputError, Location


def _refuse(path: Path, message: str, hint: str) -> InputError:
    return InputError(Diagnostic("error", message, Location(path), hint=hint))


def temp_prefix(name: str) -> str:
    """A hidden temporary name beside `name` that stays within the 255 bytes a file name may have."""
    return f".{name[:40]}."


def _status(path: Path, what: str) -> os.stat_result | None:
    """os.stat of the path, None when nothing is there; a path the system cannot use is refused by name."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise _refuse(path, f"the {what}'s name or path is too long for the file system",
                          "choose a shorter name (at most 255 bytes a name) or a shorter path") from None
        raise _refuse(path, f"cannot use the {what}: {exc.strerror}", "choose another place") from None


def link_loop(path: Path) -> Path | None:
    """The first symbolic link on `path` that leads back to itself, or None when there is no loop."""
    try:
        os.stat(path)
        return None
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            return None
    for i in range(1, len(path.parts) + 1):
        prefix = Path(*path.parts[:i])
        try:
            os.stat(prefix)
        except OSError as exc:
            return prefix if exc.errno == errno.ELOOP else None
    return path  # pragma: no cover - the whole path looped, so one of its prefixes does


def refuse_link_loop(path: Path, what: str) -> None:
    """Name a loop of symbolic links as a loop (os.stat only says 'too many levels of symbolic links')."""
    link = link_loop(path)
    if link is None:
        return
    where = "is a symbolic link that" if link == path else f"goes through the symbolic link {link}, which"
    raise _refuse(path, f"{what} {where} leads back to itself (a loop of links)",
                  "point the link at a real folder or file, or give the real path")


def output_path(path: Path, what: str = "output file") -> Path:
    """Check, before any work is done, that a file can be written at `path`; the path to write.

    Refuses a folder, a device or other special file, a missing parent folder, a place that
    accepts no new files, and link loops. A link to a file is followed: the file it points at
    is replaced. The check creates and removes a probe file, because only trying tells
    whether a folder accepts files (permissions, read-only or virtual file systems).
    """
    refuse_link_loop(path, f"the {what}")
    target = Path(os.path.realpath(path))
    info = _status(target, what)  # None: nothing there yet; the parent is checked below
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _refuse(path, f"the {what} is an existing folder, not a file",
                      "give another file name, or remove or rename the folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise _refuse(path, f"the {what} is a device, pipe or socket, not a plain file",
                      "give the path of a new or existing plain file")
    # name folders as the user wrote them, unless a link made them something else
    parent = path.parent if Path(os.path.abspath(path)) == target else target.parent
    if not parent.is_dir():
        missing = next((p for p in reversed([parent, *parent.parents]) if not p.is_dir()), parent)
        if missing.exists():
            problem, fix = f"cannot write the {what}: {missing} is a file, not a folder", "rename the file"
        else:
            problem, fix = f"output folder does not exist: {missing}", f"create it first with mkdir -p {parent}"
        raise _refuse(path, problem, f"{fix}, or choose another place")
    try:
        fd, probe = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=".probe", dir=parent)
    except OSError as exc:
        raise _refuse(path, f"cannot write the {what}: the folder {parent} does not accept new files "
                      f"({(exc.strerror or 'refused').lower()})", "choose a folder you can write to") from None
    os.close(fd)
    os.unlink(probe)
    return target


def new_folder(path: Path, what: str = "folder", *, command: str = "init") -> Path:
    """Check that a new folder can be made at `path` (or that it is an empty one); the real path.

    A link is followed to the folder it points at; a loop of links, a file, a folder with
    files in it and a missing parent are refused.
    """
    refuse_link_loop(path, f"the {what}")
    target = Path(os.path.realpath(path))
    if _status(target, what) is not None:
        if not target.is_dir():
            raise _refuse(path, "exists and is a file", "choose a new or empty folder")
        if any(target.iterdir()):
            raise _refuse(path, f"folder is not empty; {command} never overwrites files", "choose a new or empty folder")
    parent = target.parent
    if not parent.is_dir():
        raise _refuse(parent, "parent folder does not exist", f"create it first with mkdir -p {parent}, or choose another place")
    return target


def ensure_folder(path: Path, what: str) -> None:
    """Create the folder `path` (one level) unless it exists; refuse a file or a loop in its place."""
    refuse_link_loop(path, what)
    if path.exists() and not path.is_dir():
        raise _refuse(path, f"the {what} is a file, not a folder",
                      f"move the file away and let a folder {path.name}/ take its place")
    try:
        path.mkdir(exist_ok=True)
    except OSError as exc:
        raise _refuse(path, f"cannot create the {what}: {exc.strerror}", "check the folder's permissions") from None


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and os.replace.

    Readers see the old file or the new one, never half of one; on any failure the
    temporary file is removed and the old file is left as it was.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _refuse(path, f"cannot write {path.name}: {exc.strerror}",
                      "check that the folder exists and accepts new files") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual permissions
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _refuse(path, f"cannot write {path.name}: {exc.strerror}; nothing was changed",
                      "free some disk space or choose another place" if exc.errno == errno.ENOSPC
                      else "check the folder's permissions or choose another place") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (the folder's entry), where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
