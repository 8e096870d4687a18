"""Every saved query answers its question on the bundled corpus.

The expected answers are computed from the extraction API (``ungraph.build.extract_corpus``
-> ``Document`` objects) and the gazetteer, never by running SPARQL; each test then runs the
saved query on the corpus graph with the embedded store. A last test checks that rdflib's
store returns exactly the same rows for every saved query.
"""
from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import conftest_oxigraph as support  # noqa: E402

from ungraph import vocab  # noqa: E402
from ungraph.query import EmbeddedStore, RdflibStore, run, saved_queries  # noqa: E402
from ungraph.rdf import document_iri  # noqa: E402
from ungraph.verbs import is_directive  # noqa: E402

AGENCY_KINDS = {"SpecializedAgency", "FundOrProgramme", "RegionalCommission", "RelatedOrganization"}


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    return EmbeddedStore(support.corpus_graph())


@pytest.fixture(scope="module")
def docs():
    return support.corpus_documents()


@pytest.fixture(scope="module")
def entries(docs):
    """Every body the corpus knows: gazetteer entries plus bodies detected in the texts."""
    from ungraph.gazetteer import load

    out = dict(load().entries)
    for d in docs:
        for e in d.detected:
            out.setdefault(e.key, e)
    return out


def ask(store, name, **params):
    q = saved_queries()[name]
    return run(store, q, list(params.items())).rows


def doc_id(doc) -> str:
    return doc.header.symbol or doc.source_file


def para_key(p) -> int:
    return p.number if p.kind == "operative" and p.number is not None else p.index


def actions(doc):
    """(action id, paragraph, action) for every operative action, ids as the graph mints them."""
    d = document_iri(doc)
    for p in doc.paragraphs:
        for n, a in enumerate(p.actions, start=1):
            yield (d, p.kind, para_key(p), n), p, a


def name_of(entries, key) -> str:
    return entries[key].name


# --------------------------------------------------------------------------- one test per query

@pytest.mark.parametrize("verb", ["invites", "urges"])
def test_most_invited_agencies(store, docs, entries, verb):
    ndocs, nacts = defaultdict(set), defaultdict(set)
    for doc in docs:
        for aid, _, a in actions(doc):
            if a.verb == verb:
                for b in a.addressees:
                    ndocs[b.key].add(document_iri(doc))
                    nacts[b.key].add(aid)
    expected = sorted(((name_of(entries, k), len(ndocs[k]), len(nacts[k])) for k in ndocs),
                      key=lambda r: (-r[1], -r[2], r[0]))[:15]
    assert expected, "the corpus invites somebody"
    assert ask(store, "most-invited-agencies", verb=verb) == expected


def test_most_invited_agencies_known_fact(store):
    # A/RES/75/324 (ECO), op 8: "Invites the United Nations Conference on Trade and Development,
    # the World Trade Organization and the International Trade Centre ..."
    labels = {r[0] for r in ask(store, "most-invited-agencies")}
    assert {"United Nations Conference on Trade and Development", "World Trade Organization"} <= labels


def test_agencies_per_organization(store, docs, entries):
    orgs_docs, orgs_agencies = defaultdict(set), defaultdict(set)
    for doc in docs:
        for c in doc.concerns:
            if entries[c.key].kind != "RegionalOrganization":
                continue
            orgs_docs[c.key].add(document_iri(doc))
            for m in doc.mentions():
                if m.key in entries and entries[m.key].kind in AGENCY_KINDS:
                    orgs_agencies[c.key].add(m.key)
    expected = sorted(((name_of(entries, k), len(orgs_docs[k]), len(orgs_agencies[k])) for k in orgs_docs),
                      key=lambda r: (-r[2], r[0]))
    rows = ask(store, "agencies-per-organization")
    assert rows == expected
    assert any(r[0] == "Economic Cooperation Organization" for r in rows)


def test_agencies_per_organization_other_kind(store, docs, entries):
    kind = vocab.kind_iri("IntergovernmentalOrganization")
    expected = sorted({name_of(entries, c.key) for d in docs for c in d.concerns
                       if entries[c.key].kind == "IntergovernmentalOrganization"})
    assert sorted(r[0] for r in ask(store, "agencies-per-organization", kind=kind)) == expected


@pytest.mark.parametrize("symbol", ["A/RES/3369(XXX)", "A/RES/48/2", "A/RES/75/8"])
def test_recalled_by(store, docs, symbol):
    expected = sorted((doc_id(d), d.header.session, d.header.title) for d in docs
                      if symbol in {r.symbol for r in d.recalls()})
    assert expected, f"someone recalls {symbol}"
    assert ask(store, "recalled-by", symbol=symbol) == expected


def test_recalled_by_facts(store):
    # A/RES/75/324 (ECO) recalls resolution 48/2 of 13 October 1993 (observer status of ECO);
    # A/RES/77/15 (GUAM, 2022) recalls A/RES/75/8 (GUAM, 2020).
    assert [r[0] for r in ask(store, "recalled-by", symbol="A/RES/48/2")] == ["A/RES/75/324"]
    assert [r[0] for r in ask(store, "recalled-by", symbol="A/RES/75/8")] == ["A/RES/77/15"]


@pytest.mark.parametrize("start", ["A/RES/77/15", "A/RES/75/324"])
def test_recall_chain(store, docs, start):
    recalls = {d.header.symbol: [r.symbol for r in d.recalls()] for d in docs if d.header.symbol}
    reached, todo = set(), list(recalls[start])
    while todo:
        s = todo.pop()
        if s not in reached:
            reached.add(s)
            todo += recalls.get(s, [])
    expected = sorted((s, s in recalls[start], s in recalls) for s in reached)
    assert ask(store, "recall-chain", symbol=start) == expected


def test_recall_chain_goes_through_the_corpus(store):
    rows = ask(store, "recall-chain", symbol="A/RES/77/15")
    assert ("A/RES/75/8", True, True) in rows      # the previous GUAM resolution, in the corpus
    # everything A/RES/75/8 recalls is reached from A/RES/77/15
    assert {r[0] for r in ask(store, "recall-chain", symbol="A/RES/75/8")} <= {r[0] for r in rows}


def test_agency_pairs(store, docs, entries):
    ndocs, nacts = defaultdict(set), defaultdict(set)
    for doc in docs:
        for aid, _, a in actions(doc):
            keys = sorted({b.key for b in a.addressees}, key=vocab.body_iri)
            for i, x in enumerate(keys):
                for y in keys[i + 1:]:
                    ndocs[x, y].add(document_iri(doc))
                    nacts[x, y].add(aid)
    expected = sorted(((name_of(entries, x), name_of(entries, y), len(ndocs[x, y]), len(nacts[x, y]))
                       for x, y in ndocs), key=lambda r: (-r[2], -r[3], r[0], r[1]))[:15]
    assert ask(store, "agency-pairs") == expected


def _matching_keys(entries, body: str) -> set[str]:
    """Bodies a ``body`` parameter names: any label or acronym (any case), or the key."""
    low = body.lower()
    return {k for k, e in entries.items()
            if k == body or low in {x.lower() for x in (e.name, *e.labels, *e.acronyms, *e.former)}}


@pytest.mark.parametrize("body", ["Secretary-General", "unctad", "World Health Organization", "SecretaryGeneral",
                                  "https://w3id.org/ungraph/id/body/UNDP"])
def test_verbs_toward_body(store, docs, entries, body):
    keys = _matching_keys(entries, body.removeprefix(vocab.BODY))
    assert keys
    nacts, ndocs = defaultdict(set), defaultdict(set)
    for doc in docs:
        if doc.header.session is None:
            continue
        for aid, _, a in actions(doc):
            if keys & {b.key for b in a.addressees}:
                nacts[doc.header.session, a.verb].add(aid)
                ndocs[doc.header.session, a.verb].add(document_iri(doc))
    expected = sorted(((s, v, len(nacts[s, v]), len(ndocs[s, v])) for s, v in nacts),
                      key=lambda r: (r[0], -r[2], r[1]))
    assert ask(store, "verbs-toward-body", body=body) == expected


def _newly_addressed(docs, entries):
    series = defaultdict(list)
    for d in docs:
        if d.header.session is not None:
            for c in d.concerns:
                series[c.key].append(d)

    def addressed(d):
        return {b.key for p in d.operative for a in p.actions for b in a.addressees}

    rows = []
    for org, ds in series.items():
        for d in ds:
            earlier = [x.header.session for x in ds if x.header.session < d.header.session]
            if not earlier:
                continue
            for prev in (x for x in ds if x.header.session == max(earlier)):
                for key in addressed(d) - addressed(prev):
                    rows.append((name_of(entries, org), doc_id(d), d.header.session, doc_id(prev),
                                 prev.header.session, name_of(entries, key)))
    return sorted(rows, key=lambda r: (r[0], r[2], r[1], r[3], r[5]))


def test_newly_addressed(store, docs, entries):
    assert ask(store, "newly-addressed") == _newly_addressed(docs, entries)


def test_newly_addressed_finds_a_new_addressee(entries):
    """The GUAM series with one paragraph added to the later resolution: exactly the bodies
    that paragraph invites are new."""
    from ungraph.build import build_corpus, extract_corpus

    folder = support.tmp_dir("series")
    shutil.copy(support.CORPUS / "A_RES_75_8.txt", folder)
    text = (support.CORPUS / "A_RES_77_15.txt").read_text(encoding="utf-8")
    added = ("6. \nInvites the World Health Organization and the United Nations Development Programme "
             "to support the activities of the Organization for Democracy and Economic Development – GUAM; \n \n")
    assert "39th plenary meeting" in text
    (folder / "A_RES_77_15.txt").write_text(text.replace("39th plenary meeting", added + "39th plenary meeting", 1),
                                            encoding="utf-8")
    build_corpus(folder, folder / "g.ttl", validate=False)
    docs, _ = extract_corpus(folder)
    expected = _newly_addressed(docs, entries)
    assert {r[5] for r in expected} == {"World Health Organization", "United Nations Development Programme"}
    rows = run(EmbeddedStore(folder / "g.ttl"), saved_queries()["newly-addressed"]).rows
    assert rows == expected
    assert rows[0][1:5] == ("A/RES/77/15", 77, "A/RES/75/8", 75)


def _fragment(p) -> str:
    return {"preambular": "pp", "operative": "op", "annex": "an"}[p.kind] + str(para_key(p))


@pytest.mark.parametrize("body", ["UNCTAD", "Economic Cooperation Organization", "INTERPOL"])
def test_paragraphs_mentioning(store, docs, entries, body):
    expected = _paragraphs_mentioning(docs, _matching_keys(entries, body))
    assert expected
    assert ask(store, "paragraphs-mentioning", body=body) == expected


def _paragraphs_mentioning(docs, keys) -> list[tuple]:
    """(document, paragraph, text) of every paragraph naming one of ``keys``, in document order."""
    part = {"preambular": 1, "operative": 2, "annex": 3}
    rows = sorted(((doc_id(d), _fragment(p), p.text, part[p.kind], p.index) for d in docs
                   for p in d.paragraphs if keys & {b.key for b in p.bodies}), key=lambda r: (r[0], r[3], r[4]))
    return [r[:3] for r in rows]


def test_paragraphs_mentioning_text(store):
    rows = ask(store, "paragraphs-mentioning", body="UNCTAD")
    op8 = [r for r in rows if r[:2] == ("A/RES/75/324", "op8")]
    assert op8 and op8[0][2].startswith("Invites the United Nations Conference on Trade and Development")


def test_resolutions_per_session(store, docs, entries):
    counts = defaultdict(int)
    for d in docs:
        h = d.header
        if h.kind.value == "resolution" and h.session is not None and h.agenda_item:
            organ = entries[vocab.ORGAN_BODY_KEY[h.organ]].name if h.organ else None
            counts[organ, h.session, (h.agenda_item + " ").split(" ")[0]] += 1
    expected = sorted(((o, s, i, n) for (o, s, i), n in counts.items()),
                      key=lambda r: (r[0] or "", r[1], int(r[2]), r[2]))
    rows = ask(store, "resolutions-per-session")
    assert rows == expected
    # session 75, item 130 "Cooperation between the United Nations and regional and other
    # organizations": A/RES/75/7, 75/8, 75/12, 75/14, 75/15 and 75/324
    assert ("General Assembly", 75, "130", 6) in rows


def test_cited_documents(store, docs):
    counts = defaultdict(set)
    corpus_class = {d.header.symbol: vocab.DOC_CLASS[d.header.kind.value] for d in docs if d.header.symbol}
    for d in docs:
        for x in d.documents():
            kind = corpus_class.get(x.symbol) or vocab.CITED_DOC_CLASS[x.kind]
            counts[doc_id(d), kind].add(x.symbol)
    expected = sorted((doc, kind, len(xs)) for (doc, kind), xs in counts.items())
    assert ask(store, "cited-documents") == expected


def test_generic_addressees(store, docs):
    ndocs, nacts = defaultdict(set), defaultdict(set)
    for doc in docs:
        for aid, _, a in actions(doc):
            for g in a.generic:
                ndocs[g].add(document_iri(doc))
                nacts[g].add(aid)
    expected = sorted(((g, len(ndocs[g]), len(nacts[g])) for g in ndocs),
                      key=lambda r: (-r[1], -r[2], r[0]))[:15]
    assert ask(store, "generic-addressees") == expected


def test_draft_sponsors(store, docs):
    expected = sorted(((doc_id(d), d.header.session, len(set(d.header.sponsors)), d.header.title) for d in docs
                       if d.header.kind.value == "draft_resolution"), key=lambda r: (-r[2], r[0]))
    rows = ask(store, "draft-sponsors")
    assert rows == expected
    assert rows[0][0] == "A/80/L.13"      # the BBNJ agreement draft, sponsored by 100+ States


@pytest.mark.parametrize("country", ["Egypt", "Zambia", "Atlantis"])
def test_drafts_sponsored_by(store, docs, country):
    expected = sorted((doc_id(d), d.header.session, d.header.agenda_item, d.header.title) for d in docs
                      if d.header.kind.value == "draft_resolution" and country in d.header.sponsors)
    assert ask(store, "drafts-sponsored-by", country=country) == expected


def test_directive_verbs_per_organization(store, docs, entries):
    nacts = defaultdict(set)
    for doc in docs:
        for c in doc.concerns:
            for aid, p, a in actions(doc):
                if p.kind == "operative" and is_directive(a.verb):
                    nacts[name_of(entries, c.key), a.verb].add(aid)
    expected = sorted(((o, v, len(n)) for (o, v), n in nacts.items()), key=lambda r: (r[0], -r[2], r[1]))
    assert ask(store, "directive-verbs-per-organization") == expected


def test_most_referenced_resolutions(store, docs):
    ndocs, nrecall = defaultdict(set), defaultdict(set)
    for d in docs:
        for r in d.recalls():
            ndocs[r.symbol].add(document_iri(d))
            nrecall[r.symbol].add(document_iri(d))
        for r in d.cites():
            ndocs[r.symbol].add(document_iri(d))
    expected = sorted(((s, len(ndocs[s]), len(nrecall[s])) for s in ndocs),
                      key=lambda r: (-r[1], -r[2], r[0]))[:15]
    rows = ask(store, "most-referenced-resolutions")
    assert rows == expected
    assert rows[0][0] == "A/RES/70/1"     # the 2030 Agenda for Sustainable Development


@pytest.mark.parametrize("symbol", ["A/RES/75/324", "A/RES/77/18"])
def test_addressees_of_document(store, docs, entries, symbol):
    doc = next(d for d in docs if d.header.symbol == symbol)
    rows = set()
    for p in doc.operative:
        for a in p.actions:
            for b in a.addressees:
                rows.add((para_key(p), a.verb, name_of(entries, b.key), False, a.span.start))
            for g in a.generic:
                rows.add((para_key(p), a.verb, g, True, a.span.start))
    expected = [r[:4] for r in sorted(rows, key=lambda r: (r[0], r[4], r[1], r[3], r[2]))]
    assert ask(store, "addressees-of-document", symbol=symbol) == expected


def test_drafts_sponsored_by_several_countries_lists_each_draft_once(store, docs):
    countries = ["Egypt", "Jordan", "Zambia"]
    expected = sorted((doc_id(d), d.header.session, d.header.agenda_item, d.header.title) for d in docs
                      if d.header.kind.value == "draft_resolution" and set(countries) & set(d.header.sponsors))
    shared = [d for d in docs if {"Egypt", "Jordan"} <= set(d.header.sponsors)]
    assert shared, "the corpus should have a draft that both sponsor, or this test proves nothing"
    q = saved_queries()["drafts-sponsored-by"]
    assert run(store, q, [("country", c) for c in countries]).rows == expected


def test_paragraphs_mentioning_several_bodies_lists_each_paragraph_once(store, docs, entries):
    expected = _paragraphs_mentioning(docs, _matching_keys(entries, "UNCTAD") | _matching_keys(entries, "UNDP"))
    q = saved_queries()["paragraphs-mentioning"]
    assert run(store, q, [("body", "UNCTAD"), ("body", "UNDP")]).rows == expected


def test_every_saved_query_is_tested():
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals() if name.startswith("test_")}
    missing = [n for n in saved_queries() if n not in tested]
    assert not missing, f"saved queries without an answer test: {missing}"


# --------------------------------------------------------------------------- rdflib agrees

def test_rdflib_store_gives_the_same_rows(store):
    other = RdflibStore(support.corpus_graph())
    for name, q in saved_queries().items():
        a, b = run(store, q), run(other, q)
        assert (a.columns, a.rows) == (b.columns, b.rows), name
