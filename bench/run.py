"""Measure ungraph at the scale of the whole General Assembly record, on this machine.

For every size N: generate (or reuse) a corpus of N resolutions with
``bench/generate_corpus.py`` (cached under ``bench/corpora/``), then measure, each step
in its own child process so that its peak memory is its own:

* the build (``ungraph.build.build_corpus`` without validation) into a Turtle file:
  wall time, documents per second, peak memory of the process tree (PSS sampled from
  ``/proc``, so forked workers are not counted twice; a lone process's resident set) and ``getrusage`` maxima, with
  the time spent in extraction, in generating and sorting the triples, and in writing;
* SHACL validation of that file (``ungraph.validate``, when present);
* every saved query in ``queries/*.rq`` on the embedded store (pyoxigraph) and on
  rdflib's in-memory store, side by side;
* centrality and longest recall chains (``ungraph.analyze``, when present).

Results go to a JSON file and a markdown table on stdout. Nothing here is asserted:
the figures are measured, and the targets are printed beside them.

    python bench/run.py --sizes 1000
    python bench/run.py --sizes 1000,18000 --out bench/results/latest.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CORPORA = BENCH / "corpora"
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

import generate_corpus  # noqa: E402

TARGETS = {   # for 18,000 resolutions on a 2-core, 24 GB laptop
    "build_seconds": 120, "peak_memory_gb": 3.0, "validation_seconds": 60, "query_seconds": 1.0,
    "analysis_seconds": 15,
}
RESULT = "@@RESULT "
ROW = "@@ROW "


# ================================================================================ machine

def machine() -> dict:
    def cpuinfo(key):
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            return None

    def meminfo_gb():
        try:
            for line in Path("/proc/meminfo").read_text().splitlines():
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 ** 2, 1)
        except OSError:
            return None

    def version(pkg):
        try:
            from importlib.metadata import version as v
            return v(pkg)
        except Exception:
            return None

    return {
        "cpu": cpuinfo("model name") or platform.processor(), "cores": os.cpu_count(),
        "ram_gb": meminfo_gb(), "python": platform.python_version(), "platform": platform.platform(),
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "packages": {p: version(p) for p in ("ungraph", "pyoxigraph", "rdflib", "pyshacl", "pyshacl-turbo",
                                             "networkx", "igraph")},
    }


# ================================================================================ memory of a process tree

def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                out += [int(x) for x in (task / "children").read_text().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _pss_kb(pid: int) -> int:
    """Proportional set size: shared pages split between the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return _rss_kb(pid)


def _rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def _tree_kb(pids: list[int]) -> int:
    """Memory of a process tree: PSS when several processes share pages (forked workers),
    the resident set of a lone process. Reading ``smaps_rollup`` walks the page tables:
    at 2.7 GB every 0.2 s it took 5 CPU-seconds a minute and slowed the measured store
    load by about a tenth, while a lone process's PSS and RSS differ only by its share
    of the shared libraries."""
    if len(pids) == 1:
        return _rss_kb(pids[0])
    return sum(_pss_kb(p) for p in pids)


class TreeMemory(threading.Thread):
    """Samples the memory of a process and its descendants (``_tree_kb``); stops it above a limit."""

    def __init__(self, pid: int, limit_gb: float, every: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.limit_kb, self.every = pid, limit_gb * 1024 ** 2, every
        self.peak_kb, self.peak_processes, self.killed = 0, 0, False
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            pids = _tree(self.pid)
            kb = _tree_kb(pids)
            if kb > self.peak_kb:
                self.peak_kb, self.peak_processes = kb, len(pids)
            if kb > self.limit_kb and not self.killed:
                self.killed = True
                try:
                    os.killpg(self.pid, signal.SIGKILL)
                except OSError:
                    pass
            self._halt.wait(self.every)

    def stop(self):
        self._halt.set()
        self.join()


def run_child(mode: str, params: dict, *, timeout: float, mem_limit_gb: float,
              on_row=None, row_timeout: float | None = None) -> dict:
    """Run ``run.py --child MODE`` and return its result, with wall time and peak tree memory.

    The child is stopped after ``timeout`` seconds or, when ``row_timeout`` is given, when
    that long passes after a result row without the next one."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--params", json.dumps(params)]
    load_before = os.getloadavg()[0]
    busy_before = _busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_detach_but_die_with_parent, cwd=ROOT)
    mem = TreeMemory(proc.pid, mem_limit_gb)
    mem.start()
    result: dict = {}
    stderr_lines: list[str] = []
    err_thread = threading.Thread(target=lambda: stderr_lines.extend(proc.stderr), daemon=True)
    err_thread.start()
    deadline = [time.perf_counter() + timeout]
    timed_out = [False]
    done = threading.Event()

    def watchdog():
        while not done.wait(0.25):
            if time.perf_counter() > deadline[0]:
                timed_out[0] = True
                _kill(proc)
                return
    threading.Thread(target=watchdog, daemon=True).start()
    try:
        for line in proc.stdout:
            if line.startswith(RESULT):
                result = json.loads(line[len(RESULT):])
            elif line.startswith(ROW):
                if row_timeout is not None:
                    deadline[0] = time.perf_counter() + row_timeout
                if on_row:
                    on_row(json.loads(line[len(ROW):]))
        proc.wait()
    finally:
        done.set()
        mem.stop()
        err_thread.join(timeout=5)
    wall = time.perf_counter() - t0
    result.setdefault("status", "ok" if proc.returncode == 0 else "failed")
    if mem.killed:
        result["status"] = f"stopped: memory above {mem_limit_gb:g} GB"
    elif timed_out[0]:
        result["status"] = "stopped: too slow"
    elif proc.returncode:
        tail = "".join(stderr_lines[-6:]).strip()
        result["status"] = "failed"
        result["error"] = tail[-1500:]
    result["wall_seconds"] = round(wall, 3)
    result["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    busy_after = _busy_seconds()
    if busy_before is not None and busy_after is not None:
        # CPU the whole machine used meanwhile; minus the step's own, it is what others took
        result["machine_cpu_seconds"] = round(busy_after - busy_before, 1)
        own = result.get("cpu_self_seconds", 0) + result.get("cpu_children_seconds", 0)
        if own:
            result["others_cpu_seconds"] = round(max(0.0, busy_after - busy_before - own), 1)
    result["peak_tree_pss_mb"] = round(mem.peak_kb / 1024, 1)
    result["peak_processes"] = mem.peak_processes
    return result


def _busy_seconds() -> float | None:
    """CPU time all processes of the machine have used so far (from /proc/stat), in seconds."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def _detach_but_die_with_parent() -> None:
    """A child in its own process group (so the whole tree can be stopped at once) that is
    killed when this process dies (Linux prctl PR_SET_PDEATHSIG)."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass


# ================================================================================ children

def _emit(obj: dict, prefix: str = RESULT) -> None:
    sys.stdout.write(prefix + json.dumps(obj) + "\n")
    sys.stdout.flush()


def _rusage() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"maxrss_self_mb": round(me.ru_maxrss / 1024, 1), "maxrss_largest_child_mb": round(kids.ru_maxrss / 1024, 1),
            "cpu_self_seconds": round(me.ru_utime + me.ru_stime, 2),
            "cpu_children_seconds": round(kids.ru_utime + kids.ru_stime, 2)}


def child_build(p: dict) -> None:
    """The real build (``build_corpus``, no validation) into a Turtle file."""
    from ungraph import build

    t0 = time.perf_counter()
    report = build.build_corpus(Path(p["corpus"]), Path(p["graph"]), validate=False, jobs=p.get("jobs"))
    total = time.perf_counter() - t0
    _emit({"seconds": round(total, 3), "counts": report.counts(), "errors": [e.message for e in report.errors[:20]],
           "graph_bytes": Path(p["graph"]).stat().st_size, **_rusage()})


def child_stages(p: dict) -> None:
    """Where one document's time goes, single-process, on a sample spread over the corpus:
    reading, extraction, generating its triples, sorting them, serializing them."""
    from ungraph import rdf
    from ungraph.extract import extract
    from ungraph.gazetteer import load
    from ungraph.read import discover, read_text

    load()
    files = discover(Path(p["corpus"]))
    step = max(1, len(files) // p["sample"])
    sample = files[::step][:p["sample"]]
    fmt = rdf.FORMATS[".ttl"]
    t = {"read": 0.0, "extract": 0.0, "triples": 0.0, "sort": 0.0, "serialize": 0.0}
    n_triples = 0
    for f in sample:
        t0 = time.perf_counter()
        raw = read_text(f)
        t1 = time.perf_counter()
        doc = extract(raw, f.name)
        t2 = time.perf_counter()
        triples = list(rdf.document_triples(doc))
        t3 = time.perf_counter()
        ordered = rdf.sorted_triples(triples)
        t4 = time.perf_counter()
        if hasattr(rdf, "chunk_bytes"):
            rdf.chunk_bytes(ordered, fmt)
        else:
            rdf.serialize(ordered, fmt)
        t5 = time.perf_counter()
        for k, a, b in (("read", t0, t1), ("extract", t1, t2), ("triples", t2, t3), ("sort", t3, t4),
                        ("serialize", t4, t5)):
            t[k] += b - a
        n_triples += len(ordered)
    n = len(sample)
    per_doc = {k: round(1000 * v / n, 3) for k, v in t.items()}
    _emit({"sample": n, "ms_per_document": per_doc, "triples_per_document": round(n_triples / n, 1),
           "single_core_docs_per_second": round(1000 / sum(per_doc.values()), 1), **_rusage()})


def child_validate(p: dict) -> None:
    """``ungraph validate GRAPH`` as a user runs it: the file loaded, then checked."""
    from ungraph.validate import validate_graph

    t0 = time.perf_counter()
    result = validate_graph(Path(p["graph"]))
    total = time.perf_counter() - t0
    counts = result.counts()
    summary = {"conforms": result.conforms, "engine": result.engine, "violations": counts["violations"],
               "warnings": counts["warnings"], "one_line": result.one_line()}
    rules: dict[str, dict] = {}
    for r in result.results:
        key = f"{r.severity} {r.rule}"
        entry = rules.setdefault(key, {"count": 0, "example": None})
        entry["count"] += 1
        if entry["example"] is None:
            entry["example"] = {k: str(getattr(r, k))[:300] for k in
                                ("source_file", "focus", "path", "value", "message")}
    if rules:
        summary["rules"] = rules
    # The report's own seconds exclude reading the file into the store.
    _emit({"api": "ungraph.validate.validate_graph", "seconds": round(total, 3),
           "check_seconds": round(result.seconds, 3), "read_seconds": round(total - result.seconds, 3),
           "summary": summary, **_rusage()})


def child_queries(p: dict) -> None:
    """Load the graph into one backend and run the saved queries, one result line each."""
    graph = Path(p["graph"])
    backend_name = p["backend"]
    t0 = time.perf_counter()
    from ungraph import query as Q

    backend = Q.EmbeddedStore(graph) if backend_name == "oxigraph" else Q.RdflibStore(graph)
    saved = Q.saved_queries(Path(p["queries"]))

    def run(name):
        return len(Q.run(backend, saved[name], [tuple(x) for x in p.get("bind", {}).get(name, [])]).rows)
    load = time.perf_counter() - t0
    _emit({"load_seconds": round(load, 3), **_rusage()}, ROW)
    for name in p["names"]:
        if name not in saved:
            continue
        times, rows, error = [], None, None
        for _ in range(p.get("repeat", 1)):
            t = time.perf_counter()
            try:
                rows = run(name)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"[:300]
                break
            times.append(time.perf_counter() - t)
            if times[-1] > 5:           # a slow query is not run again
                break
        _emit({"query": name, "bound": p.get("bind", {}).get(name), "seconds": round(min(times), 4) if times else None,
               "first_seconds": round(times[0], 4) if times else None, "rows": rows, "error": error}, ROW)
    _emit({"status": "ok", **_rusage()})


def child_analyze(p: dict) -> None:
    """Centrality and longest recall chains, as ``ungraph centrality`` and ``ungraph chain --longest`` run them."""
    from ungraph.analyze import longest, rank_bodies
    from ungraph.store import open_graph

    out: dict = {"functions": {}}
    t0 = time.perf_counter()
    source = open_graph(Path(p["graph"]))
    out["load_seconds"] = round(time.perf_counter() - t0, 3)
    for label, f in (("centrality", rank_bodies), ("chains", longest)):
        t = time.perf_counter()
        try:
            result = f(source)
            first = result[0] if isinstance(result, tuple) else result
            out["functions"][label] = {"api": f"ungraph.analyze.{f.__name__}",
                                       "seconds": round(time.perf_counter() - t, 3), "size": len(first)}
        except Exception as exc:
            out["functions"][label] = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"[:300],
                                       "seconds": round(time.perf_counter() - t, 3)}
    out["genre"] = genre(source)
    if p.get("manifest"):
        t = time.perf_counter()
        try:
            out["fidelity"] = fidelity(source, Path(p["manifest"]))
        except Exception as exc:
            out["fidelity"] = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"[:300]}
        out["fidelity"]["seconds"] = round(time.perf_counter() - t, 3)
    _emit({**out, **_rusage()})


def genre(store) -> dict:
    """How dense the texts are in what the queries join: paragraphs, operative paragraphs,
    actions naming a body and pairs of bodies named by one action, per document read.
    Measured on the bundled real texts too, so the generated corpus can be held to them."""
    from ungraph import vocab

    def one(q):
        return [int(t.value) for t in next(iter(store.query(vocab.SPARQL_PREFIXES + q)))]

    docs, = one("SELECT (COUNT(?d) AS ?n) WHERE { ?d ung:sourceFile ?f }")
    paragraphs, operative = one(
        "SELECT (COUNT(?p) AS ?n) (SUM(IF(EXISTS { ?p a ung:OperativeParagraph }, 1, 0)) AS ?o) WHERE { "
        "?d ung:sourceFile ?f . ?p dcterms:isPartOf ?d }")
    actions, links, pairs = one(
        "SELECT (COUNT(?a) AS ?n) (SUM(?k) AS ?l) (SUM(?k * (?k - 1) / 2) AS ?pairs) WHERE { "
        "{ SELECT ?a (COUNT(?b) AS ?k) WHERE { ?a ung:addressee ?b } GROUP BY ?a } }")
    per = (lambda x: round(x / docs, 2)) if docs else (lambda x: None)
    return {"documents": docs, "paragraphs_per_document": per(paragraphs),
            "operative_per_document": per(operative), "actions_naming_a_body_per_document": per(actions),
            "bodies_per_such_action": round(links / actions, 2) if actions else None,
            "body_pairs_per_document": per(pairs)}


def child_genre(p: dict) -> None:
    """Build the bundled real corpus and measure its density (see ``genre``)."""
    import tempfile

    from ungraph.build import build_corpus
    from ungraph.store import open_graph

    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "corpus.ttl"
        build_corpus(Path(p["corpus"]), graph, validate=False)
        _emit(genre(open_graph(graph)))


def fidelity(store, manifest: Path) -> dict:
    """How much of the generator's truth the graph holds: precision and recall of recall and
    cite edges and of the named addressees of directive and evaluative actions."""
    from ungraph import vocab
    from ungraph.verbs import is_directive

    docs = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    want: dict[str, set] = {"recalls": set(), "cites": set(), "directive": set(), "evaluative": set()}
    for d in docs:
        want["recalls"] |= {(d["symbol"], r["symbol"]) for r in d["recalls"]}
        want["cites"] |= {(d["symbol"], r["symbol"]) for r in d["cites"]}
        for a in d["actions"]:
            kind = "directive" if is_directive(a["verb"]) else "evaluative"
            want[kind] |= {(d["symbol"], a["paragraph"], a["verb"], k) for k in a["addressees"]}

    def rows(q):
        return [tuple(t.value for t in sol) for sol in store.query(vocab.SPARQL_PREFIXES + q)]

    got: dict[str, set] = {"recalls": set(), "cites": set(), "directive": set(), "evaluative": set()}
    for rel in ("recalls", "cites"):
        got[rel] = set(rows(f"SELECT ?s ?r WHERE {{ ?d ung:sourceFile ?f ; ung:symbol ?s ; ung:{rel} ?x . "
                            "?x ung:symbol ?r }"))
    body = len(vocab.BODY)
    for s, n, verb, b in rows("SELECT ?s ?n ?v ?b WHERE { ?d ung:sourceFile ?f ; ung:symbol ?s ; "
                              "ung:hasOperativeParagraph ?p . ?p ung:paragraphNumber ?n ; ung:hasAction ?a . "
                              "?a ung:verb ?v ; ung:addressee ?b }"):
        kind = "directive" if is_directive(verb) else "evaluative"
        got[kind].add((s, int(n), verb, b[body:]))
    out = {}
    for k in want:
        hit = len(want[k] & got[k])
        out[k] = {"truth": len(want[k]), "graph": len(got[k]),
                  "precision": round(hit / len(got[k]), 4) if got[k] else None,
                  "recall": round(hit / len(want[k]), 4) if want[k] else None,
                  "missed_example": sorted(want[k] - got[k])[:3], "extra_example": sorted(got[k] - want[k])[:3]}
    return out


# ================================================================================ one size

def corpus_for(n: int, seed: int, jobs: int) -> tuple[Path, dict]:
    folder = CORPORA / f"n{n}-seed{seed}-v{generate_corpus.GENERATOR_VERSION}"
    info = {"folder": str(folder.relative_to(ROOT))}
    manifest = folder / generate_corpus.MANIFEST
    if manifest.is_file():
        m = json.loads(manifest.read_text(encoding="utf-8"))
        if m.get("n") == n and m.get("seed") == seed and m.get("generator") == generate_corpus.GENERATOR_VERSION:
            info.update(cached=True, bytes=m["bytes"], series=m["series"], sessions=m["sessions"])
            return folder, info
    t = time.perf_counter()
    # in a child, so that this process stays small (children inherit its peak RSS in getrusage)
    subprocess.run([sys.executable, str(BENCH / "generate_corpus.py"), "--n", str(n), "--out", str(folder),
                    "--seed", str(seed), "--jobs", str(jobs)], check=True, cwd=ROOT)
    m = json.loads(manifest.read_text(encoding="utf-8"))
    info.update(cached=False, generate_seconds=round(time.perf_counter() - t, 2), bytes=m["bytes"],
                series=m["series"], sessions=m["sessions"])
    return folder, info


STEPS = ("build", "stages", "validation", "queries", "analysis")


def measure(n: int, args) -> dict:
    out: dict = {"n": n, "load_average_before": os.getloadavg()}
    log(f"== {n:,} resolutions")
    folder, out["corpus"] = corpus_for(n, args.seed, args.jobs or os.cpu_count() or 1)
    graph = BENCH / "corpora" / f"{folder.name}.ttl"
    steps = args.steps
    if "build" in steps:
        log(f"   build -> {graph.relative_to(ROOT)}")
        b = run_child("build", {"corpus": str(folder), "graph": str(graph), "jobs": args.jobs},
                      timeout=args.build_timeout, mem_limit_gb=args.mem_limit)
        if "seconds" in b:
            b["docs_per_second"] = round(b["counts"]["documents"] / b["seconds"], 1)
        out["build"] = b
        log(f"   build: {b.get('status')} {b.get('seconds', b['wall_seconds'])} s, peak {b['peak_tree_pss_mb']:.0f} MB")
        if b.get("status") != "ok":
            return out
        out["triples"] = b["counts"]["triples"]
        graph.with_suffix(".build.json").write_text(json.dumps(b) + "\n")
    elif graph.is_file() and graph.with_suffix(".build.json").is_file():
        log(f"   reusing {graph.relative_to(ROOT)} (no build step)")
        out["build"] = json.loads(graph.with_suffix(".build.json").read_text())
        out["build"]["reused"] = True
        out["triples"] = out["build"]["counts"]["triples"]
    else:
        log(f"   no graph to reuse at {graph.relative_to(ROOT)}; add the build step")
        return out
    if "stages" in steps:
        out["stages"] = run_child("stages", {"corpus": str(folder), "sample": args.stage_sample},
                                  timeout=args.build_timeout, mem_limit_gb=args.mem_limit)
    if not graph.is_file():
        return out

    if "validation" in steps:
        out["validation"] = run_child("validate", {"graph": str(graph)}, timeout=args.validation_timeout,
                                      mem_limit_gb=args.mem_limit)
        log(f"   validation: {out['validation'].get('status')} {out['validation'].get('seconds', '')}")

    if "queries" in steps:
        queries = sorted(f.stem for f in (ROOT / "queries").glob("*.rq"))
        bind = query_bindings(folder)
        out["queries"] = {"bound": bind}
        for backend in ("oxigraph", "rdflib"):
            if backend == "rdflib" and out.get("triples", 0) > args.rdflib_max_triples:
                out["queries"][backend] = {"status": "skipped",
                                           "note": f"{out['triples']:,} triples > --rdflib-max-triples "
                                                   f"{args.rdflib_max_triples:,}"}
                continue
            out["queries"][backend] = _run_queries(backend, graph, queries, args, bind)
            q = out["queries"][backend]
            log(f"   queries on {backend}: load {q.get('load_seconds')} s, "
                f"{sum(1 for r in q['results'].values() if r.get('seconds') is not None)}/{len(queries)} ran")

    if "analysis" in steps:
        out["analysis"] = run_child("analyze", {"graph": str(graph),
                                                "manifest": str(folder / generate_corpus.MANIFEST)},
                                    timeout=args.analysis_timeout, mem_limit_gb=args.mem_limit)
        log(f"   analysis: {out['analysis'].get('status')}")
    if not args.keep_graph:
        graph.unlink(missing_ok=True)
        graph.with_suffix(".build.json").unlink(missing_ok=True)
    return out


def query_bindings(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """Values for the saved queries' ``symbol`` parameters that exist in the generated corpus
    (their defaults name documents of the bundled corpus): the start of the longest recall
    chain, the most recalled resolution, the document with the most addressed bodies."""
    import re as _re

    docs = json.loads((folder / generate_corpus.MANIFEST).read_text(encoding="utf-8"))["documents"]
    by_symbol = {d["symbol"]: d for d in docs}
    depth: dict[str, int] = {}
    for d in sorted(docs, key=lambda d: d["adopted"]):
        depth[d["symbol"]] = 1 + max((depth.get(r["symbol"], 0) for r in d["recalls"] if r["symbol"] in by_symbol),
                                     default=0)
    recalled: dict[str, int] = {}
    for d in docs:
        for r in d["recalls"]:
            recalled[r["symbol"]] = recalled.get(r["symbol"], 0) + 1
    deepest = max(docs, key=lambda d: (depth[d["symbol"]], d["adopted"]))["symbol"]
    most_recalled = max(sorted(recalled), key=lambda s: recalled[s])
    busiest = max(docs, key=lambda d: sum(len(a["addressees"]) for a in d["actions"]))["symbol"]
    out = {}
    for f in sorted((ROOT / "queries").glob("*.rq")):
        if _re.search(r"^#\s*@param symbol:", f.read_text(), _re.M):
            value = deepest if "chain" in f.stem else most_recalled if "recalled" in f.stem else busiest
            out[f.stem] = [("symbol", value)]
    return out


def _run_queries(backend: str, graph: Path, names: list[str], args, bind: dict) -> dict:
    """Every query in one child; a query slower than --query-timeout is stopped and the rest go on."""
    out = {"results": {}, "load_seconds": None}
    todo = list(names)
    while todo:
        rows: list[dict] = []
        res = run_child("queries", {"graph": str(graph), "backend": backend, "names": todo, "bind": bind,
                                    "queries": str(ROOT / "queries"), "repeat": args.repeat},
                        timeout=args.load_timeout, row_timeout=args.query_timeout * args.repeat,
                        mem_limit_gb=args.mem_limit, on_row=rows.append)
        if res.get("status") not in ("ok", "skipped") and not rows:
            out.update(status=res.get("status"), error=res.get("error"))
            return out
        for r in rows:
            if "load_seconds" in r:
                out["load_seconds"] = r["load_seconds"]
                out["load_maxrss_mb"] = r.get("maxrss_self_mb")
            else:
                out["results"][r["query"]] = r
                if r["query"] in todo:
                    todo.remove(r["query"])
        out["peak_tree_pss_mb"] = max(out.get("peak_tree_pss_mb", 0), res.get("peak_tree_pss_mb", 0))
        if todo and res.get("status") != "ok":
            # the first query that did not report is the one that was running
            slow = todo.pop(0)
            out["results"][slow] = {"query": slow, "seconds": None,
                                    "error": f"> {args.query_timeout:g} s" if "slow" in str(res.get("status"))
                                    else res.get("status")}
    return out


# ================================================================================ report

def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def markdown(result: dict) -> str:
    runs = result["runs"]
    head = "| | " + " | ".join(f"{r['n']:,} resolutions" for r in runs) + " | target (18,000) |"
    sep = "|---|" + "---:|" * len(runs) + "---|"
    rows = []

    def row(label, values, target=""):
        rows.append(f"| {label} | " + " | ".join(values) + f" | {target} |")

    def get(r, *path):
        for p in path:
            if not isinstance(r, dict):
                return None
            r = r.get(p)
        return r

    row("corpus (MB of text)", [_fmt(get(r, "corpus", "bytes") / 1e6) for r in runs])
    real = result.get("bundled_corpus_genre") or {}
    for key, label in (("paragraphs_per_document", "paragraphs per document"),
                       ("operative_per_document", "operative paragraphs per document"),
                       ("actions_naming_a_body_per_document", "actions naming a body, per document"),
                       ("bodies_per_such_action", "bodies named by such an action"),
                       ("body_pairs_per_document", "pairs of bodies named together, per document")):
        row(label, [_fmt(get(r, "analysis", "genre", key), 2) for r in runs],
            f"bundled real texts: {_fmt(real.get(key), 2)}" if real.get(key) is not None else "")
    row("build status", [get(r, "build", "status") or "–" for r in runs])
    row("build time (s)", [_fmt(get(r, "build", "seconds")) for r in runs], "< 120 s")
    row("documents per second", [_fmt(get(r, "build", "docs_per_second")) for r in runs])
    row("CPU taken by other processes during the build (core-seconds)",
        [_fmt(get(r, "build", "others_cpu_seconds")) for r in runs], "0 (idle machine)")
    row("CPU seconds (main + workers)", [_fmt((get(r, "build", "cpu_self_seconds") or 0)
                                             + (get(r, "build", "cpu_children_seconds") or 0)) for r in runs])
    for label, key in (("read", "read"), ("extract", "extract"), ("generate triples", "triples"),
                       ("sort triples", "sort"), ("serialize", "serialize")):
        row(f"· {label} (ms per document, one core)",
            [_fmt(get(r, "stages", "ms_per_document", key), 2) for r in runs])
    row("· single-core documents per second (sum of the above)",
        [_fmt(get(r, "stages", "single_core_docs_per_second")) for r in runs])
    row("peak memory of the build (MB, tree PSS)", [_fmt(get(r, "build", "peak_tree_pss_mb"), 0) for r in runs],
        "< 3,000 MB")
    row("triples", [_fmt(get(r, "triples")) for r in runs])
    row("graph file (MB, Turtle)", [_fmt((get(r, "build", "graph_bytes") or 0) / 1e6) for r in runs])
    row("validation (s)", [_fmt(get(r, "validation", "seconds")) if get(r, "validation", "seconds") is not None
                           else (get(r, "validation", "status") or "–") for r in runs], "< 60 s")
    row("of which reading the file / checking (s)",
        [f"{_fmt(get(r, 'validation', 'read_seconds'))} / {_fmt(get(r, 'validation', 'check_seconds'))}"
         if get(r, "validation", "check_seconds") is not None else "–" for r in runs])
    row("validation peak memory (MB)", [_fmt(get(r, "validation", "peak_tree_pss_mb"), 0) for r in runs])
    row("validation result", [(get(r, "validation", "summary", "one_line") or "–").replace("validated: ", "")
                              for r in runs])
    row("load graph into oxigraph (s)", [_fmt(get(r, "queries", "oxigraph", "load_seconds"), 2) for r in runs])
    row("slowest saved query, oxigraph (s)", [_fmt(_slowest(get(r, "queries", "oxigraph")), 3) for r in runs],
        "< 1 s each")
    row("load graph into rdflib (s)", [_fmt(get(r, "queries", "rdflib", "load_seconds"), 2)
                                       if get(r, "queries", "rdflib", "load_seconds") is not None
                                       else (get(r, "queries", "rdflib", "status") or "–") for r in runs])
    row("centrality (s)", [_analysis(r, "centrality") for r in runs], "< 15 s")
    row("longest recall chains (s)", [_analysis(r, "chains") for r in runs], "< 15 s")
    for key, label in (("recalls", "recall edges"), ("cites", "cite edges"),
                       ("directive", "addressees of directive actions"),
                       ("evaluative", "addressees of evaluative actions")):
        row(f"graph vs generator truth: {label} (precision / recall)",
            [_pr(get(r, "analysis", "fidelity", key)) for r in runs])
    out = [head, sep] + rows
    for r in runs:
        q = r.get("queries") or {}
        ox_res = (q.get("oxigraph") or {}).get("results") or {}
        rd = q.get("rdflib") or {}
        rd_res = rd.get("results") or {}
        if not ox_res:
            continue
        out += ["", f"Saved queries, {r['n']:,} resolutions (best of {result['args']['repeat']} runs; "
                    "rdflib " + (rd.get("note") or rd.get("status") or "side by side") + ")", "",
                "| query | rows | oxigraph (s) | rdflib (s) | rdflib / oxigraph |", "|---|---:|---:|---:|---:|"]
        bound = q.get("bound") or {}
        for name in sorted(ox_res):
            a, b = ox_res[name], rd_res.get(name, {})
            ratio = (b["seconds"] / a["seconds"]) if a.get("seconds") and b.get("seconds") else None
            label = name + (" (" + ", ".join(f"{k}={v}" for k, v in bound[name]) + ")" if bound.get(name) else "")
            out.append(f"| {label} | {_fmt(a.get('rows'))} | {_fmt(a.get('seconds'), 3) if a.get('seconds') is not None else a.get('error')} | "
                       f"{_fmt(b.get('seconds'), 3) if b.get('seconds') is not None else (b.get('error') or '–')} | "
                       f"{_fmt(ratio, 1) if ratio else '–'} |")
    m = result["machine"]
    out += ["", f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']}, "
                f"pyoxigraph {m['packages'].get('pyoxigraph')}, rdflib {m['packages'].get('rdflib')}; "
                f"load average before each size: "
                + ", ".join(f"{r['n']:,}: {r['load_average_before'][0]:.1f}" for r in runs) + "."]
    return "\n".join(out)


def _pr(f):
    if not f or f.get("precision") is None:
        return "–"
    return f"{100 * f['precision']:.2f}% / {100 * f['recall']:.2f}%"


def _slowest(q):
    if not q or not q.get("results"):
        return None
    ts = [r["seconds"] for r in q["results"].values() if r.get("seconds") is not None]
    return max(ts) if ts else None


def _analysis(r, label):
    a = r.get("analysis") or {}
    f = (a.get("functions") or {}).get(label)
    if not f:
        return a.get("status") or "–"
    return _fmt(f["seconds"], 2) if f.get("seconds") is not None and not f.get("status") else f.get("status", "–")


# ================================================================================ main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/run.py --sizes 1000,18000 --out bench/results/latest.json")
    ap.add_argument("--sizes", default="1000,18000,50000", help="comma-separated corpus sizes")
    ap.add_argument("--skip-50k", action="store_true", help="drop sizes of 50,000 and more")
    ap.add_argument("--out", type=Path, default=RESULTS / "latest.json", help="JSON results file")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=None, help="build workers (default: ungraph's own choice)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query (the best is reported)")
    ap.add_argument("--mem-limit", type=float, default=12.0, help="stop a step whose memory exceeds this (GB)")
    ap.add_argument("--build-timeout", type=float, default=3600)
    ap.add_argument("--validation-timeout", type=float, default=1200)
    ap.add_argument("--analysis-timeout", type=float, default=900)
    ap.add_argument("--load-timeout", type=float, default=900, help="time allowed to load a graph for queries")
    ap.add_argument("--query-timeout", type=float, default=120, help="time allowed to one query")
    ap.add_argument("--rdflib-max-triples", type=int, default=3_000_000,
                    help="skip rdflib above this many triples (it needs ~1 KB of RAM per triple)")
    ap.add_argument("--stage-sample", type=int, default=300,
                    help="documents timed stage by stage, in one process (default 300)")
    ap.add_argument("--steps", default=",".join(STEPS),
                    help="steps to run (default all): " + ",".join(STEPS) + "; without build, a kept graph is reused")
    ap.add_argument("--keep-graph", action="store_true", help="keep bench/corpora/*.ttl")
    ap.add_argument("--report", type=Path, nargs="+", metavar="JSON",
                    help="print the markdown tables of earlier result files (their runs side by side) and exit")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--params", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        {"build": child_build, "stages": child_stages, "validate": child_validate, "queries": child_queries,
         "analyze": child_analyze, "genre": child_genre}[args.child](json.loads(args.params))
        return 0

    if args.report:
        results = [json.loads(f.read_text()) for f in args.report]
        merged = dict(results[-1])
        merged["runs"] = sorted((r for res in results for r in res["runs"]), key=lambda r: r["n"])
        print(markdown(merged))
        return 0

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    args.steps = [x.strip() for x in args.steps.split(",") if x.strip()]
    unknown = set(args.steps) - set(STEPS)
    if unknown:
        ap.error(f"unknown steps {sorted(unknown)}; use {','.join(STEPS)}")
    if args.skip_50k:
        sizes = [s for s in sizes if s < 50_000]
    result = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
              "targets_for_18000": TARGETS, "args": {k: (str(v) if isinstance(v, Path) else v)
                                                     for k, v in vars(args).items() if k not in ("child", "params")},
              "runs": []}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result["bundled_corpus_genre"] = run_child("genre", {"corpus": str(ROOT / "corpus")}, timeout=600,
                                               mem_limit_gb=args.mem_limit)
    for n in sizes:
        result["runs"].append(measure(n, args))
        tmp = args.out.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(result, indent=1) + "\n")
        tmp.replace(args.out)
    result["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(markdown(result))
    log(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
