"""`campaign-studio render -t carousel`: numbered PNGs or one PDF, the sidecars once, the exit
codes; `check` checks every slide, also of a slide PNG read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PIL import Image

from campaign_studio import pipeline
from campaign_studio.cli.check_cmd import _every_design
from campaign_studio.model.campaign import Campaign

PAGES = 8  # title, four figures, two action lines, help


def test_png_output_is_numbered_slides_with_one_set_of_sidecars(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "carousel", "-f", "post-4x5", "-l", "ar", "-o", tmp_path / "x.png")
    assert result.code == 0, result.err
    slides = [tmp_path / f"x-{n:02d}.png" for n in range(1, PAGES + 1)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([p.name for p in slides] + ["x.alt.txt", "x.data.csv"])
    for number, path in enumerate(slides, start=1):
        with Image.open(path) as image:
            assert image.size == (1080, 1350) and image.mode == "RGB"
            design = json.loads(image.info["campaign-studio:design"])
        assert design["design.page"] == f"{number}/{PAGES}" and design["design.template"] == "carousel"
    assert f"x-01.png … x-{PAGES:02d}.png" in result.out and f"{PAGES} pages" in result.out
    alt = (tmp_path / "x.alt.txt").read_text(encoding="utf-8")
    assert alt.count("\n\n") == PAGES  # the short text, then one paragraph per slide
    rows = (tmp_path / "x.data.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("statistic,group,value") and len(rows) == 1 + 2 + 2 + 1 + 1  # 4 figures, 6 values
    assert "22%" in (tmp_path / "x.data.csv").read_text(encoding="utf-8")


def test_pdf_output_is_one_file_of_every_slide(cli, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = cli("render", "-t", "carousel", "-f", "post-1x1", "-o", out)
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.alt.txt", "x.data.csv", "x.pdf"]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {PAGES}" in info and "1080 x 1080 pts" in info


def test_a_format_the_carousel_is_not_made_for_is_refused(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "carousel", "-f", "a4", "-o", tmp_path / "x.pdf")
    assert result.code == 2
    assert "carousel.yaml" in result.err and "made for the format(s) post-4x5, post-1x1, not 'a4'" in result.err
    assert "use one of post-4x5, post-1x1" in result.err
    assert list(tmp_path.iterdir()) == []


def test_simulate_is_for_one_page(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "carousel", "-f", "post-4x5", "--simulate", "deuteranopia", "-o", tmp_path / "x.png")
    assert result.code == 2 and "--simulate previews one page" in result.err
    assert list(tmp_path.iterdir()) == []


def test_one_chosen_figure_makes_five_slides(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "carousel", "-f", "post-4x5", "--stat", "consequences-forced", "-o", tmp_path / "x.png")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [f"x-{n:02d}.png" for n in range(1, 6)]
    rows = (tmp_path / "x.data.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith("consequences-forced,")


def test_check_checks_every_slide(cli) -> None:
    result = cli("check", "-t", "carousel", "-f", "post-4x5")
    assert result.code == 0, result.out
    assert "carousel / post-4x5 / nl / national" in result.out
    # findings name their slide: the unverified figures are slides 4 and 5
    assert "slide 4 of 8 (figure consequences-forced): statistic 'consequences-forced' is not verified" in result.out
    assert "slide 5 of 8 (figure consequences-nonphysical)" in result.out


def test_check_of_a_slide_png_lays_its_document_out_again(cli, tmp_path: Path) -> None:
    assert cli("render", "-t", "carousel", "-f", "post-4x5", "-o", tmp_path / "x.png").code == 0
    result = cli("check", tmp_path / "x-04.png")
    assert result.code == 0, result.out
    assert "laid its design (carousel / post-4x5 / nl / national) out again" in result.out
    # that slide's findings, not the other slides'
    assert "slide 4 of 8 (figure consequences-forced): statistic 'consequences-forced' is not verified" in result.out
    assert "slide 5 of 8" not in result.out


def test_check_all_skips_formats_a_template_is_not_made_for(builtin: Campaign) -> None:
    pairs = {(d.template.id, d.format.id) for d in _every_design(builtin) if d.language == "nl"
             and d.brand.id == "national"}
    assert {f for t, f in pairs if t == "carousel"} == {"post-4x5", "post-1x1"}
    assert {f for t, f in pairs if t == "women-men"} >= {"a4", "post-4x5"}


def test_output_paths() -> None:
    assert pipeline.output_paths(Path("a/x.png"), 1) == [Path("a/x.png")]
    assert pipeline.output_paths(Path("a/x.pdf"), 8) == [Path("a/x.pdf")]
    assert pipeline.output_paths(Path("a/x.png"), 3) == [Path("a/x-01.png"), Path("a/x-02.png"), Path("a/x-03.png")]
    assert pipeline.output_paths(Path("x.PNG"), 120)[-1] == Path("x-120.PNG")
