"""SVG logos drawn as what they are: vectors in PDF (svglib), rasterised at the exact pixel size in PNG (resvg).

resvg renders the checked markup (content.svg_logo) straight to the box's pixel size, so
edges are as crisp as the page's own paths; it is told to load no system fonts (a checked
logo has no text), so the pixels do not depend on the machine. svglib turns the same
markup into a ReportLab Drawing of paths, drawn on the PDF canvas inside the logo's
Figure tag; for print its colours are converted to CMYK like every other fill.
Both libraries are imported here, on first use, never at start-up.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PIL import Image

from campaign_studio.content.logos import Logo

_CACHE_SIZE = 16
_rasters: OrderedDict[tuple[str, int, int], Image.Image] = OrderedDict()
_lock = threading.Lock()


def raster(logo: Logo, width: int, height: int) -> Image.Image:
    """The SVG logo as RGBA at exactly width × height pixels (cached; treat as read-only)."""
    assert logo.svg is not None
    key = (logo.digest, width, height)
    with _lock:
        hit = _rasters.get(key)
    if hit is not None:
        return hit
    import resvg_py  # the Rust resvg renderer, loaded only when an SVG logo is drawn

    png = resvg_py.svg_to_bytes(svg_string=logo.svg.text, width=width, height=height, skip_system_fonts=True)
    with Image.open(io.BytesIO(bytes(png))) as opened:
        image = opened.convert("RGBA")
    if image.size != (width, height):  # resvg keeps the aspect ratio; the box already has it, to a pixel
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    with _lock:
        _rasters[key] = image
        while len(_rasters) > _CACHE_SIZE:
            _rasters.popitem(last=False)
    return image


def drawing(logo: Logo, color_converter: Callable[[Any], Any] | None = None) -> Any:
    """The SVG logo as a ReportLab Drawing of vector shapes (a new one each call: it is scaled in place)."""
    assert logo.svg is not None
    from lxml import etree
    from svglib.svglib import SvgRenderer  # pure Python, slow to import: only for a PDF with an SVG logo

    # The markup was checked (no DTD, entities or references); lxml re-parses it without network or entities.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(logo.svg.text.encode("utf-8"), parser)
    renderer = SvgRenderer(str(logo.path), color_converter=color_converter)
    result = renderer.render(root)
    if result is None:
        raise ValueError(f"svglib could not draw {logo.path.name}")
    return result


def draw_on(canvas: Any, drawing: Any) -> None:
    """Draw a logo Drawing at the canvas origin, with no font state: ReportLab's renderer would
    otherwise select its default Helvetica (never embedded), though a checked logo has no text."""
    from reportlab.graphics import renderPDF

    class _NoFonts(renderPDF._PDFRenderer):
        def applyStateChanges(self, delta: dict[str, Any], new_state: dict[str, Any]) -> None:
            super().applyStateChanges({k: v for k, v in delta.items() if k not in ("fontName", "fontSize")},
                                      new_state)

    _NoFonts().draw(renderPDF.renderScaledDrawing(drawing), canvas, 0, 0, showBoundary=False)
