"""Find references to UN resolutions, decisions and other UN documents in one paragraph.

The paragraph is cleaned text (whitespace collapsed, footnote markers and markdown
removed). Everything here is a small pure function over strings; the one public entry
point is :func:`find_references`.

How a reference is found
------------------------
1. *Trigger words* ("resolution(s)", "decision(s)") are followed by a list of numbers:
   ``48/2``, ``3369 (XXX)``, ``217 A (III)``, ``2250 (2015)``, ``1980/67``, ``ES-10/19``,
   ``75/257 B``; each may carry its own date ("of 13 October 1993", "adopted on ...").
   Lists continue over ", ", " and ", ", and " and over a title ("78/265 of 21 March
   2024 on seizing ..., 78/311 of 1 July 2024 on ...") when the next number is dated.
2. *Printed symbols* anywhere in the text: ``A/RES/75/324`` (a resolution),
   ``A/75/345-S/2020/898``, ``S/PV.7813``, ``S/PRST/2013/16``, ``A/75/L.131``,
   ``GC(67)/RES/10`` (documents).

Which organ a bare number belongs to
------------------------------------
The number's shape decides when it can: ``NNNN (YYYY)`` is the Security Council,
``N (ROMAN)`` an old General Assembly resolution, ``YYYY/N`` the Economic and Social
Council, ``S-N/N`` and ``ES-N/N`` special sessions of the Assembly. For ``NN/NN`` the
organ named before the trigger wins ("Human Rights Council resolution 16/18"; a bare
"Council" means the Human Rights Council, the only council numbering resolutions so);
then the antecedent of "its" ("the Security Council, in its resolution ..."); then
the author of the text. Security Council and ECOSOC texts have no ``NN/NN`` resolutions
of their own, so there ``NN/NN`` is a General Assembly resolution.

>>> res, docs = find_references("Recalling its resolution 48/2 of 13 October 1993 and S/PV.7813,")
>>> [(r.symbol, r.adopted.isoformat(), r.text) for r in res]
[('A/RES/48/2', '1993-10-13', '48/2 of 13 October 1993')]
>>> [(d.symbol, d.kind) for d in docs]
[('S/PV.7813', 'meeting_record')]
>>> [r.symbol for r in find_references("its resolutions 1267 (1999) and 2253 (2015)", "SC")[0]]
['S/RES/1267(1999)', 'S/RES/2253(2015)']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .dates import MONTH, to_date
from .model import DocumentRef, ResolutionRef, Span
from .symbols import (LETTER_AFTER_SYMBOL, PART_LETTER, PRINTED_DOCUMENT, PRINTED_RESOLUTION, ROMAN_SESSION,
                      adopted_symbol, document_kind, symbol_organ)

__all__ = [
    "find_references",
    "normalize",
]

ORGANS = ("GA", "SC", "HRC", "ECOSOC")

# --------------------------------------------------------------------------------------
# Normalisation: a length-preserving copy of the text that the regexes run on, so that
# every offset found in the copy is an offset in the original.

_LOOKALIKES = str.maketrans({
    # Cyrillic capitals that look like Latin ones ("75/257 В")
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K",
    "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y",
    # Cyrillic small letters that look like Latin ones
    "а": "a", "с": "c", "е": "e", "і": "i", "ј": "j", "о": "o", "р": "p", "ѕ": "s",
    "х": "x", "у": "y",
    # Greek capitals
    "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
    # hyphens and spaces
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def normalize(text: str) -> str:
    """Replace look-alike letters, hyphens and spaces by ASCII, one character for one.

    >>> normalize("75/257 В")
    '75/257 B'
    >>> len(normalize("ES\u201110/19")) == len("ES\u201110/19")
    True
    """
    return text.translate(_LOOKALIKES)


# --------------------------------------------------------------------------------------
# Dates

# "of 13 October 1993", ", adopted on 13 October 1993", "on 29 November 1947", directly
# after the number. A footnote marker glued to the year ("20116") is tolerated but left
# out of the span.
_DATE = re.compile(
    r",?\s(?:adopted\s)?(?:of|on)\s(?P<d>\d{1,2})\s(?P<m>" + MONTH + r")\s(?P<y>(?:1[89]|20)\d\d)(?=\d{0,2}(?!\d))"
)


# --------------------------------------------------------------------------------------
# Resolution numbers as printed after "resolution(s)"

_NUMBER_PATTERN = (
    r"(?:"
    r"(?P<sp>E?S)-(?P<sp_s>\d{1,2})/(?P<sp_n>\d{1,4})" + PART_LETTER.format("sp_l")              # ES-10/19, S-26/2
    + r"|(?P<sc_n>\d{1,4})\s?\((?P<sc_y>(?:19[4-9]|20\d)\d)\)"                                  # 2250 (2015)
    + r"|(?P<old_n>\d{1,4})(?:\s?(?P<old_l>[A-Z]))?\s?\((?P<old_s>" + ROMAN_SESSION + r")\)"  # 3369 (XXX), 217 A (III)
    + r"|(?P<yr_y>(?:19[4-9]|20\d)\d)/(?P<yr_n>\d{1,4})" + PART_LETTER.format("yr_l")              # 1980/67
    + r"|(?P<ss_s>\d{1,3})/(?P<ss_n>\d{1,4})" + PART_LETTER.format("ss_l")                         # 48/2, 75/257 B
    + r")(?![\w/])"
)
_NUMBER = re.compile(_NUMBER_PATTERN)
# the same without group names, for use inside look-aheads
_NUMBER_BARE = re.sub(r"\(\?P<\w+>", "(?:", _NUMBER_PATTERN)

# between two numbers of a list: ", ", " and ", ", and ", ", as well as ". A footnote
# marker left after a date or comma ("2008,3 22/22", "20228 and 55/13") is skipped.
_SEP = re.compile(r"\d{0,2}(?:,\s?(?:\d{1,2}\s)?(?:(?:and|or|as\swell\sas)\s)?|\s(?:and|or|as\swell\sas)\s)")

# a list that goes on after a title: "78/265 of 21 March 2024 on seizing ..., 78/311 of
# 1 July 2024 on ...". Only a dated number continues the list.
_TITLE_CONTINUATION = re.compile(
    r",?\s(?:on|entitled|concerning|regarding|relating\sto)\s[^;]{1,300}?(?:,\s(?:and\s)?|\sand\s)"
    r"(?=" + _NUMBER_BARE + r"\s(?:of|on)\s\d{1,2}\s(?:" + MONTH + r")\s\d{4})"
)

_TRIGGER = re.compile(r"\b(?:[Rr]esolution|RESOLUTION|[Dd]ecision|DECISION)(?:s|S)?\b")
_TRIGGER_WORD = re.compile(r"(?i)\b(?:resolutions?|decisions?)\b")


@dataclass(frozen=True)
class _Number:
    """One number of a list, with what its shape says."""

    shape: str          # special | sc | roman | year | session
    start: int
    end: int            # end of the number, or of its date when printed
    first: str          # session, year or number
    second: str         # number, year or roman session
    letter: str
    adopted: date | None
    more_letters: tuple[str, ...] = ()   # "60/1 A and B", "64/243 A to C": the other parts named
    after_and: bool = False              # joined to the number before by "and" (not a bare comma)


# the other parts of a lettered resolution: "A and B", "A, B and C", "A to C"
_MORE_LETTERS = re.compile(r"(?P<list>(?:,\s?[A-Z](?![\w/\-]|\.\w))*),?\s(?P<how>and|to)\s(?P<last>[A-Z])(?![\w/\-]|\.\w)")


def _other_parts(letter: str, listed: str, how: str, last: str) -> tuple[str, ...]:
    """The parts named after ``letter``: "A to C" is A, B and C.

    >>> _other_parts("A", "", "and", "B"), _other_parts("A", ", B", "and", "D"), _other_parts("B", "", "to", "D")
    (('B',), ('B', 'D'), ('C', 'D'))
    """
    if how == "to":
        return tuple(chr(c) for c in range(ord(letter) + 1, ord(last) + 1))
    return tuple(re.findall(r"[A-Z]", listed)) + (last,)


def _read_number(norm: str, pos: int) -> _Number | None:
    """The number (and its date) printed at ``pos``, if any."""
    m = _NUMBER.match(norm, pos)
    if not m:
        return None
    g = m.group
    if g("sp"):
        shape, first, second, letter = "special", f"{g('sp')}-{int(g('sp_s'))}", g("sp_n"), g("sp_l")
    elif g("sc_n"):
        shape, first, second, letter = "sc", g("sc_n"), g("sc_y"), None
    elif g("old_n"):
        shape, first, second, letter = "roman", g("old_n"), g("old_s"), g("old_l")
    elif g("yr_y"):
        shape, first, second, letter = "year", g("yr_y"), g("yr_n"), g("yr_l")
    else:
        shape, first, second, letter = "session", g("ss_s"), g("ss_n"), g("ss_l")
    end, adopted, more = m.end(), None, ()
    parts = _MORE_LETTERS.match(norm, end) if letter and shape != "roman" else None
    if parts:
        more = _other_parts(letter, parts.group("list"), parts.group("how"), parts.group("last"))
        end = parts.end()
    d = _DATE.match(norm, end)
    if d:
        adopted = to_date(d.group("d"), d.group("m"), d.group("y"))
        if adopted is not None:
            end = d.end()
    return _Number(shape, m.start(), end, first, second, letter or "", adopted, more)


def _read_list(norm: str, pos: int) -> list[_Number]:
    """Every number of the list that starts at ``pos`` (just after a trigger word)."""
    if not norm.startswith(" ", pos):
        return []
    first = _read_number(norm, pos + 1)
    if first is None:
        return []
    items = [first]
    while True:
        end = items[-1].end
        nxt = None
        sep = _SEP.match(norm, end)
        if sep:
            nxt = _read_number(norm, sep.end())
            if nxt and re.search(r"\band\b", sep.group()):
                nxt = replace(nxt, after_and=True)
        if nxt is None:
            cont = _TITLE_CONTINUATION.match(norm, end)
            if cont and not _TRIGGER_WORD.search(norm, end, cont.end()):
                nxt = _read_number(norm, cont.end())
        if nxt is None:
            return _dated_together(items)
        items.append(nxt)


def _session_key(n: _Number) -> str | None:
    return {"session": n.first, "special": n.first, "year": n.first, "roman": n.second}.get(n.shape)


def _dated_together(items: list[_Number]) -> list[_Number]:
    """A date printed after the last of a run of numbers of one session joined by "and" dates
    the undated ones before it ("resolutions 5/1 and 5/2 of 18 June 2007", "77/1, 77/4 and 77/5
    of ..."); not across sessions, nor after a bare comma ("74/270, 74/274 of 20 April 2020")."""
    out = list(items)
    for k, dated in enumerate(items):
        session = _session_key(dated)
        if dated.adopted is None or not dated.after_and or session is None:
            continue
        i = k - 1
        while i >= 0 and out[i].adopted is None and _session_key(out[i]) == session:
            out[i] = replace(out[i], adopted=dated.adopted)
            i -= 1
    return out


# --------------------------------------------------------------------------------------
# Who adopted it: the words before the trigger

_CONNECTORS = {"and", "of", "on", "the", "for"}
_OPENERS = {
    "see", "also", "further", "in", "by", "under", "with", "as", "to", "of", "the", "its",
    "resolution", "resolutions", "decision", "decisions", "nations", "united",
    "recalls", "reaffirms", "notes", "welcomes", "takes", "stresses", "emphasizes",
    "underlines", "underscores", "reiterates", "decides", "requests", "urges", "invites",
    "calls", "acknowledges", "recognizes", "affirms", "endorses", "supports", "approves",
    "adopts", "mindful", "guided", "pursuant", "ibid", "cf",
}
_NAMED_ORGANS = (
    ("Economic and Social Council", "ECOSOC"),
    ("Human Rights Council", "HRC"),
    ("Security Council", "SC"),
    ("General Assembly", "GA"),
    ("Commission on Human Rights", "CHR"),
)


def _is_opener(word: str) -> bool:
    """A capitalised word that opens a paragraph rather than naming a body ("Recalling")."""
    return word.lower() in _OPENERS or (word.endswith("ing") and word != "Governing")


def _capitalised_run(window: str) -> list[str]:
    """The run of capitalised words (and connectors) that ends ``window``."""
    run: list[str] = []
    for word in reversed(window.split()):
        if word in _CONNECTORS or (word[0].isupper() and word.replace("-", "").isalpha()):
            run.append(word)
        else:
            break
    run.reverse()
    while run and run[0] in _CONNECTORS:
        run.pop(0)
    return run


def _classify_run(run: list[str]) -> str | None:
    """GA | SC | HRC | ECOSOC | COUNCIL | CHR | FOREIGN, or None when no body is named."""
    if not run:
        return None
    words = " ".join(run)
    for name, tag in _NAMED_ORGANS:
        if words == name or words.endswith(" " + name):
            return tag
    last = run[-1]
    prev = run[-2] if len(run) > 1 else None
    if last in ("Assembly", "Council"):
        if prev is None or _is_opener(prev):
            return "GA" if last == "Assembly" else "COUNCIL"
        return "FOREIGN"            # World Health Assembly, Governing Council, ...
    if _is_opener(last):
        return None
    return "FOREIGN"                # IAEA General Conference, Islamic Summit, ...


_ORGAN_NAMES = r"(?P<name>Economic and Social Council|Human Rights Council|Security Council|General Assembly)"
# "resolutions of the Security Council, including resolution 1631 (2005)"
_LIST_CONTEXT = re.compile(
    r"(?:resolutions|statements)\sof\sthe\s" + _ORGAN_NAMES
    + r",?\s(?:including|in\sparticular|especially|notably|such\sas|inter\salia)\s$"
)
_LIST_CONTEXT_2 = re.compile(
    _ORGAN_NAMES + r"\sresolutions,?\s(?:including|in\sparticular|especially|notably|such\sas|inter\salia)\s$"
)
# "its resolution", "its previous resolution", "its relevant resolutions"
_ITS = re.compile(r"\bits\s(?:[a-z]+\s){0,2}$")
# "... the Security Council, in its resolution"
_ANTECEDENT_END = re.compile(r",?\s(?:in|by|through|under|with)\s$")
# "A/56/1026-S/2002/932, annex II, resolution 14/221": a resolution inside a document
_INSIDE_DOCUMENT = re.compile(
    r"(?:annex(?:es)?|chap\.|chapter|appendix|sect\.|section|enclosure|part)(?:\s[\w.]{1,8})?,\s$"
)
_DRAFT = re.compile(r"\b[Dd]raft\s$")

_WINDOW = 160


def _context(norm: str, start: int) -> tuple[str | None, bool, str | None] | None:
    """(qualifier, after "its", antecedent of "its") for the trigger at ``start``.

    None when the trigger does not introduce UN resolutions of its own (a draft, a
    resolution inside an annex of another document).
    """
    window = norm[max(0, start - _WINDOW):start]
    if _DRAFT.search(window) or _INSIDE_DOCUMENT.search(window):
        return None
    its = _ITS.search(window)
    if its:
        before = window[:its.start()]
        ante = _ANTECEDENT_END.search(before)
        antecedent = _classify_run(_capitalised_run(before[:ante.start()])) if ante else None
        return None, True, antecedent
    for pattern in (_LIST_CONTEXT, _LIST_CONTEXT_2):
        m = pattern.search(window)
        if m:
            return dict(_NAMED_ORGANS)[m.group("name")], False, None
    return _classify_run(_capitalised_run(window)), False, None


def _organ(shape: str, qualifier: str | None, antecedent: str | None, author: str) -> str | None:
    """The organ that adopted a number of this shape, or None when it is not a UN organ's.

    >>> _organ("session", None, None, "HRC"), _organ("session", None, None, "SC")
    ('HRC', 'GA')
    >>> _organ("session", "COUNCIL", None, "GA"), _organ("sc", None, None, "GA")
    ('HRC', 'SC')
    >>> _organ("special", None, None, "HRC"), _organ("special", None, None, "GA")
    ('HRC', 'GA')
    """
    who = qualifier or antecedent
    if who == "FOREIGN":
        return None
    if shape == "sc":
        return "SC"
    if shape == "special":     # both the Assembly and the Human Rights Council hold special sessions
        return "HRC" if who == "HRC" or (who in (None, "COUNCIL") and author == "HRC") else "GA"
    if shape == "year":
        return "CHR" if who == "CHR" else "ECOSOC"
    if who == "CHR":
        return None
    context = who or author
    if shape == "roman":
        return "ECOSOC" if context in ("ECOSOC", "COUNCIL") else "GA"
    # NN/NN
    return "HRC" if context in ("HRC", "COUNCIL") else "GA"


def _symbol(n: _Number, organ: str, decision: bool) -> str | None:
    """Canonical symbol of a number adopted by ``organ``."""
    series = "DEC" if decision else "RES"
    number = f"{int(n.second)}{n.letter}" if n.shape in ("session", "year", "special") else ""
    if n.shape == "sc":
        return None if decision else f"S/RES/{int(n.first)}({n.second})"
    if n.shape == "roman":
        prefix = "E" if organ == "ECOSOC" else "A"
        return None if decision else f"{prefix}/RES/{int(n.first)}{n.letter}({n.second})"
    if organ == "CHR":
        return f"E/CN.4/{series}/{n.first}/{number}"
    if n.shape == "year":
        return adopted_symbol("ECOSOC", f"{n.first}/{number}", decision)
    session = n.first if n.shape == "special" else str(int(n.first))
    return adopted_symbol("HRC" if organ == "HRC" else "GA", f"{session}/{number}", decision)


# --------------------------------------------------------------------------------------
# Printed document symbols

def _trim(symbol: str) -> str:
    """Drop trailing punctuation and unbalanced closing brackets from a matched symbol."""
    opened, closed = symbol.count("("), symbol.count(")")
    end = len(symbol)
    while end and symbol[end - 1] in ".,;:-)":
        if symbol[end - 1] == ")":
            if closed <= opened:
                break
            closed -= 1
        end -= 1
    return symbol[:end]


def _printed_symbols(text: str, norm: str):
    """Resolutions and documents cited by their printed symbol, in text order."""
    resolutions: list[ResolutionRef] = []
    documents: list[DocumentRef] = []
    pos = 0
    while True:
        m = PRINTED_DOCUMENT.search(norm, pos)
        if not m:
            return resolutions, documents
        res = PRINTED_RESOLUTION.match(norm, m.start())
        if res:
            end, adopted = res.end(), None
            d = _DATE.match(norm, end)
            if d and (adopted := to_date(d.group("d"), d.group("m"), d.group("y"))):
                end = d.end()
            paren = f"({res.group('paren')})" if res.group("paren") else ""
            symbol = f"{res.group('prefix')}/{res.group('body')}{res.group('letter') or ''}{paren}"
            span = Span(m.start(), end)
            resolutions.append(ResolutionRef(symbol, symbol_organ(symbol), adopted, span, span.of(text)))
            pos = max(end, m.end())
            continue
        symbol = _trim(m.group())
        end = m.start() + len(symbol)
        pos = max(m.end(), m.start() + 1)
        if not any(c.isdigit() for c in symbol):
            continue
        if "/RES/" in symbol:           # "GC(67)/RES/10 A"
            letter = LETTER_AFTER_SYMBOL.match(norm, end)
            if letter:
                symbol += letter.group("letter")
                end = letter.end()
        span = Span(m.start(), end)
        documents.append(DocumentRef(symbol, document_kind(symbol), span, span.of(text)))


# --------------------------------------------------------------------------------------


def _author(organ) -> str:
    value = getattr(organ, "value", organ) or "GA"
    value = str(value).upper()
    return value if value in ORGANS else "GA"


def find_references(text: str, organ: str = "GA") -> tuple[list[ResolutionRef], list[DocumentRef]]:
    """All resolution references and other document references in `text`, in text order.
    `organ` is the author of the document the text comes from (GA | SC | HRC | ECOSOC):
    it decides what "its resolution" and bare numbers mean.

    >>> res, _ = find_references("Human Rights Council resolution 16/18 of 24 March 2011")
    >>> res[0].symbol, res[0].organ, res[0].adopted
    ('A/HRC/RES/16/18', 'HRC', datetime.date(2011, 3, 24))
    >>> res, docs = find_references("decision 75/543")
    >>> res, [(d.symbol, d.kind, d.text) for d in docs]
    ([], [('A/DEC/75/543', 'decision', '75/543')])
    """
    author = _author(organ)
    norm = normalize(text)
    resolutions, documents = _printed_symbols(text, norm)
    taken: set[int] = set()
    for trigger in _TRIGGER.finditer(norm):
        context = _context(norm, trigger.start())
        if context is None:
            continue
        qualifier, _its, antecedent = context
        decision = trigger.group()[0] in "Dd"
        for n in _read_list(norm, trigger.end()):
            if n.start in taken:
                continue
            taken.add(n.start)
            who = _organ(n.shape, qualifier, antecedent, author)
            if who is None:
                continue
            span = Span(n.start, n.end)
            for part in (n, *(replace(n, letter=letter) for letter in n.more_letters)):
                symbol = _symbol(part, who, decision)
                if symbol is None:
                    continue
                if decision:
                    documents.append(DocumentRef(symbol, "decision", span, span.of(text)))
                elif who == "CHR":
                    documents.append(DocumentRef(symbol, "document", span, span.of(text)))
                else:
                    resolutions.append(ResolutionRef(symbol, who, n.adopted, span, span.of(text)))
    resolutions.sort(key=lambda r: r.span)
    documents.sort(key=lambda d: d.span)
    return resolutions, documents
