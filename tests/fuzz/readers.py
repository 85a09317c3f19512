"""One case generator per reader: which file is mutated and which command reads it.

Workspace layout (see fuzzkit.Pristine): campaign/ (made by `init`, with translations/),
brand/ (gemeente-voorbeeld with its logo), in/ (en and ar exported as PO and XLIFF),
out/ (holds existing.txt, a folder named folder.png and an empty folder), tmp/ (TMPDIR of the run).
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

from fuzzkit import Case
from mutators import Op, file_op, image_ops, po_ops, random_text, unassigned, xliff_ops, yaml_ops

from campaign_studio.content.folder_lock import LOCK_NAME

TEMPLATES = ["women-men", "statistic-spotlight", "where-to-get-help", "action-line"]
SOCIAL = ["post-4x5", "post-1x1", "story-9x16", "link-1.91x1", "wide-16x9"]
LANGS = ["nl", "en", "ar", "tr", "pl", "uk", "ti", "fa"]
CAMPAIGN = ["--campaign", "{ws}/campaign"]
STATS = ["victim-sexual-violence", "physical-transgressive", "consequences-forced", "lgbtiq-more-often"]
MESSAGES = ["respect-boundaries", "happens-more-often", "recognise-and-respond"]


def _render(rng: random.Random, *extra: str, template: str | None = None) -> tuple[list[str], str]:
    """A render command for some template, format, language and subject; PNG mostly, sometimes PDF or a print PDF."""
    template = template or rng.choice(TEMPLATES)
    fmt = rng.choice(SOCIAL) if rng.random() < 0.9 else "a4"
    suffix = "pdf" if fmt == "a4" or rng.random() < 0.2 else "png"
    output = f"out/design.{suffix}"
    options = list(extra)
    if rng.random() < 0.7:
        options += ["--lang", rng.choice(LANGS)]
    else:
        options += ["--fallback", "nl"]
    if rng.random() < 0.3:
        stat = template in ("women-men", "statistic-spotlight")
        options += ["--stat", rng.choice(STATS)] if stat else ["--message", rng.choice(MESSAGES)]
    if rng.random() < 0.2:
        options.append("--native-digits")
    if fmt == "a4" and suffix == "pdf" and rng.random() < 0.4:
        options.append("--print")
    if fmt == "a4" and suffix == "png":
        options += ["--dpi", rng.choice(["10", "36", "72.5"])]
    return ["render", "-t", template, "-f", fmt, *CAMPAIGN, *options, "-o", output], output


CAMPAIGN_FILES = ["campaign/campaign.yaml", "campaign/translations", "campaign/translations/en.po",
                  "campaign/translations/ar.po", "campaign/translations/xx.po", "campaign"]


def campaign_case(rng: random.Random, run: int) -> Case:
    rel = "campaign/campaign.yaml"
    ops = yaml_ops(rng, rel, gentle_share=0.4)
    if rng.random() < 0.1:  # a file of the campaign folder is not a plain file (or a plain file is where a folder was)
        odd = rng.choice(CAMPAIGN_FILES)
        kind = rng.choice(["folder", "file", "link-out", "link-loop", "fifo", "dangling", "empty"])
        ops = [Op(f"{odd}: replaced by a {kind}", lambda ws: _odd_file(ws / odd, kind))]
    pick = rng.random()
    if pick < 0.45:
        return Case("campaign", ["validate", *CAMPAIGN], ops, targets=(rel,))
    if pick < 0.9:
        argv, output = _render(rng)
        return Case("campaign", argv, ops, may_change=(output,), output=output, targets=(rel,))
    what = rng.choice([["list", "stats"], ["list", "messages"], ["list", "languages"], ["translations", "status"]])
    return Case("campaign", [*what, *CAMPAIGN], ops, targets=(rel,))


def brand_case(rng: random.Random, run: int) -> Case:
    rel = "brand/brand.yaml"
    ops = yaml_ops(rng, rel, gentle_share=0.6)
    if rng.random() < 0.15:  # a logo path that leaves the brand folder or names something odd
        target = rng.choice(["../../../../etc/passwd", "/etc/hostname", "/dev/null", ".", "..", "missing.png",
                             "LICENSE.txt", "brand.yaml", "logo.png/", "~/logo.png", random_text(rng)[:80]])
        ops.append(file_op(rel, f"logo: {target!r}", lambda d: d.replace(b"logo: logo.png",
                                                                          b"logo: " + _quoted(target))))
    argv, output = _render(rng, "--brand", "{ws}/brand" if rng.random() < 0.7 else "{ws}/brand/brand.yaml")
    return Case("brand", argv, ops, may_change=(output,), output=output, targets=(rel,))


def _quoted(text: str) -> bytes:
    return ('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"').encode("utf-8", "surrogatepass")


TEMPLATE_FILES = [f"templates/{t}.yaml" for t in TEMPLATES] + ["templates/styles.yaml", "templates/formats.yaml"]


def template_case(rng: random.Random, run: int) -> Case:
    rel = rng.choice(TEMPLATE_FILES)
    ops = yaml_ops(rng, rel, gentle_share=0.6)
    if rng.random() < 0.85:
        template = rel.removeprefix("templates/").removesuffix(".yaml")
        argv, output = _render(rng, template=template if template in TEMPLATES else None)
        return Case("template", argv, ops, home=True, on_home=True, may_change=(output,), output=output, targets=(rel,))
    what = rng.choice(["templates", "formats"])
    return Case("template", ["list", what, *CAMPAIGN], ops, home=True, on_home=True, targets=(rel,))


def _import_case(reader: str, rng: random.Random, suffix: str) -> Case:
    lang = rng.choice(["en", "ar"])
    rel = f"in/{lang}.{suffix}"
    ops = po_ops(rng, rel) if suffix == "po" else xliff_ops(rng, rel)
    dry = ["--dry-run"] if rng.random() < 0.25 else []
    return Case(reader, ["translations", "import", rel, *CAMPAIGN, *dry], ops,
                # a merge holds the campaign folder's lock file, which stays (see content/folder_lock.py)
                may_change=() if dry else ("campaign/translations", f"campaign/{LOCK_NAME}"), targets=(rel,))


def po_case(rng: random.Random, run: int) -> Case:
    if rng.random() < 0.7:
        return _import_case("po", rng, "po")
    # the campaign's own catalogue, read by validate, status and render
    lang = rng.choice(LANGS[1:])
    rel = f"campaign/translations/{lang}.po"
    ops = po_ops(rng, rel)
    pick = rng.random()
    if pick < 0.3:
        return Case("po", ["validate", *CAMPAIGN], ops, targets=(rel,))
    if pick < 0.45:
        return Case("po", ["translations", "status", *CAMPAIGN], ops, targets=(rel,))
    if pick < 0.55:
        out = f"out/export.{rng.choice(['po', 'xlf'])}"
        return Case("po", ["translations", "export", "-l", lang, *CAMPAIGN, "-o", out], ops, may_change=(out,),
                    output=out, targets=(rel,))
    argv, output = _render(rng)
    if "--lang" in argv:
        argv[argv.index("--lang") + 1] = lang
    else:
        argv[1:1] = ["--lang", lang]
    return Case("po", argv, ops, may_change=(output,), output=output, targets=(rel,))


def xliff_case(rng: random.Random, run: int) -> Case:
    return _import_case("xliff", rng, "xlf")


def logo_case(rng: random.Random, run: int) -> Case:
    rel = "brand/logo.png"
    ops = image_ops(rng, rel)
    if rng.random() < 0.15:  # the logo is not a plain file
        kind = rng.choice(["folder", "link-out", "link-loop", "fifo", "dangling"])
        ops.append(Op(f"{rel}: replaced by a {kind}", lambda ws: _odd_file(ws / rel, kind)))
    argv, output = _render(rng, "--brand", "{ws}/brand")
    return Case("logo", argv, ops, may_change=(output,), output=output, targets=(rel,))


def _odd_file(path: Path, kind: str) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    if kind == "folder":
        path.mkdir()
    elif kind == "file":
        path.write_text("msgid \"\"\n")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "link-out":
        path.symlink_to("/etc/hostname")
    elif kind == "link-loop":
        path.symlink_to(path.name)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("nowhere/logo.png")


def _odd_name(rng: random.Random) -> str:
    return rng.choice([
        "a\nb", "a\x01b", "\x7f", "a\u202eb", "tab\there", "\x1b[31mred", "a\u200bb", "ñ€𝄞", "  ", " lead", "trail ",
        "x" * rng.choice([200, 251, 252, 255, 256, 1000]), unassigned(rng), "\udcff\udcfe", "a\\b", "*?", "-rf",
        "--help", "con", "a" + "/b" * 3, "😀", "\ufeff",
    ])


def output_case(rng: random.Random, run: int) -> Case:
    """A valid design written to an odd place: folders, missing parents, /proc, odd or long names."""
    command = rng.random()
    suffix = rng.choice([".png", ".pdf", ".PNG", ".Pdf"]) if command < 0.7 else \
        rng.choice([".po", ".xlf", ".xliff"]) if command < 0.9 else ""
    name = _odd_name(rng) + suffix
    place = rng.choice([
        f"out/{name}", f"out/folder{suffix}", f"out/missing/{name}", f"out/existing.txt/{name}", f"/proc/{name}",
        f"/proc/self/{name}", f"/sys/{name}", f"out/{name}/", "out/" + "d" * 255 + "/" * 20 + name,
        "out/" + "/".join(["sub"] * 1100) + "/" + name, f"out/link{suffix}", "out/existing.txt", f"out/.{suffix}",
        f"out/{name}", f"out/{name}",
    ])
    ops: list[Op] = []
    if place == f"out/link{suffix}":
        target = rng.choice(["nowhere/x", "folder.png", f"link{suffix}", "/proc/version", "existing.txt"])
        ops.append(Op(f"{place} -> {target}", lambda ws: (ws / place).symlink_to(target)))
    if command < 0.7:
        argv = ["render", "-t", "women-men", "-f", "post-1x1", *CAMPAIGN, "-o", place]
    elif command < 0.9:
        argv = ["translations", "export", "-l", "en", *CAMPAIGN, "-o", place]
    else:
        argv = ["init", place]
    # a successful run may write the named place only (through a link: what it points at inside out/)
    may_change = ("out",) if ops or not place.startswith("out/") else (place.rstrip("/"),)
    return Case("output", argv, ops, may_change=may_change, targets=())


READERS = {
    "campaign": campaign_case,
    "brand": brand_case,
    "template": template_case,
    "po": po_case,
    "xliff": xliff_case,
    "logo": logo_case,
    "output": output_case,
}
