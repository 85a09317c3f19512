"""Fonts for the PDF renderer: one ReportLab TTFont per font file, glyph ids → subset codes.

The PDF renderer draws the glyph ids layout shaped, not characters, so a font must
be able to show a glyph that no character maps to (Arabic contextual forms,
ligatures). ReportLab's TrueType subsetting is keyed by code point, so such a glyph
gets a private-use code point. ReportLab's own shaper hands these out in order of
first use in the process, which would make the bytes of a PDF depend on what was
rendered before it; here the code is a function of the glyph id alone
(U+E000 + gid, or U+F0000 + gid if that is taken), so identical pages give
identical PDFs in any process.

Glyphs that characters do map to use the smallest such code point. The fonts are
embedded as subsets; their ToUnicode maps are only a fallback, since every run
also carries its logical text as /ActualText.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_lock = threading.Lock()


@cache
def _register(path: str) -> TTFont:
    name = "CS-" + hashlib.sha1(path.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    font = _TTFont(name, path, asciiReadable=False, shapable=False)
    pdfmetrics.registerFont(font)
    return font


def registered_font(path: Path) -> TTFont:
    """The TTFont for a font file, registered with ReportLab once per process."""
    with _lock:
        return _register(str(path))


_PUA_BMP = 0xE000
_PUA_BMP_END = 0xF8FF
_PUA_PLANE15 = 0xF0000


def _code_for(font: TTFont, gid: int) -> int:
    face = font.face
    chars = face.glyphToChar.get(gid)
    if chars:
        return int(min(chars))
    for base, end in ((_PUA_BMP, _PUA_BMP_END), (_PUA_PLANE15, 0xFFFFD)):
        code = base + gid
        if code <= end:
            owner = face.charToGlyph.get(code)
            if owner is None:
                face.charToGlyph[code] = gid
                face.glyphToChar.setdefault(gid, []).append(code)
                face.charWidths[code] = face._pdfScale(face.hmetrics[gid][0])
                return code
            if owner == gid:
                return code
    raise ValueError(f"{font.face.filename}: no code point left for glyph {gid}")


def glyph_codes(font: TTFont, gids: Sequence[int]) -> list[int]:
    """The code point ReportLab's subsetter should use for each glyph id."""
    with _lock:
        cache_ = font.__dict__.setdefault("_cs_gid_codes", {})
        out = []
        for gid in gids:
            code = cache_.get(gid)
            if code is None:
                if not 0 <= gid < font.face.numGlyphs:
                    raise ValueError(f"glyph id {gid} is not in {font.face.filename}")
                code = cache_[gid] = _code_for(font, gid)
            out.append(code)
        return out


def glyph_width(font: TTFont, code: int) -> float:
    """The advance the PDF's /Widths array gives for `code`, in 1/1000 em."""
    return float(font.face.getCharWidth(code))


_NULL_MAPPING = re.compile(rb"^<[0-9A-Fa-f]+> <0000>\r?\n", re.MULTILINE)
_BFCHAR_COUNT = re.compile(rb"(\d+) beginbfchar\r?\n(.*?)endbfchar", re.DOTALL)


def _without_null(cmap: bytes) -> bytes:
    """A ToUnicode CMap without its mappings to U+0000 (and the bfchar counts fixed)."""

    def block(m: re.Match[bytes]) -> bytes:
        body = _NULL_MAPPING.sub(b"", m.group(2))
        n = body.count(b"\n")
        return b"%d beginbfchar\n%sendbfchar" % (n, body) if n else b""

    return _BFCHAR_COUNT.sub(block, cmap)


class _TTFont(TTFont):
    """A TTFont whose subsets' ToUnicode maps have no U+0000 value.

    Code 0 of a ReportLab subset is never drawn (it is the subset's .notdef slot), but
    ReportLab maps it to U+0000, which PDF/UA-1 (ISO 14289-1 7.21.7) forbids for any code.
    """

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        for name, obj in list(doc.idToObject.items()):
            if name.startswith("toUnicodeCMap:") and isinstance(obj.content, str):
                obj.content = _without_null(obj.content.encode("latin-1")).decode("latin-1")
