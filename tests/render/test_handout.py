"""The handout (templates/handout.yaml): an A4 sheet of two pages, read back with poppler page by
page: every figure with its definition and source on the front, the five action lines on the
back, the helpline on both; PDF/UA-1 for nl and ar, screen and print; the CLI writes it."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import page as pdfua
import pytest
from PIL import Image

from campaign_studio import pipeline
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import Document
from campaign_studio.render import render_pdf_document

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@cache
def _document(campaign: Campaign, lang: str) -> Document:
    doc, diags = pipeline.layout_document(pipeline.resolve_design(campaign, "handout", "a4", lang))
    assert doc is not None, [d.format() for d in diags.errors]
    return doc


def _words(text: str) -> str:
    return " ".join(_BIDI_CONTROLS.sub("", text).split())


def _squashed(text: str) -> str:
    """Without any white space: a line broken after a hyphen ("niet-" / "fysieke") reads as one word."""
    return re.sub(r"\s+", "", _BIDI_CONTROLS.sub("", text))


def _page_text(path: Path, number: int) -> str:
    return _words(subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                                 capture_output=True, text=True, check=True).stdout)


@pytest.fixture(scope="module")
def pdfs(builtin: Campaign, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Path]:
    out = tmp_path_factory.mktemp("handout")
    done = {}
    for lang in ("nl", "ar"):
        for print_ready in (False, True):
            path = out / f"handout-{lang}-{'print' if print_ready else 'screen'}.pdf"
            path.write_bytes(render_pdf_document(_document(builtin, lang), print_ready=print_ready))
            done[(lang, print_ready)] = path
    return done


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("print_ready", [False, True])
def test_the_handout_pdf_is_pdf_ua1(pdfs: dict[tuple[str, bool], Path], lang: str, print_ready: bool) -> None:
    report = pdfua.validate_pdf(str(pdfs[(lang, print_ready)]), profile="ua1")
    assert report.is_compliant and not report.rules.failed, sorted({(f.rule_id, f.message) for f in report.failures})


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_two_a4_pages_with_the_helpline_on_both(pdfs: dict[tuple[str, bool], Path], lang: str) -> None:
    info = subprocess.run(["pdfinfo", str(pdfs[(lang, False)])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M) and re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info, re.M)
    assert all("0800-0188" in _page_text(pdfs[(lang, False)], n) for n in (1, 2))


def test_the_front_holds_every_figure_with_its_definition_and_source(builtin: Campaign,
                                                                     pdfs: dict[tuple[str, bool], Path]) -> None:
    front, back = (_page_text(pdfs[("nl", False)], n) for n in (1, 2))
    assert len(builtin.statistics) == 4
    for stat in builtin.statistics:
        for text in (stat.label.source, stat.definition.source, builtin.source(stat.source).citation.source):
            assert _squashed(text) in _squashed(front), (stat.id, text)
            assert _squashed(text) not in _squashed(back), (stat.id, text)


def test_the_back_holds_the_five_action_lines_and_the_other_help(builtin: Campaign,
                                                                 pdfs: dict[tuple[str, bool], Path]) -> None:
    front, back = (_page_text(pdfs[("nl", False)], n) for n in (1, 2))
    assert [a.number for a in builtin.action_lines] == [1, 2, 3, 4, 5]
    for line in builtin.action_lines:
        assert _squashed(f"{line.number}. {line.text.source}") in _squashed(back), line.id
        assert _squashed(line.text.source) not in _squashed(front), line.id
    assert "Slachtofferhulp Nederland" in back and "Slachtofferhulp Nederland" not in front


def test_the_cli_writes_two_numbered_pngs_and_one_pdf(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", "-t", "handout", "-f", "a4", "-l", "ar", "--dpi", "30", "-o", tmp_path / "h.png")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h-01.png", "h-02.png", "h.alt.txt", "h.data.csv"]
    with Image.open(tmp_path / "h-01.png") as one, Image.open(tmp_path / "h-02.png") as two:
        assert one.size == two.size and one.height > one.width
    result = cli("render", "-t", "handout", "-f", "a4", "--print", "--no-alt", "--no-data", "-o", tmp_path / "p.pdf")
    assert result.code == 0, result.err
    assert "handout / a4 / nl, 2 pages" in result.out
    report = pdfua.validate_pdf(str(tmp_path / "p.pdf"), profile="ua1")
    assert report.is_compliant and not report.rules.failed


def test_the_cli_refuses_a_format_the_handout_is_not_made_for(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", "-t", "handout", "-f", "a3", "-o", tmp_path / "x.pdf")
    assert result.code == 2 and "made for the format(s) a4" in result.err
    assert list(tmp_path.iterdir()) == []


def test_the_handout_template_reads_as_a_front_of_figures_and_a_back_of_help() -> None:
    from campaign_studio.content.design_loader import load_templates

    template = load_templates()["handout"]
    assert template.formats == ("a4",) and template.shows == "statistics" and template.document is not None
    assert [(k.name, k.shows, k.repeat) for k in template.document.pages] == [
        ("front", "statistics", "once"), ("back", "programme", "once")]
    back = template.for_page(template.document.pages[1])
    assert "actions" in back.tall.columns[0].top and back.tall.band == ("help",)
