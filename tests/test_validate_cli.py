"""``ungraph validate``: every format, the exit statuses and the error messages."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import SH
from test_validate_support import patched, patched_small_graph, store_of, tmp_dir, update, write

from ungraph.cli import main


@pytest.fixture(scope="module")
def graphs():
    """A small graph that conforms, and the same graph with one violation and a title to escape."""
    ok = patched_small_graph()
    store = patched(store_of(ok))
    update(store, 'INSERT DATA { <https://w3id.org/ungraph/id/doc/A/RES/79/326> ung:cites '
                  '<https://w3id.org/ungraph/id/doc/A/RES/79/326> }')
    update(store, 'DELETE { ?d dcterms:title ?t } INSERT { ?d dcterms:title ?t2 } WHERE { '
                  'BIND(<https://w3id.org/ungraph/id/doc/A/RES/79/326> AS ?d) ?d dcterms:title ?t '
                  'BIND(STRLANG(CONCAT(?t, " <script>alert(1)</script> & more"), "en") AS ?t2) }')
    bad = write(store, "cli-bad.ttl")
    return {"ok": ok, "bad": bad}


def run(*args):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def test_text_report_of_a_conforming_graph(graphs):
    res = run(graphs["ok"])
    assert res.exit_code == 0, res.output
    assert "conforms (0 violations, 0 warnings" in res.output
    assert "Summary by rule:" in res.output               # the graph has notes (info)
    assert "Info" in res.output and "ungsh:CitedDateUnknownShape" in res.output


def test_text_report_groups_by_rule_and_shows_context(graphs):
    res = run(graphs["bad"])
    assert res.exit_code == 1, res.output
    out = res.output
    assert "does not conform (1 violation," in out
    summary, _, details = out.partition("\nViolation — ")
    assert "ungsh:NoSelfReferenceShape" in summary
    assert details.startswith("ungsh:NoSelfReferenceShape (1)")
    assert "why: A text cannot recall itself" in details
    assert "focus  doc:A/RES/79/326" in details
    assert "path   ung:cites" in details
    assert "where  A_RES_79_326.txt (A/RES/79/326)" in details


def test_limit_caps_results_per_rule(graphs):
    res = run(graphs["ok"], "--limit", "1")
    assert "more (use --limit 0 to see all)" in res.output
    res = run(graphs["ok"], "--limit", "0")
    assert "more (use --limit 0" not in res.output


def test_json_report(graphs):
    res = run(graphs["bad"], "--format", "json")
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert data["conforms"] is False and data["counts"]["violations"] == 1
    [v] = [r for r in data["results"] if r["severity"] == "Violation"]
    assert v["rule"] == "ungsh:NoSelfReferenceShape"
    assert v["focus"] == v["value"] == "https://w3id.org/ungraph/id/doc/A/RES/79/326"
    assert v["source_file"] == "A_RES_79_326.txt" and v["symbol"] == "A/RES/79/326"
    assert set(v) >= {"severity", "rule", "message", "focus", "path", "value", "document", "paragraph",
                      "paragraph_text", "words"}


def test_turtle_report_is_a_standard_shacl_report(graphs):
    res = run(graphs["bad"], "-f", "turtle")
    assert res.exit_code == 1
    g = rdflib.Graph().parse(data=res.output, format="turtle")
    [report] = list(g.subjects(rdflib.RDF.type, SH.ValidationReport))
    assert g.value(report, SH.conforms).toPython() is False
    results = list(g.objects(report, SH.result))
    violations = [r for r in results if g.value(r, SH.resultSeverity) == SH.Violation]
    assert len(violations) == 1
    assert g.value(violations[0], SH.sourceShape) == rdflib.URIRef("https://w3id.org/ungraph/shapes#NoSelfReferenceShape")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_escaped(graphs):
    out = tmp_dir() / "report.html"
    res = run(graphs["bad"], "--format", "html", "-o", out, "--limit", "0")
    assert res.exit_code == 1
    assert f"report written to {out}" in res.output
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>")
    parser = _Page()
    parser.feed(page)
    tags = {t for t, _ in parser.tags}
    assert "script" not in tags                                # the title's <script> was escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert not any(a.get("src") or (t == "link") for t, a in parser.tags)   # nothing to fetch
    text = "".join(parser.text)
    assert "ungsh:NoSelfReferenceShape" in text and "A_RES_79_326.txt (A/RES/79/326)" in text


def test_extra_shapes_option(graphs):
    extra = tmp_dir() / "cli-extra.ttl"
    extra.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ung: <https://w3id.org/ungraph/ontology#> .
<https://example.org/shapes#DraftsHaveTwoSponsors> a sh:NodeShape ;
    sh:targetSubjectsOf ung:sponsor ;
    sh:property [ sh:path ung:sponsor ; sh:minCount 2 ] ;
    sh:message "This project studies drafts with two sponsors or more." .
""")
    res = run(graphs["ok"], "--shapes", extra, "-f", "json")
    assert res.exit_code == 1
    rules = {r["rule"] for r in json.loads(res.output)["results"]}
    assert "https://example.org/shapes#DraftsHaveTwoSponsors" in rules
    res = run(graphs["ok"], "--shapes", extra, "--no-project-shapes", "-f", "json")
    assert {r["rule"] for r in json.loads(res.output)["results"]} == {"https://example.org/shapes#DraftsHaveTwoSponsors"}


@pytest.mark.parametrize("engine", ["pyshacl", "turbo"])
def test_engine_option(graphs, engine):
    pytest.importorskip("pyshacl_turbo") if engine == "turbo" else None
    res = run(graphs["bad"], "--engine", engine, "-f", "json")
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert data["engine"] == engine
    assert [r["rule"] for r in data["results"] if r["severity"] == "Violation"] == ["ungsh:NoSelfReferenceShape"]


def test_unreadable_graph_is_a_usage_error_in_one_line():
    missing = run(tmp_dir() / "missing.ttl")
    assert missing.exit_code == 2
    assert missing.output.strip() == f"Error: {tmp_dir() / 'missing.ttl'}: no such graph file"
    broken = tmp_dir() / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    res = run(broken)
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and res.output.startswith("Error: broken.ttl: not a readable Turtle graph")
    unknown = tmp_dir() / "graph.xyz"
    unknown.write_text("")
    res = run(unknown)
    assert res.exit_code == 2 and "unknown RDF format" in res.output


def test_unreadable_shapes_is_a_usage_error(graphs):
    bad_shapes = tmp_dir() / "bad-shapes.ttl"
    bad_shapes.write_text("this is not turtle")
    res = run(graphs["ok"], "--shapes", bad_shapes)
    assert res.exit_code == 2
    assert res.output.startswith("Error: bad-shapes.ttl: not a readable shapes graph")
    res = run(graphs["ok"], "--shapes", tmp_dir() / "nope.ttl")
    assert res.exit_code == 2 and "no such shapes file" in res.output


def test_bad_options_exit_2(graphs):
    assert run(graphs["ok"], "--format", "pdf").exit_code == 2
    assert run(graphs["ok"], "--engine", "fast").exit_code == 2
    assert run(graphs["ok"], "--no-project-shapes").exit_code == 2


def test_help_ends_with_an_example():
    res = CliRunner().invoke(main, ["validate", "--help"])
    assert res.exit_code == 0
    body = res.output.split("Options:")[0].rstrip()
    assert body.splitlines()[-2].strip() == "Example:"
    assert body.splitlines()[-1].strip().startswith("ungraph validate ")
