"""Run the real command line on mutated inputs and check what must always hold.

A Case is one command (argv) plus the mutations (Ops) made to a fresh workspace before it
runs. The workspace holds a campaign made by `init`, a brand kit with a logo, exported PO
and XLIFF files and an output folder; template cases also get a data folder
(CAMPAIGN_STUDIO_HOME) with copied templates, because templates only come from there.

Most runs call the CLI's entry point `main()` in this process (argv patched, stdout and
stderr captured, SystemExit caught); a share runs in real subprocesses. After each run:
exit code 0, 1 or 2 (never 3), no traceback, no temporary file left, nothing changed
when the exit code is not 0, and only the expected files changed when it is 0; a run
that takes longer than RUN_TIMEOUT is a failure.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mutators import Op

import campaign_studio
from campaign_studio.cli.main import main
from campaign_studio.content import design_loader, formats_loader, logos

WORKTREE = Path(campaign_studio.__file__).resolve().parent.parent
RUN_TIMEOUT = 10.0  # seconds per run: a failure condition, not a speed test
HOME_VAR = "CAMPAIGN_STUDIO_HOME"


class RunTimeout(BaseException):
    """Raised by the alarm in an in-process run that takes too long (not an Exception: the CLI must not catch it)."""


@dataclass
class Case:
    reader: str
    argv: list[str]  # "{ws}" and "{home}" are replaced by the run's folders
    ops: list[Op] = field(default_factory=list)
    home: bool = False  # run with CAMPAIGN_STUDIO_HOME pointing at the copied data folder
    on_home: bool = False  # the ops change the data folder, not the workspace
    may_change: tuple[str, ...] = ()  # workspace paths (or folders) a successful run may write
    output: str | None = None  # a workspace path that a successful run must have written
    subprocess: bool = False
    targets: tuple[str, ...] = ()  # the files the ops change, for showing a diff


@dataclass
class Outcome:
    code: int | str | None
    out: str
    err: str
    seconds: float
    timed_out: bool = False


@dataclass
class Violation:
    case: Case
    problems: list[str]
    outcome: Outcome
    signature: str
    where: str = ""  # the innermost campaign_studio frame of an internal error (from a --debug rerun)


# --- the fixed inputs every run starts from --------------------------------------------------------------

class Pristine:
    """The valid files mutations start from, made once per session under `base`."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.source = base / "pristine"
        self.home = base / "home"
        campaign = self.source / "campaign"
        self.source.mkdir()
        code = run_quiet(["init", str(campaign)])
        assert code == 0, "init failed"
        shutil.copytree(WORKTREE / "assets" / "brands" / "gemeente-voorbeeld", self.source / "brand")
        (self.source / "in").mkdir()
        for lang in ("en", "ar"):
            for suffix in ("po", "xlf"):
                code = run_quiet(["translations", "export", "-l", lang, "--campaign", str(campaign),
                                  "-o", str(self.source / "in" / f"{lang}.{suffix}")])
                assert code == 0, f"export {lang}.{suffix} failed"
        (self.source / "out").mkdir()
        (self.source / "out" / "existing.txt").write_text("not an image\n")
        (self.source / "out" / "folder.png").mkdir()
        (self.source / "out" / "folder").mkdir()  # an empty folder: init may fill it
        self.home.mkdir()
        (self.home / "assets").symlink_to(WORKTREE / "assets", target_is_directory=True)
        (self.home / "translations").symlink_to(WORKTREE / "translations", target_is_directory=True)
        self.home_templates = base / "pristine-templates"
        shutil.copytree(WORKTREE / "templates", self.home_templates)
        self.count = 0

    def workspace(self) -> Path:
        self.count += 1
        ws = self.base / f"run-{self.count}"
        shutil.copytree(self.source, ws, symlinks=True)
        (ws / "tmp").mkdir()
        return ws

    def reset_home(self) -> None:
        shutil.rmtree(self.home / "templates", ignore_errors=True)
        shutil.copytree(self.home_templates, self.home / "templates")

    def pristine_file(self, case: Case, rel: str) -> bytes | None:
        path = (self.home_templates / rel.removeprefix("templates/")) if case.on_home else self.source / rel
        return path.read_bytes() if path.is_file() else None


def run_quiet(argv: list[str]) -> int | str | None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main_argv(argv)
        except SystemExit as exc:
            return exc.code
    return None


def main_argv(argv: list[str]) -> None:
    saved = sys.argv
    sys.argv = ["campaign-studio", *argv]
    try:
        main()
    finally:
        sys.argv = saved


# --- running ---------------------------------------------------------------------------------------------

def clear_data_caches() -> None:
    """The loaders cache what they read from the data folder by its path; a new process would start empty."""
    logos.forget_decoded()  # decoded logos must not outlive their run
    design_loader.load_styles.cache_clear()
    design_loader._load_templates_cached.cache_clear()
    formats_loader.load_formats.cache_clear()


@contextlib.contextmanager
def _environment(ws: Path, home: Path | None) -> Iterator[None]:
    saved_cwd, saved_tmp, saved_home = os.getcwd(), tempfile.tempdir, os.environ.get(HOME_VAR)
    os.chdir(ws)
    tempfile.tempdir = str(ws / "tmp")
    if home is not None:
        os.environ[HOME_VAR] = str(home)
    clear_data_caches()
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        tempfile.tempdir = saved_tmp
        if home is not None:
            if saved_home is None:
                os.environ.pop(HOME_VAR, None)
            else:
                os.environ[HOME_VAR] = saved_home
        clear_data_caches()


def _alarm(_signum: int, _frame: object) -> None:
    raise RunTimeout


def run_in_process(argv: list[str], ws: Path, home: Path | None) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = None
    timed_out = False
    previous = signal.signal(signal.SIGALRM, _alarm)
    start = time.perf_counter()
    try:
        with _environment(ws, home), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                warnings.catch_warnings(record=True) as caught:
            # as a fresh interpreter would: warnings shown once, deprecations hidden
            warnings.simplefilter("default")
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            signal.setitimer(signal.ITIMER_REAL, RUN_TIMEOUT)
            try:
                main_argv(argv)
            except SystemExit as exc:
                code = exc.code
            except RunTimeout:
                timed_out = True
            except BaseException:  # escaped the CLI: the interpreter would print this and exit 1
                code = "uncaught exception"
                err.write(traceback.format_exc())
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        for w in caught:
            err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno))
    finally:
        signal.signal(signal.SIGALRM, previous)
    return Outcome(code, out.getvalue(), err.getvalue(), time.perf_counter() - start, timed_out)


def run_subprocess(argv: list[str], ws: Path, home: Path | None) -> Outcome:
    env = {k: v for k, v in os.environ.items() if k != HOME_VAR}
    env.update(PYTHONPATH=str(WORKTREE), TMPDIR=str(ws / "tmp"), PYTHONDONTWRITEBYTECODE="1")
    if home is not None:
        env[HOME_VAR] = str(home)
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "campaign_studio", *argv], cwd=ws, env=env, capture_output=True,
                              timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, _text(exc.stdout), _text(exc.stderr), time.perf_counter() - start, timed_out=True)
    return Outcome(done.returncode, _text(done.stdout), _text(done.stderr), time.perf_counter() - start)


def _text(data: bytes | str | None) -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data or ""


# --- checking ---------------------------------------------------------------------------------------------

def tree_state(folder: Path) -> dict[str, str]:
    """Every entry under folder by relative path: a hash of a file's bytes, a link's target, or 'dir'."""
    state: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                state[rel] = "link:" + os.readlink(path)
            elif path.is_dir():
                state[rel] = "dir"
            elif path.is_file():
                state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                state[rel] = "special"
        dirnames[:] = [d for d in dirnames if not (Path(dirpath) / d).is_symlink()]
    return state


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


_RAW_WARNING = re.compile(r"^\S+:\d+: (\w*Warning): ", re.MULTILINE)  # warnings.formatwarning's "file:line: Category: "
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-", ".po": b"", ".xlf": b"<?xml"}


def _sidecars(output: str) -> Iterator[str]:
    """The files a render writes beside its output (NAME.alt.txt, NAME.data.csv)."""
    stem, dot, ext = output.rpartition(".")
    if dot and ext.lower() in ("png", "pdf"):
        yield from (f"{stem}.alt.txt", f"{stem}.data.csv")


def violations(case: Case, outcome: Outcome, changes: list[str], ws: Path) -> list[str]:
    problems = []
    if outcome.timed_out:
        problems.append(f"did not finish within {RUN_TIMEOUT:g} s")
    elif outcome.code not in (0, 1, 2):
        problems.append(f"exit code {outcome.code}")
    if outcome.code in (1, 2) and "error" not in outcome.err:
        problems.append(f"exit {outcome.code} without an error message on stderr")
    if "Traceback (most recent call last)" in outcome.err:
        problems.append("traceback on stderr")
    raw = _RAW_WARNING.search(outcome.err)
    if raw:
        problems.append(f"a raw Python warning on stderr ({raw.group(1)})")
    left = [c for c in changes if c.startswith("tmp/")]
    if left:
        problems.append(f"temporary files left: {left[:3]}")
    changes = [c for c in changes if not c.startswith("tmp/")]
    if outcome.code != 0 and not outcome.timed_out and changes:
        problems.append(f"exit {outcome.code} but files changed: {changes[:5]}")
    if outcome.code == 0:
        allowed = [*case.may_change, *(side for a in case.may_change for side in _sidecars(a))]
        unexpected = [c for c in changes if not any(c == a or c.startswith(a + "/") for a in allowed)]
        if unexpected:
            problems.append(f"exit 0 but unexpected files changed: {unexpected[:5]}")
        if case.output:
            written = ws / case.output
            magic = MAGIC.get(written.suffix.lower(), b"")
            if not written.is_file() or not written.read_bytes().startswith(magic):
                problems.append(f"exit 0 but {case.output} is not a written {written.suffix} file")
    return problems


_INTERNAL = re.compile(r"internal error: (\w+)")


def signature(case: Case, problems: list[str], outcome: Outcome) -> str:
    """What makes two failures the same bug: the reader, the broken rule and the exception's type."""
    kinds = [re.sub(r"[:(\[].*", "", p).strip() for p in problems]
    found = _INTERNAL.search(outcome.err)
    exc = found.group(1) if found else ""
    return f"{case.reader}: {', '.join(kinds)}" + (f" ({exc})" if exc else "")


def innermost_frame(err: str) -> str:
    """The last 'File .../campaign_studio/...' frame of a traceback, as 'module.py:line in function'."""
    frames = re.findall(r'File "([^"]*campaign_studio[^"]*)", line (\d+), in (\S+)', err)
    frames = [f for f in frames if "/cli/main.py" not in f[0]] or frames
    if not frames:
        return ""
    file, line, func = frames[-1]
    return f"{Path(file).relative_to(WORKTREE) if Path(file).is_relative_to(WORKTREE) else file}:{line} in {func}"


class Runner:
    """Runs cases in fresh workspaces and checks them."""

    def __init__(self, pristine: Pristine) -> None:
        self.pristine = pristine

    def expand(self, argv: list[str], ws: Path) -> list[str]:
        return [a.replace("{ws}", str(ws)).replace("{home}", str(self.pristine.home)) for a in argv]

    def run(self, case: Case, ops: list[Op] | None = None, extra: tuple[str, ...] = (),
            force_in_process: bool = False) -> tuple[list[str], Outcome, Path]:
        ws = self.pristine.workspace()
        home = self.pristine.home if case.home else None
        if case.home:
            self.pristine.reset_home()
        for op in case.ops if ops is None else ops:
            op.apply(self.pristine.home if case.on_home else ws)
        before = tree_state(ws)
        home_before = tree_state(self.pristine.home / "templates") if case.home else {}
        argv = self.expand(case.argv, ws) + list(extra)
        use_subprocess = case.subprocess and not force_in_process
        outcome = (run_subprocess if use_subprocess else run_in_process)(argv, ws, home)
        changes = changed(before, tree_state(ws))
        if case.home:
            changes += [f"home/templates/{c}" for c in changed(home_before, tree_state(self.pristine.home / "templates"))]
        return violations(case, outcome, changes, ws), outcome, ws

    def check(self, case: Case) -> tuple[Violation | None, Outcome]:
        problems, outcome, ws = self.run(case)
        self.discard(ws)
        if not problems:
            return None, outcome
        return Violation(case, problems, outcome, signature(case, problems, outcome)), outcome

    def discard(self, ws: Path) -> None:
        shutil.rmtree(ws, ignore_errors=True)

    def explain(self, violation: Violation, budget: int = 12) -> Violation:
        """Shrink the case's ops to the fewest that still fail the same way, then find where (rerun with --debug)."""
        ops = list(violation.case.ops)
        if violation.outcome.timed_out:
            budget = 0  # each try would take the whole time limit again; the report shows all the mutations
        i = 0
        while i < len(ops) and budget > 0 and len(ops) > 1:
            trial = ops[:i] + ops[i + 1:]
            budget -= 1
            problems, outcome, ws = self.run(violation.case, trial)
            self.discard(ws)
            if problems and signature(violation.case, problems, outcome) == violation.signature:
                ops = trial
                violation = Violation(violation.case, problems, outcome, violation.signature)
            else:
                i += 1
        violation.case = Case(**{**violation.case.__dict__, "ops": ops})
        if _INTERNAL.search(violation.outcome.err) or "Traceback" in violation.outcome.err:
            _p, debug_outcome, ws = self.run(violation.case, extra=("--debug",), force_in_process=True)
            self.discard(ws)
            violation.where = innermost_frame(debug_outcome.err + violation.outcome.err)
            if violation.where:
                violation.signature += f" at {violation.where}"
        return violation

    def describe(self, violation: Violation, replay: str) -> str:
        case = violation.case
        lines = [f"* {violation.signature}", f"  replay: {replay}",
                 f"  problems: {'; '.join(violation.problems)}",
                 f"  command: campaign-studio {' '.join(_short(a) for a in case.argv)}" + (f"  [{HOME_VAR}]" if case.home else "")
                 + ("  (subprocess)" if case.subprocess else ""),
                 "  mutations: " + " | ".join(op.label for op in case.ops)]
        err = [line for line in violation.outcome.err.splitlines() if line.strip()][-3:]
        lines += [f"  stderr: {line[:300]}" for line in err]
        lines += ["  " + line for line in self.diff(case)]
        return "\n".join(lines)

    def diff(self, case: Case, limit: int = 16) -> list[str]:
        """The mutated input beside the pristine one (text), or their sizes (binary)."""
        ws = self.pristine.workspace()
        if case.home:
            self.pristine.reset_home()
        root = self.pristine.home if case.on_home else ws
        for op in case.ops:
            op.apply(root)
        shown: list[str] = []
        for rel in case.targets:
            old = self.pristine.pristine_file(case, rel) or b""
            path = root / rel
            new = path.read_bytes() if path.is_file() else b""
            try:
                a, b = old.decode("utf-8").splitlines(), new.decode("utf-8").splitlines()
            except UnicodeDecodeError:
                shown.append(f"{rel}: {len(old)} -> {len(new)} bytes, starts {new[:24]!r}")
                continue
            delta = [line[:200] for line in difflib.unified_diff(a, b, rel, rel + " (mutated)", n=0, lineterm="")]
            shown += delta[:limit] + (["..."] if len(delta) > limit else [])
        self.discard(ws)
        if case.home:
            self.pristine.reset_home()
        return shown


def _short(arg: str, limit: int = 100) -> str:
    shown = arg if arg.isprintable() else repr(arg)
    return shown if len(shown) <= limit else f"{shown[:limit]}...({len(arg)} characters)"

