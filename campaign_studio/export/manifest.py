"""OUTDIR/manifest.json: the record of every output an export made, and how to trust it again.

One entry per output path: its design (edition, language, template, format, subject, kind),
the input key and the digests it was made from, the file's SHA-256 and size, its findings and
its text alternative. The manifest holds no times and no machine names, so the same inputs
give the same manifest. It is replaced atomically; after a crash, `load` keeps only entries
whose files are still whole (their SHA-256 matches), and the next run makes the rest again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_studio import __version__
from campaign_studio.content import files
from campaign_studio.export.keys import library_versions
from campaign_studio.model.diagnostics import Diagnostic

MANIFEST_NAME = "manifest.json"
FORMAT = "campaign-studio-export/1"


def diagnostic_record(d: Diagnostic) -> dict[str, str]:
    return {"severity": d.severity, "rule": d.code, "message": d.message, "key_path": d.key_path, "hint": d.hint,
            "location": str(d.location) if d.location else ""}


def file_sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


@dataclass
class Manifest:
    outdir: Path
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    campaign: str = ""
    repaired: list[str] = field(default_factory=list)  # entries dropped on load: their files were gone or changed

    @property
    def path(self) -> Path:
        return self.outdir / MANIFEST_NAME

    @classmethod
    def load(cls, outdir: Path) -> Manifest:
        """The manifest in OUTDIR with only the entries its files still match; an empty one when there is none."""
        manifest = cls(outdir)
        try:
            data = json.loads((outdir / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return manifest  # none yet, or unreadable: every output is made (and checked) again
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("outputs"), dict):
            return manifest
        manifest.campaign = str(data.get("campaign", ""))
        for rel, entry in data["outputs"].items():
            if not isinstance(entry, dict):
                continue
            if entry.get("written") and file_sha256(outdir / rel) != entry.get("sha256"):
                manifest.repaired.append(rel)
                continue
            manifest.outputs[rel] = entry
        return manifest

    def record(self) -> dict[str, Any]:
        return {"format": FORMAT, "program": {"name": "campaign-studio", "version": __version__},
                "libraries": library_versions(), "campaign": self.campaign,
                "outputs": dict(sorted(self.outputs.items()))}

    def save(self) -> None:
        text = json.dumps(self.record(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        files.atomic_write(self.path, text.encode("utf-8"))
