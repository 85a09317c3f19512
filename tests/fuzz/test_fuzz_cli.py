"""Fuzz every reader through the real command line: mutated valid files never crash, hang or half-write.

Each reader (campaign.yaml, brand.yaml, template YAML, PO, XLIFF, logo images, output
paths) gets a fixed number of seeded cases in CI. `make fuzz` runs longer:
FUZZ_SECONDS (a total time budget shared by the readers) or FUZZ_RUNS (cases per
reader), FUZZ_SEED (default "ci"; "random" picks one and prints it), FUZZ_READERS
(comma-separated names), FUZZ_REPLAY=reader:run (one case of a report again). Every run
is checked by fuzzkit.violations; a failure names the broken rule, the exception and
where it was raised, the shrunk mutations and how to replay them. Every crash found becomes a named case in test_regressions.py.
"""

from __future__ import annotations

import itertools
import os
import random
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from fuzzkit import Pristine, Runner, Violation
from readers import READERS

# Cases per reader in CI: about 30 s on an idle 2-core machine, under two minutes on a busy one.
CI_RUNS = {"campaign": 120, "brand": 90, "template": 90, "po": 90, "xliff": 90, "logo": 30, "output": 60}
SUBPROCESS_EVERY = 25  # run 0, 25, 50, ... of each reader goes through a real `python -m campaign_studio`
# Shrink and locate at most this many failures of one kind: in a long run a second one may show another place.
EXPLAIN_PER_KIND = 3 if os.environ.get("FUZZ_SECONDS") or os.environ.get("FUZZ_RUNS") else 1

KNOWN: dict[str, str] = {}  # readers with a known, not yet fixed class of crash: none


def _seed() -> str:
    seed = os.environ.get("FUZZ_SEED", "ci")
    if seed == "random":
        seed = str(random.SystemRandom().randrange(10 ** 9))
        os.environ["FUZZ_SEED"] = seed
        print(f"FUZZ_SEED={seed}")
    return seed


SEED = _seed()


def _selected() -> list[str]:
    if os.environ.get("FUZZ_REPLAY"):  # "reader:run", as a failure report gives it
        return [os.environ["FUZZ_REPLAY"].split(":")[0]]
    wanted = os.environ.get("FUZZ_READERS")
    return [r for r in READERS if not wanted or r in wanted.split(",")]


def _runs(reader: str) -> Iterator[int]:
    """Run indexes for this reader: a count (CI, FUZZ_RUNS) or until its share of FUZZ_SECONDS is used."""
    if os.environ.get("FUZZ_REPLAY"):
        return iter([int(os.environ["FUZZ_REPLAY"].split(":")[1])])
    if os.environ.get("FUZZ_SECONDS"):
        deadline = time.monotonic() + float(os.environ["FUZZ_SECONDS"]) / len(_selected())
        return itertools.takewhile(lambda _i: time.monotonic() < deadline, itertools.count())
    return iter(range(int(os.environ.get("FUZZ_RUNS") or CI_RUNS[reader])))


def fuzz(reader: str, pristine: Pristine) -> tuple[Counter[str], list[Violation]]:
    """Run the reader's cases; the exit codes seen, and one shrunk and located failure per kind."""
    runner = Runner(pristine)
    explained: dict[str, int] = {}
    found: dict[str, Violation] = {}
    codes: Counter[str] = Counter()
    for i in _runs(reader):
        case = READERS[reader](random.Random(f"{SEED}/{reader}/{i}"), i)
        case.subprocess = i % SUBPROCESS_EVERY == 0
        violation, outcome = runner.check(case)
        codes["timeout" if outcome.timed_out else f"exit {outcome.code}"] += 1
        if violation is None or explained.get(violation.signature, 0) >= EXPLAIN_PER_KIND:
            continue
        explained[violation.signature] = explained.get(violation.signature, 0) + 1
        violation = runner.explain(violation)
        violation.replay = f"FUZZ_SEED={SEED} FUZZ_REPLAY={reader}:{i}"  # type: ignore[attr-defined]
        found.setdefault(violation.signature, violation)
    return codes, list(found.values())


@pytest.mark.parametrize("reader", [
    pytest.param(r, marks=pytest.mark.xfail(strict=False, reason=KNOWN[r])) if r in KNOWN else r
    for r in READERS
])
def test_reader_survives_mutated_input(reader: str, pristine: Pristine) -> None:
    if reader not in _selected():
        pytest.skip("not in FUZZ_READERS")
    codes, found = fuzz(reader, pristine)
    count = sum(codes.values())
    runner = Runner(pristine)
    report = "\n".join(runner.describe(v, v.replay) for v in found)  # type: ignore[attr-defined]
    print(f"\n{reader}: {count} runs ({', '.join(f'{k}: {n}' for k, n in sorted(codes.items()))}), "
          f"{len(found)} kinds of failure")
    assert not found, f"{reader}: {len(found)} kinds of failure in {count} runs\n{report}"
