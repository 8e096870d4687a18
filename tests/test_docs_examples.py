"""Docs drift: the example files the docs tell a new user to run exist and do what the docs
say. ``docs/examples/my-rules.ttl`` is the shapes snippet of docs/validation.md, and
``ungraph validate --shapes docs/examples/my-rules.ttl`` on the bundled corpus's graph
reports what docs/validation.md says it does."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from ungraph.cli import main

from conftest import CORPUS, ROOT

DOC = (ROOT / "docs" / "validation.md").read_text()
README = (ROOT / "README.md").read_text()
MY_RULES = ROOT / "docs" / "examples" / "my-rules.ttl"
RULE = "https://example.org/shapes#EveryResolutionHasAMeeting"


def _snippet() -> str:
    section = DOC.split("## Your own shapes", 1)[1].split("\n## ", 1)[0]
    m = re.search(r"```turtle\n(.*?)```", section, re.S)
    assert m, "docs/validation.md's 'Your own shapes' has no ```turtle snippet"
    return m.group(1)


def test_the_shipped_shapes_are_the_snippet_of_the_docs():
    assert MY_RULES.read_text() == _snippet()
    assert isomorphic(Graph().parse(data=_snippet(), format="turtle"), Graph().parse(MY_RULES, format="turtle"))


def test_the_docs_point_at_the_shipped_file():
    assert "--shapes docs/examples/my-rules.ttl" in DOC
    assert "--shapes docs/examples/my-rules.ttl" in README
    assert 'extra_shapes=["docs/examples/my-rules.ttl"]' in DOC


def test_validate_with_the_example_shapes_reports_what_the_docs_say(tmp_path, monkeypatch):
    graph = tmp_path / "ungraph.ttl"
    built = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(graph), "--no-validate", "-q", "-j", "1"])
    assert built.exit_code == 0, built.output
    monkeypatch.chdir(ROOT)  # the documented path is relative to a clone's root
    report = tmp_path / "report.json"
    run = CliRunner().invoke(main, ["validate", str(graph), "--shapes", "docs/examples/my-rules.ttl",
                                    "--format", "json", "-o", str(report)])
    documented = re.search(r"On the bundled corpus it adds (\d+) warnings \(exit status (\d)", DOC)
    assert documented, "docs/validation.md no longer says what the example shapes find"
    warnings, status = int(documented.group(1)), int(documented.group(2))
    assert run.exit_code == status, run.output
    found = [r for r in json.loads(report.read_text())["results"] if r["rule"] == RULE]
    assert len(found) == warnings
    assert {r["severity"] for r in found} == {"Warning"}
    assert {r["message"] for r in found} == {"The meeting at which this text was adopted is not recorded."}
