"""Clean raw text from UN documents: markdown, page furniture, footnotes, broken words.

Texts arrive as markdown (one line per paragraph), as text extracted from UN PDFs
(lines wrapped, running page headers and footers, footnote blocks in the middle of a
paragraph, words broken by the extractor) or as PDF pages joined by form feeds.
Each function here is a pure step over lines or strings.

Footnote markers are replaced by a sentinel (``MARK_OPEN + marker + MARK_CLOSE``) so that
later stages can attach the footnote to the paragraph that carries it, then drop it.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter

from .dates import MONTH
from .symbols import RUNNING_SYMBOL

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK_RE = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# PDF fonts map ligature glyphs to these code points ("Reaﬃrming", "Oﬃce"); NFKC would also
# flatten the superscript footnote markers, so only the ligatures are spelled out
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# a hyphen the typesetter put at a line end ("coopera-" / "tion"): whether it belongs to the
# word is decided once the document's vocabulary is known (repair_words)
LINE_HYPHEN = "\ue002"
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# ---------------------------------------------------------------- normalisation


def normalize(raw: str) -> str:
    """Unicode, whitespace and markdown normalisation; keeps the line structure.

    >>> normalize("1. *Takes note* of resolution [73/330](#) of 25\\u00a0July 2019,\\u00b9 and")
    '1. Takes note of resolution 73/330 of 25 July 2019,\\ue0001\\ue001 and'
    """
    text = unicodedata.normalize("NFC", raw).translate(LIGATURES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\f\n")
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"\u00ad *\n *(?=[a-z])", "", text)     # a soft hyphen at a line end joins the word
    text = text.replace("\u00ad", "")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    text = _strip_markdown(text)
    # superscript footnote markers: "2019,¹ and" / "Agreement³ for" / "¹ See ..." (footnote line)
    text = re.sub(rf"^([{_SUP}]+)[ \t]+", lambda m: m.group(1).translate(SUPERSCRIPTS) + "  ", text,
                  flags=re.M)
    text = re.sub(rf"(?<=\S)([{_SUP}]+)", lambda m: _mark(m.group(1).translate(SUPERSCRIPTS)), text)
    # the page break stays a line of its own: a footnote block ends there
    return "\n".join(line if line == "\f" else line.rstrip() for line in text.split("\n"))


def _mark(marker: str) -> str:
    return f"{MARK_OPEN}{marker}{MARK_CLOSE}"


def _strip_markdown(text: str) -> str:
    if "&" in text and re.search(r"&(?:[a-z]{2,8}|#\d{2,5});", text):
        text = html.unescape(text)
    if "<" in text:
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)                  # comments, page markers
        text = re.sub(r"^[ \t]*<sup>([^<\n]*)</sup>[ \t]*", r"\1  ", text, flags=re.M)  # a footnote's line
        text = re.sub(r"<sup>([^<\n]*)</sup>", lambda m: _mark(m.group(1)), text)
    text = re.sub(r"^\s*(?:-{3,}|\*{3,}|_{3}|<br\s*/?>)\s*$", "", text, flags=re.M)  # rules
    # list bullets a converter put before numbered paragraphs: "- 1. Invites", "• 2. Requests"
    text = re.sub(r"^[ \t]*[-*+•▪◦][ \t]+(?=\d{1,3}\.[ \t])", "", text, flags=re.M)
    if "[" in text:
        text = re.sub(r"^\[\^([^\]\n]+)\]:[ \t]*", r"\1  ", text, flags=re.M)    # [^1]: note text
        text = re.sub(r"\[\^([^\]\n]+)\]", lambda m: _mark(m.group(1)), text)     # text[^1]
        text = re.sub(r"\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text)          # [73/330](#) -> 73/330
    if "#" in text:
        text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.M)        # headings
    if "^{" in text:
        text = re.sub(r"^\^\{([^}\n]*)\}[ \t]*", r"\1  ", text, flags=re.M)  # ^{*} at a footnote line
        text = re.sub(r"\^\{([^}\n]*)\}", lambda m: _mark(m.group(1)), text)  # ^{*} in text
    if "*" in text:
        text = re.sub(r"\*\*([^*\n]+)\*\*", r"\1", text)
        # *emphasis*, also across one line break ("*102nd plenary meeting\n9 September 2021*")
        # (not the page barcode "*2015849*")
        text = re.sub(r"(?<![\w*])\*(?!\d{7,8}\*)(?=\S)([^*\n]+(?:\n[^*\n]+)?)(?<=\S)\*(?![\w*])", r"\1", text)
    if "_" in text:
        text = re.sub(r"(?<![\w_])_(?=\S)([^_\n]+)(?<=\S)_(?![\w_])", r"\1", text)
    if "\\" in text:
        text = re.sub(r"\\([*_\[\]()#])", r"\1", text)                   # markdown escapes
    return text


# ---------------------------------------------------------------- page furniture

# job numbers: "20-15849 (E)    071220" (New York), "GE.23-06789(E)" (Geneva)
_JOB = r"(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{7}\*)?"
_PAGE = r"\d{1,3}/\d{1,3}|Page \d+(?: of \d+)?|-\s?\d{1,3}\s?-"
SYMBOL_LINE = re.compile(rf"^(?:{RUNNING_SYMBOL})$")
# a job number with a bare page number beside it: "2 GE.23-06790", "GE.23-06790 3"
JOB_LINE = re.compile(rf"^(?:\d{{1,3}}\s+)?{_JOB}(?:\s+\d{{1,3}})?$")
# a bare page number ("2"): furniture only at the top of a page (see _page_number)
BARE_PAGE_LINE = re.compile(r"^\d{1,3}$")
BARCODE_LINE = re.compile(r"^\*\d{7,8}\*$")
PAGE_LINE = re.compile(rf"^(?:{_PAGE})$")
RECYCLE_LINE = re.compile(r"^(?:Please recycle\W*|\uf0b0)$")
# (the text before a symbol ends in a non-space, so runs of spaces are not tried twice)
_SYMBOL_WITH_TEXT = re.compile(rf"^(?:{RUNNING_SYMBOL})\s+(?P<text>\S.*)$|^(?P<before>\S(?:.*\S)?)\s+(?:{RUNNING_SYMBOL})$")
# items of one footer printed on one line: "2/6 20-15849", "20-15849 3/6"
FOOTER_LINE = re.compile(rf"^(?:{_PAGE}|{_JOB}|{RUNNING_SYMBOL})(?:\s+(?:{_PAGE}|{_JOB}|{RUNNING_SYMBOL}))+$")


def is_furniture(line: str) -> bool:
    """A running page header or footer line: symbol, job number, barcode, page number.

    >>> [is_furniture(x) for x in ["A/RES/75/12", "20-15849 (E)    071220", "*2015849*", "2/6", "2. Urges"]]
    [True, True, True, True, False]
    >>> [is_furniture(x) for x in ["2/6 20-15849", "20-15849 3/6", "S/RES/2719 (2023)", "resolution 75/1 of 2020"]]
    [True, True, True, False]
    >>> [is_furniture(x) for x in ["GE.23-06789(E)", "2 GE.23-06790", "GE.23-06790 (E) 3", "2 3"]]
    [True, True, True, False]
    """
    if is_page_break(line):
        return True
    s = line.strip()
    return bool(s) and bool(SYMBOL_LINE.match(s) or JOB_LINE.match(s) or BARCODE_LINE.match(s)
                            or PAGE_LINE.match(s) or RECYCLE_LINE.match(s) or FOOTER_LINE.match(s))


def is_page_break(line: str) -> bool:
    """The line ``normalize`` puts where a PDF page ends (a form feed)."""
    return line.strip(" ") == "\f"


def _detached_title(run: list[int], lines: list[str], after: int, keys: list[str]) -> bool:
    """A block set apart from its symbol by a blank line is a running title only when it is a
    block of its own that reads like one: it opens a title, with a capital, and does not end
    like a sentence (the end of a paragraph carried over a page often repeats the title's words)."""
    if not run or (0 <= after < len(lines) and lines[after].strip()):
        return False
    rows = sorted(run)
    text = " ".join(lines[r].strip() for r in rows)
    joined = _squash(text)
    return text[:1].isupper() and not text.endswith((";", ",", ".", ":", "”", "\"")) \
        and any(key.startswith(joined) for key in keys)


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def _page_number(lines: list[str], furniture: list[bool], i: int) -> bool:
    """Line ``i`` is a bare page number: a number alone at the top of a page, after the page
    break or the running header, with no bare number after it (a column of a table is text).
    At a page's foot the number shares the job number's line ("2 GE.23-06790")."""
    if not BARE_PAGE_LINE.match(lines[i].strip()):
        return False
    before, after = _nearest(lines, i, -1), _nearest(lines, i, 1)
    return before is not None and furniture[before] \
        and not (after is not None and BARE_PAGE_LINE.match(lines[after].strip()))


def _nearest(lines: list[str], i: int, step: int) -> int | None:
    """The nearest non-blank line from ``i`` in direction ``step``, if any."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip(" \t"):
        j += step
    return j if 0 <= j < len(lines) else None


def strip_furniture(lines: list[str], titles: tuple[str, ...] = ()) -> list[str]:
    """Remove running headers and footers from body lines; blank lines stand in their place.

    Besides symbol, job-number, barcode and page-number lines, a running title is removed:
    lines that touch a symbol line and together spell one of ``titles``, also when the
    symbol and the title share a line ("A/RES/78/3 Cooperation between the United ...").
    """
    keys = [_squash(t) for t in titles if t and len(_squash(t)) >= 12]
    out = list(lines)
    marked = [is_furniture(line) for line in lines]
    drop = [m or _page_number(lines, marked, i) for i, m in enumerate(marked)]

    def spells_title(text: str) -> bool:
        joined = _squash(text)
        return bool(joined) and any(joined in key and len(joined) >= 0.5 * len(key) for key in keys)

    for i, line in enumerate(lines):
        s = line.strip()
        own = ""                # the title words printed on the symbol's own line
        if not SYMBOL_LINE.match(s):
            m = _SYMBOL_WITH_TEXT.match(s) if keys else None
            own = (m.group("text") or m.group("before")) if m else ""
            if not own or not any(_squash(own) in key for key in keys):
                continue
        found = False
        for step in (-1, 1):
            run, j = [], i + step
            while 0 <= j < len(lines) and not lines[j].strip() and abs(j - i) <= 2:
                j += step       # the title may stand apart from the symbol, after a blank line
            apart = abs(j - i) > 1
            while 0 <= j < len(lines) and lines[j].strip() and len(run) < 5:
                run.append(j)
                j += step
            if apart and not _detached_title(run, lines, j, keys):
                continue        # apart, only a block of its own that opens a title is one
            # the longest run next to the symbol that spells (most of) a title
            for k in (range(len(run), 0, -1) if not apart else [len(run)]):
                rows = sorted(run[:k])
                pieces = [lines[r] for r in rows]
                pieces = pieces + [own] if step < 0 else [own] + pieces
                if spells_title(" ".join(pieces)):
                    for r in rows + [i]:
                        drop[r] = True
                    found = True
                    break
        if own and not found and spells_title(own):
            drop[i] = True
    for i, d in enumerate(drop):
        if d:
            out[i] = ""
    return out


# ---------------------------------------------------------------- footnotes

FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
FOOTNOTE_START = re.compile(r"^\s*(\d{1,3}|\*{1,3}|[a-z])(?:\s{1,}|(?=[A-Z]))(\S.*)$")


def extract_footnotes(lines: list[str], titles: tuple[str, ...] = ()) -> tuple[list[str], dict[str, str]]:
    """Take footnote blocks out of the body; return remaining lines and {marker: text}.

    Two layouts are read: a rule of underscores followed by numbered notes (PDF text), and
    lines opening with a marker alone in their block (markdown: "¹ See resolution 70/1.").
    Wrapped note lines are joined as paragraph lines are (:func:`join_wrapped`).
    """
    furniture = strip_furniture(lines, titles)
    out = list(furniture)
    notes: dict[str, str] = {}
    i = 0
    n = len(lines)
    while i < n:
        if FOOTNOTE_RULE.match(lines[i]):
            out[i] = ""
            j = i + 1
            current = None
            # a footnote block runs until the page ends: a page break, the next page's
            # furniture or its first line of text
            while j < n and not is_page_break(lines[j]) and not (lines[j].strip() and not furniture[j].strip()):
                text = lines[j].strip()
                m = FOOTNOTE_START.match(text)
                if m and (current is None or _next_marker(current, m.group(1))):
                    current = m.group(1)
                    notes[current] = m.group(2).strip()
                elif text and current is not None:
                    notes[current] = join_wrapped(notes[current], text)
                out[j] = ""
                j += 1
            i = j
            continue
        i += 1
    # markdown-style footnotes: a block whose first line opens with a marker and two spaces;
    # each line that opens with a marker starts the next note
    note_line = re.compile(r"^(\d{1,3}|\*{1,3})\s{2,}(\S.*)$")
    for start, end in _blocks(out):
        if not note_line.match(out[start].strip()) or re.match(r"^\d{1,3}\.", out[start].strip()):
            continue
        current = None
        for k in range(start, end):
            line = out[k].strip()
            m = note_line.match(line)
            if m:
                current = m.group(1)
                notes[current] = m.group(2)
            elif current is not None:
                notes[current] = join_wrapped(notes[current], line)
            out[k] = ""
    return out, notes


def _next_marker(current: str, candidate: str) -> bool:
    if current.isdigit() and candidate.isdigit():
        return int(candidate) == int(current) + 1
    return candidate != current


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, line in enumerate(lines + [""]):
        if line.strip():
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    return spans


NUMBERED_WORDS = {"paragraph", "paragraphs", "para", "paras", "goal", "goals", "article", "articles",
                  "chapter", "section", "resolution", "resolutions", "annex", "item", "items", "vol",
                  "no", "page", "pages", "target", "targets", "principle", "principles", "protocol",
                  "rule", "rules", "part", "session", "sessions", "decision", "table", "figure", "box",
                  "phase", "step", "level", "group", "recommendation", "recommendations", "point",
                  "points", "objective", "objectives", "priority", "priorities", "pillar", "and", "or",
                  "to", "of", "from", "between", "than", "over", "under", "about", "some", "nearly"}


# a number standing alone after a word or a year at the end of a paragraph (a blank line follows)
PARAGRAPH_END = re.compile(r"\b([A-Za-z]+|(?:19|20)\d\d) (\d{1,3})(?=[ \t]*\n[ \t]*(?:\n|$))")


def mark_footnotes(text: str, markers) -> str:
    """Replace plain-digit footnote markers in running text by sentinels, in order.

    The marker of note k follows punctuation or a word with no space ("73/13,2 ",
    "Development,3 bearing") or stands after a comma at the end of a line ("1994, 1").

    >>> mark_footnotes("resolution 73/13,2\\nTaking note", ["2"])
    'resolution 73/13,\\ue0002\\ue001\\nTaking note'

    A paragraph printed without its closing comma may end with its marker (A/RES/78/8):

    >>> mark_footnotes("the Agency for 2022 1 \\n \\nTaking note", ["1"])
    'the Agency for 2022 \\ue0001\\ue001 \\n \\nTaking note'
    >>> mark_footnotes("under agenda item 1\\n\\nTaking note", ["1"])
    'under agenda item 1\\n\\nTaking note'
    """
    pos = 0
    for marker in markers:
        if not marker.isdigit() or f"{MARK_OPEN}{marker}{MARK_CLOSE}" in text:
            continue
        glued = re.compile(rf"(?<=[A-Za-z\)\],.;:”\"’'])({marker})(?=[ \n]|$)")
        # "29 January 20215": the marker of note 5 glued to a year
        dated = re.compile(rf"(?:{MONTH}) (?:19|20)\d\d({marker})(?=[ \n,;.]|$)")
        # "1994, 1" at a line end, or "Cooperation, 3 as well as" (but not "paragraphs 1, 3 and")
        spaced = re.compile(rf"(?<=[,.;:”\"’)]) ({marker})(?= *(?:\n|$))|(?<=[A-Za-z”\"’)][,.;:]) ({marker})(?= +[a-z])")
        # "the Sendai Framework for Disaster Risk Reduction 2015–20308": glued to a year range
        ranged = re.compile(rf"(?<=[–-](?:19|20)\d\d)({marker})(?=[ \n,;.]|$)")
        # "of 22 March 2013, 4 28/34 of ...", "the statement of 13 January 2010, 1 in which":
        # after a date's year and its comma, before the next number or a lower-case word
        after_year = re.compile(rf"(?:{MONTH}) (?:19|20)\d\d[,;] ({marker})"
                                rf"(?= +(?:(?:in|which|and|by|as|the|of|whereby|where)\b|\d{{1,4}}/\d))")
        # the match that starts first wins: (where it starts, where its marker stands)
        best: tuple[int, tuple[int, int]] | None = None
        for rx in (glued, spaced, dated, ranged, after_year):
            m = rx.search(text, pos)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), m.span(1) if m.group(1) is not None else m.span(2))
        # "the report of the Agency for 2022 1" closing a paragraph that has no punctuation
        m = next((m for m in PARAGRAPH_END.finditer(text, pos) if m.group(2) == marker
                  and m.group(1).lower() not in NUMBERED_WORDS), None)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.span(2))
        if best is None:
            # "the 2030 Agenda for Sustainable Development 7 and", "the Decade 2014–2024 7 and":
            # a marker standing alone after a word or a year
            for m in re.finditer(rf"(?:(?<=[A-Za-z])|(?<=[–-](?:19|20)\d\d)) ({marker})(?= [a-z])", text[pos:]):
                word = re.findall(r"(?:[A-Za-z]+|(?:19|20)\d\d)$", text[:pos + m.start()])
                if word and word[-1].lower() not in NUMBERED_WORDS:
                    found = re.search(rf" ({marker})(?= [a-z])", text[pos + m.start():])
                    if found:
                        offset = pos + m.start()
                        text = text[:offset + found.start(1)] + _mark(marker) + text[offset + found.end(1):]
                        pos = offset + found.start(1)
                    break
            continue
        start, end = best[1]
        text = text[:start] + _mark(marker) + text[end:]
        pos = start
    return text


# ---------------------------------------------------------------- words


def join_lines(lines: list[str]) -> str:
    """Join the wrapped lines of one paragraph: collapse spaces; a hyphen at a line end
    before a lower-case letter becomes ``LINE_HYPHEN``, for :func:`repair_words` to settle.

    >>> join_lines(["capacity-", "building of the", "Secretary-", "General"]).replace(LINE_HYPHEN, "~")
    'capacity~building of the Secretary-General'

    Some extractors print a space before such a hyphen (A/RES/77/13: "natural and human -" /
    "made disasters"):

    >>> join_lines(["natural and human -", "made disasters"]).replace(LINE_HYPHEN, "~")
    'natural and human~made disasters'
    """
    out = ""
    for line in (x.strip() for x in lines):
        if not line:
            continue
        out = join_wrapped(out, line) if out else line
    return re.sub(r"\s+", " ", out).strip()


def join_wrapped(a: str, b: str) -> str:
    """Join two pieces of one paragraph split by a line or page break (see :func:`join_lines`)."""
    if re.search(r"[A-Za-z] -$", a) and b[:1].islower():
        a = a[:-2] + "-"
    if _hyphen_end(a):
        return a[:-1] + LINE_HYPHEN + b if b[:1].islower() else a + b
    return a + " " + b


def _hyphen_end(text: str) -> bool:
    return len(text) > 1 and text.endswith("-") and text[-2].isalpha()


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def vocabulary(text: str, base: Counter | None = None) -> Counter:
    """Counts of lower-cased words in a text (hyphenated parts counted as well), added to a
    copy of ``base`` when given.

    >>> vocabulary("Capacity-building", Counter({"capacity": 2}))
    Counter({'capacity': 3, 'capacity-building': 1, 'building': 1})
    """
    counts: Counter = Counter(base) if base else Counter()   # copying into an empty Counter is a C-level dict update
    for w in WORD.findall(text):
        lw = w.lower()
        counts[lw] += 1
        if "-" in lw:
            counts.update(p for p in lw.split("-") if p)
    return counts


_LINE_HYPHEN_WORD = re.compile(rf"([A-Za-z]+){LINE_HYPHEN}([a-z]+)")


def _settle_hyphen(a: str, b: str, vocab: Counter) -> str:
    joined, hyphenated = (a + b).lower(), f"{a}-{b}".lower()
    return a + b if vocab.get(joined, 0) and not vocab.get(hyphenated, 0) else f"{a}-{b}"


_PAIR = re.compile(r"\b([A-Za-z][A-Za-z-]*[a-z]) ([a-z]{1,6})\b")


def repair_words(text: str, vocab: Counter) -> str:
    """Join words the PDF extractor broke apart ("Secretary-Gene ral", "Associat ion").

    Two neighbours are joined when the joined word occurs elsewhere and one of the halves
    does not occur on its own.

    >>> v = vocabulary("the Secretary-General and the Association")
    >>> repair_words("the Secretary-Gene ral of the Associat ion", v)
    'the Secretary-General of the Association'

    A hyphen printed at a line end (``LINE_HYPHEN``) is dropped when the joined word occurs
    elsewhere and the hyphenated one does not ("coopera-tion"), and kept otherwise
    ("capacity-building", "follow-up"):

    >>> v = vocabulary("Economic Cooperation Organization; capacity building")
    >>> repair_words(f"coopera{LINE_HYPHEN}tion and capacity{LINE_HYPHEN}building", v)
    'cooperation and capacity-building'
    """
    if LINE_HYPHEN in text:
        text = _LINE_HYPHEN_WORD.sub(lambda m: _settle_hyphen(m.group(1), m.group(2), vocab), text)
        text = text.replace(LINE_HYPHEN, "-")
    # only pairs whose joined form is a known word are candidates: most text has none
    candidates = [m for m in _PAIR.finditer(text) if vocab.get((m.group(1) + m.group(2)).lower(), 0)]
    if not candidates:
        return text
    heads: Counter = Counter()
    tails: Counter = Counter()
    for m in _PAIR.finditer(text):
        heads[m.group(1).split("-")[-1].lower()] += 1
        tails[m.group(2)] += 1
    out, pos = [], 0
    for m in candidates:
        a, b = m.group(1), m.group(2)
        last = a.split("-")[-1].lower()
        alone_a = vocab.get(last, 0) - heads[last] if vocab.get(last) else 0
        alone_b = vocab.get(b, 0) - tails[b] if vocab.get(b) else 0
        if alone_a <= 0 or alone_b <= 0:
            out += [text[pos:m.start()], a + b]
            pos = m.end()
    return "".join(out) + text[pos:] if out else text
