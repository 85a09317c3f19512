"""The campaign pack format (.cspack): a ZIP of a campaign or edition folder with a manifest.

The manifest (`.cspack.json`, the first member) holds the format version, the Campaign
Studio version that wrote it, what the pack holds, and the size and SHA-256 of every other
member. The writer and the reader share the limits and the name rules below, so a pack that
was written can always be read back, and a pack that breaks them is refused before
anything is read from it.
"""

from __future__ import annotations

import json
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

SUFFIX = ".cspack"
MANIFEST_NAME = ".cspack.json"
FORMAT = "campaign-studio-pack"
FORMAT_VERSION = 1
KINDS = ("campaign", "edition")

# A campaign is text, a few pictures, logos and fonts: these bounds are far beyond any real one.
MAX_FILES = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PACK_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
#: members larger than RATIO_FLOOR may not shrink more than MAX_RATIO times (deflate tops out near 1000)
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
#: every member gets this time stamp, so the same folder always makes the same bytes
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = stat.S_IFREG | 0o644
_SHA256 = re.compile(r"[0-9a-f]{64}")


def refusal(pack: Path, message: str, hint: str) -> InputError:
    return InputError(Diagnostic("error", f"{message}; nothing was written", Location(pack), hint=hint))


def name_problem(name: str) -> str | None:
    """Why `name` may not be a member's path (it would land outside the folder, or nowhere), or None."""
    if not name:
        return "has an empty name"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
        return "has a control character in its name"
    if "\\" in name:
        return "has a backslash in its name (a Windows path)"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "is an absolute path"
    parts = name.split("/")
    if ".." in parts:
        return "leads out of the target folder ('..')"
    if any(p in ("", ".") for p in parts):
        return "has an empty or '.' part in its path"
    if any(len(p.encode("utf-8")) > 255 for p in parts):
        return "has a name longer than 255 bytes"
    return None


def folded(name: str) -> str:
    """The name as a case-insensitive, normalising file system (macOS, Windows) sees it."""
    return unicodedata.normalize("NFC", name).casefold()


def header_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member is refused from its central-directory entry alone (nothing decompressed), or None."""
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if info.is_dir() or kind == stat.S_IFDIR:
        return "is a folder entry (a pack lists files only)"
    if kind == stat.S_IFLNK:
        return "is a symbolic link"
    if kind in (stat.S_IFCHR, stat.S_IFBLK):
        return "is a device file"
    if kind in (stat.S_IFIFO, stat.S_IFSOCK):
        return "is a pipe or socket"
    if kind not in (0, stat.S_IFREG):
        return "is not a plain file"
    if info.flag_bits & 0x1:
        return "is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"uses compression method {info.compress_type}, not stored or deflate"
    if info.file_size > MAX_MEMBER_BYTES:
        return f"is {info.file_size / 1024 / 1024:,.0f} MB unpacked, more than the {MAX_MEMBER_BYTES // 1024 // 1024} " \
               "MB a member may have"
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return f"shrinks {info.file_size / max(info.compress_size, 1):,.0f} times when packed (more than {MAX_RATIO}: " \
               "a decompression bomb)"
    return None


@dataclass(frozen=True)
class Entry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    kind: str  # campaign | edition
    version: str  # the Campaign Studio version that wrote the pack
    entries: tuple[Entry, ...]
    #: edition packs: key -> (as edition.yaml now reads, as it read before packing) for each rewritten reference
    rewritten: dict[str, tuple[str, str]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "campaign_studio": self.version, "kind": self.kind,
            "rewritten": {k: {"now": now, "was": was} for k, (now, was) in sorted(self.rewritten.items())},
            "files": [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in self.entries],
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def parse_manifest(data: bytes, pack: Path) -> Manifest:
    """The manifest of `pack`; a damaged one, or one from a newer format, is refused."""
    damaged = "make the pack again with 'campaign-studio pack'"
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refusal(pack, f"its manifest {MANIFEST_NAME} is not JSON ({exc})", damaged) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise refusal(pack, f"its manifest {MANIFEST_NAME} is not that of a Campaign Studio pack", damaged)
    version, made_by = raw.get("format_version"), str(raw.get("campaign_studio", "?"))
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refusal(pack, f"its manifest has no valid format_version ({version!r})", damaged)
    if version > FORMAT_VERSION:
        raise refusal(pack, f"it was made by a newer Campaign Studio ({made_by}, pack format {version}); this version "
                      f"reads pack format {FORMAT_VERSION}", "update Campaign Studio, or ask for a pack made with this "
                      "version")
    kind, listed, rewritten = raw.get("kind"), raw.get("files"), raw.get("rewritten", {})
    if kind not in KINDS:
        raise refusal(pack, f"its manifest names kind {kind!r}, not one of {', '.join(KINDS)}", damaged)
    if not isinstance(listed, list) or not isinstance(rewritten, dict):
        raise refusal(pack, "its manifest has no list of files", damaged)
    entries = []
    for item in listed:
        ok = isinstance(item, dict) and isinstance(item.get("path"), str) and isinstance(item.get("size"), int) \
            and isinstance(item.get("sha256"), str) and _SHA256.fullmatch(item["sha256"]) is not None
        if not ok:
            raise refusal(pack, f"its manifest has a damaged file entry ({str(item)[:80]})", damaged)
        entries.append(Entry(item["path"], item["size"], item["sha256"]))
    moved = {str(k): (str(v.get("now", "")), str(v.get("was", ""))) for k, v in rewritten.items() if isinstance(v, dict)}
    return Manifest(str(kind), made_by, tuple(entries), moved)
