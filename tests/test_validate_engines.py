"""The three SHACL engines behind ``validate_triples``: choice, errors and agreement.

Agreement on the corpus and on the graph broken in every way is tested in
test_validate_corpus.py and test_validate_shapes.py; this file covers the rest.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from test_validate_support import tmp_dir

from ungraph import vocab
from ungraph.validate import (
    ValidationError, default_shapes, load_shapes, resolve_engine, turbo_available, validate_triples,
)

T, N, L = ox.Triple, ox.NamedNode, ox.Literal
TYPE = N(vocab.RDF + "type")


def U(term: str) -> ox.NamedNode:
    return N(vocab.UNG + term)


def _shortcut_graph() -> list[ox.Triple]:
    """A draft that invites a body through an action: string literals in SPARQL constraints."""
    d, b = N(vocab.DOC + "A/80/L.99"), N(vocab.BODY + "ECO")
    p, a = N(vocab.DOC + "A/80/L.99#op1"), N(vocab.DOC + "A/80/L.99#op1-a1")
    text = "Invites the Economic Cooperation Organization to report."
    return [
        T(d, TYPE, U("DraftResolution")), T(d, U("sourceFile"), L("A_80_L.99.txt")),
        T(d, U("symbol"), L("A/80/L.99")), T(d, N(vocab.DCTERMS + "title"), L("Cooperation", language="en")),
        T(d, N(vocab.DCTERMS + "issued"), L("2025-11-10", datatype=N(vocab.XSD + "date"))),
        T(d, U("hasOperativeParagraph"), p), T(d, U("invites"), b),
        T(p, TYPE, U("OperativeParagraph")), T(p, N(vocab.DCTERMS + "isPartOf"), d),
        T(p, U("order"), L("1", datatype=N(vocab.XSD + "integer"))),
        T(p, U("paragraphNumber"), L("1", datatype=N(vocab.XSD + "integer"))), T(p, U("text"), L(text)),
        T(p, U("hasAction"), a),
        T(a, TYPE, U("Action")), T(a, TYPE, U("DirectiveAction")), T(a, U("verb"), L("invites")),
        T(a, U("verbPhrase"), L("Invites")), T(a, U("addressee"), b),
        *(T(a, U(k), L(str(v), datatype=N(vocab.XSD + "integer")))
          for k, v in (("start", 0), ("end", 7), ("clauseStart", 0), ("clauseEnd", len(text)))),
        T(b, TYPE, U("Body")), T(b, TYPE, N(vocab.ORG + "Organization")),
        T(b, N(vocab.SKOS + "prefLabel"), L("Economic Cooperation Organization", language="en")),
        T(b, N(vocab.SKOS + "inScheme"), N(vocab.ID + "gazetteer")),
        T(N(vocab.ID + "gazetteer"), TYPE, N(vocab.SKOS + "ConceptScheme")),
    ]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl", "turbo"])
def test_a_valid_graph_gives_no_result(engine):
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    report = validate_triples(_shortcut_graph(), engine=engine)
    assert report.results == [], [(r.rule, r.message) for r in report.results]
    assert report.conforms and report.engine == engine
    assert report.one_line() == "validated: conforms (0 violations, 0 warnings, 0 info)"


@pytest.mark.parametrize("engine", ["sparql", "pyshacl", "turbo"])
def test_string_literals_in_sparql_constraints(engine):
    """pyshacl-turbo 0.6.5 misses string literals in SPARQL constraints when given a
    pyoxigraph Store, so ungraph hands it N-Triples: both engines must see the action."""
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    graph = _shortcut_graph()
    assert not [r for r in validate_triples(graph, engine=engine).results if r.rule == "ungsh:ShortcutEvidenceShape"]
    without_verb = [t for t in graph if t.predicate != U("verb")] + [
        T(N(vocab.DOC + "A/80/L.99#op1-a1"), U("verb"), L("welcomes"))]
    [r] = [r for r in validate_triples(without_verb, engine=engine).results if r.rule == "ungsh:ShortcutEvidenceShape"]
    assert r.message.startswith('No operative action of this document has the verb "invites" and the addressee '
                                "Economic Cooperation Organization")


@pytest.mark.parametrize("engine", ["sparql", "pyshacl", "turbo"])
def test_a_paragraph_number_used_twice(engine):
    """OperativeNumberingShape counts paragraphs per number in a sub-query (pairs of paragraphs
    are quadratic on the whole record): every engine must bind $this inside it."""
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    d, p2 = N(vocab.DOC + "A/80/L.99"), N(vocab.DOC + "A/80/L.99#op2")
    graph = _shortcut_graph() + [
        T(d, U("hasOperativeParagraph"), p2), T(p2, TYPE, U("OperativeParagraph")),
        T(p2, N(vocab.DCTERMS + "isPartOf"), d), T(p2, U("order"), L("2", datatype=N(vocab.XSD + "integer"))),
        T(p2, U("paragraphNumber"), L("1", datatype=N(vocab.XSD + "integer"))), T(p2, U("text"), L("Decides.")),
    ]
    found = [(r.focus, r.value, r.message) for r in validate_triples(graph, engine=engine).results
             if r.rule == "ungsh:OperativeNumberingShape"]
    assert found == [(d.value, "1", "Operative paragraph number 1 is used twice: operative paragraphs are "
                                    "numbered 1, 2, 3 ... without gaps or repeats.")]
    assert not [r for r in validate_triples(_shortcut_graph(), engine=engine).results
                if r.rule == "ungsh:OperativeNumberingShape"]


def _numbered(*numbers, orders=None):
    """The draft of _shortcut_graph with operative paragraphs numbered as given."""
    d = N(vocab.DOC + "A/80/L.99")
    graph = [t for t in _shortcut_graph() if not (t.predicate == U("paragraphNumber"))]
    integer = N(vocab.XSD + "integer")
    for k, number in enumerate(numbers, start=2):
        p = N(vocab.DOC + f"A/80/L.99#op{k}")
        graph += [T(d, U("hasOperativeParagraph"), p), T(p, TYPE, U("OperativeParagraph")),
                  T(p, N(vocab.DCTERMS + "isPartOf"), d), T(p, U("order"), L(str(k), datatype=integer)),
                  T(p, U("text"), L("Decides."))]
    first = N(vocab.DOC + "A/80/L.99#op1")
    nodes = [first] + [N(vocab.DOC + f"A/80/L.99#op{k}") for k in range(2, len(numbers) + 2)]
    for node, number in zip(nodes, (1, *numbers)):
        graph.append(T(node, U("paragraphNumber"), number if isinstance(number, ox.Literal)
                       else L(str(number), datatype=integer)))
    for node, order in (orders or {}).items():
        graph.append(T(N(vocab.DOC + f"A/80/L.99#{node}"), U("order"), L(str(order), datatype=integer)))
    return graph


@pytest.mark.parametrize("engine", ["sparql", "pyshacl", "turbo"])
@pytest.mark.parametrize("numbers, orders, expected", [
    ((2, 3), None, []),                                  # 1, 2, 3
    ((3, 4), None, [("2", "is missing")]),               # 1, 3, 4
    ((2, 5), None, [("4", "is missing")]),               # the number before each one present
    ((L("2"), 3), None, [("2", "is missing")]),          # "2" as a string is not the number 2
    ((2,), {"op2": 7}, [("2", "is used twice")]),        # two paragraphs merged into one node
])
def test_operative_numbering(engine, numbers, orders, expected):
    """The shape only looks up each number in documents whose numbers are not exactly 1..n;
    every engine must find the same gaps and repeats as the plain definition."""
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    found = sorted(re.match(r"Operative paragraph number (\S+) (is missing|is used twice):", r.message).groups()
                   for r in validate_triples(_numbered(*numbers, orders=orders), engine=engine).results
                   if r.rule == "ungsh:OperativeNumberingShape")
    assert found == expected


def test_engine_choice():
    assert resolve_engine("pyshacl") == "pyshacl"
    assert resolve_engine("auto") == "sparql"
    assert resolve_engine("auto", load_shapes()) == "sparql"
    with pytest.raises(ValidationError, match="unknown SHACL engine 'fast'"):
        resolve_engine("fast")


def test_shapes_the_compiler_cannot_translate_go_to_another_engine():
    """A SPARQL constraint that asks for $shapesGraph: auto falls back, sparql says why."""
    odd = tmp_dir() / "engines-shapes-graph.ttl"
    odd.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ung: <https://w3id.org/ungraph/ontology#> .
<https://example.org/shapes#S> a sh:NodeShape ; sh:targetSubjectsOf ung:symbol ;
    sh:sparql [ sh:select "SELECT $this WHERE { GRAPH $shapesGraph { $this ?p ?o } }" ] .
""")
    shapes = load_shapes([odd])
    assert resolve_engine("auto", shapes) == ("turbo" if turbo_available() else "pyshacl")
    with pytest.raises(ValidationError, match=r"the sparql engine cannot run these shapes: .*shapesGraph"):
        resolve_engine("sparql", shapes)


def test_shapes_files():
    assert default_shapes().name == "ungraph.shacl.ttl"
    with pytest.raises(ValidationError, match="no such shapes file"):
        load_shapes([tmp_dir() / "none.ttl"])
    bad = tmp_dir() / "engines-bad-shapes.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:property [")
    with pytest.raises(ValidationError, match="not a readable shapes graph"):
        load_shapes([bad])


@pytest.mark.parametrize("engine", ["sparql", "pyshacl", "turbo"])
def test_shapes_an_engine_refuses_are_one_clear_error(engine):
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    bad = tmp_dir() / f"engines-values-{engine}.ttl"
    bad.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
<https://example.org/S> a sh:NodeShape ; sh:targetNode <https://example.org/x> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this <https://example.org/p> ?o . FILTER( }" ] .
""")
    with pytest.raises(ValidationError) as err:
        validate_triples(_shortcut_graph(), [bad], engine=engine)
    assert "\n" not in str(err.value)
