"""Same bytes on another machine: a few outputs of `campaign-studio render` against committed SHA-256 hashes.

The hashes depend on the program and on the versions of the libraries that draw (Pillow with FreeType and
raqm, HarfBuzz, ReportLab, pikepdf, fontTools), which `make setup` installs from requirements.lock. After a
deliberate change of what is drawn, or of the lock, `python scripts/golden_hashes.py --write` records them.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

import pytest

from campaign_studio.export.keys import library_versions

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = json.loads((Path(__file__).parent / "golden-hashes.json").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements.lock"


@pytest.mark.parametrize("design", sorted(GOLDEN["hashes"]))
def test_render_gives_the_golden_bytes(design: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template, fmt, language, kind = design.split("/")
    out = tmp_path / f"design.{'png' if kind == 'png' else 'pdf'}"
    args = ["render", "-t", template, "-f", fmt, "--lang", language, "--no-alt", "--no-data", "-o", out]
    result = cli(*args, *(["--print"] if kind == "print-pdf" else []))
    assert result.code == 0, result.err
    differ = {k: (v, library_versions().get(k)) for k, v in GOLDEN["libraries"].items() if library_versions().get(k) != v}
    assert hashlib.sha256(out.read_bytes()).hexdigest() == GOLDEN["hashes"][design], (
        f"{design}: other bytes than the golden ones; libraries that differ from when they were recorded "
        f"(recorded, installed): {differ or 'none, so the program draws differently'}")


def _pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        found = re.match(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if found:
            pins[re.sub(r"[-_.]+", "-", found[1]).lower()] = found[2]
    return pins


@pytest.mark.parametrize("dist", ["pillow", "uharfbuzz", "reportlab", "pikepdf", "fonttools", "pyside6-essentials",
                                  "pyyaml", "babel", "python-bidi", "pyphen", "segno", "resvg-py", "svglib"])
def test_the_libraries_that_draw_are_the_locked_ones(dist: str) -> None:
    pins = _pins()
    assert dist in pins, f"{dist} is not pinned in requirements.lock: make lock"
    assert metadata.version(dist) == pins[dist], f"{dist} {metadata.version(dist)} is installed, the lock says " \
        f"{pins[dist]}: make setup installs from the lock"
