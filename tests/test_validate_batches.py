"""Large graphs are validated a few documents at a time: the results must be those of the
whole graph."""
from __future__ import annotations

import ungraph.validate as validate


def keys(report):
    return {(r.severity, r.rule, r.focus, r.path, r.value_term, r.message) for r in report.results}


def test_batches_give_the_results_of_the_whole_graph(corpus_graph, monkeypatch):
    whole = validate.validate_graph(corpus_graph)
    monkeypatch.setattr(validate, "BATCH_ABOVE", 0)
    monkeypatch.setattr(validate, "BATCH_TRIPLES", 1_500)
    batched = validate.validate_graph(corpus_graph)
    assert keys(batched) == keys(whole)
    assert batched.triples == whole.triples


def test_every_triple_is_in_some_batch(corpus_graph):
    triples = validate.read_graph(corpus_graph)
    batches = validate.document_batches(triples, size=1_500)
    assert len(batches) > 5
    assert set().union(*map(set, batches)) == set(triples)
