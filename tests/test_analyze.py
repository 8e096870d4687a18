"""Centrality of bodies and chains of recalls, on a graph built by the real builder.

The corpus: two real GA resolutions of the GUAM series (corpus/A_RES_75_8.txt,
corpus/A_RES_77_15.txt) and, in tests/assets/series/, two earlier resolutions of the same
series and one of the BSEC series, written in the same genre for these tests, with plain
operative paragraphs whose addressees can be counted by hand:

=========  ====  ==========================================================
document   para  addressed (verb)
=========  ====  ==========================================================
71/15      1     GUAM (takes note)
           2     ECE, UNCTAD (invites)
           3     Secretary-General (requests)
73/14      1     GUAM (takes note)
           2     ECE, UNCTAD, UNODC (invites)
           3     UNODC, ECE (encourages)
           4     Secretary-General (requests)
73/11      1     BSEC, UNDP (encourages)         [concerns BSEC, not GUAM]
           2     ECE, UNDP (invites)
           3     Secretary-General (requests)
75/8       1     GUAM (takes note); 2, 4: Secretary-General (invites, requests)
77/15      1     GUAM (takes note); 2, 4: Secretary-General (invites, requests)
=========  ====  ==========================================================

Recalls: 77/15 -> 58/85, 67/109, 69/271, 71/15, 73/14, 75/8; 75/8 -> the same up to
73/14; 73/14 -> up to 71/15; 71/15 -> 58/85 (2003-12-09), 67/109, 69/271.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import numpy as np
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from ungraph import analyze, networks, rdf, vocab
from ungraph.build import build_corpus
from ungraph.cli import main
from ungraph.store import from_triples, open_graph

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT / "tests" / "assets" / "series"
REAL = [ROOT / "corpus" / "A_RES_75_8.txt", ROOT / "corpus" / "A_RES_77_15.txt"]

B = vocab.body_iri
ECE, UNCTAD, UNODC, UNDP, BSEC, GUAM, SG = (B(k) for k in ("ECE", "UNCTAD", "UNODC", "UNDP", "BSEC", "GUAM",
                                                          "SecretaryGeneral"))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("series")
    for f in [*SERIES.glob("*.txt"), *REAL]:
        shutil.copy(f, corpus / f.name)
    out = tmp_path_factory.mktemp("graph") / "series.ttl"
    report = build_corpus(corpus, out, validate=False)
    assert not report.errors and len(report.documents) == 5
    return out


@pytest.fixture(scope="module")
def store(graph_file):
    return open_graph(graph_file)


# ----------------------------------------------------------------------------------------
# Chains

CHAIN_77_15 = [("A/RES/77/15", "2022-11-21"), ("A/RES/75/8", "2020-11-23"), ("A/RES/73/14", "2018-11-26"),
               ("A/RES/71/15", "2016-11-21"), ("A/RES/58/85", "2003-12-09")]


def test_chain_goes_back_through_the_series_to_the_earliest_resolution(store):
    c = analyze.chain(store, "A/RES/77/15")
    assert [(x.symbol, x.date) for x in c.links] == CHAIN_77_15
    assert c.steps == 4
    assert [x.in_corpus for x in c.links] == [True, True, True, True, False]
    assert [x.session for x in c.links] == [77, 75, 73, 71, 58]
    assert c.errors == ()


def test_chain_from_the_middle_and_short_symbols(store):
    assert analyze.chain(store, "73/14").symbols() == ["A/RES/73/14", "A/RES/71/15", "A/RES/58/85"]
    # a resolution known only from recalls: a chain of one
    assert analyze.chain(store, "A/RES/58/85").symbols() == ["A/RES/58/85"]
    with pytest.raises(KeyError):
        analyze.chain(store, "A/RES/1/1")


def test_longest_chains_start_where_no_one_recalls(store):
    chains, errors = analyze.longest(store, 5)
    assert [c.symbols() for c in chains] == [
        [s for s, _ in CHAIN_77_15],
        ["A/RES/73/11", "A/RES/54/5"],   # 54/5 (1999) is earlier than 71/18 (2016)
    ]
    assert errors == []
    assert [c.symbols() for c in analyze.longest(store, 1)[0]] == [[s for s, _ in CHAIN_77_15]]


def _doc(symbol: str, date: str | None = None, in_corpus: bool = True) -> list[ox.Triple]:
    d = ox.NamedNode(vocab.document_iri(symbol))
    out = [ox.Triple(d, rdf.RDF_TYPE, rdf.U("Resolution")), ox.Triple(d, rdf.U("symbol"), ox.Literal(symbol))]
    if in_corpus:
        out.append(ox.Triple(d, rdf.U("sourceFile"), ox.Literal(symbol.replace("/", "_") + ".txt")))
    if date:
        out.append(ox.Triple(d, rdf.U("adoptionDate"), ox.Literal(date, datatype=rdf.XSD_DATE)))
    return out


def _recalls(a: str, b: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(vocab.document_iri(a)), rdf.U("recalls"), ox.NamedNode(vocab.document_iri(b)))


@pytest.fixture(scope="module")
def broken_triples() -> list[ox.Triple]:
    """A cycle 1 -> 2 -> 3 -> 1 (undated), a self-recall, and 10/1 (2015) recalling 12/1 (2017),
    next to a sound chain 20/1 -> 19/1 -> 18/1."""
    triples = []
    for s in ("A/RES/1/1", "A/RES/2/1", "A/RES/3/1", "A/RES/5/5"):
        triples += _doc(s)
    triples += _doc("A/RES/10/1", "2015-12-01") + _doc("A/RES/12/1", "2017-12-01")
    triples += _doc("A/RES/20/1", "2015-12-01") + _doc("A/RES/19/1", "2014-12-01")
    triples += _doc("A/RES/18/1", "2013-12-01", in_corpus=False)
    triples += [_recalls("A/RES/1/1", "A/RES/2/1"), _recalls("A/RES/2/1", "A/RES/3/1"),
                _recalls("A/RES/3/1", "A/RES/1/1"), _recalls("A/RES/5/5", "A/RES/5/5"),
                _recalls("A/RES/10/1", "A/RES/12/1"), _recalls("A/RES/12/1", "A/RES/19/1"),
                _recalls("A/RES/20/1", "A/RES/19/1"), _recalls("A/RES/19/1", "A/RES/18/1")]
    return triples


def test_cycles_and_later_dated_recalls_are_reported_not_followed(broken_triples):
    G = networks.recall_network(from_triples(broken_triples))
    errors = analyze.recall_errors(G)
    assert sorted((e.kind, e.symbols) for e in errors) == [
        ("cycle", ("A/RES/1/1", "A/RES/2/1", "A/RES/3/1", "A/RES/1/1")),
        ("cycle", ("A/RES/5/5", "A/RES/5/5")),
        ("later-date", ("A/RES/10/1", "A/RES/12/1")),
    ]
    later = next(e for e in errors if e.kind == "later-date")
    assert later.message == "A/RES/10/1 (adopted 2015-12-01) recalls A/RES/12/1, adopted later (2017-12-01)"
    # chains end instead of looping, and carry the errors they met
    c = analyze.recall_chain(G, "A/RES/1/1")
    assert c.symbols() == ["A/RES/1/1"] and [e.kind for e in c.errors] == ["cycle"]
    assert analyze.recall_chain(G, "A/RES/5/5").symbols() == ["A/RES/5/5"]
    c = analyze.recall_chain(G, "A/RES/10/1")
    assert c.symbols() == ["A/RES/10/1"] and [e.kind for e in c.errors] == ["later-date"]
    # 12/1 -> 19/1 is sound (2017 recalls 2014)
    assert analyze.recall_chain(G, "A/RES/12/1").symbols() == ["A/RES/12/1", "A/RES/19/1", "A/RES/18/1"]
    longest = analyze.longest_chains(G, 10)
    # equally long: the later start (12/1, 2017) first; 10/1 -> 12/1 is not followed
    assert [c.symbols() for c in longest] == [["A/RES/12/1", "A/RES/19/1", "A/RES/18/1"],
                                              ["A/RES/20/1", "A/RES/19/1", "A/RES/18/1"]]


def test_chain_cli_reports_data_errors_on_stderr(broken_triples, tmp_path):
    path = tmp_path / "broken.nt"
    rdf.write(broken_triples, path)
    result = CliRunner().invoke(main, ["chain", str(path), "A/RES/1/1"])
    assert result.exit_code == 0, result.output
    assert "data error (cycle): recall cycle A/RES/1/1 -> A/RES/2/1 -> A/RES/3/1 -> A/RES/1/1" in result.stderr
    result = CliRunner().invoke(main, ["chain", str(path), "--longest", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("1,2,A/RES/12/1,2017-12-01,A/RES/18/1,2013-12-01,")
    assert result.stderr.count("data error") == 3


def test_chain_cli(graph_file):
    runner = CliRunner()
    result = runner.invoke(main, ["chain", str(graph_file), "A/RES/77/15"])
    assert result.exit_code == 0, result.output
    assert "A/RES/77/15: 4 recall(s) back to A/RES/58/85 (2003-12-09)" in result.stdout
    result = runner.invoke(main, ["chain", str(graph_file), "77/15", "--format", "json"])
    data = json.loads(result.stdout)
    assert [(x["symbol"], x["date"]) for x in data[0]["links"]] == CHAIN_77_15
    result = runner.invoke(main, ["chain", str(graph_file), "--longest", "1", "--format", "json"])
    assert [len(c["links"]) for c in json.loads(result.stdout)] == [5]
    result = runner.invoke(main, ["chain", str(graph_file)])
    assert result.exit_code == 2 and "either a SYMBOL or --longest" in result.output
    result = runner.invoke(main, ["chain", str(graph_file), "A/RES/9/99"])
    assert result.exit_code == 1 and "no document 'A/RES/9/99'" in result.output


# ----------------------------------------------------------------------------------------
# Networks

def test_networks_read_the_graph(store):
    R = networks.recall_network(store)
    d7715 = vocab.document_iri("A/RES/77/15")
    assert {R.nodes[v]["label"] for v in R.successors(d7715)} == {
        "A/RES/58/85", "A/RES/67/109", "A/RES/69/271", "A/RES/71/15", "A/RES/73/14", "A/RES/75/8",
        "S/RES/1631(2005)", "A/RES/49/57"}
    assert R.edges[d7715, vocab.document_iri("A/RES/75/8")]["relation"] == "recalls"
    assert R.edges[d7715, vocab.document_iri("A/RES/49/57")]["relation"] == "cites"

    A = networks.action_network(store)
    d7314 = vocab.document_iri("A/RES/73/14")
    assert sorted((e["verb"], e["paragraph"]) for e in A.get_edge_data(d7314, UNODC).values()) == [
        ("encourages", 3), ("invites", 2)]

    O = networks.organization_network(store)
    assert {(O.nodes[u]["label"], O.nodes[v]["label"]): (e["paragraphs"], e["resolutions"])
            for u, v, e in O.edges(data=True)} == {
        ("GUAM", "ECE"): (3, 2), ("GUAM", "UNCTAD"): (2, 2), ("GUAM", "UNODC"): (2, 1),
        ("GUAM", "Secretary-General"): (6, 4),
        ("BSEC", "UNDP"): (2, 1), ("BSEC", "ECE"): (1, 1), ("BSEC", "Secretary-General"): (1, 1)}
    assert O.nodes[GUAM]["role"] == "organization" and O.nodes[ECE]["role"] == "agency"
    assert O.edges[GUAM, ECE]["date"] == "2016-11-21" and O.edges[GUAM, UNODC]["session"] == 73


def test_organization_names_and_sessions(store):
    assert networks.resolve_body(store, "guam") == GUAM
    assert networks.resolve_body(store, "the Organization for Democracy and Economic Development – GUAM") == GUAM
    assert networks.resolve_body(store, "Black Sea Economic Cooperation Organization") == BSEC
    with pytest.raises(ValueError, match="organizations the documents concern: BSEC, GUAM"):
        networks.resolve_body(store, "ECO")
    assert networks.parse_sessions("70-79") == ((70, 79),)
    with pytest.raises(ValueError):
        networks.parse_sessions("seventy")


# ----------------------------------------------------------------------------------------
# Centrality, worked out by hand
#
# Co-addressee edges (paragraphs): ECE-UNCTAD 2 (71/15 p2, 73/14 p2), ECE-UNODC 2 (73/14 p2,
# p3), UNCTAD-UNODC 1, BSEC-UNDP 1, ECE-UNDP 1; GUAM and the Secretary-General are addressed
# alone. 7 nodes, so betweenness divides the pairs a body lies between by 6*5/2 = 15:
# ECE lies between UNCTAD or UNODC and UNDP or BSEC (4 pairs), UNDP between BSEC and the
# other three (3 pairs). The two isolated bodies are dangling: their PageRank p solves
# p = 0.15/7 + 0.85 * 2p/7, so p = 0.15/5.3.

HAND = {  # degree, weighted degree, betweenness, resolutions, organizations, paragraphs
    "ECE": (3, 5.0, 4 / 15, 3, 2, 4),
    "UNCTAD": (2, 3.0, 0.0, 2, 1, 2),
    "UNODC": (2, 3.0, 0.0, 1, 1, 2),
    "UNDP": (2, 2.0, 3 / 15, 1, 1, 2),
    "BSEC": (1, 1.0, 0.0, 1, 1, 1),
    "GUAM": (0, 0.0, 0.0, 4, 1, 4),
    "Secretary-General": (0, 0.0, 0.0, 5, 2, 7),
}


def test_agency_ranking_matches_the_hand_count(store):
    ranking = analyze.rank_bodies(store, by="degree")
    assert [r.label for r in ranking] == ["ECE", "UNCTAD", "UNODC", "UNDP", "BSEC", "GUAM", "Secretary-General"]
    for r in ranking:
        got = (r.degree, r.weighted_degree, r.betweenness, r.resolutions, r.organizations, r.paragraphs)
        assert got == pytest.approx(HAND[r.label]), r.label
    assert ranking.nodes == 7 and ranking.edges == 5
    assert ranking.note == "betweenness exact (networkx); eigenvector on the largest component (5 of 7 nodes)"
    assert [r.label for r in analyze.rank_bodies(store, by="betweenness", top=2)] == ["ECE", "UNDP"]
    by_label = {r.label: r for r in ranking}
    assert by_label["GUAM"].pagerank == pytest.approx(0.15 / 5.3)
    assert by_label["Secretary-General"].pagerank == pytest.approx(0.15 / 5.3)
    assert by_label["UNCTAD"].pagerank == pytest.approx(by_label["UNODC"].pagerank)
    assert sum(r.pagerank for r in ranking) == pytest.approx(1.0)
    assert analyze.rank_bodies(store)[0].label == "ECE"     # PageRank, the default


def test_eigenvector_is_the_leading_eigenvector_of_the_giant_component(store):
    G = networks.coaddressee_network(store)
    c = analyze.centrality(G)
    comp = [ECE, UNCTAD, UNODC, UNDP, BSEC]
    A = nx.to_numpy_array(G.subgraph(comp), nodelist=comp, weight="weight")
    x = np.array([c[v].eigenvector for v in comp])
    ratio = (A @ x) / x
    assert np.allclose(ratio, ratio[0]) and np.linalg.norm(x) == pytest.approx(1.0)
    assert c[GUAM].eigenvector == 0.0 and c[SG].eigenvector == 0.0
    assert c[UNCTAD].eigenvector == pytest.approx(c[UNODC].eigenvector)


def test_selection_by_organization_sessions_and_verb(store):
    def degrees(**kw):
        return {r.label: (r.degree, r.weighted_degree, r.organizations) for r in analyze.rank_bodies(store, **kw)}

    guam = {"ECE": (2, 4.0, 1), "UNCTAD": (2, 3.0, 1), "UNODC": (2, 3.0, 1), "GUAM": (0, 0.0, 1),
            "Secretary-General": (0, 0.0, 1)}
    assert degrees(organization="GUAM") == guam
    assert degrees(organization="organization for democracy and economic development – guam") == guam
    # session 73: 73/14 and 73/11 only
    assert degrees(sessions="73")["ECE"] == (3, 4.0, 2)
    assert degrees(sessions="74-")["Secretary-General"] == (0, 0.0, 1)
    assert "ECE" not in degrees(sessions="74-")
    # "invites": ECE-UNCTAD 2, ECE-UNODC 1, UNCTAD-UNODC 1, ECE-UNDP 1
    invites = degrees(verbs="invites")
    assert invites["ECE"] == (3, 4.0, 2) and invites["UNDP"] == (1, 1.0, 1) and "BSEC" not in invites
    with pytest.raises(ValueError, match="no body named"):
        analyze.rank_bodies(store, organization="Nowhere Organization")


def test_centrality_cli(graph_file):
    runner = CliRunner()
    result = runner.invoke(main, ["centrality", str(graph_file), "--by", "degree", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["rank"], r["label"], r["degree"], r["resolutions"]) for r in rows[:2]] == [
        (1, "ECE", 3, 3), (2, "UNCTAD", 2, 2)]
    assert "betweenness exact" in result.stderr
    result = runner.invoke(main, ["centrality", str(graph_file), "-O", "guam", "--verb", "encourages",
                                  "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rank,body,label,name,kind,degree,weighted_degree,betweenness")
    assert [line.split(",")[2] for line in lines[1:]] == ["ECE", "UNODC"]
    result = runner.invoke(main, ["centrality", str(graph_file), "--top", "3"])
    assert result.exit_code == 0 and "ECE" in result.stdout and "BSEC" not in result.stdout
    result = runner.invoke(main, ["centrality", str(graph_file), "--organization", "ECO"])
    assert result.exit_code == 2 and "no body named 'ECO'" in result.output
    result = runner.invoke(main, ["centrality", str(graph_file), "--sessions", "x"])
    assert result.exit_code == 2 and "not a session" in result.output


# ----------------------------------------------------------------------------------------
# Backends and sampling

def test_igraph_backend_matches_networkx_exact_and_sampled():
    G = nx.les_miserables_graph()
    for kw in ({}, {"k": 15, "seed": 3}):
        ref = analyze.centrality(G, backend="networkx", **kw)
        fast = analyze.centrality(G, backend="igraph", **kw)
        assert ref.samples == fast.samples and ref.exact == (not kw)
        for v in G:
            assert fast[v].betweenness == pytest.approx(ref[v].betweenness, abs=1e-12)
            assert fast[v].pagerank == pytest.approx(ref[v].pagerank, abs=1e-9)
            assert fast[v].degree == ref[v].degree
            assert fast[v].eigenvector == pytest.approx(ref[v].eigenvector, abs=1e-9)
    D = nx.gnm_random_graph(80, 240, seed=1, directed=True)
    ref, fast = analyze.centrality(D, backend="networkx", k=20), analyze.centrality(D, backend="igraph", k=20)
    assert all(fast[v].betweenness == pytest.approx(ref[v].betweenness, abs=1e-12) for v in D)
    assert "sampled from k=20 of 80 source nodes (seed 0, igraph)" in fast.note


def test_betweenness_is_sampled_past_the_work_budget():
    assert analyze._samples(500, 2_000, "networkx", None) == 500          # 1e6 <= budget: exact
    k = analyze._samples(20_000, 80_000, "networkx", None)
    assert analyze.MIN_SAMPLES <= k < 20_000
    assert analyze._samples(20_000, 80_000, "igraph", None) < 20_000
    assert analyze.choose_backend(20_000, 80_000) == "igraph"
