"""The export job's matrix and names: defaults, `all`, options over a job file, and every bad job's message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from campaign_studio.content.design_loader import brand_ids, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.export.job import ExportJob, read_job, with_options
from campaign_studio.export.matrix import expand
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import InputError


def _job(**axes: list[str]) -> ExportJob:
    return with_options(ExportJob(), dict(axes))


def test_no_job_is_the_full_built_in_set(builtin: Campaign) -> None:
    matrix = expand(ExportJob(), builtin)
    templates, formats = load_templates(), load_formats()
    languages = available_languages(builtin.translations_folder)
    # every template (the carousel and the handout too) in every format it is made for and every
    # language, once (its own subject), for the national edition
    assert len(matrix.designs) == sum(len([f for f in formats if t.made_for(f)]) for t in templates.values()) * (
        1 + len(languages))
    assert not any("carousel" in note for note in matrix.left_out)
    assert "national/nl/carousel/figures-post-4x5-01.png" in {o.path for o in matrix.all_outputs()}
    assert {d.edition for d in matrix.designs} == {"national"}
    paths = {o.path: o for o in matrix.all_outputs()}
    assert "national/nl/women-men/victim-sexual-violence-post-1x1.png" in paths
    assert "national/ar/women-men/victim-sexual-violence-a3.pdf" in paths
    assert "national/ar/women-men/victim-sexual-violence-a3.data.csv" in paths
    assert "national/fa/where-to-get-help/help-is-there-story-9x16.alt.txt" in paths
    # social formats get PNGs, print formats screen PDFs; no PNG of a poster, no data table of a message
    assert "national/nl/women-men/victim-sexual-violence-a3.png" not in paths
    assert "national/nl/women-men/victim-sexual-violence-post-1x1.pdf" not in paths
    assert not [p for p in paths if "/where-to-get-help/" in p and p.endswith(".data.csv")]
    assert {o.kind for o in paths.values()} == {"png", "pdf", "alt", "data"}


def test_axes_by_name_and_all(builtin: Campaign) -> None:
    matrix = expand(_job(templates=["women-men"], formats=["post-1x1"], languages=["nl", "ar"], editions=["all"],
                         kinds=["png,alt"]), builtin)
    assert sorted(o.path for o in matrix.all_outputs()) == sorted(
        f"{b}/{lang}/women-men/victim-sexual-violence-post-1x1.{ext}"
        for b in brand_ids() for lang in ("nl", "ar") for ext in ("png", "alt.txt"))


def test_every_statistic_leaves_out_what_a_template_cannot_show(builtin: Campaign) -> None:
    matrix = expand(_job(templates=["women-men"], formats=["post-1x1"], languages=["nl"], stats=["all"],
                         kinds=["png"]), builtin)
    shown = {d.stat for d in matrix.designs}
    two_groups = {s.id for s in builtin.statistics if len(s.values) >= 2}
    assert shown == two_groups and shown
    assert {note.split(":")[0] for note in matrix.left_out} == {
        f"women-men / {s.id}" for s in builtin.statistics if len(s.values) < 2}


def test_print_kinds_and_pattern(builtin: Campaign) -> None:
    job = with_options(ExportJob(), {"templates": ["statistic-spotlight"], "formats": ["a3"], "languages": ["nl"],
                                     "kinds": ["print-pdf", "pdf"]}, pattern="{lang}/{format}/{template}.{ext}")
    assert sorted(o.path for o in expand(job, builtin).all_outputs()) == [
        "nl/a3/statistic-spotlight.pdf", "nl/a3/statistic-spotlight.print.pdf"]


@pytest.mark.parametrize(("axis", "value", "message", "known"), [
    ("templates", "poster", "--template: unknown template 'poster'", "action-line"),
    ("formats", "a5", "--format: unknown format 'a5'", "post-4x5"),
    ("languages", "de", "--lang: unknown language 'de'", "nl, ar"),
    ("editions", "gemeente-elders", "--edition: unknown edition 'gemeente-elders'", "gemeente-voorbeeld"),
    ("kinds", "jpeg", "--kind: unknown kind 'jpeg'", "print-pdf"),
    ("stats", "victims", "--stat: unknown statistic 'victims'", "victim-sexual-violence"),
])
def test_unknown_names_list_the_known_ones(builtin: Campaign, axis: str, value: str, message: str, known: str) -> None:
    with pytest.raises(InputError) as caught:
        expand(_job(**{axis: [value]}), builtin)
    assert caught.value.diagnostic.message == message
    assert known in caught.value.diagnostic.hint


def test_a_pattern_that_gives_two_outputs_one_path_names_both(builtin: Campaign) -> None:
    job = with_options(ExportJob(), {"templates": ["women-men"], "formats": ["post-1x1"], "languages": ["nl", "ar"],
                                     "kinds": ["png"]}, pattern="{template}-{format}.{ext}")
    with pytest.raises(InputError) as caught:
        expand(job, builtin)
    message = caught.value.diagnostic.message
    assert "gives two outputs the same path 'women-men-post-1x1.png'" in message
    assert "national / nl / women-men / victim-sexual-violence / post-1x1 / png and " \
           "national / ar / women-men / victim-sexual-violence / post-1x1 / png" in message
    assert "{lang}" in caught.value.diagnostic.hint


@pytest.mark.parametrize(("pattern", "wording"), [
    ("{edition}/{size}.{ext}", "unknown placeholder {size}"),
    ("../{edition}/{lang}/{template}/{subject}-{format}.{ext}", "leads out of the output folder"),
    ("{edition}/{lang}/{template}/{subject}-{format}", "has neither {ext} nor {kind}"),
    ("manifest.json/{edition}/{lang}/{template}/{subject}-{format}.{ext}", "take the place of the export's own"),
])
def test_bad_patterns(builtin: Campaign, pattern: str, wording: str) -> None:
    job = with_options(_job(templates=["women-men"], formats=["post-1x1"], languages=["nl"]), {}, pattern=pattern)
    with pytest.raises(InputError) as caught:
        expand(job, builtin)
    assert wording in caught.value.diagnostic.message


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "job.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_job_file_with_options_over_it(tmp_path: Path, builtin: Campaign) -> None:
    path = _write(tmp_path, "templates: [women-men, share-ring]\nformats: post-1x1\nlanguages: all\nkinds: [png]\n"
                  "output: '{lang}/{template}-{subject}-{format}.{ext}'\n")
    job = read_job(path)
    assert sorted(o.path for o in expand(job, builtin).all_outputs())[:2] == [
        "ar/share-ring-victim-sexual-violence-post-1x1.png", "ar/women-men-victim-sexual-violence-post-1x1.png"]
    narrowed = with_options(job, {"languages": ["nl"]})
    assert sorted(o.path for o in expand(narrowed, builtin).all_outputs()) == [
        "nl/share-ring-victim-sexual-violence-post-1x1.png", "nl/women-men-victim-sexual-violence-post-1x1.png"]


def test_job_file_errors_are_located(tmp_path: Path, builtin: Campaign, cli, diagnostic) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "templates:\n  - women-men\n  - woman-men\nformats: all\n")
    result = cli("export", path, "--list")
    assert result.code == 2
    line = diagnostic(result, path, 3, 5)
    assert "templates: unknown template 'woman-men'" in line and "did you mean 'women-men'?" in line

    path = _write(tmp_path, "formats: all\nlanguage: [nl]\n")
    result = cli("export", path, "--list")
    assert result.code == 2
    assert "unknown key 'language'" in diagnostic(result, path, 2, 1)

    path = _write(tmp_path, "templates: [women-men]\nformats: [post-1x1]\nlanguages: [nl, ar]\noutput: '{template}.{ext}'\n")
    result = cli("export", path, "--list")
    assert result.code == 2
    assert "gives two outputs the same path 'women-men.png'" in diagnostic(result, path, 4, 9)

    result = cli("export", tmp_path / "missing.yaml", "--list")
    assert result.code == 2 and "job file not found" in result.err


def test_list_prints_the_matrix_without_making_it(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("export", "--list", "--json", "-t", "women-men", "-f", "post-1x1", "-l", "nl", "-l", "ar", "-k", "png",
                 "-o", tmp_path / "out")
    assert result.code == 0
    listed = json.loads(result.out)
    assert [o["path"] for o in listed["outputs"]] == ["national/nl/women-men/victim-sexual-violence-post-1x1.png",
                                                      "national/ar/women-men/victim-sexual-violence-post-1x1.png"]
    assert listed["outputs"][1] == {"path": "national/ar/women-men/victim-sexual-violence-post-1x1.png",
                                    "edition": "national", "language": "ar", "template": "women-men",
                                    "subject": "victim-sexual-violence", "format": "post-1x1", "kind": "png"}
    assert not (tmp_path / "out").exists()


def test_the_demo_job_file(builtin: Campaign) -> None:
    job = read_job(Path(__file__).parents[2] / "examples" / "demo-export.yaml")
    matrix = expand(job, builtin)
    asked = ("post-4x5", "post-1x1", "story-9x16", "link-1.91x1", "wide-16x9", "a3")
    every = load_templates().values()
    assert len(matrix.designs) == sum(len([f for f in asked if t.made_for(f)]) for t in every) * 2 * 2
    assert {d.edition for d in matrix.designs} == {"national", "lindenhoven"}  # a brand and an edition folder
    assert {d.language for d in matrix.designs} == {"nl", "ar"}
    assert "lindenhoven/ar/statistic-spotlight/victim-sexual-violence-a3.print.pdf" in {
        o.path for o in matrix.all_outputs()}


@pytest.mark.parametrize(("argv", "message"), [
    (("export",), "error: give the output folder with -o OUTDIR (or --list to see the matrix)"),
    (("export", "-o", "x", "--jobs", "0"), "error: --jobs must lie between 1 and 256"),
])
def test_usage_errors(cli, argv: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(*argv)
    assert result.code == 2
    assert result.err.startswith(message)


def test_the_job_files_campaign_is_found_beside_it(tmp_path: Path, cli, campaign_copy) -> None:  # type: ignore[no-untyped-def]
    campaign_copy.replace("- id: victim-sexual-violence", "- id: slachtoffers")
    campaign_copy.replace("statistic: victim-sexual-violence", "statistic: slachtoffers")
    job = _write(tmp_path, f"campaign: {campaign_copy.folder.name}\ntemplates: [women-men]\nformats: [post-1x1]\n"
                 "languages: [nl]\nkinds: [png]\n")
    result = cli("export", job, "--list")
    assert result.code == 0, result.err
    assert result.out == "national/nl/women-men/slachtoffers-post-1x1.png\tnational\tnl\twomen-men\tslachtoffers\t" \
                         "post-1x1\tpng\n"
    missing = _write(tmp_path, "campaign: elsewhere\n")
    result = cli("export", missing, "--list")
    assert result.code == 2 and str(tmp_path / "elsewhere") in result.err
