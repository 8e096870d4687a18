"""Gephi-ready files of the networks: GEXF, GraphML, CSV (nodes + edges) and node-link JSON.

Every file carries the same nodes, edges and attributes (:mod:`ungraph.networks` lists
them), plus the centrality of every node (``degree``, ``weighted_degree``,
``betweenness``, ``eigenvector``, ``pagerank``, see :func:`ungraph.analyze.centrality`)
and a ``color`` (``#rrggbb``) chosen by node ``kind``. Attributes are scalar and of one
type each, so that Gephi and other readers never meet a list or a missing value:
unknown text is ``""``, an unknown session, year or paragraph ``-1``, a count ``0``.

Format by format:

``gexf``
    GEXF 1.2 with ``viz:color`` on nodes. Nodes and edges with a known ``date`` also get a
    ``start`` (``timeformat="date"``, ``mode="dynamic"``), so Gephi's timeline plays the
    network: a document appears on its adoption date, a body with the first document
    that addresses it, an edge with the document that made it. Undated ones are always shown.
``graphml``
    GraphML with typed keys (``attr.name`` = the attribute), and ``r``, ``g``, ``b`` node
    attributes (Gephi reads them as the node colour). Graph attributes: ``network``,
    ``selection``, ``centrality`` (how centrality was computed).
``csv``
    ``FILE`` names a folder that receives ``nodes.csv`` (``Id``, ``Label``, attributes)
    and ``edges.csv`` (``Source``, ``Target``, ``Type``, ``Id``, ``Label``, ``Weight``,
    attributes): the columns Gephi's spreadsheet import expects. Booleans are
    ``true``/``false``.
``json``
    NetworkX node-link JSON (``nodes``, ``edges``; ``networkx.node_link_graph(data,
    edges="edges")`` reads it back), graph attributes included.

>>> G = nx.Graph(network="demo")
>>> G.add_node("a", label="A", kind="RegionalOrganization", date="2020-11-23")
>>> G.add_node("b", label="B", kind="SpecializedAgency")
>>> G.add_edge("a", "b", weight=2.0)
>>> H = gephi_graph(G)
>>> H.nodes["b"]["date"], H.nodes["a"]["color"], round(H.nodes["a"]["pagerank"], 2)
('', '#d62728', 0.5)
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from . import analyze
from . import networks as nets

FORMATS = ("gexf", "graphml", "csv", "json")
SUFFIXES = {".gexf": "gexf", ".graphml": "graphml", ".xml": "graphml", ".json": "json", ".csv": "csv"}

# Colours by node kind (documents by class, bodies by ung:bodyKind); others get a stable hash colour.
PALETTE = {
    "Resolution": "#1f77b4",
    "CitedResolution": "#aec7e8",
    "Decision": "#17becf",
    "CitedDecision": "#9edae5",
    "DraftResolution": "#9467bd",
    "Document": "#7f7f7f",
    "CitedDocument": "#c7c7c7",
    "RegionalOrganization": "#d62728",
    "IntergovernmentalOrganization": "#ff9896",
    "OrganOfOrganization": "#e377c2",
    "SpecializedAgency": "#2ca02c",
    "FundOrProgramme": "#98df8a",
    "RelatedOrganization": "#bcbd22",
    "FinancialInstitution": "#dbdb8d",
    "RegionalCommission": "#f7b6d2",
    "PrincipalOrgan": "#ff7f0e",
    "SubsidiaryBody": "#ffbb78",
    "SecretariatUnit": "#8c564b",
    "OfficeHolder": "#c49c94",
    "TreatyBody": "#393b79",
    "Court": "#637939",
    "Body": "#999999",
}

# Defaults for unknown values, by attribute type.
_DEFAULT = {str: "", int: 0, float: 0.0, bool: False}
_MINUS_ONE = {"session", "year", "paragraph"}   # unknown = -1, not 0


def colour(kind: str) -> str:
    """``#rrggbb`` for a node kind, stable across runs.

    >>> colour("RegionalOrganization"), colour("Resolution")
    ('#d62728', '#1f77b4')
    """
    if kind in PALETTE:
        return PALETTE[kind]
    digest = hashlib.sha1(kind.encode()).digest()
    return "#" + "".join(f"{64 + b % 160:02x}" for b in digest[:3])


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def _types(items: Iterable[dict]) -> dict[str, type]:
    """One type per attribute: bool, int, float or str (int and float together -> float)."""
    seen: dict[str, set[type]] = {}
    for data in items:
        for k, v in data.items():
            if v is None:
                seen.setdefault(k, set())
                continue
            if not isinstance(v, (str, int, float, bool)):
                raise TypeError(f"attribute {k!r} is not scalar: {v!r}")
            seen.setdefault(k, set()).add(type(v))
    out = {}
    for k, ts in seen.items():
        if not ts:
            out[k] = str
        elif len(ts) == 1:
            out[k] = next(iter(ts))
        elif ts <= {int, float}:
            out[k] = float
        else:
            out[k] = str
    return out


def _normalize(items: list[dict], types: dict[str, type]) -> None:
    for data in items:
        for k, t in types.items():
            v = data.get(k)
            if v is None:
                data[k] = -1 if k in _MINUS_ONE and t is int else _DEFAULT[t]
            elif t is str and not isinstance(v, str):
                data[k] = str(v).lower() if isinstance(v, bool) else str(v)
            elif t is float and not isinstance(v, float):
                data[k] = float(v)


def gephi_graph(G: nx.Graph, scores: analyze.Centrality | None = None, **centrality_options) -> nx.Graph:
    """A copy of ``G`` with centrality, colour and one scalar type per attribute.

    ``scores`` defaults to :func:`ungraph.analyze.centrality` of ``G`` (options passed on).
    """
    H = G.copy()
    if scores is None:
        scores = analyze.centrality(G, **centrality_options)
    for v, data in H.nodes(data=True):
        data.setdefault("label", str(v))
        data.setdefault("kind", "")
        s = scores.get(v)
        for name in analyze.MEASURES:
            data[name] = getattr(s, name) if s else (0 if name == "degree" else 0.0)
        data["color"] = colour(data["kind"] or "Body")
    node_data = [d for _, d in H.nodes(data=True)]
    _normalize(node_data, _types(node_data))
    edge_data = [d for *_, d in H.edges(data=True)]
    for d in edge_data:
        d.setdefault("weight", 1.0)
        d.setdefault("label", "")
    _normalize(edge_data, _types(edge_data))
    H.graph.update({k: str(v) for k, v in G.graph.items()})
    H.graph["centrality"] = scores.note
    return H


# ----------------------------------------------------------------------------------------
# Writers: a prepared graph in, files out

def write_gexf(H: nx.Graph, path: Path) -> list[Path]:
    """GEXF 1.2 with ``viz:color`` and, on dated nodes and edges, ``start`` for the timeline."""
    X = H.copy()
    for _, data in X.nodes(data=True):
        r, g, b = _rgb(data["color"])
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        if data.get("date"):
            data["start"] = data["date"]
    for _, _, key, data in _edges(X):
        if X.is_multigraph():
            data["id"] = key          # the action's IRI, rather than a counter
        if data.get("date"):
            data["start"] = data["date"]
    X.graph = {"name": H.graph.get("network", ""), "mode": "static"}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(X, path)
    return [path]


def write_graphml(H: nx.Graph, path: Path) -> list[Path]:
    """GraphML with typed keys, and ``r``/``g``/``b`` node colours."""
    X = H.copy()
    for _, data in X.nodes(data=True):
        data["r"], data["g"], data["b"] = _rgb(data["color"])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(X, path)
    return [path]


def _cell(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _columns(items: Iterable[dict], first: Iterable[str]) -> list[str]:
    keys: dict[str, None] = {}
    for data in items:
        keys.update(dict.fromkeys(data))
    return [k for k in keys if k not in set(first)]


def write_csv(H: nx.Graph, folder: Path) -> list[Path]:
    """``folder/nodes.csv`` and ``folder/edges.csv`` with Gephi's column names."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{folder}: CSV export writes a folder (nodes.csv, edges.csv), not a file")
    folder.mkdir(parents=True, exist_ok=True)
    nodes_csv, edges_csv = folder / "nodes.csv", folder / "edges.csv"
    node_cols = _columns((d for _, d in H.nodes(data=True)), ["label"])
    with nodes_csv.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Id", "Label", *node_cols])
        for v, d in H.nodes(data=True):
            w.writerow([v, d["label"], *(_cell(d[c]) for c in node_cols)])
    edges = list(_edges(H))
    edge_cols = _columns((d for *_, d in edges), ["label", "weight"])
    kind = "Directed" if H.is_directed() else "Undirected"
    with edges_csv.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Source", "Target", "Type", "Id", "Label", "Weight", *edge_cols])
        for u, v, key, d in edges:
            w.writerow([u, v, kind, key, d["label"], _cell(d["weight"]), *(_cell(d[c]) for c in edge_cols)])
    return [nodes_csv, edges_csv]


def _edges(H: nx.Graph):
    """(source, target, id, data) of every edge; ids are the multigraph keys, or counters."""
    if H.is_multigraph():
        for u, v, k, d in H.edges(keys=True, data=True):
            yield u, v, str(k), d
    else:
        for i, (u, v, d) in enumerate(H.edges(data=True)):
            yield u, v, str(i), d


def write_json(H: nx.Graph, path: Path) -> list[Path]:
    """NetworkX node-link JSON (``edges`` key)."""
    data = nx.node_link_data(H, edges="edges")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [path]


WRITERS = {"gexf": write_gexf, "graphml": write_graphml, "csv": write_csv, "json": write_json}


def format_of(path: Path, fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else from the extension (no extension: csv folder).

    >>> format_of(Path("net.gexf")), format_of(Path("out/recalls")), format_of(Path("x.json"), "gexf")
    ('gexf', 'csv', 'gexf')
    """
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if not suffix:
        return "csv"
    if suffix not in SUFFIXES:
        raise ValueError(f"{Path(path).name}: cannot tell the format from {suffix!r}; "
                         f"pass --format ({', '.join(FORMATS)})")
    return SUFFIXES[suffix]


@dataclass(frozen=True)
class Exported:
    """What :func:`export` wrote."""

    files: tuple[str, ...]
    format: str
    network: str
    selection: str
    nodes: int
    edges: int
    note: str

    def as_dict(self) -> dict:
        return asdict(self)


def export(store: ox.Store, path: Path, *, format: str | None = None, network: str = "recalls",
           organization: str | None = None, sessions: str | nets.Sessions | None = None,
           verbs: Iterable[str] | str | None = None, drafts: bool = False, backend: str = "auto",
           k: int | None = None, seed: int = 0) -> Exported:
    """Write one network of the graph (with centrality) as a Gephi-ready file or folder."""
    fmt = format_of(Path(path), format)
    sel = nets.selection(store, organization=organization, sessions=sessions, verbs=verbs, drafts=drafts)
    G = nets.network(store, network, sel)
    scores = analyze.centrality(G, backend=backend, k=k, seed=seed)
    H = gephi_graph(G, scores)
    files = WRITERS[fmt](H, Path(path))
    return Exported(tuple(str(f) for f in files), fmt, network, sel.describe(), H.number_of_nodes(),
                    H.number_of_edges(), scores.note)
