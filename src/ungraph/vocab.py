"""Namespaces, terms and IRI minting: the one place that knows how the graph is spelled.

IRIs are a pure function of a symbol, a body key or a file name, so the same thing gets
the same IRI on every run and every machine.

>>> document_iri("A/RES/75/324")
'https://w3id.org/ungraph/id/doc/A/RES/75/324'
>>> document_iri("A/RES/3369(XXX)")
'https://w3id.org/ungraph/id/doc/A/RES/3369(XXX)'
>>> body_iri("ECO")
'https://w3id.org/ungraph/id/body/ECO'
>>> slug("Council of Ministers of the Economic Cooperation Organization")
'council-of-ministers-of-the-economic-cooperation-organization'
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

UNG = "https://w3id.org/ungraph/ontology#"
ID = "https://w3id.org/ungraph/id/"
DOC = ID + "doc/"          # documents with a symbol: doc/A/RES/75/324
FILE = ID + "file/"        # documents without a printed symbol: file/<source file stem>
BODY = ID + "body/"        # bodies: body/<gazetteer key or slug of the name>
KIND = ID + "kind/"        # kinds of body (SKOS concepts): kind/RegionalOrganization
VERB = ID + "verb/"        # governing verbs (SKOS concepts): verb/calls-upon
UNDOCS = "https://undocs.org/"

DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
CITO = "http://purl.org/spar/cito/"

PREFIXES = {
    "ung": UNG, "dcterms": DCTERMS, "skos": SKOS, "xsd": XSD, "rdf": RDF, "rdfs": RDFS,
    "owl": OWL, "org": ORG, "prov": PROV, "cito": CITO,
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

# Classes of documents, by kind (see model.DocKind)
DOC_CLASS = {
    "resolution": "Resolution",
    "draft_resolution": "DraftResolution",
    "decision": "Decision",
    "other": "Document",
}

# Classes of cited non-resolution documents, by DocumentRef.kind
CITED_DOC_CLASS = {
    "report": "Report",
    "meeting_record": "MeetingRecord",
    "presidential_statement": "PresidentialStatement",
    "decision": "Decision",
    "draft": "DraftResolution",
    "document": "Document",
}

# Shortcut properties from a document to the bodies addressed by a directive verb
VERB_SHORTCUT = {
    "invites": "invites",
    "encourages": "encourages",
    "urges": "urges",
    "calls upon": "callsUpon",
    "requests": "requests",
}

# Bodies the graph always describes as organs of the documents' authors
ORGAN_BODY_KEY = {"GA": "UNGA", "SC": "UNSC", "HRC": "HRC", "ECOSOC": "ECOSOC"}


def _path(symbol: str) -> str:
    return quote(re.sub(r"\s+", "", symbol), safe="/().-")


def document_iri(symbol: str) -> str:
    """IRI of a document (in the corpus or cited) from its canonical symbol."""
    return DOC + _path(symbol)


def file_document_iri(source_file: str) -> str:
    """IRI of a corpus document whose text prints no symbol, from its file name."""
    stem = source_file.rsplit(".", 1)[0] if "." in source_file else source_file
    return FILE + quote(stem, safe="")


def undocs_url(symbol: str) -> str:
    """The official permalink of a UN document."""
    return UNDOCS + _path(symbol)


def slug(name: str) -> str:
    """Lower-case ASCII slug of a body's name, the key of a body no gazetteer lists."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def body_iri(key: str) -> str:
    return BODY + quote(key, safe="-_.")


def kind_iri(kind: str) -> str:
    return KIND + kind


def verb_iri(verb: str) -> str:
    return VERB + slug(verb)


def paragraph_iri(doc_iri: str, kind: str, index: int) -> str:
    """``<doc>#op8`` (operative paragraph number 8), ``#pp3`` (3rd preambular), ``#an2``."""
    return f"{doc_iri}#{ {'operative': 'op', 'preambular': 'pp', 'annex': 'an'}[kind] }{index}"


def action_iri(paragraph: str, n: int) -> str:
    return f"{paragraph}-a{n}"


def reference_iri(paragraph: str, n: int) -> str:
    return f"{paragraph}-r{n}"


def footnote_iri(doc_iri: str, marker: str) -> str:
    return f"{doc_iri}#fn{quote(marker, safe='')}"
