"""The golden hashes: a few outputs whose bytes must not change on another machine installed from the lock.

    python scripts/golden_hashes.py            # print the current hashes as tests/render/golden-hashes.json holds them
    python scripts/golden_hashes.py --write    # write them (after a deliberate change of what is drawn, or of the lock)

Each entry is a design rendered by the same calls as `campaign-studio render`; the file records the
library versions the hashes were made with, so a failing test can say whether the libraries differ.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from campaign_studio import pipeline
from campaign_studio.export.keys import library_versions

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "render" / "golden-hashes.json"
# (template, format, language, kind): a social PNG in Dutch and in Arabic (right to left), a chart card,
# a screen PDF and a print PDF (PDF/X-4 with its boxes)
DESIGNS = [("women-men", "post-1x1", "nl", "png"), ("action-line", "post-4x5", "ar", "png"),
           ("icon-array", "post-4x5", "nl", "png"), ("statistic-spotlight", "a3", "nl", "pdf"),
           ("where-to-get-help", "a4", "fa", "print-pdf")]


def render(template: str, fmt: str, language: str, kind: str) -> bytes:
    loaded = pipeline.open_campaign(None)
    assert loaded.campaign is not None
    design = pipeline.resolve_design(loaded.campaign, template, fmt, language)
    page, diags = pipeline.layout(design)
    assert page is not None, diags.format()
    if kind == "png":
        return pipeline.render_bytes(page, "png", fmt=design.format)
    return pipeline.render_bytes(page, "pdf", print_ready=kind == "print-pdf")


def current() -> dict[str, object]:
    hashes = {"/".join(d): hashlib.sha256(render(*d)).hexdigest() for d in DESIGNS}
    return {"libraries": library_versions(), "hashes": hashes}


def main(argv: list[str]) -> int:
    made = current()
    text = json.dumps(made, indent=2, sort_keys=True) + "\n"
    if "--write" in argv:
        GOLDEN.write_text(text, encoding="utf-8")
        print(f"{GOLDEN}: {len(DESIGNS)} hashes written")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
