"""Campaign packs: the round trip, determinism, and every malicious pack refused with nothing left behind."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import unicodedata
import zipfile
from pathlib import Path

import pytest
from packkit import craft, info, png_header, zero_bomb

from campaign_studio import __version__, pipeline
from campaign_studio.content import pack_reader
from campaign_studio.content.edition_refs import read_dependencies
from campaign_studio.content.pack_format import MANIFEST_NAME
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import brands_dir


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(pack: Path, target: Path) -> str:
    """Unpack `pack` into `target`, expect a refusal; its message, after checking that nothing was written."""
    before = sorted(target.parent.iterdir())
    with pytest.raises(InputError) as caught:
        pipeline.unpack_pack(pack, target)
    assert sorted(target.parent.iterdir()) == before, "nothing is left behind, not even a temporary folder"
    d = caught.value.diagnostic
    assert d.location is not None and d.location.file == pack
    assert d.message.endswith("; nothing was written")
    return d.message


@pytest.fixture
def packed(campaign_copy, tmp_path: Path) -> Path:
    return pipeline.pack_folder(campaign_copy.folder, tmp_path / "campaign.cspack").path


# --- the round trip ------------------------------------------------------------------------------

def test_a_campaign_comes_back_identical_and_loads(campaign_copy, packed: Path, tmp_path: Path) -> None:
    (campaign_copy.folder / ".git").mkdir()
    (campaign_copy.folder / ".git" / "config").write_text("private")
    pipeline.pack_folder(campaign_copy.folder, packed)

    unpacked, diags = pipeline.unpack_pack(packed, tmp_path / "theirs")

    original = _tree(campaign_copy.folder)
    del original[".git/config"]  # hidden files stay at home
    assert _tree(tmp_path / "theirs") == original
    assert "campaign.yaml" in original and "translations/ar.po" in original
    assert unpacked.manifest.kind == "campaign" and unpacked.manifest.version == __version__
    assert not diags.has_errors
    assert [d.message for d in diags.warnings] == [d.message for d in pipeline.validate_campaign(
        campaign_copy.folder).diagnostics.warnings]  # the same two unverified statistics
    assert stat.S_IMODE((tmp_path / "theirs").stat().st_mode) & 0o755 == 0o755


def test_the_manifest_lists_every_member_with_its_checksum(packed: Path, campaign_copy) -> None:
    with zipfile.ZipFile(packed) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(MANIFEST_NAME))
        contents = {n: archive.read(n) for n in names[1:]}
        infos = archive.infolist()
    assert names[0] == MANIFEST_NAME and names[1:] == sorted(names[1:])
    assert manifest["format"] == "campaign-studio-pack" and manifest["format_version"] == 1
    assert manifest["campaign_studio"] == __version__ and manifest["kind"] == "campaign"
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(contents) == set(_tree(campaign_copy.folder))
    for name, data in contents.items():
        assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
        assert listed[name]["size"] == len(data)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {stat.S_IFREG | 0o644}


def test_the_same_folder_makes_the_same_bytes(campaign_copy, packed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "copy"
    shutil.copytree(campaign_copy.folder, elsewhere)
    for file in elsewhere.rglob("*"):
        os.utime(file, (1_000_000_000, 1_000_000_000))  # other times on disk
        file.chmod(0o600 if file.is_file() else 0o700)  # and other modes
    again = pipeline.pack_folder(elsewhere, tmp_path / "again.cspack").path

    assert again.read_bytes() == packed.read_bytes()
    (elsewhere / "campaign.yaml").write_text((elsewhere / "campaign.yaml").read_text() + "\n")
    assert pipeline.pack_folder(elsewhere, tmp_path / "changed.cspack").path.read_bytes() != packed.read_bytes()


# --- editions -------------------------------------------------------------------------------------

def _edition(root: Path, campaign: str, brand: str) -> Path:
    folder = root / "editions" / "voorbeeld"
    folder.mkdir(parents=True)
    (folder / "edition.yaml").write_text(f"# Gemeente Voorbeeld\nformat: campaign-studio-edition/1\nid: voorbeeld\n"
                                         f"name: Gemeente Voorbeeld\ncampaign: {campaign}  # "
                                         f"the national copy\nbrand: '{brand}'\nlanguages: [nl, ar, tr]\n")
    (folder / "translations").mkdir()
    (folder / "translations" / "tr.po").write_text('msgid ""\nmsgstr ""\n')
    return folder


def test_an_edition_carries_its_campaign_and_brand_kit_and_points_at_them(make_copy, tmp_path: Path) -> None:
    national = make_copy("national-copy")
    kit = tmp_path / "kits" / "voorbeeld"
    shutil.copytree(brands_dir() / "gemeente-voorbeeld", kit)
    edition = _edition(tmp_path, "../../national-copy", "../../kits/voorbeeld")

    packed = pipeline.pack_folder(edition, tmp_path / "voorbeeld.cspack")
    unpacked, diags = pipeline.unpack_pack(packed.path, tmp_path / "received")

    assert packed.kind == "edition"
    assert packed.rewritten == {"campaign": ("campaign", "../../national-copy"),
                                "brand": ("brand", "../../kits/voorbeeld")}
    received = tmp_path / "received"
    assert (received / "edition.yaml").read_text() == (
        "# Gemeente Voorbeeld\nformat: campaign-studio-edition/1\nid: voorbeeld\n"
        "name: Gemeente Voorbeeld\ncampaign: \"campaign\"  # the national copy\n"
        "brand: \"brand\"\nlanguages: [nl, ar, tr]\n")
    tree = _tree(received)
    assert {k: v for k, v in tree.items() if k.startswith("campaign/")} == {
        f"campaign/{k}": v for k, v in _tree(national.folder).items()}
    assert {k: v for k, v in tree.items() if k.startswith("brand/")} == {f"brand/{k}": v for k, v in _tree(kit).items()}
    assert tree["translations/tr.po"] == (edition / "translations" / "tr.po").read_bytes()
    _, deps = read_dependencies(received)
    assert [(d.key, d.folder) for d in deps] == [("campaign", received / "campaign"), ("brand", received / "brand")]
    assert unpacked.manifest.rewritten == packed.rewritten
    assert not diags.has_errors
    assert any("Voorbeeld Sans" in d.message and "fallback" in d.message for d in diags.warnings), \
        "the packed brand kit was checked against the campaign's languages"


def test_references_inside_the_edition_folder_are_kept_as_written(make_copy, tmp_path: Path) -> None:
    edition = _edition(tmp_path, "./campaign-copy/", "gemeente-voorbeeld")
    make_copy("editions/voorbeeld/campaign-copy")
    written = (edition / "edition.yaml").read_bytes()

    packed = pipeline.pack_folder(edition, tmp_path / "e.cspack")
    pipeline.unpack_pack(packed.path, tmp_path / "received")

    assert packed.rewritten == {} and packed.builtin == {"brand": "gemeente-voorbeeld"}
    assert (tmp_path / "received" / "edition.yaml").read_bytes() == written
    assert not [n for n in _tree(tmp_path / "received") if n.startswith("brand/")], "a built-in brand is not packed"


def test_an_edition_inside_its_campaign_folder_is_packed_once(make_copy, tmp_path: Path) -> None:
    national = make_copy("national")
    edition = _edition(national.folder, "../..", "national")

    packed = pipeline.pack_folder(edition, tmp_path / "e.cspack")
    pipeline.unpack_pack(packed.path, tmp_path / "received")

    tree = _tree(tmp_path / "received")
    assert not [n for n in tree if n.startswith("campaign/editions/")]
    assert tree["campaign/campaign.yaml"] == national.file.read_bytes()
    assert packed.rewritten == {"campaign": ("campaign", "../..")}


def test_an_edition_naming_a_missing_campaign_is_refused_at_its_line(tmp_path: Path) -> None:
    edition = _edition(tmp_path, "../nowhere", "national")
    with pytest.raises(InputError) as caught:
        pipeline.pack_folder(edition, tmp_path / "e.cspack")
    d = caught.value.diagnostic
    assert (d.location.file, d.location.line) == (edition / "edition.yaml", 5)
    assert "neither a folder" in d.message and "national" in d.hint
    assert not (tmp_path / "e.cspack").exists()


# --- what pack refuses to write --------------------------------------------------------------------

def test_pack_refuses_links_and_names_that_collide_elsewhere(campaign_copy, tmp_path: Path) -> None:
    link = campaign_copy.folder / "secret"
    link.symlink_to("/etc/hostname")
    with pytest.raises(InputError, match="symbolic link"):
        pipeline.pack_folder(campaign_copy.folder, tmp_path / "c.cspack")
    link.unlink()
    (campaign_copy.folder / "Notes.txt").write_text("a")
    (campaign_copy.folder / "notes.txt").write_text("b")
    with pytest.raises(InputError, match="differ only in case"):
        pipeline.pack_folder(campaign_copy.folder, tmp_path / "c.cspack")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campaign"], "no pack and no temporary file"


def test_pack_refuses_a_file_that_compresses_like_a_bomb(campaign_copy, tmp_path: Path) -> None:
    (campaign_copy.folder / "zeros.bin").write_bytes(bytes(8 << 20))
    with pytest.raises(InputError, match=r"shrinks .* times"):
        pipeline.pack_folder(campaign_copy.folder, tmp_path / "c.cspack")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campaign"]


# --- malicious packs ------------------------------------------------------------------------------

ESCAPES = {
    "zip slip": ("../evil.txt", "leads out of the target folder"),
    "zip slip through a folder": ("translations/../../evil.txt", "leads out of the target folder"),
    "absolute path": ("/tmp/evil.txt", "is an absolute path"),
    "drive letter": ("C:/evil.txt", "is an absolute path"),
    "Windows separators": ("..\\evil.txt", "backslash"),
}


@pytest.mark.parametrize("case", list(ESCAPES))
def test_paths_that_escape_are_refused(case: str, tmp_path: Path) -> None:
    name, expected = ESCAPES[case]
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n"), (name, b"owned")])
    message = _refused(pack, tmp_path / "out")
    assert expected in message and repr(name) in message
    assert not (tmp_path / "evil.txt").exists()


SPECIAL = {
    "symlink": (stat.S_IFLNK | 0o777, "is a symbolic link"),
    "character device": (stat.S_IFCHR | 0o644, "is a device file"),
    "block device": (stat.S_IFBLK | 0o644, "is a device file"),
    "fifo": (stat.S_IFIFO | 0o644, "is a pipe or socket"),
}


@pytest.mark.parametrize("case", list(SPECIAL))
def test_links_and_devices_are_refused(case: str, tmp_path: Path) -> None:
    mode, expected = SPECIAL[case]
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n"), (info("logo.png", mode), b"/etc/passwd")])
    assert expected in _refused(pack, tmp_path / "out")


NFD = unicodedata.normalize("NFD", "café.txt")
DUPLICATES = {
    "the same name": (["notes.txt", "notes.txt"], "appears twice"),
    "names differing in case": (["Logo.png", "logo.png"], "differ only in case"),
    "NFC and NFD": (["café.txt", NFD], "differ only in case or Unicode form"),
    "a file and a folder": (["brand", "brand/brand.yaml"], "is both a file and a folder"),
}


@pytest.mark.parametrize("case", list(DUPLICATES))
def test_duplicate_names_are_refused(case: str, tmp_path: Path) -> None:
    names, expected = DUPLICATES[case]
    pack = craft(tmp_path / "p.cspack", [(n, b"x") for n in names])
    assert expected in _refused(pack, tmp_path / "out")


def test_ten_thousand_entries_are_refused_before_any_is_read(tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cspack", [(f"f/{i:05}.txt", b"") for i in range(10_000)])
    assert "10,001 members, more than the 2,000 files" in _refused(pack, tmp_path / "out")


def test_a_gigabyte_of_zeros_is_refused_from_its_header(tmp_path: Path) -> None:
    pack = zero_bomb(tmp_path / "p.cspack", "campaign.yaml", 1024)
    assert pack.stat().st_size < 2 << 20
    with zipfile.ZipFile(pack) as archive:
        assert archive.getinfo("campaign.yaml").file_size == 1 << 30
    assert "'campaign.yaml' is 1,024 MB unpacked, more than the 64 MB" in _refused(pack, tmp_path / "out")


def test_a_member_compressed_beyond_the_ratio_is_refused(tmp_path: Path) -> None:
    pack = zero_bomb(tmp_path / "p.cspack", "translations/nl.po", 32)
    message = _refused(pack, tmp_path / "out")
    assert "'translations/nl.po' shrinks" in message and "decompression bomb" in message


def test_more_bytes_than_a_pack_may_hold_are_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pack_reader, "MAX_TOTAL_BYTES", 100_000)
    pack = craft(tmp_path / "p.cspack", [(f"{i}.bin", os.urandom(30_000)) for i in range(4)])
    assert "its members hold more than the" in _refused(pack, tmp_path / "out")


BOMBS = {
    "10 gigapixels": (100_000, 100_000, "decompression bomb"),  # Pillow's own limit stops it at the header
    "100 megapixels": (10_000, 10_000, "decompression bomb"),  # over Pillow's warning: an error here
    "49 megapixels": (7_000, 7_000, "7,000 × 7,000 pixels (49 megapixels), more than the 40"),  # over our bound
}


@pytest.mark.parametrize("case", list(BOMBS))
@pytest.mark.parametrize("name", ["brand/logo.png", "brand/notes.txt"])
def test_decompression_bomb_images_are_refused_by_their_header(case: str, name: str, tmp_path: Path) -> None:
    width, height, expected = BOMBS[case]
    data = png_header(width, height)
    assert len(data) < 200_000
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n"), (name, data)])
    message = _refused(pack, tmp_path / "out")
    assert repr(name) in message and expected in message


def test_a_small_image_passes(tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n"), ("logo.png", png_header(40, 20))])
    _, diags = pipeline.unpack_pack(pack, tmp_path / "out")
    assert (tmp_path / "out" / "logo.png").read_bytes() == png_header(40, 20)
    assert diags.has_errors, "a campaign.yaml with only an id is reported, not refused: the files stay"


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z"/><desc>&xxe;</desc></svg>
"""
REMOTE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><use href="https://example.org/a.svg#x"/></svg>'


@pytest.mark.parametrize(("data", "expected"), [(XXE, "DOCTYPE"), (REMOTE, "outside the file")])
def test_unsafe_svgs_are_refused(data: bytes, expected: str, tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n"), ("brand/logo.svg", data)])
    message = _refused(pack, tmp_path / "out")
    assert "'brand/logo.svg'" in message and expected in message


def _repack(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """`source` written again member by member, with `change` applied (None drops a member), manifest untouched."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for zi in old.infolist():
            if zi.filename in change and change[zi.filename] is None:
                continue
            new.writestr(zi, change.get(zi.filename) or old.read(zi))
        for name, data in change.items():
            if data is not None and name not in old.namelist():
                new.writestr(info(name), data)
    return target


@pytest.mark.parametrize(("old", "new"), [(b"msgstr", b"msgstr "), (b"msgstr", b"msgSTR")], ids=["longer", "same size"])
def test_a_changed_member_fails_its_checksum_by_name(old: bytes, new: bytes, packed: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(packed) as archive:
        text = archive.read("translations/ar.po")
    forged = _repack(packed, tmp_path / "forged.cspack", {"translations/ar.po": text.replace(old, new, 1)})
    message = _refused(forged, tmp_path / "out")
    assert "member 'translations/ar.po' does not match its checksum in the manifest" in message


def test_a_member_not_in_the_manifest_is_refused(packed: Path, tmp_path: Path) -> None:
    forged = _repack(packed, tmp_path / "forged.cspack", {"run-me.sh": b"#!/bin/sh\n"})
    assert "member 'run-me.sh' is not in the manifest" in _refused(forged, tmp_path / "out")


def test_a_listed_member_that_is_missing_is_refused(packed: Path, tmp_path: Path) -> None:
    forged = _repack(packed, tmp_path / "forged.cspack", {"translations/en.po": None})
    assert "the manifest lists 'translations/en.po', which the pack does not hold" in _refused(forged, tmp_path / "out")


def test_a_pack_without_a_manifest_is_refused(tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n")], manifest=False)
    assert "has no manifest (.cspack.json)" in _refused(pack, tmp_path / "out")


def test_a_pack_from_a_newer_format_is_refused(tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cspack", [("campaign.yaml", b"id: x\n")], version=2)
    with pytest.raises(InputError) as caught:
        pipeline.unpack_pack(pack, tmp_path / "out")
    assert "made by a newer Campaign Studio (9.9.9, pack format 2); this version reads pack format 1" in \
        caught.value.diagnostic.message
    assert "update Campaign Studio" in caught.value.diagnostic.hint


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "p.cspack"
    pack.write_bytes(b"campaign: national\n")
    assert "not a readable ZIP archive" in _refused(pack, tmp_path / "out")


def test_a_refusal_leaves_an_empty_target_empty(tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cspack", [("../evil.txt", b"owned")])
    (tmp_path / "out").mkdir()
    _refused(pack, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_target_with_files_in_it_is_refused(packed: Path, tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "mine.txt").write_text("mine")
    with pytest.raises(InputError) as caught:
        pipeline.unpack_pack(packed, target)
    assert "folder is not empty; unpack never overwrites files" in caught.value.diagnostic.message
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy", "campaign", "campaign.cspack"]


def test_an_older_pack_inside_the_folder_is_not_packed_again(campaign_copy, tmp_path: Path) -> None:
    inside = campaign_copy.folder / "campaign.cspack"
    first = pipeline.pack_folder(campaign_copy.folder, inside).path.read_bytes()
    again = pipeline.pack_folder(campaign_copy.folder, inside).path.read_bytes()
    assert again == first
    with zipfile.ZipFile(inside) as archive:
        assert "campaign.cspack" not in archive.namelist()


def test_an_unpacked_edition_that_points_outside_itself_is_named(make_copy, tmp_path: Path) -> None:
    make_copy("somewhere")
    edition = b"campaign: ../somewhere\nbrand: national\n"
    forged = craft(tmp_path / "edition.cspack", [("edition.yaml", edition)], kind="edition")

    _, diags = pipeline.unpack_pack(forged, tmp_path / "got")

    found = [d for d in diags.warnings if d.key_path == "campaign"]
    assert len(found) == 1 and "lies outside the unpacked folder: the pack did not carry it" in found[0].message
    assert (found[0].location.file, found[0].location.line) == (tmp_path / "got" / "edition.yaml", 1)
