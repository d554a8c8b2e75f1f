"""Run the command line as ``python -m mtfix``."""

from .cli import main

main()
