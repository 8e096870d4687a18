"""Send a graph file to a triple store, in batches, and report what the store holds after.

Two protocols, both W3C standards every SPARQL server speaks:

* SPARQL 1.1 Graph Store HTTP Protocol (``--store``): N-Triples batches, ``PUT`` for the
  first batch when replacing, ``POST`` (merge) otherwise. Oxigraph ``http://HOST:7878/store``,
  Fuseki ``http://HOST:3030/DATASET/data``, Virtuoso ``http://HOST:8890/sparql-graph-crud``.
* SPARQL 1.1 Update (``--update``): ``INSERT DATA`` batches, preceded by ``CLEAR SILENT`` when
  replacing. Oxigraph ``/update``, Fuseki ``/DATASET/update``, Virtuoso ``/sparql``.

Without a graph IRI the store's default graph is used. Every triple of the file goes to the
one target graph (named graphs of a ``.nq``/``.trig`` file are flattened). Blank nodes are
local to a batch; the graphs ``ungraph build`` writes have none.

The store is then asked how many triples the target graph holds, with a ``COUNT`` query to
its query endpoint (guessed from the URL, or ``query_endpoint``); with the Graph Store
Protocol and no query endpoint, the graph is downloaded and its triples counted.
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import rdf
from .query import Endpoint, EndpointError

GSP_BATCH = 100_000      # triples per Graph Store Protocol request
UPDATE_BATCH = 10_000    # triples per INSERT DATA request
DEFAULT_TIMEOUT = 120.0


@dataclass(frozen=True)
class PushReport:
    """What was sent where, and what the store holds after."""

    source: str
    target: str                 # the URL written to
    protocol: str               # "graph store" | "update"
    graph_iri: str | None       # None: the default graph
    replaced: bool
    sent: int                   # triples sent
    batches: int
    after: int | None           # triples in the target graph after the push (None: unknown)
    counted_by: str | None      # how ``after`` was obtained

    def one_line(self) -> str:
        graph = f"graph <{self.graph_iri}>" if self.graph_iri else "the default graph"
        how = "replaced" if self.replaced else "added to"
        line = (f"sent {self.sent:,} triples from {self.source} in {self.batches} batch"
                f"{'es' if self.batches != 1 else ''} ({self.protocol} protocol, {how} {graph} "
                f"at {self.target}); ")
        if self.after is None:
            return line + "triples in the store after: unknown (pass --query-endpoint to count them)"
        return line + f"{graph} now holds {self.after:,} triples"


def guess_query_endpoint(url: str) -> str | None:
    """The query endpoint that usually sits beside a store or update endpoint.

    >>> guess_query_endpoint("http://localhost:7878/store")
    'http://localhost:7878/query'
    >>> guess_query_endpoint("http://localhost:3030/ds/data")
    'http://localhost:3030/ds/query'
    >>> guess_query_endpoint("http://localhost:8890/sparql")
    'http://localhost:8890/sparql'
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    for tail, repl in (("/store", "/query"), ("/data", "/query"), ("/update", "/query"),
                       ("/sparql-graph-crud", "/sparql"), ("/sparql-graph-crud-auth", "/sparql"),
                       ("/sparql", "/sparql")):
        if path.endswith(tail):
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len(tail)] + repl, query=""))
    return None


def _graph_term(graph_iri: str | None) -> ox.NamedNode | None:
    if graph_iri is None:
        return None
    try:
        return ox.NamedNode(graph_iri)
    except ValueError as exc:
        raise EndpointError(f"bad graph IRI {graph_iri!r}: {exc}") from None


def _batches(path: Path, size: int) -> Iterator[list[ox.Triple]]:
    fmt = rdf.rdf_format(path)
    batch: list[ox.Triple] = []
    try:
        for q in ox.parse(path=str(path), format=fmt):
            batch.append(ox.Triple(q.subject, q.predicate, q.object))
            if len(batch) >= size:
                yield batch
                batch = []
    except SyntaxError as exc:
        raise ValueError(f"{path.name}: not a readable {fmt.name} graph ({' '.join(str(exc).split())})") from exc
    if batch:
        yield batch


def _request(method: str, url: str, body: bytes | None, content_type: str | None, timeout: float,
             accept: str | None = None) -> bytes:
    req = urllib.request.Request(url, data=body, method=method)
    if content_type:
        req.add_header("Content-Type", content_type)
    if accept:
        req.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise EndpointError(f"{url}: the store answered HTTP {exc.code} {exc.reason}"
                            + (f": {detail}" if detail else "")) from exc
    except urllib.error.URLError as exc:
        raise _network(url, exc.reason, timeout) from exc
    except (TimeoutError, socket.timeout, ConnectionError, OSError) as exc:
        raise _network(url, exc, timeout) from exc


def _network(url: str, reason, timeout: float) -> EndpointError:
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return EndpointError(f"{url}: no answer within {timeout:g} s (timeout); check the store or raise --timeout")
    if isinstance(reason, ConnectionRefusedError) or "refused" in str(reason).lower():
        return EndpointError(f"{url}: connection refused; is the store running?")
    return EndpointError(f"{url}: cannot reach the store ({' '.join(str(reason).split())})")


def _gsp_url(store_url: str, graph: ox.NamedNode | None) -> str:
    sep = "&" if "?" in store_url else "?"
    if graph is None:
        return f"{store_url}{sep}default"
    return f"{store_url}{sep}graph={urllib.parse.quote(graph.value, safe='')}"


def count_triples(query_endpoint: str, graph_iri: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> int:
    """Triples in the default graph (or a named graph) of a store, by a COUNT query."""
    graph = _graph_term(graph_iri)
    pattern = f"GRAPH {graph} {{ ?s ?p ?o }}" if graph is not None else "?s ?p ?o"
    result = Endpoint(query_endpoint, timeout=timeout).run(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(result.rows[0][0])


def _count_by_download(store_url: str, graph: ox.NamedNode | None, timeout: float) -> int:
    data = _request("GET", _gsp_url(store_url, graph), None, None, timeout, accept="application/n-triples")
    return sum(1 for _ in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def push(path: Path, *, store_url: str | None = None, update_url: str | None = None,
         graph_iri: str | None = None, replace: bool = False, batch_size: int | None = None,
         query_endpoint: str | None = None, timeout: float = DEFAULT_TIMEOUT,
         progress: Callable[[int], None] | None = None) -> PushReport:
    """Send the graph file at ``path`` to a store; see the module docstring for the protocols.

    ``progress`` is called with the number of triples sent so far after each batch.
    """
    path = Path(path)
    if (store_url is None) == (update_url is None):
        raise ValueError("give exactly one of a Graph Store URL (--store) or an update URL (--update)")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    graph = _graph_term(graph_iri)
    target = store_url or update_url
    if not str(target).startswith(("http://", "https://")):
        raise EndpointError(f"{target}: not an http(s) URL")
    size = batch_size or (GSP_BATCH if store_url else UPDATE_BATCH)
    if size < 1:
        raise ValueError("the batch size must be at least 1")
    sent = batches = 0

    if store_url:
        url = _gsp_url(store_url, graph)
        for batch in _batches(path, size):
            method = "PUT" if replace and batches == 0 else "POST"
            _request(method, url, ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES),
                     "application/n-triples", timeout)
            sent += len(batch)
            batches += 1
            if progress:
                progress(sent)
        if replace and batches == 0:       # an empty file replaces the graph by nothing
            _request("PUT", url, b"", "application/n-triples", timeout)
            batches = 1
    else:
        graph_open, graph_close = (f"GRAPH {graph} {{ ", " }") if graph is not None else ("", "")
        if replace:
            clear = f"CLEAR SILENT GRAPH {graph}" if graph is not None else "CLEAR SILENT DEFAULT"
            _request("POST", update_url, urllib.parse.urlencode({"update": clear}).encode(),
                     "application/x-www-form-urlencoded", timeout)
        for batch in _batches(path, size):
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            update = f"INSERT DATA {{ {graph_open}\n{body}{graph_close} }}"
            _request("POST", update_url, urllib.parse.urlencode({"update": update}).encode(),
                     "application/x-www-form-urlencoded", timeout)
            sent += len(batch)
            batches += 1
            if progress:
                progress(sent)

    after = counted_by = None
    endpoint = query_endpoint or guess_query_endpoint(target)
    if endpoint:
        after, counted_by = count_triples(endpoint, graph_iri, timeout), endpoint
    elif store_url:
        after, counted_by = _count_by_download(store_url, graph, timeout), "download"
    return PushReport(source=path.name, target=target, protocol="graph store" if store_url else "update",
                      graph_iri=graph_iri, replaced=replace, sent=sent, batches=batches, after=after,
                      counted_by=counted_by)
