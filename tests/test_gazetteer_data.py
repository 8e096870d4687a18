"""Integrity of the curated gazetteer of bodies (src/ungraph/data/gazetteer.ttl).

The extractor builds its label index from this file, so these tests guard the properties it
relies on: one prefLabel and one kind per body, keys that are safe in IRIs, labels that
identify exactly one body, parents that exist, and acronyms that are also labels.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

GAZETTEER = Path(__file__).resolve().parents[1] / "src" / "ungraph" / "data" / "gazetteer.ttl"

UNG = Namespace("https://w3id.org/ungraph/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
BODY = "https://w3id.org/ungraph/id/body/"
KIND = "https://w3id.org/ungraph/id/kind/"
SCHEME = URIRef("https://w3id.org/ungraph/id/gazetteer")
KINDS_SCHEME = URIRef("https://w3id.org/ungraph/id/kinds")

KIND_NAMES = {
    "PrincipalOrgan", "SubsidiaryBody", "SpecializedAgency", "FundOrProgramme",
    "RegionalCommission", "SecretariatUnit", "RelatedOrganization", "TreatyBody",
    "FinancialInstitution", "RegionalOrganization", "IntergovernmentalOrganization",
    "OrganOfOrganization", "OfficeHolder", "Collective", "NonGovernmentalOrganization",
    "NonStateArmedGroup", "NationalLiberationMovement", "Court",
}
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]+")


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(GAZETTEER, format="turtle")
    return g


@pytest.fixture(scope="module")
def bodies(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, UNG.Body) if isinstance(s, URIRef))


@pytest.fixture(scope="module")
def label_index(graph: Graph, bodies: list[URIRef]) -> dict[str, set[str]]:
    """Case-folded label -> keys of the bodies that carry it (prefLabel or altLabel)."""
    index: dict[str, set[str]] = defaultdict(set)
    for b in bodies:
        for p in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(b, p):
                index[str(label).casefold()].add(key(b))
    return index


@pytest.fixture(scope="module")
def acronym_index(graph: Graph, bodies: list[URIRef]) -> dict[str, set[str]]:
    """Acronym (case kept, as the extractor matches it) -> keys of the bodies."""
    index: dict[str, set[str]] = defaultdict(set)
    for b in bodies:
        for a in graph.objects(b, UNG.acronym):
            index[str(a)].add(key(b))
    return index


def key(body: URIRef) -> str:
    return str(body)[len(BODY):]


def labels(graph: Graph, body: URIRef) -> list[Literal]:
    return [*graph.objects(body, SKOS.prefLabel), *graph.objects(body, SKOS.altLabel)]


# --- the file and its schemes -------------------------------------------------------------


def test_parses_and_declares_versioned_scheme(graph: Graph) -> None:
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(SCHEME, OWL.versionInfo) is not None
    assert graph.value(SCHEME, DCTERMS.modified) is not None
    assert graph.value(SCHEME, DCTERMS.title) is not None


def test_kinds_are_exactly_the_documented_concepts(graph: Graph) -> None:
    kinds = {str(k)[len(KIND):] for k in graph.subjects(SKOS.inScheme, KINDS_SCHEME)}
    assert kinds == KIND_NAMES
    for name in KIND_NAMES:
        k = URIRef(KIND + name)
        assert (k, RDF.type, SKOS.Concept) in graph
        assert len(list(graph.objects(k, SKOS.prefLabel))) == 1
        assert graph.value(k, SKOS.definition) is not None


def test_has_a_broad_coverage(bodies: list[URIRef]) -> None:
    assert len(bodies) >= 400


# --- each body ------------------------------------------------------------------------------


def test_every_body_is_well_formed(graph: Graph, bodies: list[URIRef]) -> None:
    problems = []
    for b in bodies:
        k = key(b)
        if not str(b).startswith(BODY) or not KEY_PATTERN.fullmatch(k):
            problems.append(f"{b}: bad key")
        for t in (ORG.Organization, SKOS.Concept):
            if (b, RDF.type, t) not in graph:
                problems.append(f"{k}: not a {t}")
        if len(list(graph.objects(b, SKOS.prefLabel))) != 1:
            problems.append(f"{k}: needs exactly one prefLabel")
        kinds = list(graph.objects(b, UNG.bodyKind))
        if len(kinds) != 1 or str(kinds[0])[len(KIND):] not in KIND_NAMES \
                or not str(kinds[0]).startswith(KIND):
            problems.append(f"{k}: bodyKind {kinds}")
        if list(graph.objects(b, SKOS.inScheme)) != [SCHEME]:
            problems.append(f"{k}: not in the gazetteer scheme")
    assert not problems, "\n".join(problems)


def test_keys_are_unique_case_insensitively(bodies: list[URIRef]) -> None:
    seen: dict[str, str] = {}
    for b in bodies:
        k = key(b)
        assert k.casefold() not in seen, f"{k} clashes with {seen[k.casefold()]}"
        seen[k.casefold()] = k


def test_labels_are_clean_english_literals(graph: Graph, bodies: list[URIRef]) -> None:
    problems = []
    for b in bodies:
        for p in (SKOS.prefLabel, SKOS.altLabel, UNG.formerName):
            for label in graph.objects(b, p):
                text = str(label)
                if not isinstance(label, Literal) or label.language != "en":
                    problems.append(f"{key(b)}: {text!r} is not an @en literal")
                if text != text.strip() or "  " in text or not text:
                    problems.append(f"{key(b)}: {text!r} has stray whitespace")
        pref = str(graph.value(b, SKOS.prefLabel))
        if pref.casefold().startswith("the "):
            problems.append(f"{key(b)}: prefLabel {pref!r} starts with 'the'")
    assert not problems, "\n".join(problems)


def test_pref_label_is_not_repeated_as_alt_label(graph: Graph, bodies: list[URIRef]) -> None:
    for b in bodies:
        pref = str(graph.value(b, SKOS.prefLabel)).casefold()
        alts = [str(a).casefold() for a in graph.objects(b, SKOS.altLabel)]
        assert pref not in alts, key(b)
        assert len(alts) == len(set(alts)), f"{key(b)}: duplicate altLabels"


def test_no_label_is_shared_by_two_bodies(label_index: dict[str, set[str]]) -> None:
    shared = {label: keys for label, keys in label_index.items() if len(keys) > 1}
    assert not shared, shared


def test_acronyms_are_alt_labels_and_not_lower_case_words(graph: Graph, bodies: list[URIRef]) -> None:
    problems = []
    for b in bodies:
        alts = {str(a) for a in graph.objects(b, SKOS.altLabel)}
        for a in graph.objects(b, UNG.acronym):
            if str(a) not in alts:
                problems.append(f"{key(b)}: acronym {a} is not an altLabel")
            if str(a) == str(a).lower():
                problems.append(f"{key(b)}: acronym {a!r} would match ordinary lower-case text")
    assert not problems, "\n".join(problems)


def test_former_names_are_alt_labels(graph: Graph, bodies: list[URIRef]) -> None:
    for b in bodies:
        alts = {str(a) for a in graph.objects(b, SKOS.altLabel)}
        for f in graph.objects(b, UNG.formerName):
            assert str(f) in alts, f"{key(b)}: former name {f} is not an altLabel"


def test_parents_are_bodies_and_form_no_cycle(graph: Graph, bodies: list[URIRef]) -> None:
    known = set(bodies)
    for b in bodies:
        for parent in graph.objects(b, ORG.subOrganizationOf):
            assert parent in known, f"{key(b)}: parent {parent} is not in the gazetteer"
            assert parent != b
    for b in bodies:  # walk up: every chain of parents ends
        seen = {b}
        frontier = set(graph.objects(b, ORG.subOrganizationOf))
        while frontier:
            assert not frontier & seen, f"{key(b)}: cycle in org:subOrganizationOf"
            seen |= frontier
            frontier = {p for f in frontier for p in graph.objects(f, ORG.subOrganizationOf)}


# Treaties are not bodies: the name of a convention alone must never be a label.
TREATY_NAMES = [
    "Charter of the United Nations",
    "United Nations Framework Convention on Climate Change",
    "Convention on Biological Diversity",
    "United Nations Convention to Combat Desertification",
    "United Nations Convention on the Law of the Sea",
    "Convention on International Trade in Endangered Species of Wild Fauna and Flora",
    "Convention on the Elimination of All Forms of Discrimination against Women",
    "Convention on the Rights of the Child",
    "Treaty on the Non-Proliferation of Nuclear Weapons",
    "Comprehensive Nuclear-Test-Ban Treaty",
    "Collective Security Treaty",
    "Energy Charter Treaty",
    "Outer Space Treaty",
    "Rome Statute of the International Criminal Court",
    "Minamata Convention on Mercury",
    "Montreal Protocol on Substances that Deplete the Ozone Layer",
    "Paris Agreement",
]
# Labels shaped like a treaty's title: "Convention on ...", "United Nations Convention on ...",
# "... Treaty" (unless the label names the body around it: "secretariat of the ... Convention").
TREATY_START = re.compile(
    r"((united nations|international|framework) )*"
    r"(convention|treaty|protocol|covenant|agreement|charter|statute)\b.*")
TREATY_END = re.compile(r".* (convention|conventions|treaty|protocol|covenant|agreement|charter)")
BODY_WORDS = ("secretariat", "conference", "commission", "committee", "parties", "organization",
              "organisation", "meeting", "council", "court", "alliance", "fund", "mission")


def looks_like_a_treaty(label: str) -> bool:
    label = label.casefold()
    return bool(TREATY_START.fullmatch(label)) or (
        bool(TREATY_END.fullmatch(label)) and not any(w in label for w in BODY_WORDS))


def test_treaty_shape_detector() -> None:
    assert looks_like_a_treaty("Convention on Biological Diversity")
    assert looks_like_a_treaty("United Nations Convention on the Law of the Sea")
    assert looks_like_a_treaty("Collective Security Treaty")
    assert not looks_like_a_treaty("secretariat of the Basel Convention")
    assert not looks_like_a_treaty("Collective Security Treaty Organization")


def test_no_label_is_only_a_treaty_name(label_index: dict[str, set[str]]) -> None:
    for name in TREATY_NAMES:
        assert name.casefold() not in label_index, name
    treaty_like = sorted(label for label in label_index if looks_like_a_treaty(label))
    assert not treaty_like, treaty_like


# --- spot checks: names and acronyms as resolutions print them -------------------------------

SPOT_CHECKS = [
    # (label as printed, expected key)
    ("Organization of the Islamic Conference", "OIC"),
    ("Organization of Islamic Cooperation", "OIC"),
    ("Council of Foreign Ministers of the Organization of Islamic Cooperation", "CFM-OIC"),
    ("General Secretariat of the Organization of Islamic Cooperation", "OIC-GS"),
    ("Independent Permanent Commission on Human Rights of the Organization of Islamic Cooperation", "IPHRC"),
    ("Secretary-General of the Organization of Islamic Cooperation", "OIC-SG"),
    ("Islamic Summit Conference", "OIC-ISC"),
    ("UNECE", "ECE"),
    ("Economic Commission for Europe", "ECE"),
    ("Organisation for Economic Co-operation and Development", "OECD"),
    ("Organization for Economic Cooperation and Development", "OECD"),
    ("World Tourism Organization", "UNWTO"),
    ("UN Tourism", "UNWTO"),
    ("General Assembly", "UNGA"),
    ("Security Council", "UNSC"),
    ("Economic and Social Council", "ECOSOC"),
    ("Human Rights Council", "HRC"),
    ("United Nations", "UN"),
    ("UN", "UN"),
    ("United Nations system", "UNSystem"),
    ("Secretariat", "UNSecretariat"),
    ("Secretariat of the United Nations", "UNSecretariat"),
    ("Secretary-General", "SecretaryGeneral"),
    ("Secretary-General of the United Nations", "SecretaryGeneral"),
    ("Economic Cooperation Organization", "ECO"),
    ("Council of Ministers of the Economic Cooperation Organization", "COM-ECO"),
    ("Cultural Institute of the Economic Cooperation Organization", "ECI"),
    ("Science Foundation of the Economic Cooperation Organization", "ECOSF"),
    ("Educational Institute of the Economic Cooperation Organization", "ECOEI"),
    ("Parliamentary Assembly of the Economic Cooperation Organization", "PAECO"),
    ("Economic Cooperation Organization Trade and Development Bank", "ETDB"),
    ("Statistics Division of the Department of Economic and Social Affairs of the Secretariat", "UNSD"),
    ("Department of Economic and Social Affairs of the Secretariat", "DESA"),
    ("Office for the Coordination of Humanitarian Affairs of the Secretariat", "OCHA"),
    ("Office of the High Representative for the Least Developed Countries, Landlocked "
     "Developing Countries and Small Island Developing States", "OHRLLS"),
    ("secretariat of the International Strategy for Disaster Reduction", "UNDRR"),
    ("United Nations Office for Disaster Risk Reduction", "UNDRR"),
    ("Office of Counter-Terrorism", "UNOCT"),
    ("United Nations Office for South-South Cooperation", "UNOSSC"),
    ("Counter-Terrorism Committee Executive Directorate", "CTED"),
    ("secretariat of the United Nations Framework Convention on Climate Change", "UNFCCC"),
    ("UNFCCC secretariat", "UNFCCC"),
    ("secretariat of the United Nations Convention to Combat Desertification in Those Countries "
     "Experiencing Serious Drought and/or Desertification, Particularly in Africa", "UNCCD"),
    ("secretariat of the Convention on Biological Diversity", "CBD"),
    ("Conference of the Parties to the Convention on Biological Diversity", "COP-CBD"),
    ("Energy Charter secretariat", "EnergyCharterSecretariat"),
    ("Intergovernmental Panel on Climate Change", "IPCC"),
    ("Joint United Nations Programme on HIV/AIDS", "UNAIDS"),
    ("United Nations Children's Fund", "UNICEF"),
    ("United Nations Children\u2019s Fund", "UNICEF"),
    ("United Nations Entity for Gender Equality and the Empowerment of Women", "UN-Women"),
    ("Food and Agriculture Organization of the United Nations", "FAO"),
    ("World Bank", "WorldBank"),
    ("International Criminal Police Organization", "INTERPOL"),
    ("Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization", "CTBTO"),
    ("Organization of African Unity", "AU"),
    ("Arab League", "LAS"),
    ("Latin American Economic System", "SELA"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    ("Organization for Security and Cooperation in Europe", "OSCE"),
    ("Organization of the Black Sea Economic Cooperation", "BSEC"),
    ("Permanent International Secretariat of the Black Sea Economic Cooperation Organization", "PERMIS"),
    ("Parliamentary Assembly of the Black Sea Economic Cooperation", "PABSEC"),
    ("Organization for Democracy and Economic Development \u2013 GUAM", "GUAM"),
    ("Organization for Democracy and Economic Development - GUAM", "GUAM"),
    ("King Abdullah Bin Abdulaziz International Centre for Interreligious and Intercultural "
     "Dialogue", "KAICIID"),
    ("Extraordinary Chambers in the Courts of Cambodia", "ECCC"),
    ("Peace and Security Council of the African Union", "AU-PSC"),
    ("African Union Development Agency-New Partnership for Africa\u2019s Development", "AUDA-NEPAD"),
    ("Islamic State in Iraq and the Levant", "ISIL"),
    ("Da'esh", "ISIL"),
    ("Da\u2019esh", "ISIL"),
    ("Al-Nusrah Front", "ANF"),
]

ACRONYM_CHECKS = [
    ("UNGA", "UNGA"), ("UNSC", "UNSC"), ("ECOSOC", "ECOSOC"), ("HRC", "HRC"), ("ECO", "ECO"),
    ("ECE", "ECE"), ("UNECE", "ECE"), ("OIC", "OIC"), ("CFM", "CFM-OIC"), ("IPHRC", "IPHRC"),
    ("UNCTAD", "UNCTAD"), ("WTO", "WTO"), ("UNWTO", "UNWTO"), ("IsDB", "IsDB"), ("ADB", "ADB"),
    ("AfDB", "AfDB"), ("IDB", "IDB"), ("ETDB", "ETDB"), ("GAFSP", "GAFSP"), ("UNSD", "UNSD"),
    ("UNISDR", "UNDRR"), ("UNAOC", "UNAOC"), ("EU", "EU"), ("EC", "EC"), ("ISIL", "ISIL"),
    ("ANF", "ANF"), ("OAU", "AU"), ("LAS", "LAS"), ("GUAM", "GUAM"), ("UN-Women", "UN-Women"),
    ("UN-Habitat", "UN-Habitat"), ("UNFCCC", "UNFCCC"), ("CBD", "CBD"), ("UNCCD", "UNCCD"),
]


@pytest.mark.parametrize("label, expected", SPOT_CHECKS)
def test_label_resolves(label_index: dict[str, set[str]], label: str, expected: str) -> None:
    assert label_index.get(label.casefold()) == {expected}


@pytest.mark.parametrize("acronym, expected", ACRONYM_CHECKS)
def test_acronym_resolves(acronym_index: dict[str, set[str]], acronym: str, expected: str) -> None:
    assert acronym_index.get(acronym) == {expected}


@pytest.mark.parametrize("key_, kind_, parent", [
    ("SecretaryGeneral", "OfficeHolder", "UNSecretariat"),
    ("UNSystem", "Collective", None),
    ("UNGA", "PrincipalOrgan", "UN"),
    ("ECE", "RegionalCommission", "ECOSOC"),
    ("CFM-OIC", "OrganOfOrganization", "OIC"),
    ("ECI", "OrganOfOrganization", "ECO"),
    ("EC", "OrganOfOrganization", "EU"),
    ("ECO", "RegionalOrganization", None),
    ("WorldBank", "SpecializedAgency", "WBG"),
    ("ISIL", "NonStateArmedGroup", None),
    ("UNFCCC", "RelatedOrganization", None),
])
def test_kind_and_parent(graph: Graph, key_: str, kind_: str, parent: str | None) -> None:
    b = URIRef(BODY + key_)
    assert graph.value(b, UNG.bodyKind) == URIRef(KIND + kind_)
    parents = set(graph.objects(b, ORG.subOrganizationOf))
    assert parents == ({URIRef(BODY + parent)} if parent else set())


def test_former_name_is_recorded(graph: Graph) -> None:
    oic = URIRef(BODY + "OIC")
    assert Literal("Organization of the Islamic Conference", lang="en") in set(
        graph.objects(oic, UNG.formerName))
