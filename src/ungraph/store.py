"""The embedded default store: a graph file loaded into pyoxigraph, queried with SPARQL.

One small interface that every analysis uses, so the backend can change in one place:

>>> from ungraph import rdf, vocab
>>> import pyoxigraph as ox
>>> t = ox.Triple(ox.NamedNode(vocab.DOC + "A/RES/75/324"), ox.NamedNode(vocab.UNG + "symbol"), ox.Literal("A/RES/75/324"))
>>> store = from_triples([t])
>>> select(store, "SELECT ?s WHERE { ?d ung:symbol ?s }")
[{'s': 'A/RES/75/324'}]
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from . import rdf, vocab


def open_graph(path: Path) -> ox.Store:
    """An in-memory store holding the graph file at ``path`` (any format ``rdf`` writes)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    store = ox.Store()
    fmt = rdf.rdf_format(path)
    try:   # load, not bulk_load: faster in memory at millions of triples (bench/README.md)
        store.load(path=str(path), format=fmt, to_graph=ox.DefaultGraph()) if not fmt.supports_datasets \
            else store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise ValueError(f"{path.name}: not a readable {fmt.name} graph ({exc})") from exc
    return store


def from_triples(triples: Iterable[ox.Triple]) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return store


def python_value(term) -> object:
    """A SPARQL result term as a plain Python value (IRIs and strings as str, numbers as int/float)."""
    if term is None:
        return None
    if type(term) is ox.NamedNode:      # most result values: the quickest test first
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt in (vocab.XSD + "integer", vocab.XSD + "int", vocab.XSD + "long", vocab.XSD + "nonNegativeInteger"):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if dt in (vocab.XSD + "decimal", vocab.XSD + "double", vocab.XSD + "float"):
            try:
                return float(term.value)
            except ValueError:
                return term.value
        if dt == vocab.XSD + "boolean":
            return term.value == "true"
        return term.value
    return term.value


def select(store: ox.Store, query: str, bindings: dict[str, object] | None = None,
           *, prefixes: bool = True) -> list[dict[str, object]]:
    """Rows of a SELECT query as dicts of plain values. ``bindings`` are bound as terms,
    never pasted into the query text."""
    q = (vocab.SPARQL_PREFIXES + query) if prefixes else query
    subs = {ox.Variable(k): _term(v) for k, v in (bindings or {}).items()}
    results = store.query(q, substitutions=subs) if subs else store.query(q)
    names = [v.value for v in results.variables]
    # a solution iterates over its values in the order of the variables (by name is slower)
    return [dict(zip(names, map(python_value, sol))) for sol in results]


def _term(value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(vocab.XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(vocab.XSD + "integer"))
    return ox.Literal(str(value))
