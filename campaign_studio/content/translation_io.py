"""The translator's round trip: export a language for a translator's tool, read the file back, check it, merge it.

Export writes gettext PO (Poedit, Weblate) or XLIFF 1.2 (translation agencies' CAT tools)
with every text of the campaign in document order, its state and where it comes from.
Import reads a PO or XLIFF (1.2 or 2.x) file and checks all of it before anything is
merged: a file with any error is refused whole. These are pure functions: they read the
files they are given and return text, data and Diagnostics; the CLI prints and writes.

XLIFF is untrusted XML: a DOCTYPE or ENTITY declaration is refused before the XML is
parsed, so entity expansion ("billion laughs") and external entities cannot happen.
"""

from __future__ import annotations

import difflib
import io
import re
import textwrap
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

import polib
from babel import Locale
from babel.messages.plurals import get_plural

from campaign_studio.content.campaign_loader import texts
from campaign_studio.content.languages import canonical_language, language_info
from campaign_studio.content.translation_rules import check_translation
from campaign_studio.content.translations import (
    MAX_PO_BYTES,
    Catalog,
    Entry,
    State,
    campaign_catalog,
    load_catalog,
    parse_po,
)
from campaign_studio.content.yamlsource import read_text
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location

MAX_IMPORT_BYTES = MAX_PO_BYTES
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.0 and 2.1 share it
XML_NS = "http://www.w3.org/XML/1998/namespace"
PO_SUFFIXES = (".po",)
XLIFF_SUFFIXES = (".xlf", ".xliff")
FORMATS = ("po", "xliff")

# A translation this much longer than its source may not fit where the source did.
LENGTH_RATIO = 1.6
LENGTH_SLACK = 10  # ... and at least this many characters longer (short labels vary a lot)

# XLIFF 1.2 target states
_REVIEWED_12 = {"final", "signed-off"}
_OUTDATED_12 = {"needs-review-translation", "needs-review-adaptation", "needs-review-l10n", "needs-adaptation",
                "needs-l10n"}
_REVIEWED_2 = {"reviewed", "final"}


# --- export --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportItem:
    """One text of the campaign as a translator sees it."""

    text: Text
    translation: str
    state: State
    draft: bool
    previous_source: str | None  # for an outdated translation: the source it was made from, when known


def catalog_path(campaign: Campaign, language: str) -> Path:
    """The PO file of a language: translations/<code>.po (an existing 'pt_BR.po' is found for 'pt-BR')."""
    folder = campaign.translations_folder
    for name in (language, language.replace("-", "_")):
        if (folder / f"{name}.po").exists():
            return folder / f"{name}.po"
    return folder / f"{language}.po"


def export_items(campaign: Campaign, language: str) -> list[ExportItem]:
    """Every translatable text in document order with its translation (empty when missing) and state."""
    # an edition's: its own file's entries over its campaign's, so the translator sees everything
    catalog: Catalog | None = campaign_catalog(campaign, catalog_path(campaign, language).stem)
    items = []
    for text in texts(campaign):
        entry = catalog.entries.get(text.id) if catalog else None
        state = catalog.state(text) if catalog else State.MISSING
        previous = None
        if entry is not None and state is State.OUTDATED:
            previous = entry.source if entry.source != text.source else entry.previous_source
        items.append(ExportItem(text, entry.translation if entry else "", state, bool(entry and entry.draft),
                                previous))
    return items


def _where(text: Text, campaign: Campaign) -> tuple[str, int] | None:
    if text.location is None:
        return None
    file = text.location.file
    try:
        name = file.relative_to(campaign.folder).as_posix()
    except ValueError:
        name = file.name
    return name, text.location.line


def _plural_forms(language: str) -> str | None:
    try:
        return str(get_plural(language.replace("-", "_")))
    except (ValueError, KeyError):
        return None


def po_header(campaign: Campaign, language: str) -> dict[str, str]:
    header = {
        "Project-Id-Version": campaign.id,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    plural = _plural_forms(language)
    if plural:
        header["Plural-Forms"] = plural
    header["X-Source-Language"] = campaign.source_language
    return header


def export_po(campaign: Campaign, language: str) -> str:
    """A PO catalogue of every text: msgctxt = text id, msgid = current source, msgstr = translation.

    An outdated translation is flagged fuzzy and keeps the source it was made from as
    `#| msgid`, so Poedit and Weblate show what changed; `draft` stays as it was.
    """
    check_export_language(campaign, language)
    po = polib.POFile(wrapwidth=0)
    po.header = f"{language_info(language).name} translation of campaign {campaign.id}; " \
                "msgctxt is the text id, msgid the source text"
    po.metadata = po_header(campaign, language)
    for item in export_items(campaign, language):
        flags = (["fuzzy"] if item.state is State.OUTDATED else []) + (["draft"] if item.draft else [])
        where = _where(item.text, campaign)
        po.append(polib.POEntry(
            msgctxt=item.text.id, msgid=item.text.source, msgstr=item.translation, flags=flags,
            previous_msgid=item.previous_source, occurrences=[(where[0], str(where[1]))] if where else [],
            comment=item.text.note or "",
        ))
    return str(po)


def _xliff_state(item: ExportItem) -> str | None:
    if item.state is State.MISSING:
        return None
    if item.state is State.OUTDATED:
        return "needs-review-translation"
    return "translated" if item.draft else "final"


def export_xliff(campaign: Campaign, language: str) -> bytes:
    """XLIFF 1.2: one <file>, a <trans-unit> per text (id and resname = text id), the state on <target>.

    final = reviewed and current, translated = a current draft, needs-review-translation =
    outdated (the source changed; a note gives the source it was made from), no <target> = missing.
    """
    check_export_language(campaign, language)
    ET.register_namespace("", XLIFF12_NS)
    q = f"{{{XLIFF12_NS}}}"
    space = f"{{{XML_NS}}}space"
    root = ET.Element(f"{q}xliff", {"version": "1.2"})
    file = ET.SubElement(root, f"{q}file", {"source-language": campaign.source_language, "target-language": language,
                                            "datatype": "plaintext", "original": "campaign.yaml"})
    body = ET.SubElement(file, f"{q}body")
    for item in export_items(campaign, language):
        unit = ET.SubElement(body, f"{q}trans-unit", {"id": item.text.id, "resname": item.text.id, space: "preserve"})
        ET.SubElement(unit, f"{q}source", {space: "preserve"}).text = item.text.source
        state = _xliff_state(item)
        if state is not None:
            ET.SubElement(unit, f"{q}target", {"state": state, space: "preserve"}).text = item.translation
        where = _where(item.text, campaign)
        if where:
            ET.SubElement(unit, f"{q}note", {"from": "campaign-studio"}).text = f"{where[0]}:{where[1]}"
        if item.text.note:
            ET.SubElement(unit, f"{q}note", {"from": "campaign-studio"}).text = item.text.note
        if item.state is State.OUTDATED:
            note = "outdated: the source text changed since this was translated"
            if item.previous_source:
                note += f"; it was translated from: {item.previous_source}"
            ET.SubElement(unit, f"{q}note", {"from": "campaign-studio", "priority": "1"}).text = note
    ET.indent(root, space="  ")
    out = io.BytesIO()
    ET.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True)
    return out.getvalue() + b"\n"


def check_export_language(campaign: Campaign, language: str) -> None:
    """Refuse (InputError) a language that cannot be exported: not a language code, or the source itself."""
    problem = language_problem(language)
    if problem:
        raise InputError(Diagnostic("error", f"--lang {language!r} {problem}", None,
                                    hint="use a BCP 47 language code such as 'en', 'ar' or 'pt-BR'"))
    if _primary(language) == _primary(campaign.source_language):
        raise InputError(Diagnostic("error", f"--lang {language!r} is the campaign's source language; "
                                    "there is nothing to translate", None,
                                    hint="choose a language to translate into, e.g. 'en'"))


# --- languages -----------------------------------------------------------------------------------

_BCP47 = re.compile(
    r"^(?:[A-Za-z]{2,3}|[A-Za-z]{5,8})"  # language
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|\d{3}))?"  # region
    r"(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$"  # variants
)


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def language_problem(code: str) -> str | None:
    """Why `code` is not a usable language code, or None."""
    if not _BCP47.match(code.replace("_", "-")):
        return "is not a BCP 47 language code"
    if code != "qps" and language_info(code).script == "Zyyy":
        return "is not a language CLDR knows"
    return None


# Letters of a script are the characters whose Unicode name starts with one of these words.
_SCRIPT_WORDS: dict[str, tuple[str, ...]] = {
    "Latn": ("LATIN",), "Arab": ("ARABIC",), "Cyrl": ("CYRILLIC",), "Ethi": ("ETHIOPIC",), "Grek": ("GREEK",),
    "Hebr": ("HEBREW",), "Deva": ("DEVANAGARI",), "Beng": ("BENGALI",), "Guru": ("GURMUKHI",), "Gujr": ("GUJARATI",),
    "Taml": ("TAMIL",), "Telu": ("TELUGU",), "Knda": ("KANNADA",), "Mlym": ("MALAYALAM",), "Orya": ("ORIYA",),
    "Sinh": ("SINHALA",), "Thai": ("THAI",), "Laoo": ("LAO",), "Khmr": ("KHMER",), "Mymr": ("MYANMAR",),
    "Geor": ("GEORGIAN",), "Armn": ("ARMENIAN",), "Hans": ("CJK",), "Hant": ("CJK",), "Hani": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"), "Kore": ("HANGUL",), "Tibt": ("TIBETAN",), "Tfng": ("TIFINAGH",),
    "Syrc": ("SYRIAC",), "Thaa": ("THAANA",),
}


def _letter_script(ch: str) -> str | None:
    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    for script, words in _SCRIPT_WORDS.items():
        if name.startswith(words):
            return script
    return None


def _has_script(text: str, script: str) -> bool:
    words = _SCRIPT_WORDS[script]
    return any(unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "").startswith(words) for ch in text)


def _script_name(script: str) -> str:
    return str(Locale("en").scripts.get(script, script))


# --- reading an import ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportEntry:
    text_id: str
    source: str  # the source text the translator saw
    translation: str
    fuzzy: bool  # the translator's tool says it needs work (PO fuzzy, XLIFF needs-review-*)
    draft: bool  # not reviewed by a native speaker
    location: Location
    previous_source: str | None = None
    inline_markup: str | None = None  # an XML element inside an XLIFF <target>, e.g. "<g>"
    translation_location: Location | None = None  # the msgstr line or <target> element

    @property
    def translation_at(self) -> Location:
        return self.translation_location or self.location


@dataclass
class ImportFile:
    path: Path
    kind: str  # po | xliff
    language: str  # as declared; "" when the file does not say
    source_language: str  # as declared; "" when the file does not say
    language_location: Location
    entries: list[ImportEntry] = field(default_factory=list)
    problems: Diagnostics = field(default_factory=Diagnostics)  # findings in a file that could be read
    lines: list[str] = field(default_factory=list)  # the file's text, to point at a character in it
    untranslated: list[str] = field(default_factory=list)  # text ids of entries without a translation


def import_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in PO_SUFFIXES:
        return "po"
    if suffix in XLIFF_SUFFIXES:
        return "xliff"
    raise InputError(Diagnostic(
        "error", f"cannot import a {suffix or 'file without extension'!r} file: translations come as .po, .xlf or .xliff",
        Location(path, 1, 1), hint="export with 'campaign-studio translations export --format po|xliff'"))


def read_import(path: Path) -> ImportFile:
    """Read a translator's PO or XLIFF file. Raises InputError when it cannot be read or parsed at all."""
    kind = import_kind(path)
    content = read_text(path, "PO file" if kind == "po" else "XLIFF file", MAX_IMPORT_BYTES)
    result = _read_po(content, path) if kind == "po" else _read_xliff(content, path)
    result.lines = content.splitlines()
    return result


# PO -----------------------------------------------------------------------------------------------

_PO_STRING = r'"(?:[^"\\]|\\.)*"'
_PO_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[\s\"])")
_PO_KEYWORD_LINE = re.compile(rf"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+({_PO_STRING})\s*$")
_PO_CONTINUATION = re.compile(rf"^\s*({_PO_STRING})\s*$")
_PO_ESCAPE = re.compile(r"\\(.)")  # pairs, left to right: an escaped backslash followed by q is no bad escape
_PO_ESCAPES = set('\\"ntrabfv')


def _po_syntax_error(path: Path, line: int, column: int, message: str) -> InputError:
    return InputError(Diagnostic("error", f"not a valid PO file: {message}", Location(path, line, column),
                                 hint="fix this line (Poedit or 'msgfmt -c' show the same), then import again"))


@dataclass
class _PoScan:
    contexts: list[tuple[str, int]] = field(default_factory=list)  # (msgctxt, line) in file order
    without_context: list[int] = field(default_factory=list)  # lines of msgid without msgctxt
    language_line: int = 0
    msgstr_lines: dict[str, int] = field(default_factory=dict)  # msgctxt -> line of its first msgstr or msgstr[n]


def _scan_po(content: str, path: Path) -> _PoScan:
    """A line-by-line check polib does not make (it reads an unclosed quote as an empty file), and the lines of entries."""
    scan = _PoScan()
    keyword = ""
    pending_context: tuple[list[str], int] | None = None
    current_context: str | None = None
    in_header = False
    for number, line in enumerate(content.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            keyword = "" if not stripped else keyword
            continue
        found = _PO_KEYWORD_LINE.match(stripped)
        string: str
        if found:
            keyword, string = found.group(1), found.group(2)
        else:
            cont = _PO_CONTINUATION.match(stripped)
            if cont and keyword:
                string = cont.group(1)
            elif (word := _PO_KEYWORD.match(stripped)) and not stripped[word.end():].lstrip().startswith('"'):
                raise _po_syntax_error(path, number, line.index(word.group(1)) + 1,
                                       f"{word.group(1)} must be followed by a text in double quotes")
            elif word or stripped.startswith('"'):
                raise _po_syntax_error(path, number, line.index('"') + 1, "the quoted text that starts here is not "
                                       "closed properly (a missing closing quote, or a \" inside the text that is not "
                                       "written \\\")")
            else:
                raise _po_syntax_error(path, number, 1, "expected a msgctxt, msgid or msgstr line, a quoted "
                                       "continuation or a # comment")
        bad = next((m for m in _PO_ESCAPE.finditer(string) if m.group(1) not in _PO_ESCAPES), None)
        if bad:
            raise _po_syntax_error(path, number, line.index(string) + bad.start() + 1,
                                   f"unknown escape '\\{bad.group(1)}' in a quoted text")
        value = polib.unescape(string[1:-1])
        if found and keyword == "msgctxt":
            pending_context = ([value], number)
        elif not found and keyword == "msgctxt" and pending_context is not None:
            pending_context[0].append(value)
        elif found and keyword == "msgid":
            current_context = None
            if pending_context is not None:
                current_context = "".join(pending_context[0])
                scan.contexts.append((current_context, pending_context[1]))
            elif string != '""':
                scan.without_context.append(number)
            in_header = pending_context is None and string == '""'
            pending_context = None
        if found and keyword.startswith("msgstr") and current_context is not None:
            scan.msgstr_lines.setdefault(current_context, number)
        if keyword == "msgstr" and in_header and value.startswith("Language:") and not scan.language_line:
            scan.language_line = number
    return scan


def _read_po(content: str, path: Path) -> ImportFile:
    scan = _scan_po(content, path)
    po = parse_po(content, path)
    language = po.metadata.get("Language", "").strip()
    source_language = po.metadata.get("X-Source-Language", "").strip()
    result = ImportFile(path, "po", language, source_language, Location(path, scan.language_line or 1, 1))
    first_line: dict[str, int] = {}
    for context, line in scan.contexts:
        if context in first_line:
            result.problems.error(f"text id {context!r} appears twice (first on line {first_line[context]})",
                                  Location(path, line, 1), hint="keep one translation per text id")
        first_line.setdefault(context, line)
    lines_without_context = iter(scan.without_context)
    seen: set[str] = set()
    for e in po:
        if e.obsolete:
            continue
        if not e.msgctxt:
            line = next(lines_without_context, e.linenum or 1)
            result.problems.error(
                f"entry {textwrap.shorten(e.msgid, 50, placeholder=' ...')!r} has no msgctxt, "
                "so it is not clear which text it translates",
                Location(path, line, 1), hint="export the language again with 'campaign-studio translations export' "
                "and translate that file: each entry's msgctxt is the text id")
            continue
        if e.msgctxt in seen:
            continue  # reported above: a text id appears twice
        seen.add(e.msgctxt)
        loc = Location(path, first_line.get(e.msgctxt, e.linenum or 1), 1)
        msgstr_loc = Location(path, scan.msgstr_lines[e.msgctxt], 1) if e.msgctxt in scan.msgstr_lines else loc
        if e.msgid_plural:
            result.problems.error("plural forms (msgid_plural) are not used by campaign texts", loc,
                                  hint="translate the one msgstr")
            continue
        if e.msgstr_plural:
            # polib keeps msgstr[0] apart from msgstr: without this the translation would be dropped
            result.problems.error(f"{e.msgctxt}: the translation is written as msgstr[0], a plural form, but the "
                                  "entry has no msgid_plural", msgstr_loc,
                                  hint='write it as msgstr "..."; campaign texts have one translation each')
            continue
        result.entries.append(ImportEntry(e.msgctxt, e.msgid, e.msgstr, "fuzzy" in e.flags, "draft" in e.flags, loc,
                                          e.previous_msgid, translation_location=msgstr_loc))
    return result


# XLIFF --------------------------------------------------------------------------------------------

_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
MAX_XML_DEPTH = 64


class _El:
    """An XML element with the line and column where its start tag begins."""

    __slots__ = ("attrs", "column", "line", "parts", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], line: int, column: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.column = column
        self.parts: list[str | _El] = []

    @property
    def local(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    def children(self) -> list[_El]:
        return [p for p in self.parts if isinstance(p, _El)]

    def child(self, tag: str) -> _El | None:
        return next((c for c in self.children() if c.tag == tag), None)

    def iter(self, tag: str) -> Iterator[_El]:
        for c in self.children():
            if c.tag == tag:
                yield c
            yield from c.iter(tag)

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)


class _XmlRefused(Exception):
    def __init__(self, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.hint = line, column, hint


def _qualified(name: str) -> str:
    return "{" + name if "}" in name else name


def parse_xml(content: str, path: Path) -> _El:
    """Parse untrusted XML into located elements; no DTD, no entities beyond the five XML ones."""
    declaration = _DECLARATION.search(content)
    if declaration:
        before = content[: declaration.start()]
        raise InputError(Diagnostic(
            "error", f"the file has a {declaration.group(1).upper()} declaration; XLIFF files need none, and it was "
            "refused before parsing (entity declarations can make a small file expand enormously)",
            Location(path, before.count("\n") + 1, declaration.start() - (before.rfind("\n") + 1) + 1),
            hint="remove the <!DOCTYPE ...> or <!ENTITY ...> declaration"))
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_El] = []
    roots: list[_El] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) >= MAX_XML_DEPTH:
            raise _XmlRefused(f"elements are nested more than {MAX_XML_DEPTH} levels deep", parser.CurrentLineNumber,
                              parser.CurrentColumnNumber + 1)
        el = _El(_qualified(name), {_qualified(k): v for k, v in attrs.items()}, parser.CurrentLineNumber,
                 parser.CurrentColumnNumber + 1)
        (stack[-1].parts if stack else roots).append(el)
        stack.append(el)

    def end(name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    def refuse(*_args: object) -> None:
        raise _XmlRefused("DTD and entity declarations are not allowed", parser.CurrentLineNumber,
                          parser.CurrentColumnNumber + 1, "remove the declaration")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    try:
        parser.Parse(content, True)
    except _XmlRefused as exc:
        raise InputError(Diagnostic("error", f"not a valid XLIFF file: {exc}", Location(path, exc.line, exc.column),
                                    hint=exc.hint)) from None
    except expat.ExpatError as exc:
        raise InputError(Diagnostic(
            "error", f"not well-formed XML: {expat.ErrorString(exc.code)}", Location(path, exc.lineno, exc.offset + 1),
            hint="the translator's tool should write valid XML; check this place, or export again")) from None
    return roots[0]


def _read_xliff(content: str, path: Path) -> ImportFile:
    root = parse_xml(content, path)
    if root.tag == f"{{{XLIFF12_NS}}}xliff":
        return _read_xliff12(root, path)
    if root.tag == f"{{{XLIFF2_NS}}}xliff":
        return _read_xliff2(root, path)
    raise InputError(Diagnostic(
        "error", f"not an XLIFF 1.2 or 2.x document: the root element is <{root.local}>"
        + (f" in namespace {root.tag[1:].split('}')[0]!r}" if root.tag.startswith("{") else " without a namespace"),
        Location(path, root.line, root.column),
        hint=f"an XLIFF 1.2 file starts with <xliff version=\"1.2\" xmlns=\"{XLIFF12_NS}\">"))


def _inline(el: _El | None) -> str | None:
    if el is None:
        return None
    child = next(iter(el.children()), None)
    return f"<{child.local}>" if child is not None else None


def _one_file(root: _El, tag: str, path: Path, result: ImportFile) -> _El | None:
    files = list(root.iter(tag))
    if not files:
        result.problems.error("the XLIFF file has no <file> element, so no translations",
                              Location(path, root.line, root.column), hint="export the language again")
        return None
    for extra in files[1:]:
        result.problems.error(f"the XLIFF file holds {len(files)} <file> elements; import one language's file at a time",
                              Location(path, extra.line, extra.column), hint="split it into one file per <file>")
    return files[0]


def _read_xliff12(root: _El, path: Path) -> ImportFile:
    q = f"{{{XLIFF12_NS}}}"
    result = ImportFile(path, "xliff", "", "", Location(path, root.line, root.column))
    file = _one_file(root, f"{q}file", path, result)
    if file is None:
        return result
    result.language = file.attrs.get("target-language", "").strip()
    result.source_language = file.attrs.get("source-language", "").strip()
    result.language_location = Location(path, file.line, file.column)
    for unit in file.iter(f"{q}trans-unit"):
        loc = Location(path, unit.line, unit.column)
        text_id = unit.attrs.get("resname") or unit.attrs.get("id", "")
        if unit.attrs.get("translate") == "no":
            continue
        source, target = unit.child(f"{q}source"), unit.child(f"{q}target")
        if not text_id:
            result.problems.error("<trans-unit> without id or resname, so it is not clear which text it translates",
                                  loc, hint="each trans-unit's id is the text id")
            continue
        if source is None:
            result.problems.error(f"<trans-unit> {text_id!r} has no <source>", loc,
                                  hint="keep the source text the file was exported with")
            continue
        if target is None:
            result.untranslated.append(text_id)
            continue
        state = target.attrs.get("state", "")
        reviewed = state in _REVIEWED_12 or (not state and unit.attrs.get("approved") == "yes")
        result.entries.append(ImportEntry(text_id, source.text(), target.text(), state in _OUTDATED_12, not reviewed,
                                          loc, inline_markup=_inline(target),
                                          translation_location=Location(path, target.line, target.column)))
    return result


def _read_xliff2(root: _El, path: Path) -> ImportFile:
    q = f"{{{XLIFF2_NS}}}"
    result = ImportFile(path, "xliff", root.attrs.get("trgLang", "").strip(), root.attrs.get("srcLang", "").strip(),
                        Location(path, root.line, root.column))
    file = _one_file(root, f"{q}file", path, result)
    if file is None:
        return result
    for unit in file.iter(f"{q}unit"):
        loc = Location(path, unit.line, unit.column)
        text_id = unit.attrs.get("name") or unit.attrs.get("id", "")
        if unit.attrs.get("translate") == "no":
            continue
        if not text_id:
            result.problems.error("<unit> without id, so it is not clear which text it translates", loc)
            continue
        parts = [p for p in unit.children() if p.tag in (f"{q}segment", f"{q}ignorable")]
        sources = [p.child(f"{q}source") for p in parts]
        targets = [p.child(f"{q}target") for p in parts]
        if not parts or any(s is None for s in sources):
            result.problems.error(f"<unit> {text_id!r} has no <source>", loc)
            continue
        if any(t is None for t in targets):
            result.untranslated.append(text_id)  # not (completely) translated
            continue
        states = [p.attrs.get("state", "initial") for p in parts if p.tag == f"{q}segment"]
        markup = next((m for m in (_inline(t) for t in targets) if m), None)
        first = targets[0]
        result.entries.append(ImportEntry(
            text_id, "".join(s.text() for s in sources if s is not None),
            "".join(t.text() for t in targets if t is not None),
            False, not all(s in _REVIEWED_2 for s in states), loc, inline_markup=markup,
            translation_location=Location(path, first.line, first.column) if first is not None else None))
    return result


# --- checking an import --------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sd]|%[sd]|\{[A-Za-z_]\w*\}|\{\d*\}")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>\n]{0,60}>?|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"
                     r"|\b(?:javascript|vbscript)\s*:", re.IGNORECASE)


def placeholders(text: str) -> Counter[str]:
    return Counter(_PLACEHOLDER.findall(text))


def markup(text: str) -> list[str]:
    return [m.group(0) for m in _MARKUP.finditer(text)]


def _shown(items: list[str]) -> str:
    return ", ".join(repr(i) for i in items[:5]) + (", ..." if len(items) > 5 else "")


def check_import(campaign: Campaign, imported: ImportFile) -> Diagnostics:
    """Everything wrong with a translator's file, errors and warnings; the file may be merged only without errors."""
    diags = Diagnostics()
    diags.extend(imported.problems)
    _check_language(campaign, imported, diags)
    by_id = {t.id: t for t in texts(campaign)}
    for entry in imported.entries:
        text = by_id.get(entry.text_id)
        if text is None:
            close = difflib.get_close_matches(entry.text_id, list(by_id), n=1, cutoff=0.6)
            diags.error(f"unknown text id {entry.text_id!r}: the campaign has no such text", entry.location,
                        hint=f"did you mean {close[0]!r}?" if close
                        else "the text was removed or renamed; export the language again")
            continue
        if entry.translation:
            _check_entry(entry, text, diags, imported.lines)
    _check_script(campaign, imported, by_id, diags)
    return diags


def _check_language(campaign: Campaign, imported: ImportFile, diags: Diagnostics) -> None:
    loc = imported.language_location
    where = "a 'Language: xx' header line" if imported.kind == "po" else 'target-language="xx" on <file>'
    if not imported.language:
        diags.error("the file does not say which language it holds", loc, hint=f"add {where}")
        return
    problem = language_problem(imported.language)
    if problem:
        diags.error(f"the declared language {imported.language!r} {problem}", loc,
                    hint=f"write {where} with a BCP 47 code such as 'en', 'ar' or 'pt-BR'")
        return
    if _primary(imported.language) == _primary(campaign.source_language):
        diags.error(f"the file declares the campaign's source language {imported.language!r} as its language",
                    loc, hint="source texts are edited in campaign.yaml; translations are for other languages")
    if imported.source_language and _primary(imported.source_language) != _primary(campaign.source_language):
        diags.error(f"the file was translated from {imported.source_language!r}, but the campaign's source language "
                    f"is {campaign.source_language!r}", loc,
                    hint="export the language from this campaign and translate that file")


def _check_entry(entry: ImportEntry, text: Text, diags: Diagnostics, lines: list[str]) -> None:
    loc, tid = entry.location, entry.text_id
    if entry.inline_markup:
        diags.error(f"{tid}: the translation contains the XML element {entry.inline_markup}; "
                    "campaign texts are plain text", loc, hint="remove the element, keep its words")
    expected, found = placeholders(entry.source), placeholders(entry.translation)
    missing, extra = sorted((expected - found).elements()), sorted((found - expected).elements())
    if missing:
        diags.error(f"{tid}: placeholder {_shown(missing)} of the source is missing from the translation", loc,
                    hint="copy the placeholder exactly as it is in the source, e.g. {name}; only the words around it "
                    "are translated")
    if extra:
        diags.error(f"{tid}: the translation has placeholder {_shown(extra)}, which the source does not have", loc,
                    hint="use exactly the placeholders of the source")
    allowed = set(markup(entry.source)) | set(markup(text.source))
    injected = [m for m in markup(entry.translation) if m not in allowed]
    if injected:
        diags.error(f"{tid}: the translation contains markup the source does not have: {_shown(injected)}", loc,
                    hint="translations are plain text; remove it")
    check_translation(text, entry.translation, entry.translation_at, diags, lines)
    if entry.source != text.source:
        diags.warning(f"{tid}: translated from an older source text; it is stored as outdated (fuzzy) "
                      "and not used until it is updated", loc,
                      hint=f"the source is now: {text.source!r}")


def length_warnings(imported: ImportFile, changed: set[str], by_id: dict[str, Text]) -> Diagnostics:
    """A warning for each changed translation much longer than its source."""
    diags = Diagnostics()
    for entry in imported.entries:
        text = by_id.get(entry.text_id)
        if text is None or entry.text_id not in changed:
            continue
        n, m = len(entry.translation), len(text.source)
        if n > LENGTH_RATIO * m and n - m >= LENGTH_SLACK:
            diags.warning(f"{entry.text_id}: the translation is {n / max(m, 1):.1f}× as long as the source "
                          f"({n} against {m} characters) and may not fit where the source does", entry.location,
                          hint="check it in the smallest format, or shorten it")
    return diags


def _check_script(campaign: Campaign, imported: ImportFile, by_id: dict[str, Text], diags: Diagnostics) -> None:
    """Refuse a file whose translations are mostly not in its language's script.

    Names stay as they are in every language ('Centrum Seksueel Geweld'), so entries equal to
    their source are not judged, and the file is judged as a whole.
    """
    if not imported.language or language_problem(imported.language):
        return
    script = language_info(imported.language).script
    if script not in _SCRIPT_WORDS:
        return
    judged = [e.translation for e in imported.entries
              if e.translation and e.text_id in by_id and e.translation.strip() != by_id[e.text_id].source.strip()]
    if not judged:
        return
    matching = sum(_has_script(t, script) for t in judged)
    if matching * 2 >= len(judged):
        return
    seen = Counter(s for t in judged for s in {_letter_script(ch) for ch in t} if s)
    looks = f"; they are written in {_script_name(seen.most_common(1)[0][0])} script" if seen else ""
    info = language_info(imported.language)
    diags.error(f"the file declares language {imported.language!r} ({info.name}, {_script_name(script)} script), "
                f"but only {matching} of its {len(judged)} translations contain {_script_name(script)} letters{looks}",
                imported.language_location,
                hint="is this the right file, or is the declared language wrong?")


# --- merging -------------------------------------------------------------------------------------

@dataclass
class MergeResult:
    path: Path  # the language's PO file in the campaign
    content: str  # its new text
    created: bool  # the language is new
    added: list[str] = field(default_factory=list)  # had no translation before
    updated: list[str] = field(default_factory=list)  # translation, state or source changed
    outdated: list[str] = field(default_factory=list)  # stored as outdated (fuzzy)
    drafts: list[str] = field(default_factory=list)  # stored as draft
    unchanged: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # entries of the file without a translation: left as they were

    @property
    def changed(self) -> set[str]:
        return set(self.added) | set(self.updated)


def _flag_set(entry: polib.POEntry) -> set[str]:
    return {f for f in entry.flags if f in ("fuzzy", "draft")}


def merge(campaign: Campaign, imported: ImportFile) -> MergeResult:
    """The language's PO file with the file's translations merged in (call only after check_import found no errors).

    Each translation is stored with the current source text as msgid. One made from an older
    source text, or marked as needing work, is stored fuzzy with the source it was made from as
    `#| msgid`: reported as outdated, never used as if current. Other entries stay as they were.
    """
    language = canonical_language(imported.language)
    path = catalog_path(campaign, language)
    created = not path.exists()
    if created:
        po = polib.POFile(wrapwidth=0)
        po.metadata = po_header(campaign, language)
    else:
        po = parse_po(read_text(path, "translation file", MAX_PO_BYTES), path)
        po.metadata.setdefault("Language", language)
    all_texts = texts(campaign)
    order = {t.id: i for i, t in enumerate(all_texts)}
    by_id = {t.id: t for t in all_texts}
    stored = {e.msgctxt: e for e in po if e.msgctxt and not e.obsolete}
    result = MergeResult(path, "", created, untranslated=[i for i in imported.untranslated if i in by_id])
    inherited = _campaign_entries(campaign, language)
    for entry in imported.entries:
        text = by_id.get(entry.text_id)
        if text is None:
            continue  # check_import refused the file
        if entry.text_id not in stored and _same_as(inherited.get(entry.text_id), entry, text):
            result.unchanged.append(text.id)  # an edition keeps only what differs from its campaign's file
            continue
        if not entry.translation:
            result.untranslated.append(text.id)
            continue
        outdated = entry.fuzzy or entry.source != text.source
        previous = (entry.source if entry.source != text.source else entry.previous_source) if outdated else None
        flags = {"fuzzy"} if outdated else set()
        if entry.draft:
            flags.add("draft")
        old = stored.get(entry.text_id)
        note = text.note or ""  # what {value} stands for now: the translation was made for it
        if old is None:
            new = polib.POEntry(msgctxt=text.id, msgid=text.source, msgstr=entry.translation,
                                flags=[f for f in ("fuzzy", "draft") if f in flags], previous_msgid=previous,
                                comment=note)
            _insert_in_order(po, new, order)
            stored[text.id] = new
            result.added.append(text.id)
        elif (old.msgid, old.msgstr, _flag_set(old), old.previous_msgid, old.comment or "") == (
                text.source, entry.translation, flags, previous, note):
            result.unchanged.append(text.id)
        else:
            (result.added if not old.msgstr else result.updated).append(text.id)
            old.msgid, old.msgstr, old.previous_msgid, old.previous_msgctxt = text.source, entry.translation, previous, None
            old.comment = note
            old.flags = [f for f in old.flags if f not in ("fuzzy", "draft")] + \
                [f for f in ("fuzzy", "draft") if f in flags]
        if outdated:
            result.outdated.append(text.id)
        elif entry.draft:
            result.drafts.append(text.id)
    result.content = str(po)
    return result


def _campaign_entries(campaign: Campaign, language: str) -> dict[str, Entry]:
    """For an edition, the entries of its campaign's PO file of the language (empty for a campaign)."""
    if campaign.base_translations_folder is None:
        return {}
    path = campaign.base_translations_folder / f"{language}.po"
    return load_catalog(path).entries if path.is_file() else {}


def _same_as(inherited: Entry | None, entry: ImportEntry, text: Text) -> bool:
    """Is an imported translation the campaign's own, current one (nothing for the edition to store)?"""
    return (inherited is not None and not inherited.fuzzy and not entry.fuzzy and inherited.source == text.source
            and entry.source == text.source and inherited.translation == entry.translation
            and inherited.draft == entry.draft and (text.note is None or inherited.note == text.note))


def _insert_in_order(po: polib.POFile, new: polib.POEntry, order: dict[str, int]) -> None:
    """Insert after the last entry that comes before it in the campaign (document order)."""
    rank = order.get(new.msgctxt or "", len(order))
    at = 0
    for i, e in enumerate(po):
        if e.obsolete:
            continue
        if order.get(e.msgctxt or "", len(order)) < rank:
            at = i + 1
    po.insert(at, new)
