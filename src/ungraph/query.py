"""Saved SPARQL queries, safe parameters and the backends that run them.

A saved query is a ``.rq`` file in ``queries/`` whose leading comment block documents it::

    # Question: Which documents recall a given resolution?
    #
    # @param symbol: A/RES/48/2 (string) the symbol of the recalled resolution
    #
    # Example (bundled corpus):
    #   symbol        title
    #   ...
    SELECT ?symbol ?title WHERE { ?d ung:recalls ?r . ?r ung:symbol ?symbol ... }

Parameters are never pasted into the query text as text. Each value is validated against
its declared type and turned into an RDF term by pyoxigraph (which rejects malformed IRIs);
the term's canonical N-Triples form, escaped by pyoxigraph, is then placed in a ``VALUES``
block inserted at the start of the outermost ``WHERE`` group. A value can only ever be one
term in that block: quotes, backslashes and newlines are escaped inside a string literal,
and an IRI containing ``>``, spaces or braces is refused. The same block is used by every
backend (embedded pyoxigraph, rdflib, a remote endpoint), so a query gives the same rows
wherever it runs.

A ``body`` parameter takes a body's name, acronym or key (``UNCTAD``, ``unctad``, ``United
Nations Conference on Trade and Development``, ``SecretaryGeneral``) or its IRI. The name is
first looked up in the graph, by a query where it is itself bound as a string literal, and
the IRIs found are bound: engines then start from the body, not from every paragraph.

>>> bind('SELECT ?d WHERE { ?d ung:symbol ?symbol }', {"symbol": [parse_value("symbol", 'A/RES/48/2"}', "string")]})
'SELECT ?d WHERE { VALUES ?symbol { "A/RES/48/2\\\\"}" } ?d ung:symbol ?symbol }'
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from . import vocab
from .store import open_graph, python_value

PARAM_TYPES = ("string", "integer", "decimal", "date", "iri", "boolean", "body")
DEFAULT_TIMEOUT = 30.0

__all__ = [
    "Param", "SavedQuery", "Result", "QueryError", "ParameterError", "MalformedQuery", "EndpointError",
    "EmbeddedStore", "RdflibStore", "Endpoint", "queries_dir", "saved_queries", "load_query",
    "parse_header", "parse_value", "bind", "bindings_for", "run", "resolve", "format_table",
    "format_csv", "format_json", "FORMATTERS", "results_from_json",
]


class QueryError(Exception):
    """A query that cannot be run; the message is one line that names the problem."""


class ParameterError(QueryError):
    """A parameter value that does not fit its declared type, or an unknown parameter."""


class MalformedQuery(QueryError):
    """A query the SPARQL parser refused."""


class EndpointError(QueryError):
    """A remote endpoint that is down, too slow, or answered with an error."""


# --------------------------------------------------------------------------- saved queries

@dataclass(frozen=True)
class Param:
    """A declared parameter: ``# @param symbol: A/RES/48/2 (string) the recalled resolution``."""

    name: str
    default: str
    type: str = "string"
    doc: str = ""


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file and the documentation in its header."""

    name: str                      # the file stem: what ``ungraph query NAME`` takes
    text: str                      # the whole file, header included (comments are valid SPARQL)
    question: str = ""
    params: tuple[Param, ...] = ()
    example: str = ""              # a real output, as the header shows it
    params_documented: bool = False  # a "Parameters:" line or at least one @param
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_PARAM_RE = re.compile(r"@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*?)\s*\((" + "|".join(PARAM_TYPES)
                       + r")\)(?:\s+(.*))?$")


def _header_lines(text: str) -> list[str]:
    """The leading comment block, without the ``#`` marks."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            out.append("")
            continue
        if not stripped.startswith("#"):
            break
        body = stripped[1:]
        out.append(body[1:] if body.startswith(" ") else body)
    return out


def parse_header(text: str, name: str = "query", path: Path | None = None) -> SavedQuery:
    """Read the documentation block of a query.

    >>> q = parse_header("# Question: Who?\\n# @param body: ECO (string) a body\\n"
    ...                  "# Example:\\n#   n\\n#   1\\nSELECT ?n {}")
    >>> q.question, q.params, q.example
    ('Who?', (Param(name='body', default='ECO', type='string', doc='a body'),), 'n\\n1')
    """
    question: list[str] = []
    example: list[str] = []
    params: list[Param] = []
    documented = False
    section = None
    for line in _header_lines(text):
        head = line.strip()
        low = head.lower()
        if low.startswith("question:"):
            section = "question"
            head = head.split(":", 1)[1].strip()
            if head:
                question.append(head)
            continue
        if low.startswith("parameters:") or low.startswith("params:"):
            section = "params"
            documented = True
            continue
        if low.startswith("example"):
            section = "example"
            continue
        if head.startswith("@param"):
            documented = True
            section = "params"
            m = _PARAM_RE.match(head)
            if not m:
                raise ParameterError(f"{name}: cannot read the declaration {head!r}; write "
                                     f"'# @param NAME: DEFAULT (TYPE) description', TYPE one of "
                                     + ", ".join(PARAM_TYPES))
            pname, default, ptype, doc = m.groups()
            params.append(Param(pname, default, ptype, (doc or "").strip()))
            continue
        if section == "question":
            if head:
                question.append(head)
            else:
                section = None
        elif section == "example":
            example.append(line.rstrip())
    while example and not example[-1].strip():
        example.pop()
    while example and not example[0].strip():
        example.pop(0)
    indent = min((len(x) - len(x.lstrip()) for x in example if x.strip()), default=0)
    return SavedQuery(name=name, text=text, question=" ".join(question), params=tuple(params),
                      example="\n".join(x[indent:] for x in example), params_documented=documented,
                      path=path)


def load_query(path: Path) -> SavedQuery:
    path = Path(path)
    return parse_header(path.read_text(encoding="utf-8"), path.stem, path)


def queries_dir() -> Path:
    """Where the saved queries live: ``$UNGRAPH_QUERIES``, the repository's ``queries/``, the
    copy installed with the package, or ``./queries``."""
    env = os.environ.get("UNGRAPH_QUERIES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "queries", here / "resources" / "queries"):
        if candidate.is_dir():
            return candidate
    return Path("queries")


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query, by name (the file stem), sorted by name."""
    directory = Path(directory) if directory else queries_dir()
    if not directory.is_dir():
        return {}
    return {p.stem: load_query(p) for p in sorted(directory.glob("*.rq"))}


def resolve(spec: str, directory: Path | None = None) -> SavedQuery:
    """``QUERY.rq`` (a file), ``NAME`` (a saved query) or SPARQL text -> a query to run."""
    candidate = Path(spec)
    if "\n" not in spec and len(spec) < 4096:
        try:
            if candidate.is_file():
                return load_query(candidate)
        except OSError:
            pass
        saved = saved_queries(directory)
        if spec in saved:
            return saved[spec]
        if re.fullmatch(r"[\w.-]+", spec):
            names = ", ".join(saved) or "none found"
            raise QueryError(f"no saved query or file named {spec!r}; saved queries: {names}")
    return parse_header(spec, "query")


# --------------------------------------------------------------------------- parameters

_XSD = {t: ox.NamedNode(vocab.XSD + t) for t in ("integer", "decimal", "date", "boolean")}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def parse_value(name: str, value: str, type_: str) -> ox.NamedNode | ox.Literal:
    """One parameter value as an RDF term, validated against its declared type.

    >>> parse_value("n", "12", "integer")
    <Literal value=12 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    >>> parse_value("n", "12; DROP", "integer")
    Traceback (most recent call last):
    ...
    ungraph.query.ParameterError: bad parameter n='12; DROP': not an integer
    """
    def bad(why: str) -> ParameterError:
        return ParameterError(f"bad parameter {name}={value!r}: {why}")

    value = str(value)
    try:
        if type_ == "string":
            return ox.Literal(value)
        if type_ == "integer":
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise bad("not an integer")
            return ox.Literal(str(int(value)), datatype=_XSD["integer"])
        if type_ == "decimal":
            if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value.strip()):
                raise bad("not a decimal number")
            return ox.Literal(value.strip(), datatype=_XSD["decimal"])
        if type_ == "date":
            try:
                return ox.Literal(date.fromisoformat(value.strip()).isoformat(), datatype=_XSD["date"])
            except ValueError:
                raise bad("not a date (YYYY-MM-DD)") from None
        if type_ == "boolean":
            low = value.strip().lower()
            if low not in ("true", "false", "1", "0", "yes", "no"):
                raise bad("not a boolean (true or false)")
            return ox.Literal("true" if low in ("true", "1", "yes") else "false", datatype=_XSD["boolean"])
        if type_ == "iri":
            iri = value.strip()
            m = re.fullmatch(r"([A-Za-z][\w-]*):([^/].*)?", iri)
            if m and m.group(1) in vocab.PREFIXES:
                iri = vocab.PREFIXES[m.group(1)] + (m.group(2) or "")
            if _IRI_FORBIDDEN.search(iri):
                raise bad("not an IRI (spaces, quotes, <, >, braces and backslashes are not allowed)")
            try:
                return ox.NamedNode(iri)
            except ValueError as exc:
                raise bad(f"not an absolute IRI ({exc})") from None
    except (UnicodeError, TypeError) as exc:
        raise bad(f"cannot be written as an RDF term ({exc})") from None
    except ValueError as exc:
        raise bad(str(exc)) from None
    if type_ == "body":
        if re.match(r"https?://", value.strip()):
            return parse_value(name, value, "iri")
        raise bad("a body's name must be looked up in a graph (see body_terms)")
    raise ParameterError(f"parameter {name} has unknown type {type_!r}")


BODY_LOOKUP = f"""SELECT DISTINCT ?b WHERE {{
  ?b a ung:Body ; skos:prefLabel ?pref .
  OPTIONAL {{ ?b skos:altLabel ?alt }}
  FILTER(LCASE(STR(?pref)) = LCASE(?name) || LCASE(STR(?alt)) = LCASE(?name)
         || STR(?b) = CONCAT("{vocab.BODY}", ?name))
}} ORDER BY ?b"""


def body_terms(name: str, value: str, backend: Backend | None) -> list[ox.NamedNode]:
    """The IRIs of the bodies a ``body`` parameter names (label or acronym, any case; key; IRI)."""
    value = str(value).strip()
    if re.match(r"https?://", value):
        return [parse_value(name, value, "iri")]
    if not value:
        raise ParameterError(f"bad parameter {name}={value!r}: give a body's name, acronym or key")
    if backend is None:
        raise ParameterError(f"bad parameter {name}={value!r}: a body's name can only be looked up in a graph")
    rows = backend.run(bind(BODY_LOOKUP, {"name": [ox.Literal(value)]})).rows
    if not rows:
        raise ParameterError(f"bad parameter {name}={value!r}: no body of the graph has this name, "
                             "acronym or key")
    return [ox.NamedNode(r[0]) for r in rows]


def bindings_for(query: SavedQuery, given: Iterable[tuple[str, str]] = (),
                 backend: Backend | None = None) -> dict[str, list]:
    """The terms to bind: every declared parameter (its default unless given) plus, for a query
    that declares none, the given values as strings. A parameter may be given several times.
    ``backend`` is where the names of ``body`` parameters are looked up."""
    text = strip_comments(query.text)
    values: dict[str, list[str]] = {}
    for name, value in given:
        values.setdefault(name, []).append(value)
    declared = {p.name: p for p in query.params}
    out: dict[str, list] = {}
    for name, vals in values.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ParameterError(f"bad parameter name {name!r}: use letters, digits and _")
        if declared and name not in declared:
            raise ParameterError(f"unknown parameter {name!r} for {query.name}; it takes: "
                                 + ", ".join(declared))
        if not re.search(rf"[?$]{name}\b", text):
            raise ParameterError(f"unknown parameter {name!r}: {query.name} has no variable ?{name}")
        type_ = declared[name].type if name in declared else "string"
        out[name] = _terms(name, vals, type_, backend)
    for p in query.params:
        if p.name not in out:
            out[p.name] = _terms(p.name, [p.default], p.type, backend)
    return out


def _terms(name: str, values: list[str], type_: str, backend: Backend | None) -> list:
    if type_ == "body":
        return list(dict.fromkeys(t for v in values for t in body_terms(name, v, backend)))
    return [parse_value(name, v, type_) for v in values]


# --------------------------------------------------------------------------- query text

_IRI_RE = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING_RE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                        r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'', re.S)
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _tokens(query: str):
    """(position, kind, text) of the structural tokens of a query: words, braces.
    Strings, IRIs, comments, variables and prefixed names are skipped."""
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            m = _STRING_RE.match(query, i)
            i = m.end() if m else i + 1
        elif c == "<":
            m = _IRI_RE.match(query, i)
            i = m.end() if m else i + 1
        elif c in "?$":
            m = _WORD_RE.match(query, i + 1)
            i = m.end() if m else i + 1
        elif c in "{}":
            yield i, c, c
            i += 1
        elif c.isalpha() or c == "_":
            m = re.compile(r"[\w.:-]*").match(query, i)
            word = m.group(0)
            if ":" not in word:
                yield i, "word", word.upper()
            i = m.end()
        else:
            i += 1


def query_form(query: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (``""`` when none is found)."""
    for _, kind, word in _tokens(query):
        if kind == "word" and word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word
    return ""


def strip_comments(query: str) -> str:
    """The query without its ``#`` comments (strings and IRIs keep theirs)."""
    out, i, n = [], 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'" or c == "<":
            m = (_STRING_RE if c != "<" else _IRI_RE).match(query, i)
            j = m.end() if m else i + 1
            out.append(query[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _where_brace(query: str) -> int:
    """Position of the ``{`` that opens the outermost WHERE group."""
    toks = list(_tokens(query))
    depth, first_brace, after_where = 0, None, False
    for pos, kind, word in toks:
        if kind == "word" and word == "WHERE" and depth == 0:
            after_where = True
        elif kind == "{":
            if depth == 0 and after_where:
                return pos
            if depth == 0 and first_brace is None:
                first_brace = pos
            depth += 1
        elif kind == "}":
            depth = max(depth - 1, 0)
    # "SELECT * { ... }" and "ASK { ... }" have no WHERE keyword
    if first_brace is not None and query_form(query) != "CONSTRUCT":
        return first_brace
    raise MalformedQuery("malformed query: no WHERE { ... } group found")


def values_block(bindings: Mapping[str, Sequence]) -> str:
    """``VALUES ?name { term ... }`` for each parameter, terms in N-Triples syntax."""
    return " ".join(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}"
                    for name, terms in bindings.items())


def bind(query: str, bindings: Mapping[str, Sequence]) -> str:
    """The query with a VALUES block for ``bindings`` at the start of its WHERE group."""
    if not bindings:
        return query
    at = _where_brace(query) + 1
    return f"{query[:at]} {values_block(bindings)}{query[at:]}"


# --------------------------------------------------------------------------- results

@dataclass
class Result:
    """Rows of a SELECT (or the one boolean of an ASK) as plain Python values."""

    columns: list[str]
    rows: list[tuple] = field(default_factory=list)

    def dicts(self) -> list[dict[str, object]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


def _compact(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    s = str(value)
    for prefix, ns in vocab.PREFIXES.items():
        if s.startswith(ns) and len(s) > len(ns) and re.fullmatch(r"[\w.-]+", s[len(ns):]):
            return f"{prefix}:{s[len(ns):]}"
    return s


def format_table(result: Result, max_width: int = 80) -> str:
    """A plain aligned text table (long cells shortened with an ellipsis).

    >>> print(format_table(Result(["body", "n"], [("ECO", 3), ("African Union", 12)])))
    body           n
    -------------  --
    ECO            3
    African Union  12
    (2 rows)
    """
    cells = [[_compact(v).replace("\n", " ") for v in r] for r in result.rows]
    cells = [[c if len(c) <= max_width else c[:max_width - 1] + "…" for c in r] for r in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines)


def format_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(result.columns)
    for r in result.rows:
        w.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v) for v in r])
    return buf.getvalue()


def format_json(result: Result) -> str:
    return json.dumps(result.dicts(), indent=2, ensure_ascii=False)


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}


# --------------------------------------------------------------------------- backends

class Backend(Protocol):
    """Anything that runs SPARQL text and returns rows."""

    name: str

    def run(self, sparql: str) -> Result: ...


def _error_line(exc: Exception, limit: int = 200) -> str:
    """One line, at most ``limit`` characters (parsers list every token they expected)."""
    line = " ".join(str(exc).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class EmbeddedStore:
    """The default: the graph file loaded into pyoxigraph (via :func:`ungraph.store.open_graph`)."""

    name = "oxigraph"

    def __init__(self, graph: Path | ox.Store):
        self.store = graph if isinstance(graph, ox.Store) else open_graph(Path(graph))

    def run(self, sparql: str) -> Result:
        try:
            results = self.store.query(sparql, prefixes=dict(vocab.PREFIXES))
        except SyntaxError as exc:
            raise MalformedQuery(f"malformed query: {_error_line(exc)}") from exc
        if isinstance(results, ox.QueryBoolean):
            return Result(["ask"], [(bool(results),)])
        if isinstance(results, ox.QueryTriples):
            raise QueryError("only SELECT and ASK queries print rows; use SELECT for CONSTRUCT/DESCRIBE")
        names = [v.value for v in results.variables]
        # a solution iterates over its values in the order of the variables (by name is slower)
        return Result(names, [tuple(map(python_value, sol)) for sol in results])


def _from_rdflib(t):
    """An rdflib term of an rdflib result row as the pyoxigraph term python_value reads."""
    import rdflib

    if t is None:
        return None
    if isinstance(t, rdflib.URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, rdflib.BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, rdflib.Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    return ox.Literal(str(t))


class RdflibStore:
    """rdflib's in-memory store: slower, kept selectable for comparison (``--store rdflib``)."""

    name = "rdflib"

    def __init__(self, graph: Path):
        import rdflib

        from .rdf import rdf_format

        path = Path(graph)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such graph file")
        fmt = rdf_format(path)
        rdflib_format = {"turtle": "turtle", "n-triples": "nt", "n-quads": "nquads", "trig": "trig",
                         "json-ld": "json-ld", "rdf/xml": "xml"}.get(fmt.name.lower(), "turtle")
        self.graph = rdflib.Dataset() if fmt.supports_datasets else rdflib.Graph()
        try:
            with warnings.catch_warnings():   # rdflib's own Dataset internals warn about themselves
                warnings.simplefilter("ignore", DeprecationWarning)
                self.graph.parse(str(path), format=rdflib_format)
        except Exception as exc:  # rdflib raises many parser-specific types
            raise ValueError(f"{path.name}: not a readable {fmt.name} graph ({_error_line(exc)})") from exc

    def run(self, sparql: str) -> Result:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                res = self.graph.query(sparql, initNs=dict(vocab.PREFIXES))
                rows = list(res) if res.type == "SELECT" else []
        except Exception as exc:
            if type(exc).__name__ in ("ParseException", "ParseSyntaxException") or isinstance(exc, SyntaxError):
                raise MalformedQuery(f"malformed query: {_error_line(exc)}") from exc
            raise QueryError(f"rdflib could not run the query: {_error_line(exc)}") from exc
        if res.type == "ASK":
            return Result(["ask"], [(bool(res.askAnswer),)])
        if res.type != "SELECT":
            raise QueryError("only SELECT and ASK queries print rows; use SELECT for CONSTRUCT/DESCRIBE")
        names = [str(v) for v in res.vars]
        return Result(names, [tuple(python_value(_from_rdflib(v)) for v in row) for row in rows])


def _json_term(b: dict | None):
    if b is None:
        return None
    kind = b.get("type")
    if kind == "uri":
        return ox.NamedNode(b["value"])
    if kind == "bnode":
        return ox.BlankNode(b["value"]) if re.fullmatch(r"[A-Za-z0-9_]+", b["value"]) else ox.BlankNode()
    if "xml:lang" in b:
        return ox.Literal(b["value"], language=b["xml:lang"])
    if b.get("datatype"):
        return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(b["value"])


def one_line_prefixes() -> str:
    """Every ungraph prefix on one line, so line numbers in error messages stay the user's + 1."""
    return " ".join(f"PREFIX {p}: <{ns}>" for p, ns in vocab.PREFIXES.items()) + "\n"


def blank_header(query: str) -> str:
    """The query with its leading comment lines emptied to ``#``: the parameters are already
    bound, and a server that reads ``@param`` declarations (``ungraph serve``) must not bind
    them again. Line numbers stay the same.

    >>> blank_header("# @param s: x (string)\\nSELECT * { ?s ?p ?o } # end")
    '#\\nSELECT * { ?s ?p ?o } # end'
    """
    lines = query.split("\n")
    for i, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines[i] = "#" if line.strip() else line
    return "\n".join(lines)


def _shift_lines(message: str) -> str:
    """Error positions refer to the text sent, which starts with one line of prefixes."""
    return re.sub(r"\b(error at |line:? ?)(\d+)", lambda m: f"{m.group(1)}{max(int(m.group(2)) - 1, 1)}",
                  message)


class Endpoint:
    """A remote SPARQL query endpoint, spoken to with SPARQLWrapper (SPARQL 1.1 protocol, POST).

    Oxigraph ``http://HOST:7878/query``, Fuseki ``http://HOST:3030/DATASET/query``,
    Virtuoso ``http://HOST:8890/sparql``, or ``ungraph serve`` ``http://HOST:8000/sparql``.
    """

    name = "endpoint"

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT, default_graph: str | None = None):
        if not re.match(r"https?://", url):
            raise EndpointError(f"{url}: not an http(s) URL of a SPARQL endpoint")
        self.url = url
        self.timeout = timeout
        self.default_graph = default_graph

    def run(self, sparql: str) -> Result:
        import urllib.error

        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper import SPARQLExceptions as E

        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError("only SELECT and ASK queries print rows; use SELECT for CONSTRUCT/DESCRIBE")
        w = SPARQLWrapper(self.url)
        w.setMethod(POST)
        w.setReturnFormat(JSON)
        w.setOnlyConneg(True)
        w.setTimeout(self.timeout or None)     # urlopen takes fractions of a second too
        if self.default_graph:
            w.addDefaultGraph(self.default_graph)
        where = self.url
        try:
            with warnings.catch_warnings():   # SPARQLWrapper warns when it cannot tell the query form
                warnings.simplefilter("ignore")
                w.setQuery(one_line_prefixes() + blank_header(sparql))
                response = w.query()
                raw = response.response.read()
        except E.QueryBadFormed as exc:
            raise MalformedQuery(f"malformed query: {where} refused it: {_server_message(exc)}") from exc
        except E.EndPointNotFound as exc:
            raise EndpointError(f"{where}: not found (404); is this the query URL of a SPARQL endpoint?") from exc
        except E.Unauthorized as exc:
            raise EndpointError(f"{where}: access denied (401)") from exc
        except E.URITooLong as exc:
            raise EndpointError(f"{where}: query too long for the endpoint (414)") from exc
        except E.EndPointInternalError as exc:
            raise EndpointError(f"{where}: the endpoint failed (500): {_server_message(exc)}") from exc
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{where}: the endpoint answered HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise _network_error(where, exc.reason, self.timeout) from exc
        except (TimeoutError, socket.timeout, ConnectionError, OSError) as exc:
            raise _network_error(where, exc, self.timeout) from exc
        except Exception as exc:  # http.client errors (a server that hangs up) and the like
            raise EndpointError(f"{where}: no usable answer ({type(exc).__name__}: {_error_line(exc)})") from exc
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise EndpointError(f"{where}: the answer is not SPARQL JSON results; "
                                "is this the query URL of a SPARQL endpoint?") from exc
        return results_from_json(data)


def results_from_json(data: dict) -> Result:
    """SPARQL 1.1 JSON results -> rows of plain values (the same as the local backends give)."""
    if "boolean" in data:
        return Result(["ask"], [(bool(data["boolean"]),)])
    names = list(data.get("head", {}).get("vars", []))
    rows = [tuple(python_value(_json_term(b.get(n))) for n in names)
            for b in data.get("results", {}).get("bindings", [])]
    return Result(names, rows)


def _server_message(exc: Exception) -> str:
    text = str(exc)
    if "Response:" in text:
        text = text.split("Response:", 1)[1].strip()
        m = re.fullmatch(r"b(['\"])(.*)\1", text, re.S)
        if m:
            text = m.group(2).encode().decode("unicode_escape", errors="replace")
    return _error_line(_shift_lines(text))


def _network_error(where: str, reason, timeout: float) -> EndpointError:
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return EndpointError(f"{where}: no answer within {timeout:g} s (timeout); "
                             "check the endpoint or raise --timeout")
    if isinstance(reason, ConnectionRefusedError) or "refused" in str(reason).lower():
        return EndpointError(f"{where}: connection refused; is the SPARQL endpoint running?")
    if isinstance(reason, socket.gaierror):
        return EndpointError(f"{where}: unknown host ({_error_line(reason)})")
    return EndpointError(f"{where}: cannot reach the endpoint ({_error_line(reason)})")


# --------------------------------------------------------------------------- running

def run(backend: Backend, query: SavedQuery | str, params: Iterable[tuple[str, str]] = ()) -> Result:
    """Run a saved query (or SPARQL text) with its parameters bound as terms.

    >>> from ungraph.store import from_triples
    >>> t = ox.Triple(ox.NamedNode(vocab.DOC + "A/RES/75/324"), ox.NamedNode(vocab.UNG + "symbol"),
    ...               ox.Literal("A/RES/75/324"))
    >>> q = parse_header("# @param s: A/RES/75/324 (string)\\nSELECT ?d WHERE { ?d ung:symbol ?s }")
    >>> run(EmbeddedStore(from_triples([t])), q).rows
    [('https://w3id.org/ungraph/id/doc/A/RES/75/324',)]
    >>> run(EmbeddedStore(from_triples([t])), q, [("s", "A/RES/1/1")]).rows
    []
    """
    if isinstance(query, str):
        query = parse_header(query, "query")
    bindings = bindings_for(query, params, backend)
    return backend.run(bind(query.text, bindings))
