"""Read a document's metadata: symbol, kind, organ, title, session, agenda item, dates.

The head of a UN document is everything before the line that names the author
("The General Assembly,"); the closing lines ("102nd plenary meeting / 9 September 2021")
follow the last operative paragraph.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .clean import join_wrapped
from .dates import MONTH, to_date
from .states import split_states
from .model import DocKind, Header
from .symbols import (COUNCIL_DOCUMENT, DRAFT_SYMBOL, MASTHEAD_SYMBOL, REPORT_SYMBOL, adopted_symbol,
                      expand_symbol_list, is_draft, symbol_in_file_name, symbol_kind, symbol_organ,
                      symbol_session)

DATE = rf"(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})"
DATE_RE = re.compile(DATE)

AUTHOR_LINE = re.compile(
    r"^[ \t]*The\s+(General Assembly|Security Council|Human Rights Council|Economic and Social Council)\s*[,:]?\s*$",
    re.M)
ORGAN_NAMES = {"General Assembly": "GA", "Security Council": "SC", "Human Rights Council": "HRC",
               "Economic and Social Council": "ECOSOC"}

_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
         "ninet": 90}


def parse_date(text: str) -> date | None:
    """First "9 September 2021" in ``text`` as a date.

    >>> parse_date("adopted by the General Assembly on 9 September 2021")
    datetime.date(2021, 9, 9)
    """
    m = DATE_RE.search(text)
    return to_date(m.group(1), m.group(2), m.group(3)) if m else None


def ordinal(word: str) -> int | None:
    """English ordinal word to number, 1..199.

    >>> ordinal("Seventy-fifth"), ordinal("eightieth"), ordinal("Tenth"), ordinal("one hundredth")
    (75, 80, 10, 100)
    """
    w = word.lower().strip().replace("–", "-")
    base = 0
    if w.startswith("one hundred"):
        base, w = 100, w[len("one hundred"):].strip(" -").removeprefix("and ").strip()
        if w in ("", "th"):
            return 100
    if w in _UNITS[1:]:
        return base + _UNITS.index(w)
    if w in _TEENS:
        return base + 10 + _TEENS.index(w)
    for stem, value in _TENS.items():
        if w.startswith(stem):
            rest = w[len(stem):]
            if rest in ("ieth", "ieth-", "y"):
                return base + value
            rest = rest.removeprefix("y").strip(" -")
            if rest in _UNITS[1:]:
                return base + value + _UNITS.index(rest)
    return None


SESSION_RE = re.compile(r"\b((?:one hundred(?: and)? )?[A-Za-z]+(?:[-–][a-z]+)?) (?:regular )?session\b", re.I)
# the Economic and Social Council names its sessions by year: "2024 session", "substantive
# session of 2004"
YEAR_SESSION_RE = re.compile(r"\b((?:19|20)\d\d) session\b|\bsession of ((?:19|20)\d\d)\b", re.I)
RES_NUMBER_TITLE = re.compile(r"^\s*((?:ES-|S-)?\d{1,4}/\d{1,4}|\d{1,4}\s*[A-Z]?\s*\([IVXL]{1,6}\))"
                              r"(?:\s*[A-Z])?\.\s+(\S.*)$")
# "[on the report of the Third Committee (A/78/481/Add.2)]", "[on the recommendation of the
# Commission on Narcotic Drugs (E/2024/28)]": the committee and its report
ON_REPORT = re.compile(r"\[\s*on\s+the\s+(?:reports?|recommendations?)\s+of\s+(?:the\s+)?(?P<who>[^\[\]]+?)\s*"
                       r"\((?P<docs>[AES]/[^()\[\]]*)\)\s*\]")


def split_head(text: str) -> tuple[str, str, str | None]:
    """Split text at the author line: (head, body, organ). Body starts at the author line."""
    m = AUTHOR_LINE.search(text)
    if not m:
        return "", text, None
    return text[:m.start()], text[m.start():], ORGAN_NAMES[m.group(1)]


def with_file_symbol(header: Header, file_name: str) -> tuple[Header, str | None]:
    """Take the symbol from the file's name when the text prints none, and say so.

    The name is used only when it agrees with what the text does print: its organ (from
    "The Security Council,") and its kind (a "draft resolution" line). Returns the header and a
    one-line note for the build report (None when there is nothing to say).
    """
    named = symbol_in_file_name(file_name)
    if named is None:
        return header, None
    if header.symbol:
        printed = re.sub(r"\s+", "", header.symbol)
        if named != printed and named not in header.draft_symbols:
            return header, f"the file name says {named} but the text prints {printed}; the printed symbol is used"
        return header, None
    organ, kind = symbol_organ(named), symbol_kind(named)
    if header.organ and header.organ != organ:
        return header, f"the file name says {named}, a symbol of another organ than the text's author; not used"
    if kind and header.kind not in (DocKind.OTHER, kind):
        return header, f"the file name says {named}, a symbol of another kind of document than the text; not used"
    return replace(header, symbol=named, symbol_from_file_name=True, organ=header.organ or organ,
                   kind=kind or header.kind, session=header.session or symbol_session(named)), \
        f"symbol {named} taken from the file name (the text prints none)"


def with_council_draft(header: Header) -> Header:
    """A text of the Security Council in resolution form, not adopted, under a symbol of the
    Council's documents of the year ("S/2023/970") is a draft resolution: what the Council
    adopts is numbered S/RES/. Call it on a text known to have an operative part.

    >>> with_council_draft(Header(symbol="S/2023/970", organ="SC")).kind.value
    'draft_resolution'
    """
    if header.kind == DocKind.OTHER and header.organ == "SC" and header.adopted is None \
            and header.meeting is None and header.symbol \
            and COUNCIL_DOCUMENT.fullmatch(re.sub(r"\s+", "", header.symbol)):
        return replace(header, kind=DocKind.DRAFT_RESOLUTION)
    return header


def parse_header(head: str, organ: str | None, closing: str = "") -> Header:
    """Metadata from the head of a document and its closing lines.

    >>> h = parse_header("General Assembly\\nSeventy-fifth session\\nAgenda item 130 (i)\\n"
    ...     "Resolution adopted by the General Assembly on 9 September 2021\\n"
    ...     "75/324. Cooperation between the United Nations and the\\nEconomic Cooperation Organization\\n", "GA")
    >>> h.symbol, h.kind.value, h.session, h.agenda_item, h.adopted.isoformat()
    ('A/RES/75/324', 'resolution', 75, '130 (i)', '2021-09-09')
    >>> h.title
    'Cooperation between the United Nations and the Economic Cooperation Organization'

    A hyphen at the end of a title line before a lower-case letter is kept as
    ``clean.LINE_HYPHEN``: whether it is part of the word is settled once the document's
    words are known (:func:`ungraph.extract.extract`).
    """
    lines = [line.strip() for line in head.split("\n")]
    nonblank = [x for x in lines if x]
    flat = " ".join(nonblank)

    symbol = None
    kind = DocKind.OTHER
    # a symbol printed alone on a line near the top (the masthead)
    for line in nonblank[:12]:
        line = re.sub(r"^United Nations\s+", "", line)
        m = MASTHEAD_SYMBOL.fullmatch(line)
        if m:
            symbol = m.group(1) + (m.group(2) or "")
            break
    # Security Council: "Resolution 2719 (2023)" / "Adopted by the Security Council at its
    # 9518th meeting, on 21 December 2023"
    sc_m = re.search(r"\bResolution (\d{1,4}) \((\d{4})\)", flat)
    sc_adopted = re.search(r"Adopted by the Security Council at its (\d{1,5}(?:st|nd|rd|th) meeting),?\s+on\s+"
                           + DATE, flat)
    if sc_adopted or (sc_m and organ == "SC"):
        organ = "SC"
        if sc_m:
            symbol = f"S/RES/{sc_m.group(1)}({sc_m.group(2)})"
            kind = DocKind.RESOLUTION
    sc_meeting = sc_adopted.group(1) if sc_adopted else None
    adopted_m = re.search(r"(Resolution|Decision) adopted by the (General Assembly|Security Council|"
                          r"Human Rights Council|Economic and Social Council)\s+on\s+" + DATE, flat)
    adopted = parse_date(adopted_m.group(0)) if adopted_m else (
        parse_date(sc_adopted.group(0)) if sc_adopted else None)
    if sc_adopted:
        kind = DocKind.RESOLUTION
    if adopted_m:
        kind = DocKind.RESOLUTION if adopted_m.group(1) == "Resolution" else DocKind.DECISION
        organ = organ or ORGAN_NAMES[adopted_m.group(2)]

    # "75/324. Title" introduces the title and gives the resolution number
    title = None
    for i, line in enumerate(lines):
        m = RES_NUMBER_TITLE.match(line)
        if m and not _looks_like_date_or_page(line):
            number = re.sub(r"\s+", "", m.group(1))
            rest = _until_blank(lines, i + 1)
            title = m.group(2)
            for piece in rest:
                title = join_wrapped(title, piece)
            if kind == DocKind.DECISION:
                symbol = symbol if symbol and "/DEC/" in symbol else adopted_symbol(organ, number, decision=True)
            elif organ in (None, "GA", "HRC", "ECOSOC"):
                symbol = adopted_symbol(organ, number)
                kind = DocKind.RESOLUTION
            break

    sponsors: tuple[str, ...] = ()
    for i, line in enumerate(lines):
        dm = re.match(r"^(.*?):?\s*\*?\s*(?:revised\s+)?draft (resolution|decision)\s*$", line, re.I)
        if dm:
            kind = DocKind.DRAFT_RESOLUTION if dm.group(2).lower() == "resolution" else DocKind.DECISION
            who = dm.group(1).strip().rstrip(":*").strip()
            # sponsors may wrap over the lines above "...: draft resolution"
            j = i - 1
            while who and j >= 0 and lines[j] and not AUTHOR_LINE.match(lines[j]) \
                    and not re.search(r"Agenda item|session$", lines[j]):
                who = lines[j] + " " + who
                j -= 1
            sponsors = split_states(who)
            if title is None:
                after = [x for x in lines[i + 1:] if x]
                title = None
                for piece in (_until_blank(lines, _first_nonblank(lines, i + 1)) if after else []):
                    title = piece if title is None else join_wrapped(title, piece)
            break
    # what the symbol says settles the kind, but a draft decision stays a decision
    if symbol and is_draft(symbol):
        kind = DocKind.DRAFT_RESOLUTION if kind != DocKind.DECISION else kind
    elif symbol and kind == DocKind.OTHER and symbol_kind(symbol) == DocKind.RESOLUTION:
        kind = DocKind.RESOLUTION

    session = None
    sm = SESSION_RE.search(flat)
    if sm:
        session = ordinal(sm.group(1))
    if session is None and organ == "ECOSOC" and (ym := YEAR_SESSION_RE.search(flat)):
        session = int(ym.group(1) or ym.group(2))
    if session is None and symbol:
        session = symbol_session(symbol)

    agenda = None
    am = re.search(r"Agenda items?\s+(\d+(?:\s*\([a-z]{1,4}\))?(?:(?:,\s*|\s+and\s+)\d+(?:\s*\([a-z]{1,4}\))?)*)", flat)
    if am:
        agenda = re.sub(r"\s+", " ", am.group(1)).strip()

    issued = None
    im = re.search(r"Distr\.:\s*\w+\s+" + DATE, flat)
    if im:
        issued = parse_date(im.group(0))

    meeting = sc_meeting
    draft_symbols = tuple(dict.fromkeys(
        d for d in DRAFT_SYMBOL.findall(flat) if d != symbol)) if adopted_m or kind == DocKind.RESOLUTION else ()

    reports: tuple[str, ...] = ()
    recommended_by = None
    rm = ON_REPORT.search(flat)
    if rm:
        recommended_by = re.sub(r"\s+", " ", rm.group("who")).strip()
        reports = tuple(s for s in expand_symbol_list(rm.group("docs")) if REPORT_SYMBOL.match(s))

    if title:
        title = re.sub(r"\s+", " ", title).strip()
    header = Header(symbol=symbol, kind=kind, organ=organ, title=title, session=session,
                    agenda_item=agenda, issued=issued, adopted=adopted, meeting=meeting,
                    sponsors=sponsors, draft_symbols=draft_symbols, reports=reports,
                    recommended_by=recommended_by)
    return with_closing(header, closing) if closing else header


CLOSING_MEETING = re.compile(r"(\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting)\s*[,.]?\s*(?:" + DATE + ")?")


def with_closing(header: Header, closing: str) -> Header:
    """The header completed by the closing lines ("102nd plenary meeting / 9 September 2021")."""
    mm = CLOSING_MEETING.search(" ".join(closing.split()))
    if not mm or header.meeting:
        return header
    adopted = header.adopted or (parse_date(mm.group(0)) if mm.group(2) else None)
    kind = DocKind.RESOLUTION if header.kind == DocKind.OTHER and adopted else header.kind
    return replace(header, meeting=mm.group(1), adopted=adopted, kind=kind)


def _looks_like_date_or_page(line: str) -> bool:
    return bool(re.match(r"^\s*\d{1,3}/\d{1,3}\s*$", line))


def _first_nonblank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i]:
        i += 1
    return i


def _until_blank(lines: list[str], i: int) -> list[str]:
    out = []
    while i < len(lines) and lines[i]:
        out.append(lines[i])
        i += 1
    return out


def agenda_title(head: str) -> str | None:
    """The agenda item's title printed under "Agenda item 130 (i)" (a running-title candidate)."""
    m = re.search(r"Agenda items?[^\n]*\n((?:[^\n]+\n){1,6})", head)
    if not m:
        return None
    out = []
    for line in m.group(1).split("\n"):
        if not line.strip() or re.match(r"\s*(Resolution|Decision) adopted|.*draft resolution", line):
            break
        out.append(line.strip())
    return " ".join(out) or None
