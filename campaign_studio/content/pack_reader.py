"""Unpack a .cspack safely: check everything, write into a temporary folder, then rename it into place.

A pack comes from someone else, so nothing in it is trusted. In order, each step before
anything is decompressed where it can be:
1. the file: a plain file, not too large, a ZIP;
2. every member's central-directory entry: its path stays inside the target (no '..',
   no absolute path, no backslash), it is a plain file (no link, device, pipe, folder),
   not encrypted, not too large, not compressed beyond MAX_RATIO; no two names the same,
   also not after case folding and Unicode normalisation; not too many files or bytes;
3. the manifest: present, of a format this version reads, listing exactly the members;
4. each member, decompressed into the temporary folder with its size bounded, matches
   its SHA-256; images are held to a pixel bound from their headers, SVGs parsed safely;
5. one rename puts the folder in place. Any refusal removes the temporary folder: nothing is left.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from campaign_studio.content import files
from campaign_studio.content.pack_format import (
    MANIFEST_NAME,
    MAX_FILES,
    MAX_MANIFEST_BYTES,
    MAX_PACK_BYTES,
    MAX_TOTAL_BYTES,
    Manifest,
    folded,
    header_problem,
    name_problem,
    parse_manifest,
    refusal,
)
from campaign_studio.content.pack_members import check_member
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

_CHUNK = 64 * 1024
_ASK_AGAIN = "this is not a pack Campaign Studio wrote, or it was changed since: ask for it again"


@dataclass(frozen=True)
class Unpacked:
    folder: Path
    manifest: Manifest
    bytes: int


def _open(pack: Path) -> zipfile.ZipFile:
    files.refuse_link_loop(pack, "the pack")
    try:
        info = pack.stat()
    except FileNotFoundError:
        raise InputError(Diagnostic("error", "pack not found", Location(pack), hint="check the path")) from None
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot read the pack: {exc.strerror}", Location(pack))) from None
    if not pack.is_file():
        raise refusal(pack, "is not a plain file", "give the path of a .cspack file")
    if info.st_size > MAX_PACK_BYTES:
        raise refusal(pack, f"the pack is {info.st_size / 1024 / 1024:,.0f} MB, more than the "
                      f"{MAX_PACK_BYTES // 1024 // 1024} MB a pack may have", _ASK_AGAIN)
    try:
        return zipfile.ZipFile(pack)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise refusal(pack, f"is not a Campaign Studio pack: not a readable ZIP archive ({exc})",
                      "make packs with 'campaign-studio pack'") from None
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot read the pack: {exc.strerror}", Location(pack))) from None


def check_entries(infos: list[zipfile.ZipInfo], pack: Path) -> None:
    """Refuse the pack from its central directory alone: names, kinds, sizes, ratios, duplicates, counts."""
    if len(infos) > MAX_FILES + 1:  # + the manifest
        raise refusal(pack, f"it holds {len(infos):,} members, more than the {MAX_FILES:,} files a pack may have",
                      _ASK_AGAIN)
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        problem = name_problem(name) or header_problem(info)
        if problem:
            raise refusal(pack, f"member {name!r} {problem}", _ASK_AGAIN)
        first = seen.get(folded(name))
        if first is not None:
            same = "appears twice" if first == name else f"and {first!r} differ only in case or Unicode form"
            raise refusal(pack, f"member {name!r} {same} (one would overwrite the other)", _ASK_AGAIN)
        seen[folded(name)] = name
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refusal(pack, f"its members hold more than the {MAX_TOTAL_BYTES // 1024 // 1024} MB a pack may have",
                          _ASK_AGAIN)
    folders = {folded(n.rsplit("/", 1)[0]) for n in seen.values() if "/" in n}
    folders |= {f.rsplit("/", i)[0] for f in folders for i in range(1, f.count("/") + 1)}
    clash = sorted(n for key, n in seen.items() if key in folders)
    if clash:
        raise refusal(pack, f"member {clash[0]!r} is both a file and a folder", _ASK_AGAIN)


def _manifest(archive: zipfile.ZipFile, pack: Path) -> Manifest:
    try:
        info = archive.getinfo(MANIFEST_NAME)
    except KeyError:
        raise refusal(pack, f"it has no manifest ({MANIFEST_NAME}): not a Campaign Studio pack",
                      "make packs with 'campaign-studio pack'") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise refusal(pack, f"its manifest is more than {MAX_MANIFEST_BYTES // 1024 // 1024} MB", _ASK_AGAIN)
    manifest = parse_manifest(_bounded_read(archive, info, pack, MAX_MANIFEST_BYTES), pack)
    listed = {e.path for e in manifest.entries}
    if len(listed) != len(manifest.entries):
        raise refusal(pack, "its manifest lists a file twice", _ASK_AGAIN)
    members = {i.filename for i in archive.infolist()} - {MANIFEST_NAME}
    extra, missing = sorted(members - listed), sorted(listed - members)
    if extra:
        raise refusal(pack, f"member {extra[0]!r} is not in the manifest", _ASK_AGAIN)
    if missing:
        raise refusal(pack, f"the manifest lists {missing[0]!r}, which the pack does not hold", _ASK_AGAIN)
    return manifest


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, pack: Path, limit: int) -> bytes:
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise refusal(pack, f"member {info.filename!r} unpacks to more than its header says", _ASK_AGAIN)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise refusal(pack, f"member {info.filename!r} is damaged ({exc})", _ASK_AGAIN) from None
    return b"".join(chunks)


def _changed(pack: Path, name: str) -> InputError:
    return refusal(pack, f"member {name!r} does not match its checksum in the manifest: it was changed after the "
                   "pack was made", _ASK_AGAIN)


def _extract(archive: zipfile.ZipFile, manifest: Manifest, staging: Path, pack: Path) -> int:
    """Decompress every member into `staging`, each bounded by its listed size and checked against its SHA-256."""
    total = 0
    for entry in manifest.entries:
        info = archive.getinfo(entry.path)
        file = staging / entry.path
        file.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            with os.fdopen(fd, "wb") as out, archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > info.file_size:
                        raise refusal(pack, f"member {entry.path!r} unpacks to more than its header says",
                                      _ASK_AGAIN)
                    if size > entry.size:
                        raise _changed(pack, entry.path)
                    digest.update(chunk)
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise refusal(pack, f"member {entry.path!r} is damaged ({exc})", _ASK_AGAIN) from None
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise _changed(pack, entry.path)
        check_member(entry.path, file, pack)
        total += size
    return total


def read_pack(pack: Path, target: Path) -> Unpacked:
    """Unpack `pack` into the new or empty folder `target`; any refusal leaves nothing behind."""
    with _open(pack) as archive:
        check_entries(archive.infolist(), pack)
        manifest = _manifest(archive, pack)
        target = files.new_folder(target, "folder to unpack into", command="unpack")
        try:
            staging = Path(tempfile.mkdtemp(prefix=files.temp_prefix(target.name), dir=target.parent))
        except OSError as exc:
            raise InputError(Diagnostic("error", f"cannot create a folder in {target.parent}: {exc.strerror}",
                                        Location(target), hint="choose a folder you can write to")) from None
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; the folder gets the usual permissions
            total = _extract(archive, manifest, staging, pack)
            try:
                staging.rename(target)  # one rename: it replaces an empty folder and fails if something filled it
            except OSError as exc:
                if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR):
                    raise
                raise InputError(Diagnostic("error", "folder is not empty any more: something wrote into it while "
                                            "unpacking; nothing was written", Location(target),
                                            hint="choose a new or empty folder")) from None
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise InputError(Diagnostic("error", f"cannot unpack: {exc.strerror}; nothing was written",
                                        Location(target), hint="free some disk space or choose another place")) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return Unpacked(target, manifest, total)
