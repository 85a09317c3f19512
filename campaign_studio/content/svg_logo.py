"""SVG logos: parsed safely before anything draws them.

An SVG is XML from outside, so it is read with defusedxml (no DTD, no entity, no
external reference: XXE and billion-laughs are refused before expansion), its size and
element count are bounded, and nothing in it may point outside the file: no href or
url() other than "#id", no <style> @import, no scripts, no embedded raster images and
no text (a logo's letters must be outlined, so no renderer has to guess a font). What
passes is drawn by resvg (PNG) and svglib (PDF vectors); see render/vector_logo.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_SVG_ELEMENTS = 10_000
SVG_NS = "{http://www.w3.org/2000/svg}"
_HREF = ("href", "{http://www.w3.org/1999/xlink}href")
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
# Elements a logo never needs and that would reach outside it, run code or need a font.
_FORBIDDEN = {
    "script": "a script", "foreignObject": "a foreignObject (HTML inside the drawing)",
    "image": "an embedded or linked image", "text": "text", "feImage": "a filter image",
}
_OUTLINE_HINT = "export the logo again as plain SVG paths (in Inkscape: Path > Object to Path, then Save As Plain SVG)"


@dataclass(frozen=True)
class SvgInfo:
    """A checked SVG: its intrinsic size (from viewBox, else width/height) and its bytes."""

    width: float
    height: float
    text: str  # the checked markup, as renderers get it


def _refuse(path: Path, loc: Location, key: str, reason: str, hint: str = _OUTLINE_HINT) -> InputError:
    return InputError(Diagnostic("error", f"SVG logo {path.name!r} refused: {reason}", loc, key, hint))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _reference(element: Element) -> str | None:
    """The first href or url(...) of the element that points anywhere but inside this file."""
    for name in _HREF:
        value = element.get(name)
        if value is not None and not value.strip().startswith("#"):
            return value
    for value in element.attrib.values():
        for target in _URL.findall(value):
            if not target.startswith("#"):
                return target or value
    if _local(element.tag) == "style":
        css = element.text or ""
        if "@import" in css.lower():
            return "@import in a <style> element"
        for target in _URL.findall(css):
            if not target.startswith("#"):
                return target
    return None


def _length(value: str | None) -> float | None:
    """A width/height attribute in user units (px); None for percentages or what is not a length."""
    if not value:
        return None
    m = re.fullmatch(r"\s*([0-9.]+(?:e[-+]?\d+)?)\s*(px|pt|mm|cm|in)?\s*", value, re.IGNORECASE)
    if not m:
        return None
    factor = {"px": 1.0, None: 1.0, "pt": 96 / 72, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
    return float(m.group(1)) * factor[m.group(2).lower() if m.group(2) else None]


def _size(root: Element, path: Path, loc: Location, key: str) -> tuple[float, float]:
    box = root.get("viewBox")
    if box:
        parts = re.split(r"[\s,]+", box.strip())
        try:
            w, h = float(parts[2]), float(parts[3])
        except (IndexError, ValueError):
            raise _refuse(path, loc, key, f"its viewBox {box!r} is not four numbers",
                          'write viewBox="0 0 WIDTH HEIGHT" on the <svg> element') from None
    else:
        w, h = _length(root.get("width")) or 0.0, _length(root.get("height")) or 0.0
    if not (w > 0 and h > 0):
        raise _refuse(path, loc, key, "it has no size (neither a viewBox nor a width and height)",
                      'write viewBox="0 0 WIDTH HEIGHT" on the <svg> element')
    if not 1 / 50 <= w / h <= 50:
        raise _refuse(path, loc, key, f"its proportions {w:g} × {h:g} are not those of a logo",
                      "crop the drawing to the logo itself")
    return w, h


def check_svg(path: Path, data: bytes, loc: Location, key: str = "") -> SvgInfo:
    """The SVG's size if it is safe to draw; else a refusal naming the file and the reason."""
    import defusedxml.ElementTree as safe_et  # only when a brand has an SVG logo
    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    if len(data) > MAX_SVG_BYTES:
        raise _refuse(path, loc, key, f"it is {len(data) / 1024 / 1024:.1f} MB, more than the "
                      f"{MAX_SVG_BYTES // 1024 // 1024} MB an SVG logo may have", "simplify the drawing")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(path, loc, key, "it is not UTF-8 text", "save the SVG as UTF-8") from None
    try:
        root = safe_et.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise _refuse(path, loc, key, "it has a DOCTYPE (a DTD can define entities that expand or reach other "
                      "files)", "remove the <!DOCTYPE ...> line") from None
    except EntitiesForbidden:
        raise _refuse(path, loc, key, "it defines XML entities", "remove the <!ENTITY ...> definitions") from None
    except ExternalReferenceForbidden:
        raise _refuse(path, loc, key, "it refers to an external XML resource", "remove the reference") from None
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise _refuse(path, loc, key, f"it is not well-formed XML ({exc})", "save the SVG again") from None
    if root.tag != f"{SVG_NS}svg":
        raise _refuse(path, loc, key, f"its root element is <{_local(root.tag) or root.tag}>, not an SVG <svg>",
                      'start the file with <svg xmlns="http://www.w3.org/2000/svg" ...>')
    for count, element in enumerate(root.iter(), start=1):
        if count > MAX_SVG_ELEMENTS:
            raise _refuse(path, loc, key, f"it has more than {MAX_SVG_ELEMENTS:,} elements", "simplify the drawing")
        name = _local(element.tag)
        if name in _FORBIDDEN:
            raise _refuse(path, loc, key, f"it contains {_FORBIDDEN[name]} (<{name}>)")
        target = _reference(element)
        if target is not None:
            raise _refuse(path, loc, key, f"<{name}> refers to {target!r} outside the file (remote or file "
                          "references are never followed)", "keep every part of the logo inside the SVG itself")
    w, h = _size(root, path, loc, key)
    return SvgInfo(w, h, text)
