"""Export speed: the built-in campaign's full set (every template x format x language) with 1 and 2 worker processes.

Reports per run: wall time, outputs and designs per second, parallel efficiency against one worker,
the cost of one design against laying it out and drawing it in this process, peak resident memory
per worker after the first 100 outputs and at the end, and a rerun with nothing changed.
Run with: .venv/bin/python bench/export_bench.py [--jobs 1 2] [--templates ...] [--languages ...]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from campaign_studio import pipeline
from campaign_studio.export import executors, job, matrix, runner
from campaign_studio.export.worker import DesignResult, Task, render_design
from campaign_studio.model.campaign import Campaign


def _single_cost(made: matrix.Matrix, sample: int = 24) -> float:
    """CPU seconds for one design done in this process, as a single render does it (layout, check, draw),
    averaged over a sample spread over the matrix (CPU time: other work on the machine does not count)."""
    designs = made.designs[:: max(1, len(made.designs) // sample)][:sample]
    render_design(Task(None, designs[0], tuple(o.kind for o in made.outputs[designs[0]])))  # fonts, templates loaded
    start = time.process_time()
    for design in designs:
        render_design(Task(None, design, tuple(o.kind for o in made.outputs[design])))
    return (time.process_time() - start) / len(designs)


class _Memory:
    """Peak resident memory per worker, after the first 100 outputs and at the end."""

    def __init__(self) -> None:
        self.early: dict[int, int] = {}
        self.late: dict[int, int] = {}
        self.cpu: dict[int, tuple[float, float]] = {}  # pid -> (CPU seconds at its first design, at its last)
        self.seen = 0

    def note(self, result: DesignResult, outputs: int) -> None:
        pid, rss, cpu = result.worker
        self.cpu[pid] = (self.cpu.get(pid, (cpu, cpu))[0], cpu)
        self.seen += outputs
        self.late[pid] = max(rss, self.late.get(pid, 0))
        if self.seen <= 100:
            self.early[pid] = self.late[pid]


def _run(made: matrix.Matrix, campaign: Campaign, outdir: Path, jobs: int) -> tuple[runner.Summary, _Memory, float]:
    memory = _Memory()
    start = time.perf_counter()
    with executors.process_pool(jobs) as pool:
        summary = runner.run_export(made, campaign, None, outdir, pool, runner.RunOptions(workers=jobs),
                                    on_result=memory.note)
    return summary, memory, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    for axis, option in (("templates", "--templates"), ("formats", "--formats"), ("languages", "--languages"),
                         ("kinds", "--kinds"), ("editions", "--brands")):
        parser.add_argument(option, nargs="+", dest=axis)
    args = parser.parse_args()
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    the_job = job.with_options(job.ExportJob(), {a: getattr(args, a) for a in
                                                 ("templates", "formats", "languages", "kinds", "editions")})
    made = matrix.expand(the_job, campaign)
    outputs = len(made.all_outputs())
    print(f"job: {outputs} outputs from {len(made.designs)} designs")
    single = _single_cost(made)
    print(f"one design in this process (layout, check, draw, thumbnail): {single * 1000:.0f} ms CPU (mean of a sample)")
    base: float | None = None
    for jobs in args.jobs:
        outdir = Path(tempfile.mkdtemp(prefix="export-bench-"))
        try:
            summary, memory, wall = _run(made, campaign, outdir, jobs)
            rate = outputs / wall
            per_design = wall * jobs / len(made.designs)
            base = base or wall * jobs
            efficiency = base / (wall * jobs) if jobs > 1 else 1.0
            print(f"--jobs {jobs}: {wall:.1f} s, {rate:.1f} outputs/s, {len(made.designs) / wall:.1f} designs/s, "
                  f"{per_design * 1000:.0f} ms a design per worker ({per_design / single:.2f}x a design in process), "
                  f"parallel efficiency {efficiency:.0%}")
            cpu = sum(last - first for first, last in memory.cpu.values())
            print(f"  CPU in the workers: {cpu:.1f} s, {cpu / len(made.designs) * 1000:.0f} ms a design "
                  f"({cpu / len(made.designs) / single:.2f}x a design in process)")
            for pid in sorted(memory.late):
                early = memory.early.get(pid, 0)
                print(f"  worker {pid}: peak {memory.late[pid] / 1024:.0f} MiB"
                      + (f" (after the first 100 outputs {early / 1024:.0f} MiB, +{(memory.late[pid] - early) / early:.0%})"
                         if early else ""))
            start = time.perf_counter()
            with executors.local_executor(jobs) as pool:
                again = runner.run_export(made, campaign, None, outdir, pool, runner.RunOptions(workers=jobs))
            print(f"  rerun with nothing changed: {time.perf_counter() - start:.2f} s "
                  f"({again.skipped} unchanged, {again.made} made)")
            assert summary.made == outputs - summary.blocked
        finally:
            shutil.rmtree(outdir, ignore_errors=True)


if __name__ == "__main__":
    main()
