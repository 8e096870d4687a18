"""A text that prints no symbol keeps the one its file is named after (A_RES_78_325-EN.pdf).

The texts are real: the bare Security Council draft S/2023/970 as pasted (it starts at
"The Security Council,"), and the resolution A/RES/78/325 with its header.
"""
from __future__ import annotations

import pytest

from ungraph.extract import extract
from ungraph.symbols import symbol_in_file_name

from conftest import CORPUS

# file name, symbol it is named after (None: not a symbol)
FILE_NAMES = [
    ("A_RES_78_325-EN.pdf", "A/RES/78/325"),
    ("A_RES_78_325.txt", "A/RES/78/325"),
    ("A_RES_75_257B-EN.pdf", "A/RES/75/257B"),
    ("A_RES_3369(XXX)-EN.pdf", "A/RES/3369(XXX)"),
    ("A_RES_ES-10_21-EN.pdf", "A/RES/ES-10/21"),
    ("A_80_L.12.txt", "A/80/L.12"),
    ("A_ES-10_L.30-EN.pdf", "A/ES-10/L.30"),
    ("A_78_L.45_Rev.1-EN.pdf", "A/78/L.45/Rev.1"),
    ("A_C.3_78_L.5-EN.pdf", "A/C.3/78/L.5"),
    ("A_HRC_RES_55_1-EN.pdf", "A/HRC/RES/55/1"),
    ("A_HRC_55_L.12.md", "A/HRC/55/L.12"),
    ("E_RES_2024_1-EN.pdf", "E/RES/2024/1"),
    ("S_RES_2719(2023)-EN.pdf", "S/RES/2719(2023)"),
    ("S_2023_970.txt", "S/2023/970"),
    ("A_HRC_RES_S-30_1-EN.pdf", "A/HRC/RES/S-30/1"),
    ("A_HRC_DEC_55_101.txt", "A/HRC/DEC/55/101"),
    ("S_RES_2719 (2023) (E).pdf", "S/RES/2719(2023)"),
    ("A_RES_78_262_A.txt", None),               # a part letter, not a language: not guessed
    ("A_75_L_OIC_draft_2020.md", None),         # a name a person gave it
    ("N2334567.pdf", None),                      # the document system's job number
    ("S_RES_2719-EN.pdf", None),                 # a Security Council symbol needs its year
    ("A_RES_78.txt", None),
    ("resolution.txt", None),
]


@pytest.mark.parametrize("name,symbol", FILE_NAMES)
def test_symbol_in_file_name(name, symbol):
    assert symbol_in_file_name(name) == symbol


@pytest.fixture(scope="module")
def bare_draft():
    return (CORPUS / "S_2023_970.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def resolution():
    return (CORPUS / "A_RES_78_325.txt").read_text(encoding="utf-8")


def test_a_text_without_symbol_takes_the_file_name(bare_draft):
    doc = extract(bare_draft, "S_2023_970-EN.pdf")
    assert (doc.header.symbol, doc.header.organ, doc.header.symbol_from_file_name) == ("S/2023/970", "SC", True)
    assert any("S/2023/970 taken from the file name" in w for w in doc.warnings)


def test_a_text_without_symbol_and_a_plain_name_has_none(bare_draft):
    doc = extract(bare_draft, "ceasefire draft.txt")
    assert doc.header.symbol is None and not doc.header.symbol_from_file_name
    assert not any("file name" in w for w in doc.warnings)


def test_a_name_of_another_organ_is_not_used(bare_draft):
    # the text is the Security Council's; a General Assembly symbol cannot be its own
    doc = extract(bare_draft, "A_RES_78_325.txt")
    assert doc.header.symbol is None
    assert any("another organ" in w and "A/RES/78/325" in w for w in doc.warnings)


def test_a_name_gives_kind_and_session_when_the_text_has_neither(resolution):
    body = resolution[resolution.index("The General Assembly,"):]   # pasted without its header
    doc = extract(body, "A_RES_78_325-EN.pdf")
    h = doc.header
    assert (h.symbol, h.kind.value, h.organ, h.session) == ("A/RES/78/325", "resolution", "GA", 78)


def test_the_printed_symbol_wins_and_a_different_name_is_reported(resolution):
    doc = extract(resolution, "A_RES_78_326.txt")
    assert doc.header.symbol == "A/RES/78/325" and not doc.header.symbol_from_file_name
    assert any("file name says A/RES/78/326 but the text prints A/RES/78/325" in w for w in doc.warnings)


def test_a_name_that_agrees_says_nothing(resolution):
    doc = extract(resolution, "A_RES_78_325-EN.pdf")
    assert doc.header.symbol == "A/RES/78/325"
    assert not any("file name" in w for w in doc.warnings)


def test_the_build_names_the_documents_it_has_doubts_about(tmp_path):
    # end to end as a user runs it: a pasted draft saved under its symbol, and a resolution
    # saved under the wrong one; both are built, and the build says what it assumed
    from click.testing import CliRunner
    import pyoxigraph as ox

    from ungraph.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "S_2023_970-EN.txt").write_text((CORPUS / "S_2023_970.txt").read_text(encoding="utf-8"))
    (folder / "A_RES_78_326.txt").write_text((CORPUS / "A_RES_78_325.txt").read_text(encoding="utf-8"))
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "notes from reading the documents (2)" in result.stderr
    assert "S_2023_970-EN.txt: symbol S/2023/970 taken from the file name" in result.stderr
    assert "A_RES_78_326.txt: the file name says A/RES/78/326 but the text prints A/RES/78/325" in result.stderr
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TURTLE)
    rows = {(r["s"].value, r["src"].value if r["src"] else None) for r in store.query(
        "PREFIX ung: <https://w3id.org/ungraph/ontology#> "
        "SELECT ?s ?src WHERE { ?d ung:sourceFile ?f ; ung:symbol ?s OPTIONAL { ?d ung:symbolSource ?src } }")}
    assert rows == {("S/2023/970", "file name"), ("A/RES/78/325", None)}


def test_a_name_of_another_kind_is_not_used():
    # a draft ("United Arab Emirates: draft resolution") printed without its symbol cannot be
    # the adopted resolution its file name says; a draft symbol is taken
    text = (CORPUS / "A_75_L_OIC_draft_2020.md").read_text(encoding="utf-8")
    doc = extract(text, "A_RES_75_1.md")
    assert doc.header.symbol is None
    assert any("another kind of document" in w for w in doc.warnings)
    doc = extract(text, "A_75_L.42-EN.pdf")
    assert (doc.header.symbol, doc.header.kind.value, doc.header.session) == ("A/75/L.42", "draft_resolution", 75)
