"""Campaign Studio beside Inkscape: one-shot CLI renders, a batch in one process, the encode floor.

One interleaved run: every round runs each job once, in turn (the order rotates per
round), so a busy moment on the shared machine hits all of them alike; the tables are
medians over the rounds. Jobs:

- `python -c pass`, `campaign-studio --help`, `list stats`, `validate` as new processes;
- one-shot `render` of the women-men post-4x5 card (PNG) and the statistic-spotlight A3
  print PDF, each a new process;
- a batch in one process (a new process per round): 50 cards (resolve the design, lay
  it out, run the checks, encode: what `render` does apart from writing the file), the
  encode floor of each card (encode_png of the finished image, the same settings and
  metadata), then 20 A3 print PDFs; "steady" is the median after the first 5 cards / 2 PDFs;
- when `inkscape` is installed: Inkscape one-shot (new process) PNG and PDF of an
  equivalent SVG made from the same page trees (bench/page_svg.py), and Inkscape batched
  (one process, `--actions`): per card = (time of 50 − time of 1) / 49.

The load average before and after is printed with the results.
With --before PYTHON:DIR an older tree runs the same jobs in the same rounds (before/after).
Run with: .venv/bin/python bench/side_by_side.py [--rounds N] [--before PYTHON:DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CLI = [sys.executable, "-c", "import sys; from campaign_studio.cli.main import main; sys.argv[0] = 'campaign-studio'; main()"]
CARD = ["-t", "women-men", "-f", "post-4x5"]
POSTER = ["-t", "statistic-spotlight", "-f", "a3", "--print"]
BATCH_CARDS = 50
BATCH_PDFS = 20
CPU: dict[str, float] = {}  # median CPU ms per job, filled by main()


def batch_worker() -> None:
    """One process: BATCH_CARDS cards, their encode floors, BATCH_PDFS A3 print PDFs; JSON on stdout."""
    from campaign_studio import pipeline
    from campaign_studio.render.raster import encode_png, render_image

    start = time.perf_counter()
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None

    def job(template: str, fmt: str, kind: str, print_ready: bool = False) -> tuple[bytes, object]:
        design = pipeline.resolve_design(campaign, template, fmt, "nl")
        page, diags = pipeline.layout(design)
        assert page is not None and not diags.has_errors
        pipeline.check(page, design)
        return pipeline.render_bytes(page, kind, print_ready=print_ready, fmt=design.format), page

    cards, floors = [], []
    for _ in range(BATCH_CARDS):
        t0 = time.perf_counter()
        _, page = job("women-men", "post-4x5", "png")
        cards.append((time.perf_counter() - t0) * 1000)
        image = render_image(page)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        encode_png(image, page=page)  # type: ignore[arg-type]
        floors.append((time.perf_counter() - t0) * 1000)
    whole = (time.perf_counter() - start) * 1000
    pdfs = []
    for _ in range(BATCH_PDFS):
        t0 = time.perf_counter()
        job("statistic-spotlight", "a3", "pdf", print_ready=True)
        pdfs.append((time.perf_counter() - t0) * 1000)
    json.dump({"card_whole": whole / BATCH_CARDS, "card_first": cards[0], "card_steady": statistics.median(cards[5:]),
               "encode_floor": statistics.median(floors), "pdf_first": pdfs[0],
               "pdf_steady": statistics.median(pdfs[2:])}, sys.stdout)


def _page_trees() -> dict[str, object]:
    from campaign_studio import pipeline

    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    card, _ = pipeline.layout(pipeline.resolve_design(campaign, "women-men", "post-4x5", "nl"))
    poster, _ = pipeline.layout(pipeline.resolve_design(campaign, "statistic-spotlight", "a3", "nl"))
    return {"card": card, "poster": poster}


#: CPU time (user + system) of each command's last run, ms: on a loaded machine wall time waits for the CPU,
#: CPU time much less so
LAST_CPU: list[float] = [0.0]


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (use.ru_utime + use.ru_stime) * 1000


def _timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, str]:
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    ms = (time.perf_counter() - t0) * 1000
    LAST_CPU[0] = _cpu() - c0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:6])}... failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return ms, done.stdout


class Tree:
    """One Campaign Studio: the interpreter and the folder whose campaign_studio it imports (`-c` reads the cwd)."""

    def __init__(self, label: str, python: str, folder: Path, tmp: Path) -> None:
        self.label, self.python, self.folder, self.tmp = label, python, folder, tmp
        self.batches: list[dict[str, float]] = []

    def jobs(self) -> dict[str, Callable[[], float]]:
        cli = [self.python, *CLI[1:]]
        out = self.tmp / self.label

        def run(*args: str) -> Callable[[], float]:
            return lambda: _timed([*cli, *args], cwd=self.folder)[0]

        def batch() -> float:
            ms, text = _timed([self.python, str(Path(__file__).resolve()), "--batch-worker"], cwd=self.folder)
            self.batches.append(json.loads(text))
            return ms

        out.mkdir(exist_ok=True)
        return {f"{self.label}: --help": run("--help"), f"{self.label}: list stats": run("list", "stats"),
                f"{self.label}: validate": run("validate"),
                f"{self.label}: render card PNG": run("render", *CARD, "-o", str(out / "card.png")),
                f"{self.label}: render A3 print PDF": run("render", *POSTER, "-o", str(out / "a3.pdf")),
                f"{self.label}: batch process": batch}

    def report(self, med: dict[str, float], ink: dict[str, float]) -> list[str]:
        inside = {key: statistics.median(b[key] for b in self.batches) for key in self.batches[0]}

        def m(name: str) -> float:
            return med[f"{self.label}: {name}"]

        lines = [f"{self.label} ({self.folder})", "  new process each time              wall ms   CPU ms"]
        lines += [f"    {name:34} {m(name):7.1f}  {CPU[f'{self.label}: {name}']:7.1f}"
                  for name in ("--help", "list stats", "validate", "render card PNG", "render A3 print PDF")]
        lines += [f"  inside one process (batch of {BATCH_CARDS} cards, {BATCH_PDFS} A3 print PDFs)",
                  f"    card, whole batch / {BATCH_CARDS}              {inside['card_whole']:7.1f}",
                  f"    card, first                         {inside['card_first']:7.1f}",
                  f"    card, steady                        {inside['card_steady']:7.1f}",
                  f"    PNG encode floor of the card        {inside['encode_floor']:7.1f}",
                  f"    A3 print PDF, first                 {inside['pdf_first']:7.1f}",
                  f"    A3 print PDF, steady                {inside['pdf_steady']:7.1f}",
                  "  ratios and targets"]

        def target(label: str, value: float, limit: float, unit: str = "") -> str:
            return f"    {label:46} {value:7.2f}{unit}  target {'<=' if unit == 'x' else '<'} {limit:g}{unit}  " \
                   f"{'met' if value <= limit else 'MISSED'}"

        card = m("render card PNG")
        if ink:
            lines.append(target("one-shot card / Inkscape one-shot", card / ink["card"], 0.9, "x"))
            lines.append(target("one-shot A3 print PDF / Inkscape one-shot", m("render A3 print PDF") / ink["pdf"],
                                1.0, "x"))
            lines.append(target("card in a batch (steady) / Inkscape batched", inside["card_steady"] / ink["batched"],
                                0.4, "x"))
        lines.append(target("one-shot card (ms)", card, 200))
        lines.append(target("--help (ms)", m("--help"), 120))
        lines.append(target("list stats (ms)", m("list stats"), 120))
        lines.append(target("card in a batch (steady) / its encode floor", inside["card_steady"] / inside["encode_floor"],
                            1.3, "x"))
        lines.append(target("A3 print PDF in a batch, steady (ms)", inside["pdf_steady"], 10))
        return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--before", metavar="PYTHON:DIR",
                        help="also time an older tree in the same rounds: an interpreter that imports the old "
                             "campaign_studio when run in DIR (e.g. a venv whose .pth puts DIR first)")
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    parser.add_argument("--batch-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.batch_worker:
        batch_worker()
        return
    tmp = Path(tempfile.mkdtemp(prefix="cs-side-by-side-"))
    trees = [Tree("after" if args.before else "this tree", sys.executable, BENCH.parent, tmp)]
    if args.before:
        python, folder = args.before.split(":", 1)
        trees.insert(0, Tree("before", python, Path(folder).resolve(), tmp))
    jobs: dict[str, Callable[[], float]] = {"python -c pass": lambda: _timed([sys.executable, "-c", "pass"])[0]}
    for tree in trees:
        jobs.update(tree.jobs())
    inkscape = shutil.which("inkscape")
    if inkscape:
        sys.path.insert(0, str(BENCH))
        from page_svg import fontconfig_file, page_svg

        for name, page in _page_trees().items():
            (tmp / f"{name}.svg").write_text(page_svg(page), encoding="utf-8")  # type: ignore[arg-type]
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file(tmp)), "HOME": str(tmp),
               "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_CACHE_HOME": str(tmp / "cache")}

        def ink_batch(n: int) -> float:
            steps = [f"file-open:{tmp / 'card.svg'};export-dpi:72;export-filename:{tmp / f'ink{i}.png'};export-do;"
                     "file-close" for i in range(n)]
            return _timed([inkscape, f"--actions={';'.join(steps)}"], env)[0]

        jobs["inkscape card PNG"] = lambda: _timed([inkscape, str(tmp / "card.svg"), "--export-type=png",
                                                    "--export-dpi=72", f"--export-filename={tmp / 'ink.png'}"], env)[0]
        jobs["inkscape A3 PDF"] = lambda: _timed([inkscape, str(tmp / "poster.svg"), "--export-type=pdf",
                                                  f"--export-filename={tmp / 'ink.pdf'}"], env)[0]
        jobs["inkscape batch of 1"] = lambda: ink_batch(1)
        jobs[f"inkscape batch of {BATCH_CARDS}"] = lambda: ink_batch(BATCH_CARDS)
        jobs["inkscape card PNG"]()  # warm fontconfig's cache once
    load_before = os.getloadavg()
    times: dict[str, list[float]] = {name: [] for name in jobs}
    cpu: dict[str, list[float]] = {name: [] for name in jobs}
    names = list(jobs)
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            times[name].append(jobs[name]())
            cpu[name].append(LAST_CPU[0])
    load_after = os.getloadavg()
    med = {name: statistics.median(t) for name, t in times.items()}
    CPU.update({name: statistics.median(t) for name, t in cpu.items()})
    lines = [f"side by side, {args.rounds} interleaved rounds, medians; {os.cpu_count()} cores; load average "
             f"{load_before[0]:.2f}/{load_before[1]:.2f} before, {load_after[0]:.2f}/{load_after[1]:.2f} after "
             "(1 / 5 min)", "", f"python -c pass                         {med['python -c pass']:7.1f} ms wall, "
             f"{CPU['python -c pass']:5.1f} ms CPU"]
    ink: dict[str, float] = {}
    if inkscape:
        ink = {"card": med["inkscape card PNG"], "pdf": med["inkscape A3 PDF"],
               "batched": (med[f"inkscape batch of {BATCH_CARDS}"] - med["inkscape batch of 1"]) / (BATCH_CARDS - 1)}
        lines += [f"Inkscape one-shot card PNG              {ink['card']:7.1f} ms wall, "
                  f"{CPU['inkscape card PNG']:5.1f} ms CPU",
                  f"Inkscape one-shot A3 PDF (RGB, no PDF/X) {ink['pdf']:7.1f} ms wall, "
                  f"{CPU['inkscape A3 PDF']:5.1f} ms CPU",
                  f"Inkscape batched, per card              {ink['batched']:7.1f} ms"]
    else:
        lines.append("inkscape: not installed; the targets without Inkscape apply")
    for tree in trees:
        lines += ["", *tree.report(med, ink)]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
