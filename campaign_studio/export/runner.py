"""Run an export's matrix on any concurrent.futures executor and keep OUTDIR consistent.

The owning process decides what to make (by input key, against the manifest), hands designs
to the executor, and writes what comes back: each file atomically, the manifest atomically
after every batch. Whatever stops the run (Ctrl-C, a full disk, SIGKILL), OUTDIR holds only
whole files, and the manifest names only files whose bytes it records; the next run makes
what is missing. An export holds OUTDIR's lock for the whole run, so a second one is refused.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_studio import pipeline
from campaign_studio.content import files
from campaign_studio.content.folder_lock import campaign_lock
from campaign_studio.export import review
from campaign_studio.export.keys import Keys
from campaign_studio.export.manifest import Manifest, diagnostic_record, file_sha256
from campaign_studio.export.matrix import DesignSpec, Matrix, OutputSpec
from campaign_studio.export.worker import DesignResult, Task, render_design
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

SAVE_EVERY = 2.0  # seconds between manifest saves during a run
MAX_PENDING_PER_WORKER = 8  # designs handed out ahead, so results (bytes) do not pile up in memory


@dataclass
class RunOptions:
    force: bool = False
    allow_findings: bool = False
    level: str = "AA"
    review: bool = True  # write OUTDIR/index.html
    workers: int = 1  # how many designs the executor runs at once (to keep it busy, not flooded)


@dataclass
class Summary:
    outputs: int = 0  # in the job
    made: int = 0  # written in this run
    skipped: int = 0  # unchanged since an earlier run
    blocked: int = 0  # not written: error findings (or the design could not be laid out)
    designs: int = 0
    designs_made: int = 0
    repaired: int = 0  # manifest entries dropped because their file was gone or changed
    by_rule: dict[str, Counter[str]] = field(default_factory=dict)  # rule -> {"error": designs, "warning": designs}
    by_edition: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (design, error finding) in job order
    seconds: float = 0.0

    @property
    def has_errors(self) -> bool:
        return any(c["error"] for c in self.by_rule.values())

    def record(self) -> dict[str, Any]:
        return {"outputs": self.outputs, "made": self.made, "skipped": self.skipped, "not_written": self.blocked,
                "designs": self.designs, "designs_made": self.designs_made, "repaired": self.repaired,
                "seconds": round(self.seconds, 3),
                "findings_by_rule": {r: dict(c) for r, c in sorted(self.by_rule.items())},
                "findings_by_edition": {e: dict(c) for e, c in sorted(self.by_edition.items())}}


Progress = Callable[[int, int], None]  # (outputs done, outputs in the job)


@contextmanager
def export_lock(outdir: Path) -> Iterator[None]:
    with campaign_lock(outdir, f"export into {outdir}", timeout=0,
                       busy="another export is writing into this output folder"):
        yield


def prepare_outdir(outdir: Path) -> Path:
    """Create OUTDIR (and its parents) if needed; refuse a file, a loop or a folder that takes no files."""
    files.refuse_link_loop(outdir, "the output folder")
    if outdir.exists() and not outdir.is_dir():
        raise InputError(Diagnostic("error", "the output folder is a file", Location(outdir),
                                    hint="give the path of a new or existing folder"))
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot create the output folder: {exc.strerror}", Location(outdir),
                                    hint="choose a folder you can write to")) from None
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise InputError(Diagnostic("error", "the output folder is not writable", Location(outdir),
                                    hint="choose a folder you can write to, or change its permissions"))
    files.output_path(outdir / "manifest.json", "manifest")  # a probe: read-only file systems say no only when tried
    return outdir


class _Run:
    def __init__(self, matrix: Matrix, campaign: Campaign, outdir: Path, options: RunOptions, fallback: bool) -> None:
        self.matrix = matrix
        self.campaign = campaign
        self.outdir = outdir
        self.options = options
        self.fallback = fallback
        self.keys = Keys(matrix.campaigns(campaign), matrix.brands, fallback)
        self.manifest = Manifest.load(outdir)
        self.manifest.campaign = campaign.id
        self.summary = Summary(outputs=len(matrix.all_outputs()), designs=len(matrix.outputs),
                               repaired=len(self.manifest.repaired))
        self._saved = time.monotonic()

    def up_to_date(self, out: OutputSpec, key: str) -> bool:
        entry = self.manifest.outputs.get(out.path)
        if self.options.force or entry is None or entry.get("key") != key:
            return False
        if entry.get("written"):  # Manifest.load checked its SHA-256 against the file
            # written despite errors (--allow-findings): without the flag it is refused, and removed
            return self.options.allow_findings or not any(d["severity"] == "error" for d in entry["diagnostics"])
        return not self.options.allow_findings  # refused before: with --allow-findings it is written now

    def entry(self, out: OutputSpec, key: str, result: DesignResult) -> dict[str, Any]:
        d = out.design
        made = result.files.get(out.file_key)
        return {"edition": d.edition, "language": d.language, "template": d.template, "format": d.format,
                "subject": d.subject, "kind": out.kind, "brand": d.edition, "key": key,
                "inputs": self.keys.inputs(d), "written": made is not None,
                "sha256": made.sha256 if made else None, "bytes": len(made.data) if made else None,
                "alt": result.alt, "diagnostics": [diagnostic_record(x) for x in result.diagnostics],
                "thumbnail": review.thumbnail_path(result.thumbnail.sha256) if result.thumbnail else None}

    def store(self, result: DesignResult) -> int:
        """Write a design's files and record them; the number of outputs it accounts for."""
        if result.internal_error:
            raise InternalError(f"{result.design.label()}:\n{result.internal_error}")
        outs = self.matrix.outputs[result.design]
        if result.thumbnail is not None:
            thumb = self.outdir / review.thumbnail_path(result.thumbnail.sha256)
            if not thumb.is_file():  # named by its content: made once
                _make_folders(thumb.parent)
                files.atomic_write(thumb, result.thumbnail.data)
        for out in outs:
            key = self.keys.key(out.design, out.kind, self.options.level)
            made = result.files.get(out.file_key)
            target = self.outdir / out.path
            if made is not None:
                if not self.options.force and file_sha256(target) == made.sha256:
                    self.summary.skipped += 1  # made again (its design was), and the same bytes are there already
                else:
                    _make_folders(target.parent)
                    pipeline.write_atomically(target, made.data)
                    self.summary.made += 1
            else:
                self._remove_ours(out.path)
                self.summary.blocked += 1
            self.manifest.outputs[out.path] = self.entry(out, key, result)
        self.summary.designs_made += 1
        if time.monotonic() - self._saved > SAVE_EVERY:
            self.manifest.save()
            self._saved = time.monotonic()
        return len(outs)

    def _remove_ours(self, rel: str) -> None:
        """A file an earlier run made that is now refused goes; a file someone else put there stays."""
        entry = self.manifest.outputs.get(rel)
        target = self.outdir / rel
        if entry and entry.get("written") and file_sha256(target) == entry.get("sha256"):
            target.unlink(missing_ok=True)

    def tally(self) -> None:
        """Findings of every output in the job (made now or earlier), by rule and by edition, counted per design."""
        seen: set[DesignSpec] = set()
        for design, outs in self.matrix.outputs.items():
            entry = self.manifest.outputs.get(outs[0].path)
            if entry is None or design in seen:
                continue
            seen.add(design)
            rules: dict[str, str] = {}
            for d in entry["diagnostics"]:
                if d["severity"] == "error":
                    self.summary.errors.append((design.label(), d))
                rule = d["rule"] or "layout"
                if rules.get(rule) != "error":
                    rules[rule] = d["severity"]
            for rule, severity in rules.items():
                self.summary.by_rule.setdefault(rule, Counter())[severity] += 1
            edition = self.summary.by_edition.setdefault(design.edition, Counter())
            edition["designs"] += 1
            for severity in set(rules.values()):
                edition[severity] += 1


def _make_folders(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot create the folder: {exc.strerror}", Location(folder),
                                    hint="free some disk space, or check that no file has the folder's name")) from None


def _stopping(store: Callable[[DesignResult], int], result: DesignResult) -> int:
    """A write that fails (a full disk, a folder gone) stops the run, saying that the next run goes on from here."""
    try:
        return store(result)
    except InputError as exc:
        d = exc.diagnostic
        raise InputError(Diagnostic(d.severity, f"{d.message.removesuffix('; nothing was changed')}; the export "
                                    "stopped here: the files written so far are whole and in the manifest",
                                    d.location, d.key_path, f"{d.hint}, then run the same export again: it goes "
                                    "on where it stopped")) from None


class InternalError(Exception):
    """A worker hit a bug of ours (exit 3); the message carries the design and the traceback."""


def run_export(matrix: Matrix, campaign: Campaign, campaign_folder: Path | None, outdir: Path, executor: Executor,
               options: RunOptions, *, fallback: bool = True, progress: Progress | None = None,
               on_result: Callable[[DesignResult, int], None] | None = None) -> Summary:
    """Make the matrix's outputs in OUTDIR (which the caller has locked); the run's summary.

    `progress(done, total)` is called once the unchanged outputs are known and after each design,
    `on_result(result, outputs)` with each design's result (the bench reads the workers' memory
    from it). KeyboardInterrupt and InputError (a full disk) stop the run with the manifest saved
    for what was written.
    """
    start = time.monotonic()
    run = _Run(matrix, campaign, outdir, options, fallback)
    todo: list[DesignSpec] = []
    for design, outs in matrix.outputs.items():
        keys = [run.keys.key(design, o.kind, options.level) for o in outs]
        if all(run.up_to_date(o, k) for o, k in zip(outs, keys, strict=True)):
            run.summary.skipped += len(outs)
        else:
            todo.append(design)
    total = run.summary.outputs
    done = run.summary.skipped
    if progress:
        progress(done, total)
    run.manifest.save()  # at once: the entries it dropped (files gone or changed) are gone from the record too
    pending: set[Future[DesignResult]] = set()
    queue = iter(todo)
    ahead = max(1, options.workers) * MAX_PENDING_PER_WORKER

    def submit_more() -> None:
        for design in queue:
            task = Task(campaign_folder, design, tuple(dict.fromkeys(o.kind for o in matrix.outputs[design])), options.level,
                        options.allow_findings, fallback, (run.keys.campaign_stamp(design), run.keys.inputs(design)["brand"]))
            pending.add(executor.submit(render_design, task))
            if len(pending) >= ahead:
                return

    try:
        submit_more()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                pending.discard(future)
                result = future.result()
                stored = _stopping(run.store, result)
                done += stored
                if on_result:
                    on_result(result, stored)
                if progress:
                    progress(done, total)
            submit_more()
    except BaseException:
        for future in pending:
            future.cancel()
        with suppress(InputError):  # on a full disk saving may fail too: the next run repairs the manifest
            run.manifest.save()  # what was written so far
        raise
    run.manifest.save()
    if options.review:
        languages = [campaign.source_language, *sorted({d.language for d in matrix.outputs} - {campaign.source_language})]
        review.write_review(outdir, run.manifest.outputs, f"{campaign.programme.name.source} ({campaign.id})", languages)
    run.tally()
    run.summary.seconds = time.monotonic() - start
    return run.summary
