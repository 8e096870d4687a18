"""UN document symbols: how they are printed, and the organ, kind and session they name.

A symbol is the UN's name for a document: ``A/RES/78/325`` (a General Assembly resolution of
the seventy-eighth session), ``A/80/L.12/Rev.1`` (a draft), ``S/RES/2719(2023)``,
``A/HRC/RES/S-30/1``, ``E/2024/L.5``, ``A/C.3/78/L.5`` (a Main Committee's draft),
``A/RES/217A(III)`` (a resolution of the third session, numbered before sessions were),
``A/78/467/Add.1`` (a report). The regexes here recognise symbols where they are printed; each
function is pure, from a symbol's text.

>>> MASTHEAD_SYMBOL.fullmatch("S/RES/2719 (2023)").groups()
('S/RES/2719', '(2023)')
>>> DRAFT_SYMBOL.findall("adopted without a vote (A/78/L.45/Rev.1 and A/78/L.45/Rev.1/Add.1)")
['A/78/L.45/Rev.1', 'A/78/L.45/Rev.1/Add.1']
>>> DRAFT_SYMBOL.findall("A/HRC/S-30/L.1, A/HRC/52/L.3/Add.1 and A/C.3/78/L.5/Rev.1")
['A/HRC/S-30/L.1', 'A/HRC/52/L.3/Add.1', 'A/C.3/78/L.5/Rev.1']
>>> symbol_organ("A/HRC/RES/S-30/1"), symbol_kind("A/80/L.12/Rev.1").value, symbol_session("A/C.3/78/L.5")
('HRC', 'draft_resolution', 78)
"""
from __future__ import annotations

import re

from .model import DocKind

# ---------------------------------------------------------------- symbols as printed

# alone on a line at the top of the first page (the masthead): "A/RES/78/325",
# "S/RES/2719 (2023)" (the year is group 2)
MASTHEAD_SYMBOL = re.compile(r"((?:A|S|E)(?:/[A-Za-z0-9.\-()]+){2,6})(?:\s+(\([0-9]{4}\)))?")
# in a running page header or footer, of any series: "A/RES/75/12", "S/RES/2719 (2023)"
RUNNING_SYMBOL = r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-()]+){1,6}(?: \((?:19|20)\d\d\))?"
# a report a resolution was adopted on: "A/78/481/Add.2", "E/2024/28"
REPORT_SYMBOL = re.compile(r"^[AES](?:/[A-Za-z0-9.\-()]+)+$")
# a draft named in a resolution's head: "A/78/L.45/Rev.1", "S/2023/970", "A/HRC/55/L.12", "E/2024/L.5"
_PARTS = r"(?:/(?:Add|Rev)\.\d+)*"
DRAFT_SYMBOL = re.compile(
    rf"\b(A/(?:ES-\d+/|S-\d+/|C\.[1-6]/)?\d{{1,3}}/L\.\d+{_PARTS}|S/\d{{4}}/\d+"
    rf"|A/HRC/(?:S-)?\d+/L\.\d+{_PARTS}|E/\d{{4}}/L\.\d+{_PARTS})")

# a document of the Security Council's series of the year (reports, letters, and its drafts):
# "S/2023/970"
COUNCIL_DOCUMENT = re.compile(r"S/(?:19|20)\d\d/\d{1,4}")

# in running text, any document: "A/78/467/Add.1", "S/PRST/2013/16", "GC(67)/RES/10"; each
# segment starts after one "/" and cannot contain one, so the split is unique
_SERIES = (
    r"(?:A|S|E|ST|TD|UNEP|DP|CEDAW|CRC|CCPR|CERD|CAT|CMW|CRPD|UNW|HSP|ICCD|FCCC|SPLOS|ISBA|"
    r"INFCIRC|GOV|GC\(\d{1,3}\))"
)
PRINTED_DOCUMENT = re.compile(r"(?<![\w/.\-])" + _SERIES + r"(?:/[A-Za-z0-9][\w.()\-]*)+")
# fragments of resolution numbers: a part letter ("75/257 B", "217 A (III)"; format the
# group's name in), and a session in Roman numerals ("XXX", "ES-X")
PART_LETTER = r"(?:\s?(?P<{}>[A-Z])(?![\w/\-]|\.\w))?"
ROMAN_SESSION = r"(?:E?S-)?[IVXLC]{1,7}"
# in running text, a resolution: "A/RES/75/257 B", "S/RES/2250 (2015)", "A/RES/3369 (XXX)"
PRINTED_RESOLUTION = re.compile(
    r"(?P<prefix>A/HRC/RES|A/RES|S/RES|E/RES)/(?P<body>(?:E?S-)?\d{1,4}(?:/\d{1,4})?)"
    + PART_LETTER.format("letter")
    + r"(?:\s?\((?P<paren>(?:19|20)\d\d|" + ROMAN_SESSION + r")\))?(?![\w/])"
)
# a part letter printed after another series' symbol: "GC(67)/RES/10 A"
LETTER_AFTER_SYMBOL = re.compile(r"\s(?P<letter>[A-Z])(?![\w/\-]|\.\w)")

# ---------------------------------------------------------------- organ and kind

# the symbol series of the organs whose resolutions and decisions are numbered "session/number"
# or "year/number"
_SERIES_PREFIX = {"GA": "A", "HRC": "A/HRC", "ECOSOC": "E"}


def adopted_symbol(organ: str | None, number: str, decision: bool = False) -> str:
    """The symbol of resolution or decision ``number`` of ``organ`` (the Assembly's by default).

    >>> adopted_symbol("HRC", "52/101", decision=True), adopted_symbol(None, "75/324"), adopted_symbol("ECOSOC", "2023/5")
    ('A/HRC/DEC/52/101', 'A/RES/75/324', 'E/RES/2023/5')
    """
    return f"{_SERIES_PREFIX.get(organ or 'GA', 'A')}/{'DEC' if decision else 'RES'}/{number}"


def symbol_organ(symbol: str) -> str:
    """The organ a symbol belongs to: A/HRC/ to the Human Rights Council, A/ to the General
    Assembly, S/ to the Security Council, E/ to the Economic and Social Council.

    >>> [symbol_organ(s) for s in ("A/RES/78/325", "A/HRC/55/L.12", "S/RES/2719(2023)", "E/2024/L.5")]
    ['GA', 'HRC', 'SC', 'ECOSOC']
    """
    return "HRC" if symbol.startswith("A/HRC/") else {"A": "GA", "S": "SC", "E": "ECOSOC"}[symbol[0]]


# "L." is the series of documents of limited distribution: drafts
_DRAFT_SERIES = re.compile(r"/L\.\d")


def is_draft(symbol: str) -> bool:
    """Whether a symbol names a draft ("A/80/L.12/Rev.1").

    >>> is_draft("A/80/L.12/Rev.1"), is_draft("A/RES/78/325")
    (True, False)
    """
    return bool(_DRAFT_SERIES.search(symbol))


def symbol_kind(symbol: str) -> DocKind | None:
    """The kind of document a symbol is given to, when the symbol says it.

    >>> [symbol_kind(s) for s in ("A/RES/78/325", "A/HRC/DEC/55/101", "A/C.3/78/L.5", "A/78/467")]
    [<DocKind.RESOLUTION: 'resolution'>, <DocKind.DECISION: 'decision'>, <DocKind.DRAFT_RESOLUTION: 'draft_resolution'>, None]
    """
    if "/RES/" in symbol:
        return DocKind.RESOLUTION
    if "/DEC/" in symbol:
        return DocKind.DECISION
    if is_draft(symbol):
        return DocKind.DRAFT_RESOLUTION
    return None


def document_kind(symbol: str) -> str:
    """Kind of a cited UN document (a ``DocumentRef.kind``) from its symbol.

    >>> [document_kind(s) for s in ("A/75/345-S/2020/898", "S/PV.7813", "S/PRST/2013/16",
    ...                             "A/75/L.131/Add.1", "A/DEC/75/543", "S/INF/69", "GC(67)/RES/10")]
    ['report', 'meeting_record', 'presidential_statement', 'draft', 'decision', 'document', 'document']
    """
    if re.search(r"(?:^|/)PV\.\d", symbol):
        return "meeting_record"
    if symbol.startswith("S/PRST/"):
        return "presidential_statement"
    if re.match(r"(?:A|A/HRC|E)/DEC/", symbol):
        return "decision"
    if is_draft(symbol) and re.match(r"(?:A|S|E)/", symbol):
        return "draft"
    if re.match(r"A/(?:E?S-)?\d{1,3}/\d", symbol) or COUNCIL_DOCUMENT.match(symbol):
        return "report"
    return "document"


# ---------------------------------------------------------------- session

# "A/RES/75/324", "A/DEC/75/543", "A/75/L.12": the General Assembly's session after "A/"
_ASSEMBLY_SESSION = re.compile(r"^A/(?:RES/|DEC/)?(\d{1,3})/")
# the same, and the sessions of its Main Committees ("A/C.3/78/L.5") and of the Human Rights
# Council ("A/HRC/RES/52/1")
_SESSION = re.compile(r"A/(?:RES/|DEC/|C\.\d/|HRC/(?:RES/)?)?(\d{1,3})/")
# "A/RES/3369(XXX)", "A/RES/217A(III)": the first thirty sessions numbered their resolutions alone
_NUMBERED_ALONE = re.compile(r"^A/RES/\d+\s?[A-Z]?\s?\(([IVXL]+)\)$")
# "E/RES/2024/5", "E/2024/L.5": the Economic and Social Council's session is its year
_YEAR_SESSION = re.compile(r"^E/(?:RES/|DEC/)?((?:19|20)\d\d)/")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def symbol_session(symbol: str, *, assembly_only: bool = False) -> int | None:
    """The session a symbol names, if it names one.

    ``assembly_only`` reads General Assembly plenary symbols only: the graph gives a *cited*
    document the Assembly's session alone, and a document of the corpus also the session of a
    Main Committee, of the Human Rights Council, or of the Economic and Social Council (a year).

    >>> [symbol_session(s) for s in ("A/RES/75/324", "A/RES/3369(XXX)", "A/C.3/78/L.5",
    ...                              "A/HRC/RES/52/1", "E/RES/2024/5", "S/RES/2250(2015)")]
    [75, 30, 78, 52, 2024, None]
    >>> [symbol_session(s, assembly_only=True) for s in ("A/RES/48/2", "A/RES/217A(III)", "A/HRC/RES/52/1")]
    [48, 3, None]
    """
    numbered = (_ASSEMBLY_SESSION if assembly_only else _SESSION).match(symbol) \
        or (None if assembly_only else _YEAR_SESSION.match(symbol))
    if numbered:
        return int(numbered.group(1))
    roman = _NUMBERED_ALONE.match(symbol)
    if not roman:
        return None
    total, prev = 0, 0
    for ch in reversed(roman.group(1)):
        v = _ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


# ---------------------------------------------------------------- symbols in file names

# A file saved from the UN's document system is named after its symbol, "/" written "_" and
# a language code appended: A_RES_78_325-EN.pdf, A_80_L.12-EN.pdf, S_RES_2719(2023)-EN.pdf.
_FILE_SYMBOL = re.compile(
    r"(?:A/RES/(?:(?:E?S-\d{1,2}|\d{1,3})/\d{1,4}[A-Z]?|\d{1,4}[A-Z]?\([IVXLC]{1,7}\))"
    r"|A/(?:E?S-\d{1,2}|\d{1,3})/L\.\d{1,4}|A/C\.[1-6]/\d{1,3}/L\.\d{1,4}|A/DEC/\d{1,3}/\d{3}"
    r"|S/RES/\d{1,4}\((?:19|20)\d\d\)|S/(?:19|20)\d\d/\d{1,4}"
    r"|A/HRC/(?:RES|DEC)/(?:S-)?\d{1,2}/\d{1,3}|A/HRC/(?:S-)?\d{1,2}/L\.\d{1,3}|E/RES/(?:19|20)\d\d/\d{1,3}|E/(?:19|20)\d\d/L\.\d{1,3})"
    r"(?:/(?:Rev|Add|Corr)\.\d{1,2})*")
_FILE_SUFFIX = re.compile(r"\.(?:txt|md|markdown|text|pdf)$", re.I)
# "-EN", "-E", " (E)": the language; an underscore and a letter is a part ("A_RES_78_262_A")
_LANGUAGE = re.compile(r"(?:-(?:EN|FR|ES|AR|ZH|RU|E|F|S|A|C|R)|\s*\([EFSACR]\))$")


def symbol_in_file_name(name: str) -> str | None:
    """The UN symbol a file is named after, or None when its name is not a symbol.

    >>> [symbol_in_file_name(n) for n in ("A_RES_78_325-EN.pdf", "A_80_L.12.txt", "S_2023_970.txt",
    ...                                   "S_RES_2719(2023)-EN.pdf", "A_75_L_OIC_draft_2020.md", "notes.txt")]
    ['A/RES/78/325', 'A/80/L.12', 'S/2023/970', 'S/RES/2719(2023)', None, None]
    """
    stem = re.sub(r"\s+\(", "(", _LANGUAGE.sub("", _FILE_SUFFIX.sub("", name.strip())))
    candidate = stem.replace("_", "/")
    return candidate if _FILE_SYMBOL.fullmatch(candidate) else None


_PART = re.compile(r"^(Add|Corr|Rev)\.\d+(?:/(?:Add|Corr|Rev)\.\d+)*$")
# what a part written alone replaces at the end of the symbol before it: a revision replaces
# the parts after the base, an addendum the addendum (and its corrigenda), a corrigendum one
_REPLACES = {"Rev": r"(?:/(?:Rev|Add|Corr)\.\d+)+$", "Add": r"(?:/(?:Add|Corr)\.\d+)+$", "Corr": r"/Corr\.\d+$"}


def expand_symbol_list(text: str) -> list[str]:
    """The symbols of a list as printed in a header, parts written alone ("and Add.2") completed
    from the symbol before them, as the UN prints them.

    >>> expand_symbol_list("A/78/481/Add.1 and Add.2")
    ['A/78/481/Add.1', 'A/78/481/Add.2']
    >>> expand_symbol_list("A/78/467, A/78/468 and Corr.1")
    ['A/78/467', 'A/78/468', 'A/78/468/Corr.1']
    >>> expand_symbol_list("A/78/481/Add.1 and Corr.1 and Add.2, Add.3/Corr.1")
    ['A/78/481/Add.1', 'A/78/481/Add.1/Corr.1', 'A/78/481/Add.2', 'A/78/481/Add.3/Corr.1']
    """
    out: list[str] = []
    for piece in (re.sub(r"\s+", "", x) for x in re.split(r",|\s+and\s+", text)):
        if _PART.match(piece) and out:
            base = re.sub(_REPLACES[piece.split(".")[0]], "", out[-1])
            piece = f"{base}/{piece}"
        if piece:
            out.append(piece)
    return out
