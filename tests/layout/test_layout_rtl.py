"""Right-to-left layout: in Arabic and Persian the page is the mirror image of the Dutch one.

Start side = right for ar/fa, left for nl. Asserted on the page tree of post-4x5 (one
column, help band) and wide-16x9 (two columns, help panel or card in a column).
"""

from __future__ import annotations

import pytest
from layoutkit import PHONE, TOL, Laid, case, ink_span, of_type, runs

from campaign_studio.content.design_loader import load_templates
from campaign_studio.layout.engine import arrangements_for, column_areas
from campaign_studio.model.pagetree import Fill, QRCode, Rect, TextBlock

FORMATS = ("post-4x5", "wide-16x9")
# one page each, made for both formats
TEMPLATES = sorted(t.id for t in load_templates().values() if t.document is None and all(t.made_for(f) for f in FORMATS))
LANGS = ("ar", "fa", "nl")

ALL = [case(t, f, lang) for t in TEMPLATES for f in FORMATS for lang in LANGS]
RTL = [p for p in ALL if p.values[2] != "nl"]
COMPARISONS = [p for p in ALL if p.values[0] == "women-men"]
HELP_CARDS = [p for p in ALL if p.values[0] == "where-to-get-help"]


def _rtl(lang: str) -> bool:
    return lang in ("ar", "fa")


def _mirror(box: Rect, content: Rect) -> Rect:
    return Rect(content.x + content.right - box.right, box.y, box.w, box.h)


def _side_by_side(a: Rect, b: Rect) -> bool:
    return a.y < b.bottom - TOL and b.y < a.bottom - TOL


def _phone(laid: Laid) -> TextBlock:
    found = [b for b in laid.blocks() if b.role == "contact" and b.text == PHONE]
    assert len(found) == 1, [(b.slot, b.text) for b in laid.blocks()]
    return found[0]


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_every_line_starts_at_the_start_side_of_its_box(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    page = laid.require_page()
    assert page.language == lang
    for block in page.text_blocks():
        for line in block.lines:
            left = min(r.x for r in line.runs)
            right = max(r.x + r.width for r in line.runs)
            if _rtl(lang):
                assert right == pytest.approx(block.box.right, abs=TOL), (block.slot, [r.text for r in line.runs])
            else:
                assert left == pytest.approx(block.box.x, abs=TOL), (block.slot, [r.text for r in line.runs])
    if _rtl(lang):  # the script's own text runs right to left
        arabic = [r for b in page.text_blocks() for r in runs(b) if r.script == "Arab"]
        assert arabic and all(r.direction == "rtl" for r in arabic)


@pytest.mark.parametrize(("template", "fmt", "lang"), RTL)
def test_headline_is_the_mirror_image_of_the_dutch_one(template: str, fmt: str, lang: str, lay_out) -> None:
    laid, dutch = lay_out(template, fmt, lang), lay_out(template, fmt, "nl")
    content = laid.grid.content
    headline, nl_headline = laid.block("headline"), dutch.block("headline")
    arrangement = laid.require_page().metadata["arrangement"]
    if arrangement != dutch.require_page().metadata["arrangement"]:
        # Layout chose another of the template's wide arrangements for the longer text: the
        # headline still fills the mirror image of its column in that arrangement.
        arr = arrangements_for(laid.design.template, laid.grid.wide)[int(arrangement)]
        n = next(i for i, c in enumerate(arr.columns) if "headline" in (*c.top, *c.middle, *c.bottom))
        ltr = column_areas(laid.grid, arr, False, content.bottom)[n]
        rtl = column_areas(laid.grid, arr, True, content.bottom)[n]
        assert _mirror(ltr, content).x == pytest.approx(rtl.x, abs=TOL)
        assert (headline.box.x, headline.box.w) == pytest.approx((rtl.x, rtl.w), abs=TOL)
        return
    mirrored = _mirror(nl_headline.box, content)
    assert headline.box.x == pytest.approx(mirrored.x, abs=TOL)
    assert headline.box.w == pytest.approx(mirrored.w, abs=TOL)
    assert ink_span(headline)[1] == pytest.approx(headline.box.right, abs=TOL)
    if nl_headline.box.x == pytest.approx(content.x, abs=TOL):  # the headline is in the start column
        assert ink_span(headline)[1] == pytest.approx(content.right, abs=TOL)
        assert ink_span(nl_headline)[0] == pytest.approx(content.x, abs=TOL)


@pytest.mark.parametrize(("template", "lang"), [(t, lang) for t in TEMPLATES for lang in LANGS])
def test_one_column_headline_starts_at_the_content_edge(template: str, lang: str, lay_out) -> None:
    laid = lay_out(template, "post-4x5", lang)
    start, end = ink_span(laid.block("headline"))
    if _rtl(lang):
        assert end == pytest.approx(laid.grid.content.right, abs=TOL)
        assert start > laid.grid.content.x + TOL  # short headline: it does not fill the line
    else:
        assert start == pytest.approx(laid.grid.content.x, abs=TOL)
        assert end < laid.grid.content.right - TOL


@pytest.mark.parametrize(("template", "fmt", "lang"), ALL)
def test_phone_number_is_on_the_start_side_of_the_help_details(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    phone = _phone(laid)
    details = [b for b in laid.blocks() if b.slot.startswith(f"{phone.slot}-")]
    assert details, [b.slot for b in laid.blocks()]
    in_band = laid.grid.wide is False and bool(laid.design.template.tall.band)
    beside = [d for d in details if _side_by_side(phone.box, d.box)]
    if in_band:  # the band: phone large at the start edge, its details beside or below it
        if _rtl(lang):  # (Dutch action-line stacks them: at full scale the number is too large to share the line)
            assert beside, "in the Arabic and Persian help band the details stand beside the phone number"
        start_edge = laid.grid.content.right if _rtl(lang) else laid.grid.content.x
        assert ink_span(phone)[1 if _rtl(lang) else 0] == pytest.approx(start_edge, abs=TOL)
    for d in beside:
        if _rtl(lang):
            assert phone.box.x >= d.box.right - TOL, (phone.box, d.slot, d.box)
        else:
            assert phone.box.right <= d.box.x + TOL, (phone.box, d.slot, d.box)
    for d in details:  # stacked blocks share the phone's start edge
        if d in beside:
            continue
        if _rtl(lang):
            assert d.box.right == pytest.approx(phone.box.right, abs=TOL), d.slot
        else:
            assert d.box.x == pytest.approx(phone.box.x, abs=TOL), d.slot


@pytest.mark.parametrize(("template", "fmt", "lang"), COMPARISONS)
def test_comparison_bars_grow_from_the_start_side(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    page = laid.require_page()
    stat = laid.design.subject.statistic
    assert stat is not None and [v.group for v in stat.values][:2] == ["women", "men"]
    bars = [f for f in of_type(page, Fill) if f.role == "figure"]
    assert len(bars) == len(stat.values)
    content = laid.grid.content
    tracks = []
    for bar, value in zip(bars, stat.values, strict=True):
        under = [f for f in of_type(page, Fill) if f.role == "decoration" and f.box.contains(bar.box)
                 and f.box.h == pytest.approx(bar.box.h)]
        assert len(under) == 1, "each bar lies on its own track of the full scale"
        track = under[0].box
        tracks.append(track)
        assert bar.box.w == pytest.approx(track.w * value.value / 100, abs=TOL)  # a common 0-100 scale
        if _rtl(lang):
            assert bar.box.right == pytest.approx(track.right, abs=TOL)
        else:
            assert bar.box.x == pytest.approx(track.x, abs=TOL)
    women_track, men_track = tracks[:2]
    if page.width >= page.height:  # square and wide: the groups side by side, the first at the start side
        assert women_track.y == pytest.approx(men_track.y)
        if _rtl(lang):
            assert women_track.x > men_track.right
        else:
            assert women_track.right < men_track.x
    else:  # tall: stacked, the first on top
        assert women_track.x == pytest.approx(men_track.x) and women_track.y < men_track.y
    women = bars[0].box
    if _rtl(lang):
        assert women.right == pytest.approx(content.right, abs=TOL)
        assert women.x > content.x + content.w / 2  # 22%: it stays on the right half
    else:
        assert women.x == pytest.approx(content.x, abs=TOL)
        assert women.right < content.x + content.w / 2


@pytest.mark.parametrize(("template", "fmt", "lang"), HELP_CARDS)
def test_qr_code_sits_on_the_end_side_of_the_help_card(template: str, fmt: str, lang: str, lay_out) -> None:
    laid = lay_out(template, fmt, lang)
    page = laid.require_page()
    (qr,) = of_type(page, QRCode)
    phone = _phone(laid)
    if _side_by_side(qr.box, phone.box):
        if _rtl(lang):
            assert qr.box.right <= phone.box.x + TOL
        else:
            assert qr.box.x >= phone.box.right - TOL
    else:  # below the text, aligned to its start edge
        assert qr.box.y >= phone.box.bottom - TOL
        if _rtl(lang):
            assert qr.box.right == pytest.approx(phone.box.right, abs=TOL)
        else:
            assert qr.box.x == pytest.approx(phone.box.x, abs=TOL)
