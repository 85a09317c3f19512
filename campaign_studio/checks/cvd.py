"""Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, via colorspacious) and CIEDE2000.

Dichromacy is the model at severity 100 ("protanomaly" at 100 is protanopia, and so on).
Achromatopsia (no cone vision) is shown as the colour's relative luminance, as grey.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # numpy, colorspacious and the page tree load on first use: the CLI's option list needs only DEFICIENCIES
    import numpy as np

    from campaign_studio.model.pagetree import Color

Deficiency = Literal["protanopia", "deuteranopia", "tritanopia", "achromatopsia"]
DEFICIENCIES: tuple[Deficiency, ...] = ("protanopia", "deuteranopia", "tritanopia", "achromatopsia")
_MACHADO = {"protanopia": "protanomaly", "deuteranopia": "deuteranomaly", "tritanopia": "tritanomaly"}


def simulate_array(rgb: np.ndarray, deficiency: Deficiency) -> np.ndarray:
    """sRGB values 0-255 (any shape ending in 3) as a person with the deficiency sees them, 0-255 floats."""
    import numpy as np
    from colorspacious import cspace_convert

    srgb1 = np.asarray(rgb, dtype=float) / 255.0
    if deficiency == "achromatopsia":
        lin = np.where(srgb1 <= 0.04045, srgb1 / 12.92, ((srgb1 + 0.055) / 1.055) ** 2.4)
        y = lin @ np.array([0.2126, 0.7152, 0.0722])
        grey = np.where(y <= 0.0031308, 12.92 * y, 1.055 * np.power(y, 1 / 2.4) - 0.055)
        out = np.repeat(grey[..., None], 3, axis=-1)
    else:
        space = {"name": "sRGB1+CVD", "cvd_type": _MACHADO[deficiency], "severity": 100}
        out = cspace_convert(srgb1, space, "sRGB1")
    return np.clip(out, 0.0, 1.0) * 255.0


def simulate(color: Color, deficiency: Deficiency) -> Color:
    import numpy as np

    from campaign_studio.model.pagetree import Color

    r, g, b = simulate_array(np.array(color.rgb), deficiency)
    return Color(round(r), round(g), round(b))


def lab(color: Color) -> tuple[float, float, float]:
    import numpy as np
    from colorspacious import cspace_convert

    L, a, b = cspace_convert(np.array(color.rgb, dtype=float) / 255.0, "sRGB1", "CIELab")
    return float(L), float(a), float(b)


def ciede2000(c1: Color, c2: Color) -> float:
    """CIEDE2000 difference of two sRGB colours."""
    return ciede2000_lab(lab(c1), lab(c2))


def ciede2000_lab(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbar - 30)) + 0.24 * math.cos(math.radians(2 * hbar))
         + 0.32 * math.cos(math.radians(3 * hbar + 6)) - 0.20 * math.cos(math.radians(4 * hbar - 63)))
    d_theta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbarp**7 / (cbarp**7 + 25**7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc = 1 + 0.045 * cbarp
    sh = 1 + 0.015 * cbarp * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2 + rt * (dc / sc) * (dH / sh))
