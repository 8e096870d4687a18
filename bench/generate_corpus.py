"""Generate a corpus of General Assembly resolution texts, seeded and reproducible.

The texts are in the genre ungraph reads, laid out as text extracted from UN PDFs:
masthead (symbol, distribution, date, job number, barcode), session, agenda item and its
title, "Resolution adopted by the General Assembly on <date>", the adoption line, the
numbered title, "The General Assembly,", preambular paragraphs ("Recalling its
resolutions ... of 13 October 1993 ..."), numbered operative paragraphs whose verbs
address bodies of the gazetteer, footnotes under a "__________________" rule, running
page headers and footers every ~45 lines, lines wrapped at ~85 characters, and the
closing "30th plenary meeting / 23 November 2020".

Documents come in *series* that the Assembly renews every session or two: cooperation
between the United Nations and one regional or other organization (opened by the
resolution granting it observer status), or a recurring theme. Each member recalls the
earlier members of its series, with their dates, and older landmark resolutions.
Sessions 1..80 are covered; before the thirty-first session symbols are old-style
(``A/RES/3369(XXX)``, printed "3369 (XXX)").

Next to the texts, ``.manifest.json`` (hidden, so that ``ungraph build DIR`` does not
read it as a document) holds the ground truth of every file: symbol, title, dates,
recalls and cites (with the rules of ``docs/graph.md``: a recalled resolution is not
also cited), and every operative action with its verb and named addressees (gazetteer
keys) under the annotation rules of ``shared/gold/FORMAT.md``.

    python bench/generate_corpus.py --n 1000 --out bench/corpora/n1000 --seed 7

The same ``--n`` and ``--seed`` give byte-identical files on every machine.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import sys
import textwrap
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

GENERATOR_VERSION = 4
MANIFEST = ".manifest.json"
LAST_SESSION = 80
FIRST_MODERN_SESSION = 31          # from the thirty-first session on: A/RES/31/1

# ------------------------------------------------------------------------------ words

_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_TENS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
             "eightieth", "ninetieth"]


def ordinal_word(n: int) -> str:
    """English ordinal of 1..99, lower case.

    >>> ordinal_word(75), ordinal_word(30), ordinal_word(11), ordinal_word(1)
    ('seventy-fifth', 'thirtieth', 'eleventh', 'first')
    """
    if n < 10:
        return _ORD_UNITS[n]
    if n < 20:
        return _ORD_TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _ORD_TENS[tens] if units == 0 else f"{_TENS[tens]}-{_ORD_UNITS[units]}"


def ordinal_suffix(n: int) -> str:
    """>>> [ordinal_suffix(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def roman(n: int) -> str:
    """>>> roman(30), roman(3), roman(29)
    ('XXX', 'III', 'XXIX')
    """
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def session_year(session: int) -> int:
    return 1945 + session


# ------------------------------------------------------------------------------ symbols

@dataclass(frozen=True)
class Res:
    """A General Assembly resolution: its number and how it is written."""

    session: int
    number: int
    letter: str = ""                 # "217 A (III)"

    @property
    def old(self) -> bool:
        return self.session < FIRST_MODERN_SESSION

    @property
    def symbol(self) -> str:
        """Canonical symbol, as the graph spells it: A/RES/75/12, A/RES/3369(XXX)."""
        if self.old:
            return f"A/RES/{self.number}{self.letter}({roman(self.session)})"
        return f"A/RES/{self.session}/{self.number}{self.letter}"

    @property
    def printed(self) -> str:
        """As the text prints it after "resolution": 75/12, 3369 (XXX), 217 A (III)."""
        if self.old:
            letter = f" {self.letter}" if self.letter else ""
            return f"{self.number}{letter} ({roman(self.session)})"
        return f"{self.session}/{self.number}{self.letter}"

    @property
    def file(self) -> str:
        return self.symbol.replace("/", "_").replace("(", "_").replace(")", "") + ".txt"


@dataclass(frozen=True)
class Landmark:
    res: Res
    adopted: date
    title: str
    instrument: str | None = None    # the declaration or agenda it adopted, if any


LANDMARKS = [
    Landmark(Res(3, 217, "A"), date(1948, 12, 10), "Universal Declaration of Human Rights"),
    Landmark(Res(15, 1514), date(1960, 12, 14),
             "Declaration on the Granting of Independence to Colonial Countries and Peoples"),
    Landmark(Res(25, 2625), date(1970, 10, 24),
             "Declaration on Principles of International Law concerning Friendly Relations and "
             "Cooperation among States in accordance with the Charter of the United Nations"),
    Landmark(Res(29, 3281), date(1974, 12, 12), "Charter of Economic Rights and Duties of States"),
    Landmark(Res(41, 128), date(1986, 12, 4), "Declaration on the Right to Development"),
    Landmark(Res(49, 57), date(1994, 12, 9),
             "Declaration on the Enhancement of Cooperation between the United Nations and Regional "
             "Arrangements or Agencies in the Maintenance of International Peace and Security",
             instrument="Declaration on the Enhancement of Cooperation between the United Nations and "
                        "Regional Arrangements or Agencies in the Maintenance of International Peace and "
                        "Security"),
    Landmark(Res(55, 2), date(2000, 9, 8), "United Nations Millennium Declaration"),
    Landmark(Res(60, 1), date(2005, 9, 16), "2005 World Summit Outcome"),
    Landmark(Res(66, 288), date(2012, 7, 27), "The future we want"),
    Landmark(Res(69, 313), date(2015, 7, 27),
             "Addis Ababa Action Agenda of the Third International Conference on Financing for Development"),
    Landmark(Res(70, 1), date(2015, 9, 25),
             "Transforming our world: the 2030 Agenda for Sustainable Development",
             instrument="2030 Agenda for Sustainable Development"),
    Landmark(Res(72, 279), date(2018, 5, 31),
             "Repositioning of the United Nations development system in the context of the quadrennial "
             "comprehensive policy review of operational activities for development of the United Nations system"),
    Landmark(Res(75, 1), date(2020, 9, 21),
             "Declaration on the commemoration of the seventy-fifth anniversary of the United Nations"),
]
# Numbers the generated documents never take: the landmarks are not in the corpus, and
# 3369 (XXX) is the real observer-status resolution of the Organization of African Unity.
RESERVED = {(lm.res.session, lm.res.number) for lm in LANDMARKS} | {(30, 3369)}

# First resolution number of each session before the thirty-first (roughly the real ones)
OLD_FIRST_NUMBER = [0, 1, 110, 180, 260, 350, 500, 610, 700, 800, 900, 1000, 1130, 1230, 1360, 1450,
                    1620, 1730, 1870, 1990, 2010, 2140, 2260, 2390, 2480, 2600, 2720, 2870, 3010, 3200,
                    3350, 3542]

# ------------------------------------------------------------------------------ bodies

ADDRESSEE_KINDS = ("SpecializedAgency", "FundOrProgramme", "RegionalCommission", "FinancialInstitution",
                   "SecretariatUnit")
SERIES_KINDS = ("RegionalOrganization", "IntergovernmentalOrganization")
NOT_ADDRESSEES = {"Gavi"}          # "Gavi, the Vaccine Alliance" does not take "the"
NOT_SERIES = {"UN"}


@dataclass(frozen=True)
class Body:
    key: str
    name: str
    acronym: str | None              # an acronym only this body has, usable alone


def _bodies():
    """(addressees ranked for a Zipf-like skew, organizations with a cooperation series)."""
    from ungraph.gazetteer import load

    gaz = load()
    counts: dict[str, int] = {}
    for e in gaz.entries.values():
        for a in e.acronyms:
            counts[a] = counts.get(a, 0) + 1

    def body(e) -> Body:
        acr = next((a for a in e.acronyms if counts[a] == 1 and re.fullmatch(r"[A-Z][A-Za-z-]+", a)), None)
        return Body(e.key, e.name, acr)

    entries = sorted(gaz.entries.values(), key=lambda e: e.key)
    addressees = [body(e) for e in entries if e.kind in ADDRESSEE_KINDS and e.key not in NOT_ADDRESSEES]
    orgs = [body(e) for e in entries if e.kind in SERIES_KINDS and e.key not in NOT_SERIES]
    return addressees, orgs


SECRETARY_GENERAL = Body("SecretaryGeneral", "Secretary-General", None)

# ------------------------------------------------------------------------------ themes

THEME_TEMPLATES = [
    "International cooperation on {x}",
    "Strengthening of international cooperation in {x}",
    "Promotion of international cooperation in {x}",
    "Regional cooperation in {x}",
    "Follow-up to the international conference on {x}",
    "Implementation of the international programme of action on {x}",
    "Capacity-building for {x}",
    "The role of regional and subregional organizations in {x}",
]
THEME_SUBJECTS = [
    "humanitarian assistance in the field of natural disasters", "the peaceful uses of outer space",
    "agricultural technology for sustainable development", "improving global road safety",
    "the prevention of transnational organized crime", "the protection of migrants",
    "the eradication of rural poverty", "the sustainable management of fisheries",
    "combating desertification and drought", "the protection of the marine environment",
    "literacy and adult education", "the promotion of sustainable tourism",
    "disaster risk reduction", "the development of small and medium-sized enterprises",
    "the fight against malaria and other tropical diseases", "safe drinking water and sanitation",
    "information and communications technologies for development", "renewable and sustainable energy",
    "the prevention of violence against women and girls", "the rights of older persons",
    "youth employment and skills", "the reduction of maritime piracy", "the mitigation of el nino effects",
    "the safety of civil aviation", "the protection of cultural property", "sport for development and peace",
    "the sustainable development of mountain regions", "the management of transboundary rivers",
    "the eradication of illiteracy", "the prevention of drug abuse", "the inclusion of persons with disabilities",
    "financial inclusion for development", "the fight against corruption", "the reduction of food losses",
    "the promotion of entrepreneurship", "international migration and development",
    "the protection of coral reefs", "the sustainable use of biological diversity", "public health preparedness",
    "the preservation of forests", "housing and sustainable urbanization", "the promotion of the rule of law",
    "the return of cultural property to its countries of origin", "science and technology for development",
    "the fight against trafficking in persons", "statistical capacity for development",
    "the elimination of child labour", "the promotion of physical education", "the transfer of technology",
    "the protection of journalists",
]
THEME_REGIONS = ["", " in Africa", " in Asia and the Pacific", " in Latin America and the Caribbean",
                 " in Western Asia", " in Central Asia", " in small island developing States",
                 " in the least developed countries", " in landlocked developing countries",
                 " in countries with economies in transition"]

AREAS = [
    "energy and transport", "trade facilitation", "food security and nutrition", "disaster risk reduction",
    "public health", "education and capacity-building", "environmental protection",
    "information and communications technology", "statistics and data collection", "migration",
    "combating transnational organized crime", "sustainable tourism", "water resources management",
    "agriculture and rural development", "the empowerment of women and girls", "counter-terrorism",
    "climate change adaptation", "small and medium-sized enterprises", "customs and border management",
    "science, technology and innovation", "culture and heritage", "poverty eradication",
    "the rule of law and good governance", "humanitarian assistance", "youth and employment",
]
DIRECTIVE_TAILS = [
    "to continue to support the implementation of regional projects in the fields of {a}",
    "to consider providing technical and financial assistance for programmes in the field of {a}",
    "to strengthen their cooperation in the field of {a}",
    "to cooperate closely in the implementation of the present resolution",
    "to develop joint programmes and projects in the area of {a}",
    "to share best practices and lessons learned in {a}",
    "to continue to extend their support to national efforts in {a}",
    "to strengthen their cooperation with the {org} in the field of {a}",
    "to consider extending technical assistance to the {org} for the development of its capacities in {a}",
    "to intensify their efforts in {a}, in close consultation with the States concerned",
]
GENERIC_ADDRESSEES = [
    "the relevant United Nations agencies", "the specialized agencies and other organizations",
    "relevant international and regional organizations", "the international financial institutions",
    "all relevant stakeholders", "the international community", "donor countries",
]
EFFORT_NOUNS = ["efforts", "work", "contribution", "activities", "commitment"]
FILLER_PREAMBLE = [
    "Reaffirming its pledge to international cooperation and multilateralism,",
    "Recalling that one of the purposes of the United Nations is to achieve international cooperation "
    "in solving international problems of an economic, social or humanitarian nature,",
    "Convinced that the strengthening of cooperation between the United Nations and other organizations "
    "contributes to the promotion of the purposes and principles of the United Nations,",
    "Bearing in mind the provisions of Chapter VIII of the Charter of the United Nations on regional "
    "arrangements,",
    "Recognizing the importance of regional and subregional cooperation for the achievement of "
    "sustainable development and for the promotion of peace and security,",
    "Emphasizing the need for further coordination of the work of the United Nations system at the "
    "regional and national levels,",
    "Mindful of the importance of strengthening regional integration and interconnectivity in {a},",
    "Concerned about the adverse effects of the global economic situation on the development prospects "
    "of the countries of the region,",
    "Stressing the importance of partnerships for the mobilization of resources in {a},",
    "Acknowledging the growing role of regional organizations in {a},",
]
OTHER_OPERATIVE = [
    ("Reaffirms", "reaffirms", "the importance of continued cooperation in {a};"),
    ("Stresses", "stresses", "the need for further coordination and exchange of information in {a};"),
    ("Underlines", "underlines", "the importance of sustained financing for programmes in {a};"),
    ("Emphasizes", "emphasizes", "the role of regional cooperation in achieving progress in {a};"),
    ("Reiterates", "reiterates", "its commitment to strengthening cooperation in {a};"),
]
ADVERB_ALSO = ["Also", "Further"]
# Clauses that lengthen an operative paragraph before its final ";" (no governing verb in them)
EXTENSIONS = [
    ", bearing in mind the priorities and needs of the countries concerned",
    ", in accordance with their respective mandates and within existing resources",
    ", with a view to contributing to the achievement of the internationally agreed development goals",
    ", including through the mobilization of financial resources, the transfer of technology on mutually "
    "agreed terms and the strengthening of national institutions",
    ", in close coordination with national Governments and in a manner that avoids duplication of efforts",
    ", taking into account the specific challenges faced by developing countries, in particular the least "
    "developed countries, landlocked developing countries and small island developing States",
    " through regional and subregional programmes, the exchange of information and experience, and joint "
    "training activities for experts and officials",
    ", as well as to the promotion of an enabling environment for investment, trade and economic growth at "
    "the regional level",
]
LONG_PREAMBLE = [
    "Recognizing that the coordination of efforts among international, regional and subregional organizations "
    "in {a} contributes to the effectiveness of their activities and to the avoidance of duplication, and "
    "stressing the importance of the exchange of information among them,",
    "Conscious of the need for the efficient use of available resources and for closer cooperation among the "
    "organizations of the United Nations system and regional organizations in the field of {a}, in particular "
    "in the developing countries,",
    "Deeply concerned that the progress achieved in {a} remains uneven across regions and that many countries "
    "continue to face serious obstacles in mobilizing the resources needed for their development,",
    "Expressing its conviction that regional cooperation in {a} can make a significant contribution to "
    "peace, stability and prosperity, and to the well-being of the peoples of the region,",
    "Welcoming the efforts made at the national, regional and international levels to strengthen cooperation "
    "in {a}, including through the sharing of experience, capacity-building and the mobilization of "
    "financial resources,",
]


# ------------------------------------------------------------------------------ the plan

@dataclass
class Series:
    key: str
    kind: str                        # cooperation | theme
    title: str                       # title of its regular members
    subject: str                     # "cooperation between the United Nations and the X" / theme in lower case
    org: Body | None
    agenda_letter: str = ""
    members: list["Doc"] = field(default_factory=list)


@dataclass
class Doc:
    series: Series
    index: int                       # position in the series, from 0
    session: int
    adopted: date
    kind: str                        # observer | cooperation | theme
    res: Res | None = None


def _weekday(d: date) -> date:
    if d.weekday() == 5:
        return d - timedelta(days=1)
    if d.weekday() == 6:
        return d + timedelta(days=1)
    return d


def _adoption_date(rng: random.Random, session: int) -> date:
    y = session_year(session)
    if rng.random() < 0.85:
        d = date(y, 10, 1) + timedelta(days=rng.randrange(0, 83))      # October to 22 December
    else:
        d = date(y + 1, 1, 15) + timedelta(days=rng.randrange(0, 235))  # resumed session
    return _weekday(d)


def _series_pool(rng: random.Random, orgs: list[Body]):
    """Every series the planner can draw from: cooperation with each organization, then themes."""
    coop = [Series(f"coop:{o.key}", "cooperation", f"Cooperation between the United Nations and the {o.name}",
                   f"cooperation between the United Nations and the {o.name}", o) for o in orgs]
    themes = _theme_series(THEME_REGIONS, "theme:")
    rng.shuffle(coop)
    rng.shuffle(themes)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for k, s in enumerate(coop):
        s.agenda_letter = letters[k % 26] + ("" if k < 26 else letters[(k // 26) % 26])
    # interleave: roughly one cooperation series for every four thematic ones
    pool, ci, ti = [], 0, 0
    while ci < len(coop) or ti < len(themes):
        if ci < len(coop) and (ti >= len(themes) or rng.random() < 0.22):
            pool.append(coop[ci])
            ci += 1
        else:
            pool.append(themes[ti])
            ti += 1
    return pool


# Regions of the thematic series drawn on only once the others are used up (a corpus of
# 50,000 needs them): smaller corpora stay the same.
MORE_THEME_REGIONS = [" in Eastern Europe", " in the Arab region", " in the Sahel", " in the Caribbean",
                      " in the Pacific", " in Central America", " in South-East Asia", " in the Andean region"]


def _theme_series(regions: list[str], prefix: str) -> list[Series]:
    out = []
    for template in THEME_TEMPLATES:
        for subject in THEME_SUBJECTS:
            for region in regions:
                title = template.format(x=subject) + region
                out.append(Series(f"{prefix}{len(out)}", "theme", title, title[0].lower() + title[1:], None))
    return out


def _with_more_themes(pool: list[Series], rng: random.Random):
    yield from pool
    more = _theme_series(MORE_THEME_REGIONS, "theme:more:")
    rng.shuffle(more)
    yield from more


def plan(n: int, seed: int, orgs: list[Body]) -> list[Doc]:
    """The documents of a corpus of ``n``: their series, sessions, dates and symbols."""
    rng = random.Random(f"plan:{seed}")
    pool = _series_pool(rng, orgs)
    cap = max(3, n // 3)             # a small corpus still has several series
    sessions = list(range(1, LAST_SESSION + 1))
    # thematic series open at any session and run ~25 sessions; cooperation series open mostly
    # after the twentieth session (observer status) and are renewed until today
    theme_weights = [1.0 for s in sessions]
    coop_weights = [0.2 if s < 20 else 1 + (s - 20) / 30 for s in sessions]
    # before the thirty-first session resolutions were numbered across sessions, and the
    # record holds only so many (3541 (XXX) was the last): a large corpus must not invent
    # more, so each old session takes at most what its real range of numbers can hold
    room = {s: int((OLD_FIRST_NUMBER[s + 1] - OLD_FIRST_NUMBER[s] - 4) / 1.25)
               - sum(1 for (rs, _) in RESERVED if rs == s)
            for s in range(1, FIRST_MODERN_SESSION)}
    docs: list[Doc] = []
    for series in _with_more_themes(pool, rng):
        if len(docs) >= n:
            break
        coop = series.kind == "cooperation"
        start = rng.choices(sessions, coop_weights if coop else theme_weights)[0]
        end = LAST_SESSION if coop else min(LAST_SESSION, start + max(2, round(rng.expovariate(1 / 25))))
        period = 1 if rng.random() < 0.55 else 2
        kinds = []
        s = start
        if coop:
            kinds.append((s, "observer"))
            s += rng.choice((1, 2, 3))
        while s <= end:
            kinds.append((s, "cooperation" if coop else "theme"))
            s += period
        kept = []
        for s, kind in kinds:
            if len(kept) >= min(cap, n - len(docs)):
                break
            if s < FIRST_MODERN_SESSION and room[s] <= 0:
                continue                 # that session's real numbers are all taken: not renewed then
            kept.append((s, kind))
            if s < FIRST_MODERN_SESSION:
                room[s] -= 1
        if coop and kept and kept[0][1] != "observer":
            kept[0] = (kept[0][0], "observer")   # a cooperation series opens with observer status
        for s, kind in kept:
            doc = Doc(series, len(series.members), s, _adoption_date(rng, s), kind)
            series.members.append(doc)
            docs.append(doc)
    if len(docs) < n:
        raise SystemExit(f"generate_corpus: the series pool holds only {len(docs)} documents; "
                         f"add themes to plan {n}")
    _number(docs, rng)
    return docs


def _number(docs: list[Doc], rng: random.Random) -> None:
    """Give every document its resolution number: in adoption order within a session, with gaps."""
    by_session: dict[int, list[Doc]] = {}
    for d in docs:
        by_session.setdefault(d.session, []).append(d)
    old_next = 1
    for session in range(1, LAST_SESSION + 1):
        members = sorted(by_session.get(session, []), key=lambda d: (d.adopted, d.series.key))
        if session < FIRST_MODERN_SESSION:
            lo = max(OLD_FIRST_NUMBER[session], old_next)
            hi = max(OLD_FIRST_NUMBER[session + 1], lo + math.ceil(len(members) * 1.25) + 4)
            old_next = hi
        else:
            lo, hi = 1, max(int(120 + 3 * (session - FIRST_MODERN_SESSION)), math.ceil(len(members) * 1.3) + 10)
        free = [k for k in range(lo, hi) if (session, k) not in RESERVED]
        numbers = sorted(rng.sample(free, len(members)))
        for d, k in zip(members, numbers):
            d.res = Res(session, k)


# ------------------------------------------------------------------------------ one document

@dataclass
class Para:
    kind: str                        # preambular | operative
    text: str                        # footnote markers as \ue100<k>\ue101
    refs: list[tuple[str, str | None]] = field(default_factory=list)   # (symbol, ISO date)
    notes: list[tuple[int, str, list[tuple[str, str | None]]]] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    number: int | None = None

    @property
    def recalling(self) -> bool:
        return self.kind == "preambular" and self.text.startswith("Recalling")


class Writer:
    """Builds the paragraphs of one document and the truth about them."""

    def __init__(self, doc: Doc, rng: random.Random, addressees: list[Body], zipf: list[float]):
        self.doc, self.rng = doc, rng
        self.addressees, self.zipf = addressees, zipf
        self.paras: list[Para] = []
        self.footnote = 0
        self.named: set[str] = set()             # bodies already written out in full
        self.org = doc.series.org

    # -- pieces

    def note(self, para: Para, text: str, refs=()) -> str:
        self.footnote += 1
        para.notes.append((self.footnote, text, list(refs)))
        return f"\ue100{self.footnote}\ue101"

    def name(self, b: Body) -> str:
        """A body as the text names it: "the X (ACR)" the first time, then "the X" or "ACR"."""
        if b.key == "SecretaryGeneral":
            return "the Secretary-General"
        if b.key in self.named:
            if b.acronym and self.rng.random() < 0.35:
                return b.acronym
            return f"the {b.name}"
        self.named.add(b.key)
        if b.acronym and self.rng.random() < 0.3:
            return f"the {b.name} ({b.acronym})"
        return f"the {b.name}"

    def pick(self, k: int) -> list[Body]:
        out: list[Body] = []
        while len(out) < k:
            b = self.rng.choices(self.addressees, self.zipf)[0]
            if b not in out and (self.org is None or b.key != self.org.key):
                out.append(b)
        return out

    def listing(self, bodies: list[Body]) -> str:
        names = [self.name(b) for b in bodies]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def area(self) -> str:
        return self.rng.choice(AREAS)

    def tail(self) -> str:
        t = self.rng.choice(DIRECTIVE_TAILS)
        if "{org}" in t and self.org is None:
            t = DIRECTIVE_TAILS[0]
        return t.format(a=self.area(), org=self.org.name if self.org else "") + self.extension()

    def extension(self) -> str:
        r = self.rng.random()
        k = 2 if r < 0.25 else 1 if r < 0.7 else 0
        return "".join(self.rng.sample(EXTENSIONS, k))

    # -- preamble

    def preamble(self) -> None:
        d, rng = self.doc, self.rng
        earlier = d.series.members[:d.index]
        if d.kind == "observer":
            self.pre("Recalling that one of the purposes of the United Nations is to achieve international "
                     "cooperation in solving international problems of an economic, social or humanitarian "
                     "nature,")
            if rng.random() < 0.5:
                self.pre(f"Noting with appreciation the desire of the {self.org.name} to strengthen its "
                         "cooperation with the United Nations,")
            return
        texts: list[tuple[str, list]] = []
        if d.kind == "cooperation":
            obs = earlier[0]
            prev = earlier[1:]
            first = (f"Recalling its resolution {obs.res.printed} of {long_date(obs.adopted)}, by which it "
                     f"granted observer status to the {self.org.name}")
            refs = [(obs.res.symbol, obs.adopted.isoformat())]
            if prev and rng.random() < 0.5:
                last = prev[-1]
                first += (f", as well as its previous resolutions on cooperation between the United Nations "
                          f"and the {self.org.name}, including resolution {last.res.printed} of "
                          f"{long_date(last.adopted)}")
                refs.append((last.res.symbol, last.adopted.isoformat()))
                prev = prev[:-1]
            texts.append((first + ",", refs))
            listed = prev[-rng.randint(1, 4):] if prev else []
        else:
            listed = earlier[-rng.randint(1, 5):] if earlier else []
        if listed:
            opener = "Recalling also" if texts else "Recalling"
            if len(listed) == 1:
                r = listed[0]
                body = f"{opener} its resolution {r.res.printed} of {long_date(r.adopted)}"
            else:
                parts = [f"{r.res.printed} of {long_date(r.adopted)}" for r in listed]
                body = f"{opener} its resolutions " + ", ".join(parts[:-1]) + " and " + parts[-1]
            texts.append((f"{body} on {d.series.subject},", [(r.res.symbol, r.adopted.isoformat())
                                                             for r in listed]))
        for text, refs in texts:
            self.pre(text, refs)
        for _ in range(rng.randint(4, 12)):
            pool = LONG_PREAMBLE if rng.random() < 0.6 else FILLER_PREAMBLE
            self.pre(rng.choice(pool).format(a=self.area()))
        self.landmarks()
        if d.kind == "cooperation" and rng.random() < 0.7:
            self.pre(f"Noting with appreciation the {rng.choice(EFFORT_NOUNS)} of the {self.org.name} to "
                     f"strengthen its relations with the United Nations system in {self.area()},")
        if earlier and rng.random() < 0.6:
            last = earlier[-1]
            p = Para("preambular", "")
            mark = self.note(p, self.report_symbol())
            p.text = (f"Taking note of the report of the Secretary-General submitted pursuant to resolution "
                      f"{last.res.printed},{mark}")
            p.refs.append((last.res.symbol, None))
            self.paras.append(p)

    def pre(self, text: str, refs=()) -> Para:
        p = Para("preambular", text, list(refs))
        self.paras.append(p)
        return p

    def report_symbol(self) -> str:
        s = self.doc.session
        if s < FIRST_MODERN_SESSION:
            return f"A/{self.rng.randint(1000, 9999)}."
        return f"A/{s}/{self.rng.randint(60, 400)}, sect. {self.rng.choice(['I', 'II', 'III', 'IV'])}."

    def landmarks(self) -> None:
        rng, d = self.rng, self.doc
        older = [lm for lm in LANDMARKS if lm.adopted < d.adopted - timedelta(days=30)]
        if not older:
            return
        for lm in rng.sample(older, min(len(older), rng.choice((0, 1, 1, 2)))):
            style = rng.random()
            if lm.instrument and style < 0.35:
                # the instrument by name, the resolution in a footnote: a cite
                p = Para("preambular", "")
                opener = rng.choice(["Recalling", "Reaffirming", "Bearing in mind"])
                mark = self.note(p, f"Resolution {lm.res.printed}{', annex' if 'Declaration' in lm.instrument else ''}.",
                                 [(lm.res.symbol, None)])
                when = f" of {long_date(lm.adopted)}" if "Declaration" in lm.instrument else ""
                article = "its" if "Declaration" in lm.instrument else "the"
                p.text = f"{opener} {article} {lm.instrument}{when},{mark}"
                self.paras.append(p)
            elif style < 0.7:
                opener = rng.choice(["Recalling", "Recalling further", "Recalling in this regard"]) \
                    if style < 0.55 else "Recalling"
                self.pre(f"{opener} its resolution {lm.res.printed} of {long_date(lm.adopted)}, entitled "
                         f"“{lm.title}”,", [(lm.res.symbol, lm.adopted.isoformat())])
            else:
                opener = rng.choice(["Reaffirming", "Bearing in mind", "Guided by"])
                self.pre(f"{opener} its resolution {lm.res.printed} of {long_date(lm.adopted)}, entitled "
                         f"“{lm.title}”,", [(lm.res.symbol, lm.adopted.isoformat())])

    # -- operative part

    def operative(self) -> None:
        d, rng = self.doc, self.rng
        if d.kind == "observer":
            self.op("Decides", "decides", f"to invite the {self.org.name} to participate in the sessions and the "
                    "work of the General Assembly in the capacity of observer;")
            self.op("Requests", "requests", "to take the necessary action to implement the present resolution.",
                    [SECRETARY_GENERAL])
            return
        # as long as the bundled real texts (12 operative paragraphs on average, median 7, a few past 30)
        count = max(3, min(45, round(rng.lognormvariate(math.log(9), 0.85))))
        if rng.random() < 0.5:
            p = Para("operative", "")
            mark = self.note(p, "See " + self.report_symbol()) if rng.random() < 0.7 else ""
            verb = rng.choice(["Takes note", "Takes note with appreciation"])
            p.text = f"{verb} of the report of the Secretary-General;{mark}"
            p.actions.append({"verb": "takes note", "addressees": [], "generic": []})
            self.paras.append(p)
        used: dict[str, int] = {}
        while sum(p.kind == "operative" for p in self.paras) < count - 1:
            self.one_operative(used)
        if d.kind == "cooperation":
            nxt = ordinal_word(min(d.session + 2, 99))
            self.op("Decides", "decides", f"to include in the provisional agenda of its {nxt} session, under the "
                    "item entitled “Cooperation between the United Nations and regional and other "
                    f"organizations”, the sub-item entitled “{d.series.title}”.")
        else:
            nxt = ordinal_word(min(d.session + 1, 99))
            self.op(self.verb_phrase("requests", used), "requests", f"to submit to the General Assembly at its {nxt} session a report "
                    "on the implementation of the present resolution.", [SECRETARY_GENERAL])

    def verb_phrase(self, verb: str, used: dict[str, int]) -> str:
        base = {"calls upon": "Calls upon", "takes note": "Takes note"}.get(verb, verb.capitalize())
        n = used.get(verb, 0)
        used[verb] = n + 1
        if n == 0:
            return base if verb != "urges" or self.rng.random() < 0.7 else "Strongly urges"
        return f"{self.rng.choice(ADVERB_ALSO)} {base[0].lower() + base[1:]}"

    def op(self, phrase: str, verb: str, rest: str, addressees=(), generic=()) -> Para:
        """An operative paragraph with one governing verb; ``rest`` follows the object."""
        obj = self.listing(list(addressees)) + " " if addressees else ""
        p = Para("operative", f"{phrase} {obj}{rest}")
        p.actions.append({"verb": verb, "addressees": [b.key for b in addressees], "generic": list(generic)})
        self.paras.append(p)
        return p

    def one_operative(self, used: dict[str, int]) -> None:
        rng = self.rng
        r = rng.random()
        k = min(len(self.addressees), rng.choice((1, 1, 1, 2, 2, 3, 4)))
        # about half the operative paragraphs name a body, as in the bundled real texts
        if r < 0.22:                                        # invites X, Y and Z to ...
            verb = rng.choice(["invites", "invites", "encourages", "urges", "calls upon", "requests"])
            bodies = self.pick(k)
            if verb == "requests" and rng.random() < 0.6:
                bodies = [SECRETARY_GENERAL]
            self.op(self.verb_phrase(verb, used), verb, self.tail() + ";", bodies)
        elif r < 0.30:                                      # generic, in particular X and Y
            verb = rng.choice(["invites", "encourages", "urges", "calls upon"])
            generic = rng.choice(GENERIC_ADDRESSEES)
            bodies = self.pick(max(1, k))
            lead = rng.choice(["in particular", "especially", "including"])
            p = Para("operative", f"{self.verb_phrase(verb, used)} {generic}, {lead} {self.listing(bodies)}, "
                                  f"{self.tail()};")
            p.actions.append({"verb": verb, "addressees": [b.key for b in bodies], "generic": [generic]})
            self.paras.append(p)
        elif r < 0.35 and self.org is not None:              # calls upon the organization itself
            verb = rng.choice(["calls upon", "encourages", "invites"])
            p = Para("operative", f"{self.verb_phrase(verb, used)} the {self.org.name} {self.tail()};")
            p.actions.append({"verb": verb, "addressees": [self.org.key], "generic": []})
            self.paras.append(p)
        elif r < 0.47:                                      # welcomes the efforts of X
            verb = rng.choice(["welcomes", "notes", "takes note", "welcomes"])
            bodies = self.pick(1 if rng.random() < 0.7 else 2)
            phrase = self.verb_phrase(verb, used)
            if verb == "notes" and rng.random() < 0.5:
                phrase += " with appreciation"
            of = "of " if verb == "takes note" else ""
            noun = rng.choice(EFFORT_NOUNS)
            p = Para("operative", f"{phrase} {of}the {noun} of {self.listing(bodies)} in the field of "
                                  f"{self.area()}{self.extension()};")
            p.actions.append({"verb": verb, "addressees": [b.key for b in bodies], "generic": []})
            self.paras.append(p)
        elif r < 0.62:                                      # evaluates a relation, not a body
            verb = rng.choice(["welcomes", "notes"])
            partner = self.pick(1)[0]
            other = f"the {self.org.name}" if self.org else "the regional commissions"
            p = Para("operative", f"{self.verb_phrase(verb, used)} the ongoing cooperation between {other} and "
                                  f"{self.name(partner)} in the area of {self.area()}{self.extension()};")
            p.actions.append({"verb": verb, "addressees": [], "generic": []})
            self.paras.append(p)
        elif r < 0.72:                                      # notes ..., and invites X to ...
            first = rng.choice(["notes", "welcomes"])
            second = rng.choice(["invites", "encourages", "requests"])
            bodies = self.pick(k) if second != "requests" else [SECRETARY_GENERAL]
            p = Para("operative", f"{self.verb_phrase(first, used)} the progress made in {self.area()}, and "
                                  f"{second} {self.listing(bodies)} {self.tail()};")
            used[second] = used.get(second, 0) + 1
            p.actions.append({"verb": first, "addressees": [], "generic": []})
            p.actions.append({"verb": second, "addressees": [b.key for b in bodies], "generic": []})
            self.paras.append(p)
        else:                                               # reaffirms, stresses, ...
            phrase, verb, rest = rng.choice(OTHER_OPERATIVE)
            self.op(phrase if used.get(verb) is None else f"Also {phrase.lower()}", verb, rest.format(a=self.area()))
            used[verb] = used.get(verb, 0) + 1

    # -- truth

    def truth(self) -> dict:
        # a Recalling paragraph recalls what it names and what its footnotes name
        recalls: dict[str, str | None] = {}
        for p in self.paras:
            if p.recalling:
                for s, dt in p.refs + [r for _, _, rs in p.notes for r in rs]:
                    if s not in recalls or (recalls[s] is None and dt):
                        recalls[s] = recalls.get(s) or dt
        cites: dict[str, str | None] = {}
        for p in self.paras:
            if p.recalling:
                continue
            refs = list(p.refs) + [r for _, _, rs in p.notes for r in rs]
            for s, dt in refs:
                if s not in cites or (cites[s] is None and dt):
                    cites[s] = cites.get(s) or dt
        actions = []
        number = 0
        for p in self.paras:
            if p.kind == "operative":
                number += 1
                for a in p.actions:
                    actions.append({"paragraph": number, **a})
        return {
            "recalls": [{"symbol": s, "date": dt} for s, dt in recalls.items()],
            "cites": [{"symbol": s, "date": dt} for s, dt in cites.items() if s not in recalls],
            "actions": actions,
            "preambular": sum(p.kind == "preambular" for p in self.paras),
            "operative": number,
            "footnotes": self.footnote,
        }


# ------------------------------------------------------------------------------ layout

MARK = re.compile("\ue100(\\d+)\ue101")


def _wrap(text: str, width: int) -> list[tuple[str, list[int]]]:
    """Wrapped lines of a paragraph, each with the footnote markers it carries."""
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=True)
    out = []
    for line in lines:
        marks = [int(m) for m in MARK.findall(line)]
        out.append((MARK.sub(r"\1", line), marks))
    return out


def _head(doc: Doc, rng: random.Random, title: str, agenda: str, agenda_title: str, issued: date,
          job: str, drafts: list[str], committee: str | None) -> list[str]:
    res = doc.res
    processed = issued + timedelta(days=rng.randint(1, 7))
    lines = ["United Nations ", res.symbol, " ", " ", "General Assembly ", "Distr.: General ",
             f"{long_date(issued)} ", " ", f"{job} (E)    {processed:%d%m%y} ", f"*{job.replace('-', '')}* ",
             " ", " ", f"{ordinal_word(doc.session).capitalize()} session ", f"Agenda item {agenda} "]
    lines += [x + " " for x in textwrap.wrap(agenda_title, width=rng.randint(52, 60))]
    lines += [" "] * 4
    if rng.random() < 0.5:
        lines += ["Resolution adopted by the General Assembly ", f"on {long_date(doc.adopted)} "]
    else:
        lines += ["Resolution adopted by the General Assembly on ", f"{long_date(doc.adopted)} "]
    lines += [" "] * 4
    if committee:
        lines.append(f"[on the report of the {committee}] ")
    else:
        lines.append(f"[without reference to a Main Committee ({' and '.join(drafts)})] ")
    lines += [" "] * 3
    title_lines = textwrap.wrap(f"{res.printed}. " + title, width=rng.randint(62, 70))
    lines += [x + " " for x in title_lines]
    lines += [" "] * 3
    lines += ["The General Assembly, ", " "]
    return lines


def render(doc: Doc, seed: int, addressees: list[Body], zipf: list[float]) -> tuple[str, dict]:
    """The text of one document and its truth."""
    rng = random.Random(f"doc:{seed}:{doc.res.symbol}")
    series = doc.series
    w = Writer(doc, rng, addressees, zipf)
    w.preamble()
    w.operative()
    truth = w.truth()

    if doc.kind == "observer":
        title = f"Observer status for the {series.org.name} in the General Assembly"
        agenda_title = title
    else:
        title = series.title
        agenda_title = ("Cooperation between the United Nations and regional and other organizations: "
                        + series.subject) if doc.kind == "cooperation" else title
    s = doc.session
    agenda_no = 100 + (s * 7) % 40 if doc.kind != "theme" else 10 + int(hashlib.md5(series.key.encode()).hexdigest(), 16) % 150
    agenda = f"{agenda_no} ({series.agenda_letter})" if doc.kind == "cooperation" else str(agenda_no)
    issued = _weekday(doc.adopted + timedelta(days=rng.randint(3, 20)))
    job = f"{issued.year % 100:02d}-{rng.randint(10000, 99999)}"
    if s >= FIRST_MODERN_SESSION:
        draft = f"A/{s}/L.{rng.randint(2, 80)}"
        drafts = [draft] + ([f"{draft}/Add.1"] if rng.random() < 0.4 else [])
    else:
        drafts = [f"A/L.{rng.randint(100, 800)}"]
    committee = None
    if doc.kind == "theme" and rng.random() < 0.6:
        report = f"A/{s}/{rng.randint(400, 700)}" if s >= FIRST_MODERN_SESSION else f"A/{rng.randint(1000, 9999)}"
        committee = f"{rng.choice(['Second', 'Third', 'Fourth', 'Sixth'])} Committee ({report})"
        drafts = []
    head = _head(doc, rng, title, agenda, agenda_title, issued, job, drafts, committee)

    # body lines, each with its footnote markers
    width = rng.randint(82, 88)
    alone = rng.random() < 0.6               # "1." alone on its line, as UN PDFs print 1..9
    body: list[tuple[str, list[int]]] = []
    notes: dict[int, str] = {}
    for p in w.paras:
        for k, text, _ in p.notes:
            notes[k] = text
        if p.kind == "operative":
            p.number = sum(1 for q in w.paras[:w.paras.index(p) + 1] if q.kind == "operative")
            if alone and p.number < 10:
                body.append((f"{p.number}. ", []))
                body += [(x + " ", m) for x, m in _wrap(p.text, width)]
            else:
                body += [(x + " ", m) for x, m in _wrap(f"{p.number}. {p.text}", width)]
        else:
            body += [(x + " ", m) for x, m in _wrap(p.text, width)]
        body.append((" ", []))
    meeting = _meeting(doc)
    body += [(f"{ordinal_suffix(meeting)} plenary meeting ", []), (f"{long_date(doc.adopted)} ", []), (" ", [])]

    pages = _paginate(head, body, notes, rng)
    text = _pages_text(pages, doc.res.symbol, title, job, rng)
    truth.update({
        "file": doc.res.file, "symbol": doc.res.symbol, "session": s, "title": title,
        "series": series.key, "kind": doc.kind, "agenda_item": agenda,
        "adopted": doc.adopted.isoformat(), "issued": issued.isoformat(),
        "meeting": f"{ordinal_suffix(meeting)} plenary meeting",
        "concerns": [series.org.key] if series.org else [], "drafts": drafts, "pages": len(pages),
    })
    return text, truth


def _meeting(doc: Doc) -> int:
    start = date(session_year(doc.session), 9, 15)
    days = (doc.adopted - start).days
    return max(1, min(120, 5 + int(days * 0.8)))


def _note_lines(k: int, text: str) -> list[str]:
    wrapped = textwrap.wrap(f"{k}  {text}", width=85) or [f"{k}"]
    return [x + " " for x in wrapped] + [" "]


def _paginate(head: list[str], body: list[tuple[str, list[int]]], notes: dict[int, str],
              rng: random.Random) -> list[list[str]]:
    """Pages of lines, footnotes at the bottom of the page where their marker stands."""
    pages: list[list[str]] = []
    current = list(head)
    pending: list[int] = []
    cap = rng.randint(62, 68)                # page 1 holds the head as well
    i = 0

    def note_block(ks: list[int]) -> list[str]:
        if not ks:
            return []
        out = ["__________________ ", " "]
        for k in ks:
            out += _note_lines(k, notes[k])
        return out

    while i < len(body):
        line, marks = body[i]
        # a paragraph number printed alone stays with the first line of its paragraph
        k = i + 2 if re.fullmatch(r"\d{1,3}\. ", line) and i + 1 < len(body) else i + 1
        marks = [m for _, ms in body[i:k] for m in ms]
        need = len(current) + (k - i) + len(note_block(pending + marks))
        if need > cap and len(current) > 3:
            pages.append(current + note_block(pending))
            current, pending = [], []
            cap = rng.randint(42, 48)
            continue
        current += [x for x, _ in body[i:k]]
        pending += marks
        i = k
    pages.append(current + note_block(pending))
    return pages


def _pages_text(pages: list[list[str]], symbol: str, title: str, job: str, rng: random.Random) -> str:
    total = len(pages)
    running = textwrap.wrap(title, width=rng.randint(46, 52))
    out: list[str] = []
    for n, lines in enumerate(pages, start=1):
        if n > 1:
            out.append("")
            if n % 2 == 0:
                out += [f"{symbol} "] + running + [" ", job, f"{n}/{total} ", " "]
            else:
                out += [x + " " for x in running] + [symbol, " ", f"{n}/{total}", f"{job} ", " "]
        # a page does not begin with blank lines
        while n > 1 and lines and not lines[0].strip():
            lines = lines[1:]
        out += lines
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------------------ corpus

# The bodies resolutions address most often come first; the rest follow in a seeded order.
FREQUENT = ["UNDP", "UNEP", "FAO", "WHO", "UNESCO", "UNIDO", "UNCTAD", "WorldBank", "UNICEF", "UNODC",
            "ESCAP", "ECE", "ECA", "ECLAC", "ESCWA", "WFP", "UNFPA", "UNHCR", "IMF", "OCHA", "ILO", "IFAD",
            "UN-Habitat", "UN-Women", "OHCHR", "DESA", "ITU", "WMO", "IMO", "ICAO", "UNWTO", "IsDB", "ADB",
            "AfDB"]


def _zipf(bodies: list[Body], rng: random.Random, s: float = 1.1) -> list[float]:
    """Weights 1/rank^s: the FREQUENT bodies in that order, then the others shuffled."""
    rest = [b.key for b in bodies if b.key not in FREQUENT]
    rng.shuffle(rest)
    rank = {k: r for r, k in enumerate([k for k in FREQUENT if any(b.key == k for b in bodies)] + rest, start=1)}
    return [1 / rank[b.key] ** s for b in bodies]


def _render_chunk(args) -> list[tuple[str, str, dict]]:
    seed, docs, addressees, zipf = args
    out = []
    for d in docs:
        text, truth = render(d, seed, addressees, zipf)
        out.append((d.res.file, text, truth))
    return out


def generate(n: int, out: Path, seed: int = 7, jobs: int = 1, quiet: bool = True) -> dict:
    """Write ``n`` documents and their manifest into ``out``; return the manifest."""
    t0 = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    addressees, orgs = _bodies()
    zipf = _zipf(addressees, random.Random(f"zipf:{seed}"))
    docs = plan(n, seed, orgs)
    docs.sort(key=lambda d: (d.session, d.res.number))
    chunks = [docs[i:i + 200] for i in range(0, len(docs), 200)]
    tasks = [(seed, c, addressees, zipf) for c in chunks]
    if jobs > 1 and len(docs) > 400:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_render_chunk, tasks))
    else:
        results = [_render_chunk(t) for t in tasks]
    truths = []
    size = 0
    for chunk in results:
        for name, text, truth in chunk:
            data = text.encode("utf-8")
            size += len(data)
            (out / name).write_bytes(data)
            truths.append(truth)
    manifest = {
        "generator": GENERATOR_VERSION, "n": n, "seed": seed, "bytes": size,
        "sessions": [min(d.session for d in docs), max(d.session for d in docs)],
        "series": len({d.series.key for d in docs}),
        "documents": truths,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if not quiet:
        print(f"{n} documents ({size / 1e6:.1f} MB, {manifest['series']} series, sessions "
              f"{manifest['sessions'][0]}..{manifest['sessions'][1]}) in {out} "
              f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return manifest


def load_manifest(folder: Path) -> dict:
    return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/generate_corpus.py --n 1000 --out /tmp/n1000")
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the texts and .manifest.json into")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8), help="worker processes")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    generate(args.n, args.out, args.seed, args.jobs, quiet=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
