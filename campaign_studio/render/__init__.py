"""Renderers: page tree → PNG (Pillow) and PDF (ReportLab), drawing what layout decided."""

from campaign_studio.render.base import Renderer
from campaign_studio.render.pdf import render_pdf, render_pdf_document
from campaign_studio.render.raster import render_image, render_png

__all__ = ["Renderer", "render_image", "render_pdf", "render_pdf_document", "render_png"]
