"""Documents -> RDF triples (pyoxigraph terms), following ``docs/graph.md``.

Pure functions: :func:`document_triples` describes one document, :func:`corpus_triples`
adds what documents share (bodies, cited resolutions) exactly once. :func:`write` sorts
the triples before serializing so that the same corpus always gives the same file.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from . import vocab
from .gazetteer import GAZETTEER_IRI, Entry, Gazetteer
from .model import Action, Document, Paragraph, Vote
from .symbols import symbol_session
from .verbs import is_directive, is_evaluative

XSD_INTEGER = ox.NamedNode(vocab.XSD + "integer")
XSD_DATE = ox.NamedNode(vocab.XSD + "date")
XSD_BOOLEAN = ox.NamedNode(vocab.XSD + "boolean")
RDF_TYPE = ox.NamedNode(vocab.RDF + "type")

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


@lru_cache(maxsize=256)
def U(term: str) -> ox.NamedNode:
    """A term of the ungraph ontology (cached: a build asks for the same few dozen terms millions of times)."""
    return ox.NamedNode(vocab.UNG + term)


@lru_cache(maxsize=4096)
def _body_node(key: str) -> ox.NamedNode:
    return ox.NamedNode(vocab.body_iri(key))


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def lit(value, datatype: ox.NamedNode | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype is not None:
        return ox.Literal(str(value), datatype=datatype)
    return ox.Literal(str(value))


def integer(n: int) -> ox.Literal:
    return ox.Literal(str(int(n)), datatype=XSD_INTEGER)


def document_iri(doc: Document) -> str:
    return vocab.document_iri(doc.header.symbol) if doc.header.symbol else vocab.file_document_iri(doc.source_file)


def document_triples(doc: Document) -> Iterator[ox.Triple]:
    """Every triple about one corpus document, its paragraphs, references and actions."""
    h = doc.header
    d = N(document_iri(doc))
    T = ox.Triple
    yield T(d, RDF_TYPE, U(vocab.DOC_CLASS[h.kind.value]))
    yield T(d, U("sourceFile"), lit(doc.source_file))
    if h.symbol:
        yield T(d, U("symbol"), lit(h.symbol))
        yield T(d, U("permalink"), N(vocab.undocs_url(h.symbol)))
        if h.symbol_from_file_name:
            yield T(d, U("symbolSource"), lit("file name"))
    if h.title:
        yield T(d, N(vocab.DCTERMS + "title"), lit(h.title, lang="en"))
    if h.session is not None:
        yield T(d, U("session"), integer(h.session))
    if h.agenda_item:
        yield T(d, U("agendaItem"), lit(h.agenda_item))
    if h.adopted:
        yield T(d, U("adoptionDate"), lit(h.adopted.isoformat(), XSD_DATE))
    if h.issued:
        yield T(d, N(vocab.DCTERMS + "issued"), lit(h.issued.isoformat(), XSD_DATE))
    if h.meeting:
        yield T(d, U("meeting"), lit(h.meeting))
    if h.organ:
        yield T(d, U("organ"), N(vocab.body_iri(vocab.ORGAN_BODY_KEY[h.organ])))
    for s in h.sponsors:
        yield T(d, U("sponsor"), lit(s))
    if h.vote:
        yield from _vote_triples(d, h.vote)
    for draft in h.draft_symbols:
        yield T(d, U("basedOnDraft"), N(vocab.document_iri(draft)))
    for report in h.reports:
        yield T(d, U("basedOnReport"), N(vocab.document_iri(report)))
    if doc.recommended_by:
        yield T(d, U("recommendedBy"), _body_node(doc.recommended_by.key))
    for b in doc.concerns:
        yield T(d, U("concerns"), _body_node(b.key))
    for r in doc.recalls():
        yield T(d, U("recalls"), N(vocab.document_iri(r.symbol)))
    for r in doc.cites():
        yield T(d, U("cites"), N(vocab.document_iri(r.symbol)))
    for x in doc.documents():
        yield T(d, U("citesDocument"), N(vocab.document_iri(x.symbol)))
    for m in doc.mentions():
        yield T(d, U("mentions"), _body_node(m.key))

    shortcuts: set[tuple[str, str]] = set()
    footnotes_done: set[str] = set()
    for f in doc.footnotes:
        yield T(d, U("hasFootnote"), N(vocab.footnote_iri(d.value, f.marker)))
        yield from _footnote_triples(d, f, footnotes_done)
    numbered = any(p.number is not None for p in doc.operative)
    for p in doc.paragraphs:
        yield from _paragraph_triples(d, p, shortcuts, footnotes_done, numbered)
    for prop, key in sorted(shortcuts):
        yield T(d, U(prop), _body_node(key))


def _vote_triples(d: ox.NamedNode, vote: Vote) -> Iterator[ox.Triple]:
    yield ox.Triple(d, U("votingMethod"), lit(vote.method))
    for prop, count in (("votesInFavour", vote.in_favour), ("votesAgainst", vote.against),
                        ("abstentions", vote.abstaining)):
        if count is not None:
            yield ox.Triple(d, U(prop), integer(count))
    for prop, members in (("memberInFavour", vote.members_in_favour), ("memberAgainst", vote.members_against),
                          ("memberAbstaining", vote.members_abstaining)):
        for name in members:
            yield ox.Triple(d, U(prop), lit(name))


_HAS = {"preambular": "hasPreambularParagraph", "operative": "hasOperativeParagraph", "annex": "hasAnnexParagraph"}
_CLASS = {"preambular": "PreambularParagraph", "operative": "OperativeParagraph", "annex": "AnnexParagraph"}


def paragraph_iri(doc: str, p: Paragraph, numbered: bool) -> str:
    """``#op8`` for operative paragraph 8; an unnumbered operative paragraph among numbered
    ones (text the segmenter could not attach) gets ``#opu<order>`` so IRIs never collide."""
    if p.kind == "operative":
        if p.number is not None:
            return vocab.paragraph_iri(doc, "operative", p.number)
        if numbered:
            return f"{doc}#opu{p.index}"
    return vocab.paragraph_iri(doc, p.kind, p.index)


def _paragraph_triples(d: ox.NamedNode, p: Paragraph, shortcuts: set, footnotes_done: set,
                       numbered: bool) -> Iterator[ox.Triple]:
    T = ox.Triple
    pi = N(paragraph_iri(d.value, p, numbered))
    yield T(d, U(_HAS[p.kind]), pi)
    yield T(pi, RDF_TYPE, U(_CLASS[p.kind]))
    yield T(pi, N(vocab.DCTERMS + "isPartOf"), d)
    yield T(pi, U("order"), integer(p.index))
    yield T(pi, U("text"), lit(p.text))
    if p.number is not None:
        yield T(pi, U("paragraphNumber"), integer(p.number))
    elif p.kind == "operative" and not numbered:
        # operative paragraphs printed without numbers (a single "Decides to include ...") are
        # numbered by their order
        yield T(pi, U("paragraphNumber"), integer(p.index))
    if p.opening:
        yield T(pi, U("openingPhrase"), lit(p.opening))
    for key in dict.fromkeys(b.key for b in p.bodies):
        yield T(pi, U("mentions"), _body_node(key))
    for n, r in enumerate(list(p.references) + list(p.documents), start=1):
        yield from _reference_triples(pi, N(vocab.reference_iri(pi.value, n)), r)
    for f in p.footnotes:
        yield T(pi, U("hasFootnote"), N(vocab.footnote_iri(d.value, f.marker)))
        yield from _footnote_triples(d, f, footnotes_done)
    for n, a in enumerate(p.actions, start=1):
        yield from _action_triples(d, pi, n, a, shortcuts)


def _footnote_triples(d, f, done: set) -> Iterator[ox.Triple]:
    if f.marker in done:
        return
    done.add(f.marker)
    T = ox.Triple
    fi = N(vocab.footnote_iri(d.value, f.marker))
    yield T(fi, RDF_TYPE, U("Footnote"))
    yield T(fi, U("marker"), lit(f.marker))
    yield T(fi, U("text"), lit(f.text))
    for n, r in enumerate(list(f.references) + list(f.documents), start=1):
        yield from _reference_triples(fi, N(f"{fi.value}-r{n}"), r)


def _reference_triples(owner, ri, r) -> Iterator[ox.Triple]:
    T = ox.Triple
    yield T(owner, U("hasReference"), ri)
    yield T(ri, RDF_TYPE, U("Reference"))
    yield T(ri, U("refersTo"), N(vocab.document_iri(r.symbol)))
    yield T(ri, U("text"), lit(r.text))
    yield T(ri, U("start"), integer(r.span.start))
    yield T(ri, U("end"), integer(r.span.end))


def _action_triples(d, pi, n: int, a: Action, shortcuts: set) -> Iterator[ox.Triple]:
    T = ox.Triple
    ai = N(vocab.action_iri(pi.value, n))
    kind = "DirectiveAction" if is_directive(a.verb) else "EvaluativeAction" if is_evaluative(a.verb) else "OtherAction"
    yield T(pi, U("hasAction"), ai)
    yield T(ai, RDF_TYPE, U("Action"))
    yield T(ai, RDF_TYPE, U(kind))
    yield T(ai, U("verb"), lit(a.verb))
    yield T(ai, U("verbPhrase"), lit(a.phrase))
    yield T(ai, U("start"), integer(a.span.start))
    yield T(ai, U("end"), integer(a.span.end))
    yield T(ai, U("clauseStart"), integer(a.clause.start))
    yield T(ai, U("clauseEnd"), integer(a.clause.end))
    for b in a.addressees:
        yield T(ai, U("addressee"), _body_node(b.key))
        prop = vocab.VERB_SHORTCUT.get(a.verb)
        if prop:
            shortcuts.add((prop, b.key))
    for g in a.generic:
        yield T(ai, U("genericAddressee"), lit(g))


def body_triples(entry: Entry) -> Iterator[ox.Triple]:
    """A body: its labels, kind and parents."""
    T = ox.Triple
    b = N(vocab.body_iri(entry.key))
    yield T(b, RDF_TYPE, U("Body"))
    yield T(b, RDF_TYPE, N(vocab.ORG + "Organization"))
    yield T(b, N(vocab.SKOS + "prefLabel"), lit(entry.name, lang="en"))
    for label in dict.fromkeys([*entry.labels, *entry.acronyms, *entry.former]):
        if label != entry.name:
            yield T(b, N(vocab.SKOS + "altLabel"), lit(label, lang="en"))
    for label in entry.acronyms:
        yield T(b, U("acronym"), lit(label))
    for label in entry.former:
        yield T(b, U("formerName"), lit(label, lang="en"))
    if entry.kind:
        yield T(b, U("bodyKind"), N(vocab.kind_iri(entry.kind)))
    if entry.listed:
        yield T(b, N(vocab.SKOS + "inScheme"), N(GAZETTEER_IRI))
    for parent in entry.parents:
        yield T(b, N(vocab.ORG + "subOrganizationOf"), N(vocab.body_iri(parent)))


@dataclass(frozen=True, slots=True)
class SharedFacts:
    """What one document brings to the triples documents share (:func:`shared_triples`):
    small enough to come back from a worker process instead of the whole document."""

    symbol: str | None
    adopted: str | None                      # ISO date
    detected: tuple[Entry, ...]              # bodies the text named that the gazetteer lacks
    body_keys: frozenset[str]                # every body it mentions, concerns, addresses; its organ
    cited: tuple[tuple[str, str | None, str | None, str], ...]   # (symbol, organ, ISO date, kind)


def shared_facts(doc: Document) -> SharedFacts:
    """The part of ``doc`` that :func:`shared_triples` reads, in the order it reads it."""
    keys = {m.key for m in doc.mentions()} | {b.key for b in doc.concerns}
    keys |= {b.key for p in doc.operative for a in p.actions for b in a.addressees}
    if doc.header.organ:
        keys.add(vocab.ORGAN_BODY_KEY[doc.header.organ])
    cited = [(r.symbol, r.organ, r.adopted.isoformat() if r.adopted else None, "resolution")
             for r in doc.recalls() + doc.cites()]
    cited += [(x.symbol, None, None, x.kind) for x in doc.documents()]
    cited += [(d, None, None, "draft") for d in doc.header.draft_symbols]
    cited += [(r, None, None, "report") for r in doc.header.reports]
    adopted = doc.header.adopted
    return SharedFacts(doc.header.symbol, adopted.isoformat() if adopted else None,
                       tuple(doc.detected), frozenset(keys), tuple(cited))


def shared_triples(facts: Iterable[SharedFacts], gazetteer: Gazetteer) -> list[ox.Triple]:
    """What the documents of a corpus share, sorted: the bodies they name (with the parents
    of those bodies, so links never dangle) and the documents they cite.

    ``facts`` come from :func:`shared_facts`, one per document, in corpus order (the first
    document to name a detected body or cite a document describes it, except that a kind
    read from context, such as a committee's report in a header, replaces "document")."""
    T = ox.Triple
    bodies: dict[str, Entry] = {}
    cited: dict[str, dict] = {}
    in_corpus: dict[str, str | None] = {}
    for doc in facts:
        if doc.symbol:
            in_corpus[doc.symbol] = doc.adopted
        for e in doc.detected:
            bodies.setdefault(e.key, e)
        for k in doc.body_keys:
            if k in gazetteer.entries:
                bodies.setdefault(k, gazetteer.entries[k])
        for symbol, organ, adopted, kind in doc.cited:
            c = cited.setdefault(symbol, {"organ": organ, "dates": set(), "kind": kind})
            if c["kind"] == "document":     # a symbol of no telling form; another text may say what it is
                c["kind"] = kind
            if adopted:
                c["dates"].add(adopted)
    todo = list(bodies)
    while todo:
        for parent in bodies[todo.pop()].parents:
            if parent not in bodies and parent in gazetteer.entries:
                bodies[parent] = gazetteer.entries[parent]
                todo.append(parent)
    shared: list[ox.Triple] = []
    for key in sorted(bodies):
        shared += body_triples(bodies[key])
    kinds_scheme = N(vocab.ID + "kinds")
    for kind in sorted({b.kind for b in bodies.values() if b.kind}):
        label, definition = gazetteer.kinds.get(kind, (kind, ""))
        node = N(vocab.kind_iri(kind))
        shared += [T(node, RDF_TYPE, N(vocab.SKOS + "Concept")),
                   T(node, N(vocab.SKOS + "inScheme"), kinds_scheme),
                   T(node, N(vocab.SKOS + "prefLabel"), lit(label, lang="en"))]
        if definition:
            shared.append(T(node, N(vocab.SKOS + "definition"), lit(definition, lang="en")))
    if any(b.kind for b in bodies.values()):
        shared.append(T(kinds_scheme, RDF_TYPE, N(vocab.SKOS + "ConceptScheme")))
    for symbol in sorted(cited):
        c = cited[symbol]
        node = N(vocab.document_iri(symbol))
        if symbol not in in_corpus:
            cls = "Resolution" if c["kind"] == "resolution" else vocab.CITED_DOC_CLASS.get(c["kind"], "Document")
            shared.append(T(node, RDF_TYPE, U(cls)))
            shared.append(T(node, U("symbol"), lit(symbol)))
            shared.append(T(node, U("permalink"), N(vocab.undocs_url(symbol))))
            if c["organ"]:
                shared.append(T(node, U("organ"), N(vocab.body_iri(vocab.ORGAN_BODY_KEY[c["organ"]]))))
            session = symbol_session(symbol, assembly_only=True)
            if session is not None:
                shared.append(T(node, U("session"), integer(session)))
        for dt in sorted(c["dates"]):
            if dt != in_corpus.get(symbol):
                shared.append(T(node, U("adoptionDate"), lit(dt, XSD_DATE)))
    shared += _scheme_triples()
    return sorted_triples(shared)


def corpus_chunks(docs: list[Document], gazetteer: Gazetteer,
                  facts: Iterable[SharedFacts] | None = None) -> Iterator[list[ox.Triple]]:
    """The triples of a corpus in self-contained, sorted chunks: one per document, in the
    order given, then one for what documents share (from ``facts`` when the caller has
    them already, one per document in the same order)."""
    for doc in docs:
        yield sorted_triples(document_triples(doc))
    yield shared_triples(map(shared_facts, docs) if facts is None else facts, gazetteer)


def corpus_triples(docs: Iterable[Document], gazetteer: Gazetteer) -> Iterator[ox.Triple]:
    """All triples of a corpus (see :func:`corpus_chunks`)."""
    for chunk in corpus_chunks(docs, gazetteer):
        yield from chunk


def _scheme_triples() -> Iterator[ox.Triple]:
    T = ox.Triple
    yield T(N(GAZETTEER_IRI), RDF_TYPE, N(vocab.SKOS + "ConceptScheme"))


def sorted_triples(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """Unique triples in a stable order: graphs diff cleanly in git.

    The key is the triple's N-Triples line: the same order as (subject, predicate, object)
    compared term by term, since a space sorts before every character a term can hold."""
    return sorted(set(triples), key=str)


def rdf_format(path: Path) -> ox.RdfFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: unknown RDF format {suffix!r}; use one of "
                         + ", ".join(sorted(set(FORMATS))))
    return FORMATS[suffix]


def serialize(triples: Iterable[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    return _serialize_sorted(sorted_triples(triples), fmt)


def _serialize_sorted(ordered: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    if fmt.supports_datasets:
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in ordered]
        return ox.serialize(quads, format=fmt, prefixes=_prefixes(fmt))
    return ox.serialize(ordered, format=fmt, prefixes=_prefixes(fmt))


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML):
        return dict(vocab.PREFIXES)
    return None


def write(triples: Iterable[ox.Triple], path: Path) -> int:
    """Write triples to ``path`` in the format its extension names; returns the count."""
    return write_chunks([sorted_triples(triples)], path)


def streams(fmt: ox.RdfFormat) -> bool:
    """Can this format be written document by document?"""
    return fmt not in (ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML)


def header(fmt: ox.RdfFormat) -> bytes:
    """The prefix declarations a streamed Turtle-family file starts with."""
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3):
        return b"".join(f"@prefix {p}: <{ns}> .\n".encode() for p, ns in vocab.PREFIXES.items())
    return b""


def chunk_bytes(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """One sorted chunk serialized for a streamed file (no prefix declarations)."""
    if not triples:
        return b""
    data = _serialize_sorted(triples, fmt)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3):
        data = _drop_prefixes(data)
    return data


def document_chunk(doc: Document, fmt: ox.RdfFormat) -> tuple[bytes, int]:
    """A document's triples, sorted and serialized: what a worker process hands back."""
    triples = sorted_triples(document_triples(doc))
    return chunk_bytes(triples, fmt), len(triples)


def write_chunks(chunks: Iterable[list[ox.Triple]], path: Path) -> int:
    """Stream sorted chunks of triples to ``path``; the same chunks always give the same bytes.

    Line-based and Turtle-family formats are written chunk by chunk (the prefixes once);
    JSON-LD and RDF/XML need the whole graph and are serialized at the end."""
    fmt = rdf_format(path)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    if fmt in (ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML):
        everything = [t for chunk in chunks for t in chunk]
        path.write_bytes(serialize(everything, fmt))
        return len(everything)
    with path.open("wb") as out:
        out.write(header(fmt))
        for chunk in chunks:
            out.write(chunk_bytes(chunk, fmt))
            count += len(chunk)
    return count


def _drop_prefixes(data: bytes) -> bytes:
    lines = data.split(b"\n")
    k = 0
    while k < len(lines) and (lines[k].startswith(b"@prefix") or not lines[k].strip()):
        k += 1
    return b"\n".join(lines[k:])


def read(path: Path) -> list[ox.Triple]:
    """Triples of a graph file written by :func:`write` (any format, quads flattened)."""
    fmt = rdf_format(path)
    out = []
    for q in ox.parse(path=str(path), format=fmt):
        out.append(ox.Triple(q.subject, q.predicate, q.object))
    return out


def to_rdflib(triples: Iterable[ox.Triple]):
    """An rdflib Graph of the triples (for pySHACL and NetworkX conversions)."""
    import rdflib

    g = rdflib.Graph()
    data = ox.serialize(sorted_triples(triples), format=ox.RdfFormat.N_TRIPLES)
    g.parse(io.BytesIO(data), format="nt")
    for p, ns in vocab.PREFIXES.items():
        g.bind(p, ns)
    return g
