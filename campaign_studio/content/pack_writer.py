"""Write a campaign or edition folder into one deterministic .cspack file.

Same folder, same bytes: members sorted by path, one fixed time stamp and mode, the
manifest first. An edition pack holds the edition folder at its root; a campaign or
brand kit it names that lies outside the folder is packed under `campaign/` or `brand/`
(another free name if the edition has a file of that name), and edition.yaml is
rewritten to point there (the manifest records what it read before). Built-in
campaigns and brands are not packed: every Campaign Studio has them.
Hidden files and folders (.git, the folder lock, editor back-ups) and __pycache__ are left out.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from campaign_studio.content import files
from campaign_studio.content.edition_refs import EDITION_FILE, read_dependencies, rewrite
from campaign_studio.content.pack_format import (
    FILE_MODE,
    FIXED_TIME,
    MANIFEST_NAME,
    MAX_FILES,
    MAX_MEMBER_BYTES,
    MAX_TOTAL_BYTES,
    Entry,
    Manifest,
    folded,
    header_problem,
    name_problem,
)
from campaign_studio.content.yamlsource import read_text
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

CAMPAIGN_FILE = "campaign.yaml"


@dataclass(frozen=True)
class Packed:
    """What was written: the pack, what it holds, and each reference of edition.yaml that now points elsewhere."""

    path: Path
    kind: str
    files: int
    bytes: int
    rewritten: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (now, was)
    builtin: dict[str, str] = field(default_factory=dict)  # key -> built-in id, not packed


def _refuse(path: Path, message: str, hint: str) -> InputError:
    return InputError(Diagnostic("error", f"{message}; no pack was written", Location(path), hint=hint))


def _skipped(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def _collect(folder: Path, prefix: str, members: dict[str, Path], leave_out: Path | None = None) -> None:
    """Every file under `folder` as member name -> file; links and special files refused by name."""
    for here, dirs, names in os.walk(folder):
        base = Path(here)
        if leave_out is not None and base.resolve() == leave_out:
            dirs.clear()
            continue
        for name in sorted(dirs):
            if _skipped(name):
                dirs.remove(name)
            elif (base / name).is_symlink():
                raise _refuse(base / name, "is a symbolic link; a pack carries no links",
                              "replace the link by the folder itself, or move it out of the folder")
        for name in sorted(names):
            file = base / name
            if _skipped(name):
                continue
            info = file.lstat()
            if stat.S_ISLNK(info.st_mode):
                raise _refuse(file, "is a symbolic link; a pack carries no links",
                              "replace the link by the file itself, or move it out of the folder")
            if not stat.S_ISREG(info.st_mode):
                raise _refuse(file, "is not a plain file (a device, pipe or socket)", "move it out of the folder")
            member = prefix + file.relative_to(folder).as_posix()
            problem = name_problem(member)
            if problem:
                raise _refuse(file, f"its path {problem}", "rename the file")
            members[member] = file


def _edition_members(folder: Path, members: dict[str, Path], texts: dict[str, bytes]) -> tuple[
        dict[str, tuple[str, str]], dict[str, str]]:
    """Collect the edition and what it names; edition.yaml's text, rewritten where a reference moved."""
    path, dependencies = read_dependencies(folder)
    root = folder.resolve()
    _collect(folder, "", members)
    text = read_text(path, EDITION_FILE)
    placed: list[tuple[Path, str]] = [(root, "")]  # folders in the pack: real path -> where it lies in the pack
    rewritten: dict[str, tuple[str, str]] = {}
    builtin: dict[str, str] = {}
    taken = {m.split("/")[0] for m in members}
    for dep in dependencies:
        if dep.folder is None:
            builtin[dep.key] = dep.written
            continue
        real = dep.folder.resolve()
        inside = next(((r, p) for r, p in placed if real.is_relative_to(r)), None)
        if inside is None:
            place = next(n for n in (dep.key, *(f"{dep.key}-{i}" for i in range(2, 100))) if n not in taken)
            taken.add(place)
            leave_out = root if root.is_relative_to(real) else None  # an edition inside its campaign: once
            _collect(dep.folder, place + "/", members, leave_out)
            placed.append((real, place))
            inside = (real, place)
        written = Path(dep.written)
        if inside[1] == "" and not written.is_absolute() and ".." not in written.parts:
            continue  # inside the edition folder, whose layout the pack keeps: the reference still resolves
        where = "/".join(p for p in (inside[1], real.relative_to(inside[0]).as_posix()) if p and p != ".") or "."
        text = rewrite(text, path, dep, where)
        rewritten[dep.key] = (where, dep.written)
    texts[EDITION_FILE] = text.encode("utf-8")
    return rewritten, builtin


def _kind(folder: Path) -> str:
    files.refuse_link_loop(folder, "the folder to pack")
    if not folder.is_dir():
        raise _refuse(folder, "is not a folder" if folder.exists() else "folder not found",
                      "give the folder that holds campaign.yaml or edition.yaml")
    if (folder / EDITION_FILE).is_file():
        return "edition"
    if (folder / CAMPAIGN_FILE).is_file():
        return "campaign"
    raise _refuse(folder, f"holds neither {EDITION_FILE} nor {CAMPAIGN_FILE}",
                  "give a campaign folder (made with 'campaign-studio init') or an edition folder")


def _read_member(file: Path) -> bytes:
    with file.open("rb") as stream:
        data = stream.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise _refuse(file, f"is more than the {MAX_MEMBER_BYTES // 1024 // 1024} MB a file in a pack may have",
                      "save a smaller copy")
    return data


def write_pack(folder: Path, output: Path, version: str) -> Packed:
    """Pack `folder` (a campaign or an edition with what it names) into `output`, atomically."""
    kind = _kind(folder)
    target = files.output_path(output, "pack")  # before any work, as for every output
    members: dict[str, Path] = {}
    texts: dict[str, bytes] = {}
    rewritten: dict[str, tuple[str, str]] = {}
    builtin: dict[str, str] = {}
    if kind == "edition":
        rewritten, builtin = _edition_members(folder, members, texts)
    else:
        _collect(folder, "", members)
    for name in [n for n, f in members.items() if f.resolve() == target]:
        del members[name]  # an earlier pack of this name inside the folder does not go into the new one
    if len(members) > MAX_FILES:
        raise _refuse(folder, f"holds {len(members):,} files, more than the {MAX_FILES:,} a pack may have",
                      "move what the campaign does not need out of the folder")
    seen: dict[str, str] = {}
    for name in sorted(members):
        first = seen.setdefault(folded(name), name)
        if first != name:
            raise _refuse(members[name], f"{name!r} and {first!r} differ only in case or Unicode form: on Windows and "
                          "macOS they are one file", "rename one of them")
    contents = {name: texts.get(name) or _read_member(members[name]) for name in sorted(members)}
    total = sum(map(len, contents.values()))
    if total > MAX_TOTAL_BYTES:
        raise _refuse(folder, f"holds {total / 1024 / 1024:,.0f} MB, more than the {MAX_TOTAL_BYTES // 1024 // 1024} "
                      "MB a pack may have", "move what the campaign does not need out of the folder")
    entries = tuple(Entry(n, len(d), hashlib.sha256(d).hexdigest()) for n, d in contents.items())
    manifest = Manifest(kind, version, entries, rewritten)
    _write_zip(target, folder, [(MANIFEST_NAME, manifest.to_bytes()), *contents.items()])
    return Packed(output, kind, len(entries), total, rewritten, builtin)


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the mode below is what readers see
    info.external_attr = FILE_MODE << 16
    return info


def _write_zip(target: Path, folder: Path, members: list[tuple[str, bytes]]) -> None:
    """Write the ZIP to a temporary file beside `target`, check every member as a reader will, then rename."""
    fd, tmp = tempfile.mkstemp(prefix=files.temp_prefix(target.name), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w") as archive:
                for name, data in members:
                    archive.writestr(_zip_info(name), data, compresslevel=9)
                for info in archive.infolist():
                    problem = header_problem(info)
                    if problem:  # what the reader would refuse (a file that compresses too well) is refused here
                        raise _refuse(folder / info.filename, f"{info.filename!r} {problem}",
                                      "leave the file out of the folder, or save it in a compressed format")
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _refuse(target, f"cannot write the pack: {exc.strerror}", "free some disk space or choose another "
                      "place") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
