"""``ungraph build`` end to end: good and bad input side by side; nothing is silently dropped."""
from __future__ import annotations

import json
import os
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from ungraph.cli import main
from ungraph import vocab

from conftest import CORPUS
from pdfs import make_pdf

GOOD = ["A_RES_75_324.md", "A_RES_77_15.txt"]


@pytest.fixture()
def mixed_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(os.urandom(2000) + b"\0\0")
    pdf = make_pdf([["The General Assembly,", "", "1. Requests the Secretary-General to report."]])
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "no_operative_part.txt").write_text(
        "The General Assembly,\n\nRecalling its resolution 48/2 of 13 October 1993,\n\n"
        "Noting the efforts of the Economic Cooperation Organization,\n")
    (folder / "huge.txt").write_text("The General Assembly,\n\n" + "1. Decides to remain seized. " * 400_000)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a supported format")
    return folder


def test_the_summary_counts_every_kind_of_document_in_words_that_agree(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(CORPUS / "A_RES_75_324.md", folder)
    run = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "g.ttl"), "--no-validate", "-q"])
    assert run.stdout.splitlines()[1].startswith("1 document from 1 file: 1 resolution, 0 drafts, ")
    (folder / "notice.txt").write_text("The General Assembly,\n\n1. Decides to remain seized of the matter.\n")
    run = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "g.ttl"), "--no-validate", "-q"])
    assert run.stdout.splitlines()[1].startswith("2 documents from 2 files: 1 resolution, 0 drafts, 1 other document, ")


def test_bad_files_are_reported_and_the_rest_is_built(mixed_corpus, tmp_path):
    out = tmp_path / "g.ttl"
    errors = tmp_path / "errors.json"
    result = CliRunner().invoke(
        main, ["build", str(mixed_corpus), "-o", str(out), "--no-validate", "-q", "--errors", str(errors)])
    assert result.exit_code == 0, result.output + result.stderr
    assert "2 documents from 8 files" in result.stdout
    reported = {e["file"]: e["error"] for e in json.loads(errors.read_text())}
    assert set(reported) == {"empty.txt", "binary.txt", "truncated.pdf", "no_operative_part.txt",
                             "huge.txt", "notes.docx"}
    assert "empty file" in reported["empty.txt"]
    assert "binary" in reported["binary.txt"]
    assert "truncated or corrupt PDF" in reported["truncated.pdf"]
    assert "no operative part" in reported["no_operative_part.txt"]
    assert "larger than" in reported["huge.txt"]
    assert "unsupported file type" in reported["notes.docx"]
    for name, message in reported.items():
        assert message.startswith(name) and "\n" not in message
        assert message in result.stderr
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TURTLE)
    files = {s["f"].value for s in store.query(
        f"SELECT ?f WHERE {{ ?d <{vocab.UNG}sourceFile> ?f }}")}
    assert files == set(GOOD)


def test_strict_exits_non_zero_when_a_file_failed(mixed_corpus, tmp_path):
    result = CliRunner().invoke(
        main, ["build", str(mixed_corpus), "-o", str(tmp_path / "g.nt"), "--no-validate", "-q", "--strict"])
    assert result.exit_code == 1


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_every_serialization_carries_the_same_triples(tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    result = CliRunner().invoke(main, ["build", str(CORPUS / "A_RES_75_324.md"), "-o", str(out),
                                       "--no-validate", "-q"])
    assert result.exit_code == 0, result.output
    from ungraph import rdf

    triples = set(rdf.read(out))
    reference = set(rdf.read(_build(tmp_path, ".nt")))
    assert triples == reference and len(triples) > 500


def _build(tmp_path, suffix):
    out = tmp_path / f"reference{suffix}"
    if not out.exists():
        CliRunner().invoke(main, ["build", str(CORPUS / "A_RES_75_324.md"), "-o", str(out), "--no-validate", "-q"])
    return out


def test_turtle_is_deterministic(tmp_path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for out, jobs in ((a, "1"), (b, "2")):
        result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(out), "--no-validate", "-q", "-j", jobs])
        assert result.exit_code == 0, result.output
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("suffix", [".ttl", ".rdf"])   # written as it comes / written at the end
def test_the_report_counts_what_the_documents_hold(tmp_path, suffix):
    from ungraph.build import build_corpus, extract_corpus

    report = build_corpus(CORPUS, tmp_path / f"g{suffix}", validate=False, jobs=2)
    docs, errors = extract_corpus(CORPUS, jobs=1)
    assert not errors and [d.source_file for d in report.documents] == [d.source_file for d in docs]
    c = report.counts()
    assert c["documents"] == len(docs) and c["errors"] == 0
    assert c["paragraphs"] == sum(len(d.paragraphs) for d in docs)
    assert (c["recalls"], c["cites"]) == (sum(len(d.recalls()) for d in docs), sum(len(d.cites()) for d in docs))
    assert c["bodies"] == len({m.key for d in docs for m in d.mentions()}) > 50
    assert c["addressees"] == sum(len(a.addressees) for d in docs for p in d.operative for a in p.actions)
    assert c["drafts"] == sum(d.header.kind.value == "draft_resolution" for d in docs) > 0
    assert c["resolutions"] == sum(d.header.kind.value == "resolution" for d in docs) > 0
    assert c["actions"] == sum(len(p.actions) for d in docs for p in d.operative) > 100


def test_unknown_output_format_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(tmp_path / "g.xyz")])
    assert result.exit_code == 2 and "unknown RDF format" in result.output


def test_contract_terms_in_the_corpus_graph(corpus_graph):
    store = ox.Store()
    store.load(path=str(corpus_graph), format=ox.RdfFormat.TURTLE)

    def ask(q):
        return store.query(vocab.SPARQL_PREFIXES + q)

    assert ask("""ASK { ?d a ung:Resolution ; ung:sourceFile "A_RES_75_324.md" ; ung:symbol "A/RES/75/324" ;
                 ung:session 75 ; ung:agendaItem "130 (i)" ; ung:adoptionDate "2021-09-09"^^xsd:date ;
                 dcterms:title ?t ; ung:concerns ?eco ; ung:recalls ?r ; ung:invites ?unctad .
                 ?eco skos:prefLabel "Economic Cooperation Organization"@en ; skos:altLabel "ECO"@en .
                 ?r ung:symbol "A/RES/48/2" ; ung:adoptionDate "1993-10-13"^^xsd:date .
                 ?d ung:hasOperativeParagraph ?p . ?p ung:paragraphNumber 8 ; ung:hasAction ?a .
                 ?a ung:verb "invites" ; ung:addressee ?unctad .
                 ?unctad skos:altLabel "UNCTAD"@en }""")
    # the same body is one node across documents, whatever name the text used
    assert ask("""ASK { ?a ung:sourceFile "A_RES_77_18.txt" ; ung:concerns ?oic .
                        ?b ung:sourceFile "A_75_L_OIC_draft_2020.md" ; ung:concerns ?oic }""")
    # a recalled resolution that is also in the corpus is the same node
    assert ask("""ASK { ?d ung:sourceFile "A_RES_77_15.txt" ; ung:recalls ?r . ?r ung:sourceFile "A_RES_75_8.txt" }""")
    # every relation is traceable to the words behind it
    assert ask("""ASK { ?d ung:sourceFile "A_RES_75_324.md" ; ung:hasPreambularParagraph ?p .
                        ?p ung:hasReference ?ref ; ung:text ?text . ?ref ung:text "48/2 of 13 October 1993" ;
                        ung:start ?s ; ung:end ?e ; ung:refersTo ?r .
                        FILTER(SUBSTR(?text, ?s + 1, ?e - ?s) = "48/2 of 13 October 1993") }""")
    assert ask("""ASK { <https://w3id.org/ungraph/id/doc/A/RES/75/324> ung:permalink <https://undocs.org/A/RES/75/324> }""")


def built(tmp_path, files: dict[str, str], *options: str):
    """Build a folder of the given texts with the CLI; the run's result and the graph in a store."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q", *options])
    assert result.exit_code == 0, result.output
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TURTLE)
    return result, store


def test_a_resolution_adopted_on_a_committee_report_links_both(tmp_path):
    result, store = built(tmp_path, {"A_RES_78_110.txt":
        "United Nations A/RES/78/110\n\nGeneral Assembly Distr.: General\n18 December 2023\n\n"
        "Seventy-eighth session\nAgenda item 82\n\nResolution adopted by the General Assembly on 7 December 2023\n\n"
        "[on the report of the Sixth Committee (A/78/467)]\n\n"
        "78/110. Responsibility of States for internationally wrongful acts\n\nThe General Assembly,\n\n"
        "Recalling its resolution 56/83 of 12 December 2001,\n\n1. Requests the Secretary-General to report;\n"})
    assert "conforms (0 violations" in result.stdout
    rows = [(r["report"].value, r["committee"].value) for r in store.query(f"""
        PREFIX ung: <{vocab.UNG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?report ?committee WHERE {{
            ?d ung:symbol "A/RES/78/110" ; ung:basedOnReport ?r ; ung:recommendedBy ?b .
            ?r a ung:Report ; ung:symbol ?report . ?b skos:prefLabel ?committee }}""")]
    assert rows == [("A/78/467", "Sixth Committee")]


def test_the_record_of_a_vote_is_in_the_graph(tmp_path):
    result, store = built(tmp_path, {"A_HRC_RES_55_20.txt":
        "United Nations A/HRC/RES/55/20\n\nGeneral Assembly Distr.: General\n8 April 2024\n\n"
        "Human Rights Council\nFifty-fifth session\nAgenda item 4\n\n"
        "Resolution adopted by the Human Rights Council on 3 April 2024\n\n55/20. Situation of human rights\n\n"
        "The Human Rights Council,\n\nRecalling its resolution 52/31,\n\n"
        "1. Requests the Office of the United Nations High Commissioner for Human Rights to report;\n\n"
        "49th meeting\n3 April 2024\n\n[Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting\n"
        "was as follows:\n\nIn favour:\nBolivia (Plurinational State of), Chile, Trinidad and\nTobago\n\n"
        "Against:\nCuba\n\nAbstaining:\nIndia]\n"})
    assert "conforms (0 violations" in result.stdout and "notes from reading" not in result.stdout
    (row,) = store.query(f"""PREFIX ung: <{vocab.UNG}>
        SELECT ?method ?yes ?no ?abst (GROUP_CONCAT(?m; separator="|") AS ?members) WHERE {{
            ?d ung:symbol "A/HRC/RES/55/20" ; ung:votingMethod ?method ; ung:votesInFavour ?yes ;
               ung:votesAgainst ?no ; ung:abstentions ?abst ; ung:memberInFavour ?m }}
        GROUP BY ?method ?yes ?no ?abst""")
    assert [v.value for v in row][:4] == ["recorded vote", "3", "1", "1"]
    assert sorted(row["members"].value.split("|")) == ["Bolivia (Plurinational State of)", "Chile", "Trinidad and Tobago"]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_security_council_resolution_is_not_asked_for_a_title(tmp_path, engine):
    # S/RES/... print no title; a bare draft and an Assembly resolution without one are doubtful
    from ungraph.validate import validate_graph

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "S_RES_2719(2023).txt").write_text(
        "United Nations S/RES/2719 (2023)\n\nSecurity Council Distr.: General\n21 December 2023\n\n"
        "Resolution 2719 (2023)\n\nAdopted by the Security Council at its 9518th meeting, on 21 December 2023\n\n"
        "The Security Council,\n\nRecalling its resolutions 2033 (2012) and 2320 (2016),\n\n"
        "1. Requests the Secretary-General to report;\n")
    shutil.copy(CORPUS / "S_2023_970.txt", folder / "S_2023_970.txt")
    out = tmp_path / "g.ttl"
    assert CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q", "--no-validate"]).exit_code == 0
    report = validate_graph(out, engine=engine)
    untitled = {r.source_file for r in report.results if r.rule == "ungsh:CorpusDocument-title"}
    assert untitled == {"S_2023_970.txt"}


def test_a_report_cited_first_as_a_bare_symbol_is_still_a_report(tmp_path):
    # "A/6236" says nothing of its kind in a footnote; the header of another resolution does
    head = ("United Nations A/RES/21/{n}\n\nGeneral Assembly Distr.: General\n\n"
            "Resolution adopted by the General Assembly on 16 December 1966\n\n{line}\n\n"
            "21/{n}. A title\n\nThe General Assembly,\n\n")
    result, store = built(tmp_path, {
        "A_RES_21_1.txt": head.format(n=1, line="") + "Recalling its resolution 20/5,1\n\n"
        "1. Requests the Secretary-General to report;\n\n__________________\n\n1 A/6236.\n",
        "A_RES_21_2.txt": head.format(n=2, line="[on the report of the Third Committee (A/6236)]")
        + "Recalling its resolution 20/5,\n\n1. Requests the Secretary-General to report;\n"})
    assert "conforms (0 violations" in result.stdout, result.output
    kinds = {r["c"].value for r in store.query(f"SELECT ?c WHERE {{ <{vocab.document_iri('A/6236')}> a ?c }}")}
    assert kinds == {vocab.UNG + "Report"}
