"""Output paths: checked before any work, refused with exit 2 at the path alone, written atomically.

Through the CLI (render, translations export, init). Passing inputs: a new file, an existing
file, a link to an empty folder for init. Failing inputs: a folder, a missing parent, a parent
that is a file, a device, a link loop, a place that accepts no files, and a write that fails
half-way (nothing half-written, the old file untouched).
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest

# gemeente-voorbeeld in post-4x5 leaves out a slot, with a warning: no warning means no layout ran
RENDER = ("render", "-t", "women-men", "-f", "post-4x5", "--brand", "gemeente-voorbeeld", "-o")


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_render_writes_a_new_file_and_replaces_an_old_one(cli, tmp_path) -> None:
    out = tmp_path / "card.png"
    assert cli(*RENDER, out).code == 0
    out.write_bytes(b"old")

    result = cli(*RENDER, out)

    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"\x89PNG")
    # the output and its text alternative and data table beside it, nothing else
    assert _entries(tmp_path) == ["card.alt.txt", "card.data.csv", "card.png"], "no temporary or probe file left"


def _folder(tmp: Path) -> Path:
    (tmp / "card.png").mkdir()
    return tmp / "card.png"


def _file_as_parent(tmp: Path) -> Path:
    (tmp / "notes").write_text("mine")
    return tmp / "notes" / "card.png"


def _device(tmp: Path) -> Path:
    (tmp / "card.png").symlink_to(os.devnull)
    return tmp / "card.png"


def _loop(tmp: Path) -> Path:
    (tmp / "out").symlink_to("out")
    return tmp / "out" / "card.png"


BAD_OUTPUTS = {
    "a folder": (_folder, "the output file is an existing folder, not a file", "remove or rename the folder"),
    "missing parent": (lambda t: t / "missing" / "deeper" / "card.png", "output folder does not exist: ",
                       "create it first with mkdir -p "),
    "parent is a file": (_file_as_parent, "is a file, not a folder", "rename the file"),
    "a device": (_device, "is a device, pipe or socket, not a plain file", "plain file"),
    "a link loop": (_loop, "leads back to itself (a loop of links)", "point the link at a real folder"),
}


@pytest.mark.parametrize("case", list(BAD_OUTPUTS))
def test_bad_render_output_is_refused_before_any_work(case, cli, diagnostic, tmp_path) -> None:
    make, words, fix = BAD_OUTPUTS[case]
    out = make(tmp_path)
    before = _entries(tmp_path)

    result = cli(*RENDER, out)

    assert result.code == 2, result.err
    result.assert_no_traceback()
    found = diagnostic(result, out)  # the path alone: no line:col for a path
    assert words in found and fix in found
    assert result.err.count("\n") == 1 and ": warning: " not in result.err, "refused before the layout ran"
    assert _entries(tmp_path) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_a_place_that_accepts_no_files_is_refused(cli, diagnostic) -> None:
    out = Path("/proc/card.png")

    result = cli(*RENDER, out)

    assert result.code == 2, result.err
    assert "the folder /proc does not accept new files" in diagnostic(result, out)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(cli, diagnostic, tmp_path, monkeypatch) -> None:
    out = tmp_path / "card.png"
    out.write_bytes(b"old")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = cli(*RENDER, out)

    assert result.code == 2, result.err
    found = diagnostic(result, out)
    assert "No space left on device; nothing was changed" in found and "free some disk space" in found
    assert out.read_bytes() == b"old"
    assert _entries(tmp_path) == ["card.png"]


def test_export_output_is_checked_before_any_work(cli, diagnostic, tmp_path) -> None:
    good, folder = tmp_path / "en.po", tmp_path / "de.po"
    folder.mkdir()

    assert cli("translations", "export", "--lang", "en", "-o", good).code == 0
    result = cli("translations", "export", "--lang", "de", "-o", folder)

    assert good.read_text(encoding="utf-8").count("msgid") > 10
    assert result.code == 2, result.err
    assert "is an existing folder" in diagnostic(result, folder)
    assert _entries(tmp_path) == ["de.po", "en.po"] and _entries(folder) == []


def test_init_follows_a_link_to_an_empty_folder_and_refuses_a_loop(cli, diagnostic, tmp_path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("real")
    (tmp_path / "self").symlink_to("self")

    made = cli("init", tmp_path / "link")
    looped = cli("init", tmp_path / "self")

    assert made.code == 0, made.err
    assert (tmp_path / "real" / "campaign.yaml").is_file()
    assert looped.code == 2, looped.err
    looped.assert_no_traceback()
    assert "is a symbolic link that leads back to itself (a loop of links)" in diagnostic(looped, tmp_path / "self")


def test_init_that_fails_half_way_leaves_nothing(cli, diagnostic, tmp_path, monkeypatch) -> None:
    copy = shutil.copytree

    def copy_then_fail(src, dst, *args, **kwargs):
        copy(src, dst, *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copytree", copy_then_fail)
    result = cli("init", tmp_path / "new")

    assert result.code == 2, result.err
    assert "nothing was written" in diagnostic(result, tmp_path / "new")
    assert _entries(tmp_path) == []
