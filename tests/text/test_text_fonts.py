"""Font families, fallback chains, per-character script fallback and missing glyphs."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont
from textkit import all_gids, big_box, make_style

from campaign_studio.model.pagetree import FontRef
from campaign_studio.resources import fonts_dir
from campaign_studio.text import FontLibrary, MissingGlyphError, set_text


def test_chains_list_primary_then_script_fallbacks() -> None:
    fonts = FontLibrary.default()
    assert [r.key for r in fonts.chain("Noto Sans", "regular")] == [
        "NotoSans-Regular",
        "NotoSansArabic-Regular",
        "NotoSansEthiopic-Regular",
    ]
    assert [r.key for r in fonts.chain("Atkinson Hyperlegible", "bold")] == [
        "AtkinsonHyperlegible-Bold",
        "NotoSans-Bold",
        "NotoSansArabic-Bold",
        "NotoSansEthiopic-Bold",
    ]
    assert all(r.path.is_file() for r in fonts.chain("Atkinson Hyperlegible", "bold"))


def test_unknown_family_or_weight_names_the_known_ones() -> None:
    fonts = FontLibrary.default()
    with pytest.raises(ValueError, match="'Noto Sans', 'Atkinson Hyperlegible'"):
        fonts.chain("Comic Sans", "regular")
    with pytest.raises(ValueError, match="'regular', 'bold'"):
        fonts.chain("Noto Sans", "black")


def test_default_library_is_cached_and_faces_loaded_once() -> None:
    fonts = FontLibrary.default()
    assert FontLibrary.default() is fonts
    assert FontLibrary.default() is FontLibrary.default()
    ref = fonts.chain("Noto Sans", "regular")[0]
    face = fonts.face(ref)
    assert fonts.face(ref) is face
    assert face.upem == 1000
    assert face.ascender == pytest.approx(1.069)
    assert face.descender == pytest.approx(0.293)
    assert ord("A") in face.cmap and 0x0130 in face.cmap


def test_latin_stays_in_the_primary_face() -> None:
    st = set_text("Bel gratis", make_style(family="Atkinson Hyperlegible"), big_box())
    (run,) = st.lines[0].runs
    assert run.font.key == "AtkinsonHyperlegible-Regular"
    assert run.script == "Latn" and run.language == "nl"


def test_ethiopic_uses_noto_sans_ethiopic() -> None:
    st = set_text("ሰላም ለዓለም", make_style("ti"), big_box())
    (run,) = st.lines[0].runs
    assert run.font.key == "NotoSansEthiopic-Regular"
    assert run.script == "Ethi" and run.language == "ti"
    assert 0 not in all_gids(st)


def test_cyrillic_in_the_atkinson_chain_falls_back_to_noto_sans() -> None:
    st = set_text("Привіт, Київ!", make_style("uk", family="Atkinson Hyperlegible", weight="bold"), big_box())
    (run,) = st.lines[0].runs
    assert run.font.key == "NotoSans-Bold"
    assert run.script == "Cyrl"
    assert run.text == "Привіт, Київ!"


def test_turkish_capital_dotted_i_falls_back_in_the_atkinson_chain() -> None:
    st = set_text("İstanbul", make_style("tr", family="Atkinson Hyperlegible"), big_box())
    runs = st.lines[0].runs
    assert [(r.text, r.font.key) for r in runs] == [
        ("İ", "NotoSans-Regular"),
        ("stanbul", "AtkinsonHyperlegible-Regular"),
    ]
    assert runs[1].x == pytest.approx(runs[0].x + runs[0].width)
    assert 0 not in all_gids(st)


def test_number_keeps_one_face_when_the_surrounding_face_lacks_a_sign() -> None:
    # Noto Sans Ethiopic has no digits and no "%": "22%" is set as a whole in Noto Sans.
    st = set_text("ሰላም 22%", make_style("ti"), big_box())
    runs = st.lines[0].runs
    assert runs[-1].text == "22%" and runs[-1].font.key == "NotoSans-Regular"


def test_emoji_raises_missing_glyph_error_naming_the_code_point_and_chain() -> None:
    with pytest.raises(MissingGlyphError) as info:
        set_text("Hulp nodig? 😀", make_style(), big_box())
    err = info.value
    assert err.codepoint == 0x1F600 and err.char == "😀"
    assert str(err) == (
        "U+1F600 GRINNING FACE is not in any font of the 'Noto Sans' chain "
        "(NotoSans-Regular, NotoSansArabic-Regular, NotoSansEthiopic-Regular)"
    )


def test_invisible_controls_draw_nothing_and_never_notdef() -> None:
    # Atkinson maps neither ZWSP nor the isolates; they must not become .notdef glyphs.
    text = "Bel\u200bnu \u20680800-0188\u2069"
    st = set_text(text, make_style(family="Atkinson Hyperlegible"), big_box())
    gids = all_gids(st)
    assert 0 not in gids
    assert len(gids) == len("Belnu 0800-0188")


@pytest.mark.parametrize("path", sorted(fonts_dir().glob("*.ttf")), ids=lambda p: p.name)
def test_coverage_is_the_best_unicode_cmap(path) -> None:
    """Faces read their coverage from HarfBuzz: the same code points as fontTools' best Unicode subtable."""
    face = FontLibrary(fonts_dir()).face(FontRef(key=path.stem, path=path))
    assert face.cmap == frozenset(TTFont(path, lazy=True).getBestCmap())
    assert len(face.cmap) > 300
