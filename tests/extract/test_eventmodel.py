"""The statistical event reader (kg/extract/eventmodel.py): its mechanics on hand-made
weights, and the bundled model on sentences written for the test (companies invented)."""

from __future__ import annotations

import json
from typing import Any

from kg.extract import extract_text
from kg.extract.actors import find_mentions
from kg.extract.context import Doc
from kg.extract.dates import parse_iso_date
from kg.extract.eventmodel import MODEL_PATH, EventModel, candidates, status_features
from kg.extract.text import split_sentences

#: Rules make no event here ("Iran sanctions" is a noun, no verb governs it).
SILENT = "Norway said Iran sanctions would stay."


def handmade(threshold: float = 0.5, **weights: float) -> EventModel:
    """A model whose imposer score is the sigmoid of the named features' weights (bias -2)
    and whose status is ``lifted`` where the word "gone" occurs, else ``imposed``."""
    return EventModel.from_json({
        "imposer": {"bias": -2.0, "threshold": threshold, "threshold_fired": 1.0,
                    "weights": {k.replace("__", ":"): v for k, v in weights.items()}},
        "status": {"classes": ["imposed", "lifted"], "bias": [1.0, 0.0],
                   "weights": {"w:gone": [0.0, 5.0]}}})


def events(text: str, model: Any = True) -> list[tuple[list[str], list[str], str]]:
    ds = extract_text(text, date="2024-05-06", source_id="t", event_model=model).dataset
    return [(list(s.imposers), list(s.targets), str(s.status)) for s in ds.sanctions]


def test_rules_alone_are_silent_on_the_test_sentence() -> None:
    assert events(SILENT, model=False) == []


def test_an_actor_opening_the_sentence_before_a_measure_word_imposes() -> None:
    model = handmade(opens=3.0)  # sigmoid(1.0) = 0.73 >= 0.5
    assert events(SILENT, model) == [(["no"], ["ir"], "imposed")]
    r = extract_text(SILENT, date="2024-05-06", source_id="t", event_model=model)
    ex = r.explain[r.dataset.sanctions[0].id]
    assert ex["trigger"]["words"] == "sanctions"
    assert ex["trigger"]["from"].startswith("statistical model")
    assert ex["imposers"][0]["how"] == "statistical model (imposer score 0.73)"
    assert r.dataset.sanctions[0].confidence == 0.37


def test_below_the_threshold_no_event() -> None:
    assert events(SILENT, handmade(threshold=0.8, opens=3.0)) == []


def test_the_status_model_decides_the_status() -> None:
    text = "Norway said Iran sanctions are gone."
    assert events(text, model=False) == []
    assert events(text, handmade(opens=3.0)) == [(["no"], ["ir"], "lifted")]


def test_a_negated_trigger_keeps_the_model_out() -> None:
    # the rules set "did not impose" aside: the model adds nothing, however sure
    assert events("Norway did not impose sanctions on Iran.", handmade(opens=9.0)) == []


def test_an_event_already_reported_is_not_added_again() -> None:
    text = "Norway imposed sanctions on Iran on Monday. Norway said Iran sanctions would stay."
    assert events(text, handmade(opens=9.0)) == [(["no"], ["ir"], "imposed")]


def test_a_sentence_naming_no_measure_has_no_candidate() -> None:
    doc = Doc(text="", ref=parse_iso_date("2024-05-06"), source_id="t")
    for text, n in (("The bloc suspended talks with Niger.", 0),
                    ("Norway welcomed the talks with Iran.", 0),
                    (SILENT, 2)):
        sent = split_sentences(text)[0]
        ms = find_mentions(sent.text, {}, last_bloc="eu", last_state=None, heads={})
        assert len(candidates(sent, ms, doc)) == n, text


def test_candidate_features_describe_the_mention() -> None:
    doc = Doc(text="", ref=parse_iso_date("2024-05-06"), source_id="t")
    sent = split_sentences(SILENT)[0]
    ms = find_mentions(sent.text, {}, last_bloc=None, last_state=None, heads={})
    first = candidates(sent, ms, doc)[0]
    assert first.actor == "no"
    assert {"opens", "pos:0", "lede", "b1:^", "a1:said", "said_after", "kind:country",
            "cue_after:2-3", "cue_after_word:sancti", "mid:iran", "speech"} <= set(first.features)
    assert "bloc" not in first.features


def test_status_features() -> None:
    f = status_features("Tokyo lifted its ban on Korean beef.")
    assert {"w:lifted", "bg:lifted_its", "pre:tokyo", "cue:lifted", "trig:lifted"} <= set(f)


def test_bundled_model_file() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = EventModel.from_json(data)
    assert 0.5 <= model.threshold < 1.0
    assert sorted(model.status_classes) == ["eased", "expected", "extended", "imposed",
                                            "lifted", "threatened"]
    assert "dev split" in data["about"]["training_data"]


def test_bundled_model_on_sentences_written_for_the_test() -> None:
    # a measure in force, reported by its owner: the rules see no verb, the model an event
    assert events("The EU said Russia sanctions would stay.") == [(["eu"], ["ru"], "imposed")]
    # no measure named, or sanctions only debated: nothing
    assert events("The bloc suspended talks with Niger.") == []
    assert events("Ministers in Ottawa debated the sanctions for hours.") == []
    assert events("Kestrel Mining said the Namibian tariffs hurt its exports.") == []
