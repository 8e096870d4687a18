"""``ungraph push`` into a REAL Oxigraph server: Graph Store Protocol and SPARQL Update,
default and named graphs, batches, replace and append (checked by counting), errors."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import conftest_oxigraph as support  # noqa: E402

from ungraph import rdf  # noqa: E402
from ungraph.cli import main  # noqa: E402
from ungraph.push import _count_by_download, guess_query_endpoint, push  # noqa: E402

NAMED = "https://w3id.org/ungraph/id/graph/push-test"


@pytest.fixture(scope="module")
def server():
    s = support.started_server("push")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def graph() -> Path:
    return support.corpus_graph()


@pytest.fixture(scope="module")
def n(graph) -> int:
    return len(set(rdf.read(graph)))


@pytest.fixture(scope="module")
def extra() -> Path:
    """Three triples the corpus graph does not have, one it has."""
    N, T = ox.NamedNode, ox.Triple
    ex = "https://example.org/"
    triples = [T(N(ex + "a"), N(ex + "p"), ox.Literal(str(i))) for i in range(3)]
    triples.append(T(N("https://w3id.org/ungraph/id/doc/A/RES/75/324"), N("https://w3id.org/ungraph/ontology#symbol"),
                     ox.Literal("A/RES/75/324")))
    path = support.tmp_dir("push") / "extra.nt"
    path.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    return path


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_error_line(result) -> str:
    assert result.exit_code != 0, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_graph_store_replace_then_append(server, graph, extra, n):
    out = cli("push", graph, "--store", server.store_url, "--replace")
    assert out.exit_code == 0, out.output
    assert out.output.strip() == (f"sent {n:,} triples from {graph.name} in 1 batch (graph store protocol, "
                                  f"replaced the default graph at {server.store_url}); "
                                  f"the default graph now holds {n:,} triples")
    # append: 3 new triples, 1 the store already has
    out = cli("push", extra, "--store", server.store_url)
    assert "added to the default graph" in out.output and out.output.rstrip().endswith(f"now holds {n + 3:,} triples")
    # appending again changes nothing (a graph is a set of triples)
    assert cli("push", extra, "--store", server.store_url).output.rstrip().endswith(f"now holds {n + 3:,} triples")
    # replacing gives back exactly the file
    assert cli("push", graph, "--store", server.store_url, "--replace").output.rstrip().endswith(
        f"now holds {n:,} triples")
    assert server.count() == n


def test_graph_store_named_graph_in_batches(server, graph, extra, n):
    out = cli("push", extra, "--store", server.store_url, "--graph-iri", NAMED, "--replace")
    assert out.output.rstrip().endswith(f"graph <{NAMED}> now holds 4 triples")
    out = cli("push", graph, "--store", server.store_url, "--graph-iri", NAMED, "--replace", "--batch-size", 7000)
    batches = -(-n // 7000)
    assert f"in {batches} batches" in out.output and out.output.rstrip().endswith(f"now holds {n:,} triples")
    assert server.count(NAMED) == n


def test_update_protocol(server, graph, extra, n):
    out = cli("push", extra, "--update", server.update_url, "--graph-iri", NAMED + "/u", "--replace")
    assert out.exit_code == 0, out.output
    assert "update protocol" in out.output and out.output.rstrip().endswith("now holds 4 triples")
    out = cli("push", graph, "--update", server.update_url, "--graph-iri", NAMED + "/u", "--batch-size", 5000)
    assert f"in {-(-n // 5000)} batches" in out.output
    assert out.output.rstrip().endswith(f"now holds {n + 3:,} triples")        # appended
    out = cli("push", graph, "--update", server.update_url, "--graph-iri", NAMED + "/u", "--replace")
    assert out.output.rstrip().endswith(f"now holds {n:,} triples")            # replaced


def test_update_protocol_default_graph(server, graph, extra, n):
    report = push(extra, update_url=server.update_url, replace=True)
    assert (report.sent, report.after, report.graph_iri) == (4, 4, None)
    report = push(graph, update_url=server.update_url, replace=True, batch_size=10_000)
    assert (report.sent, report.batches, report.after) == (n, -(-n // 10_000), n)


def test_progress_and_counting_by_download(server, graph, n):
    seen = []
    push(graph, store_url=server.store_url, replace=True, batch_size=6000, progress=seen.append)
    assert seen[-1] == n and seen == sorted(seen)
    assert _count_by_download(server.store_url, None, 20) == n


def test_persistent_store(graph, n):
    """The same with Oxigraph's on-disk storage (``--location``), and the data survives a restart."""
    location = support.tmp_dir("oxigraph-disk")
    s = support.OxigraphServer(location)
    try:
        assert push(graph, store_url=s.store_url, replace=True).after == n
    finally:
        s.stop()
    s = support.OxigraphServer(location)
    try:
        assert s.count() == n
    finally:
        s.stop()


def test_guessed_query_endpoints():
    assert guess_query_endpoint("http://h:7878/store") == "http://h:7878/query"
    assert guess_query_endpoint("http://h:7878/update") == "http://h:7878/query"
    assert guess_query_endpoint("http://h:3030/ds/data?x=1") == "http://h:3030/ds/query"
    assert guess_query_endpoint("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"
    assert guess_query_endpoint("http://h/somewhere") is None


def test_down_store(graph):
    line = one_error_line(cli("push", graph, "--store", support.closed_port_url("/store")))
    assert re.search(r"/store\?default: connection refused; is the store running\?$", line)
    assert "connection refused" in one_error_line(cli("push", graph, "--update", support.closed_port_url("/update")))


def test_store_timeout(graph):
    silent = support.SilentServer()
    try:
        line = one_error_line(cli("push", graph, "--store", silent.url + "/store", "--timeout", 1))
    finally:
        silent.stop()
    assert "no answer within 1 s (timeout)" in line


def test_store_refuses(server, graph):
    line = one_error_line(cli("push", graph, "--update", server.store_url))   # a store URL is no update endpoint
    assert "the store answered HTTP" in line


def test_usage_errors(graph, server):
    assert "exactly one of --store URL or --update URL" in CliRunner().invoke(main, ["push", str(graph)]).output
    line = one_error_line(cli("push", graph, "--store", server.store_url, "--graph-iri", "not an iri"))
    assert "bad graph IRI" in line
