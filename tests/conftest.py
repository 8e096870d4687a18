"""Shared fixtures: the bundled corpus and its graph, built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ASSETS = Path(__file__).resolve().parent / "assets"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_graph(tmp_path_factory) -> Path:
    """The bundled corpus built by the real pipeline into Turtle (no validation)."""
    from ungraph.build import build_corpus

    out = tmp_path_factory.mktemp("graph") / "corpus.ttl"
    report = build_corpus(CORPUS, out, validate=False, jobs=1)
    assert not report.errors, report.errors
    return out
