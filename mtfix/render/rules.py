"""``mtfix rules``: the rule registry as a table, or one rule explained with its examples."""

from __future__ import annotations

import textwrap

from ..rules import KIND_SAFETY, RULES, Rule, check_selector, find
from . import escape


def listing() -> str:
    """Return one line per rule: id, kind, safety and summary, grouped by kind."""
    width = max(len(_shown_id(rule)) for rule in RULES)
    lines = [f"{'id':<{width}}  {'kind':<14}  {'safety':<6}  summary"]
    lines += [
        f"{_shown_id(rule):<{width}}  {rule.kind:<14}  {rule.safety:<6}  {rule.summary}"
        for rule in sorted(RULES, key=lambda r: list(KIND_SAFETY).index(r.kind))
    ]
    lines.append("")
    lines.append(
        "safe: --write and --output-dir apply it. review: shown, applied only with "
        "--unsafe-fixes or after a review (--interactive, --format html, mtfix apply)."
    )
    lines.append("mtfix rules ID explains one rule; --only and --skip take ids and kinds.")
    return "\n".join(lines) + "\n"


def explain(selector: str) -> str:
    """Return the explanation of a rule, or of every rule of a kind.

    Raises:
        ValueError: the id names no kind or rule (the message lists the valid ones).
    """
    check_selector(selector)
    rule = find(selector)
    rules = [rule] if rule is not None else [r for r in RULES if r.kind == selector]
    return "\n".join(_explained(rule) for rule in rules)


def _explained(rule: Rule) -> str:
    body = textwrap.fill(rule.explanation, width=88, initial_indent="  ", subsequent_indent="  ")
    languages = (
        f"  (examples with --source-lang {','.join(rule.source_languages)})\n"
        if rule.source_languages
        else ""
    )
    return (
        f"{_shown_id(rule)}  ({rule.kind}, {rule.safety})\n"
        f"  {rule.summary}\n\n{body}\n\n"
        f"  wrong: {escape(rule.wrong)}\n"
        f"  right: {escape(rule.right)}\n{languages}"
    )


def _shown_id(rule: Rule) -> str:
    return f"{rule.id}.<word>" if rule.family else rule.id
