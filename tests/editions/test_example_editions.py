"""Every example edition lays out every template in every format it is made for and every language it has;
one design per edition is rendered and read back (its logo, its main contact, its QR address, its language)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import pytest

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_brand, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.model.pagetree import ImageItem, QRCode
from campaign_studio.resources import project_root

EDITIONS = project_root() / "examples" / "editions"
EXAMPLES = sorted(p.name for p in EDITIONS.iterdir() if (p / "edition.yaml").is_file())


def test_there_are_two_examples_one_svg_one_png() -> None:
    assert EXAMPLES == ["lindenhoven", "zeedorp"]
    logos = {name: load_brand(pipeline.open_edition(EDITIONS / name).edition.brand).logo for name in EXAMPLES}  # type: ignore[union-attr]
    assert logos["lindenhoven"].suffix == ".svg" and logos["zeedorp"].suffix == ".png"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_template_format_and_language_fits(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = EDITIONS / name
    campaign = pipeline.edition_campaign(folder)
    assert campaign.edition is not None
    monkeypatch.setattr(pipeline, "load_templates", functools.cache(load_templates))
    monkeypatch.setattr(pipeline, "load_brand", functools.cache(load_brand))
    failures, count = [], 0
    for template_id, template in load_templates().items():
        for format_id in load_formats():
            if not template.made_for(format_id):
                continue
            for language in campaign.edition.languages:
                design = pipeline.resolve_design(campaign, template_id, format_id, language, edition=folder)
                assert design.brand.id == name and design.campaign.edition is campaign.edition
                if template.document is not None:
                    doc, diags = pipeline.layout_document(design)
                    ok = doc is not None
                else:
                    page, diags = pipeline.layout(design)
                    ok = page is not None
                count += 1
                if not ok or diags.has_errors:
                    failures.append(f"{template_id}/{format_id}/{language}: {[d.message for d in diags.errors]}")
    assert count > 3 * 60
    assert not failures, "\n".join(failures)


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_lindenhoven_help_card_in_arabic(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The local contact is the card's main contact, with its hours and description; the QR code leads to the
    edition's web address and the national helpline stays on the card; the SVG logo is drawn as vectors."""
    folder = EDITIONS / "lindenhoven"
    design = pipeline.resolve_design(pipeline.open_campaign(None).campaign, "where-to-get-help", "a3", "ar",  # type: ignore[arg-type]
                                     edition=folder)
    page, diags = pipeline.layout(design)
    assert page is not None and not diags.has_errors
    [qr] = [i for i in page.walk() if isinstance(i, QRCode)]
    assert qr.data == "https://lindenhoven.example/hulp"
    text = " ".join(b.text for b in page.text_blocks()).replace("\u00a0", " ")  # names kept whole
    assert "14 0123" in text and "WIJKTEAM LINDENHOVEN" in text and "0800-0188" in text
    assert "من الاثنين إلى الجمعة 9.00-17.00" in text  # its opening hours
    assert "lindenhoven.example/hulp" in text
    # its description where there is room: on the Dutch poster (the Arabic one needs that room for its text)
    dutch, _ = pipeline.layout(pipeline.resolve_design(design.campaign, "where-to-get-help", "a3", "nl"))
    assert dutch is not None
    described = [b.text for b in dutch.text_blocks() if b.slot == "help-description"]
    assert described == ["Praat met iemand uit je eigen buurt. Wij helpen je verder."]
    assert "left out the description in help to make room" in [d.message for d in diags]
    out = tmp_path / "help-ar.pdf"
    result = cli("render", "-t", "where-to-get-help", "-f", "a3", "--lang", "ar", "--edition", folder, "-o", out)
    assert result.code == 0, result.err
    pdf = _pdftotext(out)
    assert "14 0123" in pdf and "0800-0188" in pdf
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "VoorbeeldSans" in fonts and "NotoSansArabic" in fonts
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2, "no image XObject: the SVG logo is vector paths"
    assert any(isinstance(i, ImageItem) and i.path.suffix == ".svg" for i in page.walk())


def test_zeedorp_in_german_the_language_the_edition_adds(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = EDITIONS / "zeedorp"
    out = tmp_path / "card-de.png"
    result = cli("render", "-t", "where-to-get-help", "-f", "post-4x5", "--lang", "de", "--edition", folder, "-o", out)
    assert result.code == 0, result.err
    alt = out.with_suffix(".alt.txt").read_text(encoding="utf-8")
    assert "Centrum Seksueel Geweld" in alt
    checked = cli("check", out, "--edition", folder)
    assert checked.code == 0, checked.out + checked.err
    assert "laid its design" in checked.out
    listing = cli("translations", "status", "--edition", folder, "--json")
    import json

    rows = {r["id"]: r for r in json.loads(listing.out)}
    assert list(rows) == ["nl", "en", "pl", "de"]
    assert rows["de"]["missing"] == 0 and rows["de"]["outdated"] == 0
