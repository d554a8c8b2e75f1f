"""The examples in mtfix's docstrings run, module by module (of the mtfix that is installed)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import mtfix

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(mtfix.__path__, "mtfix.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError as missing:  # an extra that is not installed (mtfix[dask])
        pytest.skip(f"{name} needs {missing.name}")
    failed, _tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
