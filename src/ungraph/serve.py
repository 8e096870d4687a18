"""A graph as a read-only SPARQL endpoint on localhost, with a query page for the browser.

Routes (SPARQL 1.1 Protocol for queries; no update route exists):

* ``GET /sparql?query=...`` or ``/query?query=...``; ``POST`` with a form field ``query`` or
  an ``application/sparql-query`` body. Results in SPARQL JSON by default, CSV, TSV or XML
  when the ``Accept`` header (or a ``format`` parameter) asks for them; CONSTRUCT and
  DESCRIBE give N-Triples (or Turtle).
* Parameters declared in the query's header (``# @param symbol: ... (string)``) are bound
  exactly as ``ungraph query`` binds them: their defaults, or ``param.NAME=VALUE`` fields.
* ``GET /`` is the query page (the saved queries in a menu, a results table);
  ``GET /queries.json`` lists the saved queries.

Only the standard library's ``http.server`` and pyoxigraph are used.
"""
from __future__ import annotations

import json
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from . import vocab
from .query import EmbeddedStore, QueryError, bind, bindings_for, parse_header, saved_queries
from .store import open_graph

MAX_BODY = 1 << 20      # a query of more than 1 MiB is refused

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}


def _negotiate(accept: str, fmt: str | None, graph: bool) -> tuple[str, object, str]:
    """(key, pyoxigraph format, media type) from a ``format`` parameter or the Accept header."""
    accept = (accept or "").lower()
    if graph:
        key = fmt if fmt in GRAPH_FORMATS else "ttl" if "turtle" in accept else "nt"
        f = GRAPH_FORMATS[key]
        return key, f, f.media_type
    key = fmt if fmt in RESULT_FORMATS else None
    if key is None:
        key = ("csv" if "text/csv" in accept else "tsv" if "tab-separated" in accept
               else "xml" if "sparql-results+xml" in accept else "json")
    f = RESULT_FORMATS[key]
    return key, f, f.media_type


def page_html() -> bytes:
    return resources.files("ungraph").joinpath("resources/query.html").read_bytes()


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server holding one read-only store."""

    daemon_threads = True
    allow_reuse_address = True
    verbose = False         # log one line per request on stderr

    def __init__(self, address: tuple[str, int], store: ox.Store, name: str = "graph",
                 queries_directory: Path | None = None):
        super().__init__(address, SparqlHandler)
        self.store = store
        self.name = name
        self.queries = saved_queries(queries_directory)
        self.triples = len(store)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "ungraph-sparql/1"

    def log_message(self, format: str, *args) -> None:  # quiet unless the server is verbose (the CLI)
        if self.server.verbose:
            super().log_message(format, *args)

    # -- plumbing
    def _send(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type if "charset" in media_type or not media_type.startswith("text")
                         else media_type + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (" ".join(message.split()) + "\n").encode("utf-8"), "text/plain")

    # -- routes
    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        fields = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html"):
            return self._send(HTTPStatus.OK, page_html(), "text/html")
        if url.path == "/queries.json":
            return self._send(HTTPStatus.OK, self._queries_json(), "application/json")
        if url.path in ("/sparql", "/query"):
            if "update" in fields:
                return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is not accepted")
            if "query" not in fields:
                return self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter (SPARQL 1.1 Protocol)")
            return self._query(fields)
        if url.path in ("/update", "/store"):
            return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
        return self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}; the SPARQL endpoint is /sparql")

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/update", "/store"):
            return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
        if url.path not in ("/sparql", "/query"):
            return self._error(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path}; use /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large")
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-query":
            fields["query"] = [body]
        elif ctype == "application/sparql-update":
            return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is not accepted")
        else:
            for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                fields.setdefault(k, []).extend(v)
        if "update" in fields:
            return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is not accepted")
        if "query" not in fields:
            return self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter (SPARQL 1.1 Protocol)")
        return self._query(fields)

    # -- work
    def _queries_json(self) -> bytes:
        out = [{"name": q.name, "question": q.question, "text": q.text,
                "params": [{"name": p.name, "default": p.default, "type": p.type, "doc": p.doc} for p in q.params]}
               for q in self.server.queries.values()]
        return json.dumps({"graph": self.server.name, "triples": self.server.triples, "queries": out},
                          ensure_ascii=False).encode("utf-8")

    def _query(self, fields: dict[str, list[str]]) -> None:
        text = fields["query"][0]
        given = [(k[len("param."):], v) for k, vs in fields.items() if k.startswith("param.") for v in vs]
        try:
            q = parse_header(text, "query")
            sparql = bind(q.text, bindings_for(q, given, EmbeddedStore(self.server.store)))
        except QueryError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, str(exc))
        default_graphs = [ox.NamedNode(g) for g in fields.get("default-graph-uri", []) if g]
        try:
            kwargs = {"prefixes": dict(vocab.PREFIXES)}
            if default_graphs:
                kwargs["default_graph"] = default_graphs
            results = self.server.store.query(sparql, **kwargs)
        except SyntaxError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, f"malformed query: {exc}")
        except (ValueError, OSError) as exc:
            return self._error(HTTPStatus.BAD_REQUEST, f"query failed: {exc}")
        fmt = (fields.get("format") or fields.get("output") or [None])[0]
        graph = isinstance(results, ox.QueryTriples)
        _, f, media = _negotiate(self.headers.get("Accept", ""), fmt, graph)
        try:
            body = results.serialize(format=f)
        except (ValueError, OSError) as exc:
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
        self._send(HTTPStatus.OK, body, media)


def make_server(graph: Path | ox.Store, host: str = "127.0.0.1", port: int = 8000,
                queries_directory: Path | None = None) -> SparqlServer:
    """A server for the graph file (or store), bound but not yet serving; port 0 picks a free one."""
    if isinstance(graph, ox.Store):
        store, name = graph, "graph"
    else:
        store, name = open_graph(Path(graph)), Path(graph).name
    return SparqlServer((host, port), store, name, queries_directory)


def serve_in_thread(graph: Path | ox.Store, host: str = "127.0.0.1", port: int = 0) -> SparqlServer:
    """Start serving in a daemon thread; stop with ``server.shutdown()``.

    >>> from ungraph.store import from_triples
    >>> server = serve_in_thread(from_triples([]))
    >>> server.url.startswith("http://127.0.0.1:")
    True
    >>> server.shutdown(); server.server_close()
    """
    server = make_server(graph, host, port)
    threading.Thread(target=server.serve_forever, name="ungraph-serve", daemon=True).start()
    return server
