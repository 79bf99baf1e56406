"""benchmarks/train_extractor.py: it reads only the dev split (every part_*.yaml, frozen
passages skipped) and the bundled weights are what a fresh training run writes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.extract.eventmodel import MODEL_PATH

ROOT = Path(__file__).resolve().parents[2]


def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_extractor", ROOT / "benchmarks" / "train_extractor.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_extractor"] = mod
    spec.loader.exec_module(mod)
    return mod


def passage(pid: str) -> str:
    return (f"- id: {pid}\n  date: 2024-01-02\n  text: Norway imposed sanctions on Iran.\n"
            f"  sanctions:\n  - {{imposers: [\"no\"], targets: [ir], status: imposed, "
            f"reasons: []}}\n  statements: []\n")


def test_reads_every_part_but_never_a_frozen_passage(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    t = trainer()
    (tmp_path / "part_a.yaml").write_text("passages:\n" + passage("a01") + passage("a03"))
    # a part added later is picked up; its multiples of 3 are frozen too
    (tmp_path / "part_e.yaml").write_text("passages:\n" + passage("e02") + passage("e12"))
    (tmp_path / "held_out.yaml").write_text("passages:\n" + passage("h01"))
    dev = tmp_path / "dev.yaml"
    dev.write_text("passages:\n" + passage("d01"))
    monkeypatch.setattr(t, "REAL", tmp_path)
    monkeypatch.setattr(t, "DEV", dev)
    real, ours = t.dev_passages()
    assert [p["id"] for p in real] == ["a01", "e02"]
    assert [p["id"] for p in ours] == ["d01"]
    X, y, S, s, F = t.rows_of(real[0])
    assert y == [1, 0] and s == ["imposed"] and F == [True, True]  # Norway imposes, Iran not
    assert "trig:imposed" in S[0]
    assert {"opens", "kind:country", "mid:imposed"} <= set(X[0])


def test_bundled_weights_are_a_fresh_training_run() -> None:
    t = trainer()
    assert t.train() == MODEL_PATH.read_text(encoding="utf-8")
