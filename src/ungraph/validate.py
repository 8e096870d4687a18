"""Validate a graph against the SHACL shapes, and say where in which text each problem lies.

A graph is trusted when people can see what is wrong in it. Every result names the rule
(the shape, e.g. ``ungsh:RecallChronologyShape``), its severity, the node, property and
value at fault, and, looked up in the data graph, the document (source file and symbol),
the paragraph and the words that the result concerns, so that a person can fix the text,
the gazetteer or the code.

Three SHACL engines sit behind one function. ``sparql`` (the default) compiles the shapes
to SPARQL queries (``ungraph.shacl_sparql``) and runs them over the whole graph in the
embedded store: it is the one that scales to the whole record. pySHACL (the reference)
and pyshacl-turbo (a native engine with pySHACL's API) check focus node by focus node;
they give the same results on this project's shapes and tests, and validate large
graphs in batches of documents. ``engine="auto"`` is ``sparql``, or, when a shapes file
uses a feature the compiler does not translate, turbo if installed, else pySHACL.

>>> import pyoxigraph as ox
>>> from ungraph import vocab
>>> d = ox.NamedNode(vocab.DOC + "A/RES/75/324")
>>> report = validate_triples([
...     ox.Triple(d, ox.NamedNode(vocab.RDF + "type"), ox.NamedNode(vocab.UNG + "Resolution")),
...     ox.Triple(d, ox.NamedNode(vocab.UNG + "symbol"), ox.Literal("A/RES/75/324")),
...     ox.Triple(d, ox.NamedNode(vocab.UNG + "organ"), ox.NamedNode(vocab.BODY + "UNSC")),
... ])
>>> report.one_line()
'validated: does not conform (3 violations, 0 warnings, 0 info)'
>>> sorted({r.rule for r in report.results})
['ungsh:Document-organ', 'ungsh:GAResolutionSymbolShape', 'ungsh:SCResolutionSymbolShape']
"""
from __future__ import annotations

import html
import importlib.util
import io
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from . import rdf, vocab
from .dates import MONTH_NAMES
from .shacl_sparql import Unsupported, compile_shapes, has_subclasses, run_checks
from .store import from_triples

SHAPES_NS = "https://w3id.org/ungraph/shapes#"
ENGINES = ("auto", "sparql", "pyshacl", "turbo")
SEVERITIES = ("Violation", "Warning", "Info")
FORMATS = ("text", "turtle", "html", "json")

# Prefixes used to write IRIs compactly in reports (full IRIs stay in JSON and Turtle).
COMPACT = {
    "ungsh": SHAPES_NS, "ung": vocab.UNG, "doc": vocab.DOC, "file": vocab.FILE, "body": vocab.BODY,
    "kind": vocab.KIND, "dcterms": vocab.DCTERMS, "skos": vocab.SKOS, "xsd": vocab.XSD,
    "rdf": vocab.RDF, "rdfs": vocab.RDFS, "org": vocab.ORG, "sh": str(SH),
}

_PARAGRAPH_KIND = {
    vocab.UNG + "PreambularParagraph": "preambular paragraph",
    vocab.UNG + "OperativeParagraph": "operative paragraph",
    vocab.UNG + "AnnexParagraph": "annex paragraph",
}


class ValidationError(ValueError):
    """A graph or shapes file that cannot be read, or an engine that cannot run: one line."""


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with the document, paragraph and words it concerns.

    ``rule`` is the named shape the result comes from (compact, e.g.
    ``ungsh:Document-recalls``); an anonymous property shape reports under the named
    shape that contains it. IRIs are full; ``value`` is an IRI or a literal's lexical form,
    ``value_term`` the value in N-Triples syntax (with datatype or language).
    """

    severity: str                      # "Violation" | "Warning" | "Info"
    rule: str                          # e.g. "ungsh:RecallChronologyShape"
    rule_label: str                    # the rule in a few words (rdfs:label of the shape)
    message: str                       # what is wrong (the shape's sh:message, filled in)
    focus: str                         # the node at fault
    path: str | None = None            # the property, e.g. "ung:recalls" or "^ung:hasAction"
    value: str | None = None
    value_term: str | None = None
    component: str = ""                # e.g. "sh:ClassConstraintComponent"
    node_shape: str | None = None      # the named node shape that holds the rule (itself for node shapes)
    detail: str | None = None          # the engine's own wording, when it says more
    document: str | None = None        # IRI of the document the result concerns
    source_file: str | None = None     # its ung:sourceFile
    symbol: str | None = None          # its ung:symbol
    title: str | None = None
    paragraph: str | None = None       # IRI of the paragraph (or footnote)
    paragraph_label: str | None = None  # "operative paragraph 8", "footnote 1"
    paragraph_text: str | None = None
    start: int | None = None           # span of the words in paragraph_text
    end: int | None = None
    words: str | None = None           # the words the result concerns

    @property
    def where(self) -> str | None:
        """'A_RES_75_324.md (A/RES/75/324), operative paragraph 8' or None."""
        if self.source_file:
            doc = f"{self.source_file} ({self.symbol})" if self.symbol else self.source_file
        elif self.symbol:
            doc = f"{self.symbol} (not in the corpus)"
        else:
            doc = None
        parts = [p for p in (doc, self.paragraph_label) if p]
        return ", ".join(parts) or None

    def excerpt(self, width: int = 200) -> str | None:
        """The paragraph text around the words, the words between »«."""
        return excerpt(self.paragraph_text, self.start, self.end, width)


@dataclass
class ValidationReport:
    """What a validation found. ``conforms`` is true when no result is a violation."""

    results: list[ValidationResult] = field(default_factory=list)
    engine: str = ""
    seconds: float = 0.0
    graph: str | None = None           # the graph file validated, when there is one
    shapes: list[str] = field(default_factory=list)
    triples: int = 0
    report_graph: rdflib.Graph | None = field(default=None, repr=False, compare=False)
    rules: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    def counts(self) -> dict[str, int]:
        c = Counter(r.severity for r in self.results)
        return {"violations": c["Violation"], "warnings": c["Warning"], "info": c["Info"]}

    def by_rule(self) -> list[tuple[str, str, list[ValidationResult]]]:
        """(severity, rule, results) groups: violations first, then by rule."""
        groups: dict[tuple[str, str], list[ValidationResult]] = {}
        for r in self.results:
            groups.setdefault((r.severity, r.rule), []).append(r)
        return [(sev, rule, rs) for (sev, rule), rs in sorted(groups.items(), key=lambda kv: _group_key(*kv[0]))]

    def one_line(self) -> str:
        """e.g. ``validated: conforms (0 violations, 3 warnings, 1 info)``."""
        c = self.counts()
        state = "conforms" if self.conforms else "does not conform"
        return (f"validated: {state} ({c['violations']} violation{'s' if c['violations'] != 1 else ''}, "
                f"{c['warnings']} warning{'s' if c['warnings'] != 1 else ''}, {c['info']} info)")

    def to_dict(self) -> dict:
        return {
            "graph": self.graph,
            "conforms": self.conforms,
            "counts": self.counts(),
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "triples": self.triples,
            "shapes": self.shapes,
            "results": [asdict(r) for r in self.results],
        }


def _group_key(severity: str, rule: str) -> tuple[int, str]:
    return (SEVERITIES.index(severity) if severity in SEVERITIES else 9, rule)


def excerpt(text: str | None, start: int | None = None, end: int | None = None, width: int = 200) -> str | None:
    """A window of ``text`` around ``[start, end)``, the span marked with »«.

    >>> excerpt("Recalling its resolution 48/2 of 13 October 1993, and", 14, 48, width=30)
    '…»resolution 48/2 of 13 October 1993«…'
    >>> excerpt("Short text.")
    'Short text.'
    """
    if text is None:
        return None
    text = " ".join(text.split()) if start is None else text
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"
    margin = max(0, (width - (end - start)) // 2)
    a, b = max(0, start - margin), min(len(text), end + margin)
    out = (("…" if a > 0 else "") + text[a:start] + "»" + text[start:end] + "«" + text[end:b]
           + ("…" if b < len(text) else ""))
    return " ".join(out.split())


# --------------------------------------------------------------------------------------
# Shapes
# --------------------------------------------------------------------------------------

def default_shapes() -> Path:
    """The project's shapes file (``shapes/ungraph.shacl.ttl``)."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "shapes" / "ungraph.shacl.ttl",
                      here.parent / "resources" / "shapes" / "ungraph.shacl.ttl"):
        if candidate.is_file():
            return candidate
    raise ValidationError("the SHACL shapes (shapes/ungraph.shacl.ttl) are not installed with ungraph")


@lru_cache(maxsize=8)
def _parse_shapes(paths: tuple[str, ...], stamps: tuple[float, ...]) -> rdflib.Graph:
    g = rdflib.Graph()
    for p in paths:
        try:
            g.parse(p, format=_rdflib_format(p))
        except FileNotFoundError:
            raise ValidationError(f"{p}: no such shapes file") from None
        except Exception as exc:  # rdflib raises many kinds of parse errors
            raise ValidationError(f"{Path(p).name}: not a readable shapes graph ({_one_line(exc)})") from None
    return g


def shapes_files(extra_shapes: Sequence[str | Path] = (), *, project_shapes: bool = True) -> list[str]:
    return ([str(default_shapes())] if project_shapes else []) + [str(p) for p in extra_shapes]


def load_shapes(extra_shapes: Sequence[str | Path] = (), *, project_shapes: bool = True) -> rdflib.Graph:
    """The shapes graph: the project's shapes plus the user's extra shapes files."""
    paths = shapes_files(extra_shapes, project_shapes=project_shapes)
    for p in paths:
        if not Path(p).is_file():
            raise ValidationError(f"{p}: no such shapes file")
    return _parse_shapes(tuple(paths), tuple(Path(p).stat().st_mtime for p in paths))


def _rdflib_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld",
            ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".n3": "n3"}.get(suffix, "turtle")


def rule_index(shapes: rdflib.Graph) -> dict[str, dict]:
    """Every named shape: its label, message, comment and severity, keyed by compact IRI."""
    out = {}
    for s in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)):
        if not isinstance(s, rdflib.URIRef):
            continue
        sev = shapes.value(s, SH.severity)
        out[compact(str(s))] = {
            "iri": str(s),
            "label": str(shapes.value(s, RDFS.label) or ""),
            "message": str(shapes.value(s, SH.message) or ""),
            "comment": str(shapes.value(s, RDFS.comment) or ""),
            "severity": str(sev).rsplit("#", 1)[-1] if sev else "Violation",
        }
    return out


def _named_owner(shapes: rdflib.Graph, shape) -> rdflib.term.Node | None:
    """The named shape an anonymous shape belongs to (through sh:property, sh:node, sh:or ...)."""
    seen = set()
    while isinstance(shape, rdflib.BNode) and shape not in seen:
        seen.add(shape)
        parent = _parent(shapes, shape)
        if parent is None:
            break
        shape = parent
    return shape


def _parent(g: rdflib.Graph, node) -> rdflib.term.Node | None:
    for s, p in g.subject_predicates(node):
        if p == RDF.first:  # a member of a list (sh:or, sh:in ...): the list's owner
            head = s
            while (prev := g.value(predicate=RDF.rest, object=head)) is not None:
                head = prev
            owner = next((s2 for s2, p2 in g.subject_predicates(head) if p2 not in (RDF.first, RDF.rest)), None)
            if owner is not None:
                return owner
        elif p != RDF.rest:
            return s
    return None


# --------------------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def turbo_available() -> bool:
    """Whether pyshacl-turbo is installed and loads (its native module included)."""
    if importlib.util.find_spec("pyshacl_turbo") is None:
        return False
    try:
        import pyshacl_turbo  # noqa: F401
    except Exception:
        return False
    return True


def resolve_engine(engine: str = "auto", shapes: rdflib.Graph | None = None) -> str:
    """``auto`` is the sparql engine (whole graph at once, fastest) when it can translate the
    shapes, else pyshacl-turbo when installed, else pySHACL."""
    if engine not in ENGINES:
        raise ValidationError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine in ("auto", "sparql"):
        try:
            if shapes is not None:
                _compiled(shapes, True)
            return "sparql"
        except Unsupported as exc:
            if engine == "sparql":
                raise ValidationError(f"the sparql engine cannot run these shapes: {exc}") from None
    if engine == "auto":
        return "turbo" if turbo_available() else "pyshacl"
    if engine == "turbo" and not turbo_available():
        raise ValidationError("the turbo engine needs the pyshacl-turbo package: pip install pyshacl-turbo")
    return engine


@lru_cache(maxsize=512)
def _prepared(query: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query)


class _PreparedQueryGraph(rdflib.Graph):
    """An rdflib graph that parses each SPARQL text once.

    pySHACL sends the text of a SPARQL constraint once per focus node, and rdflib parses it
    every time (about 0.1 s a parse): preparing it once makes pySHACL about ten times faster on the
    corpus graph without changing any result.
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            try:
                query_object = _prepared(query_object)
            except Exception:  # leave the error to rdflib, with its usual message
                pass
        return super().query(query_object, *args, **kwargs)


def _run_pyshacl(data: bytes, shapes: rdflib.Graph) -> rdflib.Graph:
    import pyshacl

    g = _PreparedQueryGraph()
    g.parse(data=data, format="nt")
    try:
        conforms, report, text = pyshacl.validate(g, shacl_graph=shapes, advanced=True, inplace=True,
                                                  allow_warnings=True, allow_infos=True)
    except Exception as exc:  # a shape pySHACL cannot run (bad SPARQL, a broken list ...)
        raise ValidationError(f"pySHACL could not validate: {type(exc).__name__}: {_one_line(exc)}") from None
    if not isinstance(report, rdflib.Graph):
        raise ValidationError(f"pySHACL could not use the shapes: {_one_line(text)}")
    return report


def _run_turbo(data: bytes, shapes: rdflib.Graph) -> rdflib.Graph:
    import pyshacl_turbo

    # N-Triples bytes, not a pyoxigraph Store: with a Store input, pyshacl-turbo 0.6.5 fails
    # to match string literals inside SPARQL constraints (tests/test_validate_engines.py).
    try:
        conforms, report, text = pyshacl_turbo.validate(data, data_graph_format="nt", shacl_graph=shapes,
                                                        advanced=True, allow_warnings=True, allow_infos=True)
    except Exception as exc:
        raise ValidationError(f"pyshacl-turbo could not validate: {_one_line(exc)}") from None
    if not isinstance(report, rdflib.Graph):
        raise ValidationError(f"pyshacl-turbo could not use the shapes: {_one_line(text)}")
    return report


_RUNNERS = {"pyshacl": _run_pyshacl, "turbo": _run_turbo}


@contextmanager
def _quiet_rdflib():
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _one_line(x) -> str:
    text = " ".join(str(x).split())
    return text[:300] + ("…" if len(text) > 300 else "")


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------

def validate_triples(triples: Iterable[ox.Triple], extra_shapes: Sequence[str | Path] = (),
                     engine: str = "auto", *, graph: str | None = None,
                     project_shapes: bool = True) -> ValidationReport:
    """Validate triples (pyoxigraph terms) against the shapes; results carry their context."""
    started = time.perf_counter()
    shapes = load_shapes(extra_shapes, project_shapes=project_shapes)
    name = resolve_engine(engine, shapes)
    if name == "sparql":
        return validate_store(from_triples(triples), extra_shapes, graph=graph, project_shapes=project_shapes)
    triples = rdf.sorted_triples(triples)
    report_graph = rdflib.Graph()
    merged = report_graph.resource(rdflib.BNode())
    merged.add(RDF.type, SH.ValidationReport)
    seen: dict[tuple, ValidationResult] = {}   # one result per rule, node, value and component
    for batch in document_batches(triples):
        data = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
        with _quiet_rdflib():  # an ill-typed literal is a result to report, not a traceback to log
            batch_report = _RUNNERS[name](data, shapes)
        context = _Context(from_triples(batch))
        # only the report's own results: nested sh:detail results explain them, they are not results
        for report in batch_report.subjects(RDF.type, SH.ValidationReport):
            for node in batch_report.objects(report, SH.result):
                _merge(_result(batch_report, node, shapes, context), node, batch_report, report_graph,
                       merged.identifier, seen)
    return _report(seen, report_graph, merged.identifier, name, started, graph, extra_shapes, project_shapes,
                   len(triples), shapes)


def validate_store(store: ox.Store, extra_shapes: Sequence[str | Path] = (), *, graph: str | None = None,
                   project_shapes: bool = True) -> ValidationReport:
    """Validate the graph held by a store with the sparql engine: every shape compiled to
    SPARQL and run over the whole graph at once."""
    started = time.perf_counter()
    shapes = load_shapes(extra_shapes, project_shapes=project_shapes)
    try:
        checks = _compiled(shapes, has_subclasses(store))
    except Unsupported as exc:
        raise ValidationError(f"the sparql engine cannot run these shapes: {exc}") from None
    try:
        rows = run_checks(store, checks)
    except (SyntaxError, OSError) as exc:   # a SPARQL constraint the store cannot parse or run
        raise ValidationError(f"a SPARQL constraint cannot run: {_one_line(exc)}") from None
    report_graph = rdflib.Graph()
    report = rdflib.BNode()
    report_graph.add((report, RDF.type, SH.ValidationReport))
    context = _Context(store)
    seen: dict[tuple, ValidationResult] = {}
    for row in rows:
        node = rdflib.BNode()
        check = row.check
        report_graph.add((node, RDF.type, SH.ValidationResult))
        report_graph.add((node, SH.focusNode, _rdflib_term(row.focus)))
        report_graph.add((node, SH.resultSeverity, check.severity))
        report_graph.add((node, SH.sourceShape, check.shape))
        report_graph.add((node, SH.sourceConstraintComponent, check.component))
        report_graph.add((node, SH.resultMessage, rdflib.Literal(row.message)))
        if check.constraint is not None:
            report_graph.add((node, SH.sourceConstraint, check.constraint))
        if row.value is not None:
            report_graph.add((node, SH.value, _rdflib_term(row.value)))
        path = _rdflib_term(row.path) if row.path is not None else check.path
        if path is not None:
            report_graph.add((node, SH.resultPath, path))
            for t in _subtree(shapes, path) if isinstance(path, rdflib.BNode) else ():
                report_graph.add(t)
        _merge(_result(report_graph, node, shapes, context), node, report_graph, None, report, seen)
    return _report(seen, report_graph, report, "sparql", started, graph, extra_shapes, project_shapes,
                   len(store), shapes)


_COMPILED: dict[tuple[int, bool], tuple] = {}


def _compiled(shapes: rdflib.Graph, subclasses: bool):
    """The checks of a shapes graph (compiled once per graph; ``load_shapes`` caches graphs)."""
    key = (id(shapes), subclasses)
    if key not in _COMPILED or _COMPILED[key][0] is not shapes:
        _COMPILED[key] = (shapes, compile_shapes(shapes, subclasses=subclasses))
    return _COMPILED[key][1]


def _rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == vocab.XSD + "string":
            return rdflib.Literal(term.value)   # as rdflib reads a plain literal
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    return rdflib.Literal(str(term))


def _merge(result: ValidationResult, node, source: rdflib.Graph, target: rdflib.Graph | None, report,
           seen: dict) -> None:
    """Keep one result per rule, node, value and component (a shared node checked in two
    batches gives it twice) and its triples in the merged report graph."""
    key = (result.severity, result.rule, result.node_shape, result.component, result.focus,
           result.path, result.value_term, result.message)
    if key in seen:
        if target is None:
            source.remove((node, None, None))
        return
    seen[key] = result
    if target is None:
        source.add((report, SH.result, node))
        return
    target.add((report, SH.result, node))
    for t in _subtree(source, node):
        target.add(t)


def _report(seen: dict, report_graph: rdflib.Graph, report, engine: str, started: float, graph, extra_shapes,
            project_shapes: bool, triples: int, shapes: rdflib.Graph) -> ValidationReport:
    report_graph.add((report, SH.conforms,
                      rdflib.Literal(not any(r.severity == "Violation" for r in seen.values()))))
    for p, ns in {**vocab.PREFIXES, "sh": str(SH), "ungsh": SHAPES_NS}.items():
        report_graph.bind(p, ns)
    return ValidationReport(results=sorted(seen.values(), key=_result_key), engine=engine,
                            seconds=time.perf_counter() - started, graph=graph,
                            shapes=shapes_files(extra_shapes, project_shapes=project_shapes),
                            triples=triples, report_graph=report_graph, rules=rule_index(shapes))


# Validation cost grows faster than the graph (the engines evaluate SPARQL constraints node by
# node), so large graphs are checked a few documents at a time, each batch with the bodies and
# cited documents it links to. Results on shared nodes are merged. Cross-document rules see
# what the batch holds: a recalled corpus document in another batch counts as undated.
BATCH_ABOVE = 25_000      # graphs up to this size are checked whole
BATCH_TRIPLES = 2_000     # measured best on generated corpora (docs/validation.md)


def document_batches(triples: list[ox.Triple], size: int | None = None) -> list[list[ox.Triple]]:
    """The triples in batches of whole documents, each with the shared nodes it reaches;
    shared nodes no document reaches form a last batch, so every node is checked."""
    size = size or BATCH_TRIPLES
    if len(triples) <= max(size, BATCH_ABOVE if size == BATCH_TRIPLES else size):
        return [triples]
    docs = {t.subject.value for t in triples if t.predicate.value == vocab.UNG + "sourceFile"}
    owned: dict[str, list[ox.Triple]] = {}
    shared: dict[str, list[ox.Triple]] = {}
    for t in triples:
        base = t.subject.value.split("#", 1)[0] if isinstance(t.subject, ox.NamedNode) else ""
        (owned.setdefault(base, []) if base in docs else shared.setdefault(t.subject.value, [])).append(t)
    # a corpus document another batch links to is seen there the way a cited one is
    for doc, ts in owned.items():
        shared[doc] = [t for t in ts if t.subject.value == doc and t.predicate.value in _CITED_FACTS]
    batches, current, members = [], [], set()
    for doc in sorted(owned):
        current += owned[doc]
        members.add(doc)
        if len(current) >= size:
            batches.append(_with_shared(current, shared, members))
            current, members = [], set()
    if current:
        batches.append(_with_shared(current, shared, members))
    reached = {t.subject.value for b in batches for t in b}
    rest = [t for iri, ts in shared.items() if iri not in reached and iri not in owned for t in ts]
    if rest:
        batches.append(_with_shared(rest, shared, set()))
    return batches


_CITED_FACTS = {vocab.RDF + "type", vocab.UNG + "symbol", vocab.UNG + "adoptionDate", vocab.UNG + "organ",
                vocab.UNG + "permalink", vocab.DCTERMS + "issued"}


def _with_shared(batch: list[ox.Triple], shared: dict[str, list[ox.Triple]], members: set[str]) -> list[ox.Triple]:
    out = list(batch)
    todo = [t.object.value for t in batch if isinstance(t.object, ox.NamedNode)]
    done: set[str] = set(members)
    while todo:
        iri = todo.pop()
        if iri in done or iri not in shared:
            continue
        done.add(iri)
        out += shared[iri]
        todo += [t.object.value for t in shared[iri] if isinstance(t.object, ox.NamedNode)]
    return out


def _subtree(g: rdflib.Graph, node) -> Iterable[tuple]:
    """The triples of a result node and of the blank nodes under it."""
    todo, done = [node], set()
    while todo:
        n = todo.pop()
        if n in done:
            continue
        done.add(n)
        for p, o in g.predicate_objects(n):
            yield (n, p, o)
            if isinstance(o, rdflib.BNode):
                todo.append(o)


def validate_graph(path: str | Path, extra_shapes: Sequence[str | Path] = (), engine: str = "auto",
                   *, project_shapes: bool = True) -> ValidationReport:
    """Validate a graph file (any format ``ungraph build`` writes) against the shapes."""
    if resolve_engine(engine, load_shapes(extra_shapes, project_shapes=project_shapes)) == "sparql":
        return validate_store(read_store(path), extra_shapes, graph=str(path), project_shapes=project_shapes)
    return validate_triples(read_graph(path), extra_shapes, engine, graph=str(path), project_shapes=project_shapes)


def read_store(path: str | Path) -> ox.Store:
    """A graph file loaded straight into the embedded store, or a :class:`ValidationError`."""
    from .store import open_graph

    _check_graph_file(path)
    try:
        return open_graph(Path(path))
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(_one_line(exc)) from None
    except OSError as exc:
        raise ValidationError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _check_graph_file(path: str | Path) -> None:
    path = Path(path)
    if not path.exists():
        raise ValidationError(f"{path}: no such graph file")
    if not path.is_file():
        raise ValidationError(f"{path}: not a file")
    try:
        rdf.rdf_format(path)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def read_graph(path: str | Path) -> list[ox.Triple]:
    """The triples of a graph file, or a :class:`ValidationError` in one line."""
    path = Path(path)
    _check_graph_file(path)
    fmt = rdf.rdf_format(path)
    try:
        return rdf.read(path)
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{path.name}: not a readable {fmt.name.replace('_', '-')} graph "
                              f"({_one_line(exc)})") from None
    except OSError as exc:
        raise ValidationError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _result_key(r: ValidationResult):
    return (_group_key(r.severity, r.rule), r.source_file or "~", r.symbol or "", r.focus,
            r.path or "", r.value or "", r.message)


def _term_value(t) -> str | None:
    if t is None:
        return None
    if isinstance(t, rdflib.BNode):
        return f"_:{t}"
    return str(t)


def _path_text(g: rdflib.Graph, path) -> str | None:
    """A SHACL path as SPARQL property-path text, IRIs compacted."""
    if path is None:
        return None
    if isinstance(path, rdflib.URIRef):
        return compact(str(path))
    inv = g.value(path, SH.inversePath)
    if inv is not None:
        return "^" + _path_text(g, inv)
    alt = g.value(path, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(_path_text(g, p) for p in Collection(g, alt)) + ")"
    for pred, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = g.value(path, pred)
        if inner is not None:
            return _path_text(g, inner) + mark
    if (path, RDF.first, None) in g:
        return "/".join(_path_text(g, p) for p in Collection(g, path))
    return str(path)


def _result(rg: rdflib.Graph, node, shapes: rdflib.Graph, context: _Context) -> ValidationResult:
    source = rg.value(node, SH.sourceShape)
    owner = _named_owner(shapes, source) if source is not None else None
    severity = str(rg.value(node, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
    engine_message = str(rg.value(node, SH.resultMessage) or "")
    own_message = shapes.value(source, SH.message) if source is not None else None
    if own_message is not None:
        message, detail = engine_message or str(own_message), None
    else:
        owner_message = shapes.value(owner, SH.message) if owner is not None else None
        message = str(owner_message) if owner_message is not None else engine_message
        detail = engine_message if engine_message and engine_message != message else None
    rule = compact(str(owner)) if isinstance(owner, rdflib.URIRef) else (
        "(anonymous shape)" if owner is None or isinstance(owner, rdflib.BNode) else str(owner))
    holder = owner
    if isinstance(owner, rdflib.URIRef) and (owner, RDF.type, SH.NodeShape) not in shapes:
        holder = _named_owner(shapes, _parent(shapes, owner)) if _parent(shapes, owner) is not None else None
    node_shape = compact(str(holder)) if isinstance(holder, rdflib.URIRef) else None
    label_node = source if isinstance(source, rdflib.URIRef) else owner
    label = str(shapes.value(label_node, RDFS.label) or "") if label_node is not None else ""
    focus = rg.value(node, SH.focusNode)
    value = rg.value(node, SH.value)
    path_node = rg.value(node, SH.resultPath)
    path = _path_text(rg, path_node)
    if path is None and path_node is None and source is not None:
        path = _path_text(shapes, shapes.value(source, SH.path))
    value_term = value.n3() if isinstance(value, (rdflib.URIRef, rdflib.Literal)) else _term_value(value)
    where = context.locate(focus, path_node, value)
    return ValidationResult(
        severity=severity, rule=rule, rule_label=label, message=message, focus=_term_value(focus) or "",
        path=path, value=_term_value(value), value_term=value_term,
        component=compact(str(rg.value(node, SH.sourceConstraintComponent) or "")), node_shape=node_shape,
        detail=detail, **where)


def compact(iri: str) -> str:
    """An IRI with a known prefix, e.g. ``ung:recalls``; other IRIs unchanged.

    >>> compact("https://w3id.org/ungraph/shapes#DocumentShape")
    'ungsh:DocumentShape'
    """
    for p, ns in COMPACT.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


# --------------------------------------------------------------------------------------
# Context: which document, paragraph and words a result concerns
# --------------------------------------------------------------------------------------

class _Context:
    """Looks results up in the data graph: focus node -> document, paragraph, span."""

    def __init__(self, store: ox.Store):
        self.store = store
        self._cache: dict = {}

    def _rows(self, query: str, **bindings) -> list[dict]:
        subs = {ox.Variable(k): _ox_term(v) for k, v in bindings.items()}
        # pyoxigraph substitutes only variables of the projection
        query = re.sub(r"^\s*SELECT\s+", "SELECT " + "".join(f"?{k} " for k in bindings), query, count=1)
        res = self.store.query(vocab.SPARQL_PREFIXES + query, substitutions=subs)
        names = [v.value for v in res.variables]
        return [{n: s[n] for n in names} for s in res]

    def types(self, node: str) -> set[str]:
        key = ("types", node)
        if key not in self._cache:
            self._cache[key] = {r["t"].value for r in self._rows("SELECT ?t WHERE { ?n a ?t }", n=node)}
        return self._cache[key]

    def one(self, node: str, prop: str) -> ox.Literal | ox.NamedNode | None:
        rows = self._rows(f"SELECT ?v WHERE {{ ?n <{prop}> ?v }} ORDER BY ?v LIMIT 1", n=node)
        return rows[0]["v"] if rows else None

    def document_info(self, doc: str | None) -> dict:
        if doc is None:
            return {}
        key = ("doc", doc)
        if key not in self._cache:
            f = self.one(doc, vocab.UNG + "sourceFile")
            s = self.one(doc, vocab.UNG + "symbol")
            t = self.one(doc, vocab.DCTERMS + "title")
            self._cache[key] = {"document": doc, "source_file": f.value if f else None,
                                "symbol": s.value if s else None, "title": t.value if t else None}
        return self._cache[key]

    def holder_info(self, holder: str) -> dict:
        """A paragraph or footnote: its document, label and text."""
        types = self.types(holder)
        text = self.one(holder, vocab.UNG + "text")
        info = {"paragraph": holder, "paragraph_text": text.value if text else None}
        if vocab.UNG + "Footnote" in types:
            marker = self.one(holder, vocab.UNG + "marker")
            info["paragraph_label"] = f"footnote {marker.value if marker else '?'}"
            rows = self._rows("""SELECT ?d WHERE {
                { ?d ung:hasFootnote ?f . ?d ung:sourceFile ?sf }
                UNION { ?p ung:hasFootnote ?f . ?p dcterms:isPartOf ?d }
            } ORDER BY ?d LIMIT 1""", f=holder)
            doc = rows[0]["d"].value if rows else None
        else:
            kind = next((_PARAGRAPH_KIND[t] for t in types if t in _PARAGRAPH_KIND), "paragraph")
            number = self.one(holder, vocab.UNG + "paragraphNumber") or self.one(holder, vocab.UNG + "order")
            info["paragraph_label"] = f"{kind} {number.value}" if number else kind
            d = self.one(holder, vocab.DCTERMS + "isPartOf")
            doc = d.value if d else None
        return {**self.document_info(doc), **info}

    def span(self, node: str, start_prop: str = "start", end_prop: str = "end") -> dict:
        s = self.one(node, vocab.UNG + start_prop)
        e = self.one(node, vocab.UNG + end_prop)
        try:
            return {"start": int(s.value), "end": int(e.value)} if s and e else {}
        except ValueError:
            return {}

    def _with_words(self, info: dict, span: dict) -> dict:
        text = info.get("paragraph_text")
        if text and span and 0 <= span["start"] <= span["end"] <= len(text):
            return {**info, **span, "words": text[span["start"]:span["end"]]}
        return info

    def reference_info(self, ref: str) -> dict:
        holder = self._rows("SELECT ?h WHERE { ?h ung:hasReference ?r } ORDER BY ?h LIMIT 1", r=ref)
        if not holder:
            return {}
        return self._with_words(self.holder_info(holder[0]["h"].value), self.span(ref))

    def action_info(self, action: str, path: str | None = None) -> dict:
        para = self._rows("SELECT ?p WHERE { ?p ung:hasAction ?a } ORDER BY ?p LIMIT 1", a=action)
        if not para:
            return {}
        clause = path and ("clause" in path)
        span = self.span(action, "clauseStart", "clauseEnd") if clause else self.span(action)
        return self._with_words(self.holder_info(para[0]["p"].value), span)

    def evidence_for_document(self, target: str, within: str | None = None, date: str | None = None) -> dict:
        """The first reference (in ``within``, if given) that refers to ``target``."""
        rows = self._rows("""SELECT ?ref ?words WHERE {
            ?ref ung:refersTo ?target ; ung:text ?words .
            ?holder ung:hasReference ?ref .
            OPTIONAL { ?holder dcterms:isPartOf ?d1 } OPTIONAL { ?d2 ung:hasFootnote ?holder . ?d2 ung:sourceFile ?f2 }
            OPTIONAL { ?p3 ung:hasFootnote ?holder . ?p3 dcterms:isPartOf ?d3 }
            BIND(COALESCE(?d1, ?d2, ?d3) AS ?doc)
            OPTIONAL { ?doc ung:sourceFile ?file }
        } ORDER BY ?file ?ref""", target=target)
        if within:
            rows = [r for r in rows if self.reference_doc(r["ref"].value) == within]
        if date:
            printed = _printed_dates(date)
            dated = [r for r in rows if any(p in r["words"].value for p in printed)]
            rows = dated or rows
        return self.reference_info(rows[0]["ref"].value) if rows else {}

    def reference_doc(self, ref: str) -> str | None:
        return self.reference_info(ref).get("document")

    def evidence_for_body(self, body: str, within: str | None = None) -> dict:
        """The first action addressing ``body`` (else the first paragraph mentioning it)."""
        rows = self._rows("""SELECT ?a ?d WHERE { ?p ung:hasAction ?a . ?a ung:addressee ?b . ?p dcterms:isPartOf ?d .
                              OPTIONAL { ?d ung:sourceFile ?f } } ORDER BY ?f ?a""", b=body)
        rows = [r for r in rows if within is None or r["d"].value == within]
        if rows:
            return self._mark_body(self.action_info(rows[0]["a"].value), body)
        rows = self._rows("""SELECT ?p ?d WHERE { ?p ung:mentions ?b ; dcterms:isPartOf ?d .
                              OPTIONAL { ?d ung:sourceFile ?f } } ORDER BY ?f ?p""", b=body)
        rows = [r for r in rows if within is None or r["d"].value == within]
        if not rows and within is None:  # nothing links to the body: where is its name printed?
            rows = self._rows("""SELECT ?p WHERE { ?b skos:prefLabel ?l . ?p ung:text ?t ; dcterms:isPartOf ?d .
                                  ?d ung:sourceFile ?f . FILTER(CONTAINS(?t, STR(?l))) }
                                  ORDER BY ?f ?p LIMIT 1""", b=body)
        return self._mark_body(self.holder_info(rows[0]["p"].value), body) if rows else self.document_info(within)

    def _mark_body(self, info: dict, body: str) -> dict:
        """Mark the first name of ``body`` (preferred or alternative label) in the paragraph text."""
        text = info.get("paragraph_text") or ""
        labels = [r["l"].value for r in self._rows(
            "SELECT ?l WHERE { ?b skos:prefLabel|skos:altLabel ?l }", b=body)]
        hits = [(text.find(label), label) for label in labels if label and text.find(label) >= 0]
        if not hits:
            return info
        start, label = min(hits, key=lambda h: (h[0], -len(h[1])))
        return {**info, "start": start, "end": start + len(label), "words": label}

    def locate(self, focus, path, value) -> dict:
        """The document/paragraph/words fields of a result about ``focus``."""
        if not isinstance(focus, rdflib.URIRef):
            return {}
        node = str(focus)
        types = self.types(node)
        u = vocab.UNG
        path_s = str(path) if isinstance(path, rdflib.URIRef) else None
        if types & set(_PARAGRAPH_KIND) or u + "Footnote" in types:
            return self.holder_info(node)
        if u + "Reference" in types:
            return self.reference_info(node)
        if types & {u + "Action", u + "DirectiveAction", u + "EvaluativeAction", u + "OtherAction"}:
            return self.action_info(node, path_s)
        value_iri = str(value) if isinstance(value, rdflib.URIRef) else None
        if isinstance(value, rdflib.Literal) and path_s == u + "adoptionDate":  # where was this date printed?
            found = self.evidence_for_document(node, date=str(value))
            if found:
                return found
        if self.one(node, u + "sourceFile") is not None:  # a corpus document
            if value_iri:
                vtypes = self.types(value_iri)
                if u + "Body" in vtypes or path_s in (u + "addressee", u + "invites", u + "encourages", u + "urges",
                                                      u + "callsUpon", u + "requests", u + "mentions", u + "concerns"):
                    return self.evidence_for_body(value_iri, within=node) or self.document_info(node)
                found = self.evidence_for_document(value_iri, within=node)
                if found:
                    return found
            return self.document_info(node)
        if u + "Body" in types or vocab.ORG + "Organization" in types:
            return self.evidence_for_body(node)
        if self.one(node, u + "symbol") is not None or types:  # a document only cited: where it is cited
            return self.evidence_for_document(node) or self.document_info(node)
        return {}


def _printed_dates(iso: str) -> list[str]:
    """How a date is printed in UN texts: '13 October 1993'."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not m:
        return []
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= mo <= 12:
        return []
    return [f"{d} {MONTH_NAMES[mo - 1]} {y}"]


def _ox_term(value) -> ox.NamedNode:
    return value if isinstance(value, (ox.NamedNode, ox.Literal)) else ox.NamedNode(str(value))


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------

def to_json(report: ValidationReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def to_turtle(report: ValidationReport) -> str:
    """The engine's standard ``sh:ValidationReport`` as Turtle."""
    if report.report_graph is None:
        raise ValidationError("this report has no SHACL report graph")
    out = io.BytesIO()
    report.report_graph.serialize(out, format="turtle")
    return out.getvalue().decode("utf-8")


def _value_text(r: ValidationResult) -> str | None:
    if r.value_term is None:
        return None
    if r.value_term.startswith("<") and r.value_term.endswith(">"):
        return compact(r.value_term[1:-1])
    m = re.fullmatch(r'(".*")\^\^<(.+)>', r.value_term, flags=re.S)
    if m:
        return f"{m[1]}^^{compact(m[2])}"
    return r.value_term


def summary_rows(report: ValidationReport) -> list[tuple[str, str, int, str]]:
    """(severity, rule, count, label) for each rule that produced results."""
    return [(sev, rule, len(rs), rs[0].rule_label) for sev, rule, rs in report.by_rule()]


def to_text(report: ValidationReport, limit: int = 20) -> str:
    """A summary grouped by rule and severity, then each result with its context.

    ``limit`` caps the results shown per rule (0 shows all).
    """
    lines = [f"{report.graph or 'graph'}: {report.one_line().removeprefix('validated: ')}",
             f"engine {report.engine}, {report.triples:,} triples, {report.seconds:.1f} s"]
    if not report.results:
        lines.append("No results: every shape is satisfied.")
        return "\n".join(lines) + "\n"
    lines += ["", "Summary by rule:"]
    rows = summary_rows(report)
    width = max(len(rule) for _, rule, _, _ in rows)
    for sev, rule, n, label in rows:
        lines.append(f"  {sev:<9} {n:>5}  {rule:<{width}}  {label}")
    for sev, rule, results in report.by_rule():
        lines += ["", f"{sev} — {rule} ({len(results)}): {results[0].rule_label}".rstrip(": ")]
        why = report.rules.get(rule, {}).get("comment")
        if why:
            lines.append(f"  why: {why}")
        shown = results if limit <= 0 else results[:limit]
        for r in shown:
            lines.append(f"  - {r.message}")
            lines.append(f"      focus  {compact(r.focus)}")
            if r.path:
                lines.append(f"      path   {r.path}")
            if r.value_term is not None and r.value != r.focus:
                lines.append(f"      value  {_value_text(r)}")
            if r.where:
                lines.append(f"      where  {r.where}")
            text = r.excerpt()
            if text:
                lines.append(f"      text   {text}")
        if len(shown) < len(results):
            lines.append(f"  … and {len(results) - len(shown)} more (use --limit 0 to see all)")
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{text-align:left;padding:.25rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
.sev-Violation{color:#a40000}.sev-Warning{color:#8a5a00}.sev-Info{color:#1f4e8c}
.badge{font-weight:600} .ok{color:#1b6e20;font-weight:600} .bad{color:#a40000;font-weight:600}
.result{border-left:3px solid #ddd;margin:.8rem 0;padding:.2rem .8rem} .result.Violation{border-color:#a40000}
.result.Warning{border-color:#d69a00}.result.Info{border-color:#1f4e8c}
.why{color:#555;font-style:italic} code{font-size:.92em;word-break:break-all} mark{background:#ffe27a}
.text{background:#f7f7f7;padding:.4rem .6rem;white-space:pre-wrap}
dt{font-weight:600;float:left;width:5.5rem;clear:left}
dd{margin-left:6rem} .more{color:#555}
"""


def to_html(report: ValidationReport, limit: int = 0) -> str:
    """A self-contained page (no scripts, no external files); every value is escaped."""
    e = html.escape
    c = report.counts()
    state = ('<span class="ok">conforms</span>' if report.conforms else '<span class="bad">does not conform</span>')
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>ungraph validation: {e(report.graph or 'graph')}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>Validation of <code>{e(report.graph or 'graph')}</code></h1>",
           f"<p>The graph {state}: {c['violations']} violation(s), {c['warnings']} warning(s), {c['info']} info. "
           f"Engine {e(report.engine)}, {report.triples:,} triples, {report.seconds:.1f} s.</p>"]
    if report.results:
        out.append("<table><thead><tr><th>severity</th><th>results</th><th>rule</th><th>what</th></tr></thead><tbody>")
        for i, (sev, rule, n, label) in enumerate(summary_rows(report)):
            out.append(f'<tr><td class="sev-{e(sev)} badge">{e(sev)}</td><td>{n}</td>'
                       f'<td><a href="#rule-{i}"><code>{e(rule)}</code></a></td><td>{e(label)}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append("<p>No results: every shape is satisfied.</p>")
    for i, (sev, rule, results) in enumerate(report.by_rule()):
        out.append(f'<section id="rule-{i}"><h2><span class="sev-{e(sev)}">{e(sev)}</span> '
                   f"<code>{e(rule)}</code> ({len(results)}) {e(results[0].rule_label)}</h2>")
        why = report.rules.get(rule, {}).get("comment")
        if why:
            out.append(f'<p class="why">Why: {e(why)}</p>')
        shown = results if limit <= 0 else results[:limit]
        for r in shown:
            out.append(f'<div class="result {e(r.severity)}"><p>{e(r.message)}</p><dl>')
            out.append(f"<dt>focus</dt><dd><code>{e(r.focus)}</code></dd>")
            if r.path:
                out.append(f"<dt>path</dt><dd><code>{e(r.path)}</code></dd>")
            if r.value_term is not None and r.value != r.focus:
                out.append(f"<dt>value</dt><dd><code>{e(r.value_term)}</code></dd>")
            if r.where:
                out.append(f"<dt>where</dt><dd>{e(r.where)}</dd>")
            if r.title:
                out.append(f"<dt>title</dt><dd>{e(r.title)}</dd>")
            out.append("</dl>")
            if r.paragraph_text:
                out.append(f'<div class="text">{_marked_html(r)}</div>')
            out.append("</div>")
        if len(shown) < len(results):
            out.append(f'<p class="more">… and {len(results) - len(shown)} more.</p>')
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _marked_html(r: ValidationResult) -> str:
    e = html.escape
    t = r.paragraph_text or ""
    if r.start is not None and r.end is not None and 0 <= r.start <= r.end <= len(t):
        return e(t[:r.start]) + "<mark>" + e(t[r.start:r.end]) + "</mark>" + e(t[r.end:])
    return e(t)


def render(report: ValidationReport, fmt: str = "text", limit: int = 20) -> str:
    """The report in one of :data:`FORMATS`."""
    if fmt == "text":
        return to_text(report, limit)
    if fmt == "html":
        return to_html(report, limit)
    if fmt == "json":
        return to_json(report)
    if fmt == "turtle":
        return to_turtle(report)
    raise ValidationError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def rules_markdown(path: str | Path | None = None) -> str:
    """The table of rules for docs/validation.md: each node shape, then the named property
    shapes it holds (marked ↳), in the order of the shapes file."""
    path = Path(path) if path else default_shapes()
    g = rdflib.Graph().parse(path, format=_rdflib_format(str(path)))
    order = {name: i for i, name in enumerate(re.findall(r"^ungsh:([\w-]+)\s*$", path.read_text(), flags=re.M))}

    def key(node) -> int:
        return order.get(str(node)[len(SHAPES_NS):], len(order))

    structural = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.property,
                  SH.message, SH.severity}

    def severity(node) -> str:
        sev = g.value(node, SH.severity)
        if sev is not None:
            return str(sev).rsplit("#", 1)[-1]
        own = [p for p in g.predicates(node) if str(p).startswith(str(SH)) and p not in structural]
        own += [c for c in g.objects(node, SH.property) if isinstance(c, rdflib.BNode)]
        return "Violation" if own or (node, RDF.type, SH.PropertyShape) in g else "—"

    def row(node, prefix="") -> str:
        cells = [f"{prefix}`{compact(str(node))}`", severity(node), str(g.value(node, RDFS.label) or ""),
                 str(g.value(node, RDFS.comment) or "")]
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    lines = ["| rule | severity | checks | why |", "| --- | --- | --- | --- |"]
    for node in sorted((s for s in g.subjects(RDF.type, SH.NodeShape) if isinstance(s, rdflib.URIRef)), key=key):
        lines.append(row(node))
        for child in sorted((c for c in g.objects(node, SH.property) if isinstance(c, rdflib.URIRef)), key=key):
            lines.append(row(child, "↳ "))
    return "\n".join(lines) + "\n"
