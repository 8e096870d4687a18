"""The graph of the bundled corpus against the shapes.

Every result on it must be either a true finding about the source texts (explained here
and by the report's own message) or a known extraction bug (KNOWN_EXTRACTION_BUGS), which
the report must name and which is not hidden by weakening a shape.
"""
from __future__ import annotations

import re
import shutil

import pytest
from test_validate_support import (
    CORPUS, KNOWN_EXTRACTION_BUGS, SMALL_FILES, corpus_graph, result_keys, tmp_dir,
)

from ungraph.build import build_corpus
from ungraph.validate import turbo_available, validate_graph

# Files whose text has no header at all: a bare Security Council draft that starts with
# "The Security Council," -- no symbol, no title, no date is printed (the symbol is taken
# from the file's name).
HEADERLESS = {"S_2023_970.txt", "S_2024_302.txt"}


@pytest.fixture(scope="module")
def report():
    return validate_graph(corpus_graph())


def explain(r) -> str | None:
    """Why a result on the corpus graph is expected, or None when it is not."""
    if r.rule in KNOWN_EXTRACTION_BUGS:
        return KNOWN_EXTRACTION_BUGS[r.rule]
    if r.severity == "Violation":
        return None
    if r.rule in ("ungsh:CorpusDocument-title", "ungsh:CorpusDocument-date") and r.source_file in HEADERLESS:
        return "the text prints no header (no title, no date)"
    if r.rule == "ungsh:CorpusDocument-symbolFromFileName" and r.source_file in HEADERLESS:
        return "the text prints no symbol; the file is named after one"
    if r.rule == "ungsh:AddresseeInGazetteerShape":
        return "a body named in the text that the gazetteer lacks (the report quotes the words)"
    if r.rule == "ungsh:CitedDateUnknownShape":
        return "no citing text prints the date of this resolution"
    if r.rule == "ungsh:MentionInGazetteerShape":
        return "a name the gazetteer lacks (a note for its curators)"
    return None


def test_every_result_on_the_corpus_is_explained(report):
    unexplained = [(r.severity, r.rule, r.focus, r.message) for r in report.results if not explain(r)]
    assert not unexplained, unexplained[:10]


def test_the_corpus_graph_conforms(report):
    assert report.conforms, [(r.rule, r.focus) for r in report.results if r.severity == "Violation"][:10]


def test_findings_about_the_texts_point_to_them(report):
    untitled = {r.source_file for r in report.results if r.rule == "ungsh:CorpusDocument-title"}
    assert untitled == HEADERLESS
    named = {(r.source_file, r.symbol) for r in report.results if r.rule == "ungsh:CorpusDocument-symbolFromFileName"}
    assert named == {("S_2023_970.txt", "S/2023/970"), ("S_2024_302.txt", "S/2024/302")}
    for r in report.results:
        if r.rule == "ungsh:AddresseeInGazetteerShape":
            assert r.source_file and r.paragraph_label.startswith("operative paragraph")
            assert r.paragraph_text
            assert r.words is None or r.words in r.paragraph_text
        if r.rule == "ungsh:CitedDateUnknownShape":   # where the undated resolution is cited
            assert r.source_file and r.words and r.words in r.paragraph_text


def test_results_are_sorted_by_severity_then_rule(report):
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    keys = [(order[r.severity], r.rule) for r in report.results]
    assert keys == sorted(keys)


@pytest.mark.parametrize("engine", ["sparql", "turbo"])
def test_every_engine_agrees_with_pyshacl_on_the_corpus(report, engine):
    if engine == "turbo" and not turbo_available():
        pytest.skip("pyshacl-turbo is not installed")
    assert report.engine == "sparql"
    found = report if engine == "sparql" else validate_graph(corpus_graph(), engine=engine)
    reference = validate_graph(corpus_graph(), engine="pyshacl")
    assert result_keys(found) == result_keys(reference)
    assert found.one_line() == reference.one_line()


def test_build_validates_and_reports_one_line():
    folder = tmp_dir() / "build-corpus"
    folder.mkdir(exist_ok=True)
    for name in SMALL_FILES:
        shutil.copy(CORPUS / name, folder / name)
    built = build_corpus(folder, tmp_dir() / "built.ttl", validate=True)
    line = built.validation.one_line()
    assert re.fullmatch(r"validated: (conforms|does not conform) \(\d+ violations?, \d+ warnings?, \d+ info\)", line)
