"""PDFs written by `campaign-studio render`, read back with poppler (pdfinfo, pdffonts, pdftotext)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campaign_studio.cli.main import run

MM = 72 / 25.4
A3 = (841.89, 1190.55)
A4 = (595.28, 841.89)
BLEED = 3 * MM  # 8.50 pt


def normalised(text: str) -> str:
    """pdftotext output as one line: whitespace collapsed, words split by a hyphen at a line end joined."""
    return re.sub(r"(\w)- (\w)", r"\1\2", " ".join(text.split()))


def boxes(pdfinfo_box_output: str) -> dict[str, tuple[float, float, float, float]]:
    found = {}
    for line in pdfinfo_box_output.splitlines():
        m = re.match(r"^(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", line)
        if m:
            found[m.group(1)] = tuple(float(v) for v in m.groups()[1:])
    return found  # type: ignore[return-value]


def emb_column(pdffonts_output: str) -> list[str]:
    """The 'emb' value of every font row (columns are found from the header, names may not have spaces)."""
    header = pdffonts_output.splitlines()[0]
    start = header.index("emb")
    return [line[start:start + 3] for line in pdffonts_output.splitlines()[2:] if line.strip()]


@pytest.fixture(scope="module")
def screen_a3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "spotlight-a3.pdf"
    assert run(["render", "-t", "statistic-spotlight", "-f", "a3", "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def print_a4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "women-men-a4-print.pdf"
    assert run(["render", "-t", "women-men", "-f", "a4", "--print", "-o", str(out)]) == 0
    return out


def test_screen_pdf_page_is_a3(screen_a3: Path, run_tool) -> None:
    info = run_tool("pdfinfo", screen_a3)
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert m, info
    assert float(m.group(1)) == pytest.approx(A3[0], abs=0.5)
    assert float(m.group(2)) == pytest.approx(A3[1], abs=0.5)
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert re.search(r"^Title:\s+Slachtoffer van seksueel geweld$", info, re.M)


@pytest.mark.parametrize("which", ["screen_a3", "print_a4"])
def test_every_font_is_embedded(which: str, request: pytest.FixtureRequest, run_tool) -> None:
    output = run_tool("pdffonts", request.getfixturevalue(which))
    emb = emb_column(output)
    assert emb, output
    assert all(e == "yes" for e in emb), output


def test_screen_pdf_text_has_headline_helpline_and_definition(screen_a3: Path, run_tool) -> None:
    text = normalised(run_tool("pdftotext", screen_a3, "-"))
    assert "Slachtoffer van seksueel geweld*" in text
    assert "0800-0188" in text
    assert "* Is gedwongen tot seks, of had seks tegen de wil." in text
    assert "22%" in text and "van de vrouwen" in text
    assert "Bron: Rutgers, Seksuele gezondheid in Nederland 2017." in text


def test_print_pdf_has_a4_trim_and_3mm_bleed(print_a4: Path, run_tool) -> None:
    found = boxes(run_tool("pdfinfo", "-box", print_a4))
    assert {"MediaBox", "BleedBox", "TrimBox"} <= set(found), found
    tx0, ty0, tx1, ty1 = found["TrimBox"]
    assert tx1 - tx0 == pytest.approx(A4[0], abs=0.5)
    assert ty1 - ty0 == pytest.approx(A4[1], abs=0.5)
    bx0, by0, bx1, by1 = found["BleedBox"]
    for outer, inner in ((tx0, bx0), (ty0, by0), (bx1, tx1), (by1, ty1)):
        assert outer - inner == pytest.approx(BLEED, abs=0.05)  # 8.5 pt on every side
    mx0, my0, mx1, my1 = found["MediaBox"]
    assert mx0 <= bx0 and my0 <= by0 and mx1 >= bx1 and my1 >= by1  # crop marks sit outside the bleed


def test_print_pdf_text_is_the_same_design(print_a4: Path, run_tool) -> None:
    text = normalised(run_tool("pdftotext", print_a4, "-"))
    assert "0800-0188" in text
    assert "22%" in text and "6%" in text
