"""Brand kits, PNG metadata read back, and the `check` / `render` commands end to end."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from matrixkit import ShippedMatrix
from PIL import Image

from campaign_studio import pipeline
from campaign_studio.checks import check_brand
from campaign_studio.checks.contrast import contrast_ratio
from campaign_studio.content.design_loader import brand_ids, load_brand, load_templates
from campaign_studio.model.pagetree import Color
from campaign_studio.resources import brands_dir


def _brand(tmp_path: Path, name: str, **colors: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    text = (brands_dir() / "national" / "brand.yaml").read_text(encoding="utf-8").replace("id: national", f"id: {name}")
    for role, value in colors.items():
        text = re.sub(rf"(?m)^  {role}: \"#[0-9A-F]{{6}}\".*$", f'  {role}: "{value}"', text)
    (folder / "brand.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("brand", brand_ids())
def test_shipped_brands_pass(brand: str) -> None:
    assert not check_brand(load_brand(brand))


def test_grey_text_brand_fails_naming_both_colours_ratio_and_shade(tmp_path: Path) -> None:
    found = check_brand(load_brand(_brand(tmp_path, "grey", text="#BBBBBB")))
    assert len(found) == 1
    d = found[0]
    assert d.code == "CS109" and d.location is not None and d.location.line == 8 and d.key_path == "colors.text"
    assert "#BBBBBB on background #FFFFFF" in d.message and "1.92:1" in d.message and "4.5:1" in d.message
    shade = Color.from_hex(d.hint.split("use ")[1][:7])
    assert 4.5 <= contrast_ratio(shade, Color(255, 255, 255)) < 4.7


def test_yellow_accent_at_197_fails(tmp_path: Path) -> None:
    yellow = "#FFA500"  # CSS orange-yellow, 1.97:1 on white
    assert f"{contrast_ratio(Color.from_hex(yellow), Color(255, 255, 255)):.2f}" == "1.97"
    found = check_brand(load_brand(_brand(tmp_path, "yellow", accent=yellow)))
    assert [d.key_path for d in found] == ["colors.accent"] and "1.97:1" in found[0].message


def test_png_carries_alt_text_and_language_in_itxt_and_xmp() -> None:
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    for language in ("nl", "ar"):
        design = pipeline.resolve_design(campaign, "statistic-spotlight", "post-1x1", language)
        page, _ = pipeline.layout(design)
        assert page is not None and page.alt and len(page.alt) <= 150
        data = pipeline.render_bytes(page, "png", fmt=design.format)
        assert data == pipeline.render_bytes(page, "png", fmt=design.format)  # deterministic
        image = Image.open(io.BytesIO(data))
        description = image.text["Description"]  # type: ignore[attr-defined]
        assert description == page.alt and description.lang == language
        assert "22%" in description
        xmp = image.text["XML:com.adobe.xmp"]  # type: ignore[attr-defined]
        assert f'<rdf:li xml:lang="x-default">{page.alt}</rdf:li>' in xmp
        assert f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li>" in xmp
        ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/"}
        root = ElementTree.fromstring(xmp.split("?>", 1)[1].rsplit("<?xpacket", 1)[0])  # a well-formed packet
        assert root.find(".//dc:language/rdf:Bag/rdf:li", ns).text == language  # type: ignore[union-attr]
        assert root.find(".//dc:description/rdf:Alt/rdf:li", ns).text == page.alt  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_exiftool_reads_the_alt_text(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    out = tmp_path / "card.png"
    assert cli("render", "-t", "women-men", "-f", "post-4x5", "-o", out).code == 0
    tags = subprocess.run(["exiftool", "-s", "-Description", "-Language", "-AltTextAccessibility", str(out)],
                          capture_output=True, text=True, check=True).stdout
    assert "22% van de vrouwen" in tags and "nl" in tags


def test_render_refuses_a_failing_brand_unless_allowed(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    brand = _brand(tmp_path, "grey", text="#BBBBBB")
    out = tmp_path / "out.png"
    r = cli("render", "-t", "statistic-spotlight", "-f", "post-4x5", "-b", brand, "-o", out)
    assert r.code == 1 and not out.exists()
    assert "CS109" in r.err and "CS101" in r.err and "--allow-findings" in r.err
    r = cli("render", "-t", "statistic-spotlight", "-f", "post-4x5", "-b", brand, "--allow-findings", "-o", out)
    assert r.code == 0 and out.exists() and "written despite" in r.out
    r = cli("validate", "--brand", brand)
    assert r.code == 1 and "CS109" in r.err and "#BBBBBB" in r.err


def test_check_one_design_and_a_folder_of_outputs(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("check", "-t", "women-men", "-f", "post-4x5", "-l", "en")
    assert r.code == 0 and "checked 1 output: 0 with errors" in r.out
    out = tmp_path / "outputs"
    out.mkdir()
    assert cli("render", "-t", "women-men", "-f", "post-4x5", "-l", "ar", "-o", out / "wm.png").code == 0
    assert cli("render", "-t", "action-line", "-f", "a4", "-o", out / "al.pdf").code == 0
    r = cli("check", out)
    assert "wm.png: 0 errors" in r.out and "laid its design (women-men / post-4x5 / ar / national) out again" in r.out
    assert "al.pdf:" in r.out and "note:" in r.out
    # a PNG from elsewhere: no alt text, no language; checked as far as the file allows
    Image.new("RGB", (50, 50), "white").save(out / "foreign.png")
    r = cli("check", out / "foreign.png")
    assert r.code == 1 and "CS106" in r.out and "CS105" in r.out and "not made by Campaign Studio" in r.out


def test_check_a_pdf_not_made_by_this_program(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen import canvas

    path = tmp_path / "other.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(100, 700, "Hello")
    c.save()
    r = cli("check", path)
    assert r.code == 1 and "not made by Campaign Studio" in r.out and "cannot be read from a PDF" in r.out
    assert "CS105" in r.out and "CS202" in r.out


def test_check_usage_errors(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("check").code == 2
    assert cli("check", "-t", "women-men").code == 2
    assert cli("check", "/nonexistent/folder").code == 2


def test_every_shipped_design_passes(shipped: ShippedMatrix) -> None:
    """Every template x format x language x shipped brand, through the checks `check --all` runs
    (pipeline.check on the session's shared layouts: about two thousand designs)."""
    failing, outputs = [], 0
    for one in shipped.every():
        outputs += 1
        d = one.design
        name = f"{d.template.id} / {d.format.id} / {d.language} / {d.brand.id}"
        assert one.page is not None and not one.diagnostics.has_errors, (name, one.diagnostics.format())
        found = pipeline.check(one.page, d)
        failing += [f"{name}: {x.format()}" for x in found if x.severity == "error"]
    made = sum(len(shipped.made_for(t)) for t in shipped.templates)
    assert outputs == made * len(shipped.languages) * len(shipped.brands)
    assert outputs >= 2000 and failing == [], "\n".join(failing)[:3000]


def test_the_high_contrast_brand_passes_aaa_in_every_design(shipped: ShippedMatrix) -> None:
    """`check --level AAA` over every template x format x language with the high-contrast brand
    (the session's shared layouts): 7:1 for all normal text, its brand pairs included."""
    failing, outputs = [], 0
    for one in shipped.every(brands=("high-contrast",)):
        outputs += 1
        d = one.design
        name = f"{d.template.id} / {d.format.id} / {d.language}"
        assert one.page is not None and not one.diagnostics.has_errors, (name, one.diagnostics.format())
        failing += [f"{name}: {x.format()}" for x in pipeline.check(one.page, d, "AAA") if x.severity == "error"]
    assert outputs == sum(len(shipped.made_for(t)) for t in shipped.templates) * len(shipped.languages)
    assert failing == [], "\n".join(failing)[:3000]


def test_check_all_walks_the_whole_matrix(monkeypatch: pytest.MonkeyPatch, shipped: ShippedMatrix) -> None:
    from campaign_studio.cli import check_cmd

    monkeypatch.setattr(pipeline, "resolve_design",
                        lambda campaign, t, f, lang, **kw: (t, f, lang, kw["brand"], kw["fallback"]))
    walked = list(check_cmd._every_design(shipped.campaign))
    # every template (the carousel too: each of its slides is checked) in the formats it is made for
    templates = load_templates()
    assert walked == [(t, f, lang, b, "nl") for t in templates for f in shipped.formats if templates[t].made_for(f)
                      for lang in shipped.languages for b in shipped.brands]
    assert {f for t, f, *_ in walked if t == "carousel"} == {"post-4x5", "post-1x1"}


def test_check_all_prints_a_summary_and_exits_by_its_findings(tmp_path: Path, cli,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              shipped: ShippedMatrix) -> None:
    """What `check --all` prints, over a part of the matrix that reaches every template (the whole
    matrix's findings are asserted above): one summary line; designs with findings named with their brand."""
    from campaign_studio.cli import check_cmd

    picked = [s.design for i, s in enumerate(shipped.every()) if i % 97 == 0]
    assert {d.template.id for d in picked} == set(shipped.templates)
    monkeypatch.setattr(check_cmd, "_every_design", lambda campaign, edition=None: iter(picked))
    r = cli("check", "--all")
    assert r.code == 0, r.text
    assert f"checked {len(picked)} outputs: 0 with errors" in r.out
    grey = dataclasses.replace(picked[0], brand=load_brand(_brand(tmp_path, "grey", text="#BBBBBB")))
    monkeypatch.setattr(check_cmd, "_every_design", lambda campaign, edition=None: iter([picked[0], grey]))
    r = cli("check", "--all")
    assert r.code == 1 and "checked 2 outputs: 1 with errors" in r.out and "CS101" in r.out, r.out
    assert f"{grey.template.id} / {grey.format.id} / {grey.language} / grey" in r.out


def test_simulate_writes_the_simulated_image(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    plain, seen = tmp_path / "plain.png", tmp_path / "seen.png"
    assert cli("render", "-t", "women-men", "-f", "post-1x1", "-o", plain).code == 0
    assert cli("render", "-t", "women-men", "-f", "post-1x1", "--simulate", "achromatopsia", "-o", seen).code == 0
    image = Image.open(seen).convert("RGB")
    pixels = np.asarray(image)
    assert (pixels[..., 0] == pixels[..., 1]).all() and (pixels[..., 1] == pixels[..., 2]).all()
    assert len(np.unique(pixels[..., 0])) > 2  # greys of the colours, not a blank image
    assert Image.open(plain).size == image.size
    assert cli("render", "-t", "women-men", "-f", "a4", "--simulate", "protanopia", "-o", tmp_path / "x.pdf").code == 2
