"""The ontology (ontology/ungraph.ttl) declares and documents every term the graph uses.

The drift tests read docs/graph.md: naming a new ``ung:`` term there without declaring it
in the ontology fails here.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILE = ROOT / "ontology" / "ungraph.ttl"
GRAPH_DOC = ROOT / "docs" / "graph.md"
VOCAB_FILE = ROOT / "src" / "ungraph" / "vocab.py"

UNG = Namespace("https://w3id.org/ungraph/ontology#")
ONTOLOGY = URIRef("https://w3id.org/ungraph/ontology")
VANN = Namespace("http://purl.org/vocab/vann/")
ORG = Namespace("http://www.w3.org/ns/org#")
CITO = Namespace("http://purl.org/spar/cito/")

# The terms of the graph contract (shared/CONTRACT.md, v1), copied here because the
# contract is not part of the repository.
CONTRACT_TERMS = (
    "Resolution", "DraftResolution", "Decision", "Document",
    "sourceFile", "symbol", "session", "agendaItem", "adoptionDate",
    "concerns", "recalls", "cites", "mentions",
    "hasOperativeParagraph", "paragraphNumber", "hasAction", "verb", "addressee",
    "invites",
)

# External classes and datatypes a domain or range may name.
KNOWN_EXTERNAL = {
    ORG.Organization, SKOS.Concept, RDF.langString, RDFS.Literal,
}

UNG_TERM = re.compile(r"\bung:([A-Za-z_][A-Za-z0-9_]*)")


def ung_terms_in(markdown: str) -> set[str]:
    """Local names of the ``ung:`` terms a markdown text names.

    >>> sorted(ung_terms_in("`ung:` <ns> | `?d ung:symbol \\"A\\"` | `ung:Resolution` / ung:callsUpon"))
    ['Resolution', 'callsUpon', 'symbol']
    """
    return set(UNG_TERM.findall(markdown))


def undeclared(names, graph: Graph) -> list[str]:
    """The names (local to ``ung:``) that the ontology does not declare."""
    return sorted(n for n in set(names) if not _is_declared(graph, UNG[n]))


def _is_declared(graph: Graph, term: URIRef) -> bool:
    return any(
        (term, RDF.type, t) in graph
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    )


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def ung_terms(onto) -> set[URIRef]:
    """Every ung: IRI that appears anywhere in the ontology."""
    return {
        t for triple in onto for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(UNG))
    }


def _load_vocab():
    spec = importlib.util.spec_from_file_location("_ungraph_vocab_for_test", VOCAB_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the file and its header --------------------------------------------------------------

def test_ontology_parses(onto):
    assert len(onto) > 100


def test_header(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert isinstance(onto.value(ONTOLOGY, OWL.versionIRI), URIRef)
    assert onto.value(ONTOLOGY, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert onto.value(ONTOLOGY, VANN.preferredNamespacePrefix) == Literal("ung")
    for prop in (DCTERMS.title, DCTERMS.description):
        values = list(onto.objects(ONTOLOGY, prop))
        assert values and all(v.language == "en" for v in values), prop


def test_namespace_matches_vocab():
    assert _load_vocab().UNG == str(UNG)


# --- every term is declared and documented --------------------------------------------------

def test_every_ung_term_is_declared(onto, ung_terms):
    assert undeclared((t[len(UNG):] for t in ung_terms), onto) == []


@pytest.mark.parametrize("prop", [RDFS.label, SKOS.definition])
def test_every_ung_term_has_english(onto, ung_terms, prop):
    missing = sorted(
        t for t in ung_terms
        if not any(isinstance(v, Literal) and v.language == "en" for v in onto.objects(t, prop))
    )
    assert missing == []


def test_every_ung_term_is_defined_by_the_ontology(onto, ung_terms):
    assert sorted(t for t in ung_terms if (t, RDFS.isDefinedBy, ONTOLOGY) not in onto) == []


def test_one_label_and_one_definition_each(onto, ung_terms):
    for t in ung_terms:
        assert len(list(onto.objects(t, RDFS.label))) == 1, t
        assert len(list(onto.objects(t, SKOS.definition))) == 1, t


def test_every_property_has_one_kind(onto, ung_terms):
    for t in ung_terms:
        kinds = {k for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) if (t, RDF.type, k) in onto}
        assert len(kinds) == 1, (t, kinds)


# --- docs drift ------------------------------------------------------------------------------

def test_graph_doc_names_terms():
    # guards the drift test against an empty or renamed graph.md
    assert len(ung_terms_in(GRAPH_DOC.read_text(encoding="utf-8"))) > 40


def test_every_term_of_graph_doc_is_declared(onto):
    assert undeclared(ung_terms_in(GRAPH_DOC.read_text(encoding="utf-8")), onto) == []


def test_every_contract_term_is_declared(onto):
    assert undeclared(CONTRACT_TERMS, onto) == []


def test_drift_check_catches_a_missing_term(onto):
    doc = "| `?d ung:symbol \"A/RES/1\"` | `?d ung:inventedTerm ?x` |"
    assert undeclared(ung_terms_in(doc), onto) == ["inventedTerm"]


def test_every_term_of_vocab_is_declared(onto):
    vocab = _load_vocab()
    names = (
        set(vocab.DOC_CLASS.values())
        | set(vocab.CITED_DOC_CLASS.values())
        | set(vocab.VERB_SHORTCUT.values())
    )
    assert undeclared(names, onto) == []


# --- domains and ranges ---------------------------------------------------------------------

def _class_ok(onto: Graph, c) -> bool:
    if isinstance(c, BNode):
        members = onto.value(c, OWL.unionOf)
        return members is not None and all(_class_ok(onto, m) for m in Collection(onto, members))
    if str(c).startswith(str(UNG)):
        return (c, RDF.type, OWL.Class) in onto
    return c in KNOWN_EXTERNAL or str(c).startswith(str(XSD))


def test_domains_and_ranges_are_declared_or_known(onto):
    bad = [
        (s, p, o) for p in (RDFS.domain, RDFS.range) for s, o in onto.subject_objects(p)
        if not _class_ok(onto, o)
    ]
    assert bad == []


def test_datatype_properties_have_datatype_ranges(onto):
    for p in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if not str(p).startswith(str(UNG)):
            continue
        r = onto.value(p, RDFS.range)
        assert r is not None and (str(r).startswith(str(XSD)) or r == RDF.langString), p


def test_object_properties_have_no_datatype_ranges(onto):
    for p in onto.subjects(RDF.type, OWL.ObjectProperty):
        for r in onto.objects(p, RDFS.range):
            assert not str(r).startswith(str(XSD)) and r not in (RDF.langString, RDFS.Literal), p


@pytest.mark.parametrize("prop,datatype", [
    ("session", XSD.integer), ("order", XSD.integer), ("paragraphNumber", XSD.integer),
    ("adoptionDate", XSD.date),
    ("start", XSD.integer), ("end", XSD.integer),
    ("clauseStart", XSD.integer), ("clauseEnd", XSD.integer),
    ("symbol", XSD.string), ("agendaItem", XSD.string), ("sourceFile", XSD.string),
    ("text", XSD.string), ("verb", XSD.string), ("verbPhrase", XSD.string),
    ("marker", XSD.string), ("openingPhrase", XSD.string), ("genericAddressee", XSD.string),
    ("meeting", XSD.string), ("sponsor", XSD.string), ("acronym", XSD.string),
    ("formerName", RDF.langString),
])
def test_datatype_ranges(onto, prop, datatype):
    assert (UNG[prop], RDF.type, OWL.DatatypeProperty) in onto
    assert list(onto.objects(UNG[prop], RDFS.range)) == [datatype]


@pytest.mark.parametrize("prop,domain,range_", [
    ("organ", "Document", "Body"),
    ("concerns", "Document", "Body"),
    ("recalls", "Document", "Resolution"),
    ("cites", "Document", "Resolution"),
    ("citesDocument", "Document", "Document"),
    ("basedOnDraft", "Document", "DraftResolution"),
    ("hasPreambularParagraph", "Document", "PreambularParagraph"),
    ("hasOperativeParagraph", "Document", "OperativeParagraph"),
    ("hasAnnexParagraph", "Document", "AnnexParagraph"),
    ("hasReference", ("Paragraph", "Footnote"), "Reference"),
    ("refersTo", "Reference", "Document"),
    ("hasAction", "Paragraph", "Action"),
    ("hasFootnote", ("Paragraph", "Document"), "Footnote"),
    ("addressee", "Action", "Body"),
    ("addresses", "Document", "Body"),
])
def test_object_property_signatures(onto, prop, domain, range_):
    from rdflib.collection import Collection

    assert (UNG[prop], RDF.type, OWL.ObjectProperty) in onto
    declared = onto.value(UNG[prop], RDFS.domain)
    if isinstance(domain, tuple):   # a union of classes
        members = set(Collection(onto, onto.value(declared, OWL.unionOf)))
        assert members == {UNG[d] for d in domain}
    else:
        assert declared == UNG[domain]
    assert onto.value(UNG[prop], RDFS.range) == UNG[range_]


def test_body_kind_is_a_skos_concept(onto):
    assert onto.value(UNG.bodyKind, RDFS.range) == SKOS.Concept


# --- hierarchy and alignments ----------------------------------------------------------------

@pytest.mark.parametrize("sub,sup", [
    (UNG[c], UNG.Document) for c in
    ("Resolution", "DraftResolution", "Decision", "Report", "MeetingRecord", "PresidentialStatement")
] + [
    (UNG[c], UNG.Paragraph) for c in ("PreambularParagraph", "OperativeParagraph", "AnnexParagraph")
] + [
    (UNG[c], UNG.Action) for c in ("DirectiveAction", "EvaluativeAction", "OtherAction")
] + [
    (UNG.Body, ORG.Organization),
])
def test_class_hierarchy(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize("sub,sup", [
    (UNG[p], UNG.addresses) for p in ("invites", "encourages", "urges", "callsUpon", "requests")
] + [
    (UNG[p], UNG.hasParagraph)
    for p in ("hasPreambularParagraph", "hasOperativeParagraph", "hasAnnexParagraph")
] + [
    (UNG[p], CITO.cites) for p in ("recalls", "cites", "citesDocument")
])
def test_property_hierarchy(onto, sub, sup):
    assert (sub, RDFS.subPropertyOf, sup) in onto


def test_shortcuts_are_explained_not_chained(onto):
    assert not list(onto.subject_objects(OWL.propertyChainAxiom))
    for p in ("invites", "encourages", "urges", "callsUpon", "requests"):
        definition = str(onto.value(UNG[p], SKOS.definition))
        assert "hasOperativeParagraph/hasAction[verb=" in definition, p


def test_shortcut_properties_match_vocab(onto):
    subs = {str(s)[len(UNG):] for s in onto.subjects(RDFS.subPropertyOf, UNG.addresses)}
    assert subs == set(_load_vocab().VERB_SHORTCUT.values())
    for verb, local in _load_vocab().VERB_SHORTCUT.items():
        assert f'verb="{verb}"' in str(onto.value(UNG[local], SKOS.definition)), local
