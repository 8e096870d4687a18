"""The benchmark's density figures (``bench/run.py``, ``genre``) count what the pipeline read.

The generated corpus is held to the bundled real texts by these figures, so they must say
what the document model says: paragraphs, operative paragraphs, actions naming a body and
the pairs of bodies one action names, per document.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from ungraph.build import extract_corpus
from ungraph.store import open_graph

ROOT = Path(__file__).resolve().parent.parent


def _bench_run():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_density_of_the_bundled_corpus_counts_what_the_documents_hold(corpus_dir, corpus_graph):
    figures = _bench_run().genre(open_graph(corpus_graph))
    docs, errors = extract_corpus(corpus_dir, jobs=1)
    assert not errors
    named = [{m.key for m in a.addressees} for d in docs for p in d.operative for a in p.actions]
    named = [keys for keys in named if keys]
    n = len(docs)
    assert figures["documents"] == n == 30
    assert figures["paragraphs_per_document"] == pytest.approx(
        sum(len(d.paragraphs) for d in docs) / n, abs=0.005)
    assert figures["operative_per_document"] == pytest.approx(sum(len(d.operative) for d in docs) / n, abs=0.005)
    assert figures["actions_naming_a_body_per_document"] == pytest.approx(len(named) / n, abs=0.005)
    assert figures["bodies_per_such_action"] == pytest.approx(sum(map(len, named)) / len(named), abs=0.005)
    assert figures["body_pairs_per_document"] == pytest.approx(
        sum(len(k) * (len(k) - 1) // 2 for k in named) / n, abs=0.005)
    # the real texts name bodies: a figure of zero would hold the generator to nothing
    assert figures["actions_naming_a_body_per_document"] > 1
