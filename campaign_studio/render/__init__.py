"""Renderers: page tree → PNG (Pillow) and PDF (ReportLab), drawing what layout decided.

The renderers load on first use (PEP 562 `__getattr__`): a PNG never imports ReportLab
or pikepdf, and a command that draws nothing imports neither Pillow's drawing code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaign_studio.lazy import lazy_exports

if TYPE_CHECKING:
    from campaign_studio.render.base import Renderer
    from campaign_studio.render.pdf import render_pdf, render_pdf_document
    from campaign_studio.render.raster import render_image, render_png

__all__ = ["Renderer", "render_image", "render_pdf", "render_pdf_document", "render_png"]

_HOME = {"Renderer": "base", "render_pdf": "pdf", "render_pdf_document": "pdf", "render_image": "raster", "render_png": "raster"}

__getattr__ = lazy_exports(__name__, _HOME, globals())
