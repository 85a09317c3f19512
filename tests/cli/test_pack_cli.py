"""`campaign-studio pack` and `unpack` on the command line: messages and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

from packkit import craft

from campaign_studio.resources import brands_dir


def test_pack_and_unpack_a_campaign(campaign_copy, cli, tmp_path: Path) -> None:
    pack = tmp_path / "mine.cspack"

    packed = cli("pack", campaign_copy.folder, "-o", pack)
    unpacked = cli("unpack", pack, tmp_path / "theirs")

    assert packed.code == 0, packed.err
    assert packed.out.startswith(f"{pack}: campaign pack of 10 files (")
    assert unpacked.code == 0, unpacked.err
    assert f"{tmp_path / 'theirs'}: unpacked campaign of 10 files from {pack}, made with Campaign Studio" in unpacked.out
    assert f"loads (0 errors, 2 warnings); use it with --campaign {tmp_path / 'theirs'}" in unpacked.out
    assert len(unpacked.warnings) == 2  # the diagnostics of the unpacked campaign, located in it
    assert all(w.startswith(str(tmp_path / "theirs" / "campaign.yaml")) for w in unpacked.warnings)
    assert cli("validate", "--campaign", tmp_path / "theirs").code == 0


def test_pack_says_what_it_rewrote_in_edition_yaml(make_copy, cli, tmp_path: Path) -> None:
    make_copy("national")
    shutil.copytree(brands_dir() / "gemeente-voorbeeld", tmp_path / "kit")
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "edition.yaml").write_text("format: campaign-studio-edition/1\nid: kit\nname: Kit\n"
                                         "campaign: ../national\nbrand: ../kit\nlanguages: [nl]\n")

    packed = cli("pack", edition, "-o", tmp_path / "e.cspack")
    unpacked = cli("unpack", tmp_path / "e.cspack", tmp_path / "got")

    assert packed.code == 0, packed.err
    assert "  campaign: packed from '../national'; edition.yaml in the pack reads campaign: 'campaign'" in packed.out
    assert "  brand: packed from '../kit'; edition.yaml in the pack reads brand: 'brand'" in packed.out
    assert unpacked.code == 0, unpacked.err
    assert "  campaign: 'campaign' (the maker's edition.yaml read '../national')" in unpacked.out
    assert f"use it with --edition {tmp_path / 'got'}" in unpacked.out


def test_a_refused_pack_is_one_error_and_exit_2(cli, tmp_path: Path) -> None:
    pack = craft(tmp_path / "evil.cspack", [("campaign.yaml", b"id: x\n"), ("../../evil.txt", b"owned")])

    result = cli("unpack", pack, tmp_path / "out")

    assert result.code == 2
    result.assert_no_traceback()
    assert result.errors == [f"{pack}: error: member '../../evil.txt' leads out of the target folder ('..'); nothing "
                             "was written (this is not a pack Campaign Studio wrote, or it was changed since: ask for "
                             "it again)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.cspack"]


def test_an_unpacked_campaign_with_errors_is_kept_and_exit_1(campaign_copy, cli, tmp_path: Path) -> None:
    line = campaign_copy.replace("source: rutgers-2017", "source: nobody", after="statistics:")
    assert cli("pack", campaign_copy.folder, "-o", tmp_path / "broken.cspack").code == 0

    result = cli("unpack", tmp_path / "broken.cspack", tmp_path / "got")

    assert result.code == 1
    assert any(e.startswith(f"{tmp_path / 'got' / 'campaign.yaml'}:{line}:") and "nobody" in e for e in result.errors)
    assert "the unpacked campaign has errors" in result.err and "the files were kept" in result.err
    assert (tmp_path / "got" / "campaign.yaml").read_bytes() == campaign_copy.file.read_bytes()


def test_pack_usage_errors(campaign_copy, cli, tmp_path: Path) -> None:
    wrong = cli("pack", campaign_copy.folder, "-o", tmp_path / "mine.zip")
    assert wrong.code == 2 and "the pack's name must end in .cspack" in wrong.err

    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = cli("pack", empty, "-o", tmp_path / "e.cspack")
    assert nothing.code == 2
    assert nothing.errors == [f"{empty}: error: holds neither edition.yaml nor campaign.yaml; no pack was written "
                              "(give a campaign folder (made with 'campaign-studio init') or an edition folder)"]
    assert not list(tmp_path.glob("*.cspack"))
