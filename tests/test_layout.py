"""Layout features of real UN texts: each case is a real passage in the layout it arrives in."""
from __future__ import annotations

import pytest

from ungraph.extract import extract

HEAD = """United Nations
A/RES/75/12

General Assembly
Distr.: General
30 November 2020

20-15849 (E)    071220
*2015849*

Seventy-fifth session
Agenda item 130 (o)
Cooperation between the United Nations and regional
and other organizations: cooperation between the
United Nations and the Black Sea Economic
Cooperation Organization

 Resolution adopted by the General Assembly
on 23 November 2020

75/12. Cooperation between the United Nations and the Black Sea
Economic Cooperation Organization

The General Assembly,

"""


def doc(body: str, head: str = HEAD, name: str = "A_RES_75_12.txt"):
    return extract(head + body, name)


def test_page_header_and_footnotes_inside_a_paragraph():
    body = """Recalling its resolution 54/5 of 8 October 1999,

1.
Takes note of the initiatives of the Black Sea Economic Cooperation
Organization aimed at mitigating the adverse effects of the COVID-19 pandemic for
the member States, in the fields of energy and the environment in
__________________

1  Resolution 70/1.

A/RES/75/12
Cooperation between the United Nations and the
Black Sea Economic Cooperation Organization

20-15849
2/6

the Black Sea region, and in this regard welcomes its cooperation with the United
Nations Environment Programme;1

2.
Invites the Secretary-General to strengthen dialogue with the Black Sea
Economic Cooperation Organization;

30th plenary meeting
23 November 2020
"""
    d = doc(body)
    first = d.operative[0]
    assert first.text.endswith("in the Black Sea region, and in this regard welcomes its cooperation "
                               "with the United Nations Environment Programme;")
    assert "20-15849" not in first.text and "2/6" not in first.text and "A/RES" not in first.text
    assert [f.text for f in first.footnotes] == ["Resolution 70/1."]
    assert [r.symbol for r in d.cites()] == ["A/RES/70/1"]
    assert [p.number for p in d.operative] == [1, 2]
    assert d.header.meeting == "30th plenary meeting"


def test_words_broken_by_the_extractor_are_joined():
    body = """1. Invites the Secretary-Gene ral of the United Nations to engage in regular
consultations with the Secretary-General of the Organization;
"""
    d = doc(body)
    assert d.operative[0].text.startswith("Invites the Secretary-General of the United Nations")
    assert [b.name for a in d.operative[0].actions for b in a.addressees] == ["Secretary-General"]


def test_one_word_per_line_is_reflowed():
    body = "1. Invites\nthe\nSecretary-General\nto\nreport;\n"
    assert doc(body).operative[0].text == "Invites the Secretary-General to report;"


def test_markdown_one_line_per_paragraph_and_run_together_numbers():
    text = ("Distr.: Limited 18 November 2020\n\nSeventy-fifth session Agenda item 130 (b)\n\n"
            "United Arab Emirates:* draft resolution\n\n"
            "Cooperation between the United Nations and the Organization of Islamic Cooperation\n\n"
            "The General Assembly,\n\n"
            "Recalling its resolution 3369 (XXX) of 10 October 1975,\n\n"
            "1. *Takes note* of the report of the Secretary-General;\n"
            "2. *Urges* the United Nations system to cooperate; 3. Also welcomes the cooperation;\n"
            "4. *Requests* the Secretary-General to report.\n")
    d = extract(text, "draft.md")
    assert [p.number for p in d.operative] == [1, 2, 3, 4]
    assert d.operative[2].text == "Also welcomes the cooperation;"
    assert d.header.kind.value == "draft_resolution" and d.header.sponsors == ("United Arab Emirates",)
    assert [r.symbol for r in d.recalls()] == ["A/RES/3369(XXX)"]


def test_superscript_and_markdown_footnotes():
    text = ("The General Assembly,\n\n"
            "Recalling its resolution [73/330](#) of 25 July 2019,¹\n\n"
            "1. *Invites* the International Trade Centre to report;²\n\n"
            "¹ See [A/75/345-S/2020/898](#), sect. II.\n\n"
            "² See resolution 70/1.\n")
    d = extract(text, "x.md")
    assert [f.text for f in d.preamble[0].footnotes] == ["See A/75/345-S/2020/898, sect. II."]
    assert [f.marker for f in d.operative[0].footnotes] == ["2"]
    assert [r.symbol for r in d.cites()] == ["A/RES/70/1"]
    assert [x.symbol for x in d.documents()] == ["A/75/345-S/2020/898"]
    assert "¹" not in d.preamble[0].text and "²" not in d.operative[0].text


def test_sub_items_belong_to_their_paragraph_and_headings_are_not_paragraphs():
    body = """1. Encourages increased cooperation between the United Nations and INTERPOL in:
(a) The INTERPOL global police communications system;
(b) INTERPOL databases;

Peace and security

2. Requests the Secretary-General to report;
"""
    d = doc(body)
    assert [p.number for p in d.operative] == [1, 2]
    assert d.operative[0].text.endswith("(b) INTERPOL databases;")


def test_pdf_pages_joined_by_form_feeds(tmp_path):
    from pdfs import make_pdf

    from ungraph.extract import extract_file

    pages = [["The General Assembly,", "", "Recalling its resolution 48/2 of 13 October 1993,", "",
              "1. Invites the World Trade Organization and the International Trade Centre"],
             ["A/RES/75/324", "2/3", "", "to develop strategies for trade liberalization;", "",
              "2. Requests the Secretary-General to report."]]
    path = tmp_path / "resolution.pdf"
    path.write_bytes(make_pdf(pages))
    d = extract_file(path)
    assert [r.symbol for r in d.recalls()] == ["A/RES/48/2"]
    first = d.operative[0]
    assert first.text == ("Invites the World Trade Organization and the International Trade Centre "
                          "to develop strategies for trade liberalization;")
    assert {b.name for b in first.actions[0].addressees} == {"World Trade Organization", "International Trade Centre"}


def test_security_council_resolution_header():
    text = ("United Nations S/RES/2719 (2023)\n\nSecurity Council Distr.: General\n21 December 2023\n\n"
            "Resolution 2719 (2023)\n\n"
            "Adopted by the Security Council at its 9518th meeting, on 21 December 2023\n\n"
            "The Security Council,\n\n"
            "Recalling its resolutions 2033 (2012) and 2320 (2016),\n\n"
            "1. Requests the Secretary-General to report;\n")
    h = extract(text, "S_RES_2719_2023.txt").header
    assert (h.symbol, h.kind.value, h.organ, h.adopted.isoformat(), h.meeting) == \
        ("S/RES/2719(2023)", "resolution", "SC", "2023-12-21", "9518th meeting")


def test_economic_and_social_council_resolution_header():
    text = ("Economic and Social Council\nDistr.: General\n10 June 2024\n\n"
            "Resolution adopted by the Economic and Social Council on 5 June 2024\n\n"
            "2024/1. Ensuring the coordination of United Nations system activities\n\n"
            "The Economic and Social Council,\n\nRecalling its resolution 2023/2 of 8 June 2023,\n\n"
            "1. Requests the United Nations Development Programme to report;\n")
    d = extract(text, "E_RES_2024_1.txt")
    assert (d.header.symbol, d.header.organ, d.header.adopted.isoformat()) == ("E/RES/2024/1", "ECOSOC", "2024-06-05")
    assert [r.symbol for r in d.recalls()] == ["E/RES/2023/2"]


@pytest.mark.parametrize("session_line, session", [
    ("2024 session\n27 July 2023–24 July 2024\nAgenda item 18 (b)\n", 2024),     # printed: the year
    ("Substantive session of 2004\n", 2004),
    ("", 2024),                                                                # none printed: the symbol's year
])
def test_economic_and_social_council_sessions_are_years(session_line, session):
    text = ("Economic and Social Council\nDistr.: General\n10 June 2024\n" + session_line +
            "\nResolution adopted by the Economic and Social Council on 5 June 2024\n\n"
            "2024/1. Ensuring the coordination of United Nations system activities\n\n"
            "The Economic and Social Council,\n\n1. Requests the United Nations Development Programme to report;\n")
    assert extract(text, "E_RES_2024_1.txt").header.session == session


def test_markdown_footnote_syntax_and_html_entities():
    text = ("The General Assembly,\n\nRecalling its resolution 48/2 of 13 October 1993,[^1]\n\n---\n\n"
            "1. **Invites** the United Nations Conference on Trade &amp; Development and the World Bank "
            "to report;[^2]\n\n[^1]: See A/75/345.\n[^2]: Resolution 69/283, annex II.\n")
    d = extract(text, "converted.md")
    assert [f.text for f in d.preamble[0].footnotes] == ["See A/75/345."]
    assert [r.symbol for r in d.cites()] == ["A/RES/69/283"]
    assert "[^" not in d.operative[0].text and "&amp;" not in d.operative[0].text


def test_operative_paragraph_continued_on_a_page_that_opens_with_a_participle():
    body = """1. Further encourages the United Nations Conference on Trade and Development and
the Office of the High Representative for the Least Developed Countries, Landlocked

A/RES/75/12
Cooperation between the United Nations and the
Black Sea Economic Cooperation Organization

20-15849
5/5

Developing Countries and Small Island Developing States to provide assistance;

2. Requests the Secretary-General to report;
"""
    d = doc(body)
    assert [p.number for p in d.operative] == [1, 2]
    assert d.operative[0].text.endswith("Landlocked Developing Countries and Small Island Developing "
                                        "States to provide assistance;")


def test_security_council_running_header_with_its_year():
    text = ("United Nations S/RES/2999 (2024)\n\nSecurity Council Distr.: General\n\nResolution 2999 (2024)\n\n"
            "Adopted by the Security Council at its 9999th meeting, on 30 May 2024\n\nThe Security Council,\n\n"
            "Recalling its resolution 2428 (2018),\n\n1. Requests the Secretary-General to report to the\n\n"
            "S/RES/2999 (2024)\n\n2/3\n\n24-09654\n\nCouncil by 1 June;\n\n2. Decides to remain seized of the matter.\n")
    d = extract(text, "S_RES_2999(2024).txt")
    assert d.operative[0].text == "Requests the Secretary-General to report to the Council by 1 June;"
    assert not d.cites()


RUNNING_TITLE_HEAD = """United Nations A/RES/78/999

General Assembly Distr.: General

Resolution adopted by the General Assembly on 1 March 2024

78/999. Cooperation between the United Nations and the Economic
Community of Central African States

The General Assembly,

"""


# a page break inside a paragraph, with the running title on the symbol's line or apart from it
RUNNING_TITLES = [
    pytest.param("Welcoming the signing of the framework on 18 Decem-\n\n"
                 "A/RES/78/999 Cooperation between the United Nations and the Economic\n"
                 "Community of Central African States\n\n2/4 24-11876\n\nber 2023,\n\n", id="on-the-symbol-line"),
    pytest.param("Welcoming the signing of the framework on 18 December\n\nA/RES/78/999\n\n"
                 "Cooperation between the United Nations and the Economic\nCommunity of Central African States\n\n"
                 "2/4\n\n24-11876\n\n2023,\n\n", id="apart-from-the-symbol"),
]


@pytest.mark.parametrize("page_break", RUNNING_TITLES)
def test_running_title_at_a_page_break(page_break):
    d = doc(page_break + "1. Decides to remain seized of the matter.\n", RUNNING_TITLE_HEAD, "A_RES_78_999.txt")
    assert [p.text for p in d.preamble] == ["Welcoming the signing of the framework on 18 December 2023,"]


def test_markdown_list_bullets_and_html_footnote_lines():
    text = ("*The General Assembly*,\n\n**Recalling** the Universal Declaration of Human Rights,<sup>1</sup>\n\n"
            "- 1. *Recognizes* the right to a clean, healthy and sustainable environment;\n"
            "- 2. **Invites** the United Nations Environment Programme to support Member States;\n\n"
            "*97th plenary meeting*\n*28 July 2022*\n\n---\n\n<sup>1</sup> Resolution 217 A (III).\n")
    d = extract(text, "A_RES_76_300.md")
    assert [p.number for p in d.operative] == [1, 2]
    assert [f.text for f in d.preamble[0].footnotes] == ["Resolution 217 A (III)."]
    assert [b.name for b in d.operative[1].actions[0].addressees] == ["United Nations Environment Programme"]


def test_ligatures_and_soft_hyphens_of_pdf_text():
    text = ("The General Assembly,\n\nReaﬃrming its resolution 70/1,\n\n"
            "1. Invites the United Nations Oﬃce on Drugs and Crime to support infra\u00ad\nstructure;\n")
    d = extract(text, "x.txt")
    assert d.preamble[0].opening == "Reaffirming"
    assert d.operative[0].text == "Invites the United Nations Office on Drugs and Crime to support infrastructure;"
    assert [b.name for b in d.operative[0].actions[0].addressees] == ["United Nations Office on Drugs and Crime"]


def test_a_lost_footnote_marker_is_reported_even_when_its_digit_is_in_a_date():
    text = ("General Assembly\nDistr.: General\n27 October 2023\n\nThe General Assembly,\n\n"
            "Recalling the Vienna Programme of Action,\n\n1. Requests the Secretary-General to report.\n\n"
            "__________________\n\n7 Resolution 69/137, annex II.\n")
    d = extract(text, "x.txt")
    assert [f.marker for f in d.footnotes] == ["7"]
    assert any("footnote marker(s) 7 not found" in w for w in d.warnings)


# "[on the report of ... (symbols)]": (line, reports, committee key)
ON_REPORT = [
    ("[on the report of the Sixth Committee (A/78/467)]", ("A/78/467",), "SixthCommittee"),
    ("[on the report of the Special Political and Decolonization Committee\n(Fourth Committee) (A/78/400)]",
     ("A/78/400",), "FourthCommittee"),
    ("[on the report of the Third Committee (A/78/481/Add.2 and A/78/481/Add.2/Corr.1)]",
     ("A/78/481/Add.2", "A/78/481/Add.2/Corr.1"), "ThirdCommittee"),
    ("[on the reports of the Fifth Committee (A/78/481/Add.1 and Add.2)]",
     ("A/78/481/Add.1", "A/78/481/Add.2"), "FifthCommittee"),
    ("[on the report of the Second Committee (A/78/459 and Corr.1)]", ("A/78/459", "A/78/459/Corr.1"), "SecondCommittee"),
    ("[without reference to a Main Committee (A/78/L.27)]", (), None),
]


@pytest.mark.parametrize("line,reports,committee", ON_REPORT, ids=[str(c) for _, _, c in ON_REPORT])
def test_the_report_a_resolution_was_adopted_on(line, reports, committee):
    text = ("United Nations A/RES/78/110\n\nGeneral Assembly Distr.: General\n18 December 2023\n\n"
            "Seventy-eighth session\nAgenda item 82\n\n"
            f"Resolution adopted by the General Assembly on 7 December 2023\n\n{line}\n\n"
            "78/110. Responsibility of States for internationally wrongful acts\n\nThe General Assembly,\n\n"
            "Recalling its resolution 56/83 of 12 December 2001,\n\n1. Requests the Secretary-General to report;\n")
    d = extract(text, "A_RES_78_110.txt")
    assert d.header.reports == reports
    assert (d.recommended_by.key if d.recommended_by else None) == committee
    if committee:
        assert committee in {m.key for m in d.mentions()}


def test_footnote_markers_after_the_year_of_a_date():
    # A/RES/79/328 (markers 4-6) and A/RES/79/326 (marker 1), as extracted
    body = ("Recalling Human Rights Council resolutions 7/25 of 28 March 2008, 22/22 of 22 March 2013, 4\n"
            "28/34 of 27 March 2015, 5 37/26 of 23 March 2018, 6 43/29 of 22 June 2020 on the prevention\n"
            "of genocide,\n\n"
            "Referring to the statements by the President of the Council, including the statement\n"
            "of 13 January 2010, 7  in which the Council recognized the role of regional organizations,\n\n"
            "1. Requests the Secretary-General to report;\n\n__________________\n\n"
            "4 Ibid., Sixty-eighth Session, Supplement No. 53 (A/68/53), chap. IV, sect. A.\n"
            "5 Ibid., Seventieth Session, Supplement No. 53 (A/70/53), chap. III, sect. A.\n"
            "6 Ibid., Seventy-third Session, Supplement No. 53 (A/73/53), chap. IV, sect. A.\n"
            "7 S/PRST/2010/1.\n")
    d = doc(body)
    assert [[f.marker for f in p.footnotes] for p in d.preamble] == [["4", "5", "6"], ["7"]]
    assert d.preamble[0].text.startswith("Recalling Human Rights Council resolutions 7/25 of 28 March 2008, "
                                         "22/22 of 22 March 2013, 28/34 of 27 March 2015, 37/26")
    assert not d.footnotes


def test_a_marker_closing_a_paragraph_printed_without_its_comma():
    # A/RES/78/8, as extracted: a short preambular paragraph is no heading, and its marker is found
    body = ("Having received the report of the International Atomic Energy Agency for 2022 1 \n \n"
            "Taking note of the statement by the Director General of the Agency,\n\n"
            "1. Takes note of the report;\n\n__________________\n \n1  See A/78/304. \n")
    d = doc(body)
    assert [(p.text, [f.text for f in p.footnotes]) for p in d.preamble] == [
        ("Having received the report of the International Atomic Energy Agency for 2022", ["See A/78/304."]),
        ("Taking note of the statement by the Director General of the Agency,", [])]
    assert not d.footnotes and not d.warnings


def test_the_end_of_a_paragraph_after_a_page_break_is_not_a_running_title():
    # the words carried over repeat the title's; they are text, and the closing lines stay closing
    head = ("Resolution adopted by the Human Rights Council on 4 April 2023\n\n"
            "52/28. Situation of human rights in the Democratic People's Republic of Korea\n\n"
            "The Human Rights Council,\n\nRecalling its resolutions,\n\n")
    body = ("1. Urges the Government to grant access to\n\f\nA/HRC/RES/52/28\n\n"
            "the Democratic People's Republic of Korea;\n\n2. Decides to remain seized of the matter.\n\n"
            "52nd meeting\n4 April 2023\n")
    d = extract(head + body, "x.txt")
    assert d.operative[0].text == "Urges the Government to grant access to the Democratic People's Republic of Korea;"
    assert d.header.meeting == "52nd meeting"


def test_a_quantity_after_a_year_is_not_a_footnote_marker():
    body = ("Noting that by 2030, 2 billion people will live in cities,\n\n"
            "Welcoming the New Urban Agenda,2\n\n1. Requests the Secretary-General to report;\n\n"
            "__________________\n\n2 Resolution 71/256, annex.\n")
    d = doc(body)
    assert d.preamble[0].text == "Noting that by 2030, 2 billion people will live in cities,"
    assert [f.marker for f in d.preamble[1].footnotes] == ["2"]


# the record of a vote after the closing lines: labels on the lists' first line, or apart
# (record, method, counts, members in favour)
VOTES = [
    pytest.param("[Adopted by a recorded vote of 14 to 2, with 6 abstentions. The voting\nwas as follows:\n\n"
                 "In favour:\nAlbania, Argentina, Belgium, Bulgaria, Chile, Costa Rica, Dominican\n"
                 "Republic, France, Gambia, Georgia, Germany, Japan, Lithuania, Luxembourg\n\n"
                 "Against:\nChina, Cuba\n\nAbstaining:\nBangladesh, Burundi, Eritrea, India, Indonesia, Kazakhstan]\n",
                 "recorded vote", (14, 2, 6), 14, id="labels-on-the-lists"),
    pytest.param("[Adopted by a recorded vote of 2 to 2, with 1 abstention. The voting was as follows:\n\n"
                 "In favour:\n\nAlbania, Chile\n\nAgainst:\n\nChina, Cuba\n\nAbstaining:\n\nIndia]\n",
                 "recorded vote", (2, 2, 1), 2, id="labels-apart"),
    pytest.param("[Adopted by a vote of 31 to none, with no abstentions.]\n", "vote", (31, 0, 0), 0, id="no-lists"),
    pytest.param("[Adopted without a vote.]\n", "without a vote", (None, None, None), 0, id="without-a-vote"),
]


@pytest.mark.parametrize("record,method,counts,listed", VOTES)
def test_the_record_of_a_vote_after_the_closing_lines(record, method, counts, listed):
    text = ("Human Rights Council\nFifty-fifth session\nAgenda item 4\n\n"
            "Resolution adopted by the Human Rights Council on 3 April 2024\n\n55/20. Situation of human rights\n\n"
            "The Human Rights Council,\n\nRecalling its resolution 52/31,\n\n"
            "1. Decides to remain seized of the matter.\n\n49th meeting\n3 April 2024\n\n" + record)
    d = extract(text, "A_HRC_RES_55_20.txt")
    assert [p.text for p in d.operative] == ["Decides to remain seized of the matter."]
    assert d.header.meeting == "49th meeting" and not d.warnings
    vote = d.header.vote
    assert (vote.method, (vote.in_favour, vote.against, vote.abstaining)) == (method, counts)
    assert len(vote.members_in_favour) == listed     # 14: "Dominican\nRepublic" is one name


def _voted(record: str):
    """A resolution of the Council without head, its closing lines followed by ``record``."""
    text = ("The Human Rights Council,\n\nRecalling its resolution 52/31,\n\n1. Decides to remain seized of the matter."
            "\n\n49th meeting\n3 April 2024\n\n" + record)
    return extract(text, "A_HRC_RES_55_20.txt")


def test_a_vote_whose_lists_do_not_add_up_is_reported():
    d = _voted("[Adopted by a recorded vote of 3 to 1, with 0 abstentions. "
               "The voting was as follows:\n\nIn favour:\nAlbania, Chile\n\nAgainst:\nCuba, Atlantis]\n")
    assert d.header.vote.members_in_favour == ("Albania", "Chile")
    assert d.warnings[1:] == ("vote record: 3 in favour printed, 2 listed", "vote record: 1 against printed, 2 listed",
                          'vote record: "Atlantis" is not the name of a State')


def test_states_printed_with_the_raise_no_doubt():
    # lists since 2023 print "Bahamas (The)" and "Gambia (Republic of The)"
    d = _voted("[Adopted by a recorded vote of 2 to 1, with 0 abstentions. The voting was as follows:\n\n"
               "In favour:\nBahamas (The), Gambia (Republic of The)\n\nAgainst:\nAtlantis]\n")
    assert d.header.vote.members_in_favour == ("Bahamas (The)", "Gambia (Republic of The)")
    assert [w for w in d.warnings if "State" in w] == ['vote record: "Atlantis" is not the name of a State']


# a decision whose page prints no symbol: its number and its organ make one
DECISIONS = [
    ("Human Rights Council", "52/101", "A/HRC/DEC/52/101"),
    ("Economic and Social Council", "2023/201", "E/DEC/2023/201"),
    ("General Assembly", "77/555", "A/DEC/77/555"),
]


@pytest.mark.parametrize("organ,number,symbol", DECISIONS)
def test_the_symbol_of_a_decision_is_its_organs(organ, number, symbol):
    text = (f"{organ}\n\nDecision adopted by the {organ} on 4 April 2023\n\n{number}. Postponement of a matter\n\n"
            f"The {organ},\n\n1. Decides to postpone the consideration of the matter.\n")
    d = extract(text, "decision.txt")
    assert (d.header.symbol, d.header.kind.value) == (symbol, "decision")


# the record of a vote across a page, as pdftotext gives it (found by a reader of HRC layouts):
# (tail after the last operative paragraph, annex paragraphs expected)
_HRC_HEAD = ("Human Rights Council\nFifty-second session\nAgenda item 4\n\n"
             "Resolution adopted by the Human Rights Council on 4 April 2023\n\n52/1. Situation of human rights\n\n"
             "The Human Rights Council,\n\nRecalling its resolution 49/27,\n\n1. Decides to remain seized of the matter.\n")
_RECORD = "[Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting was as follows:\n"
VOTES_OVER_PAGES = [
    pytest.param("52nd meeting\n4 April 2023\n" + _RECORD + "In favour:\nArgentina, Belgium,\n\f\nA/HRC/RES/52/1\n"
                 "Chile\nAgainst:\nChina\nAbstaining:\nIndia]\n", [], id="break-inside-a-list"),
    pytest.param("52nd meeting\n4 April 2023\n" + _RECORD + "In favour:\nArgentina, Belgium,\nGE.23-06789(E)\n\f\n"
                 "A/HRC/RES/52/1\nChile\nAgainst:\nChina\nAbstaining:\nIndia]\n", [], id="geneva-job-number"),
    pytest.param("52nd meeting\n4 April 2023\n" + _RECORD + "In favour:\nArgentina, Belgium, Chile\nAgainst:\n"
                 "2 GE.23-06790\n\f\nA/HRC/RES/52/1\nChina\nAbstaining:\nIndia]\n", [], id="page-number-and-job"),
    pytest.param("52nd meeting\n4 April 2023\n\n" + _RECORD + "\nGE.22-26543(E)\n\n\f\nA/HRC/RES/52/1\n\n2\n\n"
                 "In favour:\n\nArgentina, Belgium, Chile\n\nAgainst:\n\nChina\n\nAbstaining:\n\nIndia]\n", [],
                 id="bare-page-number"),
    pytest.param("52nd meeting\n4 April 2023\n" + _RECORD + "In favour:\nArgentina, Belgium, Chile\nAgainst:\nChina\n"
                 "Abstaining:\nIndia]\n\f\nA/HRC/RES/52/1\nAnnex\nList of benchmarks\n"
                 "1. Release of all political prisoners.\n", ["1. Release of all political prisoners."],
                 id="annex-after-the-record"),
]


@pytest.mark.parametrize("tail,annex", VOTES_OVER_PAGES)
def test_the_record_of_a_vote_over_a_page_break(tail, annex):
    d = extract(_HRC_HEAD + tail, "A_HRC_RES_52_1.txt")
    vote = d.header.vote
    assert (vote.members_in_favour, vote.members_against, vote.members_abstaining) == \
        (("Argentina", "Belgium", "Chile"), ("China",), ("India",))
    assert [p.text for p in d.operative] == ["Decides to remain seized of the matter."] and not d.warnings
    assert [p.text for p in d.annex] == annex


def test_an_unnumbered_decision_right_after_the_preamble():
    # HRC decisions as pdftotext gives them: no blank line between paragraphs
    text = ("Human Rights Council\n\nDecision adopted by the Human Rights Council on 4 April 2023\n\n"
            "52/115. Some matter\n\nThe Human Rights Council,\nRecalling its resolution 49/27,\n"
            "Decides to postpone the consideration of the matter.\n52nd meeting\n4 April 2023\n[Adopted without a vote.]\n")
    d = extract(text, "decision.txt")
    assert [p.text for p in d.preamble] == ["Recalling its resolution 49/27,"]
    assert [p.text for p in d.operative] == ["Decides to postpone the consideration of the matter."]
    assert d.header.vote.method == "without a vote"


def test_a_column_of_numbers_is_not_page_furniture():
    from ungraph.clean import strip_furniture

    table = ["Annex", "", "Region", "Events", "", "A/RES/78/12", "2/3", "", "12", "7", "3", "5", "Total", "27"]
    assert [x for x in strip_furniture(table) if x] == ["Annex", "Region", "Events", "12", "7", "3", "5", "Total", "27"]
    assert strip_furniture(["Asia", "7", "\f", "A/RES/78/12", "Europe", "3"]) == ["Asia", "7", "", "", "Europe", "3"]


def test_a_verb_after_a_colon_opens_a_quotation_not_the_operative_part():
    text = (_HRC_HEAD.split("Recalling")[0] + "Recalling also paragraph 10 of its resolution 50/3, which reads:\n"
            "Requests the Office of the High Commissioner to present a report,\n"
            "Noting that this request has not yet been met,\n1. Decides to remain seized of the matter.\n")
    d = extract(text, "A_HRC_RES_52_1.txt")
    assert [p.opening for p in d.preamble] == ["Recalling also", "Noting"]
    assert [p.text for p in d.operative] == ["Decides to remain seized of the matter."] and not d.warnings


def test_a_state_hyphenated_at_a_line_end_in_a_vote():
    d = extract(_HRC_HEAD + "52nd meeting\n4 April 2023\n[Adopted by a recorded vote of 2 to 1, with no abstentions. "
                "The voting was as follows:\nIn favour:\nBolivia (Plurina-\ntional State of), Chile\nAgainst:\n"
                "Venezuela (Bolivarian Republic of)]\n", "A_HRC_RES_52_1.txt")
    assert d.header.vote.members_in_favour == ("Bolivia (Plurinational State of)", "Chile")
