"""``ungraph serve``: a read-only SPARQL endpoint with a query page, started for real."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import conftest_oxigraph as support  # noqa: E402

from ungraph.cli import main  # noqa: E402
from ungraph.query import EmbeddedStore, Endpoint, results_from_json, run, saved_queries  # noqa: E402
from ungraph.serve import serve_in_thread  # noqa: E402

COUNT = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d ung:sourceFile ?f }"


@pytest.fixture(scope="module")
def server():
    s = serve_in_thread(support.corpus_graph(), port=0)
    yield s
    s.shutdown()
    s.server_close()


def get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def post(url: str, data: bytes, ctype: str, accept: str | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": ctype, **({"Accept": accept} if accept else {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def test_sparql_protocol_get_and_post(server):
    n = len(support.corpus_documents())
    for path in ("sparql", "query"):
        status, ctype, body = get(server.url + path + "?" + urllib.parse.urlencode({"query": COUNT}))
        assert status == 200 and ctype.startswith("application/sparql-results+json")
        assert results_from_json(json.loads(body)).rows == [(n,)]
    status, _, body = post(server.url + "sparql", urllib.parse.urlencode({"query": COUNT}).encode(),
                           "application/x-www-form-urlencoded")
    assert status == 200 and results_from_json(json.loads(body)).rows == [(n,)]
    status, _, body = post(server.url + "sparql", COUNT.encode(), "application/sparql-query")
    assert status == 200 and results_from_json(json.loads(body)).rows == [(n,)]


def test_other_result_formats(server):
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": COUNT})
    status, ctype, body = get(url, accept="text/csv")
    assert status == 200 and ctype.startswith("text/csv")
    assert body.decode().split() == ["n", str(len(support.corpus_documents()))]
    assert get(url, accept="application/sparql-results+xml")[1].startswith("application/sparql-results+xml")
    construct = "CONSTRUCT { ?d ung:symbol ?s } WHERE { ?d ung:symbol \"A/RES/75/324\" ; ung:symbol ?s }"
    status, ctype, body = get(server.url + "sparql?" + urllib.parse.urlencode({"query": construct}))
    assert status == 200 and ctype.startswith("application/n-triples")
    assert body.decode().strip() == ('<https://w3id.org/ungraph/id/doc/A/RES/75/324> '
                                     '<https://w3id.org/ungraph/ontology#symbol> "A/RES/75/324" .')


def test_saved_queries_through_the_endpoint(server):
    """Through ``ungraph query --endpoint``: the same rows as the embedded store."""
    local, remote = EmbeddedStore(support.corpus_graph()), Endpoint(server.url + "sparql", timeout=10)
    for name, q in saved_queries().items():
        assert run(local, q).rows == run(remote, q).rows, name
    q = saved_queries()["recalled-by"]
    assert run(local, q, [("symbol", "A/RES/75/8")]).rows == run(remote, q, [("symbol", "A/RES/75/8")]).rows


def test_page_parameters_are_bound_by_the_server(server):
    text = saved_queries()["recalled-by"].text
    form = urllib.parse.urlencode({"query": text, "param.symbol": "A/RES/48/2"}).encode()
    status, _, body = post(server.url + "sparql", form, "application/x-www-form-urlencoded")
    assert status == 200
    assert [r[0] for r in results_from_json(json.loads(body)).rows] == ["A/RES/75/324"]
    # without param.symbol the declared default is bound, as with `ungraph query`
    status, _, body = post(server.url + "sparql", urllib.parse.urlencode({"query": text}).encode(),
                           "application/x-www-form-urlencoded")
    assert len(results_from_json(json.loads(body)).rows) == len(run(EmbeddedStore(support.corpus_graph()), text).rows)
    status, _, body = post(server.url + "sparql", urllib.parse.urlencode({"query": text, "param.nope": "1"}).encode(),
                           "application/x-www-form-urlencoded")
    assert status == 400 and b"unknown parameter 'nope'" in body


def test_query_page_and_saved_query_menu(server):
    status, ctype, body = get(server.url)
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode()
    assert "<textarea" in page and 'id="saved"' in page and "/queries.json" in page and "/sparql" in page
    status, _, body = get(server.url + "queries.json")
    data = json.loads(body)
    assert {q["name"] for q in data["queries"]} == set(saved_queries())
    assert data["triples"] > 10_000
    recalled = next(q for q in data["queries"] if q["name"] == "recalled-by")
    assert recalled["params"] == [{"name": "symbol", "default": "A/RES/3369(XXX)", "type": "string",
                                   "doc": "canonical symbol of the recalled resolution"}]


def test_read_only_and_errors(server):
    n = server.triples
    assert post(server.url + "sparql", b"update=DROP+ALL", "application/x-www-form-urlencoded")[0] == 403
    assert post(server.url + "sparql", b"DROP ALL", "application/sparql-update")[0] == 403
    assert post(server.url + "update", b"update=DROP+ALL", "application/x-www-form-urlencoded")[0] == 403
    status, _, body = get(server.url + "sparql?" + urllib.parse.urlencode({"query": "DROP ALL"}))
    assert status == 400 and body.decode().startswith("malformed query")
    assert len(server.store) == n
    status, _, body = get(server.url + "sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x"}))
    assert status == 400 and body.decode().count("\n") == 1
    assert get(server.url + "sparql")[0] == 400
    assert get(server.url + "nothing")[0] == 404


def test_the_command_in_a_subprocess():
    port = support.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "ungraph", "serve", str(support.corpus_graph()),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("serving corpus.ttl (") and f"http://127.0.0.1:{port}/sparql" in line, line
        deadline = time.monotonic() + 20
        while True:
            try:
                status, _, body = get(f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": COUNT}))
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert status == 200 and results_from_json(json.loads(body)).rows == [(len(support.corpus_documents()),)]
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()


def test_port_in_use_is_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        out = CliRunner().invoke(main, ["serve", str(support.corpus_graph()), "--port", str(port)])
    assert out.exit_code != 0
    lines = [x for x in out.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: cannot listen on 127.0.0.1:{port}")
