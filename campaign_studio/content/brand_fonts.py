"""A brand kit's own font files: checked with fontTools before layout ever shapes with them.

A brand may name a shipped family (Noto Sans, Atkinson Hyperlegible) or ship its own
faces under `fonts: files:`. A font file comes from outside, so:
- its path stays inside the brand folder (the same rule as logos);
- it must be a single TrueType or OpenType face: a collection (.ttc) is refused, since one
  file could hold thousands of faces pointing at the same tables (a "collection bomb"), and
  so are web fonts (WOFF), which need decompressing first;
- its size and number of tables are bounded, every table lies inside the file, and the
  tables layout needs (cmap, metrics, outlines, names) parse;
- its licence file lies beside it (LICENSE*, LICENCE*, OFL*, COPYING*): a brand shares
  nothing it has no licence for.
Scripts the face lacks are drawn by the shipped Noto faces (resources.FALLBACK_FACES);
`coverage_warnings` names the fallback for each language that needs one.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from functools import cache
from pathlib import Path

from campaign_studio import resources
from campaign_studio.content import logos
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.template import Brand, BrandFontFile

SHIPPED_FAMILIES = ("Noto Sans", "Atkinson Hyperlegible")
WEIGHTS = ("regular", "bold")
MAX_FONT_BYTES = 32 * 1024 * 1024
MAX_TABLES = 64  # real fonts have 10-30
_LICENCE = re.compile(r"^(licen[cs]e|ofl|copying|copyright)([-_. ].*)?$", re.IGNORECASE)
_SFNT = {b"\x00\x01\x00\x00": "TrueType", b"true": "TrueType", b"OTTO": "OpenType (CFF)"}
_OTHER = {b"ttcf": "a font collection (.ttc/.otc) holding several faces", b"wOFF": "a WOFF web font",
          b"wOF2": "a WOFF2 web font"}
_FONT_HINT = "ship one .ttf or .otf file per weight (export it from the font's release, not from a web page)"


def _refuse(loc: Location, key: str, message: str, hint: str = _FONT_HINT) -> InputError:
    return InputError(Diagnostic("error", message, loc, key, hint))


def licence_beside(path: Path) -> Path | None:
    """The licence file in the font's folder, if there is one."""
    return next((p for p in sorted(path.parent.iterdir()) if _LICENCE.match(p.name) and p.is_file()), None)


def check_font_file(folder: Path, family: str, weight: str, written: str, loc: Location, key: str) -> BrandFontFile:
    """The face brand.yaml names at `key`, checked; refusals name the file and the reason."""
    path = logos.logo_path(folder, written, loc, key, thing="font file", example="fonts/MyBrand-Regular.ttf")
    name = path.name
    size = path.stat().st_size
    if size > MAX_FONT_BYTES:
        raise _refuse(loc, key, f"font file {name!r} is {size / 1024 / 1024:.0f} MB, more than the "
                      f"{MAX_FONT_BYTES // 1024 // 1024} MB a font may have")
    with path.open("rb") as stream:
        data = stream.read(MAX_FONT_BYTES + 1)
    magic = data[:4]
    if magic in _OTHER:
        raise _refuse(loc, key, f"font file {name!r} is {_OTHER[magic]}, not a single TrueType or OpenType face")
    if magic not in _SFNT:
        raise _refuse(loc, key, f"font file {name!r} is not a TrueType or OpenType font")
    postscript, cmap = _read_face(data, name, loc, key)
    licence = licence_beside(path)
    if licence is None:
        raise _refuse(loc, key, f"font file {name!r} has no licence file beside it",
                      f"put the font's licence (e.g. OFL.txt or LICENSE.txt) in {path.parent.name}/ next to {name}; "
                      "only fonts whose licence allows sharing may be in a brand kit")
    return BrandFontFile(family, weight, path, hashlib.sha256(data).hexdigest(), postscript, cmap, licence, loc)


def _read_face(data: bytes, name: str, loc: Location, key: str) -> tuple[str, frozenset[int]]:
    from fontTools.ttLib import TTFont

    try:
        tt = TTFont(io.BytesIO(data), lazy=True)
    except Exception as exc:  # fontTools raises many kinds for what is not a font
        raise _refuse(loc, key, f"font file {name!r} cannot be read ({exc})") from None
    try:
        tables = tt.reader.tables
        if len(tables) > MAX_TABLES:
            raise _refuse(loc, key, f"font file {name!r} has {len(tables)} tables; a font has fewer than {MAX_TABLES}")
        for tag, entry in tables.items():
            if entry.offset + entry.length > len(data):
                raise _refuse(loc, key, f"font file {name!r} is truncated: its '{tag}' table runs past the end")
        missing = [t for t in ("head", "hhea", "maxp", "cmap", "hmtx", "name") if t not in tables]
        if "glyf" not in tables and "CFF " not in tables:
            missing.append("glyf or CFF")
        if missing:
            raise _refuse(loc, key, f"font file {name!r} lacks the table(s) {', '.join(missing)}")
        upem = int(tt["head"].unitsPerEm)
        cmap = frozenset(tt.getBestCmap() or {})
        glyphs = int(tt["maxp"].numGlyphs)
        tt["hmtx"]
        postscript = str(tt["name"].getDebugName(6) or tt["name"].getDebugName(4) or name)
    except InputError:
        raise
    except Exception as exc:  # a table that does not parse
        raise _refuse(loc, key, f"font file {name!r} is damaged ({exc})") from None
    finally:
        tt.close()
    if not 16 <= upem <= 16384 or not cmap or glyphs < 2:
        raise _refuse(loc, key, f"font file {name!r} is not a usable font (no character map, glyphs or units per em)")
    return postscript, cmap


def family_key(family: str, faces: dict[str, BrandFontFile]) -> str:
    """The family's name in layout: unique per set of files, so two brands' 'Brand Sans' never mix."""
    digest = hashlib.sha256("".join(f.digest for f in faces.values()).encode()).hexdigest()[:8]
    return f"{family} [{digest}]"


def family_name(key: str) -> str:
    """The family's name as its brand kit writes it (a message to a user names no hash)."""
    name, bracket, rest = key.rpartition(" [")
    return name if bracket and rest.endswith("]") else key


# -- coverage -----------------------------------------------------------------------------

@cache
def language_sample(code: str) -> str:
    """Letters a language's text needs, from CLDR: its name, month and day names, in both cases."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return ""
    words = [locale.get_display_name(locale) or ""]
    for table in (locale.months, locale.days):
        words += [str(v) for v in table.get("format", {}).get("wide", {}).values()]
    text = " ".join(words)
    return "".join(sorted({ch for ch in text + text.upper() + text.lower() if unicodedata.category(ch)[0] in "LMN"}))


@cache
def _fallback_cmaps() -> tuple[tuple[str, frozenset[int]], ...]:
    from fontTools.ttLib import TTFont

    out = []
    for stem, family in resources.FALLBACK_FACES:
        with TTFont(resources.fonts_dir() / f"{stem}-Regular.ttf", lazy=True) as tt:
            out.append((family, frozenset(tt.getBestCmap() or {})))
    return tuple(out)


def _script_name(ch: str) -> str:
    """A readable name for the script of `ch` ("ARABIC LETTER ALEF" -> "Arabic")."""
    return unicodedata.name(ch, "?").split(" ")[0].title()


def coverage_warnings(brand: Brand, languages: list[str]) -> Diagnostics:
    """A warning for each brand font x language whose letters the font lacks, naming the fallback face."""
    out = Diagnostics()
    for faces in brand.font_files.values():
        face = faces.get("regular") or next(iter(faces.values()))
        for language in languages:
            lacking = [ch for ch in language_sample(language) if ord(ch) not in face.cmap]
            if not lacking:
                continue
            used = [family for family, cmap in _fallback_cmaps() if any(ord(ch) in cmap for ch in lacking)]
            named = [_script_name(ch) for ch in lacking]
            scripts = ", ".join(dict.fromkeys(n for n in named if n not in ("Modifier", "Combining")) or named)
            sample = " ".join(lacking[:6])
            fallback = " and ".join(used) if used else "no shipped font (the text cannot be drawn)"
            out.append(Diagnostic(
                "warning" if used else "error",
                f"brand font {face.family!r} ({face.path.name}) lacks {len(lacking)} {scripts} letter(s) that "
                f"{language} text needs ({sample}); {language} text is set in the fallback {fallback}",
                face.location or Location(brand.path), f"fonts.files.{face.family}.{face.weight}",
                hint="fine if the fallback suits the brand; otherwise add a face of the brand font that covers "
                     f"{language}"))
    return out
