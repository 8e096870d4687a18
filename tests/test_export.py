"""Exports round-trip: every file is read back by NetworkX and by an independent reader
(xml.etree against the GEXF / GraphML structure, igraph, the csv and json modules) with the
same nodes, edges and attributes as the network it was written from.

The graph is built by the real builder from the GUAM/BSEC series of test_analyze.py.
"""
from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest
from click.testing import CliRunner

from ungraph import analyze, export, networks, vocab
from ungraph.build import build_corpus
from ungraph.cli import main
from ungraph.store import open_graph

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT / "tests" / "assets" / "series"
REAL = [ROOT / "corpus" / "A_RES_75_8.txt", ROOT / "corpus" / "A_RES_77_15.txt"]

GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
SCALAR = (str, int, float, bool)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("series")
    for f in [*SERIES.glob("*.txt"), *REAL]:
        shutil.copy(f, corpus / f.name)
    out = tmp_path_factory.mktemp("graph") / "series.nt"
    build_corpus(corpus, out, validate=False)
    return out


@pytest.fixture(scope="module")
def store(graph_file):
    return open_graph(graph_file)


@pytest.fixture(scope="module")
def prepared(store) -> dict[str, nx.Graph]:
    """What every export of each network must contain."""
    return {name: export.gephi_graph(networks.network(store, name)) for name in networks.NETWORKS}


def _edge_list(H: nx.Graph) -> list[tuple[str, str, str, dict]]:
    return sorted(export._edges(H), key=lambda e: (e[0], e[1], e[2]))


def _same_values(got: dict, want: dict, *, numeric_as_float: bool = False) -> None:
    assert set(got) == set(want), set(got) ^ set(want)
    for k, v in want.items():
        g = got[k]
        if numeric_as_float and isinstance(v, (int, float)) and not isinstance(v, bool):
            assert float(g) == pytest.approx(float(v), rel=1e-12), k
        elif isinstance(v, float):
            assert type(g) is float and g == pytest.approx(v, rel=1e-12), k
        else:
            assert type(g) is type(v) and g == v, k


# ----------------------------------------------------------------------------------------
# What every export contains

def test_prepared_networks_have_one_scalar_type_per_attribute(prepared):
    for name, H in prepared.items():
        for items in ([d for _, d in H.nodes(data=True)], [d for *_, d in H.edges(data=True)]):
            keys = set(items[0])
            for d in items:
                assert set(d) == keys, name
                assert all(isinstance(v, SCALAR) for v in d.values()), name
            for k in keys:
                assert len({type(d[k]) for d in items}) == 1, (name, k)
        nodes = dict(H.nodes(data=True))
        assert {"label", "kind", "type", "date", "session", "year", "color", *analyze.MEASURES} <= set(
            next(iter(nodes.values())))
    # documents and bodies share one schema in the bipartite actions network
    A = prepared["actions"]
    doc, body = A.nodes[vocab.document_iri("A/RES/73/14")], A.nodes[vocab.body_iri("ECE")]
    assert (doc["symbol"], doc["resolutions"], doc["in_corpus"]) == ("A/RES/73/14", 0, True)
    assert (body["symbol"], body["resolutions"], body["in_corpus"], body["session"]) == ("", 3, False, 71)
    R = prepared["recalls"]
    cited = R.nodes[vocab.document_iri("S/RES/1631(2005)")]
    assert (cited["kind"], cited["date"], cited["session"], cited["color"]) == ("CitedResolution", "2005-10-17",
                                                                               -1, "#aec7e8")
    C = prepared["coaddressees"]
    assert C.nodes[vocab.body_iri("ECE")]["degree"] == 3 and C.graph["centrality"].startswith("betweenness exact")


# ----------------------------------------------------------------------------------------
# GEXF

@pytest.mark.parametrize("name", networks.NETWORKS)
def test_gexf_round_trip(name, prepared, store, tmp_path):
    H = prepared[name]
    path = tmp_path / f"{name}.gexf"
    done = export.export(store, path, network=name)
    assert done.files == (str(path),) and (done.nodes, done.edges) == (H.number_of_nodes(), H.number_of_edges())

    # NetworkX
    G = nx.read_gexf(path)
    assert set(G) == set(H) and G.number_of_edges() == H.number_of_edges()
    assert G.is_directed() == H.is_directed()
    for v, want in H.nodes(data=True):
        got = {k: x for k, x in G.nodes[v].items() if k not in ("viz", "start")}
        _same_values(got, want)
        assert G.nodes[v].get("start") == (want["date"] or None)

    # xml.etree against the GEXF structure
    graph = ET.parse(path).getroot().find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == ("directed" if H.is_directed() else "undirected")
    declared = {cls: {a.get("id"): (a.get("title"), a.get("type"))
                      for a in graph.findall(f"{GEXF}attributes[@class='{cls}']/{GEXF}attribute")}
                for cls in ("node", "edge")}
    cast = {"string": str, "long": int, "double": float, "boolean": lambda s: s == "true"}

    def values(element, cls) -> dict:
        out = {}
        for av in element.findall(f"{GEXF}attvalues/{GEXF}attvalue"):
            title, kind = declared[cls][av.get("for")]
            out[title] = cast[kind](av.get("value"))
        return out

    nodes = graph.findall(f"{GEXF}nodes/{GEXF}node")
    assert len(nodes) == H.number_of_nodes()
    for node in nodes:
        want = H.nodes[node.get("id")]
        got = values(node, "node") | {"label": node.get("label")}
        _same_values(got, want)
        c = node.find(f"{VIZ}color")
        assert "#{:02x}{:02x}{:02x}".format(*(int(c.get(x)) for x in "rgb")) == want["color"]
        assert node.get("start") == (want["date"] or None)
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    got_edges = sorted((e.get("source"), e.get("target")) for e in edges)
    assert got_edges == sorted((u, v) for u, v, *_ in _edge_list(H))
    by_pair = {}
    for u, v, key, d in _edge_list(H):
        by_pair.setdefault((u, v), []).append((key, d))
    for e in edges:
        candidates = by_pair[(e.get("source"), e.get("target"))]
        key, want = candidates[0] if len(candidates) == 1 else next(c for c in candidates if c[0] == e.get("id"))
        got = {k: x for k, x in values(e, "edge").items() if k != "networkx_key"}
        got |= {"label": e.get("label"), "weight": float(e.get("weight"))}
        _same_values(got, want)
        assert e.get("start") == (want["date"] or None)


# ----------------------------------------------------------------------------------------
# GraphML

@pytest.mark.parametrize("name", networks.NETWORKS)
def test_graphml_round_trip(name, prepared, store, tmp_path):
    H = prepared[name]
    path = tmp_path / f"{name}.graphml"
    export.export(store, path, network=name)
    rgb = {"r", "g", "b"}

    G = nx.read_graphml(path)
    assert set(G) == set(H) and G.number_of_edges() == H.number_of_edges()
    assert G.graph["network"] == name and G.graph["centrality"] == H.graph["centrality"]
    for v, want in H.nodes(data=True):
        got = dict(G.nodes[v])
        assert "#{:02x}{:02x}{:02x}".format(*(got.pop(x) for x in "rgb")) == want["color"]
        _same_values(got, want)
    for u, v, key, want in _edge_list(H):
        data = G.get_edge_data(u, v)
        if H.is_multigraph():
            data = data[key]
        _same_values({k: x for k, x in data.items() if k != "id"}, want)

    g = ig.Graph.Read_GraphML(str(path))
    assert g.vcount() == H.number_of_nodes() and g.ecount() == H.number_of_edges()
    assert g.is_directed() == H.is_directed()
    for vertex in g.vs:
        attrs = vertex.attributes()
        want = H.nodes[attrs.pop("id")]
        for x in rgb:
            attrs.pop(x)
        _same_values(attrs, want, numeric_as_float=True)
    got_edges = sorted((g.vs[e.source]["id"], g.vs[e.target]["id"]) for e in g.es)
    if not H.is_directed():
        got_edges = sorted(tuple(sorted(p)) for p in got_edges)
        assert got_edges == sorted(tuple(sorted((u, v))) for u, v, *_ in _edge_list(H))
    else:
        assert got_edges == sorted((u, v) for u, v, *_ in _edge_list(H))

    # the keys GraphML declares are typed, one per attribute and domain
    keys = ET.parse(path).getroot().findall(f"{GRAPHML}key")
    node_keys = {k.get("attr.name"): k.get("attr.type") for k in keys if k.get("for") == "node"}
    assert node_keys["session"] == "long" and node_keys["pagerank"] == "double" and node_keys["label"] == "string"
    assert len({k.get("id") for k in keys}) == len(keys)


# ----------------------------------------------------------------------------------------
# CSV

@pytest.mark.parametrize("name", networks.NETWORKS)
def test_csv_round_trip(name, prepared, store, tmp_path):
    H = prepared[name]
    folder = tmp_path / name
    done = export.export(store, folder, format="csv", network=name)
    assert done.files == (str(folder / "nodes.csv"), str(folder / "edges.csv"))
    with (folder / "nodes.csv").open(encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with (folder / "edges.csv").open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert {e["Type"] for e in edges} == {"Directed" if H.is_directed() else "Undirected"}

    def text(v) -> str:
        return ("true" if v else "false") if isinstance(v, bool) else str(v)

    for row in nodes:
        want = H.nodes[row["Id"]]
        got = {("label" if k == "Label" else k): x for k, x in row.items() if k != "Id"}
        assert got == {k: text(v) for k, v in want.items()}
    for row, (u, v, key, want) in zip(edges, list(export._edges(H)), strict=True):
        assert (row["Source"], row["Target"], row["Id"]) == (u, v, key)
        got = {k.lower(): x for k, x in row.items() if k not in ("Source", "Target", "Type", "Id")}
        assert got == {k: text(x) for k, x in want.items()}

    # NetworkX and igraph, from the two tables
    G = (nx.MultiDiGraph() if H.is_multigraph() else nx.DiGraph() if H.is_directed() else nx.Graph())
    G.add_nodes_from((r["Id"], r) for r in nodes)
    G.add_edges_from((r["Source"], r["Target"], r) for r in edges)
    assert set(G) == set(H) and G.number_of_edges() == H.number_of_edges()
    g = ig.Graph.DictList(nodes, edges, directed=H.is_directed(), vertex_name_attr="Id",
                          edge_foreign_keys=("Source", "Target"))
    assert g.vcount() == H.number_of_nodes() and g.ecount() == H.number_of_edges()
    assert sorted(g.vs["Id"]) == sorted(H)
    assert sorted(float(w) for w in g.es["Weight"]) == sorted(d["weight"] for *_, d in H.edges(data=True))


# ----------------------------------------------------------------------------------------
# JSON

@pytest.mark.parametrize("name", networks.NETWORKS)
def test_json_round_trip(name, prepared, store, tmp_path):
    H = prepared[name]
    path = tmp_path / f"{name}.json"
    export.export(store, path, network=name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["graph"]["network"] == name and data["directed"] == H.is_directed()

    G = nx.node_link_graph(data, edges="edges")
    assert set(G) == set(H) and G.number_of_edges() == H.number_of_edges()
    for v, want in H.nodes(data=True):
        _same_values(dict(G.nodes[v]), want)
    for u, v, key, want in _edge_list(H):
        got = G.get_edge_data(u, v)
        _same_values(dict(got[key] if H.is_multigraph() else got), want)

    g = ig.Graph.DictList(data["nodes"], data["edges"], directed=data["directed"], vertex_name_attr="id",
                          edge_foreign_keys=("source", "target"))
    assert g.vcount() == H.number_of_nodes() and g.ecount() == H.number_of_edges()
    for vertex in g.vs:
        attrs = vertex.attributes()
        _same_values({k: x for k, x in attrs.items() if k != "id"}, H.nodes[attrs["id"]])
    for node in data["nodes"]:
        assert all(isinstance(x, SCALAR) for x in node.values())


# ----------------------------------------------------------------------------------------
# Selections, formats and the command line

def test_export_of_a_selection(store, tmp_path):
    done = export.export(store, tmp_path / "guam.gexf", network="organizations", organization="GUAM",
                         sessions="71-73")
    G = nx.read_gexf(tmp_path / "guam.gexf")
    assert {G.nodes[v]["label"] for v in G} == {"GUAM", "ECE", "UNCTAD", "UNODC", "Secretary-General"}
    assert done.selection == "concerning GUAM; sessions 71-73; drafts left out"
    with pytest.raises(ValueError, match="verbs select operative actions"):
        export.export(store, tmp_path / "r.gexf", network="recalls", verbs="invites")
    with pytest.raises(ValueError, match="cannot tell the format"):
        export.export(store, tmp_path / "r.txt")


def test_export_cli(graph_file, tmp_path):
    runner = CliRunner()
    out = tmp_path / "coaddressees.gexf"
    result = runner.invoke(main, ["export", str(graph_file), "--network", "coaddressees", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out} (gexf): coaddressees network, 7 nodes, 5 edges; drafts left out" in result.stdout
    assert "betweenness exact (networkx)" in result.stderr
    assert nx.read_gexf(out).number_of_nodes() == 7

    folder = tmp_path / "actions"
    result = runner.invoke(main, ["export", str(graph_file), "--network", "actions", "--verb", "invites",
                                  "--format", "csv", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    with (folder / "edges.csv").open() as fh:
        assert {r["verb"] for r in csv.DictReader(fh)} == {"invites"}

    result = runner.invoke(main, ["export", str(graph_file), "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 2 and "cannot tell the format" in result.output
    result = runner.invoke(main, ["export", str(tmp_path / "missing.ttl"), "-o", str(out)])
    assert result.exit_code == 1 and "no such graph file" in result.output
