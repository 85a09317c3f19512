"""An export stopped at a random moment (SIGINT as Ctrl-C sends it, SIGKILL) leaves whole files; the next run completes it."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exportkit import files_in, manifest
from PIL import Image

# Twenty-four designs: long enough to be stopped in the middle on a quiet machine (twelve were
# done before the stop on one), short enough for a test.
JOB = ("-t", "women-men", "-t", "action-line", "-f", "post-1x1", "-f", "link-1.91x1", "-f", "wide-16x9",
       "-l", "nl", "-l", "ar", "-l", "tr", "-l", "fa", "-k", "png", "-k", "alt")
TOTAL = 2 * 3 * 4 * 2


def _start(out: Path, jobs: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "from campaign_studio.cli.main import main; main()", "export", *JOB,
                             "-o", str(out),
                             "-j", str(jobs), "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # its own process group, as a terminal's job


def _wait_for_outputs(out: Path, at_least: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(1 for p in out.rglob("*.png") if not p.name.startswith(".")) >= at_least:
            return
        time.sleep(0.02)


def _assert_consistent(out: Path) -> dict[str, str]:
    """No temporary file left; every file whole; every manifest entry matches its file's bytes."""
    left = files_in(out)
    assert not [p for p in left if Path(p).name.startswith(".") and p != ".campaign-studio.lock"], left
    for rel in left:
        if rel.endswith(".png"):
            with Image.open(out / rel) as png:
                png.verify()  # a cut-off PNG fails here
    record = manifest(out)["outputs"] if (out / "manifest.json").exists() else {}
    shas = {}
    for rel, entry in record.items():
        assert entry["written"]
        shas[rel] = hashlib.sha256((out / rel).read_bytes()).hexdigest()
        assert shas[rel] == entry["sha256"], rel
    return shas


@pytest.mark.parametrize(("how", "jobs"), [(signal.SIGKILL, 1), (signal.SIGINT, 2)])
def test_an_interrupted_export_leaves_whole_files_and_the_next_run_completes_it(
        tmp_path: Path, cli, how: signal.Signals, jobs: int) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    proc = _start(out, jobs)
    _wait_for_outputs(out, random.randint(1, 4), proc)
    time.sleep(random.random() * 0.2)
    os.killpg(proc.pid, how)
    _out, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.fail("the export finished before it could be stopped; make the job larger")
    if how == signal.SIGINT:
        assert proc.returncode == 130 and err.decode().strip().endswith("interrupted"), err.decode()
    else:
        assert proc.returncode == -signal.SIGKILL
    before = _assert_consistent(out)
    assert len(before) < TOTAL

    result = cli("export", *JOB, "-o", out, "-j", "1", "--json")
    assert result.code == 0, result.err
    after = _assert_consistent(out)
    assert len(after) == TOTAL
    assert {rel: after[rel] for rel in before} == before  # what was whole stays as it was
