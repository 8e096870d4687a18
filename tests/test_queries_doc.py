"""Every saved query documents itself: the question, its parameters, a real example output.

The check is a function, :func:`problems`, so the last test can show that it catches a
query without documentation."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import conftest_oxigraph as support  # noqa: E402

from ungraph.cli import main  # noqa: E402
from ungraph.query import (EmbeddedStore, ParameterError, SavedQuery, bindings_for, load_query, run,  # noqa: E402
                           saved_queries, strip_comments)

SAVED = saved_queries()


@pytest.fixture(scope="module")
def store():
    return EmbeddedStore(support.corpus_graph())

# the research questions the issue asked for, by saved query
REQUIRED = {"most-invited-agencies", "agencies-per-organization", "recalled-by", "recall-chain", "agency-pairs",
            "verbs-toward-body", "newly-addressed", "paragraphs-mentioning", "resolutions-per-session"}


def problems(q: SavedQuery, store: EmbeddedStore) -> list[str]:
    """What is missing from a saved query's documentation (``store``: the corpus graph)."""
    out = []
    if len(q.question) < 20 or "?" not in q.question:
        out.append("no '# Question:' line asking the question")
    if not q.params_documented:
        out.append("no '# Parameters: none' line and no '# @param' declaration")
    body = strip_comments(q.text)
    for p in q.params:
        if not re.search(rf"[?$]{p.name}\b", body):
            out.append(f"parameter {p.name} is not a variable of the query")
        try:
            bindings_for(q, [(p.name, p.default)], store)
        except ParameterError as exc:
            out.append(f"default of {p.name}: {exc}")
        if not p.doc:
            out.append(f"parameter {p.name} has no description")
    lines = q.example.splitlines()
    if len(lines) < 3 or not re.fullmatch(r"\(\d+ rows?\)", lines[-1].strip()):
        out.append("no '# Example' block with a table ending in '(N rows)'")
        return out
    try:
        columns = run(store, q).columns        # parses and runs the query with its defaults
    except Exception as exc:
        return out + [f"does not run: {exc}"]
    if lines[0].split() != columns:
        out.append(f"example columns {lines[0].split()} are not the query's {columns}")
    if not re.search(r"Example \(bundled corpus; `ungraph query " + re.escape(q.name), q.text):
        out.append("the example does not say how it was produced (`ungraph query NAME ...`)")
    return out


def test_there_are_enough_saved_queries():
    assert len(SAVED) >= 12
    assert REQUIRED <= set(SAVED)


@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_query_is_documented(name, store):
    assert problems(SAVED[name], store) == []


def test_a_query_without_documentation_is_caught(tmp_path, store):
    bare = tmp_path / "bare.rq"
    bare.write_text("SELECT ?d WHERE { ?d ung:symbol ?symbol }\n")
    found = problems(load_query(bare), store)
    assert "no '# Question:' line asking the question" in found
    assert "no '# Parameters: none' line and no '# @param' declaration" in found
    assert any("Example" in p for p in found)
    stale = tmp_path / "stale.rq"
    stale.write_text("# Question: Which documents have a symbol at all?\n# @param x: 1 (integer)\n#\n"
                     "# Example (bundled corpus; `ungraph query stale`):\n#   d  s\n#   -  -\n#   (0 rows)\n"
                     "SELECT ?d WHERE { ?d ung:symbol ?symbol }\n")
    found = problems(load_query(stale), store)
    assert "parameter x is not a variable of the query" in found
    assert "parameter x has no description" in found
    assert "example columns ['d', 's'] are not the query's ['d']" in found
    nobody = tmp_path / "nobody.rq"
    nobody.write_text("# Question: Which documents mention a body nobody heard of?\n"
                      "# @param body: Nowhere Union (body) a body\n#\n"
                      "# Example (bundled corpus; `ungraph query nobody`):\n#   d\n#   -\n#   (0 rows)\n"
                      "SELECT ?d WHERE { ?d ung:mentions ?body }\n")
    found = problems(load_query(nobody), store)
    assert any(f.startswith("default of body: bad parameter body='Nowhere Union': no body") for f in found)


@pytest.mark.parametrize("command", ["query", "push", "serve"])
def test_every_command_help_has_an_example(command):
    assert "Example" in main.get_command(None, command).help
