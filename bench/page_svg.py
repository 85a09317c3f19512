"""A page tree as SVG, for timing Inkscape on the same design (bench only, not an output format).

Every item becomes its SVG twin: fills are (rounded) rects, each glyph run a <text> in
its font's family at its size and baseline, QR codes one path of module squares, paths
their own outline, images an <image>. Inkscape finds the shipped fonts through the
fontconfig file `fontconfig_file()` writes, so it draws the same faces.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from campaign_studio.model.pagetree import Color, FigureGroup, Fill, GlyphRun, ImageItem, Item, Page, PathItem, QRCode, TextBlock
from campaign_studio.resources import fonts_dir


def _c(color: Color) -> str:
    return f"#{color.r:02x}{color.g:02x}{color.b:02x}"


@cache
def _face(path: Path) -> tuple[str, int]:
    font = TTFont(str(path), lazy=True)
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1) or path.stem
    return family, font["OS/2"].usWeightClass


def _run(run: GlyphRun) -> str:
    family, weight = _face(run.font.path)
    rtl = run.direction == "rtl"
    x = run.x + run.width if rtl else run.x
    direction = ' direction="rtl"' if rtl else ""
    return (f'<text x="{x:.2f}" y="{run.y:.2f}" font-family="{html.escape(family)}" font-weight="{weight}" '
            f'font-size="{run.size:.2f}" fill="{_c(run.color)}" xml:lang="{run.language}"'
            f'{direction} xml:space="preserve">{html.escape(run.text)}</text>')


def _qr(qr: QRCode) -> str:
    n = len(qr.modules)
    side = min(qr.box.w, qr.box.h)
    module = side / (n + 2 * qr.quiet_zone) if n else 0
    ox = qr.box.x + (qr.box.w - side) / 2 + module * qr.quiet_zone
    oy = qr.box.y + (qr.box.h - side) / 2 + module * qr.quiet_zone
    squares = "".join(f"M{ox + c * module:.2f} {oy + r * module:.2f}h{module:.2f}v{module:.2f}h{-module:.2f}z"
                      for r, row in enumerate(qr.modules) for c, dark in enumerate(row) if dark)
    b = qr.box
    return (f'<rect x="{b.x:.2f}" y="{b.y:.2f}" width="{b.w:.2f}" height="{b.h:.2f}" fill="{_c(qr.light)}"/>'
            f'<path d="{squares}" fill="{_c(qr.dark)}"/>')


def _path(p: PathItem) -> str:
    d = "".join(op + " ".join(f"{v:.2f}" for v in coords) for op, coords in p.ops)
    fill = _c(p.fill) if p.fill is not None else "none"
    stroke = (f' stroke="{_c(p.stroke)}" stroke-width="{p.stroke_width:.2f}" stroke-linejoin="round"'
              if p.stroke is not None and p.stroke_width > 0 else "")
    return f'<path d="{d}" fill="{fill}" fill-rule="{p.fill_rule}"{stroke}/>'


def _items(items: tuple[Item, ...]) -> str:
    out = []
    for item in items:
        if isinstance(item, Fill):
            b = item.box
            r = f' rx="{item.radius:.2f}"' if item.radius else ""
            out.append(f'<rect x="{b.x:.2f}" y="{b.y:.2f}" width="{b.w:.2f}" height="{b.h:.2f}"{r} '
                       f'fill="{_c(item.color)}"/>')
        elif isinstance(item, TextBlock):
            out.extend(_run(run) for line in item.lines for run in line.runs if run.text)
        elif isinstance(item, QRCode):
            out.append(_qr(item))
        elif isinstance(item, ImageItem):
            b = item.box
            out.append(f'<image x="{b.x:.2f}" y="{b.y:.2f}" width="{b.w:.2f}" height="{b.h:.2f}" '
                       f'href="{item.path.resolve().as_uri()}" preserveAspectRatio="none"/>')
        elif isinstance(item, PathItem):
            out.append(_path(item))
        elif isinstance(item, FigureGroup):
            out.append(f"<g>{_items(item.items)}</g>")
    return "".join(out)


def page_svg(page: Page) -> str:
    """The page as a standalone SVG document, 1 user unit = 1 pt."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{page.width}pt" height="{page.height}pt" '
            f'viewBox="0 0 {page.width} {page.height}">'
            f'<rect width="{page.width}" height="{page.height}" fill="{_c(page.background)}"/>'
            f"{_items(page.items)}</svg>")


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig file with the system fonts and Campaign Studio's shipped fonts (for FONTCONFIG_FILE)."""
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"<dir>{html.escape(str(fonts_dir()))}</dir>"
                    f"<cachedir>{html.escape(str(folder / 'fc-cache'))}</cachedir></fontconfig>", encoding="utf-8")
    return conf
