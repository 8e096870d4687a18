"""`ungraph extract FILE`: what was read from one document, as a table or as JSON."""
from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import CORPUS

from ungraph.cli import main

HRC = ("Human Rights Council\nFifty-second session\nAgenda item 4\n\n"
       "Resolution adopted by the Human Rights Council on 4 April 2023\n\n52/1. Situation of human rights\n\n"
       "The Human Rights Council,\n\nRecalling its resolution 49/27,\n\n"
       "1. Requests the Office of the United Nations High Commissioner for Human Rights to report;\n\n"
       "52nd meeting\n4 April 2023\n\n[Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting was as "
       "follows:\n\nIn favour:\nArgentina, Belgium, Chile\n\nAgainst:\nChina\n\nAbstaining:\nIndia]\n")


def test_extract_prints_what_a_real_resolution_says():
    result = CliRunner().invoke(main, ["extract", str(CORPUS / "A_RES_75_324.md")])
    assert result.exit_code == 0, result.output
    rows = dict(line.split(None, 1) for line in result.stdout.splitlines()[:9] if line.strip())
    assert rows["symbol"].strip() == "A/RES/75/324" and rows["session"].strip() == "75"
    assert "A/RES/48/2" in result.stdout and "Economic Cooperation Organization" in result.stdout


def test_extract_shows_the_vote_as_a_row_and_in_json(tmp_path):
    path = tmp_path / "A_HRC_RES_52_1.txt"
    path.write_text(HRC)
    text = CliRunner().invoke(main, ["extract", str(path)])
    assert "recorded vote, 3 in favour, 1 against, 1 abstaining" in text.stdout
    data = json.loads(CliRunner().invoke(main, ["extract", str(path), "--json"]).stdout)
    assert data["vote"]["members_in_favour"] == ["Argentina", "Belgium", "Chile"]
    assert (data["vote"]["method"], data["vote"]["against"]) == ("recorded vote", 1)


def test_extract_shows_the_report_a_resolution_was_adopted_on(tmp_path):
    path = tmp_path / "A_RES_78_110.txt"
    path.write_text("United Nations A/RES/78/110\n\nGeneral Assembly Distr.: General\n18 December 2023\n\n"
                    "Resolution adopted by the General Assembly on 7 December 2023\n\n"
                    "[on the reports of the Sixth Committee (A/78/467 and Add.1)]\n\n"
                    "78/110. Responsibility of States\n\nThe General Assembly,\n\n1. Requests the Secretary-General to report;\n")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert "Sixth Committee (A/78/467, A/78/467/Add.1)" in result.stdout


def test_extract_of_a_text_without_operative_part_is_one_line_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Some notes about the Economic Cooperation Organization.\n")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {path.name}: no operative part found (no numbered paragraphs and no operative verb such as "
        "\"Decides\"); not a resolution or decision text"]
