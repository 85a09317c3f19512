"""Font families, their script fallback chains, and per-face data loaded once.

A family is a chain of faces: the brand face first, then faces for the scripts it
lacks. Everything a face is asked during layout (coverage, metrics, the HarfBuzz
font) is read once here and cached, because fit_text asks it thousands of times.
"""

from __future__ import annotations

import hashlib
import io
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb
from fontTools.ttLib import TTFont
from fontTools.ttLib.sfnt import calcChecksum

from campaign_studio import resources
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location
from campaign_studio.model.pagetree import FontRef
from campaign_studio.model.template import BrandFontFile

# Family name -> file stems, primary first. Noto script faces cover what the
# primary lacks (Atkinson has no Cyrillic, Arabic or U+0130).
FALLBACK_STEMS = tuple(stem for stem, _ in resources.FALLBACK_FACES)
FAMILIES: dict[str, tuple[str, ...]] = {
    "Noto Sans": FALLBACK_STEMS,
    "Atkinson Hyperlegible": ("AtkinsonHyperlegible", *FALLBACK_STEMS),
}
WEIGHTS: dict[str, str] = {"regular": "Regular", "bold": "Bold"}


class MissingGlyphError(Exception):
    """A character that no face of the chain can draw (never rendered as .notdef)."""

    def __init__(self, char: str, fonts: Sequence[str], family: str | None = None) -> None:
        self.char = char
        self.codepoint = ord(char)
        name = unicodedata.name(char, "<unnamed character>")
        where = f"any font of the '{family}' chain" if family else "the font"
        super().__init__(f"U+{self.codepoint:04X} {name} is not in {where} ({', '.join(fonts)})")


def is_ignorable(ch: str) -> bool:
    """Default-ignorable characters (bidi controls, ZWSP, ZWJ, soft hyphen, variation
    selectors): HarfBuzz draws them as nothing, so no face needs to map them."""
    cp = ord(ch)
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or cp == 0x034F


@dataclass(frozen=True, eq=False)
class Face:
    """One loaded face. Metrics are in em (font units / upem); descender is positive."""

    ref: FontRef
    hb_font: hb.Font
    cmap: frozenset[int]
    upem: int
    ascender: float
    descender: float
    space_gid: int  # HarfBuzz draws default-ignorables as this glyph with no advance
    line_gap: float = 0.0  # em, the font's recommended extra space between lines

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.cmap or is_ignorable(ch)

    def hyphen(self) -> str:
        """The character to draw at a hyphenation break: U+2010 HYPHEN if present."""
        return "\u2010" if 0x2010 in self.cmap else "-"


MAX_FONT_BYTES = 64 * 1024 * 1024  # the largest shipped face is half a megabyte
_REQUIRED_TABLES = ("head", "hhea", "maxp", "cmap", "hmtx")
_FONT_FIX = ("the program's data folder is damaged: reinstall Campaign Studio, or restore assets/fonts "
             "from its release; in a git checkout: git checkout -- assets/fonts")


def _damaged(path: Path, problem: str) -> InputError:
    return InputError(Diagnostic("error", f"font file {path.name} {problem}", Location(path), hint=_FONT_FIX))


def _read_font(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FONT_BYTES:
            raise _damaged(path, f"is {size / 1024 / 1024:.0f} MB, far larger than any font Campaign Studio ships")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _damaged(path, "is missing") from None
    except OSError as exc:
        raise _damaged(path, f"cannot be read: {exc.strerror}") from None
    if not data:
        raise _damaged(path, "is empty")
    return data


def _check_tables(path: Path, data: bytes, tt: TTFont) -> None:
    """Every table lies inside the file and matches its checksum: a truncated or altered file is found here,
    not as a crash in shaping, rasterising or PDF subsetting later."""
    tables = tt.reader.tables
    missing = [tag for tag in _REQUIRED_TABLES if tag not in tables]
    if "glyf" not in tables and "CFF " not in tables:
        missing.append("glyf")
    if missing:
        raise _damaged(path, f"is not a usable font: it lacks the table(s) {', '.join(missing)}")
    for tag, entry in tables.items():
        if entry.offset + entry.length > len(data):
            raise _damaged(path, f"is truncated: its '{tag}' table runs past the end of the file")
        chunk = data[entry.offset:entry.offset + entry.length]
        checksum = calcChecksum(chunk[:8] + b"\0\0\0\0" + chunk[12:]) if tag == "head" else calcChecksum(chunk)
        if checksum != entry.checkSum:
            raise _damaged(path, f"is damaged: its '{tag}' table does not match its checksum")


def load_face(ref: FontRef) -> Face:
    """Read one face, checked whole first: a damaged font is refused with its file name and the fix."""
    data = _read_font(ref.path)
    try:
        tt = TTFont(io.BytesIO(data), lazy=True)
    except Exception:  # fontTools raises TTLibError, struct.error, ... for what is not a font
        raise _damaged(ref.path, "is not a TrueType or OpenType font") from None
    try:
        _check_tables(ref.path, data, tt)
        upem = int(tt["head"].unitsPerEm)
        os2 = tt.get("OS/2")
        # Typo metrics only when the font says they are meant (USE_TYPO_METRICS), else hhea,
        # as browsers and FreeType do; the shipped fonts have identical values in both.
        if os2 is not None and os2.fsSelection & (1 << 7):
            asc, desc, gap = os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap
        else:
            asc, desc, gap = tt["hhea"].ascent, tt["hhea"].descent, tt["hhea"].lineGap
        glyphs = int(tt["maxp"].numGlyphs)
        hb_face = hb.Face(hb.Blob(data))
        # HarfBuzz's best Unicode subtable, the one it shapes with (the same set as fontTools'
        # getBestCmap, tests/text/test_text_fonts.py), read in C: fontTools names every glyph
        # first, which was a third of a one-shot render's first layout
        cmap = frozenset(hb_face.unicodes)
    except InputError:
        raise
    except Exception as exc:  # a table that passed its checksum but does not parse
        raise _damaged(ref.path, f"is damaged ({exc})") from None
    finally:
        tt.close()
    if not 16 <= upem <= 16384 or not cmap or glyphs < 1:
        raise _damaged(ref.path, "is not a usable font (no character map, glyphs or units per em)")
    font = hb.Font(hb_face)  # scale = upem: shaped in font units, no hinting
    if font.face.glyph_count != glyphs:
        raise _damaged(ref.path, "is damaged: HarfBuzz cannot read its glyphs")
    return Face(ref, font, cmap, upem, asc / upem, abs(desc) / upem, font.get_nominal_glyph(0x20) or 0,
                max(gap, 0) / upem)


class FontLibrary:
    """The shipped font families, faces loaded lazily on first use."""

    def __init__(self, fonts_dir: Path) -> None:
        self.fonts_dir = Path(fonts_dir)
        self._faces: dict[str, Face] = {}
        self._lock = threading.Lock()
        # Brand kits' own families (family key -> weight -> font file), added by layout for its brand.
        self._brand_families: dict[str, dict[str, Path]] = {}

    def add_brand_fonts(self, families: Mapping[str, Mapping[str, BrandFontFile]]) -> None:
        """Make a brand's own faces (checked by content.brand_fonts) usable by their family key.

        A key names one set of files (it carries their hash), so adding it again changes nothing.
        """
        for key, faces in families.items():
            if key not in self._brand_families:
                with self._lock:
                    self._brand_families[key] = {weight: face.path for weight, face in faces.items()}

    @classmethod
    def default(cls) -> FontLibrary:
        return _default_library(resources.fonts_dir())

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(FAMILIES)

    def brand_family_of(self, path: Path) -> str | None:
        """The key of the brand family a font file belongs to (None for shipped faces)."""
        return next((key for key, faces in self._brand_families.items() if path in faces.values()), None)

    def chain(self, family: str, weight: str) -> list[FontRef]:
        """Primary face first, then script fallbacks, all of the same weight."""
        if family not in FAMILIES and family not in self._brand_families:
            known = ", ".join(repr(f) for f in (*FAMILIES, *self._brand_families))
            raise ValueError(f"unknown font family {family!r}; known families: {known}")
        if weight not in WEIGHTS:
            known = ", ".join(repr(w) for w in WEIGHTS)
            raise ValueError(f"unknown font weight {weight!r}; known weights: {known}")
        refs = []
        own = self._brand_families.get(family)
        if own is not None:  # the brand's face, then the shipped Noto faces for the scripts it lacks
            path = own[weight]
            refs.append(FontRef(key=f"brand{_file_key(path)}-{WEIGHTS[weight]}", path=path))
        for stem in FAMILIES.get(family, FALLBACK_STEMS):
            key = f"{stem}-{WEIGHTS[weight]}"
            refs.append(FontRef(key=key, path=self.fonts_dir / f"{key}.ttf"))
        return refs

    def face(self, ref: FontRef) -> Face:
        face = self._faces.get(ref.key)
        if face is None:
            with self._lock:
                face = self._faces.get(ref.key)
                if face is None:
                    face = load_face(ref)
                    self._faces[ref.key] = face
        return face

    def faces(self, family: str, weight: str) -> tuple[Face, ...]:
        return tuple(self.face(ref) for ref in self.chain(family, weight))


@lru_cache(maxsize=64)
def _file_key(path: Path) -> str:
    """A face's identity: its path and content (a brand folder edited in the GUI gives a new key)."""
    stamp = path.stat()
    return hashlib.sha1(f"{path}:{stamp.st_mtime_ns}:{stamp.st_size}".encode(), usedforsecurity=False).hexdigest()[:16]


@lru_cache(maxsize=8)
def _default_library(fonts_dir: Path) -> FontLibrary:
    # Keyed by folder so CAMPAIGN_STUDIO_HOME set by a test or packager is respected.
    return FontLibrary(fonts_dir)
