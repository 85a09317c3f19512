"""The rule registry: rules register with their id, name, reference and fix; run_checks runs them all."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, Location, Severity
from campaign_studio.model.formats import Format
from campaign_studio.model.pagetree import Page

Level = Literal["AA", "AAA"]


@dataclass(frozen=True)
class CheckContext:
    """What a rule may know besides the page tree: which design it is and the conformance level."""

    template: str
    format: Format
    language: str
    template_path: Path | None = None
    level: Level = "AA"

    @property
    def design(self) -> str:
        return f"{self.template} / {self.format.id} / {self.language}"


@dataclass(frozen=True)
class Finding:
    """What a rule reports; the registry adds the rule's id, reference, the design and the location."""

    message: str
    slot: str = ""
    severity: Severity = "error"
    hint: str = ""  # replaces the rule's general fix when the rule knows a concrete one


RuleFn = Callable[[Page, CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str  # stable: 'CS101'
    name: str  # 'text-contrast'
    reference: str  # 'WCAG 2.1 SC 1.4.3'
    fix: str
    fn: RuleFn


RULES: dict[str, Rule] = {}


def rule(id: str, name: str, reference: str, fix: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        if id in RULES:
            raise ValueError(f"rule id {id} registered twice")
        RULES[id] = Rule(id, name, reference, fix, fn)
        return fn

    return register


def to_diagnostic(r: Rule, finding: Finding, ctx: CheckContext) -> Diagnostic:
    return Diagnostic(
        finding.severity,
        f"{r.name}: {ctx.design}: {finding.message} [{r.reference}]",
        Location(ctx.template_path) if ctx.template_path else None,
        key_path=f"slots.{finding.slot}" if finding.slot else "",
        hint=finding.hint or r.fix,
        code=r.id,
    )


def run_checks(page: Page, ctx: CheckContext, only: Iterable[str] | None = None) -> Diagnostics:
    """Every registered rule (or those in `only`) over one page, in rule-id order."""
    from campaign_studio.checks import rules  # noqa: F401  (registers the rules)

    wanted = set(only) if only is not None else None
    out = Diagnostics()
    for rid in sorted(RULES):
        if wanted is not None and rid not in wanted:
            continue
        r = RULES[rid]
        out.extend(to_diagnostic(r, f, ctx) for f in r.fn(page, ctx))
    return out
