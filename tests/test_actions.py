"""Governing verbs and their addressees: a table of real operative paragraphs.

Each row: the paragraph as printed, the organization the resolution concerns, and the
expected (verb, addressees) of every action that addresses a named body.
"""
from __future__ import annotations

import pytest

from ungraph.actions import find_actions
from ungraph.bodies import DocumentContext, find_bodies
from ungraph.gazetteer import load

ROWS = [
    # directive verbs: the bodies asked to act, up to "to <infinitive>"
    ("Invites the United Nations Conference on Trade and Development, the World Trade Organization and "
     "the International Trade Centre to develop strategies for the States members of the Economic "
     "Cooperation Organization;", "ECO",
     [("invites", ["UNCTAD", "WTO", "ITC"])]),
    # named bodies after "especially" count; the generic head does not
    ("Notes the progress made, and invites the World Trade Organization and relevant United Nations "
     "institutions and agencies, especially the Economic and Social Commission for Asia and the Pacific, "
     "to support the Economic Cooperation Organization;", "ECO",
     [("invites", ["WTO", "ESCAP"])]),
    # "States members of X" and "agencies of the United Nations system" are generic
    ("Encourages the States members of the Organization to continue to take action;", "ECO", []),
    ("Encourages the relevant specialized agencies of the United Nations system, especially the United "
     "Nations Educational, Scientific and Cultural Organization, to cooperate with these bodies;", "ECO",
     [("encourages", ["UNESCO"])]),
    # anaphora: "the two organizations", "the Division", "the secretariats of the two organizations"
    ("Notes with satisfaction the increasing cooperation between the Organization of Islamic Cooperation "
     "and the United Nations Educational, Scientific and Cultural Organization, and calls upon the two "
     "organizations to expand their cooperation;", "OIC",
     [("calls upon", ["OIC", "UNESCO"])]),
    ("Requests the secretariats of the two organizations to strengthen cooperation;", "OIC",
     [("requests", ["UNSecretariat", "OIC-GS"])]),
    # ... "both organizations", "both secretariats", "the two secretariats" alike
    ("Encourages both organizations to continue their cooperation;", "LAS", [("encourages", ["UN", "LAS"])]),
    ("Calls upon both secretariats to meet regularly;", "LAS", [("calls upon", ["UNSecretariat", "LAS-GS"])]),
    ("Requests the two secretariats to report;", "LAS", [("requests", ["UNSecretariat", "LAS-GS"])]),
    ("Requests the secretariats of both organizations to report;", "LAS",
     [("requests", ["UNSecretariat", "LAS-GS"])]),
    # cooperation between X and Y asks both; a channel "through Z" is not asked
    ("Also encourages cooperation between the United Nations and the Association of Southeast Asian "
     "Nations in the field of human rights, particularly through the ASEAN Intergovernmental Commission "
     "on Human Rights;", "ASEAN",
     [("encourages", ["UN", "ASEAN"])]),
    # "their" refers to the bodies listed last
    ("Appreciates the efforts of the Economic Cooperation Organization to enhance cooperation with the "
     "specialized agencies, especially the World Health Organization and the United Nations Children's "
     "Fund, and encourages their continued support for the activities of the Economic Cooperation "
     "Organization in the field of health;", "ECO",
     [("appreciates", ["ECO"]), ("encourages", ["WHO", "UNICEF"])]),
    # adjectival uses are not bodies: "European Union-related sources", "United Nations agencies"
    ("Calls upon the relevant United Nations agencies and international financial institutions, in "
     "particular the Islamic Development Bank and European Union-related sources, to extend support;",
     "ECO", [("calls upon", ["IsDB"])]),
    # evaluative verbs: the body itself or its own efforts
    ("Expresses its appreciation to the Secretary-General for his continued efforts;", "OIC",
     [("expresses its appreciation", ["SecretaryGeneral"])]),
    ("Takes note of the Economic Cooperation Organization Vision 2025;", "ECO", []),
    ("Welcomes the recent cooperation between the Economic Cooperation Organization and the United "
     "Nations Industrial Development Organization;", "ECO", []),
    ("Welcomes the African Union's commitment to silencing the guns;", "AU", [("welcomes", ["AU"])]),
    # "the Association" is the organization the resolution is about; "the Organization" the UN
    ("Encourages the Association to strengthen its cooperation with the States Members of the "
     "Organization;", "ASEAN", [("encourages", ["ASEAN"])]),
    # Security Council style
    ("Requests the Secretary-General to report to the Council on an urgent and continuing basis;", None,
     [("requests", ["SecretaryGeneral"])]),
    # Human Rights Council style: special procedures; a "to" inside a mandate's name is not the infinitive
    ("Requests the Special Rapporteur on the situation of human rights in Myanmar to present a report;", None,
     [("requests", ["SR-Myanmar"])]),
    ("Requests the Special Rapporteur on the right to food to continue to report annually;", None,
     [("requests", ["SR-Food"])]),
    ("Invites the Special Rapporteur on torture and other cruel, inhuman or degrading treatment or "
     "punishment and the Working Group on Arbitrary Detention to cooperate;", None,
     [("invites", ["SR-Torture", "WGAD"])]),
    # a that-clause: the bodies it opens with are asked, unless they are acted upon
    ("Recommends that the United Nations and the Association of Southeast Asian Nations strengthen their "
     "cooperation;", "ASEAN", [("recommends", ["UN", "ASEAN"])]),
    ("Requests that the Secretary-General submit a report;", None, [("requests", ["SecretaryGeneral"])]),
    ("Requests that the United Nations Secretariat be provided with resources;", None, []),
    ("Requests that the report of the Secretary-General be circulated;", None, []),
    ("Values the commitment of the Central European Initiative;", "CEI", [("values", ["CEI"])]),
    # a place printed after a body keeps the list open ("in Addis Ababa", "at Nairobi")
    ("Invites the Economic Commission for Africa, in Addis Ababa, and the United Nations Environment "
     "Programme, in Nairobi, to report;", None, [("invites", ["ECA", "UNEP"])]),
    ("Welcomes the work of the Economic Commission for Africa in Addis Ababa and the United Nations "
     "Environment Programme;", "AU", [("welcomes", ["ECA", "UNEP"])]),
    # ... but a phrase that is not a place closes it ("in cooperation with")
    ("Invites the Economic Commission for Africa, in cooperation with the United Nations Environment "
     "Programme, to report;", None, [("invites", ["ECA"])]),
    # cooperation "on" a subject "between X and Y" still asks X and Y; a channel "through Z" does not
    ("Further encourages closer cooperation on disaster risk reduction, emergency response and management "
     "between the United Nations and the Association of Southeast Asian Nations in order to ensure an "
     "effective response, through the adoption of the Plan of Action;", "ASEAN",
     [("encourages", ["UN", "ASEAN"])]),
    ("Encourages closer cooperation on the culture of peace agenda between the United Nations and the "
     "Association of Southeast Asian Nations, including through the six thrusts of the Declaration;", "ASEAN",
     [("encourages", ["UN", "ASEAN"])]),
    ("Encourages the continuing efforts of the Economic Commission for Africa as an important framework for "
     "furthering the strategic partnership on peace and security between the Secretariat of the United Nations "
     "and the African Union Commission;", "AU", [("encourages", ["ECA"])]),
    ("Requests the Secretary-General to report on the cooperation between the United Nations and the "
     "Association of Southeast Asian Nations;", "ASEAN", [("requests", ["SecretaryGeneral"])]),
    # "the United Nations development system" is a body of its own, not the United Nations
    ("Calls upon the United Nations development system to support the African Union;", "AU",
     [("calls upon", ["UNDS"])]),
    # "efforts to ... cooperation between X and Y": no one is named before the infinitive, so the
    # cooperation's partners are the ones asked (A/RES/75/15, op. 19)
    ("Encourages efforts to develop effective partnerships and promote closer cooperation between the "
     "United Nations and the Association of Southeast Asian Nations in peacekeeping, by engaging in joint "
     "activities under the Plan of Action;", "ASEAN", [("encourages", ["UN", "ASEAN"])]),
    ("Encourages Member States to promote cooperation between the United Nations and the Association of "
     "Southeast Asian Nations;", "ASEAN", []),
    ("Encourages efforts to hold meetings in the context of cooperation between the United Nations and the "
     "Association of Southeast Asian Nations;", "ASEAN", []),
    # an item of the list that is not a named body does not end it (A/RES/75/15, op. 6) ...
    ("Commends the President of the General Assembly, the Secretary-General of the United Nations, the "
     "Ministers for Foreign Affairs of the States members of the Association of Southeast Asian Nations and "
     "the Secretary-General of the Association of Southeast Asian Nations for their efforts;", "ASEAN",
     [("commends", ["PGA", "SecretaryGeneral", "ASEAN-SG"])]),
    ("Expresses its appreciation to the Secretary-General, Member States and the United Nations Development "
     "Programme for their support;", None,
     [("expresses its appreciation", ["SecretaryGeneral", "UNDP"])]),
    # ... but prose does ("for their efforts ... and")
    ("Commends the Secretary-General for his efforts to inform the Member States and the United Nations "
     "Development Programme;", None, [("commends", ["SecretaryGeneral"])]),
    # the contributions of a group of bodies, "namely" / "in particular" the ones named (A/RES/75/12,
    # op. 17; A/RES/75/7, op. 20)
    ("Notes the ongoing contributions of the related bodies of the Black Sea Economic Cooperation "
     "Organization, namely, the Parliamentary Assembly of the Black Sea Economic Cooperation, the Black Sea "
     "Economic Cooperation Business Council, the Black Sea Trade and Development Bank and the International "
     "Centre for the Black Sea Studies, to the strengthening of regional cooperation;", "BSEC",
     [("notes", ["PABSEC", "BSEC-BC", "BSTDB", "ICBSS"])]),
    ("Notes the ongoing contributions of the Central European Initiative bodies, in particular the Central "
     "European Initiative Parliamentary Assembly, to the strengthening of regional cooperation;", "CEI",
     [("notes", ["CEI-PA"])]),
    ("Notes the contributions of the Member States, in particular the Republic of Korea;", None, []),
    # "them" and "the parties": the bodies listed last before the verb (A/RES/77/13, op. 3;
    # A/RES/75/14, op. 1), not a single body nor a generic group (A/RES/77/22, op. 10)
    ("Welcomes the efforts of the secretariats of the United Nations and the Collective Security Treaty "
     "Organization to enhance coordination, and encourages them to continue their collaboration;", "CSTO",
     [("welcomes", ["CSTO-Secretariat", "UNSecretariat"]), ("encourages", ["CSTO-Secretariat", "UNSecretariat"])]),
    ("Takes note of the implementation of the agreement between the United Nations and the Latin American "
     "and Caribbean Economic System, and urges the parties to continue strengthening the collaboration;",
     "SELA", [("urges", ["UN", "SELA"])]),
    ("Requests the Secretary-General to circulate the report of the Committee to all the competent bodies "
     "of the United Nations, and urges them to take the necessary action;", None,
     [("requests", ["SecretaryGeneral"])]),
    ("Welcomes the report of the United Nations Development Programme, and encourages them to act;", None, []),
    ("Notes the work of the United Nations Development Programme and the United Nations Environment "
     "Programme, and urges the parties to the conflict to cease hostilities;", None,
     [("notes", ["UNDP", "UNEP"])]),
]


@pytest.mark.parametrize("text,concerned,expected", ROWS)
def test_actions(text, concerned, expected):
    ctx = DocumentContext(load(), concerned=[concerned] if concerned else [])
    bodies = find_bodies(text, ctx)
    got = [(a.verb, [b.key for b in a.addressees]) for a in find_actions(text, bodies, ctx.concerned)
           if a.addressees]
    assert got == expected


def test_generic_addressees_are_recorded_as_printed():
    text = ("Invites the relevant United Nations institutions and agencies and other international bodies "
            "to provide the necessary support;")
    ctx = DocumentContext(load(), concerned=["ECO"])
    (action,) = find_actions(text, find_bodies(text, ctx))
    assert action.addressees == ()
    assert action.generic == ("the relevant United Nations institutions and agencies", "other international bodies")


# generic addressees of Assembly, Council and Human Rights Council texts: (paragraph, generic)
GENERIC = [
    ("Invites the five regional groups to nominate their candidates;", ("the five regional groups",)),
    ("Encourages the regional commissions to contribute to the review;", ("the regional commissions",)),
    ("Calls upon business enterprises to respect human rights;", ("business enterprises",)),
    ("Calls upon all parties to the conflict to cease hostilities;", ("all parties to the conflict",)),
    ("Calls upon States parties to the Convention to comply fully with their obligations;",
     ("States parties to the Convention",)),
    ("Calls upon States neighbouring South Sudan to cooperate with the Panel;", ("States neighbouring South Sudan",)),
    # a government is asked to act, but is no body of the gazetteer: generic, as printed
    ("Urges the Government of South Sudan to cooperate fully with the Panel;", ("the Government of South Sudan",)),
    ("Calls upon the Transitional Government of National Unity to implement the agreement;",
     ("the Transitional Government of National Unity",)),
    ("Encourages the Government of Japan and the United Nations Development Programme to continue;",
     ("the Government of Japan",)),
    ("Urges the swift adoption by the Government of South Sudan of the draft constitution;", ()),   # a deed
    ("Demands that all armed groups lay down their arms;", ()),           # a clause, not an addressee
    ("Requests the Secretary-General to report on the work of the commissions;", ()),
    # a State is asked to act, as a Government is (A/80/L.12, op. 2 and 5)
    ("Calls upon Israel to resume the talks on the Syrian and Lebanese tracks;", ("Israel",)),
    ("Urges the Syrian Arab Republic and the Lebanese Republic to cooperate;", ("the Syrian Arab Republic",)),
    ("Invites Japan, the United Nations Development Programme and Atlantis to report;", ("Japan",)),
    # asked not to do something; a relative clause says which of them (S/2024/302, op. 6 and 7)
    ("Recalls the obligations of States Parties, and further calls on Member States not to develop nuclear "
     "weapons;", ("Member States",)),
    ("Appeals to all Member States which have not yet done so to become parties to the Treaty;",
     ("all Member States",)),
]


@pytest.mark.parametrize("text,generic", GENERIC, ids=[t.split(" to ")[0] for t, _ in GENERIC])
def test_generic_addressees(text, generic):
    ctx = DocumentContext(load())
    actions = find_actions(text, find_bodies(text, ctx))
    assert tuple(g for a in actions for g in a.generic) == generic


@pytest.mark.parametrize("text,verbs", [
    ("Takes note with appreciation of the report, and acknowledges the growing cooperation;",
     ["takes note", "acknowledges"]),
    ("Notes the ongoing endeavours, and thus calls upon the United Nations agencies concerned to act;",
     ["notes", "calls upon"]),
    ("Appreciates the contributions, commends its active participation, especially appreciates its support "
     "and invites relevant agencies to assist;", ["appreciates", "commends", "appreciates", "invites"]),
    # verbs inside a title in quotation marks or used as nouns do not govern
    ("Decides to include the item entitled “Invites and requests”, taking into account the requests of "
     "Member States;", ["decides"]),
    # a verb phrase is no noun before "of" or "to the"; "in that context" is an adverb
    ("Welcomes the progress made, and in that context takes note of the efforts of the Organization;",
     ["welcomes", "takes note"]),
    ("Welcomes the report, and expresses its appreciation to the Secretary-General;",
     ["welcomes", "expresses its appreciation"]),
    ("Values the commitment of the Initiative;", ["values"]),
    ("Determines once more that the occupation is illegal;", ["determines"]),
])
def test_governing_verbs(text, verbs):
    ctx = DocumentContext(load())
    assert [a.verb for a in find_actions(text, find_bodies(text, ctx))] == verbs


def test_the_organization_is_the_united_nations_unless_the_document_is_about_one():
    text = "Notes the cooperation with the States Members of the Organization;"
    assert [b.key for b in find_bodies(text, DocumentContext(load(), concerned=["ASEAN"]))] == ["UN"]
    assert [b.key for b in find_bodies(text, DocumentContext(load(), concerned=["ECO"]))] == ["ECO"]
