"""Crafting packs by hand for the tests: members with any name, mode and content, and a matching manifest."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

from campaign_studio.content.pack_format import FIXED_TIME, FORMAT, FORMAT_VERSION, MANIFEST_NAME

FILE = stat.S_IFREG | 0o644


def info(name: str, mode: int = FILE) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.create_system = 3
    zi.external_attr = mode << 16
    return zi


def manifest_bytes(members: list[tuple[str, bytes]], *, version: int = FORMAT_VERSION, kind: str = "campaign") -> bytes:
    files = [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in members]
    return json.dumps({"format": FORMAT, "format_version": version, "campaign_studio": "9.9.9", "kind": kind,
                       "rewritten": {}, "files": files}).encode()


def craft(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]], *, manifest: bool = True,
          version: int = FORMAT_VERSION, kind: str = "campaign") -> Path:
    """A pack of exactly these members, and (unless manifest=False) a manifest that lists each with its checksum."""
    infos = [(m if isinstance(m, zipfile.ZipInfo) else info(m), d) for m, d in members]
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names some tests want
        if manifest:
            archive.writestr(info(MANIFEST_NAME), manifest_bytes([(i.filename, d) for i, d in infos], version=version,
                                                                         kind=kind))
        for zi, data in infos:
            archive.writestr(zi, data)
    return path


def zero_bomb(path: Path, name: str, megabytes: int) -> Path:
    """A pack whose one member is `megabytes` MB of zeros, about 1 KB a MB packed, without the zeros ever existing.

    One MB of zeros deflated with a full flush is a self-contained piece of the stream;
    the member is that piece repeated, then an empty final block. The ZIP is written by hand
    because zipfile only writes what it compressed itself.
    """
    mb = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(mb) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = piece * megabytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(mb, crc)
    size, raw = megabytes << 20, name.encode()
    date = (0 << 9) | (1 << 5) | 1  # 1980-01-01
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, date, crc, len(data), size, len(raw), 0) + raw
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, 0, 8, 0, date, crc, len(data), size,
                          len(raw), 0, 0, 0, 0, FILE << 16, 0) + raw
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels in its header, with one tiny IDAT: decoding it would need GBs."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(width + 1))) + \
        chunk(b"IEND", b"")
