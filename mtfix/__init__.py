"""mtfix: find and fix machine-translation artefacts in English news."""

__version__ = "0.1.0"

from .change import KINDS, Change, apply_changes
from .config import Config
from .pipeline import Report, clean

__all__ = ["KINDS", "Change", "Config", "Report", "__version__", "apply_changes", "clean"]
