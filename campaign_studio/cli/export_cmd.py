"""`campaign-studio export`: many designs in one run, checked, with a manifest and a review page.

The job comes from a job file, from options, or both (an option replaces the file's value for
its axis); with neither, the built-in campaign's full set. Exit 0 when every output is written,
1 when an output has error findings (it is not written unless --allow-findings), 2 for a bad job.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_studio.cli.common import EXIT_FINDINGS, EXIT_OK, count, open_campaign
from campaign_studio.export.names import KINDS, PLACEHOLDERS
from campaign_studio.model.diagnostics import Diagnostic, InputError

# The export machinery loads when the command runs: `--help` builds this parser without it.
if TYPE_CHECKING:
    from campaign_studio.export import matrix, runner

_AXIS_OPTIONS = (("templates", "--template", "-t", "template id"), ("formats", "--format", "-f", "format id"),
                 ("languages", "--lang", "-l", "language code"),
                 ("editions", "--edition", "-e", "edition folder (edition.yaml), brand id or brand-kit folder"),
                 ("stats", "--stat", None, "statistic id"), ("messages", "--message", None, "message id"),
                 ("statements", "--statement", None, "statement id"),
                 ("kinds", "--kind", "-k", "output kind: " + ", ".join(KINDS)))

JOB_HELP = """job file (YAML), every key optional:
  campaign: FOLDER          the campaign (default: the built-in national campaign)
  editions: all | [EDITION] edition folders (edition.yaml: a municipality's campaign, brand and
                            languages), shipped brand ids or brand-kit folders (default: national;
                            all: every shipped brand)
  templates: all | [ID]     (default: all)      formats: all | [ID]   (default: all)
  languages: all | [CODE]   (default: all)
  stats / messages / statements: all | [ID]    (default: each template's own subject)
  kinds: all | [png, pdf, print-pdf, alt, data] (default: png, pdf, alt, data)
  output: PATTERN           (default: {edition}/{lang}/{template}/{subject}-{format}.{ext})
  fallback: source | none   a missing translation shows the source text (default), or stops the design
png is made for social formats, pdf and print-pdf for print formats, data for designs with figures.
"""


def add_parser(sub: Any, sub_kw: dict[str, Any]) -> None:
    kw = {**sub_kw, "epilog": JOB_HELP + "\n" + sub_kw.get("epilog", "")}
    p = sub.add_parser("export", help="export many designs at once: checked, with a manifest and a review page",
                       description="Make every output a job asks for (template x format x language x edition x "
                       "subject x kind) in OUTDIR, with OUTDIR/manifest.json and OUTDIR/index.html.", **kw)
    p.add_argument("job", nargs="?", type=Path, metavar="JOB.yaml", help="job file (see below)")
    p.add_argument("-o", "--output", type=Path, metavar="OUTDIR", help="output folder (needed unless --list)")
    for _axis, option, short, what in _AXIS_OPTIONS:
        names = [option, short] if short else [option]
        if option == "--edition":
            names += ["--brand", "-b"]  # the older names: a brand kit is an edition of the job's campaign
        p.add_argument(*names, action="append", dest=f"axis_{_axis}", metavar="NAME",
                       help=f"{what}; repeat it or give 'all'")
    p.add_argument("--campaign", type=Path, metavar="DIR", help="campaign folder (default: the job's, else built-in)")
    p.add_argument("--pattern", metavar="PATTERN", help="output path pattern; placeholders "
                   + ", ".join("{" + n + "}" for n in PLACEHOLDERS))
    p.add_argument("--list", action="store_true", dest="list_only", help="print the matrix without making it")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: the number of CPUs)")
    p.add_argument("--executor", metavar="dask://HOST:PORT",
                   help="run the designs on a Dask cluster (needs campaign-studio[distributed]); default: local processes")
    p.add_argument("--force", action="store_true", help="make every output again, also unchanged ones")
    p.add_argument("--allow-findings", action="store_true",
                   help="write outputs even when an accessibility check reports an error")
    p.add_argument("--level", choices=("AA", "AAA"), default="AA", help="WCAG contrast level (default AA)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary; errors only")
    p.add_argument("--json", action="store_true", help="print a JSON summary object (the matrix with --list)")
    p.add_argument("--no-review", action="store_false", dest="review", help="do not write index.html")


def _usage(message: str) -> InputError:
    return InputError(Diagnostic("error", message, hint="see 'campaign-studio export --help'"))


def run(args: argparse.Namespace) -> int:
    from campaign_studio.export import executors, job, matrix, runner

    the_job = job.read_job(args.job) if args.job else job.ExportJob()
    the_job = job.with_options(the_job, {axis: getattr(args, f"axis_{axis}") for axis, *_ in _AXIS_OPTIONS},
                               campaign=args.campaign, pattern=args.pattern)
    if args.jobs is not None and not 1 <= args.jobs <= 256:
        raise _usage("--jobs must lie between 1 and 256")
    if not args.list_only and args.output is None:
        raise _usage("give the output folder with -o OUTDIR (or --list to see the matrix)")
    campaign = open_campaign(the_job.campaign, "export")
    made = matrix.expand(the_job, campaign)
    if args.list_only:
        return _list(made, args.json)
    if args.executor and not args.executor.startswith(executors.DASK_SCHEME):
        raise _usage(f"--executor {args.executor}: give dask://HOST:PORT (the address of a Dask scheduler)")
    outdir = runner.prepare_outdir(args.output)
    jobs = args.jobs or executors.default_jobs()
    with runner.export_lock(outdir), _executor(args.executor, jobs) as executor, \
            _progress(not args.quiet and not args.json and sys.stderr.isatty()) as progress:
        options = runner.RunOptions(force=args.force, allow_findings=args.allow_findings, level=args.level,
                                    workers=getattr(executor, "workers", jobs), review=args.review)
        summary = runner.run_export(made, campaign, the_job.campaign, outdir, executor, options,
                                    fallback=the_job.fallback, progress=progress)
    _report(summary, made, outdir, args)
    return EXIT_FINDINGS if summary.has_errors else EXIT_OK


def _executor(address: str | None, jobs: int) -> Executor:
    from campaign_studio.export import executors

    return executors.dask_executor(address) if address else executors.local_executor(jobs)


def _list(made: matrix.Matrix, as_json: bool) -> int:
    rows = [{"path": o.path, "edition": o.design.edition, "language": o.design.language, "template": o.design.template,
             "subject": o.design.subject, "format": o.design.format, "kind": o.kind} for o in made.all_outputs()]
    if as_json:
        print(json.dumps({"outputs": rows, "left_out": made.left_out}, ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        print(f"{row['path']}\t{row['edition']}\t{row['language']}\t{row['template']}\t{row['subject']}\t"
              f"{row['format']}\t{row['kind']}")
    for note in made.left_out:
        print(f"left out: {note}", file=sys.stderr)
    print(f"{count(len(rows), 'output')} from {count(len(made.outputs), 'design')}", file=sys.stderr)
    return EXIT_OK


@contextmanager
def _progress(show: bool) -> Iterator[runner.Progress | None]:
    """A progress bar on an interactive terminal: count, rate and time left (rich)."""
    if not show:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("exporting"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True)
    task = bar.add_task("export", total=None, rate="")
    first: list[tuple[int, float]] = []

    def update(done: int, total: int) -> None:
        now = bar.get_time()
        if not first:
            first.append((done, now))
        start_done, start = first[0]
        rate = (done - start_done) / (now - start) if now > start else 0.0
        bar.update(task, completed=done, total=total, rate=f"{rate:.1f} outputs/s" if rate else "")

    with bar:
        yield update


def _report(summary: runner.Summary, made: matrix.Matrix, outdir: Path, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({"outdir": str(outdir), **summary.record(), "left_out": made.left_out},
                         ensure_ascii=False, indent=1))
        return
    for label, d in summary.errors:
        where = f"{d['location']}: " if d["location"] else ""
        rule = f"{d['rule']} " if d["rule"] else ""
        print(f"{label}: {where}error: {rule}{d['message']}" + (f" ({d['hint']})" if d["hint"] else ""), file=sys.stderr)
    if args.quiet:
        return
    print(f"{outdir}: {count(summary.outputs, 'output')}: {summary.made} made, {summary.skipped} unchanged, "
          f"{summary.blocked} not written, in {summary.seconds:.1f} s")
    if summary.repaired:
        were = "was" if summary.repaired == 1 else "were"
        print(f"  repaired the manifest: {count(summary.repaired, 'file')} {were} missing or changed, made again")
    if summary.by_rule:
        print("findings by rule (designs with errors / warnings):")
        for rule, c in sorted(summary.by_rule.items()):
            print(f"  {rule:<16} {c['error']:>5} / {c['warning']}")
        print("findings by edition (designs with errors / warnings, of designs):")
        for edition, c in sorted(summary.by_edition.items()):
            print(f"  {edition:<24} {c['error']:>5} / {c['warning']} of {c['designs']}")
    if summary.blocked and not args.allow_findings:
        print("outputs with error findings were not written: fix them, or pass --allow-findings to write them anyway")
    if args.review:
        print(f"review page: {outdir / 'index.html'}")


