"""The ``html`` format: one self-contained review page for a set of files.

The page shows each file's cleaned text with every change highlighted (kind, confidence and
reason on hover), a checkbox per change and per kind, and a button that downloads the accepted
changes as a decisions file for ``mtfix apply`` (see ``mtfix.decisions``). It loads nothing: the
styles and the script are inline, and a Content-Security-Policy forbids any network request.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from html import escape

from .. import __version__
from ..change import Change
from ..decisions import VERSION, ReviewedFile, change_entry

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_STYLE = """
:root { --ink: #1d232b; --muted: #5b6572; --line: #d9dee5; --bg: #fbfbf8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, 'DejaVu Serif', serif; color: var(--ink);
  background: var(--bg); }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid
  var(--line); padding: .6rem 1.2rem; font: 14px/1.4 system-ui, 'DejaVu Sans', sans-serif;
  display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; align-items: center; }
header h1 { font-size: 16px; margin: 0; }
#kinds { display: flex; flex-wrap: wrap; gap: .3rem .8rem; }
#kinds label { white-space: nowrap; cursor: pointer; }
#download { font: inherit; padding: .3rem .8rem; border: 1px solid #2f6b3a; background: #2f7d3f;
  color: #fff; border-radius: 4px; cursor: pointer; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.2rem 4rem; }
section h2 { font: 600 15px/1.4 system-ui, 'DejaVu Sans', sans-serif; margin: 1.6rem 0 .3rem; }
section h2 small { font-weight: 400; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid
  var(--line); border-radius: 6px; padding: .8rem 1rem; }
.change { position: relative; cursor: pointer; border-radius: 3px; background: #eef6ee;
  outline: 1px solid #b9dbbd; }
.change input { margin: 0 .15em 0 .1em; vertical-align: -1px; width: .8em; height: .8em; }
.change del { color: #a3282a; background: #fbe3e2; }
.change ins { color: #175f26; background: #cdebd2; text-decoration: none; font-weight: 600; }
.change.rejected { background: #f3f3f3; outline-color: #ccc; }
.change.rejected del { color: inherit; background: none; text-decoration: none; }
.change.rejected ins { display: none; }
.flag { background: #fff1b8; border-bottom: 2px dotted #b48a00; position: relative; }
.tip { display: none; position: absolute; left: 0; top: 1.5em; z-index: 3; width: max-content;
  max-width: 26rem; white-space: normal; padding: .45rem .6rem; border-radius: 5px;
  background: #1d232b; color: #fff; font: 13px/1.4 system-ui, 'DejaVu Sans', sans-serif;
  box-shadow: 0 3px 10px rgba(0,0,0,.25); }
.tip b { color: #9fe0aa; }
.change:hover .tip, .change:focus-within .tip, .flag:hover .tip { display: block; }
.ws { color: #8a6d00; font-weight: 400; }
.none { color: var(--muted); font-style: italic; }
"""

_SCRIPT = """
const data = JSON.parse(document.getElementById('mtfix-data').textContent);
const boxes = () => Array.from(document.querySelectorAll('.change input'));
function refresh() {
  let accepted = 0;
  for (const box of boxes()) {
    box.closest('.change').classList.toggle('rejected', !box.checked);
    if (box.checked) accepted += 1;
  }
  for (const kindBox of document.querySelectorAll('#kinds input')) {
    const mine = boxes().filter((b) => b.dataset.kind === kindBox.dataset.kind);
    const on = mine.filter((b) => b.checked).length;
    kindBox.checked = on === mine.length;
    kindBox.indeterminate = on > 0 && on < mine.length;
  }
  document.getElementById('count').textContent =
    accepted + ' of ' + boxes().length + ' changes accepted';
}
function decisions() {
  const files = [];
  data.files.forEach((file, f) => {
    const changes = file.changes.filter(
      (c, i) => document.getElementById('c' + f + '-' + i).checked);
    if (changes.length) files.push({path: file.path, sha256: file.sha256, changes: changes});
  });
  return {mtfix_decisions: data.version, generator: data.generator, files: files};
}
document.addEventListener('change', (event) => {
  const kind = event.target.closest('#kinds') && event.target.dataset.kind;
  if (kind) boxes().filter((b) => b.dataset.kind === kind)
    .forEach((b) => { b.checked = event.target.checked; });
  refresh();
});
document.getElementById('download').addEventListener('click', () => {
  const json = JSON.stringify(decisions(), null, 2) + '\\n';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([json], {type: 'application/json'}));
  link.download = 'mtfix-decisions.json';
  document.body.appendChild(link);
  link.click();
  link.remove();
});
refresh();
"""


def render(files: Sequence[ReviewedFile]) -> str:
    """Return the review page for ``files`` as one HTML document."""
    kinds = Counter(c.kind for f in files for c in f.item.report.changes if not c.is_flag)
    data = {
        "version": VERSION,
        "generator": f"mtfix {__version__}",
        "files": [
            {
                "path": f.item.path,
                "sha256": f.sha256,
                "changes": [change_entry(c) for c in _applicable(f)],
            }
            for f in files
        ],
    }
    kind_boxes = "".join(
        f'<label><input type="checkbox" checked data-kind="{kind}"> {kind} ({count})</label>'
        for kind, count in sorted(kinds.items())
    )
    sections = "".join(_section(number, f) for number, f in enumerate(files))
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>mtfix review</title><style>{_STYLE}</style></head><body>"
        f'<header><h1>mtfix review</h1><span id="count"></span><div id="kinds">{kind_boxes}</div>'
        '<button id="download" type="button">Download decisions (JSON)</button></header>'
        f"<main>{sections}</main>"
        f'<script type="application/json" id="mtfix-data">{payload}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _applicable(reviewed: ReviewedFile) -> list[Change]:
    return [c for c in reviewed.item.report.changes if not c.is_flag]


def _section(number: int, reviewed: ReviewedFile) -> str:
    """One file: its name, and its text with changes as checkboxes and flags as marks."""
    report = reviewed.item.report
    text = report.text
    pieces: list[str] = []
    position = 0
    index = 0
    for change in report.changes:
        pieces.append(escape(text[position : change.start]))
        tip = _tip(change)
        if change.is_flag:
            pieces.append(f'<mark class="flag" tabindex="0">{escape(change.original)}{tip}</mark>')
        else:
            pieces.append(
                f'<label class="change k-{change.kind}"><input type="checkbox" checked '
                f'id="c{number}-{index}" data-kind="{change.kind}">'
                f"<del>{_visible(change.original)}</del><ins>{_visible(change.replacement)}</ins>"
                f"{tip}</label>" + "\n" * change.original.count("\n")
            )
            index += 1
        position = change.end
    pieces.append(escape(text[position:]))
    count = len(report.changes)
    note = f"{count} change{'s' if count != 1 else ''}" if count else "nothing to change"
    body = "".join(pieces) if text else '<span class="none">(empty file)</span>'
    return (
        f"<section><h2>{escape(reviewed.item.path)} <small>· {note}</small></h2>"
        f'<div class="text">{body}</div></section>'
    )


def _visible(text: str) -> str:
    """Escape a changed span, showing the spaces at its edges, and its line breaks as ↵.

    >>> _visible(" -")
    '<span class="ws">·</span>-'
    """
    inner = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" ")) if inner else 0
    dots = '<span class="ws">·</span>'
    body = escape(inner).replace("\n", '<span class="ws">↵</span>')
    return dots * lead + body + dots * trail


def _tip(change: Change) -> str:
    """The hover box: kind, confidence, reason, and the rule or dictionary behind it."""
    flag = " · flag, no fix known" if change.is_flag else ""
    alternatives = (
        f"<br>alternatives: {escape(', '.join(change.alternatives))}" if change.alternatives else ""
    )
    return (
        f'<span class="tip" role="tooltip"><b>{change.kind}</b> · {change.safety} · '
        f"{change.confidence:.2f}{flag}"
        f"<br>{escape(change.reason)}<br><i>{escape(change.source)}</i>{alternatives}</span>"
    )
