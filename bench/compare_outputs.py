"""Before/after check for speed work: the same designs render to the same files.

    write DIR      render a sample of designs (every template × a few formats, languages
                   and brands, PNG and PDF, screen and print, one colour-vision simulation)
                   into DIR, one file per design
    compare A B    every PDF must be byte-identical; every PNG byte-identical, or else
                   (when the encoder's settings changed) the same pixels and the same
                   chunks apart from the compressed image data (IDAT)

Run `write` with the old code and with the new (e.g. a `git archive` of the old commit
on PYTHONPATH, or a checkout of it), then `compare`. Exit code 1 when anything differs.
"""

from __future__ import annotations

import io
import struct
import sys
from pathlib import Path

SAMPLE_FORMATS = [("post-4x5", "png"), ("story-9x16", "png"), ("wide-16x9", "png"), ("link-1.91x1", "png"),
                  ("a3", "pdf"), ("a4", "pdf"), ("a4", "png")]
LANGUAGES = ("nl", "ar", "uk")
BRANDS = ("national", "gemeente-voorbeeld", "neutral")


def write(folder: Path) -> int:
    from campaign_studio import pipeline
    from campaign_studio.content.design_loader import load_templates
    from campaign_studio.model.diagnostics import InputError

    folder.mkdir(parents=True, exist_ok=True)
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    written = 0
    for template in load_templates():
        for i, (fmt, kind) in enumerate(SAMPLE_FORMATS):
            for j, lang in enumerate(LANGUAGES):
                brand = BRANDS[(i + j) % len(BRANDS)]
                for print_ready in ((False, True) if kind == "pdf" else (False,)):
                    try:
                        design = pipeline.resolve_design(campaign, template, fmt, lang, brand=brand,
                                                         fallback=campaign.source_language)
                    except InputError:
                        continue
                    page, _ = pipeline.layout(design)
                    if page is None:
                        continue
                    simulate = "deuteranopia" if kind == "png" and (i + j) % 5 == 0 else None
                    data = pipeline.render_bytes(page, kind, print_ready=print_ready, fmt=design.format,
                                                 simulate=simulate)  # type: ignore[arg-type]
                    name = f"{template}_{fmt}_{lang}_{brand}{'_print' if print_ready else ''}" \
                           f"{'_' + simulate if simulate else ''}.{kind}"
                    (folder / name).write_bytes(data)
                    written += 1
    print(f"{folder}: {written} files")
    return 0


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    out, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        out.append((data[at + 4:at + 8], data[at + 8:at + 8 + length]))
        at += 12 + length
    return out


def _same_png(a: bytes, b: bytes) -> str:
    from PIL import Image

    ia, ib = Image.open(io.BytesIO(a)), Image.open(io.BytesIO(b))
    if (ia.mode, ia.size) != (ib.mode, ib.size) or ia.tobytes() != ib.tobytes():
        return "pixels differ"
    meta_a = [c for c in _chunks(a) if c[0] != b"IDAT"]
    meta_b = [c for c in _chunks(b) if c[0] != b"IDAT"]
    if meta_a != meta_b:
        return "chunks other than IDAT differ"
    return ""


def compare(before: Path, after: Path) -> int:
    names = sorted(p.name for p in before.iterdir())
    missing = sorted(set(names) ^ {p.name for p in after.iterdir()})
    identical = pixel_equal = 0
    problems = [f"{n}: only in one folder" for n in missing]
    for name in names:
        if name in missing:
            continue
        a, b = (before / name).read_bytes(), (after / name).read_bytes()
        if a == b:
            identical += 1
        elif name.endswith(".png") and not (why := _same_png(a, b)):
            pixel_equal += 1
        else:
            problems.append(f"{name}: {'bytes differ' if name.endswith('.pdf') else why}")
    size_a = sum((before / n).stat().st_size for n in names if n.endswith(".png"))
    size_b = sum((after / n).stat().st_size for n in names if n.endswith(".png") and n not in missing)
    print(f"{len(names)} files: {identical} byte-identical, {pixel_equal} PNGs with the same pixels and metadata "
          f"(new image data), {len(problems)} different")
    print(f"PNG bytes: {size_a} before, {size_b} after ({100 * (size_b / size_a - 1):+.1f} %)")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        sys.exit(write(Path(sys.argv[2])))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(__doc__)
