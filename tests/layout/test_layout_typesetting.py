"""Typesetting over the whole matrix: every template × format × shipped language × shipped
brand. Lines whose ink touches, ink outside its block, widows that another break avoids,
separators at line edges, headlines less even than they can be (VISUAL-GUIDE, Typesetting). Each design is laid out once per
session (the `matrix` fixture) and shared by all tests here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from layoutkit import Laid
from matrixkit import ShippedMatrix
from typesetkit import (
    colliding_lines,
    ink_outside_box,
    separators_at_edges,
    split_names,
    unbalanced_headlines,
    widows,
)

from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.layout.grid import make_grid
from campaign_studio.resources import brands_dir

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk", "ti", "fa")
SPACING_LANGUAGES = ("ar", "fa", "ti", "uk", "nl")  # tall marks, Ethiopic, Cyrillic, Latin
BRANDS = tuple(sorted(p.name for p in brands_dir().iterdir() if (p / "brand.yaml").is_file()))
TEMPLATES = tuple(t for t, spec in load_templates().items() if spec.document is None)  # one page each
FORMATS = tuple(load_formats())

Matrix = Callable[[str, str], list[Laid]]


@pytest.fixture(scope="session")
def matrix(shipped: ShippedMatrix) -> Matrix:
    """matrix(lang, brand) -> every template × format laid out (the session's shared matrix)."""
    def call(lang: str, brand: str) -> list[Laid]:
        return [Laid(s.design, s.page, s.diagnostics, make_grid(s.design.format))
                for s in shipped.every(languages=(lang,), brands=(brand,))]

    return call


def _faults(laid: list[Laid], check: Callable[..., list]) -> list[str]:
    out = []
    for one in laid:
        d = one.design
        out += [f"{d.template.id} / {d.format.id}: {fault}" for fault in check(one.require_page())]
    return out


def test_the_matrix_is_what_the_shipped_files_say() -> None:
    assert len(TEMPLATES) == 9 and len(FORMATS) == 12 and len(BRANDS) == 4, (TEMPLATES, FORMATS, BRANDS)


@pytest.mark.parametrize("lang", SPACING_LANGUAGES)
def test_ink_of_consecutive_lines_never_touches(matrix: Matrix, lang: str) -> None:
    assert _faults(matrix(lang, "national"), colliding_lines) == []


@pytest.mark.parametrize("lang", SPACING_LANGUAGES)
def test_no_ink_leaves_its_blocks_box(matrix: Matrix, lang: str) -> None:
    assert _faults(matrix(lang, "national"), ink_outside_box) == []


@pytest.mark.parametrize("brand", BRANDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_avoidable_widow(matrix: Matrix, lang: str, brand: str) -> None:
    found = _faults(matrix(lang, brand), lambda page: [f"{w.slot}: {w.paragraph}" for w in widows(page)])
    assert found == []


@pytest.mark.parametrize("brand", BRANDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_separator_at_a_line_edge(matrix: Matrix, lang: str, brand: str) -> None:
    assert _faults(matrix(lang, brand), separators_at_edges) == []


@pytest.mark.parametrize("brand", BRANDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_contact_names_stay_on_one_line(matrix: Matrix, lang: str, brand: str) -> None:
    laid = matrix(lang, brand)
    names = [c.name.source for c in laid[0].design.campaign.help_contacts if len(c.name.source.split()) <= 3]
    assert "113 Zelfmoordpreventie" in names
    assert _faults(laid, lambda page: split_names(page, names)) == []


@pytest.mark.parametrize("brand", BRANDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_headlines_are_balanced(matrix: Matrix, lang: str, brand: str) -> None:
    assert _faults(matrix(lang, brand), unbalanced_headlines) == []
