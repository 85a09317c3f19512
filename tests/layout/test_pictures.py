"""Pictures: the illustration a message or statement names, in the action-line, statement and help templates,
cropped around its focus in every format, its credit shown and its alternative text carried (PDF /Alt);
checked like a logo when read. It is the first thing to give way when a format is full, and it stays only
where the text keeps a comfortable size beside it (as a logo gives way first): the built-in statement and
help card are too full for it, a shorter statement has room."""

from __future__ import annotations

import dataclasses
import functools
import io
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops, ImageStat

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_brand, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.layout.pictures import crop_around
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import ImageItem, Page

MESSAGE = "recognise-and-respond"  # the built-in message that names the illustration
STATEMENT = "lgbtiq-more-often"  # and the statement
TEMPLATES = ("action-line", "statement", "where-to-get-help")
SHOWN_ON_POSTERS = ("action-line",)


def _pictures(page: Page) -> list[ImageItem]:
    return [i for i in page.walk() if isinstance(i, ImageItem) and i.path.name == "in-gesprek.svg"]


def _laid(campaign: Campaign, template: str, fmt: str, language: str) -> Page:
    subject = {"statement_id": STATEMENT} if template == "statement" else {"message_id": MESSAGE}
    design = pipeline.resolve_design(campaign, template, fmt, language, **subject)  # type: ignore[arg-type]
    page, diags = pipeline.layout(design)
    assert page is not None and not diags.has_errors, diags.format()
    return page


def test_the_built_in_illustration_is_a_campaign_picture(builtin: Campaign) -> None:
    picture = builtin.picture("in-gesprek")
    assert picture.file.is_file() and picture.file.suffix == ".svg"
    assert picture.alt.source.startswith("Twee mensen") and "CC0" in picture.credit.source
    assert builtin.message(MESSAGE).picture == "in-gesprek" and builtin.statement(STATEMENT).picture == "in-gesprek"
    assert (picture.file.parent / "LICENSE.txt").is_file()


@pytest.mark.parametrize("template", SHOWN_ON_POSTERS)
def test_a_poster_shows_the_picture_cropped_around_its_focus_with_its_credit(builtin: Campaign, template: str) -> None:
    page = _laid(builtin, template, "a3", "nl")
    (image,) = _pictures(page)
    picture = builtin.picture("in-gesprek")
    assert image.alt == picture.alt.source
    credit = next(b for b in page.text_blocks() if b.slot == "picture-credit")
    assert credit.text == picture.credit.source and credit.role == "paragraph"
    assert 0 <= credit.box.y - image.box.bottom < 40  # right under the picture
    if image.crop is not None:
        x, y, w, h = image.crop
        assert x <= picture.focus[0] <= x + w and y <= picture.focus[1] <= y + h
        aspect = 1.5 * w / h  # the visible part has the box's shape
        assert aspect == pytest.approx(image.box.w / image.box.h, rel=0.01)


def test_crops_keep_the_focus_as_central_as_the_edges_allow() -> None:
    assert crop_around((0.5, 0.5), 1.5, 1.5) is None
    assert crop_around((0.5, 0.5), 1.5, 3.0) == (0.0, 0.25, 1.0, 0.5)  # a wide box: a band across
    assert crop_around((0.5, 0.95), 1.5, 3.0) == (0.0, 0.5, 1.0, 0.5)  # at the bottom edge: no further
    x, y, w, h = crop_around((0.1, 0.5), 1.5, 0.75)  # a tall box: a slice, held at the left edge
    assert (x, y, h) == (0.0, 0.0, 1.0) and w == pytest.approx(0.5)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_format_and_language_lays_out_and_posters_keep_the_picture(builtin: Campaign, template: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "load_templates", functools.cache(load_templates))
    monkeypatch.setattr(pipeline, "load_brand", functools.cache(load_brand))
    spec = load_templates()[template]
    languages = [builtin.source_language, *available_languages(builtin.translations_folder)]
    kept: dict[str, int] = {}
    for fmt in load_formats():
        if not spec.made_for(fmt):
            continue
        for language in languages:
            page = _laid(builtin, template, fmt, language)
            shown = _pictures(page)
            kept[fmt] = kept.get(fmt, 0) + len(shown)
            for image in shown:  # inside the page, and never under a text
                assert image.box.x >= 0 and image.box.right <= page.width + 0.01
                assert not any(_overlap(image.box, b.box) for b in page.text_blocks())
    if template in SHOWN_ON_POSTERS:  # in Dutch on posters and feed posts, and on posters in most languages
        assert all(_pictures(_laid(builtin, template, fmt, builtin.source_language)) for fmt in ("a3", "story-9x16"))
        assert sum(kept[fmt] for fmt in ("a3", "a2", "a1", "a0")) >= 2 * len(languages), kept


def test_the_picture_stays_only_where_the_text_keeps_a_comfortable_size(builtin: Campaign) -> None:
    from campaign_studio.layout.scales import COMFORTABLE_SCALE

    for template in TEMPLATES:
        for fmt in ("post-4x5", "a3", "story-9x16"):
            page = _laid(builtin, template, fmt, "ar")
            if _pictures(page):
                assert float(page.metadata["scale"]) >= COMFORTABLE_SCALE
    # the built-in statement is long: beside it there is no room; a shorter one keeps its picture
    short = dataclasses.replace(builtin, statements=tuple(
        dataclasses.replace(st, text=dataclasses.replace(st.text, source="LHBTIQ+ personen maken het vaker mee."))
        for st in builtin.statements))
    page = pipeline.layout(pipeline.resolve_design(short, "statement", "a3", "nl", statement_id=STATEMENT))[0]
    assert page is not None and _pictures(page)


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.x < b.right - 0.01 and b.x < a.right - 0.01 and a.y < b.bottom - 0.01 and b.y < a.bottom - 0.01


def test_a_message_without_a_picture_has_none(builtin: Campaign) -> None:
    design = pipeline.resolve_design(builtin, "action-line", "a3", "nl", message_id="respect-boundaries")
    page, _ = pipeline.layout(design)
    assert page is not None and not _pictures(page)
    assert not [b for b in page.text_blocks() if b.slot == "picture-credit"]


def test_the_pdf_tags_the_picture_with_its_alternative_text_and_draws_the_same_crop(builtin: Campaign,
                                                                                    tmp_path: Path) -> None:
    page = _laid(builtin, "action-line", "a3", "uk")
    (image,) = _pictures(page)
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(pipeline.render_bytes(page, "pdf"))
    with pikepdf.open(pdf) as doc:
        alts = [str(node.get("/Alt")) for node in _struct_nodes(doc.Root.StructTreeRoot) if node.get("/S") == "/Figure"]
    assert image.alt in alts and image.alt.startswith("Двоє")
    # the PDF's picture is the PNG's: the same crop, drawn by both renderers
    dpi = 36
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(tmp_path / "p")], check=True)
    png = Image.open(io.BytesIO(pipeline.render_bytes(page, "png", dpi=dpi))).convert("RGB")
    from_pdf = Image.open(tmp_path / "p.png").convert("RGB").resize(png.size)
    s = dpi / 72
    box = tuple(round(v * s) for v in (image.box.x, image.box.y, image.box.right, image.box.bottom))
    difference = ImageStat.Stat(ImageChops.difference(png.crop(box), from_pdf.crop(box))).mean
    assert max(difference) < 8, difference


def _struct_nodes(node: pikepdf.Object):  # type: ignore[no-untyped-def]
    yield node
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary):
            yield from _struct_nodes(kid)


@pytest.mark.parametrize(("change", "words"), [
    (lambda t: t.replace("file: pictures/in-gesprek.svg", "file: pictures/gone.svg"), "not found next to campaign.yaml"),
    (lambda t: t.replace("file: pictures/in-gesprek.svg", "file: ../../etc/passwd"), "leads out of the campaign folder"),
    (lambda t: t.replace("    picture: in-gesprek", "    picture: in-gesprk"), "refers to picture 'in-gesprk'"),
    (lambda t: t.replace("    focus: [0.5, 0.4]", "    focus: [0.5, 1.5]"), "focus"),
    (lambda t: t.replace("    alt: Twee mensen", "    alternative: Twee mensen"), "alt"),
])
def test_a_bad_picture_is_refused_at_its_line(tmp_path: Path, change, words: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "campaign"
    pipeline.init_campaign(folder)
    yaml = folder / "campaign.yaml"
    yaml.write_text(change(yaml.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        loaded = pipeline.open_campaign(folder)
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
    except Exception as exc:  # an InputError: the file cannot be used at all
        errors = [exc.diagnostic]  # type: ignore[attr-defined]
    assert errors and any(words in f"{d.key_path} {d.message}" for d in errors), [d.format() for d in errors]
    assert all(d.location is not None and d.location.file == yaml and d.location.line for d in errors)


def test_an_svg_picture_with_an_external_entity_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "campaign"
    pipeline.init_campaign(folder)
    (folder / "pictures" / "in-gesprek.svg").write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&x;</text></svg>', encoding="utf-8")
    with pytest.raises(Exception) as caught:
        errors = pipeline.open_campaign(folder).diagnostics.errors
        raise AssertionError(errors)
    assert "pictures[0].file" in caught.value.diagnostic.key_path  # type: ignore[attr-defined]


EDITIONS = Path(__file__).resolve().parents[2] / "examples" / "editions"


def test_an_edition_shows_its_own_picture_in_place_of_the_campaigns() -> None:
    campaign = pipeline.edition_campaign(EDITIONS / "zeedorp")
    design = pipeline.resolve_design(campaign, "action-line", "a3", "pl", message_id=MESSAGE)
    page, diags = pipeline.layout(design)
    assert page is not None, diags.format()
    (image,) = [i for i in page.walk() if isinstance(i, ImageItem) and i.path.name == "strandwandeling.png"]
    assert image.alt == "Dwie osoby spacerują razem po plaży w Zeedorp."  # the edition's translation
    assert any(b.text == "Ilustracja: Gmina Zeedorp (CC0)" for b in page.text_blocks())
    assert image.crop is not None and image.crop[1] <= 0.6 <= image.crop[1] + image.crop[3]  # its own focus


def _edition_beside(tmp_path: Path, campaign_text=None) -> Path:  # type: ignore[no-untyped-def]
    import shutil

    pipeline.init_campaign(tmp_path / "campaign")
    if campaign_text is not None:
        yaml = tmp_path / "campaign" / "campaign.yaml"
        yaml.write_text(campaign_text(yaml.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(EDITIONS / "zeedorp", tmp_path / "zeedorp")
    edition = tmp_path / "zeedorp" / "edition.yaml"
    edition.write_text(edition.read_text(encoding="utf-8").replace("campaign: national", "campaign: ../campaign"),
                       encoding="utf-8")
    return tmp_path / "zeedorp"


def test_a_picture_the_campaign_locks_cannot_be_replaced(tmp_path: Path) -> None:
    folder = _edition_beside(tmp_path, lambda t: t.replace("    - pictures.*", "    - programme.name"))
    loaded = pipeline.open_edition(folder)
    (error,) = [d for d in loaded.diagnostics if d.severity == "error"]
    assert "picture 'in-gesprek' is locked" in error.message and "editions: overridable" in error.message
    assert error.location is not None and error.location.file == folder / "edition.yaml"


def test_an_edition_cannot_add_a_picture_the_campaign_lacks(tmp_path: Path) -> None:
    folder = _edition_beside(tmp_path)
    yaml = folder / "edition.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("  - id: in-gesprek", "  - id: strand"), encoding="utf-8")
    errors = [d.message for d in pipeline.open_edition(folder).diagnostics if d.severity == "error"]
    assert errors == ["'strand' is no picture of the campaign; an edition replaces a picture, it adds none"]
