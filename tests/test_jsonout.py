"""``--format json`` is written by our own indenting encoder: its text must be json's, byte for
byte, for any value a report can hold (and for rarer ones, which it leaves to json)."""

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import mtfix
from mtfix.render import FileReport
from mtfix.render.jsonout import render_json, to_object

ROOT = Path(__file__).resolve().parent.parent

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities included: json writes them its own way
    | st.text()  # line breaks, quotes, control characters, lone surrogates
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers() | st.none(), inner, max_size=2)
    ),
    max_leaves=20,
)


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@given(st.lists(st.dictionaries(st.text(max_size=8), VALUES, max_size=5), max_size=3))
def test_any_objects_are_written_as_json_writes_them(objects: list[dict]) -> None:
    assert render_json(objects, as_list=True) == as_json(objects)
    if len(objects) == 1:
        assert render_json(objects, as_list=False) == as_json(objects[0])


def test_real_reports_are_written_as_json_writes_them() -> None:
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))[:20]
    objects = [to_object(FileReport(str(p), mtfix.clean(p.read_text()))) for p in paths]
    assert any(o["changes"] for o in objects)
    assert render_json(objects, as_list=True) == as_json(objects)
