"""What can be checked from a finished PNG or PDF file alone, with a note of what cannot.

A PNG made by this program names its design (iTXt 'campaign-studio:design'), so the caller
can lay that design out again and run every page-tree rule; from the file itself we read
its alternative text and language. A PDF is read with pikepdf for what PDF/UA asks of the
file: language, title, tagging, figure alternative texts, embedded fonts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from PIL import Image, UnidentifiedImageError

from campaign_studio.checks.rules_alt import LONG_MAX, SHORT_MAX
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, Location

SOFTWARE = "Campaign Studio"
NOT_FROM_PIXELS = ("text contrast, text size, glyph coverage, colour alone and plain language cannot be read back "
                   "from pixels")
NOT_FROM_PDF = "text contrast against what is behind it, text size rules and colour alone cannot be read from a PDF"
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass
class FileReport:
    path: Path
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    notes: list[str] = field(default_factory=list)
    design: dict[str, str] = field(default_factory=dict)  # the design that made it (our PNGs)
    ours: bool = False


def _error(report: FileReport, code: str, name: str, message: str, hint: str, reference: str) -> None:
    report.diagnostics.append(Diagnostic("error", f"{name}: {message} [{reference}]", Location(report.path),
                                         hint=hint, code=code))


def check_png(path: Path) -> FileReport:
    report = FileReport(path)
    try:
        with Image.open(path) as image:
            image.load()
            text = dict(getattr(image, "text", {}) or {})
            info = dict(image.info)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        _error(report, "CS100", "unreadable", f"not a readable PNG ({exc})", "render it again", "")
        return report
    report.ours = str(info.get("Software", "")) == SOFTWARE
    alt = str(text.get("Description", ""))
    xmp = str(text.get("XML:com.adobe.xmp", ""))
    language = getattr(text.get("Description"), "lang", "") or ""
    if not language:
        m = re.search(r"<dc:language>.*?<rdf:li>([^<]*)</rdf:li>", xmp, re.S)
        language = m.group(1) if m else ""
    if not alt.strip():
        _error(report, "CS106", "alt-text", "the image carries no alternative text (no PNG 'Description' text)",
               "render it with Campaign Studio, or add a description in your image editor", "WCAG 2.1 SC 1.1.1")
    elif len(alt) > SHORT_MAX:
        _error(report, "CS106", "alt-text", f"the alternative text is {len(alt)} characters, at most {SHORT_MAX}",
               "shorten it", "WCAG 2.1 SC 1.1.1")
    if not _LANG.match(language):
        _error(report, "CS105", "language", "the image states no language for its alternative text",
               "render it with Campaign Studio, which writes the language with the text", "WCAG 2.1 SC 3.1.1")
    if report.ours:
        raw = text.get("campaign-studio:design")
        try:
            report.design = {k.removeprefix("design."): v for k, v in json.loads(str(raw)).items()} if raw else {}
        except (ValueError, AttributeError):
            report.design = {}
    if not report.design:
        who = "made by Campaign Studio" if report.ours else "not made by Campaign Studio"
        report.notes.append(f"{who}, without a record of its design: checked its alternative text and language only; "
                            f"{NOT_FROM_PIXELS}")
    return report


def _struct_figures(root: Any, limit: int = 20000) -> list[Any]:
    """Figure elements of a structure tree (iterative walk, bounded against hostile files)."""
    figures: list[Any] = []
    stack: list[Any] = [root]
    seen = 0
    while stack and seen < limit:
        node = stack.pop()
        seen += 1
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.get("/S") == pikepdf.Name("/Figure"):
            figures.append(node)
        kids = node.get("/K")
        if kids is not None:
            stack.append(kids)
    return figures


def _fonts_not_embedded(pdf: pikepdf.Pdf) -> list[str]:
    missing: list[str] = []
    for page in pdf.pages:
        fonts: Any = page.obj.get("/Resources", {}).get("/Font", {})  # type: ignore[call-overload]
        for _name, font in fonts.items():
            found: list[Any] = [font.get("/FontDescriptor")]
            found += [d.get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            descs = [d for d in found if d is not None]
            if font.get("/Subtype") == pikepdf.Name("/Type3"):
                continue
            if not any(k in d for d in descs for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                base = str(font.get("/BaseFont", "?"))
                if base not in missing:
                    missing.append(base)
    return missing


def check_pdf(path: Path) -> FileReport:
    report = FileReport(path)
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        _error(report, "CS100", "unreadable", f"not a readable PDF ({exc})", "export it again", "")
        return report
    with pdf:
        creator = str(pdf.docinfo.get("/Creator", "")) if pdf.docinfo is not None else ""
        report.ours = creator == SOFTWARE
        root: Any = pdf.Root
        lang = str(root.get("/Lang", ""))
        if not _LANG.match(lang):
            _error(report, "CS105", "language", "the document has no /Lang", "set the document language",
                   "PDF/UA-1 7.2, WCAG 2.1 SC 3.1.1")
        title = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo is not None else ""
        display = root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)
        if not title.strip() or not bool(display):
            _error(report, "CS201", "pdf-title", "the document has no title shown in the title bar "
                   "(/Title with /DisplayDocTitle true)", "set a title and DisplayDocTitle", "PDF/UA-1 7.1")
        marked = bool(root.get("/MarkInfo", {}).get("/Marked", False))
        tree = root.get("/StructTreeRoot")
        if not marked or tree is None:
            _error(report, "CS202", "pdf-tagged", "the PDF is not tagged (no /MarkInfo /Marked or no structure tree)",
                   "export a tagged PDF", "PDF/UA-1 7.1")
        else:
            for fig in _struct_figures(tree):
                alt = str(fig.get("/Alt", ""))
                if not alt.strip():
                    _error(report, "CS106", "alt-text", "a Figure in the structure tree has no /Alt",
                           "give every figure an alternative text", "PDF/UA-1 7.3")
                elif len(alt) > LONG_MAX:
                    _error(report, "CS106", "alt-text", f"a Figure's /Alt is {len(alt)} characters, at most {LONG_MAX}",
                           "shorten it", "PDF/UA-1 7.3")
        missing = _fonts_not_embedded(pdf)
        if missing:
            _error(report, "CS203", "fonts-embedded", "fonts not embedded: " + ", ".join(missing[:5]),
                   "embed all fonts", "PDF/UA-1 7.21.4.1")
    who = "made by Campaign Studio" if report.ours else "not made by Campaign Studio"
    report.notes.append(f"{who}: checked language, title, tagging, figure alternative texts and fonts; {NOT_FROM_PDF}"
                        + ("; check the design itself with 'check -t TEMPLATE -f FORMAT'" if report.ours else ""))
    return report


def check_file(path: Path) -> FileReport | None:
    suffix = path.suffix.lower()
    if suffix == ".png":
        return check_png(path)
    if suffix == ".pdf":
        return check_pdf(path)
    return None
