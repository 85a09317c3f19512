"""PDF/UA-1: every template's screen and print PDF validated, structure read back, text extracted exactly.

The validator is the offline `page-validation` (profile ua1); the structure and text
are read with poppler's `pdfinfo -struct` and `pdftotext`, never with our own code.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import page as pdfua
import pikepdf
import pytest
from render_pagekit import NAVY, WHITE, block_of, card_page, moved, paragraph, run_tool, shape_run

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_templates
from campaign_studio.model.pagetree import FigureGroup, ImageItem, Item, Page, PathItem, QRCode, Rect, TextBlock
from campaign_studio.render import render_pdf
from campaign_studio.render.pdf_text import line_texts
from campaign_studio.text.linebreak import SEPARATORS

VALIDATED_LANGUAGES = ("nl", "en", "ar", "fa")
SHIPPED_LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk", "ti", "fa")
# (format, print): a social card as a screen PDF, a poster as a printer's PDF
OUTPUTS = (("post-4x5", False), ("a3", True))
# formatting characters pdftotext adds around right-to-left and left-to-right stretches, and
# the marks (and isolates from the page tree) that carry no text of their own
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_HARD_HYPHEN_BREAK = re.compile(r"(\w-)[ \t]*\n\s*(?=\w)")
_SEPARATOR = re.compile(r"\s[" + re.escape("".join(SEPARATORS)) + r"]\s")


@dataclass(frozen=True)
class Rendered:
    page: Page
    path: Path
    print_ready: bool


SINGLE_PAGE = [t for t, spec in load_templates().items() if spec.document is None]


@cache
def _campaign() -> object:
    loaded = pipeline.open_campaign(None)
    assert loaded.campaign is not None
    return loaded.campaign


def _outputs(template: str) -> tuple[tuple[str, bool], ...]:
    """OUTPUTS, a template not made for a format giving its first social format instead (the
    infographic: a long vertical screen PDF)."""
    spec = load_templates()[template]
    social = next(f for f in spec.formats or ("post-4x5",) if f not in ("a4", "a3", "a2", "a1", "a0", "abri"))
    return tuple((fmt if spec.made_for(fmt) else social, print_ready) for fmt, print_ready in OUTPUTS)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Rendered]:
    """Every template × OUTPUTS × shipped language, laid out once and rendered once."""
    out_dir = tmp_path_factory.mktemp("pdfua")
    done: dict[tuple[str, str, str], Rendered] = {}
    for template in SINGLE_PAGE:  # the carousel's PDFs: tests/render/test_pdf_document.py
        for fmt, print_ready in _outputs(template):
            for lang in SHIPPED_LANGUAGES:
                page, _ = pipeline.layout(pipeline.resolve_design(_campaign(), template, fmt, lang))  # type: ignore[arg-type]
                assert page is not None
                path = out_dir / f"{template}-{fmt}-{lang}.pdf"
                path.write_bytes(render_pdf(page, print_ready=print_ready))
                done[(template, fmt, lang)] = Rendered(page, path, print_ready)
    return done


def _validated(rendered: dict[tuple[str, str, str], Rendered]) -> list[Rendered]:
    return [r for (_, _, lang), r in rendered.items() if lang in VALIDATED_LANGUAGES]


def test_every_template_screen_and_print_pdf_passes_pdf_ua1(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    failed = {}
    for r in _validated(rendered):
        report = pdfua.validate_pdf(str(r.path), profile="ua1")
        if not report.is_compliant or report.rules.failed:
            failed[r.path.name] = sorted({(f.rule_id, f.message) for f in report.failures})
    assert failed == {}
    assert len(_validated(rendered)) == len(SINGLE_PAGE) * len(OUTPUTS) * len(VALIDATED_LANGUAGES)


def test_print_pdf_is_pdf_x4_and_pdf_ua1_in_one_file(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    r = rendered[("statistic-spotlight", "a3", "ar")]
    pdf = pikepdf.open(r.path)
    assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4"
    assert str(pdf.Root.OutputIntents[0].S) == "/GTS_PDFX"
    with pdf.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert meta["dc:title"] == r.page.title
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert str(pdf.Root.Lang) == "ar"
    assert str(pdf.pages[0].Tabs) == "/S"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True


def _expected_structure(page: Page) -> list[str]:
    """Element types in reading order, from the page tree alone."""
    out: list[str] = []
    heading_seen = False

    def visit(items: tuple[Item, ...]) -> None:
        nonlocal heading_seen
        for item in items:
            if isinstance(item, TextBlock):
                if item.role == "heading":
                    out.append("H2" if heading_seen else "H1")
                    heading_seen = True
                elif item.role == "list":
                    out.append("L")
                else:
                    out.append("P")
            elif isinstance(item, QRCode) or (isinstance(item, ImageItem) and item.alt):
                out.append("Figure")
            elif isinstance(item, FigureGroup):
                if item.role == "chart" and item.table:
                    out.append("Table")
                elif item.role != "decoration" and item.alt:
                    out.append("Figure")
                elif item.role != "decoration":
                    visit(item.items)

    visit(page.items)
    return out


def _pdfinfo_structure(path: Path) -> list[str]:
    """The Document's children, as `pdfinfo -struct` prints them (two-space indent per level)."""
    kinds = []
    for line in run_tool("pdfinfo", "-struct", path).splitlines():
        m = re.match(r"^  (\w+)", line)
        if m and not line.startswith("   "):
            kinds.append(m.group(1))
    return kinds


def test_structure_follows_the_page_tree_reading_order(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    for r in _validated(rendered):
        assert run_tool("pdfinfo", "-struct", r.path).splitlines()[0] == "Document"
        assert _pdfinfo_structure(r.path) == _expected_structure(r.page), r.path.name
    # the help poster: heading first, its QR code a figure before the list of other helplines
    kinds = _pdfinfo_structure(rendered[("where-to-get-help", "a3", "nl")].path)
    assert kinds[0] == "H1" and kinds.index("Figure") < kinds.index("L")


def test_lists_have_one_item_per_entry_and_figures_their_alt(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    r = rendered[("where-to-get-help", "a3", "en")]
    pdf = pikepdf.open(r.path)
    doc = pdf.Root.StructTreeRoot.K[0]
    kids = {str(k.S): k for k in doc.K}
    others = next(b for b in r.page.text_blocks() if b.role == "list")
    items = kids["/L"].K
    entries = [line.strip() for line in others.text.split("\n")]
    assert len(others.lines) > len(entries), "an entry wraps: the items must still be one per entry"
    assert [str(li.S) for li in items] == ["/LI"] * len(entries)
    assert [str(li.K[0].ActualText) for li in items] == [line.strip() for line in others.text.split("\n")]
    qr = next(i for i in r.page.items if isinstance(i, QRCode))
    assert str(kids["/Figure"].Alt) == qr.data
    heading = next(b for b in r.page.text_blocks() if b.role == "heading")
    assert str(kids["/H1"].ActualText) == heading.text


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_infographic_comparison_is_a_table_of_its_visible_labels(
        rendered: dict[tuple[str, str, str], Rendered], lang: str) -> None:
    r = rendered[("infographic", "a3", lang)]
    chart = next(i for i in r.page.walk() if isinstance(i, FigureGroup) and i.table)
    texts = [i.text for i in chart.items if isinstance(i, TextBlock)]
    pdf = pikepdf.open(r.path)
    table = next(k for k in pdf.Root.StructTreeRoot.K[0].K if str(k.S) == "/Table")
    rows = [[(str(cell.S), str(cell.ActualText), cell.A) for cell in tr.K] for tr in table.K]
    assert [str(tr.S) for tr in table.K] == ["/TR"] * 3
    # statistics over two columns each, then per group: its name (a row header) and value, per statistic
    assert [(k, t) for k, t, _ in rows[0]] == [("/TH", texts[0]), ("/TH", texts[5])]
    assert all(int(a.ColSpan) == 2 and str(a.Scope) == "/Column" for _, _, a in rows[0])
    assert [(k, t) for k, t, _ in rows[1]] == [("/TH", texts[1]), ("/TD", texts[2]), ("/TH", texts[6]),
                                               ("/TD", texts[7])]
    assert [t for _, t, _ in rows[2]] == [texts[3], texts[4], texts[8], texts[9]]
    assert all(str(a.Scope) == "/Row" for k, _, a in rows[1] + rows[2] if k == "/TH")
    values = [t for row in rows[1:] for k, t, _ in row if k == "/TD"]
    assert [_BIDI_CONTROLS.sub("", v).strip("\u061c") for v in values] == ["22%", "53%", "6%", "19%"]


def _normalise(text: str) -> str:
    """Whitespace and line breaks only (a list separator a line break replaced counts as one, and a
    line that ends in a word's own hyphen, "الميم-" / "عين", joins the next without a space)."""
    text = _BIDI_CONTROLS.sub("", text)
    text = _HARD_HYPHEN_BREAK.sub(r"\1", text)
    return " ".join(_SEPARATOR.sub(" ", f" {text} ").split())


def test_pdftotext_returns_every_text_exactly_in_every_language(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    """Figures, definitions, sources (and every other text) come back as the page tree has them.

    The whole page is extracted: poppler reads a page whose letters are mostly
    right-to-left from the right, and a crop of a mixed block can tip that balance.
    """
    wrong = []
    checked = 0
    for (template, fmt, lang), r in rendered.items():
        got = _normalise(run_tool("pdftotext", "-enc", "UTF-8", r.path, "-"))
        for block in r.page.text_blocks():
            want = _normalise(block.text)
            checked += 1
            if want not in got:
                wrong.append((template, fmt, lang, block.slot, want, got))
    assert wrong == []
    assert checked > 300


def test_right_to_left_punctuation_and_numbers_stay_in_place(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    r = rendered[("statistic-spotlight", "a3", "ar")]
    text = _normalise(run_tool("pdftotext", "-enc", "UTF-8", r.path, "-"))
    assert "الجنس، أو" in text
    assert "Nederland 2017. دراسة" in text
    assert "من عمر 18 إلى 80 سنة" in text


def test_hyphenated_word_comes_back_whole(tmp_path: Path) -> None:
    # the first Dutch design that hyphenates a word at a line end (layout decides which do)
    broken: list = []
    for template, fmt in itertools.product(("statistic-spotlight", "women-men", "where-to-get-help", "statement"),
                                           ("link-1.91x1", "wide-16x9", "post-1x1", "post-4x5")):
        page, _ = pipeline.layout(pipeline.resolve_design(_campaign(), template, fmt, "nl"))  # type: ignore[arg-type]
        assert page is not None
        broken = [(b, k) for b in page.text_blocks() for k, lt in enumerate(line_texts(b)) if lt.hyphenated]
        if broken:
            break
    assert broken, "no Dutch design hyphenates any more: add candidates"
    path = tmp_path / "h.pdf"
    path.write_bytes(render_pdf(page))
    text = _normalise(run_tool("pdftotext", "-enc", "UTF-8", path, "-"))
    for block, k in broken:
        word = line_texts(block)[k].text.split()[-1] + line_texts(block)[k + 1].text.split()[0]
        assert word in text and word in block.text


def _content_tags(path: Path) -> list[tuple[str, dict[str, str]]]:
    pdf = pikepdf.open(path)
    return [(str(ops[0]), {str(k): str(v) for k, v in ops[1].items()})
            for ops, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "BDC"]


def test_crop_marks_background_and_panels_are_artifacts(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    r = rendered[("action-line", "a3", "nl")]
    tags = _content_tags(r.path)
    artifacts = [props.get("/Type") for tag, props in tags if tag == "/Artifact"]
    assert artifacts.count("/Page") == 1  # the crop marks
    assert "/Layout" in artifacts  # background and panel
    assert not any(tag == "/Artifact" and "/MCID" in props for tag, props in tags)


def test_no_to_unicode_value_is_null(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    pdf = pikepdf.open(rendered[("women-men", "post-4x5", "ar")].path)
    for font in pdf.pages[0].Resources.Font.values():
        cmap = font.ToUnicode.read_bytes()
        assert b"<0000>" not in cmap
        assert b"beginbfchar" in cmap


def test_figure_group_with_alt_is_one_figure_and_without_alt_stays_open(tmp_path: Path) -> None:
    bar = PathItem((("M", (10, 10)), ("L", (90, 10)), ("L", (90, 30)), ("Z", ())), fill=NAVY, role="figure")
    label = paragraph("22 procent", Rect(10, 40, 200, 40), size=14)
    chart = FigureGroup("chart", Rect(0, 0, 300, 100), (bar, label), alt="Staafdiagram: 22 procent")
    page = Page(300, 200, WHITE, (chart,), language="nl", title="t")
    path = tmp_path / "a.pdf"
    path.write_bytes(render_pdf(page))
    pdf = pikepdf.open(path)
    kids = list(pdf.Root.StructTreeRoot.K[0].K)
    assert [str(k.S) for k in kids] == ["/Figure"]
    assert str(kids[0].Alt) == "Staafdiagram: 22 procent"
    assert not pdfua.validate_pdf(str(path), profile="ua1").failures
    # no alternative text: the label is read as a paragraph, the bar is an artifact
    bare = Page(300, 200, WHITE, (FigureGroup("chart", Rect(0, 0, 300, 100), (bar, label)),), language="nl", title="t")
    path.write_bytes(render_pdf(bare))
    pdf = pikepdf.open(path)
    assert [str(k.S) for k in pdf.Root.StructTreeRoot.K[0].K] == ["/P"]
    assert ("/Artifact", {"/Type": "/Layout"}) in _content_tags(path)
    assert not pdfua.validate_pdf(str(path), profile="ua1").failures


def test_logo_is_a_figure_with_its_alt_and_a_span_in_another_language_has_lang(logo: Path, tmp_path: Path) -> None:
    path = tmp_path / "card.pdf"
    card = card_page(logo)
    path.write_bytes(render_pdf(card))
    pdf = pikepdf.open(path)
    kids = list(pdf.Root.StructTreeRoot.K[0].K)
    image = next(i for i in card.items if isinstance(i, ImageItem))
    assert any(str(k.S) == "/Figure" and str(k.Alt) == image.alt for k in kids)
    arabic = [k for k in kids if "/Lang" in k]
    assert [str(k.Lang) for k in arabic] == ["ar"]
    nl = moved(shape_run("Welkom", size=20), 20, 40)
    page = Page(300, 60, WHITE, (block_of([nl], Rect(0, 0, 300, 60), language="en"),), language="nl", title="t")
    path.write_bytes(render_pdf(page))
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.StructTreeRoot.K[0].K[0].Lang) == "en"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_dutch_source_title_is_a_dutch_span_in_a_translated_poster(
        rendered: dict[tuple[str, str, str], Rendered], lang: str) -> None:
    """The report's title (and the help contact's name) are kept in Dutch: their marked
    content says /Lang nl, so a screen reader reads them with a Dutch voice; every
    other text stays in the page's language, and the source line is extracted whole."""
    r = rendered[("statistic-spotlight", "a3", lang)]
    title = _campaign().source("rutgers-2017").title  # type: ignore[attr-defined]
    with pikepdf.open(r.path) as pdf:
        assert str(pdf.Root.Lang) == lang
        nodes = [n for n in pdf.Root.StructTreeRoot.K[0].K]
        assert all(str(n.get("/Lang", lang)) == lang for n in nodes)
    tagged = [(props["/Lang"], _BIDI_CONTROLS.sub("", props.get("/ActualText", "")))
              for _, props in _content_tags(r.path) if "/Lang" in props]
    assert ("nl", title) in tagged
    assert ("nl", "Centrum Seksueel Geweld") in tagged
    assert {lang_ for lang_, _ in tagged} == {"nl"}
    source = next(b for b in r.page.text_blocks() if b.slot == "source")
    assert title in source.text and source.language == lang
    assert [run.text for line in source.lines for run in line.runs if run.language == "nl"] == [title]
    assert _normalise(source.text) in _normalise(run_tool("pdftotext", "-enc", "UTF-8", r.path, "-"))


def _struct_texts(path: Path) -> list[tuple[str, str]]:
    """(element type, text) of every element with text, as `pdfinfo -struct-text` prints them.

    poppler prints each marked-content sequence of an element as one quoted line, with
    the glyphs' ToUnicode text (not /ActualText): the pieces are joined as they come.
    """
    out: list[tuple[str, list[str]]] = []
    for line in run_tool("pdfinfo", "-struct-text", path).splitlines()[1:]:
        body = line.strip()
        if body.startswith('"') and body.endswith('"'):
            out[-1][1].append(body[1:-1])
        else:
            out.append((body.split()[0], []))
    return [(kind, "".join(pieces)) for kind, pieces in out if pieces]


def _spoken(text: str) -> tuple[str, str]:
    """(letters, marks) of a text: compatibility forms folded (ToUnicode gives Arabic presentation
    forms), whitespace dropped (the line breaks between sequences have no character), and the
    combining marks apart: a mark inside a ligature ("لًا", one glyph for lam and alef) can only
    come after the ligature's letters, as a glyph of its own."""
    text = unicodedata.normalize("NFKC", _BIDI_CONTROLS.sub("", text))
    text = "".join(text.split())
    marks = "".join(sorted(ch for ch in text if unicodedata.category(ch) == "Mn"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn"), marks


@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
def test_pdfinfo_struct_text_reads_every_block_in_logical_order(
        rendered: dict[tuple[str, str, str], Rendered], lang: str) -> None:
    """A reader of the structure hears each text whole and in order, also where a line has
    spans (a Dutch title in an English line; Arabic, one span per cluster)."""
    r = rendered[("statistic-spotlight", "a3", lang)]
    open_ = 0
    with pikepdf.open(r.path) as pdf:
        for _, op in pikepdf.parse_content_stream(pdf.pages[0]):
            open_ += {"BDC": 1, "BMC": 1, "EMC": -1}.get(str(op), 0)
            assert open_ <= 1, "marked content inside marked content: poppler loses the outer sequence's text"
    got = _struct_texts(r.path)
    blocks = r.page.text_blocks()
    assert [kind for kind, _ in got] == ["H1" if b.role == "heading" else "P" for b in blocks]
    assert [_spoken(text) for _, text in got] == [_spoken(b.text) for b in blocks]
    source = next(text for (_, text), b in zip(got, blocks, strict=True) if b.slot == "source")
    assert _campaign().source("rutgers-2017").title in source  # type: ignore[attr-defined]
