"""Embedded store (pyoxigraph) vs rdflib's in-memory store, on the saved queries.

For a graph of N generated resolutions (``bench/generate_corpus.py``, built with
``ungraph.build.build_corpus``) or any graph file, this loads the graph into each store
and runs every saved query in ``queries/`` (best of ``--repeat`` runs), checks that both
stores return the same rows, and prints a markdown table (``--json`` writes the figures).

    python bench/bench_store.py --n 1000                 # generate + build + measure (cached)
    python bench/bench_store.py --graph ungraph.ttl      # any graph file
    python bench/bench_store.py --n 10000 --stores oxigraph
    python bench/bench_store.py --n 1000 -p recalled-by.symbol='A/RES/1514(XV)'

The saved queries' default parameters name documents of the bundled corpus; on a generated
graph give values it holds with ``-p QUERY.PARAM=VALUE`` (repeatable), or the query may
answer nothing (and be fast for that reason only).

Graphs of 1k / 10k / 50k documents: ``--n 1000``, ``--n 10000``, ``--n 50000`` generate
the texts into ``bench/corpora/n<N>-seed<S>-v<V>/`` (shared with ``bench/run.py``) and build
``bench/corpora/bench_store/n<N>-seed<S>-v<V>.ttl`` once;
the same by hand:

    python bench/generate_corpus.py --n 50000 --out bench/corpora/n50000
    ungraph build bench/corpora/n50000 -o bench/corpora/n50000.ttl --no-validate
    python bench/bench_store.py --graph bench/corpora/n50000.ttl --query-timeout 300

rdflib is pure Python: expect minutes per query on the largest graphs; a query slower
than ``--query-timeout`` seconds is stopped (SIGALRM) and reported as such.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / "corpora"
sys.path.insert(0, str(ROOT / "src"))

from ungraph.query import EmbeddedStore, RdflibStore, run, saved_queries  # noqa: E402

STORES = {"oxigraph": EmbeddedStore, "rdflib": RdflibStore}


class Timeout(BaseException):
    """Not an Exception: the stores must not turn it into a query error."""


def _alarm(signum, frame):
    raise Timeout()


def generated_graph(n: int, seed: int) -> Path:
    """Generate N texts (once) and build their graph (once); returns the graph file."""
    gen = ROOT / "bench" / "generate_corpus.py"
    if not gen.is_file():
        sys.exit("bench/generate_corpus.py is missing: pass --graph FILE instead")
    version = "1"
    for line in gen.read_text().splitlines():
        if line.startswith("GENERATOR_VERSION"):
            version = line.split("=")[1].strip()
            break
    folder = CORPORA / f"n{n}-seed{seed}-v{version}"
    graph = CORPORA / "bench_store" / f"n{n}-seed{seed}-v{version}.ttl"   # our own copy: bench/run.py removes its own
    if not (folder / ".manifest.json").is_file():
        print(f"generating {n} documents into {folder} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(gen), "--n", str(n), "--out", str(folder), "--seed", str(seed)],
                       check=True)
    if not graph.is_file():
        from ungraph.build import build_corpus

        print(f"building {graph} ...", file=sys.stderr)
        t = time.perf_counter()
        report = build_corpus(folder, graph, validate=False)
        print(f"  {report.triples:,} triples in {time.perf_counter() - t:.1f} s "
              f"({len(report.errors)} files not read)", file=sys.stderr)
    return graph


def measure(graph: Path, stores: list[str], repeat: int, timeout: float,
            params: dict[str, list[tuple[str, str]]] | None = None) -> dict:
    queries = saved_queries()
    params = params or {}
    out: dict = {"graph": str(graph), "bytes": graph.stat().st_size, "stores": {},
                 "params": {q: dict(p) for q, p in params.items()}}
    rows_by_store: dict[str, dict] = {}
    signal.signal(signal.SIGALRM, _alarm)
    for name in stores:
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        backend = STORES[name](graph)
        load = time.perf_counter() - t
        res: dict = {"load_seconds": round(load, 3),
                     "max_rss_mb_after_load": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                     "rss_growth_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024, 1),
                     "queries": {}}
        if name == "oxigraph":
            out["triples"] = len(backend.store)
        rows_by_store[name] = {}
        print(f"{name}: loaded in {load:.2f} s", file=sys.stderr)
        for qname, q in queries.items():
            times, rows, error = [], None, None
            for _ in range(repeat):
                signal.setitimer(signal.ITIMER_REAL, timeout)
                t = time.perf_counter()
                try:
                    result = run(backend, q, params.get(qname, []))
                    times.append(time.perf_counter() - t)
                    rows = result.rows
                except Timeout:
                    error = f"> {timeout:g} s"
                    break
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            res["queries"][qname] = {"seconds": round(min(times), 4) if times else None,
                                     "rows": len(rows) if rows is not None else None, "error": error}
            rows_by_store[name][qname] = rows
            print(f"  {qname}: {res['queries'][qname]}", file=sys.stderr)
        out["stores"][name] = res
        del backend
    if len(rows_by_store) == 2:
        a, b = rows_by_store["oxigraph"], rows_by_store["rdflib"]
        out["same_rows"] = {q: (a[q] == b[q]) if a[q] is not None and b[q] is not None else None for q in a}
    return out


def markdown(result: dict) -> str:
    stores = list(result["stores"])
    lines = [f"Graph: {Path(result['graph']).name}, {result.get('triples', 0):,} triples "
             f"({result['bytes'] / 1e6:.1f} MB Turtle); {platform.python_implementation()} "
             f"{platform.python_version()}, {platform.machine()}"]
    if result.get("params"):
        lines.append("Parameters: " + "; ".join(f"{q} {k}={v}" for q, p in result["params"].items()
                                                for k, v in p.items()))
    lines.append("")
    lines.append("| | " + " | ".join(stores) + (" | rdflib / oxigraph | same rows |" if len(stores) == 2 else " |"))
    lines.append("|---|" + "---:|" * len(stores) + ("---:|:---:|" if len(stores) == 2 else ""))
    load = [result["stores"][s]["load_seconds"] for s in stores]
    ratio = f" | {load[1] / load[0]:.1f}× | |" if len(stores) == 2 and load[0] else " |"
    lines.append("| load graph (s) | " + " | ".join(f"{x:.2f}" for x in load) + ratio)
    total = {s: 0.0 for s in stores}
    for q in result["stores"][stores[0]]["queries"]:
        cells, secs = [], []
        for s in stores:
            r = result["stores"][s]["queries"][q]
            secs.append(r["seconds"])
            cells.append(r["error"] or f"{r['seconds']:.4f}")
        if all(x is not None for x in secs):      # totals over the queries every store finished
            for s, x in zip(stores, secs):
                total[s] += x
        row = f"| {q} ({result['stores'][stores[0]]['queries'][q]['rows']} rows) | " + " | ".join(cells)
        if len(stores) == 2:
            rat = f"{secs[1] / secs[0]:.0f}×" if secs[0] and secs[1] else "–"
            same = result["same_rows"].get(q)
            row += f" | {rat} | {'yes' if same else 'no' if same is False else '–'} |"
        else:
            row += " |"
        lines.append(row)
    ratio = (f" | {total[stores[1]] / total[stores[0]]:.0f}× | |" if len(stores) == 2 and total[stores[0]]
             else " |")
    lines.append("| saved queries every store finished, total (s) | "
                 + " | ".join(f"{total[s]:.3f}" for s in stores) + ratio)
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="example: python bench/bench_store.py --n 1000")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--n", type=int, help="generate N documents with bench/generate_corpus.py and build them")
    src.add_argument("--graph", type=Path, help="any graph file ungraph can read")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stores", default="oxigraph,rdflib", help="comma-separated: oxigraph,rdflib")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query; the best is kept")
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds allowed to one query run")
    ap.add_argument("-p", "--param", action="append", default=[], metavar="QUERY.PARAM=VALUE",
                    help="a parameter for one saved query (repeatable)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args()
    stores = [s.strip() for s in args.stores.split(",") if s.strip()]
    for s in stores:
        if s not in STORES:
            ap.error(f"unknown store {s!r}; use oxigraph and/or rdflib")
    params: dict[str, list[tuple[str, str]]] = {}
    for spec in args.param:
        key, sep, value = spec.partition("=")
        qname, dot, pname = key.partition(".")
        if not (sep and dot and qname and pname):
            ap.error(f"bad --param {spec!r}: write QUERY.PARAM=VALUE")
        params.setdefault(qname, []).append((pname, value))
    graph = args.graph if args.graph else generated_graph(args.n, args.seed)
    result = measure(graph, stores, args.repeat, args.query_timeout, params)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(markdown(result))


if __name__ == "__main__":
    main()
