"""Renderers: page tree → PNG (Pillow) and PDF (ReportLab), drawing what layout decided.

The renderers load on first use (PEP 562 `__getattr__`): a PNG never imports ReportLab
or pikepdf, and a command that draws nothing imports neither Pillow's drawing code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from campaign_studio.render.base import Renderer
    from campaign_studio.render.pdf import render_pdf, render_pdf_document
    from campaign_studio.render.raster import render_image, render_png

__all__ = ["Renderer", "render_image", "render_pdf", "render_pdf_document", "render_png"]

_HOME = {"Renderer": "base", "render_pdf": "pdf", "render_pdf_document": "pdf", "render_image": "raster", "render_png": "raster"}


def __getattr__(name: str) -> object:
    if name in _HOME:
        value = getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
        globals()[name] = value  # once: later look-ups find the name without this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
