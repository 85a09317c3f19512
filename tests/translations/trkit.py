"""Helpers for the translation tests: edit exported PO/XLIFF files the way a translator's tool would."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import polib

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
Q = f"{{{XLIFF}}}"
HEADLINE = "messages.respect-boundaries.headline"


def line_of(path: Path, snippet: str) -> int:
    """1-based line of the first line containing snippet."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not in {path}")


def po_line(path: Path, text_id: str) -> int:
    return line_of(path, f'msgctxt "{text_id}"')


def xliff_line(path: Path, text_id: str) -> int:
    return line_of(path, f'<trans-unit id="{text_id}"')


def po_edit(path: Path, text_id: str, msgstr: str | None = None, *, msgid: str | None = None,
            flags: list[str] | None = None, language: str | None = None, msgctxt: str | None = None) -> None:
    """Change one entry (and the Language header) like Poedit would: polib writes the file back."""
    po = polib.pofile(str(path), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == text_id)
    if msgstr is not None:
        entry.msgstr = msgstr
    if msgid is not None:
        entry.msgid = msgid
    if flags is not None:
        entry.flags = flags
        if "fuzzy" not in flags:
            entry.previous_msgid = None
    if msgctxt is not None:
        entry.msgctxt = msgctxt
    if language is not None:
        po.metadata["Language"] = language
    po.save(str(path))


def po_entry(path: Path, text_id: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(path), wrapwidth=0) if e.msgctxt == text_id)


def xliff_tree(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def xliff_unit(root: ET.Element, text_id: str) -> ET.Element:
    unit = root.find(f".//{Q}trans-unit[@id='{text_id}']")
    assert unit is not None, text_id
    return unit


def xliff_edit(path: Path, text_id: str, target: str, state: str = "translated", *,
               target_language: str | None = None) -> None:
    """Set one trans-unit's target (a CAT tool writes the whole file again)."""
    ET.register_namespace("", XLIFF)
    tree = ET.parse(path)
    unit = xliff_unit(tree.getroot(), text_id)
    el = unit.find(f"{Q}target")
    if el is None:
        el = ET.SubElement(unit, f"{Q}target")
    el.text = target
    el.set("state", state)
    if target_language is not None:
        file = tree.getroot().find(f"{Q}file")
        assert file is not None
        file.set("target-language", target_language)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pdf_text(path: Path) -> str:
    """The text of a PDF as poppler reads it, on one line (layout breaks lines anywhere)."""
    assert shutil.which("pdftotext"), "poppler-utils' pdftotext is needed"
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", out.replace("\u00ad", "").replace("-\n", ""))
