"""Bodies the gazetteer does not list, detected in the text: what is a body's name and what is not."""
from __future__ import annotations

import pytest

from ungraph.bodies import DocumentContext, find_bodies
from ungraph.gazetteer import load

DETECTED = [
    # a listed name followed by words and a head noun: a unit, a fund, a group of its own
    ("Welcomes the establishment of the African Union Partnership Unit;", ["African Union Partnership Unit"]),
    ("Takes note of the work of the INTERPOL Human Trafficking Expert Group;",
     ["INTERPOL Human Trafficking Expert Group"]),
    ("Welcomes the work of the Central European Initiative Cooperation Fund;",
     ["Central European Initiative Cooperation Fund"]),
    # events named like bodies are no bodies (A/RES/78/325: "the World University Games")
    ("Welcoming the Commonwealth Games and the World University Games, for promoting education, health, "
     "development, peace and solidarity among nations,", []),
    ("Notes the United Nations University Festival of Science;", []),
    # a database or a platform named like a network is no body (A/RES/77/20)
    ("Encourages the use of the INTERPOL Ballistic Information Network;", []),
    # a document or a plan named after a body is the body's, not a body
    ("Notes the Economic Cooperation Organization Trade Agreement;", []),
    # a kind of body, not one body: "the appropriate Main Committee" (A/RES/79/329), "any Working Group"
    ("Reaffirming that the Fifth Committee is the appropriate Main Committee of the General Assembly "
     "entrusted with responsibilities for administrative and budgetary matters,", []),
    ("Invites the relevant Working Group of the Human Rights Council to consider the matter;", []),
    ("Decides that each Preparatory Committee shall elect its Bureau;", []),
    # the same words with the article alone name one body
    ("Welcomes the work of the Working Group of the Committee on the Exercise of the Inalienable Rights "
     "of the Palestinian People;",
     ["Working Group of the Committee on the Exercise of the Inalienable Rights of the Palestinian People"]),
]


@pytest.mark.parametrize("text,names", DETECTED)
def test_detected_names(text, names):
    mentions = find_bodies(text, DocumentContext(load()))
    assert [m.text for m in mentions if m.via == "detected"] == names


# a short form of a body named earlier in the same text: (earlier text, later text, key of the short form)
SHORT_FORMS = [
    ("Recalling the work of the Office of the United Nations High Commissioner for Human Rights,",
     "Requests the Office of the High Commissioner to provide technical assistance;", "OHCHR"),
    ("Recalling the work of the Office of the United Nations High Commissioner for Refugees,",
     "Requests the Office of the High Commissioner to report;", "UNHCR"),
    ("Welcoming the work of the United Nations Liaison Office to the League of Arab States,",
     "Requests the Liaison Office to report;", "UNLO-LAS"),
    # a weak head ("Panel") names a body only as such a short form
    ("Requests the Panel of Experts on South Sudan established pursuant to resolution 2206 (2015) to report;",
     "Requests the Panel of Experts to provide a midterm update;", "PoE2206"),
    # a short form that fits two bodies named before names neither
    ("Recalling the work of the Office of the United Nations High Commissioner for Refugees and of the Office of "
     "the United Nations High Commissioner for Human Rights,",
     "Requests the Office of the High Commissioner to assist States;", "office-of-the-high-commissioner"),
    # an "of" name that is not the opening of the earlier one stays a body of its own
    ("Recalling the work of the Office of the United Nations High Commissioner for Human Rights,",
     "Requests the Office of the Special Envoy to report;", "office-of-the-special-envoy"),
]


@pytest.mark.parametrize("earlier,later,key", SHORT_FORMS)
def test_a_short_form_names_the_body_named_before(earlier, later, key):
    ctx = DocumentContext(load())
    find_bodies(earlier, ctx)
    assert [m.key for m in find_bodies(later, ctx) if m.text != "Secretary-General"][-1] == key


def test_a_weak_head_named_nowhere_before_is_no_body():
    assert find_bodies("Requests the Panel of Experts to provide a midterm update;", DocumentContext(load())) == []


# "the Commonwealth" in a text about the Commonwealth of Independent States is that organization
# (A/RES/79/326, op. 2); in a text about the Commonwealth it is the Commonwealth's own office
@pytest.mark.parametrize("concerned,name", [
    ("CIS", "Secretary-General of the Commonwealth of Independent States"),
    ("Commonwealth", "Secretary-General of the Commonwealth"),
    (None, "Secretary-General of the Commonwealth"),
])
def test_an_office_of_the_concerned_organization_by_its_short_form(concerned, name):
    text = "Invites the Secretary-General to hold consultations with the Secretary-General of the Commonwealth;"
    ctx = DocumentContext(load(), concerned=[concerned] if concerned else [])
    assert [m.name for m in find_bodies(text, ctx)][-1] == name


# "the Agency's Secretariat" in a resolution on the International Atomic Energy Agency (A/RES/78/8)
@pytest.mark.parametrize("text,concerned,name", [
    ("Noting GC(67)/RES/17 A, entitled “Staffing of the Agency’s Secretariat”,", "IAEA",
     "Secretariat of the International Atomic Energy Agency"),
    ("Welcomes the work of the Economic Cooperation Organization's Secretariat;", "ECO",
     "Secretariat of the Economic Cooperation Organization"),
    ("Welcomes the work of the Secretariat;", None, "United Nations Secretariat"),
])
def test_a_possessive_secretariat_is_the_owners(text, concerned, name):
    ctx = DocumentContext(load(), concerned=[concerned] if concerned else [])
    assert [m.name for m in find_bodies(text, ctx)][-1] == name


# a detected name that says what a body is but not whose ("the Preparatory Committee" of
# A/80/L.13) is a different body in each document; a name that says whose is one body
@pytest.mark.parametrize("text,one_body", [
    ("Decides to consider the recommendations of the Preparatory Committee established by resolution 72/249;",
     False),
    ("Welcomes the work of the Bureau of the Working Group;", False),
    ("Welcomes the establishment of the African Union Partnership Unit;", True),
])
def test_a_name_that_says_no_whose_is_scoped_to_its_document(text, one_body):
    keys = [[m.key for m in find_bodies(text, DocumentContext(load(), document=symbol)) if m.via == "detected"]
            for symbol in ("A/80/L.13", "A/RES/79/1")]
    assert keys[0] and len(keys[0]) == len(keys[1]) == 1
    assert (keys[0] == keys[1]) == one_body


def test_a_bare_head_word_in_a_quoted_title_is_the_titles_own():
    # A/RES/78/8 op2 lists IAEA General Conference resolutions by title
    text = ("GC(67)/RES/17 B, entitled \u201cWomen in the Secretariat\u201d; and decisions adopted by the "
            "General Conference of the Agency")
    keys = [m.key for m in find_bodies(text, DocumentContext(load()))]
    assert "UNSecretariat" not in keys
    # outside quotation marks the word is the United Nations Secretariat
    assert [m.key for m in find_bodies("Requests the Secretariat to report;", DocumentContext(load()))] \
        == ["UNSecretariat"]
