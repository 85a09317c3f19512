"""The contrast formula against WCAG's published values, the shade search, and CVD simulation against Machado 2009."""

from __future__ import annotations

import numpy as np
import pytest
from colorspacious import cspace_convert

from campaign_studio.checks.contrast import contrast_ratio, format_ratio, nearest_passing_shade, relative_luminance
from campaign_studio.checks.cvd import ciede2000_lab, simulate, simulate_array
from campaign_studio.model.pagetree import Color

W, K = Color(255, 255, 255), Color(0, 0, 0)


@pytest.mark.parametrize(("fg", "bg", "ratio"), [
    ("#000000", "#FFFFFF", 21.0),  # the maximum, WCAG 2.1 definition of contrast ratio
    ("#FFFFFF", "#FFFFFF", 1.0),
    ("#777777", "#FFFFFF", 4.48),  # the classic 'just fails AA' grey (WebAIM, W3C examples)
    ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white
    ("#595959", "#FFFFFF", 7.0),  # the lightest grey that passes AAA on white
    ("#BBBBBB", "#FFFFFF", 1.92),
    ("#154273", "#FFFFFF", 10.2),  # CONTENT-NOTES: national dark blue
    ("#01689B", "#FFFFFF", 6.1),
    ("#E17000", "#FFFFFF", 3.2),
])
def test_contrast_ratio_matches_published_values(fg: str, bg: str, ratio: float) -> None:
    got = contrast_ratio(Color.from_hex(fg), Color.from_hex(bg))
    decimals = len(str(ratio).split(".")[1])
    assert got == pytest.approx(ratio, abs=0.5 * 10**-decimals + 1e-9)  # to the digits the source published
    assert contrast_ratio(Color.from_hex(bg), Color.from_hex(fg)) == got


def test_relative_luminance_endpoints_and_red() -> None:
    assert relative_luminance(W) == 1.0 and relative_luminance(K) == 0.0
    assert relative_luminance(Color(255, 0, 0)) == pytest.approx(0.2126)


def test_a_failing_ratio_never_prints_as_the_threshold() -> None:
    assert format_ratio(4.4999, 4.5) == "4.499:1" and format_ratio(1.9199, 4.5) == "1.92:1"


@pytest.mark.parametrize(("fg", "bg", "needed"), [("#BBBBBB", "#FFFFFF", 4.5), ("#F9E11E", "#FFFFFF", 4.5),
                                                  ("#E17000", "#FFFFFF", 7.0), ("#444444", "#154273", 4.5)])
def test_nearest_passing_shade_passes_and_is_minimal(fg: str, bg: str, needed: float) -> None:
    f, b = Color.from_hex(fg), Color.from_hex(bg)
    shade = nearest_passing_shade(f, b, needed)
    assert shade is not None and contrast_ratio(shade, b) >= needed
    # one step less toward black/white would fail: it is the nearest
    step_back = Color(*(round(s + (o - s) * 0.02) for s, o in zip(shade.rgb, f.rgb, strict=True)))
    assert contrast_ratio(step_back, b) < needed + 0.15


def test_no_shade_exists_on_a_mid_grey_for_aaa() -> None:
    assert nearest_passing_shade(Color.from_hex("#777777"), Color.from_hex("#777777"), 21.0) is None


def test_ciede2000_against_sharma_test_data() -> None:
    # Sharma, Wu & Dalal (2005), Table 1, pairs 1, 7 and 17
    assert ciede2000_lab((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000_lab((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000_lab((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


# Machado, Oliveira & Fernandes (2009), Table 1, severity 1.0, applied to linear RGB
MACHADO = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


@pytest.mark.parametrize("deficiency", list(MACHADO))
def test_simulation_of_a_known_colour_matches_the_published_matrix(deficiency: str) -> None:
    rgb = np.array([180.0, 120.0, 90.0])  # stays inside the gamut for all three
    linear = cspace_convert(rgb / 255, "sRGB1", "sRGB1-linear")
    expected = cspace_convert(np.array(MACHADO[deficiency]) @ linear, "sRGB1-linear", "sRGB1") * 255
    assert simulate_array(rgb, deficiency) == pytest.approx(expected, abs=0.05)  # type: ignore[arg-type]


def test_achromatopsia_keeps_luminance() -> None:
    for color in (Color(255, 0, 0), Color.from_hex("#154273"), Color.from_hex("#E17000")):
        grey = simulate(color, "achromatopsia")
        assert grey.r == grey.g == grey.b
        assert relative_luminance(grey) == pytest.approx(relative_luminance(color), abs=0.004)
