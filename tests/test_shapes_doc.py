"""The shapes document themselves, and docs/validation.md documents every shape.

Fails when a shape lacks its label, message or reason, when an anonymous shape could not
be reported under a named one, when an object property of the ontology has no class
check, or when docs/validation.md is out of date (regenerate its table with
``python -c "from ungraph.validate import rules_markdown; print(rules_markdown())"``).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH

from ungraph.validate import SHAPES_NS, _named_owner, compact, load_shapes, rules_markdown

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "validation.md"
ONTOLOGY = ROOT / "ontology" / "ungraph.ttl"
UNG = "https://w3id.org/ungraph/ontology#"


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


def all_shapes(g: rdflib.Graph) -> set:
    """Every shape: declared, targeted, or used as a property/node/qualified/logical shape."""
    found = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type, SH.PropertyShape))
    found |= set(g.subjects(SH.path, None))
    for p in (SH.property, SH.node, SH.qualifiedValueShape, SH["not"]):
        found |= set(g.objects(None, p))
    for p in (SH["or"], SH["and"], SH.xone):
        for lst in g.objects(None, p):
            found |= set(rdflib.collection.Collection(g, lst))
    return found


def named(g):
    return sorted(s for s in all_shapes(g) if isinstance(s, rdflib.URIRef))


def test_every_named_shape_has_label_message_and_reason(shapes):
    missing = [(compact(str(s)), what) for s in named(shapes)
               for what, p in (("rdfs:label", RDFS.label), ("sh:message", SH.message), ("rdfs:comment", RDFS.comment))
               if not str(shapes.value(s, p) or "").strip()]
    assert not missing, missing


def test_every_named_shape_is_in_the_shapes_namespace(shapes):
    assert all(str(s).startswith(SHAPES_NS) for s in named(shapes))


def test_anonymous_shapes_report_under_a_named_shape_with_its_severity(shapes):
    for s in all_shapes(shapes):
        if isinstance(s, rdflib.URIRef):
            continue
        owner = _named_owner(shapes, s)
        assert isinstance(owner, rdflib.URIRef), f"anonymous shape {s} has no named owner"
        # an anonymous property shape reports itself: its severity must be its owner's
        if (s, SH.path, None) in shapes and (None, SH.property, s) in shapes:
            assert shapes.value(s, SH.severity) == shapes.value(owner, SH.severity), \
                f"{compact(str(owner))}: an anonymous property shape has another severity"


def test_severities_are_used_honestly(shapes):
    sev = {compact(str(s)): str(shapes.value(s, SH.severity) or SH.Violation).rsplit("#")[-1] for s in named(shapes)}
    assert sev["ungsh:AddresseeInGazetteerShape"] == "Warning"     # doubtful: a gazetteer gap
    assert sev["ungsh:ResolutionAdoptionDateShape"] == "Warning"   # doubtful: no date printed or read
    assert sev["ungsh:Date-adoptionDate"] == sev["ungsh:Date-issued"] == "Warning"  # a date not read
    assert sev["ungsh:CitedDateUnknownShape"] == sev["ungsh:MentionInGazetteerShape"] == "Info"
    assert sev["ungsh:RecallChronologyShape"] == sev["ungsh:OperativeNumberingShape"] == "Violation"
    assert set(sev.values()) == {"Violation", "Warning", "Info"}


def test_sparql_constraints_are_portable(shapes):
    """SHACL forbids VALUES and MINUS in constraints (pre-binding); messages name projected variables."""
    for shape in named(shapes):
        for c in shapes.objects(shape, SH.sparql):
            query = str(shapes.value(c, SH.select))
            assert not re.search(r"\bVALUES\b|\bMINUS\b|\bSERVICE\b", query), compact(str(shape))
            assert shapes.value(c, SH.prefixes) is not None, compact(str(shape))
            projected = set(re.findall(r"[?$](\w+)", query.split("WHERE")[0]))
            for var in re.findall(r"\{[?$](\w+)\}", str(shapes.value(shape, SH.message))):
                assert var in projected, f"{compact(str(shape))}: message names ?{var}, not projected"


def test_every_object_property_has_a_class_check(shapes):
    onto = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    props = sorted(p for p in onto.subjects(RDF.type, OWL.ObjectProperty)
                   if str(p).startswith(UNG) and onto.value(p, RDFS.range) is not None)
    assert len(props) > 15

    def checks_class(shape) -> bool:
        if any(shapes.objects(shape, p) for p in (SH["class"], SH.node, SH["in"])):
            return True
        return any(checks_class(o) for p in (SH["or"],) for o in shapes.objects(shape, p))

    unchecked = []
    for p in props:
        by_path = [s for s in shapes.subjects(SH.path, p) if checks_class(s)]
        by_target = [s for s in shapes.subjects(SH.targetObjectsOf, p) if shapes.value(s, SH["class"])]
        if not (by_path or by_target):
            unchecked.append(compact(str(p)))
    assert not unchecked, f"object properties without sh:class: {unchecked}"


def test_docs_list_every_rule_as_the_shapes_say():
    text = DOC.read_text()
    m = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", text, flags=re.S)
    assert m, "docs/validation.md has no rules table between <!-- rules:start --> and <!-- rules:end -->"
    assert m.group(1) == rules_markdown(), "docs/validation.md's table of rules is out of date"


def test_docs_explain_the_command_and_its_formats():
    text = DOC.read_text()
    for needle in ("ungraph validate", "--shapes", "--format", "--engine", "-o", "exit status",
                   "text", "turtle", "html", "json", "pyshacl", "turbo"):
        assert needle.lower() in text.lower(), needle
