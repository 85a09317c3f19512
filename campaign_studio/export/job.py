"""An export job: which designs to make and where to put them, from a job file or from options.

Every axis (editions, templates, formats, languages, statistics, messages, statements,
kinds) is a list of names, `all`, or unset (its default). The job file is read through
content.yamlsource, so each wrong value is reported at its line; options given on the
command line replace the job file's value for their axis.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from campaign_studio.content.schema import INVALID, Choice, Field, Obj, Text
from campaign_studio.content.yamlsource import YMap, YScalar, YSeq, parse_yaml, read_text
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location

ALL = "all"
DEFAULT_PATTERN = "{edition}/{lang}/{template}/{subject}-{format}.{ext}"
# Social formats get a PNG, print formats a screen PDF and/or a printer's PDF; every design gets
# its text alternative, a design with figures its data table (the kinds: export/names.py).
DEFAULT_KINDS = ("png", "pdf", "alt", "data")
# Axis name in the job file -> the option that sets it on the command line.
AXES = {"editions": "--edition", "templates": "--template", "formats": "--format", "languages": "--lang",
        "stats": "--stat", "messages": "--message", "statements": "--statement", "kinds": "--kind"}


@dataclass(frozen=True)
class Axis:
    """One axis of the matrix: names (None: every known one) and where they were written."""

    names: tuple[str, ...] | None = None
    given: bool = False  # False: the axis's default
    locations: tuple[Location | None, ...] = ()  # one per name; the axis's own place for `all`
    where: Location | None = None

    @property
    def is_all(self) -> bool:
        return self.given and self.names is None

    def location(self, i: int) -> Location | None:
        return self.locations[i] if i < len(self.locations) and self.locations[i] else self.where


@dataclass(frozen=True)
class ExportJob:
    """What `campaign-studio export` makes. The campaign folder None is the built-in campaign."""

    campaign: Path | None = None
    axes: dict[str, Axis] = field(default_factory=lambda: {name: Axis() for name in AXES})
    pattern: str = DEFAULT_PATTERN
    pattern_location: Location | None = None
    fallback: bool = True  # a missing translation shows the source text (a warning) instead of stopping the design
    file: Path | None = None  # the job file, when there is one

    def axis(self, name: str) -> Axis:
        return self.axes.get(name, Axis())


def _names(node: Any, path: str, diags: Diagnostics) -> Axis | None:
    """`all`, one name, or a list of names."""
    if isinstance(node, YScalar) and isinstance(node.value, str) and node.value.strip() == ALL:
        return Axis(None, True, (), node.loc)
    if isinstance(node, YScalar) and isinstance(node.value, str | int | float) and not isinstance(node.value, bool):
        text = str(node.value).strip()
        if text:
            return Axis((text,), True, (node.loc,), node.loc)
    if isinstance(node, YSeq) and node.items:
        names, locs = [], []
        for i, item in enumerate(node.items):
            if not isinstance(item, YScalar) or item.value is None or isinstance(item.value, bool):
                diags.error("expected a name", item.loc, f"{path}[{i}]", "write one name per '- ' line")
                return None
            if str(item.value).strip() == ALL:
                return Axis(None, True, (), node.loc)
            names.append(str(item.value).strip())
            locs.append(item.loc)
        return Axis(tuple(names), True, tuple(locs), node.loc)
    diags.error("expected 'all', a name or a list of names", getattr(node, "loc", None), path,
                "write e.g. 'templates: all' or one '- name' per line")
    return None


_JOB = Obj({
    "campaign": Field(Text(max_length=4096), required=False),
    "output": Field(Text(max_length=1000), required=False),
    "fallback": Field(Choice(options=("source", "none")), required=False, default="source"),
    **{axis: Field(Obj(free_keys=True), required=False) for axis in AXES},  # checked by _names below
})


def read_job(path: Path) -> ExportJob:
    """The job in a YAML file; InputError (exit 2) with the file, line and fix for anything wrong."""
    root = parse_yaml(read_text(path, "job file"), path)
    if root is None:
        return ExportJob(file=path)
    if not isinstance(root, YMap):
        raise InputError(Diagnostic("error", "a job file is a mapping of keys (templates:, formats:, ...)",
                                    root.loc, hint="see 'campaign-studio export --help' for the keys"))
    diags = Diagnostics()
    plain = YMap(root.loc, {k: v for k, v in root.entries.items() if k not in AXES})
    data = _JOB.check(plain, "", diags)
    axes = {name: Axis() for name in AXES}
    for name in AXES:
        if name in root.entries:
            axis = _names(root.entries[name][1], name, diags)
            if axis is not None:
                axes[name] = axis
    if diags.has_errors or data is INVALID:
        raise InputError(diags.errors[0])
    campaign = None
    if data.get("campaign"):
        campaign = Path(data["campaign"])
        campaign = campaign if campaign.is_absolute() else path.parent / campaign
    job = ExportJob(campaign=campaign, axes=axes, file=path, fallback=data["fallback"] != "none")
    if data.get("output"):
        job = replace(job, pattern=data["output"], pattern_location=root.entries["output"][1].loc)
    return job


def with_options(job: ExportJob, options: dict[str, list[str] | None], *, campaign: Path | None = None,
                 pattern: str | None = None) -> ExportJob:
    """The job with the command line's choices: an option given replaces its axis; `all` means every name."""
    axes = dict(job.axes)
    for name, values in options.items():
        if not values:
            continue
        flat = [v.strip() for value in values for v in value.split(",") if v.strip()]
        axes[name] = Axis(None, True) if ALL in flat else Axis(tuple(dict.fromkeys(flat)), True)
    changed = replace(job, axes=axes)
    if campaign is not None:
        changed = replace(changed, campaign=campaign)
    if pattern is not None:
        changed = replace(changed, pattern=pattern, pattern_location=None)
    return changed
