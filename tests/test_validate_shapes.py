"""Every shape, broken on purpose: a valid graph damaged in exactly the way a shape forbids
must give a result that names that shape, at the damaged node.

The damage is done with SPARQL Update on a clean graph (four corpus files, the known
extraction bug repaired); each break claims its own nodes, so all of them go into one
broken graph, validated once per engine. The two engines must give the same results.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import rdflib
from rdflib.namespace import RDF, SH
from test_validate_support import (
    patched, patched_small_graph, result_keys, select, store_of, tmp_dir, update, write,
)

from ungraph import vocab
from ungraph.validate import SHAPES_NS, load_shapes, turbo_available, validate_graph

R1, R2, R3, DR = "A/RES/77/20", "A/RES/79/326", "A/RES/79/328", "A/80/L.12"


class Nodes:
    """Hands out nodes of the clean graph, each to one break only."""

    def __init__(self, store):
        self.store = store
        self.claimed: set[str] = set()

    def take(self, query: str) -> str:
        for row in select(self.store, query):
            node = next(iter(row.values())).value
            if node not in self.claimed:
                self.claimed.add(node)
                return node
        raise LookupError(f"no free node for {query}")

    def doc(self, symbol: str) -> str:
        return vocab.document_iri(symbol)

    def target(self, cls: str) -> str:
        """A node of class ``cls`` to point a link at (not claimed: links do not damage it)."""
        return select(self.store, f"SELECT ?x WHERE {{ ?x a {cls} }} ORDER BY ?x LIMIT 1")[0]["x"].value

    # pools of nodes, in a stable order
    def cited(self, cls: str, organ: str | None = None, dated: bool | None = None) -> str:
        q = f"SELECT ?x WHERE {{ ?x a ung:{cls} . FILTER NOT EXISTS {{ ?x ung:sourceFile ?f }} "
        if organ:
            q += f"?x ung:organ <{vocab.BODY}{organ}> . "
        if dated is True:
            q += "?x ung:adoptionDate ?date . "
        if dated is False:
            q += "FILTER NOT EXISTS { ?x ung:adoptionDate ?date } "
        return self.take(q + "} ORDER BY ?x")

    def paragraph(self, cls: str, doc: str | None = None) -> str:
        within = f"?x dcterms:isPartOf <{doc}> ." if doc else ""
        return self.take(f"SELECT ?x WHERE {{ ?x a ung:{cls} . {within} }} ORDER BY ?x")

    # references and actions come from R1, whose paragraphs no break damages
    def reference(self) -> str:
        return self.take(f"""SELECT ?x WHERE {{ ?x a ung:Reference . ?p ung:hasReference ?x ;
            dcterms:isPartOf <{vocab.document_iri(R1)}> }} ORDER BY ?x""")

    def action(self) -> str:
        return self.take(f"""SELECT ?x WHERE {{ ?x a ung:Action . ?p ung:hasAction ?x ;
            dcterms:isPartOf <{vocab.document_iri(R1)}> }} ORDER BY ?x""")

    def body(self, extra: str = "") -> str:
        return self.take(f"SELECT ?x WHERE {{ ?x a ung:Body ; skos:inScheme ?s . {extra} }} ORDER BY ?x")


@dataclass(frozen=True)
class Break:
    """Damage done by ``make`` (which returns the damaged node) must give a result of ``rule``
    at that node; for a node shape that only groups property shapes, ``via_node_shape``
    checks the result's node_shape instead of its rule."""

    make: Callable[[Nodes, Callable[[str], None]], str]
    rule: str | None = None            # default: the shape itself
    via_node_shape: bool = False
    component: str | None = None


def doc_r1(n):
    return n.doc(R1)


def B(make, **kw) -> Break:
    return Break(make, **kw)


def _report_node(n):
    return n.target("ung:Report")


def _shortcut(prop: str) -> Break:
    def make(n, u):
        target = _report_node(n)
        u(f"INSERT DATA {{ <{doc_r1(n)}> ung:{prop} <{target}> }}")
        return doc_r1(n)
    return B(make)


def _doc_link(prop: str, target_kind: str = "Report") -> Break:
    def make(n, u):
        target = n.target(f"ung:{target_kind}")
        u(f"INSERT DATA {{ <{doc_r1(n)}> ung:{prop} <{target}> }}")
        return doc_r1(n)
    return B(make)


def _fill(n: Nodes, text: str, node: str) -> str:
    """$N: the damaged node; $IRI: its IRI unbracketed; $REPORT, $BODY, $REFERENCE: a node of that class."""
    text = text.replace("$N", f"<{node}>").replace("$IRI", node)
    for token, cls in (("$REPORT", "ung:Report"), ("$BODY", "ung:Body"), ("$REFERENCE", "ung:Reference")):
        if token in text:
            text = text.replace(token, f"<{n.target(cls)}>")
    return text


def _replace(node_fn, prop: str, new: str) -> Callable:
    def make(n, u):
        node = node_fn(n)
        u(_fill(n, f"DELETE {{ $N {prop} ?old }} INSERT {{ $N {prop} {new} }} WHERE {{ $N {prop} ?old }}", node))
        return node
    return make


def _insert(node_fn, triples: str) -> Callable:
    def make(n, u):
        node = node_fn(n)
        u(_fill(n, "INSERT DATA { " + triples + " }", node))
        return node
    return make


def _delete(node_fn, pattern: str) -> Callable:
    def make(n, u):
        node = node_fn(n)
        p = pattern.replace("$N", f"<{node}>")
        u(f"DELETE WHERE {{ {p} }}")
        return node
    return make


def _para(cls: str, doc: str | None = None):
    return lambda n: n.paragraph(cls, vocab.document_iri(doc) if doc else None)


def _undated(n, u):
    doc = n.doc(R3)
    u(f"DELETE WHERE {{ <{doc}> ung:adoptionDate ?a }}")
    u(f"DELETE WHERE {{ <{doc}> dcterms:issued ?i }}")
    return doc


def _number_gap(n, u):
    doc = n.doc("A/RES/77/20")
    para = f"{doc}#op2"
    n.claimed.add(para)
    u(f"DELETE {{ <{para}> ung:paragraphNumber ?n }} INSERT {{ <{para}> ung:paragraphNumber 99 }} "
      f"WHERE {{ <{para}> ung:paragraphNumber ?n }}")
    return doc


def _orphan_annex(n, u):
    doc = n.doc("A/RES/79/326")
    an = f"{doc}#an1"
    u(f'INSERT DATA {{ <{an}> a ung:AnnexParagraph ; dcterms:isPartOf <{doc}> ; '
      f'ung:order 1 ; ung:text "Annex text." }}')
    return an


def _orphan_reference(n, u):
    ref = n.reference()
    u(f"DELETE WHERE {{ ?p ung:hasReference <{ref}> }}")
    return ref


def _shift_reference(n, u):
    ref = n.reference()
    u(f"""DELETE {{ <{ref}> ung:start ?s ; ung:end ?e }} INSERT {{ <{ref}> ung:start ?s2 ; ung:end ?e2 }}
          WHERE {{ <{ref}> ung:start ?s ; ung:end ?e . BIND(?s + 1 AS ?s2) BIND(?e + 1 AS ?e2) }}""")
    return ref


def _start_at_end(n, u):
    ref = n.reference()
    u(f"DELETE {{ <{ref}> ung:start ?s }} INSERT {{ <{ref}> ung:start ?e }} "
      f"WHERE {{ <{ref}> ung:start ?s ; ung:end ?e }}")
    return ref


def _unreferenced_recall(n, u):
    doc = n.doc("A/RES/77/20")
    other = n.take(f"""SELECT ?x WHERE {{ ?x a ung:Resolution . ?d ung:recalls|ung:cites ?x .
        FILTER(?d != <{doc}>) FILTER NOT EXISTS {{ <{doc}> ung:recalls|ung:cites ?x }} }} ORDER BY ?x""")
    u(f"INSERT DATA {{ <{doc}> ung:recalls <{other}> }}")
    return doc


def _recalled_and_cited(n, u):
    doc = n.doc("A/RES/79/328")
    r = n.take(f"SELECT ?x WHERE {{ <{doc}> ung:recalls ?x }} ORDER BY ?x")
    u(f"INSERT DATA {{ <{doc}> ung:cites <{r}> }}")
    return doc


def _self_citation(n, u):
    doc = n.doc("A/RES/79/326")
    u(f"INSERT DATA {{ <{doc}> ung:cites <{doc}> }}")
    return doc


def _late_recall(n, u):
    doc = n.doc(R1)
    # claim the reference too, so that no other break takes the evidence away
    ref = n.take(f"""SELECT ?ref WHERE {{ <{doc}> ung:recalls|ung:cites ?x . ?x ung:adoptionDate ?d .
        ?ref a ung:Reference ; ung:refersTo ?x . ?p ung:hasReference ?ref ; dcterms:isPartOf <{doc}> .
        FILTER NOT EXISTS {{ ?x ung:sourceFile ?f }} }} ORDER BY DESC(?ref)""")
    r = select(n.store, f"SELECT ?x WHERE {{ <{ref}> ung:refersTo ?x }}")[0]["x"].value
    n.claimed.add(r)
    u(f'DELETE {{ <{r}> ung:adoptionDate ?d }} INSERT {{ <{r}> ung:adoptionDate "2099-01-01"^^xsd:date }} '
      f"WHERE {{ <{r}> ung:adoptionDate ?d }}")
    return doc


def _shortcut_without_action(n, u):
    doc = n.doc("A/RES/79/326")
    body = n.take(f"""SELECT ?b WHERE {{ ?b a ung:Body ; skos:inScheme ?s .
        FILTER NOT EXISTS {{ <{doc}> ung:requests ?b }} }} ORDER BY ?b""")
    u(f"INSERT DATA {{ <{doc}> ung:requests <{body}> }}")
    return doc


def _shared_symbol(n, u):
    a, b = n.cited("Report"), n.cited("Report")
    u(f"""DELETE {{ <{b}> ung:symbol ?s }} INSERT {{ <{b}> ung:symbol ?sa }}
          WHERE {{ <{b}> ung:symbol ?s . <{a}> ung:symbol ?sa }}""")
    return min(a, b)


def _unused_body(n, u):
    body = f"{vocab.BODY}nobody-links-here"
    u(f'''INSERT DATA {{ <{body}> a ung:Body , org:Organization ; skos:prefLabel "Nobody Links Here"@en }}''')
    return body


def _addressee_without_label(n, u):
    body = n.take("SELECT ?b WHERE { ?a ung:addressee ?b . ?b skos:inScheme ?s } ORDER BY ?b")
    u(f"DELETE WHERE {{ <{body}> skos:prefLabel ?l }}")
    return body


def _addressee_not_in_gazetteer(n, u):
    body = n.take("SELECT ?b WHERE { ?a ung:addressee ?b . ?b skos:inScheme ?s } ORDER BY ?b")
    u(f"DELETE WHERE {{ <{body}> skos:inScheme ?s }}")
    return body


def _mention_not_in_gazetteer(n, u):
    body = n.take("""SELECT ?b WHERE { ?d ung:mentions ?b . ?b skos:inScheme ?s .
        FILTER NOT EXISTS { ?a ung:addressee ?b } } ORDER BY ?b""")
    u(f"DELETE WHERE {{ <{body}> skos:inScheme ?s }}")
    return body


def _action_span_overflow(n, u):
    a = n.action()
    u(f"""DELETE {{ <{a}> ung:clauseEnd ?e }} INSERT {{ <{a}> ung:clauseEnd ?e2 }}
          WHERE {{ <{a}> ung:clauseEnd ?e . ?p ung:hasAction <{a}> ; ung:text ?t . BIND(STRLEN(?t) + 10 AS ?e2) }}""")
    return a


def _clause_after_verb(n, u):
    a = n.action()
    u(f"""DELETE {{ <{a}> ung:clauseStart ?c }} INSERT {{ <{a}> ung:clauseStart ?c2 }}
          WHERE {{ <{a}> ung:clauseStart ?c ; ung:start ?s . BIND(?s + 1 AS ?c2) }}""")
    return a


def _verb_span_inverted(n, u):
    a = n.action()
    u(f"DELETE {{ <{a}> ung:start ?s }} INSERT {{ <{a}> ung:start ?e }} WHERE {{ <{a}> ung:start ?s ; ung:end ?e }}")
    return a


def _resolution(organ: str):
    return lambda n: n.cited("Resolution", organ)


def _d(symbol):
    return lambda n: vocab.document_iri(symbol)


BREAKS: dict[str, Break] = {
    # documents
    "DocumentShape": B(_insert(_d(R1), "$N a ung:Decision"), rule="ungsh:Document-class", via_node_shape=True),
    "Document-class": B(_insert(_d(R1), "$N a ung:Decision")),
    "Document-symbol": B(_insert(lambda n: n.cited("Resolution", "UNGA", dated=True), '$N ung:symbol "A/RES/1/1"')),
    "Document-permalink": B(_replace(lambda n: n.cited("Report"), "ung:permalink", '"https://undocs.org/A/1"')),
    "Document-organ": B(_insert(lambda n: n.cited("Report"), f"$N ung:organ <{vocab.KIND}RegionalOrganization>")),
    "Document-session": B(_replace(_d(R1), "ung:session", '"77"')),
    "Document-agendaItem": B(_insert(_d(R1), "$N ung:agendaItem 5")),
    "Document-title": B(_insert(_d(R1), '$N dcterms:title "Coopération"@fr')),
    "Document-issued": B(_insert(_d(DR), '$N dcterms:issued "2025-12-01"^^xsd:date')),
    "Document-meeting": B(_insert(_d(R1), "$N ung:meeting 12")),
    "Document-sponsor": B(_insert(_d(DR), '$N ung:sponsor ""')),
    "Document-basedOnDraft": _doc_link("basedOnDraft"),
    "Document-basedOnReport": _doc_link("basedOnReport", "DraftResolution"),
    "Document-recommendedBy": _doc_link("recommendedBy"),
    "Document-recalls": _doc_link("recalls"),
    "Document-cites": _doc_link("cites"),
    "Document-citesDocument": _doc_link("citesDocument", "Body"),
    "AnyDocument": B(_insert(_d(R1), f"$N ung:citesDocument <{vocab.BODY}UNGA>"),
                     rule="ungsh:Document-citesDocument", component="sh:NodeConstraintComponent"),
    "Document-concerns": _doc_link("concerns"),
    "Document-mentions": _doc_link("mentions"),
    "Document-shortcut-invites": _shortcut("invites"),
    "Document-shortcut-encourages": _shortcut("encourages"),
    "Document-shortcut-urges": _shortcut("urges"),
    "Document-shortcut-callsUpon": _shortcut("callsUpon"),
    "Document-shortcut-requests": _shortcut("requests"),
    "Document-shortcut-addresses": _shortcut("addresses"),
    "Document-hasPreambularParagraph": B(_insert(_d(R1), "$N ung:hasPreambularParagraph <$IRI#op1>")),
    "Document-hasOperativeParagraph": B(_insert(_d(R1), "$N ung:hasOperativeParagraph <$IRI#pp1>")),
    "Document-hasAnnexParagraph": B(_insert(_d(R1), "$N ung:hasAnnexParagraph <$IRI#pp2>")),
    "Document-hasParagraph": B(_insert(_d(R1), "$N ung:hasParagraph $REFERENCE")),
    "Document-hasFootnote": B(_insert(_d(R1), "$N ung:hasFootnote <$IRI#pp3>")),
    # documents of the corpus
    "CorpusDocumentShape": B(_replace(_d(R2), "ung:sourceFile", '"corpus/A_RES_79_326.txt"'),
                             rule="ungsh:CorpusDocument-sourceFile", via_node_shape=True),
    "CorpusDocument-sourceFile": B(_replace(_d(R2), "ung:sourceFile", '"corpus/A_RES_79_326.txt"')),
    "CorpusDocument-title": B(_delete(_d(R2), "$N dcterms:title ?t")),
    "CorpusDocument-date": B(_undated),
    "CorpusDocument-symbolSource": B(_insert(_d(R2), '$N ung:symbolSource "guess"')),
    "CorpusDocument-symbolFromFileName": B(_insert(_d(R2), '$N ung:symbolSource "file name"')),
    "CorpusDocument-votingMethod": B(_insert(_d(R2), '$N ung:votingMethod "acclamation"')),
    "CorpusDocument-votesInFavour": B(_insert(_d(R2), '$N ung:votesInFavour 23, 24')),
    "CorpusDocument-votesAgainst": B(_insert(_d(R2), '$N ung:votesAgainst -1')),
    "CorpusDocument-abstentions": B(_insert(_d(R2), '$N ung:abstentions "8"')),
    "CorpusDocument-voteMembers": B(_insert(_d(R2), '$N ung:memberAgainst ""')),
    "CorpusDocument-voteListsAddUp": B(_insert(_d(R3), '$N ung:votingMethod "recorded vote" ; ung:votesInFavour 2 ; '
                                                      'ung:memberInFavour "Chile" ; ung:abstentions 1 ; '
                                                      'ung:memberAbstaining "India"')),
    "ReadDocumentShape": B(_delete(_d(DR), "$N ung:sourceFile ?f")),
    "ResolutionAdoptionDateShape": B(_delete(_d(R3), "$N ung:adoptionDate ?a")),
    "DateShape": B(_replace(lambda n: n.cited("Resolution", "UNGA", dated=True), "ung:adoptionDate",
                            '"2021-02-30"^^xsd:date'), rule="ungsh:Date-adoptionDate", via_node_shape=True),
    "Date-adoptionDate": B(_replace(lambda n: n.cited("Resolution", "UNGA", dated=True), "ung:adoptionDate",
                                    '"1066-10-14"^^xsd:date')),
    "Date-issued": B(_replace(_d(R2), "dcterms:issued", '"27 August 2025"')),
    # symbols
    "ResolutionSymbolShape": B(_replace(_resolution("UNSC"), "ung:symbol", '"X/RES/1"')),
    "GAResolutionSymbolShape": B(_replace(_resolution("UNGA"), "ung:symbol", '"A/RES/75"')),
    "SCResolutionSymbolShape": B(_replace(_resolution("UNSC"), "ung:symbol", '"S/RES/2250"')),
    "HRCResolutionSymbolShape": B(_replace(_resolution("HRC"), "ung:symbol", '"A/HRC/RES/16"')),
    "ECOSOCResolutionSymbolShape": B(_replace(_resolution("ECOSOC"), "ung:symbol", '"E/RES/96/31"')),
    "DraftSymbolShape": B(_replace(lambda n: n.cited("DraftResolution"), "ung:symbol", '"A/75/131"')),
    "DecisionSymbolShape": B(_replace(lambda n: n.cited("Decision"), "ung:symbol", '"A/DEC/75"')),
    "SymbolUniqueShape": B(_shared_symbol),
    "AdoptionDateUniqueShape": B(_insert(lambda n: n.cited("Resolution", "UNGA", dated=True),
                                         '$N ung:adoptionDate "2001-01-01"^^xsd:date')),
    # paragraphs
    "ParagraphShape": B(_replace(_para("PreambularParagraph", R2), "ung:order", '"first"'),
                        rule="ungsh:Paragraph-order", via_node_shape=True),
    "Paragraph-class": B(_insert(_para("PreambularParagraph", R2), "$N a ung:OperativeParagraph")),
    "Paragraph-isPartOf": B(_delete(_para("PreambularParagraph", R2), "$N dcterms:isPartOf ?d")),
    "Paragraph-order": B(_replace(_para("PreambularParagraph", R2), "ung:order", "0")),
    "Paragraph-text": B(_delete(_para("PreambularParagraph", R2), "$N ung:text ?t")),
    "Paragraph-mentions": B(_insert(_para("PreambularParagraph", R2), "$N ung:mentions $REPORT")),
    "Paragraph-hasReference": B(_insert(_para("PreambularParagraph", R3), "$N ung:hasReference $BODY")),
    "Paragraph-hasAction": B(_insert(_para("OperativeParagraph", R3), "$N ung:hasAction $BODY")),
    "Paragraph-hasFootnote": B(_insert(_para("PreambularParagraph", R3), "$N ung:hasFootnote $BODY")),
    "PreambularParagraphShape": B(_insert(_para("PreambularParagraph", DR), "$N ung:paragraphNumber 3")),
    "OperativeParagraphShape": B(_delete(_para("OperativeParagraph", DR), "$N ung:paragraphNumber ?x")),
    "AnnexParagraphShape": B(_orphan_annex),
    "OperativeNumberingShape": B(_number_gap),
    # references
    "ReferenceShape": B(_delete(lambda n: n.reference(), "$N ung:text ?t"), rule="ungsh:Reference-text",
                        via_node_shape=True),
    "Reference-holder": B(_orphan_reference),
    "Reference-refersTo": B(_replace(lambda n: n.reference(), "ung:refersTo", "$BODY")),
    "Reference-text": B(_delete(lambda n: n.reference(), "$N ung:text ?t")),
    "Reference-start": B(_start_at_end),
    "Reference-end": B(_replace(lambda n: n.reference(), "ung:end", '"end"')),
    "ReferenceSpanShape": B(_shift_reference),
    "EdgeEvidenceShape": B(_unreferenced_recall),
    "RecalledNotCitedShape": B(_recalled_and_cited),
    "NoSelfReferenceShape": B(_self_citation),
    "RecallChronologyShape": B(_late_recall),
    "CitedDateUnknownShape": B(_delete(lambda n: n.cited("Resolution", "UNSC", dated=True), "$N ung:adoptionDate ?d")),
    # footnotes
    "FootnoteShape": B(_delete(lambda n: n.take("SELECT ?x WHERE { ?x a ung:Footnote } ORDER BY ?x"),
                               "$N ung:marker ?m")),
    # actions
    "ActionShape": B(_replace(lambda n: n.action(), "ung:verb", '"Invites"'), rule="ungsh:Action-verb",
                     via_node_shape=True),
    "Action-class": B(_delete(lambda n: n.take("SELECT ?x WHERE { ?x a ung:DirectiveAction } ORDER BY ?x"),
                              "$N a ung:DirectiveAction")),
    "Action-paragraph": B(_delete(lambda n: n.action(), "?p ung:hasAction $N")),
    "Action-verb": B(_replace(lambda n: n.action(), "ung:verb", '"calls  upon"')),
    "Action-verbPhrase": B(_delete(lambda n: n.action(), "$N ung:verbPhrase ?v")),
    "Action-addressee": B(_insert(lambda n: n.action(), "$N ung:addressee $REPORT")),
    "Action-genericAddressee": B(_insert(lambda n: n.action(), "$N ung:genericAddressee 3")),
    "Action-start": B(_verb_span_inverted),
    "Action-end": B(_delete(lambda n: n.action(), "$N ung:end ?e")),
    "Action-clauseStart": B(_clause_after_verb),
    "Action-clauseEnd": B(_replace(lambda n: n.action(), "ung:clauseEnd", '"end"')),
    "ActionSpanShape": B(_action_span_overflow),
    "ShortcutEvidenceShape": B(_shortcut_without_action),
    # bodies
    "BodyShape": B(_delete(lambda n: n.body(), "$N a org:Organization"), rule="ungsh:Body-class",
                   via_node_shape=True),
    "Body-class": B(_delete(lambda n: n.body(), "$N a org:Organization")),
    "Body-prefLabel": B(_replace(lambda n: n.body(), "skos:prefLabel", '"the Organization"@en')),
    "Body-altLabel": B(_insert(lambda n: n.body(), '$N skos:altLabel "ECO"')),
    "Body-acronym": B(_insert(lambda n: n.body(), '$N ung:acronym ""')),
    "Body-formerName": B(_insert(lambda n: n.body(), '$N ung:formerName "Old name"')),
    "Body-bodyKind": B(_replace(lambda n: n.body("?x ung:bodyKind ?k ."), "ung:bodyKind", f"<{vocab.KIND}NoSuchKind>")),
    "Body-inScheme": B(_insert(lambda n: n.body(), "$N skos:inScheme $REPORT")),
    "Body-subOrganizationOf": B(_insert(lambda n: n.body(), "$N org:subOrganizationOf $REPORT")),
    "KindShape": B(_delete(lambda n: n.take("SELECT ?k WHERE { ?b ung:bodyKind ?k } ORDER BY ?k"),
                           "$N skos:prefLabel ?l")),
    "BodyUsedShape": B(_unused_body),
    "AddresseeShape": B(_addressee_without_label),
    "AddresseeInGazetteerShape": B(_addressee_not_in_gazetteer),
    "MentionInGazetteerShape": B(_mention_not_in_gazetteer),
}


@pytest.fixture(scope="module")
def broken():
    """The clean graph, its report, and the graph with every break applied (+ damaged nodes)."""
    clean = patched_small_graph()
    store = patched(store_of(clean))
    nodes = Nodes(store)
    focus = {}
    for name, b in BREAKS.items():
        focus[name] = b.make(nodes, lambda q: update(store, q))
    path = write(store, "small-broken.ttl")
    return {"clean": validate_graph(clean, engine="auto"), "path": path, "focus": focus,
            "auto": validate_graph(path, engine="auto")}


@pytest.fixture(scope="module")
def broken_pyshacl(broken):
    return validate_graph(broken["path"], engine="pyshacl")


def test_the_clean_graph_has_no_violation_or_warning(broken):
    clean = broken["clean"]
    assert clean.conforms, clean.one_line()
    assert clean.counts()["warnings"] == 0, [(r.rule, r.focus) for r in clean.results if r.severity == "Warning"]


def test_every_named_shape_has_a_break():
    shapes = load_shapes()
    named = {str(s)[len(SHAPES_NS):] for s in set(shapes.subjects(RDF.type, SH.NodeShape))
             | set(shapes.subjects(RDF.type, SH.PropertyShape)) if isinstance(s, rdflib.URIRef)}
    assert named == set(BREAKS), (f"shapes without a break: {sorted(named - set(BREAKS))}; "
                                  f"breaks without a shape: {sorted(set(BREAKS) - named)}")


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_breaking_the_graph_names_the_shape(broken, shape):
    b = BREAKS[shape]
    rule = b.rule or f"ungsh:{shape}"
    focus = broken["focus"][shape]
    hits = [r for r in broken["auto"].results if r.focus == focus
            and (r.node_shape == f"ungsh:{shape}" if b.via_node_shape else r.rule == rule)]
    assert hits, (f"{shape}: no result at {focus}; results there: "
                  f"{[(r.rule, r.path, r.value) for r in broken['auto'].results if r.focus == focus]}")
    if b.via_node_shape:
        hits = [r for r in hits if r.rule == rule]
        assert hits, f"{shape}: no result of {rule} at {focus}"
    if b.component:
        assert any(r.component == b.component for r in hits)
    before = {(r.rule, r.focus) for r in broken["clean"].results}
    assert (hits[0].rule, focus) not in before, f"{shape} already fired on the clean graph"
    expected_severity = broken["auto"].rules[hits[0].rule]["severity"]
    assert all(r.severity == expected_severity for r in hits)
    assert all(r.message and "{" not in r.message for r in hits), [r.message for r in hits]


@pytest.mark.parametrize("engine", ["sparql", "turbo"])
def test_every_engine_agrees_with_pyshacl_on_the_broken_graph(broken, broken_pyshacl, engine):
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    report = broken["auto"] if engine == "sparql" else validate_graph(broken["path"], engine=engine)
    assert report.engine == engine
    found, reference = result_keys(report), result_keys(broken_pyshacl)
    assert found == reference, {f"only {engine}": sorted(found - reference)[:5],
                                "only pyshacl": sorted(reference - found)[:5]}
    assert [r.source_file for r in report.results] == [r.source_file for r in broken_pyshacl.results]


def test_results_point_to_document_paragraph_and_words(broken):
    by_rule = {r.rule: r for r in broken["auto"].results}
    span = by_rule["ungsh:ReferenceSpanShape"]
    assert span.source_file in {"A_RES_77_20.txt", "A_RES_79_326.txt", "A_RES_79_328.txt", "A_80_L.12.txt"}
    assert span.paragraph and span.paragraph_text and span.paragraph_label
    assert span.words == span.paragraph_text[span.start:span.end]
    chrono = by_rule["ungsh:RecallChronologyShape"]
    assert chrono.source_file == "A_RES_77_20.txt" and "2099-01-01" in chrono.message
    assert chrono.words and chrono.words in chrono.paragraph_text  # the words that recall it
    verb = by_rule["ungsh:Action-verb"]
    assert verb.paragraph_label.startswith("operative paragraph ")


def test_extra_shapes_are_applied(broken):
    extra = tmp_dir() / "extra.ttl"
    extra.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ung: <https://w3id.org/ungraph/ontology#> .
@prefix ex: <https://example.org/shapes#> .
ex:EveryResolutionHasAMeeting a sh:NodeShape ;
    sh:targetSubjectsOf ung:sourceFile ;
    sh:property [ sh:path ung:meeting ; sh:minCount 1 ; sh:severity sh:Warning ] .
ex:AgendaItemsAreShort a sh:NodeShape ;
    sh:targetSubjectsOf ung:agendaItem ;
    sh:property [ sh:path ung:agendaItem ; sh:maxLength 3 ] ;
    sh:message "Agenda items are short." .
""")
    report = validate_graph(patched_small_graph(), [extra])
    rules = {r.rule for r in report.results}
    assert {"https://example.org/shapes#EveryResolutionHasAMeeting",
            "https://example.org/shapes#AgendaItemsAreShort"} <= rules
    meeting = [r for r in report.results if r.rule.endswith("EveryResolutionHasAMeeting")]
    assert meeting and all(r.severity == "Warning" for r in meeting)
    assert {r.source_file for r in meeting} == {"A_80_L.12.txt"}   # the draft has no meeting
    assert all(r.message for r in meeting)                         # the engine's wording when a shape has none
    short = [r for r in report.results if r.rule.endswith("AgendaItemsAreShort")]
    assert short and all(r.message == "Agenda items are short." and r.severity == "Violation" for r in short)
    assert not report.conforms
    only_extra = validate_graph(patched_small_graph(), [extra], project_shapes=False)
    assert {r.rule for r in only_extra.results} == {"https://example.org/shapes#EveryResolutionHasAMeeting",
                                                    "https://example.org/shapes#AgendaItemsAreShort"}
