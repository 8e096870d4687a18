"""Shared helpers for the query, push and serve tests (imported by them, not a pytest conftest).

* :func:`corpus_graph` builds the bundled corpus graph once per test session.
* :func:`corpus_documents` extracts the corpus with the extraction API: the independent
  source of the answers the saved queries are checked against.
* :class:`OxigraphServer` runs a REAL Oxigraph server (the ``oxigraph`` CLI of the PyPI
  package ``oxigraph``) on a free local port.
* :class:`SilentServer` accepts connections and never answers: a timeout, for real.
"""
from __future__ import annotations

import atexit
import functools
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GAZETTEER = ROOT / "src" / "ungraph" / "data" / "gazetteer.ttl"
_TMP = Path(tempfile.mkdtemp(prefix="ungraph-query-tests-"))
atexit.register(shutil.rmtree, _TMP, True)


def wait_for_gazetteer(limit: float = 15 * 60, every: float = 30) -> None:
    """The gazetteer is written by another engineer; wait for it (up to 15 minutes)."""
    deadline = time.monotonic() + limit
    while not GAZETTEER.is_file():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{GAZETTEER} still missing after {limit:.0f} s")
        time.sleep(every)


@functools.lru_cache(maxsize=None)
def corpus_graph() -> Path:
    """The bundled corpus as a Turtle graph, built once per session."""
    from ungraph.build import build_corpus

    wait_for_gazetteer()
    out = _TMP / "corpus.ttl"
    report = build_corpus(CORPUS, out, validate=False)
    assert not report.errors, report.errors
    return out


@functools.lru_cache(maxsize=None)
def corpus_documents() -> tuple:
    """Every corpus document, from the extraction API (the graph's source, not its SPARQL)."""
    from ungraph.build import extract_corpus

    wait_for_gazetteer()
    docs, errors = extract_corpus(CORPUS)
    assert not errors, errors
    return tuple(sorted(docs, key=lambda d: d.source_file))


def tmp_dir(name: str) -> Path:
    path = _TMP / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else None


class OxigraphServer:
    """``oxigraph serve [--location DIR] --bind 127.0.0.1:PORT``, started and stopped by the tests.

    Without a location the server keeps its data in memory (2-6 times faster to load here
    than its RocksDB storage; the HTTP server and SPARQL engine are the same)."""

    def __init__(self, location: Path | None = None):
        binary = oxigraph_binary()
        if binary is None:
            raise RuntimeError("the oxigraph CLI is not installed (pip install oxigraph)")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query_url, self.store_url, self.update_url = (self.base + p for p in ("/query", "/store", "/update"))
        where = ["--location", str(location)] if location else []
        self.proc = subprocess.Popen([binary, "serve", *where, "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait()

    def _wait(self, limit: float = 30) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph exited: {self.proc.stderr.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"oxigraph did not answer on {self.base} within {limit} s")

    def count(self, graph_iri: str | None = None) -> int:
        from ungraph.push import count_triples

        return count_triples(self.query_url, graph_iri, timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc.stderr:
            self.proc.stderr.close()


class SilentServer:
    """A TCP server that accepts connections, reads, and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._conns: list[socket.socket] = []
        self._stop = threading.Event()
        self.sock.settimeout(0.2)
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self._conns.append(conn)   # keep it open, say nothing

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for c in self._conns:
            c.close()
        self.sock.close()


def started_server(purpose: str):
    """A running Oxigraph server for a module's tests (skipped where the CLI is missing)."""
    import pytest

    if oxigraph_binary() is None:
        pytest.skip(f"the oxigraph CLI (pip install oxigraph) is needed for the {purpose} tests")
    return OxigraphServer()


def closed_port_url(path: str = "/query") -> str:
    """A URL on a local port nobody listens on."""
    return f"http://127.0.0.1:{free_port()}{path}"
