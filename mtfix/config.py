"""One frozen configuration, built the same way by the CLI and the Python API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .rules import check_selector

#: Changes below this confidence are not shown unless asked for.
DEFAULT_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Config:
    """What to look for and what to show.

    Attributes:
        min_confidence: drop changes whose confidence is below this (0..1).
        only: keep only rules whose dotted id starts with one of these (empty: all).
        skip: drop rules whose dotted id starts with one of these.
        extra_dictionaries: more dictionary files to load beside the shipped ones.
        source_languages: languages the texts were translated from ("de", "ru", ...); picks
            the sense confusion sets (empty: try all, with lower confidence; with a source
            text, its detected language when it is one of ``SOURCE_LANGUAGES``).
        accept: words and names never changed or flagged (``mtfix.accept``).
    """

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    extra_dictionaries: tuple[Path, ...] = ()
    source_languages: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()

    def wants(self, rule: str) -> bool:
        """Tell whether the dotted rule id passes ``only`` and ``skip``."""
        if not self.only and not self.skip:
            return True  # the common case, told without a test per prefix
        if self.only and not any(_matches(rule, prefix) for prefix in self.only):
            return False
        return not any(_matches(rule, prefix) for prefix in self.skip)

    def may_want(self, kind: str) -> bool:
        """Tell whether any rule of ``kind`` can pass ``only`` and ``skip`` (so it must run)."""
        if self.only and not any(prefix.split(".", 1)[0] == kind for prefix in self.only):
            return False
        return kind not in self.skip


def _matches(rule: str, prefix: str) -> bool:
    return rule == prefix or rule.startswith(prefix + ".")


#: Source languages with sense confusion sets.
SOURCE_LANGUAGES = ("de", "ru", "uk", "fr", "es")


def source_languages(values: Iterable[str]) -> tuple[str, ...]:
    """Split comma-separated language codes, checking each is a known source language.

    >>> source_languages(["de,ru"])
    ('de', 'ru')

    Raises:
        ValueError: a code names no known source language.
    """
    codes = tuple(
        part.strip().lower() for value in values for part in value.split(",") if part.strip()
    )
    for code in codes:
        if code not in SOURCE_LANGUAGES:
            raise ValueError(
                f"unknown language {code!r} (languages: {', '.join(SOURCE_LANGUAGES)})"
            )
    return codes


def rule_prefixes(values: Iterable[str]) -> tuple[str, ...]:
    """Split comma-separated kinds and rule ids, checking each against the rule registry.

    >>> rule_prefixes(["entity,variant", "typography.double_space"])
    ('entity', 'variant', 'typography.double_space')

    Raises:
        ValueError: one names no kind or registered rule (the message lists the valid ones).
    """
    return tuple(
        check_selector(part.strip())
        for value in values
        for part in value.split(",")
        if part.strip()
    )
