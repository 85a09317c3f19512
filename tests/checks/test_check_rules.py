"""Each rule with a design that passes and one that fails, on page trees built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkkit import BOLD, NAVY, WHITE, bar, block, chart, check, page

from campaign_studio.checks import RULES
from campaign_studio.checks.contrast import contrast_ratio
from campaign_studio.model.pagetree import Color, Fill, ImageItem, QRCode, Rect

GREY = Color.from_hex("#BBBBBB")


def test_every_rule_has_id_name_reference_and_fix() -> None:
    from campaign_studio.checks import rules  # noqa: F401

    assert {"CS101", "CS102", "CS103", "CS104", "CS105", "CS106", "CS107", "CS108"} <= set(RULES)
    for rid, r in RULES.items():
        assert rid == r.id and r.name and r.reference and r.fix


# --- CS101 text contrast -------------------------------------------------------------------------

def test_text_contrast_passes_and_fails_with_colours_ratio_and_shade() -> None:
    assert not check(page(block(color=NAVY)), "CS101")
    found = check(page(block(color=GREY)), "CS101")
    assert len(found) == 1 and found[0].code == "CS101" and found[0].is_error
    text = found[0].format()
    assert "#BBBBBB on #FFFFFF" in text and "1.92:1" in text and "needs 4.5:1" in text
    assert "slots.body" in text and "test-template / post-4x5 / nl" in text
    shade = Color.from_hex(text.split("use ")[1][:7])
    assert 4.5 <= contrast_ratio(shade, WHITE) < 4.7  # the nearest passing shade, not black


def test_text_on_a_panel_is_measured_against_the_panel() -> None:
    panel = Fill(Rect(0, 0, 1080, 400), NAVY, "panel")
    assert not check(page(panel, block(color=WHITE)), "CS101")
    # the same white text below the panel sits on the white page
    found = check(page(panel, block(color=WHITE, y=600)), "CS101")
    assert "#FFFFFF on #FFFFFF" in found[0].message


def test_text_straddling_a_panel_edge_must_pass_on_both() -> None:
    half = Fill(Rect(0, 0, 150, 400), NAVY, "panel")  # covers the left part of the line only
    found = check(page(half, block(color=NAVY)), "CS101")
    assert found and "#154273 on #154273" in found[0].message


def test_text_on_a_rounded_panel_inside_its_corners_is_covered() -> None:
    panel = Fill(Rect(90, 95, 500, 120), NAVY, "panel", radius=16)
    assert not check(page(panel, block(color=WHITE)), "CS101")


def test_large_text_needs_3_to_1_and_aaa_raises_the_levels() -> None:
    orange = Color.from_hex("#E17000")  # 3.2:1 on white: large text only
    assert check(page(block(color=orange, size=60)), "CS101")  # 60 px on a 1080 card is 15 CSS pt: normal
    assert not check(page(block(color=orange, size=72)), "CS101")  # 72 px = 24 CSS px = 18 pt: large
    assert not check(page(block(color=orange, size=56, font=BOLD)), "CS101")  # 14 pt bold
    teal = Color.from_hex("#01689B")  # 6.1:1
    assert not check(page(block(color=teal)), "CS101")
    assert "needs 7:1" in check(page(block(color=teal)), "CS101", level="AAA")[0].message


# --- CS102 graphic contrast ----------------------------------------------------------------------

def test_chart_marks_need_3_to_1_but_a_decorative_track_is_exempt() -> None:
    track = bar(100, 500, 800, Color.from_hex("#E3E8EE"), role="decoration")
    assert not check(page(track, bar(100, 500, 200, NAVY)), "CS102")
    found = check(page(bar(100, 500, 200, Color.from_hex("#E3E8EE"))), "CS102")
    assert found and "#E3E8EE on #FFFFFF" in found[0].message and "needs 3:1" in found[0].message
    # a bar on a track is measured against the track
    assert check(page(track, bar(100, 500, 200, Color.from_hex("#C9D1DA"))), "CS102")


def test_qr_modules_need_3_to_1() -> None:
    qr = QRCode(Rect(600, 600, 200, 200), ((True, False), (False, True)), 4, "x", Color.from_hex("#AAAAAA"), WHITE)
    assert check(page(qr), "CS102")
    assert not check(page(QRCode(qr.box, qr.modules, 4, "x", NAVY, WHITE)), "CS102")


# --- CS103 text size ------------------------------------------------------------------------------

def test_social_text_size_scales_with_the_card_width() -> None:
    assert not check(page(block(size=28)), "CS103")
    assert "27.0 px" in check(page(block(size=27)), "CS103")[0].message
    wide = page(block(size=30), width=1600, height=900)
    assert "41.5 px" in check(wide, "CS103", fmt="wide-16x9")[0].message  # 28 × 1600 / 1080


def test_poster_cap_height_from_reading_distance_and_6_pt_floor() -> None:
    # A0 read from 4 m: cap height ≥ 5.8 mm; Noto Sans caps are 0.714 em, so ≥ 23 pt
    assert not check(page(block(size=24), width=2384, height=3370), "CS103", fmt="a0")
    found = check(page(block(size=20), width=2384, height=3370), "CS103", fmt="a0")
    assert found and "from 4 m" in found[0].message and "5.80 mm" in found[0].message
    assert "never under 6 pt" in check(page(block(size=5.5), width=595, height=842), "CS103", fmt="a4")[0].message


def test_scripts_without_capitals_use_the_x_height() -> None:
    arabic = block("مرحبا", size=24, script="Arab", language="ar")
    msg = check(page(arabic, width=2384, height=3370, language="ar"), "CS103", fmt="a0")[0].message
    assert "x-height" in msg


# --- CS104 glyphs, CS105 language -------------------------------------------------------------------

def test_a_missing_glyph_is_an_error_naming_the_character() -> None:
    assert not check(page(block("abc")), "CS104")
    found = check(page(block("abc", gids=(5, 0, 7))), "CS104")
    assert "'b' (U+0062)" in found[0].message


def test_every_text_has_a_language() -> None:
    assert not check(page(block()), "CS105")
    assert check(page(block(language="")), "CS105")
    assert check(page(block(), language=""), "CS105")


# --- CS106 alternative text ----------------------------------------------------------------------

def test_chart_logo_and_qr_need_alternative_texts_within_limits(tmp_path: Path) -> None:
    assert not check(page(chart(bar(100, 100, 200, NAVY))), "CS106")
    assert "without an alternative text" in check(page(chart(bar(100, 100, 200, NAVY), alt="")), "CS106")[0].message
    assert "151 characters" in check(page(chart(alt="x" * 151)), "CS106")[0].message
    assert "1001 characters" in check(page(chart(long_alt="x" * 1001)), "CS106")[0].message
    assert "151 characters" in check(page(alt="x" * 151), "CS106")[0].message
    logo = ImageItem(Rect(0, 0, 100, 50), tmp_path / "logo.png", "")
    assert "logo logo.png without" in check(page(logo), "CS106")[0].message
    qr = QRCode(Rect(600, 600, 200, 200), ((True,),), 4, "https://www.example.org/", NAVY, WHITE)
    assert "not written out" in check(page(qr), "CS106")[0].message
    assert not check(page(qr, block("Kijk op example.org")), "CS106")


# --- CS107 colour alone / CVD ------------------------------------------------------------------------

def _two_series(a: Color, b: Color, labelled: bool = True) -> object:
    marks = [bar(100, 100, 300, a, "series-1"), bar(100, 200, 200, b, "series-2")]
    labels = [block("vrouwen", y=150, slot="chart-label"), block("mannen", y=250, slot="chart-label")]
    return page(chart(*marks, *(labels if labelled else [])))


def test_series_must_stay_apart_under_simulated_colour_blindness() -> None:
    assert not check(_two_series(NAVY, Color.from_hex("#E17000")), "CS107")  # type: ignore[arg-type]
    # red and green differ a lot to normal vision and hardly at all with deuteranopia
    found = check(_two_series(Color.from_hex("#D62728"), Color.from_hex("#2CA02C")), "CS107")  # type: ignore[arg-type]
    assert found and any("deuteranopia" in d.message or "protanopia" in d.message for d in found)


def test_series_told_apart_by_colour_only_is_an_error() -> None:
    found = check(_two_series(NAVY, Color.from_hex("#E17000"), labelled=False), "CS107")  # type: ignore[arg-type]
    assert "by colour only" in found[0].message


# --- CS108 plain language ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Praat erover. Stop als de ander stopt.", "nl", None),
    ("De hulp wordt door de gemeente gegeven.", "nl", "passive voice"),
    ("Help is given by the city.", "en", "passive voice"),
    ("Talk about it and stop when the other person stops.", "en", None),
    ("Dit is een zin met heel veel woorden die maar doorgaat en doorgaat tot ver voorbij de grens van twintig "
     "woorden die B1 stelt.", "nl", "a sentence of 24 words"),
    ("Arbeidsongeschiktheidsverzekering is duur.", "nl", "long word"),
    ("Bu cümle Türkçedir ve uzun bir kelime içermektedir: Çekoslovakyalılaştıramadıklarımızdan.", "tr", None),
])
def test_plain_language_warnings(text: str, language: str, expected: str | None) -> None:
    found = check(page(block(text, language=language), language=language), "CS108")
    if expected is None:
        assert not found
    else:
        assert found and found[0].severity == "warning" and expected in found[0].message
