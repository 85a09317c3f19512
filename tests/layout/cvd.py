"""Colour-vision deficiency simulation and colour difference for the chart colour test.

Simulation: Machado, Oliveira & Fernandes (2009), as implemented by colorspacious
("sRGB1+CVD"), at full severity (100: protanopia, deuteranopia, tritanopia).
Difference: CIEDE2000 (Sharma, Wu & Dalal 2005), written out here because colorspacious has
none; checked against Sharma's published test pairs in test_chart_colours.py.
"""

from __future__ import annotations

import math

import numpy as np
from colorspacious import cspace_convert

DEFICIENCIES = ("protanomaly", "deuteranomaly", "tritanomaly")


def simulate(rgb: tuple[int, int, int], deficiency: str) -> tuple[float, float, float]:
    """How an sRGB colour (0-255) looks with a full deficiency, as sRGB 0-1 clipped to the gamut."""
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    out = cspace_convert(np.array(rgb) / 255.0, space, "sRGB1")
    return tuple(float(c) for c in np.clip(out, 0, 1))  # type: ignore[return-value]


def lab(srgb1: tuple[float, float, float]) -> tuple[float, float, float]:
    return tuple(float(c) for c in cspace_convert(np.array(srgb1), "sRGB1", "CIELab"))  # type: ignore[return-value]


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dLp, dCp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    else:
        dhp = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    Lbp, Cbp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbp = (h1p + h2p) / 2
    else:
        hbp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbp - 30)) + 0.24 * math.cos(math.radians(2 * hbp))
         + 0.32 * math.cos(math.radians(3 * hbp + 6)) - 0.20 * math.cos(math.radians(4 * hbp - 63)))
    d_theta = 30 * math.exp(-(((hbp - 275) / 25) ** 2))
    rc = 2 * math.sqrt(Cbp**7 / (Cbp**7 + 25**7))
    sl = 1 + 0.015 * (Lbp - 50) ** 2 / math.sqrt(20 + (Lbp - 50) ** 2)
    sc = 1 + 0.045 * Cbp
    sh = 1 + 0.015 * Cbp * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh))


def difference_under(a: tuple[int, int, int], b: tuple[int, int, int], deficiency: str) -> float:
    return ciede2000(lab(simulate(a, deficiency)), lab(simulate(b, deficiency)))
