"""The sparql engine (``ungraph.shacl_sparql``) against pySHACL, component by component.

The project's shapes use only part of SHACL; users bring their own shapes files. Each row
below is a small shapes graph and a data graph that breaks it in several ways; the
compiled queries must find exactly the results pySHACL finds (rule, focus node, path,
value, component, severity, and the message where the shape has one: without one, each
engine words its own).
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from test_validate_support import tmp_dir

from ungraph.shacl_sparql import _anti_joins
from ungraph.validate import validate_triples

HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

CASES = {
    "counts above one": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:minCount 2 ; sh:maxCount 3 ] .",
        "ex:a a ex:T ; ex:p 1 . ex:b a ex:T ; ex:p 1, 2 . ex:c a ex:T ; ex:p 1, 2, 3, 4 . ex:d a ex:T .",
    ),
    "ranges and lengths": (
        """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:n ;
           sh:property [ sh:path ex:n ; sh:minExclusive 0 ; sh:maxInclusive 10 ] ;
           sh:property [ sh:path ex:s ; sh:maxLength 3 ; sh:minLength 2 ] .""",
        """ex:a ex:n 0, 5, 10, 11, "x" ; ex:s "a", "abc", "abcd", ex:iri .""",
    ),
    # the value tests of one property share one screen: each property breaks one test only
    "one failing test among the screened tests of a property": (
        """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:low ;
           sh:property [ sh:path ex:low ; sh:datatype xsd:integer ; sh:minInclusive 1 ; sh:maxInclusive 100 ] ;
           sh:property [ sh:path ex:high ; sh:datatype xsd:integer ; sh:minInclusive 1 ; sh:maxInclusive 100 ] ;
           sh:property [ sh:path ex:typed ; sh:datatype xsd:integer ; sh:minInclusive 1 ; sh:maxInclusive 100 ] .""",
        """ex:a ex:low 5, 0 ; ex:high 5, 150 ; ex:typed 5, "7"^^xsd:decimal .""",
    ),
    "datatypes, ill-typed literals, node kinds, languages, in": (
        """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:v ;
           sh:property [ sh:path ex:v ; sh:datatype xsd:integer ] ;
           sh:property [ sh:path ex:d ; sh:datatype xsd:date ] ;
           sh:property [ sh:path ex:k ; sh:nodeKind sh:BlankNodeOrIRI ] ;
           sh:property [ sh:path ex:l ; sh:languageIn ( "en" "fr" ) ] ;
           sh:property [ sh:path ex:i ; sh:in ( ex:x 1 "y" ) ] .""",
        """ex:a ex:v 1, "2", "abc"^^xsd:integer ; ex:d "2020-01-31"^^xsd:date, "2020-02-31"^^xsd:date ;
           ex:k ex:x, [], "lit" ; ex:l "hi"@en, "salut"@fr-CA, "hola"@es, "plain" ;
           ex:i ex:x, ex:z, 1, 2, "y", "y"@en .""",
    ),
    "patterns with flags": (
        """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:s ;
           sh:property [ sh:path ex:s ; sh:pattern "^a[0-9]+$" ; sh:flags "i" ] .""",
        """ex:a ex:s "a12", "A7", "b3", "a" .""",
    ),
    "property pairs": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:T ;
           sh:property [ sh:path ex:p ; sh:equals ex:q ; sh:disjoint ex:r ] ;
           sh:property [ sh:path ex:start ; sh:lessThanOrEquals ex:end ; sh:lessThan ex:stop ] .""",
        """ex:a a ex:T ; ex:p 1, 2 ; ex:q 2, 3 ; ex:r 1 ; ex:start 5 ; ex:end 5, 4 ; ex:stop 5 .
           ex:b a ex:T ; ex:p 1 ; ex:q 1 ; ex:start 1 ; ex:end 2 ; ex:stop 3 .""",
    ),
    "logical and shape-based constraints": (
        """ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
           ex:Aged a sh:NodeShape ; sh:property [ sh:path ex:age ; sh:minCount 1 ] .
           ex:S a sh:NodeShape ; sh:targetClass ex:T ;
               sh:or ( ex:Named ex:Aged ) ;
               sh:property [ sh:path ex:friend ; sh:node ex:Named ] ;
               sh:property [ sh:path ex:rival ; sh:not ex:Named ] ;
               sh:property [ sh:path ex:pet ; sh:and ( ex:Named ex:Aged ) ] ;
               sh:property [ sh:path ex:twin ; sh:xone ( ex:Named ex:Aged ) ] .""",
        """ex:a a ex:T ; ex:name "A" ; ex:friend ex:b, ex:c ; ex:rival ex:c, ex:b ; ex:pet ex:d, ex:b ;
               ex:twin ex:d, ex:b, ex:e .
           ex:b ex:name "B" . ex:c ex:age 3 . ex:d ex:name "D" ; ex:age 4 .
           ex:e a ex:T .""",
    ),
    "qualified counts": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:T ;
           sh:property [ sh:path ex:part ; sh:qualifiedValueShape [ sh:class ex:Wheel ] ;
                         sh:qualifiedMinCount 2 ; sh:qualifiedMaxCount 3 ] .""",
        """ex:a a ex:T ; ex:part ex:w1, ex:x . ex:w1 a ex:Wheel . ex:w2 a ex:Wheel . ex:w3 a ex:Wheel . ex:w4 a ex:Wheel .
           ex:b a ex:T ; ex:part ex:w1, ex:w2 . ex:c a ex:T ; ex:part ex:w1, ex:w2, ex:w3, ex:w4 .""",
    ),
    "screened: one conforming value at most, what nodes lack, classes of shared values": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:T ;
               sh:property [ sh:path ex:kind ; sh:qualifiedValueShape [ sh:in ( ex:x ex:y ) ] ;
                             sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] ;
               sh:property [ sh:path ex:label ; sh:minCount 1 ] ;
               sh:property [ sh:path ex:tag ; sh:hasValue ex:t ] ;
               sh:property [ sh:path ex:owner ; sh:class ex:Person ; sh:maxCount 1 ] .""",
        """ex:a a ex:T ; ex:kind ex:x, ex:y ; ex:label "A" ; ex:tag ex:t ; ex:owner ex:p, ex:q .
           ex:b a ex:T ; ex:kind ex:z ; ex:tag ex:u ; ex:owner ex:p .
           ex:c a ex:T ; ex:kind ex:x, ex:z ; ex:label "C" ; ex:tag ex:t ; ex:owner ex:q .
           ex:d a ex:T ; ex:kind ex:y ; ex:label "D" ; ex:tag ex:t ; ex:owner ex:p .
           ex:p a ex:Person . ex:q a ex:Robot . ex:other ex:kind ex:x, ex:y ; ex:owner ex:q, ex:p .""",
    ),
    "has value and closed shapes": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:closed true ; sh:ignoredProperties ( rdf:type ) ;
               sh:property [ sh:path ex:colour ; sh:hasValue ex:red ] ; sh:property [ sh:path ex:size ] .
           ex:Only a sh:NodeShape ; sh:targetSubjectsOf ex:only ; sh:hasValue ex:one .""",
        """ex:a a ex:T ; ex:colour ex:blue ; ex:size 3 ; ex:weight 4 . ex:b a ex:T ; ex:colour ex:red .
           ex:one ex:only 1 . ex:two ex:only 2 .""",
    ),
    "targets and paths": (
        """ex:Animal a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:legs ; sh:minCount 1 ] .
           ex:N a sh:NodeShape ; sh:targetNode ex:z, ex:absent ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .
           ex:O a sh:NodeShape ; sh:targetObjectsOf ex:knows ;
               sh:property [ sh:path [ sh:inversePath ex:knows ] ; sh:maxCount 1 ] ;
               sh:property [ sh:path [ sh:zeroOrMorePath ex:parent ] ; sh:class ex:Person ] ;
               sh:property [ sh:path [ sh:alternativePath ( ex:name ex:label ) ] ; sh:minCount 1 ] .""",
        """ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog . ex:cat a ex:Animal ; ex:legs 4 .
           ex:z ex:p ex:y . ex:y ex:r 1 .
           ex:a ex:knows ex:k . ex:b ex:knows ex:k . ex:k a ex:Person ; ex:parent ex:m ; ex:label "K" .
           ex:m a ex:Robot . ex:c ex:knows ex:n . ex:n a ex:Person ; ex:name "N" .""",
    ),
    "severities, messages and deactivated shapes": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:severity sh:Warning ;
               sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity sh:Info ; sh:message "No p here." ] ;
               sh:property [ sh:path ex:q ; sh:maxCount 0 ; sh:deactivated true ] ;
               sh:property [ sh:path ex:r ; sh:datatype xsd:string ; sh:message "An r is a string." ] .""",
        """ex:a a ex:T ; ex:q 1 ; ex:r 2 .""",
    ),
    "SPARQL constraints": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:T ;
               sh:sparql [ sh:message "{$this} and {?other} share the name {?value}" ;
                           sh:select "SELECT $this ?value ?other WHERE { $this <http://example.org/name> ?value . ?other <http://example.org/name> ?value . FILTER(?other != $this) FILTER NOT EXISTS { $this <http://example.org/twin>/<http://example.org/self> ?other } }" ] .
           ex:P a sh:PropertyShape ; sh:targetClass ex:T ; sh:path ex:age ;
               sh:sparql [ sh:message "negative age" ; sh:select "SELECT $this ?value WHERE { $this $PATH ?value . FILTER(?value < 0) }" ] .""",
        """ex:a a ex:T ; ex:name "Ann" ; ex:age -1 . ex:b a ex:T ; ex:name "Ann" ; ex:age 3 .
           ex:c a ex:T ; ex:name "Bo" ; ex:twin ex:t . ex:t ex:self ex:d . ex:d a ex:T ; ex:name "Bo" .""",
    ),
}


def _validate(name: str, engine: str):
    shapes_ttl, data_ttl = CASES[name]
    path = tmp_dir() / f"sparql-engine-{abs(hash(name))}.ttl"
    path.write_text(HEAD + shapes_ttl)
    triples = list(ox.parse((HEAD + data_ttl).encode(), format=ox.RdfFormat.TURTLE))
    return validate_triples(triples, [path], engine=engine, project_shapes=False)


def _keys(report, name: str) -> set[tuple]:
    worded = "sh:message" in CASES[name][0]
    return {(r.severity, r.rule, r.node_shape, r.focus, r.path, r.value_term, r.component,
             r.message if worded else None) for r in report.results}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_sparql_engine_finds_what_pyshacl_finds(name):
    found, reference = _validate(name, "sparql"), _validate(name, "pyshacl")
    assert found.engine == "sparql" and reference.results, "each case breaks its shapes"
    assert all(r.message for r in found.results)
    mine, theirs = _keys(found, name), _keys(reference, name)
    assert mine == theirs, {"only sparql": sorted(mine - theirs, key=str), "only pyshacl": sorted(theirs - mine, key=str)}


@pytest.mark.parametrize("before, after", [
    # several triples or a property path: an anti-join at the end of the group
    ("?this :p ?x . FILTER NOT EXISTS { ?this :q ?y . ?y :r ?x } BIND(1 AS ?z) }",
     "?this :p ?x .  BIND(1 AS ?z) MINUS { ?this :q ?y . ?y :r ?x } }"),
    ("{ ?this :p ?n . FILTER NOT EXISTS { ?this :q/:r ?n } } UNION { ?this :s ?n } }",
     "{ ?this :p ?n .  MINUS { ?this :q/:r ?n } } UNION { ?this :s ?n } }"),
    # left alone: one plain triple (answered by index), no ?this, a FILTER inside, braces in strings
    ("FILTER NOT EXISTS { ?this :q ?x } }", "FILTER NOT EXISTS { ?this :q ?x } }"),
    ("FILTER NOT EXISTS { ?a :q ?b . ?b :r ?c } }", "FILTER NOT EXISTS { ?a :q ?b . ?b :r ?c } }"),
    ("FILTER NOT EXISTS { ?this :q ?b . ?b :r ?c FILTER(?c > ?x) } }",
     "FILTER NOT EXISTS { ?this :q ?b . ?b :r ?c FILTER(?c > ?x) } }"),
    ('FILTER NOT EXISTS { ?this :q "}" ; :r ?c } }', ' MINUS { ?this :q "}" ; :r ?c } }'),
])
def test_not_exists_becomes_an_anti_join_only_where_both_mean_the_same(before, after):
    assert _anti_joins(before) == after
