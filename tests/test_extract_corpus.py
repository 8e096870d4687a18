"""Facts read by hand from real resolutions of the bundled corpus (not the gold pair)."""
from __future__ import annotations

from datetime import date

import pytest

from ungraph.extract import extract_file

from conftest import CORPUS


@pytest.fixture(scope="module")
def docs():
    return {f.name: extract_file(f) for f in sorted(CORPUS.iterdir()) if f.is_file()}


# file, symbol, kind, organ, session, agenda item, adopted
METADATA = [
    ("A_RES_75_12.txt", "A/RES/75/12", "resolution", "GA", 75, "130 (o)", date(2020, 11, 23)),
    ("A_RES_77_11.txt", "A/RES/77/11", "resolution", "GA", 77, "127 (k)", date(2022, 11, 21)),
    ("A_RES_79_329.txt", "A/RES/79/329", "resolution", "GA", 79, "125 (a)", date(2025, 9, 5)),
    ("A_80_L.12.txt", "A/80/L.12", "draft_resolution", "GA", 80, "34", None),
    # the bare draft prints no symbol: the one its file is named after is used
    ("S_2023_970.txt", "S/2023/970", "draft_resolution", "SC", None, None, None),
]


@pytest.mark.parametrize("file,symbol,kind,organ,session,agenda,adopted", METADATA)
def test_metadata(docs, file, symbol, kind, organ, session, agenda, adopted):
    h = docs[file].header
    assert (h.symbol, h.kind.value, h.organ, h.session, h.agenda_item, h.adopted) == \
        (symbol, kind, organ, session, agenda, adopted)


def test_sponsors_of_a_draft(docs):
    assert docs["A_80_L.12.txt"].header.sponsors == ("Egypt",)
    sponsors = docs["A_80_L.13.txt"].header.sponsors
    assert "Antigua and Barbuda" in sponsors and "Bosnia and Herzegovina" in sponsors
    assert "Antigua" not in sponsors


RECALLS = [
    # 77/22 recalls old-style and emergency special session resolutions
    ("A_RES_77_22.txt", ["A/RES/181(II)", "A/RES/194(III)", "A/RES/3236(XXIX)", "A/RES/3375(XXX)",
                         "A/RES/3376(XXX)", "A/RES/31/20", "A/RES/75/20", "A/RES/58/292",
                         "S/RES/2334(2016)", "A/RES/ES-10/15", "A/RES/ES-10/17", "A/RES/67/19"]),
    # the GUAM series recalls each earlier member
    ("A_RES_77_15.txt", ["A/RES/58/85", "A/RES/67/109", "A/RES/69/271", "A/RES/71/15", "A/RES/73/14",
                         "A/RES/75/8"]),
    # "В" is Cyrillic in the source
    ("A_RES_79_324.txt", ["A/RES/75/257B", "A/RES/77/299", "A/RES/57/228B"]),
    ("A_80_L.12.txt", ["S/RES/497(1981)"]),
]


@pytest.mark.parametrize("file,expected", RECALLS)
def test_recalls(docs, file, expected):
    assert [r.symbol for r in docs[file].recalls()] == expected


def test_recalled_in_a_footnote_of_a_recalling_paragraph(docs):
    # "Recalling its Declaration on the Enhancement of Cooperation ... of 9 December 1994, 1"
    # with the footnote "1 Resolution 49/57, annex." recalls the resolution that adopted it
    assert "A/RES/49/57" in [r.symbol for r in docs["A_RES_75_12.txt"].recalls()]
    # "Recalling all previous resolutions on cooperation ...,3" / "3 Resolutions 57/35, ..., 73/259."
    recalled = [r.symbol for r in docs["A_RES_75_15.txt"].recalls()]
    assert recalled[:9] == ["A/RES/57/35", "A/RES/59/5", "A/RES/61/46", "A/RES/63/35", "A/RES/65/235",
                            "A/RES/67/110", "A/RES/69/110", "A/RES/71/255", "A/RES/73/259"]


CITES = [
    ("A_RES_78_326.txt", "E/RES/1980/67", date(1980, 7, 25)),     # Economic and Social Council
    ("A_80_L.12.txt", "S/RES/242(1967)", date(1967, 11, 22)),      # Security Council list
    ("A_RES_75_8.txt", "S/RES/1631(2005)", date(2005, 10, 17)),   # "Referring to ..." is a citation
    ("A_RES_75_8.txt", "A/RES/49/57", None),                      # footnote "Resolution 49/57, annex."
    ("A_RES_77_18.txt", "A/HRC/RES/16/18", date(2011, 3, 24)),    # Human Rights Council
]


@pytest.mark.parametrize("file,symbol,adopted", CITES)
def test_cites(docs, file, symbol, adopted):
    cited = {r.symbol: r.adopted for r in docs[file].cites()}
    assert symbol in cited and cited[symbol] == adopted


def test_documents_are_not_resolutions(docs):
    d = docs["A_RES_77_18.txt"]
    assert {"S/PV.7813", "S/PRST/2013/16", "A/66/53"} <= {x.symbol for x in d.documents()}
    assert not {r.symbol for r in d.recalls() + d.cites()} & {"S/PV.7813", "S/PRST/2013/16"}


ADDRESSEES = [
    ("A_RES_77_15.txt", 2, "invites", {"Secretary-General"}),      # "Secretary-Gene ral" repaired
    ("A_RES_77_22.txt", 9, "requests", {"United Nations Conference on Trade and Development"}),
    ("A_RES_75_15.txt", 4, "encourages", {"United Nations", "Economic and Social Commission for Asia and the Pacific"}),
    ("A_RES_77_18.txt", 10, "requests", {"United Nations Secretariat",
                                         "General Secretariat of the Organization of Islamic Cooperation"}),
    ("S_2023_970.txt", 4, "requests", {"Secretary-General"}),
]


@pytest.mark.parametrize("file,number,verb,names", ADDRESSEES)
def test_addressees(docs, file, number, verb, names):
    para = next(p for p in docs[file].operative if p.number == number)
    got = {b.name for a in para.actions if a.verb == verb for b in a.addressees}
    assert got == names


def test_a_single_unnumbered_operative_paragraph(docs):
    d = docs["A_RES_77_11.txt"]
    assert len(d.operative) == 1 and d.operative[0].number is None
    assert d.operative[0].text.startswith("Decides to include in the provisional agenda")
    assert [a.verb for a in d.operative[0].actions] == ["decides"]


def test_concerns_read_from_the_title(docs):
    assert [b.key for b in docs["A_RES_77_21.txt"].concerns] == ["OECD"]
    assert [b.name for b in docs["A_RES_78_8.txt"].concerns] == ["International Atomic Energy Agency"]
    assert docs["A_RES_78_12.txt"].concerns == ()     # "World Duchenne Awareness Day"


def test_former_name_in_a_footnote_is_the_same_body(docs):
    # 75/14 names SELA by its former name "Latin American Economic System" in a footnote
    keys = {m.key for m in docs["A_RES_75_14.txt"].mentions()}
    assert "SELA" in keys
    assert not any(m.name == "Latin American Economic System" for m in docs["A_RES_75_14.txt"].mentions())


def test_operative_paragraphs_numbered_without_gaps(docs):
    for name, d in docs.items():
        numbers = [p.number for p in d.operative if p.number is not None]
        assert numbers == list(range(1, len(numbers) + 1)), name
