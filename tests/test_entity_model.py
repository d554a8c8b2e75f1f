"""The entity model's training data and fit (scripts/entity_data.py, scripts/train_entity.py):
reproducible on a small text we wrote, and the committed coefficients load and behave."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import mtfix  # noqa: E402
from mtfix.detectors.entity import FEATURES, candidate_readings  # noqa: E402
from mtfix.lexicon import load_lexicon  # noqa: E402
from mtfix.text import Document  # noqa: E402

pytest.importorskip("numpy")  # a training-time tool, installed with the dask extra

from entity_data import hard_garble, synthetic  # noqa: E402
from train_entity import COEFFICIENTS, dump, fit_model, load  # noqa: E402

ARTICLE = (
    "President Volodymyr Zelenskyy visited Kharkiv and Kherson on Monday, his office said.\n"
    "Zelenskyy met soldiers near Bakhmut. Russian forces shelled Kharkiv again overnight.\n"
    "In Washington, Joe Biden and Antony Blinken spoke about aid to Ukraine.\n"
    "Biden said the United States would keep helping Kyiv. Blinken flew to Warsaw on Tuesday.\n"
    "Olaf Scholz and Emmanuel Macron met in Paris before the summit in Brussels.\n"
)


def test_garbling_is_reproducible_and_records_every_garbled_mention() -> None:
    garbled, planted = hard_garble(ARTICLE, 3)
    assert (garbled, planted) == hard_garble(ARTICLE, 3)
    assert planted
    restored = garbled
    for spot in sorted(planted, key=lambda p: -p.start):
        assert restored[spot.start : spot.end] != spot.wanted
        restored = restored[: spot.start] + spot.wanted + restored[spot.end :]
    assert restored == ARTICLE


def test_a_name_may_be_garbled_the_same_way_in_every_mention() -> None:
    consistent = 0
    for seed in range(20):
        garbled, planted = hard_garble(ARTICLE, seed)
        spellings: dict[str, set[str]] = {}
        for spot in planted:
            spellings.setdefault(spot.wanted, set()).add(garbled[spot.start : spot.end])
        consistent += any(
            len(forms) == 1 and sum(p.wanted == name for p in planted) > 1
            for name, forms in spellings.items()
        )
    assert consistent > 0


def test_the_same_data_gives_the_same_coefficients() -> None:
    lexicon = load_lexicon()
    examples = list(synthetic("ours", ARTICLE, [], range(1, 9), lexicon))
    assert examples == list(synthetic("ours", ARTICLE, [], range(1, 9), lexicon))
    assert {e.label for e in examples} == {0, 1}
    model = fit_model(examples)
    assert model == fit_model(examples)
    assert list(model.coefficients) == list(FEATURES)


FIT_OUR_ARTICLE = """
import sys
sys.path[:0] = ["scripts", "benchmarks"]
from entity_data import synthetic
from train_entity import dump, fit_model
from mtfix.lexicon import load_lexicon
examples = list(synthetic("ours", sys.stdin.read(), [], range(1, 9), load_lexicon()))
print(dump(fit_model(examples), []))
"""


def test_the_fit_does_not_depend_on_the_process_hash_seed() -> None:
    """Sets iterate in another order in another process: the data and fit must not."""
    fits = [
        subprocess.run(
            [sys.executable, "-c", FIT_OUR_ARTICLE],
            input=ARTICLE,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
        ).stdout
        for seed in ("1", "2")
    ]
    assert fits[0] == fits[1]
    assert "intercept" in fits[0]


def test_coefficients_survive_their_file(tmp_path: Path) -> None:
    examples = list(synthetic("ours", ARTICLE, [], range(1, 5), load_lexicon()))
    model = fit_model(examples)
    path = tmp_path / "model.tsv"
    path.write_text(dump(model, ["a model of our own article"]), encoding="utf-8")
    assert load(path) == model


def _probability_as(feature: str, values: list[float]) -> list[float]:
    """The committed model's probability for a typical garble read with context, as one
    feature takes each of ``values``."""
    model = load(COEFFICIENTS)
    base = dict.fromkeys(FEATURES, 0.0)
    base.update(rules_confidence=0.6, spelling=0.85, one_slip=1.0, same_initial=1.0)
    base.update(target_zipf=3.0, context_words=1.0, margin_over_rival=0.3)
    result = []
    for value in values:
        features = {**base, feature: value}
        result.append(model.probability(tuple(features[name] for name in FEATURES)))
    return result


def test_the_committed_coefficients_load_with_every_feature() -> None:
    assert set(load(COEFFICIENTS).coefficients) == set(FEATURES)


@pytest.mark.parametrize("feature", ["spelling", "context_words", "target_in_article"])
def test_the_model_is_surer_with_more_evidence_for_a_reading(feature: str) -> None:
    values = [0.0, 0.5, 1.0] if feature != "context_words" else [0.0, 1.0, 2.0, 3.0]
    probabilities = _probability_as(feature, values)
    assert probabilities == sorted(probabilities)
    assert probabilities[0] < probabilities[-1]


@pytest.mark.parametrize("feature", ["distant", "unsupported", "observed_zipf"])
def test_the_model_is_less_sure_with_evidence_against_a_reading(feature: str) -> None:
    probabilities = _probability_as(feature, [0.0, 1.0, 2.0])
    assert probabilities == sorted(probabilities, reverse=True)
    assert probabilities[0] > probabilities[-1]


def test_training_readings_hold_what_the_rules_reject_and_change_nothing() -> None:
    text = "Farmers near Kherzon sold grain. Traders from Kherzon bought it."
    readings = list(candidate_readings(Document(text), load_lexicon()))
    assert [(r.original, r.replacement, r.rules) for r in readings] == [
        ("Kherzon", "Kherson", False),
        ("Kherzon", "Kherson", False),
    ]
    assert all(len(r.features) == len(FEATURES) for r in readings)
    assert [c for c in mtfix.clean(text).changes if c.kind == "entity"] == []


def test_training_readings_the_rules_propose_are_the_changes_made() -> None:
    text = "British Prime Minister Keir Starrer said Labour would not raise taxes."
    readings = list(candidate_readings(Document(text), load_lexicon()))
    assert [(r.original, r.replacement, r.rules) for r in readings] == [
        ("Starrer", "Starmer", True)
    ]
    changes = [c for c in mtfix.clean(text).changes if c.kind == "entity"]
    assert [(c.original, c.replacement, c.confidence) for c in changes] == [
        ("Starrer", "Starmer", readings[0].confidence)
    ]
