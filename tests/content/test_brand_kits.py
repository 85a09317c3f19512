"""Brand kits from outside: each validation with a brand that fails it and one that passes.

Colours at AAA, SVG logos parsed safely (DOCTYPE, entities,
billion laughs, external references, too many elements), brand fonts (licence beside them,
a real single face, coverage of the campaign's languages with the fallback named), raster
logo resolution on print, logo placement, `list brands` and `validate --brand PATH`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from campaign_studio import pipeline
from campaign_studio.checks.brand import check_brand
from campaign_studio.content.design_loader import load_brand
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import brands_dir, fonts_dir

SHIPPED = brands_dir() / "gemeente-voorbeeld"
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A copy of the example municipality's kit (own font, SVG logo) to spoil."""
    folder = tmp_path / "kit"
    shutil.copytree(SHIPPED, folder)
    return folder


def _edit(folder: Path, old: str, new: str) -> None:
    yaml = folder / "brand.yaml"
    text = yaml.read_text(encoding="utf-8")
    assert old in text
    yaml.write_text(text.replace(old, new), encoding="utf-8")


def _line(folder: Path, starts: str) -> int:
    lines = (folder / "brand.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.lstrip().startswith(starts))


def _refusal(folder: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_brand(folder)
    return caught.value


# --- colours ---------------------------------------------------------------------------------

def test_the_high_contrast_brand_passes_aaa_and_an_aa_brand_does_not() -> None:
    # (AA for every shipped brand, and a failing pair's message: tests/checks/test_check_outputs.py)
    assert not check_brand(load_brand("high-contrast"), "AAA").errors
    assert check_brand(load_brand("gemeente-voorbeeld"), "AAA").errors, "its brick red accent is AA, not AAA"


# --- SVG logos -------------------------------------------------------------------------------

def _svg(body: str, head: str = "") -> str:
    return f'{head}<svg {SVG_NS} viewBox="0 0 100 40">{body}</svg>\n'


BAD_SVGS = {
    "doctype": (_svg('<rect width="10" height="10"/>', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                     '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'), "it has a DOCTYPE"),
    "xxe": (_svg("<title>&x;</title>", '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'),
            "it has a DOCTYPE"),
    "billion laughs": (_svg("<title>&l9;</title>", '<!DOCTYPE svg [<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)) + "]>\n"), "it has a DOCTYPE"),
    "remote image": (_svg('<image href="https://example.org/tracker.png" width="10" height="10"/>'),
                     "it contains an embedded or linked image"),
    "file use": (_svg('<use href="file:///etc/passwd#x"/>'), "refers to 'file:///etc/passwd#x' outside the file"),
    "xlink use": (_svg('<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#logo"/>'),
                  "refers to 'other.svg#logo' outside the file"),
    "css url": (_svg('<rect width="9" height="9" style="fill: url(http://example.org/p.svg#g)"/>'),
                "refers to 'http://example.org/p.svg#g' outside the file"),
    "style import": (_svg('<style>@import url("https://example.org/a.css");</style>'), "@import"),
    "script": (_svg("<script>alert(1)</script>"), "it contains a script"),
    "text": (_svg('<text x="0" y="20">Gemeente</text>'), "it contains text"),
    "too many elements": (_svg('<rect width="1" height="1"/>' * 10_001), "it has more than 10,000 elements"),
    "a million elements": (_svg("<g/>" * 1_000_000), "more than the 2 MB an SVG logo may have"),
    "no size": (f"<svg {SVG_NS}><rect width='1' height='1'/></svg>", "it has no size"),
    "not svg": ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>',
                "its root element is <html>, not an SVG <svg>"),
}


@pytest.mark.parametrize("case", list(BAD_SVGS))
def test_an_unsafe_svg_logo_is_refused_with_the_file_and_the_reason(case, kit, cli, diagnostic, tmp_path) -> None:
    markup, reason = BAD_SVGS[case]
    (kit / "logo.svg").write_text(markup, encoding="utf-8")
    out = tmp_path / "never.png"

    result = cli("render", "-t", "statistic-spotlight", "-f", "post-1x1", "--brand", kit, "-o", out)

    assert result.code == 2, result.err
    result.assert_no_traceback()
    found = diagnostic(result, kit / "brand.yaml", _line(kit, "logo:"), 7)
    assert "'logo.svg'" in found and reason in found, found
    assert not out.exists()


def test_a_plain_svg_logo_with_internal_references_passes(kit) -> None:
    (kit / "logo.svg").write_text(_svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#1B3A2F"/></linearGradient>'
        '<path id="p" d="M0 0H10V10Z"/></defs><use href="#p"/><rect width="50" height="40" fill="url(#g)"/>'),
        encoding="utf-8")
    brand = load_brand(kit)
    assert brand.logo == (kit / "logo.svg").resolve()


# --- fonts -----------------------------------------------------------------------------------

def test_a_family_neither_shipped_nor_in_the_kit_says_how_to_add_it(kit) -> None:
    _edit(kit, "  body: Voorbeeld Sans", "  body: Roboto Slab")
    error = _refusal(kit)
    d = error.diagnostic
    assert d.location is not None and d.location.line == _line(kit, "body:")
    assert "'Roboto Slab' is neither shipped" in d.message and "'Voorbeeld Sans'" in d.message
    assert "fonts: files: Roboto Slab:" in d.hint and "licence" in d.hint


def test_a_brand_font_of_its_own_is_accepted_and_used_by_its_roles(kit) -> None:
    brand = load_brand(kit)
    faces = brand.font_files[brand.heading_font]
    assert brand.heading_font.startswith("Voorbeeld Sans [") and brand.body_font == brand.heading_font
    assert faces["regular"].postscript_name == "VoorbeeldSans-Regular"
    assert faces["bold"].postscript_name == "VoorbeeldSans-Bold"
    assert faces["regular"].licence.name == "OFL.txt"


def test_a_font_without_its_licence_beside_it_is_refused(kit) -> None:
    (kit / "fonts" / "OFL.txt").unlink()
    d = _refusal(kit).diagnostic
    assert "font file 'VoorbeeldSans-Regular.ttf' has no licence file beside it" in d.message
    assert d.location is not None and d.location.line == _line(kit, "Voorbeeld Sans: {regular")
    assert "OFL.txt" in d.hint


FONT_SPOILERS = {
    "collection": (lambda p: p.write_bytes(b"ttcf\x00\x01\x00\x00" + (1_000_000).to_bytes(4, "big") + b"\0" * 64),
                   "is a font collection (.ttc/.otc) holding several faces"),
    "woff": (lambda p: p.write_bytes(b"wOFF" + b"\0" * 60), "is a WOFF web font"),
    "text": (lambda p: p.write_text("not a font\n"), "is not a TrueType or OpenType font"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:20_000]), "is truncated"),
}


@pytest.mark.parametrize("case", list(FONT_SPOILERS))
def test_a_font_file_that_is_not_one_readable_face_is_refused(case, kit) -> None:
    spoil, words = FONT_SPOILERS[case]
    spoil(kit / "fonts" / "VoorbeeldSans-Regular.ttf")
    d = _refusal(kit).diagnostic
    assert "'VoorbeeldSans-Regular.ttf'" in d.message and words in d.message, d.message


def test_a_font_path_leading_out_of_the_kit_is_refused(kit) -> None:
    _edit(kit, "regular: fonts/VoorbeeldSans-Regular.ttf", f"regular: {fonts_dir() / 'NotoSans-Regular.ttf'}")
    assert "is an absolute path" in _refusal(kit).diagnostic.message


def test_a_brand_font_that_lacks_arabic_names_the_fallback_for_arabic() -> None:
    warnings = pipeline.check_brand_kit("gemeente-voorbeeld", languages=["nl", "tr", "pl", "ar"]).warnings
    about_fonts = [w for w in warnings if "brand font" in w.message]
    assert len(about_fonts) == 1, [w.message for w in about_fonts]
    w = about_fonts[0]
    assert "'Voorbeeld Sans'" in w.message and "Arabic" in w.message
    assert "ar text is set in the fallback Noto Sans Arabic" in w.message
    assert w.location is not None and w.location.line == _line(SHIPPED, "Voorbeeld Sans: {regular")


def test_a_shipped_family_gives_no_font_warning() -> None:
    found = pipeline.check_brand_kit("national", languages=["nl", "ar", "uk", "ti"])
    assert not [d for d in found if "brand font" in d.message]


# --- raster logo resolution ------------------------------------------------------------------

def test_a_coarse_raster_logo_warns_with_its_effective_dpi_on_the_largest_print_format(kit) -> None:
    Image.new("RGBA", (300, 100), (27, 58, 47, 255)).save(kit / "small.png")
    _edit(kit, "logo: logo.svg", "logo: small.png")

    found = [d for d in pipeline.check_brand_kit(kit).warnings if d.code == "CS115"]

    assert len(found) == 1
    message = found[0].message
    assert "small.png (300 × 100 px)" in message and "dpi effective on abri" in message and "150 dpi" in message
    dpi = float(message.split(" dpi effective")[0].rsplit(" ", 1)[1])
    assert 5 < dpi < 60


def test_a_sharp_raster_logo_and_an_svg_logo_give_no_resolution_warning(kit) -> None:
    assert not [d for d in pipeline.check_brand_kit(kit) if d.code == "CS115"], "SVG: sharp at any size"
    Image.new("RGBA", (9000, 3000), (27, 58, 47, 255)).save(kit / "big.png")
    _edit(kit, "logo: logo.svg", "logo: big.png")
    assert not [d for d in pipeline.check_brand_kit(kit) if d.code == "CS115"]


# --- listing and validate --------------------------------------------------------------------

def test_list_brands_shows_every_shipped_kit(cli) -> None:
    result = cli("list", "brands", "--json")
    assert result.code == 0, result.err
    rows = {r["id"]: r for r in json.loads(result.out)}
    assert set(rows) == {"gemeente-voorbeeld", "high-contrast", "national", "neutral"}
    assert rows["gemeente-voorbeeld"]["logo_file"]["kind"] == "SVG"
    assert rows["gemeente-voorbeeld"]["heading_font"] == "Voorbeeld Sans"
    assert rows["national"]["colors"]["text"] == "#154273" and rows["national"]["logo_file"] is None
    table = cli("list", "brands")
    assert table.code == 0 and "high-contrast" in table.out and "Voorbeeld Sans" in table.out


def test_validate_brand_takes_a_folder(cli, kit) -> None:
    ok = cli("validate", "--brand", kit)
    assert ok.code == 0, ok.err
    assert "ar text is set in the fallback Noto Sans Arabic" in ok.err
    _edit(kit, 'muted: "#3D4A45"', 'muted: "#9AA5A0"')
    bad = cli("validate", "--brand", kit)
    assert bad.code == 1 and "muted #9AA5A0 on background #FFFFFF" in bad.err
