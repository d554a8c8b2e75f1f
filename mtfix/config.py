"""One frozen configuration, built the same way by the CLI and the Python API."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    """

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    extra_dictionaries: tuple[Path, ...] = ()

    def wants(self, rule: str) -> bool:
        """Tell whether the dotted rule id passes ``only`` and ``skip``."""
        if self.only and not any(_matches(rule, prefix) for prefix in self.only):
            return False
        return not any(_matches(rule, prefix) for prefix in self.skip)


def _matches(rule: str, prefix: str) -> bool:
    return rule == prefix or rule.startswith(prefix + ".")
