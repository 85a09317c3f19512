"""OUTDIR/index.html: one self-contained page a reviewer approves an export from.

One entry per design (its files linked: PNG or PDF, printer's PDF, text alternative, data),
grouped by edition and language, with its thumbnail, text alternative and findings; a filter
by edition, language, template and findings (a few lines of inline script; without script
every entry shows); and per edition an approval checklist that prints on its own. Nothing is
loaded from elsewhere: the style and script are inline, the thumbnails lie in OUTDIR/review/.
Right-to-left languages are shown right to left; the page's colours pass WCAG AA.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from campaign_studio.content import files
from campaign_studio.content.languages import language_info

REVIEW_FOLDER = "review"
INDEX_NAME = "index.html"
# The page's colours: every text colour against the background it is on (tests hold them to 4.5:1).
COLOURS = {"text": "#1b1f24", "background": "#ffffff", "muted": "#4a5360", "link": "#0a4f9e", "error": "#a3000b",
           "warning": "#7a4a00", "ok": "#1d6b2f", "panel": "#f1f3f6", "focus": "#0a4f9e"}
TEXT_PAIRS = (("text", "background"), ("muted", "background"), ("link", "background"), ("error", "background"),
              ("warning", "background"), ("ok", "background"), ("text", "panel"), ("muted", "panel"),
              ("link", "panel"), ("error", "panel"), ("warning", "panel"), ("ok", "panel"))
_KIND_LABELS = {"png": "PNG", "pdf": "PDF", "print-pdf": "print PDF", "alt": "text alternative", "data": "data (CSV)"}
_KIND_ORDER = tuple(_KIND_LABELS)
CHECKLIST = ("Every text reads correctly in each language (names, numbers, contact details).",
             "Figures, years and sources match the approved data.",
             "The helpline and local contacts are right for this edition.",
             "Logos and colours are the edition's own.",
             "Findings below are fixed, or accepted with a reason.")


def thumbnail_path(sha256: str) -> str:
    """Where a thumbnail lies, by its content: the same picture is made and stored once."""
    return f"{REVIEW_FOLDER}/{sha256[:24]}.jpg"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_ISOLATE = re.compile("\u2066([^\u2066\u2069]*)\u2069")


def _text(text: str) -> str:
    """Escaped text; a left-to-right isolate (a number in right-to-left text) becomes a <bdi> kept on one line."""
    return _ISOLATE.sub(lambda m: f'<bdi dir="ltr" class="nowrap">{m.group(1)}</bdi>', _e(text))


def _design_key(entry: dict[str, Any]) -> tuple[str, ...]:
    return (entry["edition"], entry["language"], entry["template"], entry["subject"], entry["format"])


def designs(outputs: dict[str, dict[str, Any]]) -> dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]]:
    """The manifest's outputs by design, in a stable order."""
    found: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for path, entry in sorted(outputs.items()):
        found[_design_key(entry)].append((path, entry))
    for files_ in found.values():
        files_.sort(key=lambda pe: _KIND_ORDER.index(pe[1]["kind"]) if pe[1]["kind"] in _KIND_ORDER else 99)
    return dict(sorted(found.items()))


def _findings_state(entry: dict[str, Any]) -> str:
    severities = {d["severity"] for d in entry["diagnostics"]}
    return "error" if "error" in severities else "warning" if "warning" in severities else "none"


def _entry(files_: list[tuple[str, dict[str, Any]]]) -> str:
    first = files_[0][1]
    lang = first["language"]
    direction = language_info(lang).direction
    state = _findings_state(first)
    title = f"{first['template']} · {first['subject']} · {first['format']}"
    thumb = next((e["thumbnail"] for _p, e in files_ if e.get("thumbnail")), None)
    written = [(p, e) for p, e in files_ if e["written"]]
    picture = (f'<img src="{_e(quote(thumb))}" alt="{_e(first["alt"])}" loading="lazy" width="320">' if thumb
               else '<p class="nothumb">no picture: the design could not be laid out</p>')
    links = "".join(f'<li><a href="{_e(quote(p))}">{_e(_KIND_LABELS.get(e["kind"], e["kind"]))}</a></li>'
                    for p, e in written)
    missing = [e["kind"] for _p, e in files_ if not e["written"]]
    if missing:
        links += f'<li class="error">not written: {_e(", ".join(_KIND_LABELS.get(k, k) for k in missing))}</li>'
    findings = "".join(
        f'<li class="{_e(d["severity"])}"><strong>{_e(d["severity"])}</strong> '
        f'{_e((d["rule"] + " ") if d["rule"] else "")}{_e(d["message"])}'
        + (f' <span class="hint">({_e(d["hint"])})</span>' if d["hint"] else "") + "</li>"
        for d in first["diagnostics"])
    status = {"error": "errors", "warning": "warnings", "none": "no findings"}[state]
    return (
        f'<article class="design" data-edition="{_e(first["edition"])}" data-lang="{_e(lang)}" '
        f'data-template="{_e(first["template"])}" data-subject="{_e(first["subject"])}" data-format="{_e(first["format"])}" '
        f'data-findings="{state}" aria-label="{_e(title)}">'
        f'<h4 dir="ltr" lang="en">{_e(title)}</h4>{picture}'
        '<p class="label" lang="en" dir="ltr">Text alternative</p>'
        f'<p class="alt" lang="{_e(lang)}" dir="{direction}">{_text(first["alt"]) or "<em>none</em>"}</p>'
        f'<p class="state {state}" lang="en" dir="ltr">{status}</p>'
        + (f'<details lang="en" dir="ltr"><summary>{len(first["diagnostics"])} finding(s)</summary><ul class="findings">'
           f'{findings}</ul></details>' if findings else "")
        + f'<ul class="files" lang="en" dir="ltr">{links}</ul></article>')


_STYLE = """
:root{--text:%(text)s;--bg:%(background)s;--muted:%(muted)s;--link:%(link)s;--error:%(error)s;--warning:%(warning)s;
--ok:%(ok)s;--panel:%(panel)s;--focus:%(focus)s}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:var(--text);background:var(--bg)}
header,main,section.checklist{padding:0 1rem;max-width:90rem;margin:0 auto}
a{color:var(--link)}
a:focus,select:focus,button:focus,summary:focus{outline:3px solid var(--focus);outline-offset:2px}
.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;background:var(--panel);padding:.75rem;border-radius:.4rem}
.filters label{display:flex;flex-direction:column;font-weight:600}
select,button{font:inherit;min-height:2.75rem;padding:.25rem .5rem;color:var(--text);background:var(--bg);
border:1px solid var(--muted);border-radius:.3rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%%,17rem),1fr));gap:1rem;padding:0;
list-style:none}
.design{background:var(--panel);border-radius:.4rem;padding:.75rem;overflow-wrap:anywhere}
.design h4{margin:0 0 .5rem;font-size:1rem}
.design img{display:block;width:100%%;height:auto;border:1px solid var(--muted)}
.alt{font-size:.95rem;margin-top:0}.label{margin:.5rem 0 0;font-size:.85rem}.label,.hint{color:var(--muted)}
.campaign{font-weight:600;font-size:1.1rem}.nowrap{white-space:nowrap}
.state{font-weight:700;margin:.25rem 0}.state.error,.findings .error,li.error{color:var(--error)}
.state.warning,.findings .warning{color:var(--warning)}.state.none{color:var(--ok)}
.files{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
.files a{display:inline-block;padding:.35rem 0;min-height:2.75rem}
.findings{padding-left:1.2rem;font-size:.9rem}
[hidden]{display:none!important}
.checklist ul{list-style:none;padding:0}.checklist li{margin:.4rem 0}
.sign{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem;max-width:32rem}
.sign span{border-bottom:1px solid var(--text);min-height:1.5rem}
@media print{.filters,.design,.lang-group h3,#count{display:none}.checklist{break-after:page}}
"""

_SCRIPT = """
(function(){
  var form=document.getElementById('filters');if(!form)return;
  var entries=[].slice.call(document.querySelectorAll('article.design'));
  var count=document.getElementById('count');
  function apply(){
    var f={edition:form.edition.value,lang:form.lang.value,template:form.template.value,findings:form.findings.value};
    var shown=0;
    entries.forEach(function(a){
      var ok=(!f.edition||a.dataset.edition===f.edition)&&(!f.lang||a.dataset.lang===f.lang)&&
        (!f.template||a.dataset.template===f.template)&&(!f.findings||a.dataset.findings===f.findings||
        (f.findings==='any'&&a.dataset.findings!=='none'));
      a.hidden=!ok;if(ok)shown++;
    });
    [].slice.call(document.querySelectorAll('.lang-group,.edition-group')).forEach(function(g){
      g.hidden=!g.querySelector('article.design:not([hidden])');
    });
    count.textContent=shown+' of '+entries.length+' designs shown';
  }
  form.addEventListener('change',apply);
  form.addEventListener('reset',function(){setTimeout(apply,0);});
  form.addEventListener('submit',function(e){e.preventDefault();apply();});
  apply();
})();
"""


def _options(name: str, label: str, values: list[str], extra: tuple[tuple[str, str], ...] = ()) -> str:
    opts = '<option value="">all</option>' + "".join(f'<option value="{_e(v)}">{_e(t)}</option>' for v, t in extra) \
        + "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
    return f'<label for="f-{name}">{_e(label)}<select id="f-{name}" name="{name}">{opts}</select></label>'


def _checklist(edition: str, count: int) -> str:
    items = "".join(f'<li><label><input type="checkbox"> {_e(item)}</label></li>' for item in CHECKLIST)
    return (f'<section class="checklist" aria-labelledby="check-{_e(edition)}"><h3 id="check-{_e(edition)}">Approval '
            f'checklist: {_e(edition)} ({count} designs)</h3><ul>{items}</ul>'
            '<div class="sign"><strong>Approved by</strong><span></span><strong>Date</strong><span></span>'
            '<strong>Signature</strong><span></span></div></section>')


def _ordered(found: set[str], order: list[str]) -> list[str]:
    return [v for v in order if v in found] + sorted(found - set(order))


def render_review(outputs: dict[str, dict[str, Any]], campaign: str, languages_order: list[str] | None = None) -> str:
    """The review page's HTML for a manifest's outputs; languages in `languages_order` (the campaign's) first."""
    by_design = designs(outputs)
    editions = sorted({k[0] for k in by_design})
    languages = _ordered({k[1] for k in by_design}, languages_order or [])
    templates = sorted({k[2] for k in by_design})
    errors = sum(1 for f in by_design.values() if _findings_state(f[0][1]) == "error")
    warnings = sum(1 for f in by_design.values() if _findings_state(f[0][1]) == "warning")
    body = []
    for edition in editions:
        in_edition = {k: v for k, v in by_design.items() if k[0] == edition}
        parts = [f'<section class="edition-group" aria-labelledby="ed-{_e(edition)}"><h2 id="ed-{_e(edition)}">'
                 f'Edition {_e(edition)}</h2>', _checklist(edition, len(in_edition))]
        for lang in _ordered({k[1] for k in in_edition}, languages):
            info = language_info(lang)
            entries = "".join(_entry(f) for k, f in in_edition.items() if k[1] == lang)
            parts.append(f'<section class="lang-group" lang="{_e(lang)}" dir="{info.direction}">'
                         f'<h3 lang="en" dir="ltr">{_e(info.name)} ({_e(lang)})</h3>'
                         f'<div class="grid">{entries}</div></section>')
        parts.append("</section>")
        body.append("".join(parts))
    filters = (
        '<form id="filters" class="filters" aria-label="Filter the designs">'
        + _options("edition", "Edition", editions) + _options("lang", "Language", languages)
        + _options("template", "Template", templates)
        + _options("findings", "Findings", [], (("error", "with errors"), ("warning", "with warnings only"),
                                                ("any", "with any finding"), ("none", "without findings")))
        + '<button type="reset">Show all</button></form>'
        + f'<p id="count" role="status" aria-live="polite">{len(by_design)} designs</p>')
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Export review: {_e(campaign)}</title><style>{_STYLE % COLOURS}</style></head><body>"
        f'<header><h1>Export review</h1><p class="campaign">{_e(campaign)}</p>'
        f'<p>{len(by_design)} designs in {len(editions)} edition(s) and '
        f'{len(languages)} language(s): {errors} with errors, {warnings} with warnings only. '
        'Each entry links its files; approve each edition with its checklist (print this page for a paper copy).</p>'
        f"{filters}</header><main>{''.join(body)}</main><script>{_SCRIPT}</script></body></html>\n")


def write_review(outdir: Path, outputs: dict[str, dict[str, Any]], campaign: str,
                 languages_order: list[str] | None = None) -> Path:
    """Write OUTDIR/index.html and drop thumbnails no entry shows any more (the review folder is the export's own)."""
    page = outdir / INDEX_NAME
    files.atomic_write(page, render_review(outputs, campaign, languages_order).encode("utf-8"))
    used = {e.get("thumbnail") for e in outputs.values()}
    folder = outdir / REVIEW_FOLDER
    if folder.is_dir():
        for thumb in folder.glob("*.jpg"):
            if f"{REVIEW_FOLDER}/{thumb.name}" not in used:
                thumb.unlink(missing_ok=True)
    return page
