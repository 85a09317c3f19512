"""A multi-page PDF (the carousel): its pages read back with poppler in order, each page tagged
(its own /StructParents, elements pointing at their /Pg), PDF/UA-1 for nl and ar, screen and print;
and a document of one page is byte for byte its page's PDF."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import page as pdfua
import pikepdf
import pytest

from campaign_studio import pipeline
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import Document
from campaign_studio.render import render_pdf, render_pdf_document
from campaign_studio.render.raster import RasterRenderer

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@cache
def _document(campaign: Campaign, lang: str) -> Document:
    doc, diags = pipeline.layout_document(pipeline.resolve_design(campaign, "carousel", "post-4x5", lang))
    assert doc is not None, [d.format() for d in diags.errors]
    return doc


def _words(text: str) -> str:
    return " ".join(_BIDI_CONTROLS.sub("", text).split())


@pytest.fixture(scope="module")
def pdfs(builtin: Campaign, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Path]:
    out = tmp_path_factory.mktemp("document")
    done = {}
    for lang in ("nl", "ar"):
        for print_ready in (False, True):
            path = out / f"carousel-{lang}-{'print' if print_ready else 'screen'}.pdf"
            path.write_bytes(render_pdf_document(_document(builtin, lang), print_ready=print_ready))
            done[(lang, print_ready)] = path
    return done


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("print_ready", [False, True])
def test_the_carousel_pdf_is_pdf_ua1(pdfs: dict[tuple[str, bool], Path], lang: str, print_ready: bool) -> None:
    report = pdfua.validate_pdf(str(pdfs[(lang, print_ready)]), profile="ua1")
    assert report.is_compliant and not report.rules.failed, sorted({(f.rule_id, f.message) for f in report.failures})


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_pages_read_in_order(builtin: Campaign, pdfs: dict[tuple[str, bool], Path], lang: str) -> None:
    doc = _document(builtin, lang)
    path = pdfs[(lang, False)]
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+8$", info, re.M) and re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Page size:\s+1080 x 1350 pts", info, re.M)
    shown = [_words(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"],
                                   capture_output=True, text=True, check=True).stdout)
             for n in range(1, len(doc.pages) + 1)]
    for page in doc.pages:
        heading = next(b.text for b in page.text_blocks() if b.slot in ("campaign", "headline", "message"))
        # the heading is read on the pages whose page tree holds it (the title slide's campaign
        # question is an action line's headline too), and on no other
        holding = [n for n, p in enumerate(doc.pages) if any(heading in b.text for b in p.text_blocks())]
        assert [n for n, text in enumerate(shown) if _words(heading) in text] == holding, heading
    assert all("0800-0188" in text for text in shown)


def test_every_page_is_tagged_with_its_own_parent_tree_entry(pdfs: dict[tuple[str, bool], Path]) -> None:
    for path in pdfs.values():
        with pikepdf.open(path) as pdf:
            pages = list(pdf.pages)
            assert [int(p.obj.StructParents) for p in pages] == list(range(len(pages)))
            assert all(p.obj.Tabs == pikepdf.Name.S for p in pages)
            root = pdf.Root.StructTreeRoot
            nums = list(root.ParentTree.Nums)
            keys = [int(k) for k in nums[0::2]]
            assert keys == list(range(len(pages))) and int(root.ParentTreeNextKey) == len(pages)
            for key, elements in zip(keys, nums[1::2], strict=True):
                # the page's MCIDs 0..n-1 each map to an element that says it is on this page
                stream = pages[key].obj.Contents.read_bytes()
                mcids = sorted({int(m) for m in re.findall(rb"/MCID (\d+)", stream)})
                assert mcids == list(range(len(elements))), (path.name, key)
                assert all(e.Pg.objgen == pages[key].obj.objgen for e in elements), (path.name, key)
            # one Document element holds every page's elements, the first page's first
            kids = list(root.K[0].K)
            assert kids[0].Pg.objgen == pages[0].obj.objgen and kids[-1].Pg.objgen == pages[-1].obj.objgen


def test_a_document_of_one_page_is_that_pages_pdf(builtin: Campaign) -> None:
    for template, fmt, lang, print_ready in (("statistic-spotlight", "post-4x5", "nl", False),
                                              ("women-men", "a4", "ar", True)):
        page, _ = pipeline.layout(pipeline.resolve_design(builtin, template, fmt, lang))
        assert page is not None
        one = Document.of(page)
        assert render_pdf_document(one, print_ready=print_ready) == render_pdf(page, print_ready=print_ready)
        assert pipeline.render_document_bytes(one, "png", fmt=None) == [pipeline.render_bytes(page, "png")]


def test_a_renderer_of_one_page_refuses_a_second(builtin: Campaign) -> None:
    doc = _document(builtin, "nl")
    with pytest.raises(NotImplementedError, match="draws one page"):
        RasterRenderer(doc.pages[0]).render_pages(doc.pages[:2])


def test_the_pdf_names_the_document(builtin: Campaign, pdfs: dict[tuple[str, bool], Path]) -> None:
    with pikepdf.open(pdfs[("ar", False)]) as pdf:
        assert str(pdf.docinfo.Title) == _document(builtin, "ar").title
        assert str(pdf.Root.Lang) == "ar"


def test_a_two_page_a4_print_handout(builtin: Campaign, tmp_path: Path) -> None:
    """The machinery the A4 handout needs: two print pages in one PDF/X-4 file, each with its
    bleed, trim box and crop marks, tagged as one PDF/UA-1 structure."""
    pages = []
    for template in ("paired-bars", "where-to-get-help"):
        page, _ = pipeline.layout(pipeline.resolve_design(builtin, template, "a4", "ar"))
        assert page is not None
        pages.append(page)
    path = tmp_path / "handout.pdf"
    path.write_bytes(render_pdf_document(Document(tuple(pages), pages[0].title, "ar"), print_ready=True))
    report = pdfua.validate_pdf(str(path), profile="ua1")
    assert report.is_compliant, sorted({(f.rule_id, f.message) for f in report.failures})
    single = tmp_path / "front.pdf"
    single.write_bytes(render_pdf(pages[0], print_ready=True))
    with pikepdf.open(path) as pdf, pikepdf.open(single) as front:
        assert len(pdf.pages) == 2 and pdf.Root.OutputIntents[0].S == pikepdf.Name.GTS_PDFX
        for page in pdf.pages:
            assert list(page.obj.TrimBox) == list(front.pages[0].obj.TrimBox)
            assert list(page.obj.BleedBox) == list(front.pages[0].obj.BleedBox)
            assert list(page.obj.MediaBox) == list(front.pages[0].obj.MediaBox)
    for number, page in enumerate(pages, start=1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        heading = next(b.text for b in page.text_blocks() if b.slot == "headline")
        assert _words(heading) in _words(text)
