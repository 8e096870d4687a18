"""Push the corpus graph into a REAL Oxigraph server, then query it remotely: every saved
query gives the same rows as the embedded store; remote failures give one clear line."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import conftest_oxigraph as support  # noqa: E402

from ungraph.cli import main  # noqa: E402
from ungraph.query import EmbeddedStore, Endpoint, MalformedQuery, run, saved_queries  # noqa: E402

NAMED = "https://w3id.org/ungraph/id/graph/test"


@pytest.fixture(scope="module")
def server():
    s = support.started_server("remote")
    graph = str(support.corpus_graph())
    for extra in ([], ["--graph-iri", NAMED]):
        out = CliRunner().invoke(main, ["push", graph, "--store", s.store_url, "--replace", *extra])
        assert out.exit_code == 0, out.output
    yield s
    s.stop()


def cli(*args):
    return CliRunner().invoke(main, list(args))


def one_error_line(result) -> str:
    assert result.exit_code != 0, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_every_saved_query_gives_the_same_rows_remotely(server):
    local = EmbeddedStore(support.corpus_graph())
    remote = Endpoint(server.query_url, timeout=20)
    for name, q in saved_queries().items():
        a, b = run(local, q), run(remote, q)
        assert (a.columns, a.rows) == (b.columns, b.rows), name


def test_parameters_are_bound_remotely_too(server):
    local = EmbeddedStore(support.corpus_graph())
    remote = Endpoint(server.query_url, timeout=20)
    for name, params in [("recalled-by", [("symbol", "A/RES/48/2"), ("symbol", "A/RES/75/8")]),
                         ("verbs-toward-body", [("body", "unctad")]),
                         ("agencies-per-organization",
                          [("kind", "https://w3id.org/ungraph/id/kind/IntergovernmentalOrganization")]),
                         ("recalled-by", [("symbol", 'A/RES/48/2" } ?x ?y ?z {')])]:
        q = saved_queries()[name]
        assert run(local, q, params).rows == run(remote, q, params).rows, name


def test_the_command_prints_the_same_table(server):
    g = str(support.corpus_graph())
    for name in ("recall-chain", "most-invited-agencies"):
        a, b = cli("query", name, "-g", g), cli("query", name, "-e", server.query_url)
        assert a.exit_code == b.exit_code == 0, b.output
        assert a.output == b.output


def test_a_named_graph(server):
    g = str(support.corpus_graph())
    a = cli("query", "draft-sponsors", "-g", g, "-f", "csv")
    b = cli("query", "draft-sponsors", "-e", server.query_url, "--graph-iri", NAMED, "-f", "csv")
    assert a.output == b.output
    assert server.count(NAMED) == server.count()


def test_down_endpoint():
    line = one_error_line(cli("query", "recall-chain", "-e", support.closed_port_url()))
    assert "connection refused; is the SPARQL endpoint running?" in line


def test_timeout():
    silent = support.SilentServer()
    try:
        line = one_error_line(cli("query", "recall-chain", "-e", silent.url + "/query", "--timeout", "1"))
    finally:
        silent.stop()
    assert "no answer within 1 s (timeout)" in line


def test_malformed_query_remotely(server):
    line = one_error_line(cli("query", "SELECT ?x WHERE {\n  ?x ung:foo }", "-e", server.query_url))
    # the position is the user's: line 2 of the text typed, not of the text sent
    assert line.startswith("Error: malformed query: ") and "refused it: error at 2:" in line
    with pytest.raises(MalformedQuery):
        run(Endpoint(server.query_url), "SELEC")


def test_bad_parameter_is_refused_before_sending():
    # the endpoint is down: the parameter is refused first, nothing is sent
    line = one_error_line(cli("query", "agencies-per-organization", "-e", support.closed_port_url(),
                              "-p", "kind=http://x/> } DROP ALL { <http://y"))
    assert "bad parameter kind=" in line and "not an IRI" in line


def test_not_an_endpoint(server):
    assert "not found (404)" in one_error_line(cli("query", "recall-chain", "-e", server.base + "/nothing-here"))
    assert "not an http(s) URL" in one_error_line(cli("query", "recall-chain", "-e", "localhost:7878/query"))
