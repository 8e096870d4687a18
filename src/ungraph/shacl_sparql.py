"""SHACL shapes compiled to SPARQL and run over the whole graph on the embedded store.

pySHACL and pyshacl-turbo check a data graph focus node by focus node; on a graph of the
whole General Assembly record (millions of triples) that takes tens of minutes. The SHACL
specification defines each core constraint component by what a SPARQL query over the data
graph would find, so a shapes graph can instead be *compiled*: one SELECT per constraint,
which finds every violating focus node at once, evaluated by pyoxigraph (in parallel
threads) on a store that holds the whole graph. Cross-document rules then see the whole
graph too, unlike a validation in batches.

The compiler covers SHACL Core (targets, property paths, value type, cardinality, value
range, string, property pair, logical, shape-based, ``sh:in``, ``sh:hasValue``,
``sh:closed``) and SPARQL-based constraints (``sh:sparql`` with ``sh:select``). Anything else
raises :class:`Unsupported`, and ``ungraph.validate`` then runs another engine.

>>> import rdflib
>>> shapes = rdflib.Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
... ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
...     sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A person has a name." ] .''')
>>> [check.component.split("#")[1] for check in compile_shapes(shapes)]
['MinCountConstraintComponent']
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(b"<http://example.org/ann> a <http://example.org/Person> .", format=ox.RdfFormat.TURTLE)
>>> [(r.focus.value, r.message) for r in run_checks(store, compile_shapes(shapes))]
[('http://example.org/ann', 'A person has a name.')]
"""
from __future__ import annotations

import itertools
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD


class Unsupported(ValueError):
    """A shape uses a SHACL feature this compiler does not translate (one line)."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape, as a query whose rows are validation results."""

    shape: rdflib.term.Node                 # sh:sourceShape
    component: rdflib.URIRef                # sh:sourceConstraintComponent
    severity: rdflib.URIRef                 # sh:resultSeverity
    path: rdflib.term.Node | None           # the shape's sh:path (property shapes)
    query: str                              # SELECT ?this [?value ?path ...]
    messages: tuple[str, ...] = ()          # sh:message of the constraint, else of the shape
    constraint: rdflib.term.Node | None = None   # sh:sourceConstraint (SPARQL constraints)
    default_message: str = ""
    screen: str | None = None               # ASK without the targets: false means no result


@dataclass(frozen=True)
class Row:
    """One validation result found by a check."""

    check: Check
    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    value: object = None
    path: ox.NamedNode | None = None
    message: str = ""


# Predicates of the SHACL namespace that are not constraint parameters.
_NOT_CONSTRAINTS = {SH[n] for n in (
    "path", "message", "severity", "name", "description", "order", "group", "defaultValue",
    "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property", "deactivated",
    "flags", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint",
    "ignoredProperties", "declare", "prefixes", "labelTemplate")}
# Literals of these datatypes are checked for a well-formed lexical form by a cast.
_CASTABLE = {XSD[n] for n in ("integer", "decimal", "double", "float", "boolean", "date", "dateTime", "time")}
_ILL = "<urn:ungraph:ill-typed>"
_COMPARE = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
_NODE_KIND = {
    SH.IRI: "!isIRI({v})", SH.BlankNode: "!isBlank({v})", SH.Literal: "!isLiteral({v})",
    SH.BlankNodeOrIRI: "isLiteral({v})", SH.BlankNodeOrLiteral: "isIRI({v})", SH.IRIOrLiteral: "isBlank({v})",
}
_PAIRWISE_LIMIT = 4   # counts up to this many values are written as joins, above it as aggregates


def _iri(term) -> str:
    return f"<{term}>"


def _term(term) -> str:
    """An rdflib term as SPARQL text."""
    if isinstance(term, rdflib.URIRef):
        return _iri(term)
    if isinstance(term, rdflib.Literal):
        return term.n3()
    raise Unsupported(f"a blank node {term} cannot be a constant in a constraint")


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _distinct(variables: list[str]) -> str:
    return " && ".join(f"!sameTerm({a}, {b})" for a, b in itertools.combinations(variables, 2)) or "true"


class _Compiler:
    def __init__(self, shapes: rdflib.Graph, *, subclasses: bool = True):
        self.g = shapes
        self.type_path = f"<{RDF.type}>/<{RDFS.subClassOf}>*" if subclasses else f"<{RDF.type}>"
        self._n = itertools.count()
        self._active: set = set()   # shapes being expanded (recursive shapes are refused)

    def fresh(self, name: str = "v") -> str:
        return f"?{name}{next(self._n)}"

    # -- shapes graph ------------------------------------------------------------------
    def objects(self, s, p) -> list:
        return sorted(self.g.objects(s, p), key=str)

    def one(self, s, p):
        values = self.objects(s, p)
        if len(values) > 1:
            raise Unsupported(f"{_name(s)} has {len(values)} values of {p.n3(self.g.namespace_manager)}")
        return values[0] if values else None

    def items(self, node) -> list:
        try:
            return list(Collection(self.g, node))
        except Exception:
            raise Unsupported(f"{_name(node)} is not a well-formed RDF list") from None

    def deactivated(self, shape) -> bool:
        return any(str(v).lower() == "true" for v in self.g.objects(shape, SH.deactivated))

    def is_property_shape(self, shape) -> bool:
        return (shape, SH.path, None) in self.g

    # -- paths and targets -------------------------------------------------------------
    def path(self, node) -> str:
        """A SHACL property path as a SPARQL property path."""
        if isinstance(node, rdflib.URIRef):
            return _iri(node)
        if (node, RDF.first, None) in self.g:
            return "(" + "/".join(self.path(p) for p in self.items(node)) + ")"
        for pred, text in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                           (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
            inner = self.g.value(node, pred)
            if inner is not None:
                return text.format(self.path(inner))
        alternatives = self.g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in self.items(alternatives)) + ")"
        raise Unsupported(f"the property path {_name(node)} is not a SHACL path")

    def targets(self, shape) -> list[str]:
        """Patterns that bind ?this to the focus nodes a shape declares."""
        out = [f"?this {self.type_path} {_iri(c)} ." for c in self.objects(shape, SH.targetClass)]
        if (shape, RDF.type, RDFS.Class) in self.g or (shape, RDF.type, OWL.Class) in self.g:
            out.append(f"?this {self.type_path} {_iri(shape)} .")
        out += [f"VALUES ?this {{ {_term(n)} }}" for n in self.objects(shape, SH.targetNode)]
        out += [f"?this {_iri(p)} [] ." for p in self.objects(shape, SH.targetSubjectsOf)]
        out += [f"[] {_iri(p)} ?this ." for p in self.objects(shape, SH.targetObjectsOf)]
        return out

    def target_pattern(self, patterns: list[str]) -> str:
        if len(patterns) == 1 and "[]" not in patterns[0]:
            return patterns[0]
        union = " UNION ".join("{ " + p + " }" for p in patterns)
        # GROUP BY, not DISTINCT: Oxigraph moves the filters that follow into a DISTINCT
        # sub-select and runs them for every row of the union (an action has two types).
        return f"{{ SELECT ?this WHERE {{ {union} }} GROUP BY ?this }}"

    # -- constraints ---------------------------------------------------------------------
    def constraints(self, shape, this: str) -> list[tuple[rdflib.URIRef, str, str | None, dict]]:
        """(component, pattern, value variable, parameters) for each constraint of a shape:
        the pattern matches, for the focus node bound to ``this``, once per failing value."""
        if self.deactivated(shape):
            return []
        if shape in self._active:
            raise Unsupported(f"{_name(shape)} is recursive")
        self._active.add(shape)
        try:
            return self._constraints(shape, this)
        finally:
            self._active.discard(shape)

    def _constraints(self, shape, this: str) -> list:
        g = self.g
        prop = self.is_property_shape(shape)
        path = self.path(g.value(shape, SH.path)) if prop else None
        out = []
        v = self.fresh() if prop else this
        values = f"{this} {path} {v} ." if prop else ""

        def add(name: str, query: str, value: str | None = v, screen: str | None = None, **params):
            component = SH[name + "ConstraintComponent"]
            if screen is None and prop and component not in _NEEDS_TARGETS:
                # A failing value fails whatever node has it: asked over every subject.
                # Class and node tests depend on the value alone and cost a lookup each:
                # each distinct value is tested once (18,000 documents, not 436,000 links;
                # grouped: Oxigraph would run the test inside a DISTINCT, for every row).
                screen = (f"ASK {{ {{ SELECT {v} WHERE {{ {values} }} GROUP BY {v} }} {query.removeprefix(values)} }}"
                          if name in ("Class", "Node") else f"ASK {{ {query} }}")
            params["screen"] = screen
            out.append((SH[name + "ConstraintComponent"], query, value, params))

        for p in sorted({p for p in g.predicates(shape) if str(p).startswith(str(SH))} - _NOT_CONSTRAINTS, key=str):
            local = str(p)[len(str(SH)):]
            for param in self.objects(shape, p):
                if local == "class":
                    add("Class", f"{values} FILTER NOT EXISTS {{ {v} {self.type_path} {_term(param)} }}", cls=param)
                elif local == "datatype":
                    ill = f" || sameTerm(COALESCE({_iri(param)}(STR({v})), {_ILL}), {_ILL})" if param in _CASTABLE else ""
                    add("Datatype", f"{values} FILTER(!isLiteral({v}) || DATATYPE({v}) != {_iri(param)}{ill})",
                        datatype=param)
                elif local == "nodeKind":
                    if param not in _NODE_KIND:
                        raise Unsupported(f"{_name(shape)}: unknown node kind {param}")
                    add("NodeKind", f"{values} FILTER({_NODE_KIND[param].format(v=v)})", kind=param)
                elif local in ("minLength", "maxLength"):
                    op = "<" if local == "minLength" else ">"
                    add(local[0].upper() + local[1:],
                        f"{values} FILTER(isBlank({v}) || STRLEN(STR({v})) {op} {int(param)})", length=param)
                elif local == "pattern":
                    flags = g.value(shape, SH.flags)
                    args = f"{_string(str(param))}" + (f", {_string(str(flags))}" if flags else "")
                    add("Pattern", f"{values} FILTER(isBlank({v}) || !REGEX(STR({v}), {args}))", pattern=param)
                elif local in _COMPARE:
                    add(local[0].upper() + local[1:],
                        f"{values} FILTER(!COALESCE({v} {_COMPARE[local]} {_term(param)}, false))", limit=param)
                elif local == "in":
                    members = [_term(m) for m in self.items(param)]
                    test = " || ".join(f"sameTerm({v}, {m})" for m in members) or "false"
                    add("In", f"{values} FILTER(!({test}))", members=param)
                elif local == "languageIn":
                    tags = [str(t) for t in self.items(param)]
                    test = " || ".join(f"langMatches(LANG({v}), {_string(t)})" for t in tags) or "false"
                    add("LanguageIn", f"{values} FILTER(!isLiteral({v}) || !({test}))", languages=param)
                elif local == "uniqueLang":
                    if str(param).lower() == "true":
                        if not prop:
                            raise Unsupported(f"{_name(shape)}: sh:uniqueLang on a node shape")
                        w = self.fresh()
                        add("UniqueLang", f"{values} {this} {path} {w} . FILTER(LANG({v}) != \"\" && "
                                          f"LANG({v}) = LANG({w}) && !sameTerm({v}, {w}))", value=None)
                elif local == "hasValue":
                    if prop:
                        add("HasValue", f"FILTER NOT EXISTS {{ {this} {path} {_term(param)} }}", value=None, value_param=param)
                    else:
                        add("HasValue", f"FILTER(!sameTerm({this}, {_term(param)}))", value=None, value_param=param)
                elif local in ("minCount", "maxCount"):
                    n = int(param)
                    if not prop:
                        raise Unsupported(f"{_name(shape)}: sh:{local} on a node shape")
                    if local == "minCount" and n > 0:
                        add("MinCount", self._fewer_than(this, path, n), value=None, count=n)
                    elif local == "maxCount":
                        any_value = f"{this} {path} {self.fresh('any')} ."
                        add("MaxCount", f"FILTER EXISTS {{ {self._at_least(this, path, n + 1)} }}", value=None,
                            count=n, screen=_two_rows_for_one(this, any_value) if n >= 1 else None)
                elif local in ("equals", "disjoint", "lessThan", "lessThanOrEquals"):
                    other = _iri(param)
                    if not prop and local in ("lessThan", "lessThanOrEquals"):
                        raise Unsupported(f"{_name(shape)}: sh:{local} on a node shape")
                    w = self.fresh()
                    if local == "equals" and prop:
                        add("Equals", f"{{ {values} FILTER NOT EXISTS {{ {this} {other} {v} }} }} UNION "
                                      f"{{ {this} {other} {v} . FILTER NOT EXISTS {{ {this} {path} {v} }} }}",
                            other=param)
                    elif local == "equals":
                        v2 = self.fresh()
                        add("Equals", f"{{ {this} {other} {w} . FILTER(!sameTerm({this}, {w})) BIND({w} AS {v2}) }}"
                                      f" UNION {{ FILTER NOT EXISTS {{ {this} {other} {this} }} BIND({this} AS {v2}) }}",
                            value=v2, other=param)
                    elif local == "disjoint":
                        add("Disjoint", f"{values} {this} {other} {v} .", other=param)
                    else:
                        op = "<" if local == "lessThan" else "<="
                        add(local[0].upper() + local[1:],
                            f"{values} {this} {other} {w} . FILTER(!COALESCE({v} {op} {w}, false))", other=param)
                elif local == "node":
                    add("Node", f"{values} FILTER EXISTS {{ {self.fails(param, v)} }}", shape=param)
                elif local == "not":
                    add("Not", f"{values} FILTER NOT EXISTS {{ {self.fails(param, v)} }}", shape=param)
                elif local in ("and", "or", "xone"):
                    members = self.items(param)
                    tests = [f"EXISTS {{ {self.fails(m, v)} }}" for m in members]
                    if local == "and":
                        test = " || ".join(tests) or "false"
                    elif local == "or":
                        test = " && ".join(tests) or "true"
                    else:
                        test = "(" + " + ".join(f"IF({t}, 0, 1)" for t in tests) + ") != 1" if tests else "true"
                    add(local[0].upper() + local[1:], f"{values} FILTER({test})", shapes=param)
                elif local == "qualifiedValueShape":
                    if not prop:
                        raise Unsupported(f"{_name(shape)}: sh:qualifiedValueShape on a node shape")
                    if any(str(x).lower() == "true" for x in g.objects(shape, SH.qualifiedValueShapesDisjoint)):
                        raise Unsupported(f"{_name(shape)}: sh:qualifiedValueShapesDisjoint")
                    lo, hi = g.value(shape, SH.qualifiedMinCount), g.value(shape, SH.qualifiedMaxCount)
                    if lo is not None and int(lo) > 0:
                        add("QualifiedMinCount", self._fewer_than(this, path, int(lo), param), value=None,
                            count=int(lo))
                    if hi is not None:
                        too_many = self._at_least(this, path, int(hi) + 1, param)
                        # no node at all has too many conforming values; at most one: counted,
                        # not paired (most nodes have two values of rdf:type, one conforming)
                        screen = (_two_rows_for_one(this, self._values_conforming(this, path, [self.fresh("c")], param))
                                  if int(hi) == 1 else f"ASK {{ {too_many} }}")
                        add("QualifiedMaxCount", f"FILTER EXISTS {{ {too_many} }}", value=None, count=int(hi),
                            screen=screen)
                elif local == "closed":
                    if str(param).lower() == "true":
                        allowed = {o for ps in g.objects(shape, SH.property) for o in g.objects(ps, SH.path)
                                   if isinstance(o, rdflib.URIRef)}
                        for lst in g.objects(shape, SH.ignoredProperties):
                            allowed |= set(self.items(lst))
                        p_var, o_var = self.fresh("p"), self.fresh("o")
                        test = " || ".join(f"sameTerm({p_var}, {_iri(a)})" for a in sorted(allowed)) or "false"
                        add("Closed", f"{values} {v} {p_var} {o_var} . FILTER(!({test}))", value=o_var,
                            path_var=p_var)
                elif local == "sparql":
                    continue   # a check of its own (Compiler.sparql_check); refused in nested shapes
                else:
                    raise Unsupported(f"{_name(shape)}: sh:{local} is not supported by the sparql engine")
        return out

    def _values_conforming(self, this: str, path: str, names: list[str], qualified) -> str:
        pattern = " ".join(f"{this} {path} {x} ." for x in names)
        if qualified is not None:
            for x in names:
                test = self.failure_test(qualified, x)
                pattern += f" FILTER(!({test}))" if test else f" FILTER NOT EXISTS {{ {self.fails(qualified, x)} }}"
        return f"{pattern} FILTER({_distinct(names)})"

    def failure_test(self, shape, this: str) -> str | None:
        """When a shape only tests the node itself (sh:in, sh:datatype ...), the expression
        that is true when it fails: a FILTER, cheaper than a NOT EXISTS per value."""
        if self.objects(shape, SH.property) or (shape, SH.sparql, None) in self.g:
            return None
        tests = []
        for _, pattern, _, _ in self.constraints(shape, this):
            m = re.fullmatch(r"\s*FILTER(\(.*\))\s*", pattern, re.DOTALL)
            if not m or "EXISTS" in m.group(1) or "{" in m.group(1):
                return None
            tests.append(m.group(1))
        return " || ".join(tests) or "false"

    def _fewer_than(self, this: str, path: str, n: int, qualified=None) -> str:
        if n > _PAIRWISE_LIMIT:
            raise Unsupported(f"a minimum count of {n} (above {_PAIRWISE_LIMIT})")
        names = [self.fresh("c") for _ in range(n)]
        return f"FILTER NOT EXISTS {{ {self._values_conforming(this, path, names, qualified)} }}"

    def _at_least(self, this: str, path: str, n: int, qualified=None) -> str:
        """A pattern that matches when the node has n distinct (conforming) values."""
        if n > _PAIRWISE_LIMIT:
            raise Unsupported(f"a maximum count of {n - 1} (above {_PAIRWISE_LIMIT - 1})")
        names = [self.fresh("c") for _ in range(n)]
        return self._values_conforming(this, path, names, qualified)

    def fails(self, shape, this: str) -> str:
        """A pattern that matches when the node bound to ``this`` does not conform to ``shape``."""
        branches = [pattern for _, pattern, _, _ in self.constraints(shape, this)]
        if not self.deactivated(shape):
            for ps in self.objects(shape, SH.property):
                branches += [pattern for _, pattern, _, _ in self.constraints(ps, this)]
            for s in [shape, *self.objects(shape, SH.property)]:
                if (s, SH.sparql, None) in self.g:
                    raise Unsupported(f"{_name(s)}: a SPARQL constraint inside another shape")
        if not branches:
            return "FILTER(false)"
        return " UNION ".join("{ " + b + " }" for b in branches)

    # -- checks ----------------------------------------------------------------------------
    def checks(self) -> list[Check]:
        g = self.g
        shapes = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type, SH.PropertyShape))
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property):
            shapes |= set(g.subjects(p, None))
        shapes |= set(g.objects(None, SH.property))
        out: list[Check] = []
        minimums: dict[str, list[tuple[int, str]]] = {}   # focus pattern -> (check index, test)
        for shape in sorted(shapes, key=str):
            if self.deactivated(shape):
                continue
            targets = self.targets(shape)
            for parent in g.subjects(SH.property, shape):
                if not self.deactivated(parent):
                    targets += self.targets(parent)
            if not targets:
                continue
            focus = self.target_pattern(sorted(set(targets)))
            severity = g.value(shape, SH.severity) or SH.Violation
            path = g.value(shape, SH.path)
            messages = tuple(str(m) for m in self.objects(shape, SH.message))
            for component, pattern, value, params in self.constraints(shape, "?this"):
                select = "SELECT DISTINCT ?this" + (f" ({value} AS ?value)" if value else "") + (
                    f" ({params['path_var']} AS ?path)" if "path_var" in params else "")
                screen = params.get("screen")
                if component in _LACKS and pattern.startswith("FILTER NOT EXISTS"):
                    minimums.setdefault(focus, []).append((len(out), pattern.removeprefix("FILTER ")))
                out.append(Check(shape, component, severity, path, f"{select} WHERE {{ {focus} {pattern} }}",
                                 messages, default_message=_default_message(component, params, g), screen=screen))
            for constraint in self.objects(shape, SH.sparql):
                out.append(self.sparql_check(shape, constraint, focus, severity, path, messages))
        # What focus nodes may lack (minimum counts, required values) shares one screen per
        # focus: one pass over the focus nodes asks whether any lacks anything (they seldom do).
        for focus, members in minimums.items():
            screen = f"ASK {{ {focus} FILTER({' || '.join(test for _, test in members)}) }}"
            for i, _ in members:
                out[i] = replace(out[i], screen=screen)
        return _shared_value_screens(out)

    def sparql_check(self, shape, constraint, focus: str, severity, path, messages) -> Check:
        g = self.g
        if self.deactivated(constraint):
            return Check(shape, SH.SPARQLConstraintComponent, severity, path, "", constraint=constraint)
        select = g.value(constraint, SH.select)
        if select is None:
            raise Unsupported(f"{_name(shape)}: a SPARQL constraint without sh:select")
        text = str(select)
        if re.search(r"\$(shapesGraph|currentShape)\b", text):
            raise Unsupported(f"{_name(shape)}: $shapesGraph and $currentShape are not supported")
        if self.is_property_shape(shape):
            text = re.sub(r"\$PATH\b", self.path(path), text)
        text = re.sub(r"\$this\b", "?this", text)
        # pre-binding $this: the target pattern opens the query's outer group
        m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE) or re.search(r"\{", text)
        if m is None:
            raise Unsupported(f"{_name(shape)}: cannot read the SPARQL constraint")
        head, body = text[:m.end()], text[m.end():]
        projection = re.match(r"(?is)\s*(?:PREFIX[^\n]*\n|\s)*SELECT\s+(DISTINCT\s+|REDUCED\s+)?(.*?)(WHERE\s*)?\{", text)
        if projection and projection.group(2).strip() != "*" and not re.search(r"\?this\b", projection.group(2)):
            head = head.replace(projection.group(2), "?this " + projection.group(2), 1)
        query = self.prefixes(constraint) + head + f" {focus} " + _anti_joins(body)
        own = tuple(str(x) for x in self.objects(constraint, SH.message))
        return Check(shape, SH.SPARQLConstraintComponent, severity, path, query, own or messages,
                     constraint=constraint, default_message="SPARQL constraint violated")

    def prefixes(self, constraint) -> str:
        lines = []
        for owner in self.objects(constraint, SH.prefixes):
            for decl in self.objects(owner, SH.declare):
                prefix, ns = self.g.value(decl, SH.prefix), self.g.value(decl, SH.namespace)
                if prefix is not None and ns is not None:
                    lines.append(f"PREFIX {prefix}: <{ns}>\n")
        return "".join(sorted(set(lines)))


# A value of a property shape fails most constraints whatever node has it, so a query over
# every subject (no target pattern) that finds nothing proves that no focus node fails, and
# it is cheaper (no join with the targets). Not for these: what a focus node lacks needs the
# focus nodes, and a count of values per focus node is screened by counting subjects.
# sh:equals also asks what a focus node lacks (a value of the other property that its path
# lacks): over every subject of the other property that screen is true (nearly) always.
_LACKS = {SH.MinCountConstraintComponent, SH.QualifiedMinCountConstraintComponent, SH.HasValueConstraintComponent}
_NEEDS_TARGETS = {SH.MinCountConstraintComponent, SH.QualifiedMinCountConstraintComponent,
                  SH.HasValueConstraintComponent, SH.ClosedConstraintComponent, SH.MaxCountConstraintComponent,
                  SH.QualifiedMaxCountConstraintComponent, SH.UniqueLangConstraintComponent,
                  SH.EqualsConstraintComponent}


_VALUE_SCREEN = re.compile(r"ASK \{ (\?this \S+ \?x0 \.) FILTER(\(.*\)) \}", re.DOTALL)


def _shared_value_screens(checks: list[Check]) -> list[Check]:
    """Screens written alike (shapes of footnotes and paragraphs both test ``ung:text``)
    run once, and the value tests of one property share one pass over its values:
    ``ASK { ?this :end ?x0 . FILTER(not an integer || below 1) }``."""
    screens = {c.screen: _canonical(c.screen) for c in checks if c.screen}
    tests: dict[str, list[str]] = {}
    for screen in dict.fromkeys(screens.values()):
        m = _VALUE_SCREEN.fullmatch(screen)
        if m:
            tests.setdefault(m.group(1), []).append(m.group(2))
    for screen, canonical in screens.items():
        m = _VALUE_SCREEN.fullmatch(canonical)
        if m and len(tests[m.group(1)]) > 1:
            canonical = f"ASK {{ {m.group(1)} FILTER({' || '.join(tests[m.group(1)])}) }}"
        screens[screen] = canonical
    return [replace(c, screen=screens[c.screen]) if c.screen else c for c in checks]


def _canonical(query: str) -> str:
    """The query with its numbered variables (``?v15``, ``?c3``) renumbered in order of
    appearance as ``?x0``, ``?x1`` ...: two queries alike up to their names become equal."""
    mask, names = _code_mask(query), {}

    def rename(m: re.Match) -> str:
        return names.setdefault(m.group(0), f"?x{len(names)}") if mask[m.start()] else m.group(0)

    return re.sub(r"\?[a-z]+\d+\b", rename, query)


def _two_rows_for_one(this: str, pattern: str) -> str:
    """An ASK that is true when some node matches ``pattern`` twice: the rows are counted
    against the distinct nodes, one pass instead of a join of the pattern with itself."""
    return (f"ASK {{ {{ SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT {this}) AS ?subjects) WHERE {{ {pattern} }} }} "
            f"FILTER(?all != ?subjects) }}")


def _name(node) -> str:
    return str(node) if isinstance(node, rdflib.URIRef) else "an anonymous shape"


def _default_message(component, params: dict, g: rdflib.Graph) -> str:
    """The wording of a result whose shape has no sh:message."""
    name = str(component)[len(str(SH)):].removesuffix("ConstraintComponent")

    def short(t):
        return t.n3(g.namespace_manager) if isinstance(t, (rdflib.URIRef, rdflib.Literal)) else str(t)

    texts = {
        "MinCount": lambda: f"Less than {params['count']} values",
        "MaxCount": lambda: f"More than {params['count']} values",
        "Class": lambda: f"Value is not an instance of {short(params['cls'])}",
        "Datatype": lambda: f"Value is not a literal of datatype {short(params['datatype'])}",
        "NodeKind": lambda: f"Value is not of node kind {short(params['kind'])}",
        "MinLength": lambda: f"Value is shorter than {params['length']} characters",
        "MaxLength": lambda: f"Value is longer than {params['length']} characters",
        "Pattern": lambda: f"Value does not match the pattern {params['pattern']}",
        "In": lambda: "Value is not one of the allowed values",
        "LanguageIn": lambda: "Language tag is not one of the allowed languages",
        "HasValue": lambda: f"Missing the value {short(params['value_param'])}",
        "QualifiedMinCount": lambda: f"Less than {params['count']} values conform to the qualified shape",
        "QualifiedMaxCount": lambda: f"More than {params['count']} values conform to the qualified shape",
    }
    return texts[name]() if name in texts else f"{name} constraint violated"


def compile_shapes(shapes: rdflib.Graph, *, subclasses: bool = True) -> list[Check]:
    """Every constraint of every shape with targets, as a :class:`Check`.

    ``subclasses=False`` (the data graph has no ``rdfs:subClassOf`` triples) writes class
    tests as ``rdf:type`` alone, which the store answers faster."""
    return _Compiler(shapes, subclasses=subclasses).checks()


def has_subclasses(store: ox.Store) -> bool:
    return store.query(f"ASK {{ ?a <{RDFS.subClassOf}> ?b }}")


def run_checks(store: ox.Store, checks: list[Check], *, threads: int | None = None) -> list[Row]:
    """Run the checks on the store (in parallel threads: pyoxigraph frees the interpreter
    while it evaluates a query) and return their results.

    First every distinct screen runs once, then the checks whose screen found something and
    those without one: no thread ever waits for a screen another thread is running."""
    threads = threads or min(8, os.cpu_count() or 1)

    def screen_finds(screen: str) -> bool:
        return bool(store.query(screen))

    def run(check: Check) -> list[Row]:
        solutions = store.query(check.query)
        names = [v.value for v in solutions.variables]
        rows = []
        for solution in solutions:
            bindings = {name: solution[name] for name in names}
            focus = bindings.get("this")
            if focus is None:
                continue
            value = bindings.get("value")
            if value is None and check.constraint is not None and check.path is None:
                value = focus   # a SPARQL constraint of a node shape: the focus node is the value
            path = bindings.get("path") if isinstance(bindings.get("path"), ox.NamedNode) else None
            rows.append(Row(check, focus, value, path, _message(check, bindings)))
        return rows

    with ThreadPoolExecutor(max_workers=threads) as pool:
        screens = list(dict.fromkeys(c.screen for c in checks if c.query and c.screen))
        found = dict(zip(screens, pool.map(screen_finds, screens)))
        due = [c for c in checks if c.query and (not c.screen or found[c.screen])]
        return [row for rows in pool.map(run, due) for row in rows]


def _code_mask(text: str) -> list[bool]:
    """For each character of a SPARQL text: whether it is code (not in a string, IRI or comment)."""
    mask = [True] * len(text)
    i = 0
    while i < len(text):
        c = text[i]
        end = None
        if c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < len(text) and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            end = j + len(quote)
        elif c == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])
            end = i + m.end() if m else None
        elif c == "#":
            j = text.find("\n", i)
            end = len(text) if j < 0 else j
        if end is None:
            i += 1
            continue
        for k in range(i, min(end, len(text))):
            mask[k] = False
        i = end
    return mask


_NOT_EXISTS = re.compile(r"FILTER\s*(?:\(\s*)?NOT\s+EXISTS\s*\{", re.IGNORECASE)
_PLAIN = re.compile(r"\b(FILTER|BIND|OPTIONAL|SELECT|VALUES|MINUS|GRAPH|SERVICE|UNION|EXISTS)\b", re.IGNORECASE)


def _anti_joins(body: str) -> str:
    """``FILTER NOT EXISTS { P }`` written as ``MINUS { P }`` at the end of its group, where
    both mean the same.

    pyoxigraph evaluates ``NOT EXISTS`` row by row, and for a pattern of several triples or a
    property path it does not start from the row's bindings: over a whole graph that is
    quadratic (an hour where ``MINUS``, a hash anti-join, takes a second). The two agree
    when P is only triple patterns that mention ``?this``, which the target pattern always
    binds, so P shares a bound variable with every row; P then sees no other row variable
    than those its own triples bind, and MINUS goes last so it sees every BIND of the group.
    A single plain triple pattern is left as it is (the store answers it by index).

    >>> _anti_joins("?this :p ?x . FILTER NOT EXISTS { ?this :q/:r ?x } BIND(1 AS ?y) }")
    '?this :p ?x .  BIND(1 AS ?y) MINUS { ?this :q/:r ?x } }'
    """
    while True:
        mask = _code_mask(body)
        for m in _NOT_EXISTS.finditer(body):
            if not mask[m.start()] or m.group(0).rstrip("{").rstrip().endswith("("):
                continue
            opening = m.end() - 1
            close = _enclosing_end(body, mask, opening + 1)
            inner = body[opening + 1:close]
            code = "".join(ch if mask[opening + 1 + k] else " " for k, ch in enumerate(inner))
            if _PLAIN.search(code) or "{" in code or not re.search(r"[?$]this\b", inner):
                continue
            single = not re.search(r"[/|^*+;,]", code) and not re.search(r"\.\s", code.strip().rstrip(". \n"))
            if single:
                continue
            group_end = _enclosing_end(body, mask, m.start())
            body = (body[:m.start()] + body[close + 1:group_end] + f"MINUS {{{inner}}} " + body[group_end:])
            break
        else:
            return body


def _enclosing_end(text: str, mask: list[bool], position: int) -> int:
    """The closing brace of the innermost group around ``position``."""
    depth = 0
    for k in range(position, len(text)):
        if mask[k] and text[k] == "{":
            depth += 1
        elif mask[k] and text[k] == "}":
            if depth == 0:
                return k
            depth -= 1
    raise Unsupported("unbalanced braces in a SPARQL constraint")


def _message(check: Check, bindings: dict) -> str:
    if not check.messages:
        return check.default_message
    text = check.messages[0]
    for name, term in bindings.items():
        if term is not None:
            text = text.replace("{?" + name + "}", term.value).replace("{$" + name + "}", term.value)
    return text
