"""``ungraph query``: safe parameters, query resolution, output formats, one-line errors."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import conftest_oxigraph as support  # noqa: E402

from ungraph import vocab  # noqa: E402
from ungraph.cli import main  # noqa: E402
from ungraph.query import (EmbeddedStore, MalformedQuery, ParameterError, QueryError, RdflibStore,  # noqa: E402
                           bind, bindings_for, parse_header, parse_value, resolve, run,
                           saved_queries)
from ungraph.store import from_triples  # noqa: E402

NASTY = ['A/RES/48/2" } ?s ?p ?o . FILTER(true) } #', "line\nbreak", "back\\slash \\\" quote",
         "'single' and \"\"\"triple\"\"\"", "} } DELETE WHERE { ?s ?p ?o }", "tab\tand unicode – é 文"]


def _store_with_titles(values: list[str]) -> ox.Store:
    T, N = ox.Triple, ox.NamedNode
    return from_triples(T(N(f"{vocab.DOC}x{i}"), N(vocab.UNG + "symbol"), ox.Literal(v)) for i, v in enumerate(values))


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def one_error_line(result) -> str:
    assert result.exit_code != 0, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


# --------------------------------------------------------------------------- binding is by term

@pytest.mark.parametrize("value", NASTY)
def test_string_parameters_are_one_term(value):
    """A value with quotes, braces, newlines or SPARQL in it matches exactly itself, and
    cannot change the query: the store holds it, and a neighbour, and only it comes back."""
    store = EmbeddedStore(_store_with_titles([value, "A/RES/48/2"]))
    q = parse_header("# @param symbol: x (string)\nSELECT ?d WHERE { ?d ung:symbol ?symbol }")
    assert run(store, q, [("symbol", value)]).rows == [(vocab.DOC + "x0",)]


def test_string_parameters_in_rdflib_too(tmp_path):
    path = tmp_path / "g.nt"
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in _store_with_titles(NASTY)]
    path.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    q = parse_header("# @param symbol: x (string)\nSELECT ?d WHERE { ?d ung:symbol ?symbol }")
    store = RdflibStore(path)
    for i, value in enumerate(NASTY):
        assert run(store, q, [("symbol", value)]).rows == [(f"{vocab.DOC}x{i}",)]


@pytest.mark.parametrize("value", ["http://x/> } DROP ALL { <http://y", "http://x/a b", "no-scheme",
                                   'http://x/"', "http://x/{}", "http://x/\\u003e"])
def test_bad_iris_are_refused(value):
    with pytest.raises(ParameterError, match="bad parameter kind="):
        parse_value("kind", value, "iri")


@pytest.mark.parametrize("value,type_,term", [
    ("42", "integer", '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    (" +7 ", "integer", '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    ("3.5", "decimal", '"3.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
    ("2021-09-09", "date", '"2021-09-09"^^<http://www.w3.org/2001/XMLSchema#date>'),
    ("yes", "boolean", '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'),
    ("ung:Resolution", "iri", "<https://w3id.org/ungraph/ontology#Resolution>"),
    ("https://w3id.org/ungraph/id/body/ECO", "iri", "<https://w3id.org/ungraph/id/body/ECO>"),
    ('say "hi"', "string", '"say \\"hi\\""'),
])
def test_values_become_typed_terms(value, type_, term):
    assert str(parse_value("p", value, type_)) == term


@pytest.mark.parametrize("value,type_,why", [
    ("12; DROP ALL", "integer", "not an integer"), ("1e3", "decimal", "not a decimal"),
    ("2021-13-40", "date", "not a date"), ("9 September 2021", "date", "not a date"),
    ("maybe", "boolean", "not a boolean"),
])
def test_values_that_do_not_fit_their_type(value, type_, why):
    with pytest.raises(ParameterError, match=why):
        parse_value("p", value, type_)


def test_values_block_goes_into_the_outer_where_group():
    text = ('PREFIX x: <http://a.example/where#>  # WHERE { in a comment\n'
            'SELECT ?a ("WHERE {" AS ?label) WHERE { ?a ?p ?o FILTER EXISTS { ?a ?q ?o } }')
    bound = bind(text, {"a": [parse_value("a", "x:y", "string")], "o": [parse_value("o", "1", "integer")]})
    assert bound.endswith('WHERE { VALUES ?a { "x:y" } VALUES ?o { "1"^^<http://www.w3.org/2001/XMLSchema#integer> }'
                          ' ?a ?p ?o FILTER EXISTS { ?a ?q ?o } }')
    assert (bind("ASK { ?s ?p ?o }", {"s": [ox.NamedNode("http://x/s")]})
            == "ASK { VALUES ?s { <http://x/s> } ?s ?p ?o }")
    assert (bind("SELECT * { ?s ?p ?o }", {"s": [ox.NamedNode("http://x/s")]})
            == "SELECT * { VALUES ?s { <http://x/s> } ?s ?p ?o }")
    with pytest.raises(MalformedQuery):
        bind("SELECT ?s", {"s": [ox.NamedNode("http://x/s")]})


def test_a_parameter_given_twice_is_both_values():
    store = EmbeddedStore(support.corpus_graph())
    q = saved_queries()["recalled-by"]
    one = run(store, q, [("symbol", "A/RES/48/2")]).rows
    other = run(store, q, [("symbol", "A/RES/75/8")]).rows
    both = run(store, q, [("symbol", "A/RES/48/2"), ("symbol", "A/RES/75/8")]).rows
    assert one and other and sorted(both) == sorted(one + other)


def test_declared_defaults_are_bound_and_unknown_names_refused():
    q = saved_queries()["recalled-by"]
    assert [str(t) for t in bindings_for(q)["symbol"]] == ['"A/RES/3369(XXX)"']
    with pytest.raises(ParameterError, match="unknown parameter 'sym' for recalled-by; it takes: symbol"):
        bindings_for(q, [("sym", "A/RES/48/2")])
    text = parse_header("SELECT ?d WHERE { ?d ung:symbol ?s }")
    assert [str(t) for t in bindings_for(text, [("s", "A/RES/48/2")])["s"]] == ['"A/RES/48/2"']
    with pytest.raises(ParameterError, match="has no variable [?]x"):
        bindings_for(text, [("x", "1")])
    with pytest.raises(ParameterError, match="bad parameter name"):
        bindings_for(text, [("s } #", "1")])


@pytest.mark.parametrize("value", ["UNCTAD", "unctad", "United Nations Conference on Trade and Development",
                                   "UNCTAD", "https://w3id.org/ungraph/id/body/UNCTAD"])
def test_body_parameters_are_looked_up_and_bound_as_iris(value):
    store = EmbeddedStore(support.corpus_graph())
    q = saved_queries()["paragraphs-mentioning"]
    assert [str(t) for t in bindings_for(q, [("body", value)], store)["body"]] == [
        "<https://w3id.org/ungraph/id/body/UNCTAD>"]


def test_body_parameters_by_key_and_several():
    store = EmbeddedStore(support.corpus_graph())
    q = saved_queries()["verbs-toward-body"]
    terms = bindings_for(q, [("body", "SecretaryGeneral"), ("body", "World Trade Organization"),
                             ("body", "Secretary-General")], store)["body"]
    assert [t.value for t in terms] == [vocab.body_iri("SecretaryGeneral"), vocab.body_iri("WTO")]


@pytest.mark.parametrize("value", ["Nowhere Union", 'UNCTAD" || true || "', "", "secretarygeneral"])
def test_unknown_bodies_are_refused(value):
    store = EmbeddedStore(support.corpus_graph())
    with pytest.raises(ParameterError, match="bad parameter body="):
        bindings_for(saved_queries()["verbs-toward-body"], [("body", value)], store)


def test_a_body_name_needs_a_graph():
    with pytest.raises(ParameterError, match="can only be looked up in a graph"):
        bindings_for(saved_queries()["verbs-toward-body"], [("body", "UNCTAD")])


def test_header_declarations():
    q = parse_header("# Question: Who recalls\n#   what?\n#\n# @param symbol: A/RES/3369(XXX) (string) the symbol\n"
                     "# @param n: 3 (integer)\n#\n# Example:\n#   a  b\n#   -  -\n#   (0 rows)\nSELECT * {}")
    assert q.question == "Who recalls what?"
    assert [(p.name, p.default, p.type, p.doc) for p in q.params] == [
        ("symbol", "A/RES/3369(XXX)", "string", "the symbol"), ("n", "3", "integer", "")]
    assert q.example.splitlines()[0] == "a  b"
    with pytest.raises(ParameterError, match="cannot read the declaration"):
        parse_header("# @param n: 3 (number)\nSELECT * {}")


def test_resolve_name_file_or_text(tmp_path):
    assert resolve("recall-chain").name == "recall-chain"
    f = tmp_path / "mine.rq"
    f.write_text("# @param s: x (string)\nSELECT ?d WHERE { ?d ung:symbol ?s }")
    assert resolve(str(f)).params[0].name == "s"
    assert resolve("SELECT * WHERE { ?s ?p ?o }").name == "query"
    with pytest.raises(QueryError, match="no saved query or file named 'recal-chain'"):
        resolve("recal-chain")


# --------------------------------------------------------------------------- the command

def test_table_csv_and_json_give_the_same_rows():
    g = str(support.corpus_graph())
    table = cli("query", "recalled-by", "-g", g, "-p", "symbol=A/RES/75/8")
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["document", "session", "title"]
    assert table.output.splitlines()[2].startswith("A/RES/77/15  77")
    assert table.output.rstrip().endswith("(1 row)")
    csv_out = cli("query", "recalled-by", "-g", g, "-p", "symbol=A/RES/75/8", "-f", "csv")
    assert csv_out.output.splitlines()[1].startswith("A/RES/77/15,77,Cooperation between the United Nations")
    data = json.loads(cli("query", "recalled-by", "-g", g, "-p", "symbol=A/RES/75/8", "-f", "json").output)
    assert data[0]["document"] == "A/RES/77/15" and data[0]["session"] == 77


def test_rdflib_store_prints_the_same_output():
    g = str(support.corpus_graph())
    for name in ("most-invited-agencies",):
        a = cli("query", name, "-g", g, "-f", "csv")
        b = cli("query", name, "-g", g, "-f", "csv", "--store", "rdflib")
        assert a.exit_code == b.exit_code == 0
        assert a.output == b.output


def test_sparql_text_file_and_ask(tmp_path):
    g = str(support.corpus_graph())
    n = cli("query", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d ung:sourceFile ?f }", "-g", g, "-f", "csv")
    assert n.output.splitlines() == ["n", str(len(support.corpus_documents()))]
    f = tmp_path / "q.rq"
    f.write_text("# @param f: A_RES_75_324.md (string)\nASK { ?d ung:sourceFile ?f }\n")
    assert cli("query", str(f), "-g", g, "-f", "csv").output.splitlines() == ["ask", "true"]
    assert cli("query", str(f), "-g", g, "-f", "csv", "-p", "f=nope.md").output.splitlines() == ["ask", "false"]


def test_show_prints_the_bound_query():
    g = str(support.corpus_graph())
    out = cli("query", "verbs-toward-body", "-g", g, "--show", "-p", "body=unctad")
    assert "VALUES ?body { <https://w3id.org/ungraph/id/body/UNCTAD> }" in out.output
    out = cli("query", "recalled-by", "-g", g, "--show", "-p", 'symbol=A/RES/48/2" } ?x ?y ?z {')
    assert out.exit_code == 0
    assert 'VALUES ?symbol { "A/RES/48/2\\" } ?x ?y ?z {" }' in out.output


def test_list_names_every_saved_query():
    out = cli("query", "--list").output
    for name in saved_queries():
        assert name in out
    assert "[symbol=A/RES/3369(XXX)]" in out


def test_errors_are_one_line():
    g = str(support.corpus_graph())
    assert "malformed query: error at 1:" in one_error_line(cli("query", "SELECT ?x WHERE { ?x ung:foo }", "-g", g))
    assert "malformed query" in one_error_line(cli("query", "SELECT ?x WHERE { ?x ung:foo }", "-g", g,
                                                    "--store", "rdflib"))
    assert "bad parameter n='ten': not an integer" in one_error_line(
        cli("query", "# @param n: 1 (integer)\nSELECT ?d WHERE { ?d ung:session ?n }", "-g", g, "-p", "n=ten"))
    assert "unknown parameter 'sym'" in one_error_line(cli("query", "recalled-by", "-g", g, "-p", "sym=1"))
    assert "write --param NAME=VALUE" in one_error_line(cli("query", "recalled-by", "-g", g, "-p", "symbol"))
    assert "no saved query or file named 'nope'" in one_error_line(cli("query", "nope", "-g", g))
    assert "no such graph file" in one_error_line(cli("query", "recalled-by", "-g", "missing.ttl"))
    assert "bad parameter body='Atlantis': no body of the graph" in one_error_line(
        cli("query", "verbs-toward-body", "-g", g, "-p", "body=Atlantis"))
    assert "only SELECT and ASK" in one_error_line(cli("query", "CONSTRUCT WHERE { ?s ?p ?o }", "-g", g))
