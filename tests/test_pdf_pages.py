"""PDF pages as pypdf gives them: no blank line between paragraphs, pages joined by form
feeds, running headers and footers, footnotes at the foot of a page. Each case is a real PDF
(written by ``tests/pdfs.py``) read end to end by ``extract_file``."""
from __future__ import annotations

import pytest
from pdfs import make_pdf

from ungraph.extract import extract_file
from ungraph.model import ReadError

HEAD = ["United Nations A/RES/78/3", "General Assembly Distr.: General 27 October 2023",
        "78/3. Cooperation between the United Nations and the Economic Cooperation Organization",
        "The General Assembly,"]


@pytest.fixture()
def read(tmp_path):
    def read(pages, name="A_RES_78_3-EN.pdf"):
        path = tmp_path / name
        path.write_bytes(make_pdf(pages))
        return extract_file(path)
    return read


def test_a_footnote_block_ends_with_its_page(read):
    d = read([HEAD + ["Recalling its resolution 48/2 of 13 October 1993,1", "__________________", "1 A/78/345."],
              ["1. Requests the Secretary-General to report.", "2. Decides to remain seized of the matter."]])
    assert [p.number for p in d.operative] == [1, 2]
    assert [(f.marker, f.text) for f in d.preamble[0].footnotes] == [("1", "A/78/345.")]


def test_header_and_footer_items_printed_on_one_line_are_furniture(read):
    d = read([HEAD + ["1. Invites the World Trade Organization and the"],
              ["A/RES/78/3 Cooperation between the United Nations and the Economic Cooperation Organization",
               "2/2 23-12345", "International Trade Centre to develop strategies;",
               "2. Requests the Secretary-General to report."]])
    first = d.operative[0]
    assert first.text == "Invites the World Trade Organization and the International Trade Centre to develop strategies;"
    assert {b.name for b in first.actions[0].addressees} == {"World Trade Organization", "International Trade Centre"}


def test_closing_lines_right_after_the_last_paragraph(read):
    d = read([["The General Assembly,", "Recalling its resolution 48/2,",
               "1. Requests the Secretary-General to report.", "45th plenary meeting", "19 October 2023"]])
    assert d.operative[-1].text == "Requests the Secretary-General to report."
    assert (d.header.meeting, d.header.adopted.isoformat()) == ("45th plenary meeting", "2023-10-19")


def test_the_page_barcode_is_not_a_paragraph(read):
    d = read([["The General Assembly,", "Recalling its resolution 48/2 of 13 October 1993,",
               "Noting the report,", "23-12345 (E)", "*2312345*"],
              ["1. Requests the Secretary-General to report."]])
    assert [p.text for p in d.preamble] == ["Recalling its resolution 48/2 of 13 October 1993,", "Noting the report,"]


def test_a_marker_after_a_year_range(read):
    d = read([HEAD + ["Recalling the Vienna Programme of Action for the Decade 2014–2024 7 and other texts,",
                      "1. Requests the Secretary-General to report.", "__________________",
                      "7 Resolution 69/137, annex II."]])
    p = d.preamble[0]
    assert p.text == "Recalling the Vienna Programme of Action for the Decade 2014–2024 and other texts,"
    assert [f.marker for f in p.footnotes] == ["7"] and not d.footnotes


# line-end hyphens: (printed lines, paragraph text)
HYPHENS = [
    (["Recalling its resolutions on coopera-", "tion with the Economic Cooperation Organization,"],
     "Recalling its resolutions on cooperation with the Economic Cooperation Organization,"),
    (["Recalling its work on capacity-", "building,"], "Recalling its work on capacity-building,"),
    (["Noting the report of the Secre-", "tary-General,"], "Noting the report of the Secretary-General,"),
    (["Noting the follow-", "up to the Conference,"], "Noting the follow-up to the Conference,"),
    (["Welcoming the framework signed on 18 Decem-", "ber 2023,"], "Welcoming the framework signed on 18 December 2023,"),
]


@pytest.mark.parametrize("lines,text", HYPHENS, ids=[t.split()[-1] for _, t in HYPHENS])
def test_a_hyphen_at_a_line_end(read, lines, text):
    d = read([["The General Assembly,", *lines, "1. Requests the Secretary-General to report."]])
    assert d.preamble[0].text == text


def test_a_hyphen_at_the_end_of_a_title_line(read):
    d = read([["United Nations A/RES/78/3", "General Assembly Distr.: General 27 October 2023",
               "78/3. Coopera-", "tion between the United Nations and the Economic Cooperation Organization",
               "The General Assembly,", "Recalling its capacity-building programme,",
               "1. Requests the Secretary-General to report."]])
    assert d.header.title == "Cooperation between the United Nations and the Economic Cooperation Organization"


def test_a_hyphen_at_the_end_of_a_footnote_line(read):
    d = read([HEAD + ["Recalling its resolution 48/2 of 13 October 1993,1",
                      "1. Requests the Secretary-General to report.", "__________________",
                      "1 On cooperation with the Economic Coopera-", "tion Organization; capacity-", "building."]])
    assert d.preamble[0].footnotes[0].text == \
        "On cooperation with the Economic Cooperation Organization; capacity-building."


def test_a_scanned_page_is_named(read):
    d = read([["The General Assembly,", "Recalling its resolution 48/2,",
               "1. Requests the Secretary-General to report to the General Assembly at its"], None])
    assert "page 2 of 2 has no text layer (scanned?); what is printed there is missing from the graph" in d.warnings


def test_a_scanned_page_that_held_the_operative_part_is_named_in_the_error(read):
    with pytest.raises(ReadError, match=r"^scan\.pdf: no operative part found .*\(page 2 of 2 has no text layer"):
        read([["The General Assembly,", "Recalling its resolution 48/2,"], None], name="scan.pdf")


def test_the_form_feed_that_ends_the_last_page_is_not_a_blank_page():
    from ungraph.extract import extract

    text = "The General Assembly,\n\nRecalling its resolution 48/2,\n\f\n1. Requests the Secretary-General to report.\n\f"
    assert not extract(text, "pdftotext.txt").warnings
