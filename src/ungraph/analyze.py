"""Algorithms over the networks of :mod:`ungraph.networks`: centrality of bodies and chains
of recalled resolutions.

Plain functions, graph in and data out. The store-level helpers (:func:`rank_bodies`,
:func:`chain`, :func:`longest`) only build the network and call them.

Centrality
    :func:`centrality` scores every node of any network: degree, weighted degree,
    betweenness, eigenvector and PageRank. Betweenness counts hops (``weight`` is a
    strength, not a length); eigenvector centrality is taken on the undirected view and
    on its largest connected component (0 elsewhere: it is not defined across
    components); PageRank follows edge direction and weight. Betweenness is exact while
    it is cheap (nodes x edges under a budget) and otherwise estimated from ``k`` seeded
    source nodes, the way ``networkx.betweenness_centrality(k=..., seed=...)`` does;
    :attr:`Centrality.note` says which. NetworkX is the reference; on larger graphs
    igraph, when installed, computes the same numbers faster (same pivots, same scaling).

Chains
    A chain follows ``ung:recalls`` from a document to the resolution it recalls, to the
    one that one recalls, and so on: the longest such path, ties broken towards the
    earliest known resolution. Recalls of a later-dated resolution and cycles are data
    errors: :func:`recall_errors` reports them and chains never follow them.

>>> G = nx.Graph([("UNDP", "ECE"), ("ECE", "UNCTAD"), ("ECE", "UNODC")])
>>> c = centrality(G)
>>> c["ECE"].degree, c["ECE"].betweenness, c["UNDP"].betweenness
(3, 1.0, 0.0)
>>> c.note
'betweenness exact (networkx); eigenvector on the largest component (4 of 4 nodes)'
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx
import pyoxigraph as ox

from . import networks as nets

# Work budgets (nodes x edges) under which betweenness is exact, per backend. Measured:
# NetworkX walks about 1e6 edges a second, igraph about 1e8 (18,000 nodes and 77,000
# edges: igraph exact in ~18 s, so the whole GA record is sampled).
EXACT_WORK = {"networkx": 20_000_000, "igraph": 200_000_000}
MIN_SAMPLES = 100

MEASURES = ("degree", "weighted_degree", "betweenness", "eigenvector", "pagerank")


@dataclass(frozen=True)
class Scores:
    """Centrality of one node. ``degree`` counts distinct neighbours (in and out)."""

    degree: int
    weighted_degree: float
    betweenness: float
    eigenvector: float
    pagerank: float


@dataclass(frozen=True)
class Centrality(Mapping):
    """Scores of every node, and how they were computed. A read-only mapping node -> :class:`Scores`."""

    scores: dict[Any, Scores] = field(repr=False)
    nodes: int
    edges: int
    directed: bool
    backend: str                 # "networkx" or "igraph"
    samples: int                 # source nodes betweenness was computed from (= nodes when exact)
    seed: int
    component: int               # nodes of the component eigenvector centrality was computed on

    def __getitem__(self, node) -> Scores:
        return self.scores[node]

    def __iter__(self) -> Iterator:
        return iter(self.scores)

    def __len__(self) -> int:
        return len(self.scores)

    @property
    def exact(self) -> bool:
        return self.samples >= self.nodes

    @property
    def note(self) -> str:
        if self.exact:
            how = f"betweenness exact ({self.backend})"
        else:
            how = (f"betweenness sampled from k={self.samples:,} of {self.nodes:,} source nodes "
                   f"(seed {self.seed}, {self.backend})")
        return f"{how}; eigenvector on the largest component ({self.component:,} of {self.nodes:,} nodes)"


def _simple(G: nx.Graph, weight: str) -> nx.Graph:
    """``G`` without parallel edges (their weights summed) and without self-loops."""
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from(G)
    for u, v, w in G.edges(data=weight, default=1.0):
        if u == v:
            continue
        w = float(w if isinstance(w, (int, float)) else 1.0)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def _igraph():
    try:
        import igraph
    except ImportError:  # pragma: no cover - igraph is an optional dependency
        return None
    return igraph


def choose_backend(nodes: int, edges: int, backend: str = "auto") -> str:
    """``networkx`` while exact betweenness is cheap for it, else ``igraph`` when installed.

    >>> choose_backend(100, 300)
    'networkx'
    """
    if backend not in ("auto", "networkx", "igraph"):
        raise ValueError(f"unknown backend {backend!r}; use auto, networkx or igraph")
    if backend == "igraph" and _igraph() is None:
        raise ValueError("the igraph backend needs python-igraph: pip install igraph")
    if backend != "auto":
        return backend
    if nodes * edges <= EXACT_WORK["networkx"] or _igraph() is None:
        return "networkx"
    return "igraph"


def _samples(nodes: int, edges: int, backend: str, k: int | None) -> int:
    if k is not None:   # one source leaves its own betweenness undefined (0/0): take two
        return max(min(2, nodes), min(int(k), nodes))
    if nodes * edges <= EXACT_WORK[backend]:
        return nodes
    return max(min(MIN_SAMPLES, nodes), min(nodes, EXACT_WORK[backend] // max(edges, 1)))


def centrality(G: nx.Graph, *, weight: str = "weight", backend: str = "auto", k: int | None = None,
               seed: int = 0) -> Centrality:
    """Degree, weighted degree, betweenness, eigenvector and PageRank of every node of ``G``.

    Parallel edges are merged (weights summed) and self-loops dropped first. ``k`` forces
    betweenness to be sampled from ``k`` source nodes; by default it is exact unless
    ``nodes x edges`` exceeds :data:`EXACT_WORK` for the backend. Betweenness and
    eigenvector are normalized as NetworkX normalizes them; PageRank sums to 1.

    >>> G = nx.path_graph(["a", "b", "c"])
    >>> c = centrality(G)
    >>> [(n, c[n].degree, c[n].betweenness) for n in G]
    [('a', 1, 0.0), ('b', 2, 1.0), ('c', 1, 0.0)]
    >>> round(sum(s.pagerank for s in c.values()), 6)
    1.0
    """
    H = _simple(G, weight)
    n, m = H.number_of_nodes(), H.number_of_edges()
    backend = choose_backend(n, m, backend)
    samples = _samples(n, m, backend, k)
    pivots = None if samples >= n else random.Random(seed).sample(list(H), samples)
    if backend == "igraph":
        between, rank = _igraph_scores(H, pivots)
    else:
        between = nx.betweenness_centrality(H, k=None if pivots is None else samples, seed=seed,
                                            normalized=True, weight=None)
        # NetworkX's default tolerance (1e-6 per node, summed) leaves ~1e-5 errors; be exact
        rank = nx.pagerank(H, weight="weight", tol=1e-12, max_iter=10_000) if n else {}
    eigen, component = _eigenvector(H)
    strength = dict(H.degree(weight="weight"))
    degree = {v: len(set(H.predecessors(v)) | set(H.successors(v))) if H.is_directed() else H.degree(v)
              for v in H}
    scores = {v: Scores(degree[v], float(strength[v]), float(between.get(v, 0.0)), float(eigen.get(v, 0.0)),
                        float(rank.get(v, 0.0))) for v in H}
    return Centrality(scores, n, m, H.is_directed(), backend, samples if pivots is not None else n, seed,
                      component)


def _igraph_scores(H: nx.Graph, pivots: list | None) -> tuple[dict, dict]:
    """Betweenness (normalized like NetworkX, same pivots) and PageRank with igraph."""
    ig = _igraph()
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    edges = list(H.edges(data="weight"))
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v, _ in edges], directed=H.is_directed())
    g.es["weight"] = [w for _, _, w in edges]
    n, directed = len(nodes), H.is_directed()
    if n < 3:
        between = dict.fromkeys(nodes, 0.0)
    elif pivots is None:
        raw = g.betweenness(directed=directed)
        scale = 1 / ((n - 1) * (n - 2)) * (1 if directed else 2)
        between = {v: raw[index[v]] * scale for v in nodes}
    else:
        raw = g.betweenness(directed=directed, sources=[index[p] for p in pivots])
        k, sampled = len(pivots), set(pivots)
        mult = 1 if directed else 2   # igraph halves the undirected counts; NetworkX does not
        between = {}
        for v in nodes:
            denom = ((k - 1) if v in sampled else k) * (n - 2)
            between[v] = raw[index[v]] * mult / denom if denom else math.nan
    rank = g.pagerank(directed=directed, weights="weight" if edges else None, damping=0.85) if n else []
    return between, {v: rank[index[v]] for v in nodes}


def _eigenvector(H: nx.Graph) -> tuple[dict, int]:
    U = H.to_undirected(as_view=True) if H.is_directed() else H
    if U.number_of_edges() == 0:
        return {}, min(1, U.number_of_nodes())
    components = sorted(nx.connected_components(U), key=lambda c: (-len(c), min(map(str, c))))
    giant = U.subgraph(components[0])
    if giant.number_of_nodes() < 3:
        value = 1 / math.sqrt(giant.number_of_nodes())
        return dict.fromkeys(giant, value), giant.number_of_nodes()
    # the Perron vector of the symmetric weighted adjacency matrix, as
    # nx.eigenvector_centrality_numpy computes it, but from a fixed start vector:
    # the same graph gives the same numbers on every run
    import numpy as np
    from scipy.sparse.linalg import eigsh

    nodes = list(giant)
    A = nx.to_scipy_sparse_array(giant, nodelist=nodes, weight="weight", dtype=float)
    _, vectors = eigsh(A, k=1, which="LA", v0=np.ones(len(nodes)), tol=0)
    x = np.abs(vectors[:, 0])
    x /= np.linalg.norm(x)
    return dict(zip(nodes, x.tolist())), len(nodes)


# ----------------------------------------------------------------------------------------
# Ranking bodies

@dataclass(frozen=True)
class BodyRank:
    """One body in a ranking: its centrality and the documents behind it."""

    rank: int
    body: str                  # IRI
    label: str                 # acronym, or name
    name: str                  # skos:prefLabel
    kind: str                  # local name of ung:bodyKind ("Body" when unknown)
    degree: int
    weighted_degree: float
    betweenness: float
    eigenvector: float
    pagerank: float
    resolutions: int           # documents whose operative paragraphs address the body
    organizations: int         # organizations those documents concern
    paragraphs: int            # operative paragraphs addressing the body


@dataclass(frozen=True)
class Ranking:
    """Bodies ranked by one measure, with the network and method they came from."""

    rows: tuple[BodyRank, ...]
    network: str
    by: str
    selection: str
    nodes: int
    edges: int
    note: str

    def __iter__(self) -> Iterator[BodyRank]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    def as_dicts(self) -> list[dict]:
        return [asdict(r) for r in self.rows]


SORT_KEYS = MEASURES + ("resolutions", "organizations", "paragraphs")


def rank(G: nx.Graph, scores: Centrality, *, by: str = "pagerank", top: int | None = None,
         nodes: Iterable | None = None) -> list[BodyRank]:
    """Body nodes of ``G`` (``type == "body"``) ranked by ``by``, highest first.

    Ties fall back on weighted degree, then on the label. ``nodes`` restricts the ranking.

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> for v in G: G.nodes[v].update(type="body", label=v.upper())
    >>> [(r.rank, r.label) for r in rank(G, centrality(G), by="degree")]
    [(1, 'B'), (2, 'A'), (3, 'C')]
    """
    if by not in SORT_KEYS:
        raise ValueError(f"cannot rank by {by!r}; use one of {', '.join(SORT_KEYS)}")
    wanted = set(nodes) if nodes is not None else None
    rows = []
    for v, data in G.nodes(data=True):
        if data.get("type") != "body" or (wanted is not None and v not in wanted):
            continue
        s = scores[v]
        rows.append(dict(body=v, label=data.get("label", str(v)), name=data.get("name", ""),
                         kind=data.get("kind", ""), **asdict(s), resolutions=data.get("resolutions", 0),
                         organizations=data.get("organizations", 0), paragraphs=data.get("paragraphs", 0)))
    rows.sort(key=lambda r: (-r[by], -r["weighted_degree"], r["label"], str(r["body"])))
    if top is not None:
        rows = rows[:top]
    return [BodyRank(rank=i, **r) for i, r in enumerate(rows, start=1)]


def rank_bodies(store: ox.Store, *, network: str = "coaddressees", organization: str | None = None,
                sessions: str | nets.Sessions | None = None, verbs: Iterable[str] | str | None = None,
                drafts: bool = False, by: str = "pagerank", top: int | None = None,
                backend: str = "auto", k: int | None = None, seed: int = 0) -> Ranking:
    """Bodies of the graph ranked by centrality in one network (``coaddressees`` by default,
    or ``actions`` or ``organizations``), for the documents the keywords select.

    ``organization`` is an acronym or name (``skos:prefLabel``/``altLabel``, any case);
    ``sessions`` like ``"70-79"``; ``verbs`` keeps only actions with those verbs.
    """
    if network not in ("coaddressees", "actions", "organizations"):
        raise ValueError(f"bodies are ranked in the coaddressees, actions or organizations network, not {network!r}")
    sel = nets.selection(store, organization=organization, sessions=sessions, verbs=verbs, drafts=drafts)
    G = nets.network(store, network, sel)
    scores = centrality(G, backend=backend, k=k, seed=seed)
    rows = rank(G, scores, by=by, top=top)
    return Ranking(tuple(rows), network, by, sel.describe(), G.number_of_nodes(), G.number_of_edges(), scores.note)


# ----------------------------------------------------------------------------------------
# Chains of recalled resolutions

@dataclass(frozen=True)
class DataError:
    """A recall the chains do not follow: ``kind`` is ``later-date`` or ``cycle``."""

    kind: str
    symbols: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class Link:
    """One resolution of a chain."""

    node: str                  # IRI
    symbol: str
    date: str                  # ISO adoption date, "" when unknown
    session: int               # -1 when unknown
    title: str
    in_corpus: bool


@dataclass(frozen=True)
class Chain:
    """Resolutions, each recalling the next, back to the earliest known one."""

    links: tuple[Link, ...]
    errors: tuple[DataError, ...] = ()   # data errors met on the way, not followed

    @property
    def steps(self) -> int:
        """Number of recalls in the chain (one less than the resolutions)."""
        return max(0, len(self.links) - 1)

    @property
    def start(self) -> Link:
        return self.links[0]

    @property
    def end(self) -> Link:
        return self.links[-1]

    def symbols(self) -> list[str]:
        return [link.symbol for link in self.links]

    def as_dict(self) -> dict:
        return {"steps": self.steps, "links": [asdict(x) for x in self.links],
                "errors": [asdict(e) for e in self.errors]}


def _label(G: nx.DiGraph, v) -> str:
    return G.nodes[v].get("symbol") or G.nodes[v].get("label") or str(v)


def _recall_edges(G: nx.DiGraph, relations: Iterable[str]) -> list[tuple]:
    rel = set(relations)
    return [(u, v) for u, v, r in G.edges(data="relation", default="recalls") if r in rel]


def _analyse(G: nx.DiGraph, relations: Iterable[str]) -> tuple[nx.DiGraph, list[DataError]]:
    """The recall DAG chains walk, and the data errors left out of it."""
    errors: list[DataError] = []
    D = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v in sorted(_recall_edges(G, relations), key=lambda e: (str(e[0]), str(e[1]))):
        du, dv = G.nodes[u].get("date", ""), G.nodes[v].get("date", "")
        if du and dv and dv > du:
            errors.append(DataError("later-date", (_label(G, u), _label(G, v)),
                                    f"{_label(G, u)} (adopted {du}) recalls {_label(G, v)}, "
                                    f"adopted later ({dv})"))
        else:
            D.add_edge(u, v)
    for component in sorted(nx.strongly_connected_components(D), key=lambda c: sorted(map(str, c))):
        if len(component) == 1:
            (v,) = component
            if not D.has_edge(v, v):
                continue
            cycle = [v, v]
        else:
            sub = D.subgraph(component)
            cycle = [u for u, _ in nx.find_cycle(sub, source=min(component, key=str))]
            cycle.append(cycle[0])
        labels = tuple(_label(G, v) for v in cycle)
        members = sorted(_label(G, v) for v in component)
        errors.append(DataError("cycle", labels, "recall cycle " + " -> ".join(labels)
                                + (f" (among {', '.join(members)})" if len(members) > len(cycle) - 1 else "")))
        D.remove_edges_from([(u, v) for u, v in list(D.edges(component)) if v in component])
    return D, errors


def recall_errors(G: nx.DiGraph, *, relations: Iterable[str] = ("recalls",)) -> list[DataError]:
    """Recalls of later-dated resolutions, and cycles of recalls, in a recall network.

    >>> G = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> [e.message for e in recall_errors(G)]
    ['recall cycle a -> b -> a']
    """
    return _analyse(G, relations)[1]


def _best_paths(D: nx.DiGraph, G: nx.DiGraph) -> dict:
    """For every node, the next node on its chain (longest, then ending earliest)."""
    nxt: dict = {}
    depth: dict = {}
    end: dict = {}
    for v in reversed(list(nx.topological_sort(D))):
        best = None
        for s in D.successors(v):
            key = (-(depth[s] + 1), G.nodes[end[s]].get("date") or "9999", _label(G, end[s]), str(s))
            if best is None or key < best[0]:
                best = (key, s)
        if best is None:
            depth[v], end[v], nxt[v] = 0, v, None
        else:
            s = best[1]
            depth[v], end[v], nxt[v] = depth[s] + 1, end[s], s
    return {"next": nxt, "depth": depth}


def _link(G: nx.DiGraph, v) -> Link:
    d = G.nodes[v]
    return Link(str(v), _label(G, v), d.get("date", ""), d.get("session", -1), d.get("title", ""),
                bool(d.get("in_corpus", False)))


def _walk(G, paths, v) -> list:
    out = [v]
    while paths["next"][out[-1]] is not None:
        out.append(paths["next"][out[-1]])
    return out


def _errors_near(errors: list[DataError], labels: set[str]) -> tuple[DataError, ...]:
    return tuple(e for e in errors if labels & set(e.symbols))


def find_node(G: nx.Graph, symbol: str):
    """The node of ``G`` whose symbol, label (a file name for a document without symbol) or
    IRI is ``symbol``, in any case; ``"75/8"`` means ``A/RES/75/8``.

    >>> G = nx.DiGraph([("https://w3id.org/ungraph/id/doc/A/RES/75/8", "x")])
    >>> G.nodes["https://w3id.org/ungraph/id/doc/A/RES/75/8"]["symbol"] = "A/RES/75/8"
    >>> find_node(G, "75/8")
    'https://w3id.org/ungraph/id/doc/A/RES/75/8'
    """
    wanted = symbol.strip()
    if wanted in G:
        return wanted
    names: dict[str, object] = {}
    for key in ("label", "symbol"):   # symbols win over labels
        names.update({str(d[key]).lower(): v for v, d in G.nodes(data=True) if d.get(key)})
    for candidate in (wanted, "A/RES/" + wanted):
        if candidate.lower() in names:
            return names[candidate.lower()]
    raise KeyError(f"no document {symbol!r} in the recall network")


def recall_chain(G: nx.DiGraph, symbol: str, *, relations: Iterable[str] = ("recalls",)) -> Chain:
    """The chain of recalls from ``symbol`` back to the earliest known resolution.

    Follows the longest path; among equally long ones, the one ending at the earliest
    adoption date. Data errors among the resolutions the document leads to are attached.

    >>> G = nx.DiGraph([("c", "b"), ("b", "a"), ("c", "a")])
    >>> nx.set_node_attributes(G, {"a": "2016-11-21", "b": "2018-11-26", "c": "2020-11-23"}, "date")
    >>> recall_chain(G, "c").symbols()
    ['c', 'b', 'a']
    """
    relations = tuple(relations)
    start = find_node(G, symbol)
    D, errors = _analyse(G, relations)
    paths = _best_paths(D, G)
    nodes = _walk(G, paths, start)
    followed = nx.DiGraph(_recall_edges(G, relations))
    followed.add_node(start)
    reach = {start} | nx.descendants(followed, start)
    return Chain(tuple(_link(G, v) for v in nodes), _errors_near(errors, {_label(G, v) for v in reach}))


def longest_chains(G: nx.DiGraph, n: int = 10, *, relations: Iterable[str] = ("recalls",)) -> list[Chain]:
    """The ``n`` longest chains of the network, one per starting document no one recalls.

    Longer first; equally long chains by latest start, then by symbol.

    >>> G = nx.DiGraph([("d", "c"), ("c", "b"), ("b", "a"), ("x", "a")])
    >>> [c.symbols() for c in longest_chains(G, 2)]
    [['d', 'c', 'b', 'a'], ['x', 'a']]
    """
    relations = tuple(relations)
    D, errors = _analyse(G, relations)
    paths = _best_paths(D, G)
    heads = [v for v in D if D.in_degree(v) == 0 and D.out_degree(v) > 0]
    heads.sort(key=lambda v: _label(G, v))
    heads.sort(key=lambda v: G.nodes[v].get("date", ""), reverse=True)  # latest first, undated last
    heads.sort(key=lambda v: -paths["depth"][v])
    out = []
    for v in heads[:n]:
        nodes = _walk(G, paths, v)
        out.append(Chain(tuple(_link(G, x) for x in nodes), _errors_near(errors, {_label(G, x) for x in nodes})))
    return out


def chain(store: ox.Store, symbol: str, *, cites: bool = False, drafts: bool = False) -> Chain:
    """:func:`recall_chain` over the graph's recall network."""
    G = nets.recall_network(store, drafts=drafts)
    return recall_chain(G, symbol, relations=("recalls", "cites") if cites else ("recalls",))


def longest(store: ox.Store, n: int = 10, *, cites: bool = False, drafts: bool = False) -> tuple[list[Chain], list[DataError]]:
    """:func:`longest_chains` over the graph's recall network, and every data error in it."""
    G = nets.recall_network(store, drafts=drafts)
    relations = ("recalls", "cites") if cites else ("recalls",)
    return longest_chains(G, n, relations=relations), recall_errors(G, relations=relations)
