"""Networks drawn from the RDF graph: one SPARQL read of the store, then NetworkX.

The store is the one source of truth: every network below is built from SELECT queries
over the graph ``ungraph build`` wrote (``docs/graph.md``), never from a second reading of
the texts. Node ids are IRIs, so the same resolution or body is the same node in every
network and in the graph.

=================  ===============  ===========================================================
network            NetworkX class   nodes -> edges
=================  ===============  ===========================================================
``recalls``        ``DiGraph``      document -> resolution it recalls or cites (``relation``)
``actions``        ``MultiDiGraph`` document -> body addressed by an operative action, one edge
                                    per action (``verb``, ``paragraph``)
``coaddressees``   ``Graph``        body -- body addressed in the same operative paragraph
                                    (``paragraphs``, ``resolutions``; ``weight`` = paragraphs)
``organizations``  ``DiGraph``      organization a document concerns -> body the document
                                    addresses (``paragraphs``, ``resolutions``; ``weight`` =
                                    paragraphs); an organization addressing itself is no edge
=================  ===============  ===========================================================

Every node and edge carries scalar attributes only, with one type per attribute, and
"unknown" spelled ``""`` (text), ``-1`` (session, year, paragraph) or ``0`` (counts):

* every node: ``label`` (symbol, acronym or name), ``type`` (``document`` or ``body``),
  ``kind``, ``date`` (ISO), ``session``, ``year``;
* documents: ``symbol``, ``title``, ``in_corpus`` and ``date_conflict`` (every printed
  adoption date, space separated, when the texts disagree; ``date`` is then the earliest).
  ``kind`` is the document's class (``Resolution``, ``Decision``, ``DraftResolution``,
  ``Document``), prefixed ``Cited`` for a document known only from citations
  (``CitedResolution``). ``session`` comes from ``ung:session`` or, for a cited GA
  resolution, from its symbol (``A/RES/48/2`` -> 48, ``A/RES/3369(XXX)`` -> 30);
* bodies: ``name`` (``skos:prefLabel``), ``acronym``, ``kind`` (local name of
  ``ung:bodyKind``, ``Body`` when unknown), ``resolutions`` (documents addressing the
  body), ``organizations`` (organizations those documents concern), ``paragraphs``
  (operative paragraphs addressing it). A body's ``date`` and ``session`` are those of the
  first document that addresses it (in the ``organizations`` network, or concerns it);
* edges: ``label``, ``weight`` (float), ``date``, ``session``, ``year`` (of the citing or
  addressing document; for an aggregated edge, of the first one).

Which documents a network draws on is chosen with the same keywords everywhere:
``organization`` (IRI of a body the documents ``ung:concerns``, see :func:`resolve_body`),
``sessions`` (see :func:`parse_sessions`), ``verbs`` (actions networks only) and
``drafts`` (draft resolutions are left out by default: a draft and the resolution adopted
from it would count twice).

>>> import pyoxigraph as ox
>>> from ungraph import store, vocab
>>> def t(s, p, o):
...     o = ox.NamedNode(o) if o.startswith("http") else ox.Literal(o)
...     return ox.Triple(ox.NamedNode(s), ox.NamedNode(vocab.UNG + p), o)
>>> d, r = vocab.document_iri("A/RES/75/8"), vocab.document_iri("A/RES/73/14")
>>> g = store.from_triples([t(d, "sourceFile", "A_RES_75_8.txt"), t(d, "symbol", "A/RES/75/8"),
...     t(d, "recalls", r), t(r, "symbol", "A/RES/73/14")])
>>> net = recall_network(g)
>>> [(net.nodes[u]["label"], net.nodes[v]["label"], e["relation"]) for u, v, e in net.edges(data=True)]
[('A/RES/75/8', 'A/RES/73/14', 'recalls')]
>>> net.nodes[r]["session"], net.nodes[r]["kind"], net.nodes[r]["date"]
(73, 'CitedResolution', '')
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import pyoxigraph as ox

from . import vocab
from .store import select
from .symbols import symbol_session

NETWORKS = ("recalls", "actions", "coaddressees", "organizations")

Sessions = tuple[tuple[int, int], ...]

# ----------------------------------------------------------------------------------------
# Queries: the only place this module reads the graph

_DOCUMENTS = """
SELECT DISTINCT ?d ?class ?file ?symbol ?title ?session ?date WHERE {
  #WHICH#
  OPTIONAL { ?d a ?class FILTER(STRSTARTS(STR(?class), STR(ung:))) }
  OPTIONAL { ?d ung:sourceFile ?file }
  OPTIONAL { ?d ung:symbol ?symbol }
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d ung:session ?session }
  OPTIONAL { ?d ung:adoptionDate ?date }
}"""

_CONCERNS = """
SELECT ?d ?org WHERE { ?d ung:sourceFile ?file ; ung:concerns ?org }"""

_REFERENCES = """
SELECT ?d ?relation ?r WHERE {
  ?d ung:sourceFile ?file .
  { ?d ung:recalls ?r BIND("recalls" AS ?relation) }
  UNION
  { ?d ung:cites ?r BIND("cites" AS ?relation) }
}"""

_ACTIONS = """
SELECT ?d ?p ?number ?a ?verb ?b WHERE {
  ?d ung:sourceFile ?file ; ung:hasOperativeParagraph ?p .
  ?p ung:hasAction ?a .
  ?a ung:verb ?verb ; ung:addressee ?b .
  OPTIONAL { ?p ung:paragraphNumber ?number }
}"""

_BODIES = """
SELECT ?b ?name ?kind ?acronym WHERE {
  ?b a ung:Body .
  OPTIONAL { ?b skos:prefLabel ?name }
  OPTIONAL { ?b ung:bodyKind ?kind }
  OPTIONAL { ?b ung:acronym ?acronym }
}"""

_LABELS = """
SELECT DISTINCT ?b ?tier ?q WHERE {
  ?b a ung:Body .
  { ?b skos:prefLabel ?l BIND(1 AS ?tier) }
  UNION { ?b skos:altLabel ?l BIND(2 AS ?tier) }
  UNION { ?b ung:acronym ?l BIND(2 AS ?tier) }
  FILTER(LCASE(STR(?l)) = ?q)
}"""


# ----------------------------------------------------------------------------------------
# Selections

def parse_sessions(text: str | None) -> Sessions | None:
    """Session ranges from ``"75"``, ``"70-79"``, ``"70-"``, ``"-72"`` or ``"70,72,75-77"``.

    >>> parse_sessions("70-79")
    ((70, 79),)
    >>> parse_sessions("70, 72-73, 78-")
    ((70, 70), (72, 73), (78, 1000000))
    >>> parse_sessions(None) is None
    True
    """
    if text is None or not str(text).strip():
        return None
    ranges = []
    for part in str(text).split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d*)\s*[-–]\s*(\d*)|(\d+)", part)
        if not m or (m.group(3) is None and not (m.group(1) or m.group(2))):
            raise ValueError(f"not a session or range of sessions: {part!r} (try 75, 70-79 or 70,72)")
        if m.group(3) is not None:
            lo = hi = int(m.group(3))
        else:
            lo = int(m.group(1)) if m.group(1) else 0
            hi = int(m.group(2)) if m.group(2) else 1_000_000
        if lo > hi:
            raise ValueError(f"empty range of sessions: {part!r}")
        ranges.append((lo, hi))
    return tuple(ranges)


def in_sessions(session: int, sessions: Sessions | None) -> bool:
    """Whether ``session`` (``-1`` when unknown) falls in ``sessions`` (``None``: all)."""
    if sessions is None:
        return True
    return session >= 0 and any(lo <= session <= hi for lo, hi in sessions)


def resolve_body(store: ox.Store, name: str) -> str:
    """IRI of the body whose key, ``skos:prefLabel``, ``skos:altLabel`` or acronym is
    ``name`` (case-insensitive, a leading "the" ignored).

    Ties between bodies are broken in favour of the ones documents ``ung:concerns``;
    a name still ambiguous, or unknown, raises ``ValueError`` with the candidates.
    """
    text = re.sub(r"\s+", " ", name).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    if not text:
        raise ValueError("an organization's name or acronym is needed")
    bodies = _bodies(store)
    found: dict[str, int] = {}
    if vocab.body_iri(text) in bodies:
        found[vocab.body_iri(text)] = 0
    for row in select(store, _LABELS, {"q": text.lower()}):
        found[row["b"]] = min(found.get(row["b"], 9), int(row["tier"]))
    concerned = {r["org"] for r in select(store, _CONCERNS)}
    if not found:
        known = sorted({bodies[o]["label"] for o in concerned if o in bodies})
        hint = f"; organizations the documents concern: {', '.join(known)}" if known else ""
        raise ValueError(f"no body named {name!r} in the graph{hint}")
    best = min(found.values())
    candidates = sorted(b for b, tier in found.items() if tier == best)
    if len(candidates) > 1:
        preferred = [b for b in candidates if b in concerned]
        candidates = preferred or candidates
    if len(candidates) > 1:
        names = "; ".join(f"{bodies[b]['label']} ({bodies[b]['name']})" for b in candidates)
        raise ValueError(f"{name!r} names several bodies: {names}; use the full name")
    return candidates[0]


@dataclass(frozen=True)
class Selection:
    """Which documents (and, for the actions networks, which verbs) a network draws on."""

    organization: str | None = None      # IRI of a body the documents concern
    sessions: Sessions | None = None
    verbs: frozenset[str] | None = None
    drafts: bool = False

    def describe(self) -> str:
        parts = []
        if self.organization:
            parts.append("concerning " + self.organization.rsplit("/", 1)[-1])
        if self.sessions:
            parts.append("sessions " + ",".join(f"{lo}" if lo == hi else f"{lo}-{hi if hi < 1_000_000 else ''}"
                                                for lo, hi in self.sessions))
        if self.verbs:
            parts.append("verbs " + ", ".join(sorted(self.verbs)))
        parts.append("drafts included" if self.drafts else "drafts left out")
        return "; ".join(parts)


def selection(store: ox.Store | None = None, *, organization: str | None = None,
              sessions: str | Sessions | None = None, verbs: Iterable[str] | str | None = None,
              drafts: bool = False) -> Selection:
    """A :class:`Selection` from user input: an organization's name, ``"70-79"``, verbs."""
    org = None
    if organization:
        org = organization if organization.startswith(vocab.BODY) else resolve_body(store, organization)
    if isinstance(sessions, str):
        sessions = parse_sessions(sessions)
    if isinstance(verbs, str):
        verbs = [verbs]
    verb_set = frozenset(v.strip().lower() for v in verbs) if verbs else None
    return Selection(org, sessions, verb_set or None, drafts)


# ----------------------------------------------------------------------------------------
# Tables read from the store


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _year(date: str) -> int:
    return int(date[:4]) if date[:4].isdigit() else -1


def _documents(store: ox.Store, *, cited: bool = False) -> dict[str, dict]:
    """Documents of the corpus and, with ``cited``, the resolutions they recall or cite."""
    which = "{ ?d ung:sourceFile ?any } UNION { ?citing ung:recalls|ung:cites ?d }" if cited \
        else "?d ung:sourceFile ?any ."
    docs: dict[str, dict] = {}
    for row in select(store, _DOCUMENTS.replace("#WHICH#", which)):
        d = docs.setdefault(row["d"], {"classes": set(), "dates": set(), "file": "", "symbol": "",
                                       "title": "", "session": -1})
        if row["class"]:
            d["classes"].add(_local(row["class"]))
        if row["date"]:
            d["dates"].add(str(row["date"]))
        for key in ("file", "symbol", "title"):
            if row[key] and not d[key]:
                d[key] = str(row[key])
        if isinstance(row["session"], int) and d["session"] < 0:
            d["session"] = row["session"]
    out = {}
    for iri, d in docs.items():
        # the range of ung:recalls and ung:cites is resolutions: a cited node without a class is one
        cls = _document_class(d["classes"], "Document" if d["file"] else "Resolution")
        dates = sorted(d["dates"])
        date = dates[0] if dates else ""
        session = d["session"]
        if session < 0:     # none in the graph: the Assembly session its symbol names, read as rdf reads a cited one's
            named = symbol_session(d["symbol"], assembly_only=True)
            session = -1 if named is None else named
        out[iri] = {
            "label": d["symbol"] or d["file"].rsplit(".", 1)[0] or _local(iri),
            "type": "document",
            "kind": cls if d["file"] else "Cited" + cls,
            "date": date,
            "session": session,
            "year": _year(date),
            "symbol": d["symbol"],
            "title": d["title"],
            "in_corpus": bool(d["file"]),
            "date_conflict": " ".join(dates) if len(dates) > 1 else "",
        }
    return out


_DOC_CLASSES = ("Resolution", "Decision", "DraftResolution", "PresidentialStatement", "Report",
                "MeetingRecord", "Document")


def _document_class(classes: set[str], default: str) -> str:
    for cls in _DOC_CLASSES:
        if cls in classes:
            return cls
    return default


def _bodies(store: ox.Store) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for row in select(store, _BODIES):
        b = rows.setdefault(row["b"], {"name": "", "kind": "", "acronyms": set()})
        if row["name"] and not b["name"]:
            b["name"] = str(row["name"])
        if row["kind"] and not b["kind"]:
            b["kind"] = _local(row["kind"])
        if row["acronym"]:
            b["acronyms"].add(str(row["acronym"]))
    out = {}
    for iri, b in rows.items():
        key = _local(iri)
        acronyms = sorted(b["acronyms"], key=lambda a: (a != key, len(a), a))
        acronym = acronyms[0] if acronyms else ""
        out[iri] = {"label": acronym or b["name"] or key, "name": b["name"] or key, "acronym": acronym,
                    "kind": b["kind"] or "Body"}
    return out


def _body_node(bodies: dict[str, dict], iri: str) -> dict:
    b = bodies.get(iri) or {"label": _local(iri), "name": _local(iri), "acronym": "", "kind": "Body"}
    return {"label": b["label"], "type": "body", "kind": b["kind"], "date": "", "session": -1, "year": -1,
            "name": b["name"], "acronym": b["acronym"], "resolutions": 0, "organizations": 0,
            "paragraphs": 0}


def _concerns(store: ox.Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _CONCERNS):
        out[row["d"]].add(row["org"])
    return out


def _selected_documents(docs: dict[str, dict], concerns: dict[str, set[str]], sel: Selection) -> set[str]:
    keep = set()
    for iri, d in docs.items():
        if not d["in_corpus"]:
            continue
        if d["kind"] == "DraftResolution" and not sel.drafts:
            continue
        if sel.organization and sel.organization not in concerns.get(iri, ()):
            continue
        if not in_sessions(d["session"], sel.sessions):
            continue
        keep.add(iri)
    return keep


class _Action(NamedTuple):      # a tuple: hundreds of thousands are made for one network
    document: str
    paragraph: str
    number: int
    action: str
    verb: str
    body: str


def _actions(store: ox.Store, sel: Selection, docs: dict[str, dict], concerns) -> list[_Action]:
    keep = _selected_documents(docs, concerns, sel)
    out = []
    for row in select(store, _ACTIONS):
        if row["d"] not in keep:
            continue
        verb = str(row["verb"])
        if sel.verbs and verb.lower() not in sel.verbs:
            continue
        number = row["number"] if isinstance(row["number"], int) else -1
        out.append(_Action(row["d"], row["p"], number, row["a"], verb, row["b"]))
    out.sort(key=lambda a: (a.document, a.number, a.action, a.body))
    return out


def _when(docs: dict[str, dict], iris: Iterable[str]) -> tuple[str, int]:
    """Earliest (date, session) among documents; dates win, sessions break ties."""
    known = [(docs[i]["date"] or "9999", docs[i]["session"] if docs[i]["session"] >= 0 else 10**9)
             for i in iris]
    if not known:
        return "", -1
    date, session = min(known)
    return ("" if date == "9999" else date), (-1 if session == 10**9 else session)


def _dated(attrs: dict, date: str, session: int) -> dict:
    attrs.update(date=date, session=session, year=_year(date))
    return attrs


def _body_counts(actions: list[_Action], docs: dict[str, dict], concerns, bodies: dict[str, dict]) -> dict[str, dict]:
    """Attributes of every addressed body: how many documents, organizations, paragraphs."""
    per_doc: dict[str, set[str]] = defaultdict(set)
    per_par: dict[str, set[str]] = defaultdict(set)
    for a in actions:
        per_doc[a.body].add(a.document)
        per_par[a.body].add(a.paragraph)
    out = {}
    for b in sorted(per_doc):
        node = _body_node(bodies, b)
        node["resolutions"] = len(per_doc[b])
        node["organizations"] = len(set().union(*(concerns.get(d, set()) for d in per_doc[b])))
        node["paragraphs"] = len(per_par[b])
        out[b] = _dated(node, *_when(docs, per_doc[b]))
    return out


# ----------------------------------------------------------------------------------------
# The four networks

def recall_network(store: ox.Store, sel: Selection | None = None, **choose) -> nx.DiGraph:
    """Documents of the corpus -> the resolutions they recall or cite.

    Edge attributes: ``relation`` (``recalls`` or ``cites``; a reference the graph holds
    both ways counts as ``recalls``), ``weight`` 1.0, and the citing document's ``date``,
    ``session`` and ``year``. Selection keywords choose the citing documents (``verbs``
    does not apply).
    """
    sel = sel or selection(store, **choose)
    if sel.verbs:
        raise ValueError("verbs select operative actions; the recalls network has none")
    docs = _documents(store, cited=True)
    keep = _selected_documents(docs, _concerns(store) if sel.organization else {}, sel)
    G = nx.DiGraph(network="recalls", selection=sel.describe())
    refs = sorted(select(store, _REFERENCES), key=lambda r: (r["d"], r["r"], r["relation"] != "recalls"))
    for row in refs:
        d, r = row["d"], row["r"]
        if d not in keep:
            continue
        if G.has_edge(d, r):
            continue  # "recalls" sorted first: it wins over a "cites" of the same pair
        for n in (d, r):
            if n not in G:
                G.add_node(n, **docs.get(n) or _unknown_document(n))
        G.add_edge(d, r, label=row["relation"], relation=row["relation"], weight=1.0,
                   **_dated({}, docs[d]["date"], docs[d]["session"]))
    for d in sorted(keep):  # documents that recall nothing are part of the corpus too
        if d not in G:
            G.add_node(d, **docs[d])
    return G


def _unknown_document(iri: str) -> dict:
    return {"label": _local(iri), "type": "document", "kind": "CitedDocument", "date": "", "session": -1,
            "year": -1, "symbol": "", "title": "", "in_corpus": False, "date_conflict": ""}


def action_network(store: ox.Store, sel: Selection | None = None, **choose) -> nx.MultiDiGraph:
    """Documents -> bodies their operative paragraphs address, one edge per action.

    Edge key: the action's IRI. Edge attributes: ``verb`` (also the ``label``),
    ``paragraph`` (printed number, ``-1`` if none), ``action`` (IRI), ``weight`` 1.0 and the
    document's ``date``, ``session``, ``year``.
    """
    sel = sel or selection(store, **choose)
    docs, concerns, bodies = _documents(store), _concerns(store), _bodies(store)
    actions = _actions(store, sel, docs, concerns)
    G = nx.MultiDiGraph(network="actions", selection=sel.describe())
    for d in sorted({a.document for a in actions}):
        G.add_node(d, **docs[d])
    for b, attrs in _body_counts(actions, docs, concerns, bodies).items():
        G.add_node(b, **attrs)
    for a in actions:
        G.add_edge(a.document, a.body, key=a.action, label=a.verb, verb=a.verb, paragraph=a.number,
                   action=a.action, weight=1.0,
                   **_dated({}, docs[a.document]["date"], docs[a.document]["session"]))
    return G


def coaddressee_network(store: ox.Store, sel: Selection | None = None, **choose) -> nx.Graph:
    """Bodies addressed together: an edge joins two bodies addressed in one operative paragraph.

    ``paragraphs`` counts those paragraphs, ``resolutions`` the documents they belong to;
    ``weight`` = ``paragraphs``. Every addressed body is a node, co-addressed or not.
    """
    sel = sel or selection(store, **choose)
    docs, concerns, bodies = _documents(store), _concerns(store), _bodies(store)
    actions = _actions(store, sel, docs, concerns)
    G = nx.Graph(network="coaddressees", selection=sel.describe())
    for b, attrs in _body_counts(actions, docs, concerns, bodies).items():
        G.add_node(b, **attrs)
    by_paragraph: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in actions:
        by_paragraph[(a.document, a.paragraph)].add(a.body)
    pairs: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: {"p": set(), "d": set()})
    for (doc, par), addressed in by_paragraph.items():
        ordered = sorted(addressed)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1:]:
                pairs[(u, v)]["p"].add(par)
                pairs[(u, v)]["d"].add(doc)
    for (u, v), seen in sorted(pairs.items()):
        n = len(seen["p"])
        G.add_edge(u, v, label=str(n), weight=float(n), paragraphs=n, resolutions=len(seen["d"]),
                   **_dated({}, *_when(docs, seen["d"])))
    return G


def organization_network(store: ox.Store, sel: Selection | None = None, **choose) -> nx.DiGraph:
    """Organizations -> the bodies addressed by the documents that concern them.

    ``paragraphs`` counts the operative paragraphs addressing the body in documents that
    concern the organization, ``resolutions`` those documents; ``weight`` = ``paragraphs``.
    Node attribute ``role``: ``organization``, ``agency`` or ``both``.
    """
    sel = sel or selection(store, **choose)
    docs, concerns, bodies = _documents(store), _concerns(store), _bodies(store)
    actions = _actions(store, sel, docs, concerns)
    G = nx.DiGraph(network="organizations", selection=sel.describe())
    links: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: {"p": set(), "d": set()})
    for a in actions:
        for org in concerns.get(a.document, ()):
            if org != a.body:
                links[(org, a.body)]["p"].add(a.paragraph)
                links[(org, a.body)]["d"].add(a.document)
    counts = _body_counts(actions, docs, concerns, bodies)
    concerning: dict[str, set[str]] = defaultdict(set)
    for d in _selected_documents(docs, concerns, sel):
        for o in concerns.get(d, ()):
            concerning[o].add(d)
    orgs = {o for o, _ in links} | set(concerning)
    agencies = {b for _, b in links}
    addressing: dict[str, set[str]] = defaultdict(set)
    for a in actions:
        addressing[a.body].add(a.document)
    for n in sorted(orgs | agencies):
        attrs = dict(counts.get(n) or _body_node(bodies, n))
        # on a timeline a node appears with its first document, as organization or agency
        _dated(attrs, *_when(docs, concerning.get(n, set()) | addressing.get(n, set())))
        attrs["role"] = "both" if n in orgs and n in agencies else "organization" if n in orgs else "agency"
        G.add_node(n, **attrs)
    for (o, b), seen in sorted(links.items()):
        n = len(seen["p"])
        G.add_edge(o, b, label=str(n), weight=float(n), paragraphs=n, resolutions=len(seen["d"]),
                   **_dated({}, *_when(docs, seen["d"])))
    return G


BUILDERS: dict[str, Callable[..., nx.Graph]] = {
    "recalls": recall_network,
    "actions": action_network,
    "coaddressees": coaddressee_network,
    "organizations": organization_network,
}


def network(store: ox.Store, name: str, sel: Selection | None = None, **choose) -> nx.Graph:
    """The network called ``name`` (one of :data:`NETWORKS`)."""
    if name not in BUILDERS:
        raise ValueError(f"unknown network {name!r}; use one of {', '.join(NETWORKS)}")
    return BUILDERS[name](store, sel, **choose)
