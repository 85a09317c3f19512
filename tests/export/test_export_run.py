"""Running an export: the files and the manifest by value, reruns, repairs, the lock and the findings gate."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import pikepdf
import PIL
import pytest
import reportlab
from exportkit import SMALL, files_in, manifest
from PIL import Image, features

from campaign_studio import pipeline
from campaign_studio.export.manifest import diagnostic_record
from campaign_studio.export.runner import export_lock
from campaign_studio.model.campaign import Campaign

PNG_AR = "national/ar/women-men/victim-sexual-violence-post-1x1.png"
KINDS_OF_A_DESIGN = ("png", "alt.txt", "data.csv")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_writes_every_output_and_records_it(tmp_path: Path, cli, builtin: Campaign) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    result = cli("export", *SMALL, "-o", out, "-j", "1")
    assert result.code == 0, result.err
    expected = {f"national/{lang}/women-men/victim-sexual-violence-{fmt}.{ext}"
                for lang in ("nl", "ar") for fmt, exts in (("post-1x1", ("png", "alt.txt", "data.csv")),
                                                           ("a4", ("pdf", "print.pdf", "alt.txt", "data.csv")))
                for ext in exts}
    assert files_in(out) == expected | {"manifest.json", ".campaign-studio.lock", "index.html"} | {
        f"review/{n}" for n in {p.name for p in (out / "review").iterdir()}}
    record = manifest(out)
    assert set(record["outputs"]) == expected
    assert record["libraries"]["Pillow"] == PIL.__version__
    assert record["libraries"]["ReportLab"] == reportlab.Version
    assert record["libraries"]["pikepdf"] == pikepdf.__version__
    assert record["libraries"]["FreeType"] == features.version("freetype2")
    assert record["libraries"]["HarfBuzz"]

    # the Arabic PNG's entry, by value, against the same design laid out here
    design = pipeline.resolve_design(builtin, "women-men", "post-1x1", "ar", fallback="nl")
    page, diags = pipeline.layout(design)
    assert page is not None
    diags.extend(pipeline.check(page, design))
    entry = record["outputs"][PNG_AR]
    assert {k: entry[k] for k in ("edition", "language", "template", "format", "subject", "kind", "written")} == {
        "edition": "national", "language": "ar", "template": "women-men", "format": "post-1x1",
        "subject": "victim-sexual-violence", "kind": "png", "written": True}
    assert entry["sha256"] == _sha(out / PNG_AR) and entry["bytes"] == (out / PNG_AR).stat().st_size
    assert entry["alt"] == page.alt
    assert entry["diagnostics"] == [diagnostic_record(d) for d in diags]
    assert set(entry["inputs"]) == {"design", "texts", "campaign", "template", "brand", "fonts", "icc", "styles",
                                    "program", "libraries"}
    # the files themselves: the PNG is the design (its identity in the metadata), the text alternative is the page's
    with Image.open(out / PNG_AR) as png:
        assert png.size == (1080, 1080)
        identity = json.loads(png.text["campaign-studio:design"])
        assert identity == pipeline.design_identity(design)
        assert png.text["Description"] == page.alt
    alt = (out / PNG_AR.replace(".png", ".alt.txt")).read_bytes()
    assert alt == pipeline.sidecars(design, page)[".alt.txt"]
    with pikepdf.open(out / "national/nl/women-men/victim-sexual-violence-a4.print.pdf") as pdf:
        assert "/OutputIntents" in pdf.Root  # the printer's PDF, not the screen one


def test_rerun_skips_unchanged_outputs_and_force_makes_them_again(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert cli("export", *SMALL, "-o", out, "-j", "1").code == 0
    (out / "notes.txt").write_text("the reviewer's notes")  # not ours: never touched
    before = {p: (out / p).stat().st_mtime_ns for p in manifest(out)["outputs"]}
    again = cli("export", *SMALL, "-o", out, "-j", "1", "--json")
    summary = json.loads(again.out)
    assert (summary["outputs"], summary["made"], summary["skipped"]) == (14, 0, 14)
    assert {p: (out / p).stat().st_mtime_ns for p in before} == before
    forced = json.loads(cli("export", *SMALL, "-o", out, "-j", "1", "--json", "--force").out)
    assert (forced["made"], forced["skipped"]) == (14, 0)
    assert (out / "notes.txt").read_text() == "the reviewer's notes"


def test_a_changed_translation_remakes_only_its_language(tmp_path: Path, cli, campaign_copy) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    args = ("export", *SMALL, "--campaign", campaign_copy.folder, "-o", out, "-j", "1", "--json")
    first = cli(*args)
    assert first.code == 0, first.err
    assert json.loads(first.out)["made"] == 14
    before = manifest(out)["outputs"]
    po = campaign_copy.folder / "translations" / "ar.po"
    text = po.read_text(encoding="utf-8")
    label = text.index('msgctxt "statistics.victim-sexual-violence.label"')
    msgstr = text.index("msgstr ", label)
    po.write_text(text[:msgstr] + 'msgstr "عنوان آخر"' + text[text.index("\n", msgstr):], encoding="utf-8")
    rerun = json.loads(cli(*args).out)
    assert rerun["designs_made"] == 2  # the two Arabic designs, laid out again
    after = manifest(out)["outputs"]
    assert {p for p in after if after[p]["key"] != before[p]["key"]} == {p for p in after if "/ar/" in p}
    assert after[PNG_AR]["sha256"] != before[PNG_AR]["sha256"] and "عنوان آخر" in after[PNG_AR]["alt"]
    assert rerun["made"] + rerun["skipped"] == 14 and rerun["made"] >= 4  # PNG, PDFs and text alternatives changed
    # the campaign's text of another statistic is on none of these designs: nothing is laid out again
    campaign_copy.replace("label: ", "label: Nieuw, ", after="consequences-forced")
    third = json.loads(cli(*args).out)
    assert (third["designs_made"], third["made"], third["skipped"]) == (0, 0, 14)
    # the programme's title can be on any design: all of them are laid out again (the bytes tell what changed)
    campaign_copy.replace("title: ", "title: Samen, ", after="programme:")
    fourth = json.loads(cli(*args).out)
    assert fourth["designs_made"] == 4
    # the figure's own label, in the source language: the Dutch designs show the new wording
    campaign_copy.replace("label: ", "label: Nieuw, ", after="- id: victim-sexual-violence")
    fifth = json.loads(cli(*args).out)
    assert fifth["designs_made"] == 4
    png_nl = PNG_AR.replace("/ar/", "/nl/")
    assert manifest(out)["outputs"][png_nl]["alt"].startswith("Nieuw, ")
    with Image.open(out / png_nl) as png:
        assert png.text["Description"].startswith("Nieuw, ")


def test_the_same_inputs_give_the_same_bytes_in_a_process_pool(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("export", *SMALL, "-o", one, "-j", "1").code == 0
    assert cli("export", *SMALL, "-o", two, "-j", "2").code == 0
    assert manifest(one) == manifest(two)
    assert {p: _sha(one / p) for p in manifest(one)["outputs"]} == {p: _sha(two / p) for p in manifest(two)["outputs"]}


def test_missing_and_damaged_files_are_made_again(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert cli("export", *SMALL, "-o", out, "-j", "1").code == 0
    whole = {p: _sha(out / p) for p in manifest(out)["outputs"]}
    (out / PNG_AR).unlink()
    damaged = out / "national/nl/women-men/victim-sexual-violence-a4.pdf"
    damaged.write_bytes(damaged.read_bytes()[:1000])
    result = cli("export", *SMALL, "-o", out, "-j", "1")
    assert "repaired the manifest: 2 files were missing or changed" in result.out
    assert "2 made, 12 unchanged" in result.out
    assert {p: _sha(out / p) for p in manifest(out)["outputs"]} == whole


def test_a_second_export_into_the_same_folder_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    with export_lock(out):
        result = cli("export", *SMALL, "-o", out, "-j", "1")
    assert result.code == 2
    assert result.err.startswith(f"error: cannot export into {out}: another export is writing into this output folder")
    assert files_in(out) == {".campaign-studio.lock"}


def test_outputs_with_error_findings_are_not_written(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    pale = tmp_path / "pale"
    pale.mkdir()
    national = (Path(pipeline.__file__).parent.parent / "assets/brands/neutral/brand.yaml").read_text()
    (pale / "brand.yaml").write_text(national.replace("id: neutral", "id: pale")
                                     .replace('muted: "#3E4C59"', 'muted: "#B8B8B8"'))
    out = tmp_path / "out"
    args = ("export", "-b", pale, "-b", "national", "-t", "women-men", "-f", "post-1x1", "-l", "nl", "-k", "png",
            "-o", out, "-j", "1")
    result = cli(*args)
    assert result.code == 1
    assert "pale / nl / women-men / victim-sexual-violence / post-1x1: " in result.err
    assert "error: CS101 text-contrast" in result.err
    assert "1 made, 0 unchanged, 1 not written" in result.out
    assert "  CS101                1 / 0" in result.out
    assert "  pale                         1 / 0 of 1" in result.out
    blocked = manifest(out)["outputs"]["pale/nl/women-men/victim-sexual-violence-post-1x1.png"]
    assert not blocked["written"] and blocked["sha256"] is None
    assert {d["rule"] for d in blocked["diagnostics"] if d["severity"] == "error"} == {"CS101", "CS109"}
    assert not (out / "pale").exists() and (out / "national/nl/women-men/victim-sexual-violence-post-1x1.png").is_file()

    allowed = cli(*args, "--allow-findings")
    assert allowed.code == 1  # written, and still reported
    assert (out / "pale/nl/women-men/victim-sexual-violence-post-1x1.png").is_file()
    # fixed or not, a refused output an earlier run wrote is removed again (it was ours)
    assert cli(*args).code == 1
    assert not (out / "pale/nl/women-men/victim-sexual-violence-post-1x1.png").exists()


def test_an_output_folder_that_is_a_file_or_not_writable(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "file"
    file.write_text("x")
    result = cli("export", *SMALL, "-o", file)
    assert result.code == 2 and result.err.startswith(f"{file}: error: the output folder is a file")
    if os.geteuid() == 0:
        pytest.skip("root writes into any folder: the permission refusal cannot be shown")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cli("export", *SMALL, "-o", locked)
        assert result.code == 2 and result.err.startswith(f"{locked}: error: the output folder is not writable")
    finally:
        locked.chmod(0o700)


def test_a_disk_that_fills_up_stops_the_run_with_whole_files(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(small)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        out = small / "out"
        job = ("-t", "women-men", "-t", "action-line", "-f", "post-1x1", "-f", "link-1.91x1", "-f", "wide-16x9",
               "-l", "nl", "-l", "ar", "-k", "png", "-k", "alt", "-j", "1")
        result = cli("export", *job, "-o", out)
        assert result.code == 2
        assert re.match(rf"^{re.escape(str(out))}/.*: error: cannot write .*: No space left on device; the export "
                        r"stopped here: the files written so far are whole and in the manifest \(free some disk space "
                        r"or choose another place, then run the same export again: it goes on where it stopped\)$",
                        result.err.strip()), result.err
        assert not [p for p in files_in(out) if Path(p).name.startswith(".") and p != ".campaign-studio.lock"]
        pngs = [p for p in files_in(out) if p.endswith(".png")]
        assert pngs
        for png in pngs:
            with Image.open(out / png) as image:
                image.verify()
        written = manifest(out)["outputs"]  # saved when the disk was full, or (when that failed too) at the start
        assert all(_sha(out / p) == e["sha256"] for p, e in written.items())
        # room again: the same export goes on and completes the set
        subprocess.run(["mount", "-o", "remount,size=20m", str(small)], check=True)
        again = json.loads(cli("export", *job, "-o", out, "--json").out)
        assert again["made"] + again["skipped"] == 24 and again["made"] <= 24 - len(written)
        assert all(_sha(out / p) == e["sha256"] for p, e in manifest(out)["outputs"].items())
        assert len(manifest(out)["outputs"]) == 24
    finally:
        subprocess.run(["umount", str(small)], check=True)


def test_quiet_and_json(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    job = ("-t", "women-men", "-f", "post-1x1", "-l", "nl", "-k", "png", "-k", "data", "-o", out, "-j", "1")
    quiet = cli("export", *job, "--quiet")
    assert quiet.code == 0 and quiet.out == "" and quiet.err == ""
    summary = json.loads(cli("export", *job, "--json", "--force").out)
    assert {k: summary[k] for k in ("outdir", "outputs", "made", "skipped", "not_written", "designs", "designs_made")} \
        == {"outdir": str(out), "outputs": 2, "made": 2, "skipped": 0, "not_written": 0, "designs": 1, "designs_made": 1}
    warnings = {d["rule"] or "layout" for e in manifest(out)["outputs"].values() for d in e["diagnostics"]}
    assert set(summary["findings_by_rule"]) == warnings
    assert summary["findings_by_edition"]["national"]["designs"] == 1
