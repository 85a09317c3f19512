"""Multi-page designs in an export: a carousel as numbered PNGs and one PDF (the document post), a handout
as one PDF; every page checked, the files the same pixels as `campaign-studio render` draws."""

from __future__ import annotations

import subprocess
from pathlib import Path

from exportkit import manifest
from PIL import Image

from campaign_studio.export.job import ExportJob, with_options
from campaign_studio.export.matrix import expand
from campaign_studio.model.campaign import Campaign


def test_a_carousel_makes_a_png_per_slide_and_one_pdf(builtin: Campaign) -> None:
    job = with_options(ExportJob(), {"templates": ["carousel"], "formats": ["post-4x5"], "languages": ["nl"]})
    outs = expand(job, builtin).all_outputs()
    paths = sorted(o.path for o in outs)
    pngs = [p for p in paths if p.endswith(".png")]
    assert len(pngs) >= 3 and pngs[0] == "national/nl/carousel/figures-post-4x5-01.png"
    assert [o.page for o in outs if o.kind == "png"] == list(range(1, len(pngs) + 1))
    assert {p for p in paths if not p.endswith(".png")} == {
        "national/nl/carousel/figures-post-4x5.pdf", "national/nl/carousel/figures-post-4x5.alt.txt",
        "national/nl/carousel/figures-post-4x5.data.csv"}


def test_export_of_a_carousel_and_a_handout(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    args = ("export", "-t", "carousel", "-t", "handout", "-f", "post-4x5", "-f", "a4", "-l", "nl", "-o", out, "-j", "1")
    result = cli(*args)
    assert result.code == 0, result.err
    record = manifest(out)["outputs"]
    slides = sorted(p for p in record if p.startswith("national/nl/carousel/") and p.endswith(".png"))
    pdf = out / "national/nl/carousel/figures-post-4x5.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:          {len(slides)}" in info.replace("Pages:           ", "Pages:          ")
    handout = subprocess.run(["pdfinfo", str(out / "national/nl/handout/figures-a4.pdf")], capture_output=True,
                             text=True, check=True).stdout
    assert "Pages:           2" in handout
    # the third slide is what `campaign-studio render` draws for it
    assert cli("render", "-t", "carousel", "-f", "post-4x5", "-l", "nl", "-o", tmp_path / "c.png").code == 0
    with Image.open(out / slides[2]) as exported, Image.open(tmp_path / "c-03.png") as rendered:
        assert exported.tobytes() == rendered.tobytes()
    again = cli(*args)
    assert again.code == 0 and f"{len(record)} outputs: 0 made, {len(record)} unchanged" in again.out
