"""Commands that change a campaign folder at the same time: no change is lost, no file is half-written."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import polib
from trkit import HEADLINE

from campaign_studio.content import folder_lock

BODY = "messages.respect-boundaries.body"


def _cli(*argv: object) -> subprocess.Popen[str]:
    """A real campaign-studio process, with this checkout on its path."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen([sys.executable, "-m", "campaign_studio", *map(str, argv)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _one_entry_file(campaign: Path, path: Path, text_id: str, translation: str) -> Path:
    """A translator's file that holds one entry of the campaign's en.po, translated anew."""
    stored = polib.pofile(str(campaign / "translations" / "en.po"), wrapwidth=0)
    entry = next(e for e in stored if e.msgctxt == text_id)
    po = polib.POFile(wrapwidth=0)
    po.metadata = stored.metadata
    po.append(polib.POEntry(msgctxt=text_id, msgid=entry.msgid, msgstr=translation))
    po.save(str(path))
    return path


def _translation(campaign: Path, text_id: str) -> str:
    po = polib.pofile(str(campaign / "translations" / "en.po"), wrapwidth=0)
    return next(e.msgstr for e in po if e.msgctxt == text_id)


def test_two_imports_at_once_both_change_the_campaign(campaign_copy, tmp_path) -> None:
    folder = campaign_copy.folder
    body = _one_entry_file(folder, tmp_path / "body.po", BODY, "Everyone has wishes and limits. Ask. Listen.")
    headline = _one_entry_file(folder, tmp_path / "headline.po", HEADLINE, "Where does the fun stop for either?")
    # Hold the lock while both start, so they contend for it rather than run one after the other by chance.
    lock = os.open(folder / folder_lock.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    runs = [_cli("translations", "import", f, "--campaign", folder) for f in (body, headline)]
    os.close(lock)
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]

    for code, out, err in results:
        assert code == 0, err
        assert "merged into" in out
    assert _translation(folder, BODY) == "Everyone has wishes and limits. Ask. Listen."
    assert _translation(folder, HEADLINE) == "Where does the fun stop for either?"
    leftovers = [p.name for p in (folder / "translations").iterdir() if p.name.startswith(".")]
    assert leftovers == [], "no temporary file is left behind"


def test_a_writer_that_holds_the_lock_too_long_gets_a_clear_refusal(cli, campaign_copy, tmp_path, snapshot,
                                                                    monkeypatch) -> None:
    folder = campaign_copy.folder
    body = _one_entry_file(folder, tmp_path / "body.po", BODY, "Everyone has wishes and limits.")
    monkeypatch.setattr(folder_lock, "LOCK_TIMEOUT", 0.2)
    lock = os.open(folder / folder_lock.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # a separate open file: to flock, another writer like any process
    before = snapshot(folder)
    try:
        result = cli("translations", "import", body, "--campaign", folder)
    finally:
        os.close(lock)

    assert result.code == 2
    result.assert_no_traceback()
    assert result.err.strip() == (
        f"error: cannot import translations: another command is changing this campaign (it holds "
        f"{folder / folder_lock.LOCK_NAME}) and did not finish within 0.2 seconds (wait until it has finished, then "
        "run the command again; nothing was changed)")
    assert snapshot(folder) == before

    again = cli("translations", "import", body, "--campaign", folder)  # the lock is free again: no stale lock
    assert again.code == 0, again.err
    assert _translation(folder, BODY) == "Everyone has wishes and limits."


def test_two_inits_into_one_folder_one_wins_the_other_is_refused(tmp_path) -> None:
    target = tmp_path / "campaign"
    target.mkdir()
    runs = [_cli("init", target) for _ in range(2)]
    results = sorted((run.wait(timeout=120), *run.communicate()) for run in runs)

    assert [code for code, _, _ in results] == [0, 2], results
    assert "init never overwrites files" in results[1][2]
    assert "Traceback" not in results[1][2]
    assert (target / "campaign.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campaign"], "no staging folder is left behind"
