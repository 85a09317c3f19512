"""HarfBuzz shaping of one piece of text, cached and size independent.

Fonts are shaped at their own units-per-em scale without hinting, so advances are
linear in size: results are stored in em and multiplied by the size by the caller.
That lets fit_text try fifteen sizes while shaping every word only once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from campaign_studio.text.fonts import Face, MissingGlyphError, is_ignorable


@dataclass(frozen=True)
class Shaped:
    """Glyphs in visual order; clusters index the shaped text; metrics in em.

    y offsets follow HarfBuzz (positive up).
    """

    gids: tuple[int, ...]
    clusters: tuple[int, ...]
    advances: tuple[float, ...]
    x_offsets: tuple[float, ...]
    y_offsets: tuple[float, ...]
    width: float


@lru_cache(maxsize=32768)
def shape(face: Face, text: str, rtl: bool, script: str, language: str) -> Shaped:
    """Shape `text` in one face, direction and script; raises on .notdef glyphs."""
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.script = script
    buf.language = language
    hb.shape(face.hb_font, buf, {})
    scale = 1.0 / face.upem
    gids, clusters, adv, xo, yo = [], [], [], [], []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        if gid in (0, face.space_gid) and pos.x_advance == 0 and is_ignorable(text[info.cluster]):
            continue  # a bidi control, ZWSP or soft hyphen: nothing to draw
        if gid == 0:
            raise MissingGlyphError(text[info.cluster], [face.ref.key])
        gids.append(gid)
        clusters.append(info.cluster)
        adv.append(pos.x_advance * scale)
        xo.append(pos.x_offset * scale)
        yo.append(pos.y_offset * scale)
    return Shaped(tuple(gids), tuple(clusters), tuple(adv), tuple(xo), tuple(yo), sum(adv))
