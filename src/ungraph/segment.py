"""Split the body of a document into preambular, operative and annex paragraphs.

The body starts at the author line ("The General Assembly,"). Paragraphs arrive in
three layouts: separated by blank lines and wrapped (PDF text), one per line
(markdown, UNBench), or run together ("...social media; 7. Also welcomes ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import clean
from .clean import MARK_RE
from .votes import ADOPTED, RECORD_BLOCK

OPERATIVE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*\.(?:\s+|$)")
CLOSING = re.compile(r"^\s*\d{1,4}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.I)
DANGLING = re.compile(r"\b(?:and|the|of|to|for|in|on|with|by|a|an|its|their|or|from|between)$")
SUB_ITEM = re.compile(r"^\s*\((?:[a-z]{1,2}|[ivx]{1,5})\)\s")
# "Annex" alone on its line: it starts a block of its own (after a vote record, a State's name)
# and the annex numbers its paragraphs anew
ANNEX = re.compile(r"^\s*Annex(?:\s+[IVX]+)?\s*$")

# Words that open preambular paragraphs besides participles in -ing
PREAMBLE_ADJECTIVES = {
    "Aware", "Mindful", "Conscious", "Convinced", "Cognizant", "Desirous", "Determined", "Concerned",
    "Alarmed", "Gravely", "Deeply", "Seriously", "Guided", "Having", "Bearing", "Reaffirming",
    "Encouraged", "Pleased", "Satisfied", "Appreciative", "Acknowledging", "Affirming", "Believing",
    "Considering", "Disturbed", "Dismayed", "Emphasizing", "Expressing", "Fully", "Further",
    "Also", "Underlining", "Recognizing", "Reiterating", "Stressing", "Taking", "Welcoming",
    "Noting", "Recalling", "Acting", "Underscoring", "Highlighting", "Regretting", "Observing",
    "Profoundly", "Strongly", "Keenly", "Firmly", "Inspired", "Resolved", "Committed", "Confident",
    "Reaffirming", "Appreciating", "Commending", "Convinced", "Referring", "Condemning",
}
NOT_PARTICIPLES = {"Beijing", "Nanjing", "Kunming", "Sterling", "Ming", "Darjeeling", "Reading",
                   "Wellington", "Bring", "King", "Spring", "Thing", "Evening", "Morning", "Building"}
OPENING = re.compile(
    r"^((?:[A-Z][a-z]+ly\s+)?(?:Having\s+[a-z]+|Bearing\s+in\s+mind|Taking\s+(?:note|into\s+account|into\s+consideration)"
    r"|Guided\s+by|Acting\s+under|[A-Z][a-z]+)"
    r"(?:\s+(?:also|further|furthermore|again|once\s+more|once\s+again|in\s+particular|"
    r"with\s+(?:deep\s+|grave\s+|great\s+|serious\s+|particular\s+|profound\s+)?"
    r"(?:appreciation|satisfaction|concern|interest|alarm|regret|gratitude)))*)")


@dataclass(frozen=True)
class RawParagraph:
    kind: str                    # preambular | operative | annex
    text: str                    # joined text, footnote sentinels still in
    number: int | None = None


def preamble_opener(line: str) -> bool:
    """Does a line open a preambular paragraph ("Recalling also its resolution ...")?

    >>> preamble_opener("Recalling also its resolution"), preamble_opener("Beijing Declaration")
    (True, False)
    """
    m = re.match(r"^([A-Z][a-z]+)\b", line.strip())
    if not m:
        return False
    word = m.group(1)
    if word in PREAMBLE_ADJECTIVES:
        return True
    return word.endswith("ing") and word not in NOT_PARTICIPLES and len(word) > 5


def opening_phrase(text: str) -> str | None:
    """Opening words of a preambular paragraph.

    >>> opening_phrase("Noting with appreciation the close cooperation")
    'Noting with appreciation'
    >>> opening_phrase("Recalling also its resolution 3369 (XXX)")
    'Recalling also'
    """
    m = OPENING.match(text)
    return m.group(1) if m else None


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _terminated(text: str) -> bool:
    t = MARK_RE.sub("", text).rstrip(" \"'”’)*")
    return t.endswith((",", ";", ".", ":"))


def segment(body: str, titles: tuple[str, ...] = ()) -> tuple[list[RawParagraph], dict[str, str], str]:
    """Paragraphs of a body, the footnotes found in it, and its closing lines (with the
    record of a vote printed after them)."""
    lines = body.split("\n")
    if lines and re.match(r"^\s*The\s+[A-Z][A-Za-z ]+[,:]\s*$", lines[0]):
        lines = lines[1:]
    lines, notes = clean.extract_footnotes(lines, titles)
    numeric = sorted((m for m in notes if m.isdigit()), key=int)
    text = clean.mark_footnotes("\n".join(lines), numeric)
    lines = text.split("\n")

    # units: lists of lines, each the start of a paragraph or a continuation
    units: list[list[str]] = []
    expected = 1
    for block in _blocks(lines):
        current: list[str] = []
        for line in block:
            starts = False
            m = OPERATIVE_NUMBER.match(line)
            if m and int(m.group(1)) == expected:
                starts = True
            # PDF text has no blank line before "45th plenary meeting" nor before an unnumbered
            # "Decides" (but after a colon, a verb opens a quotation)
            elif current and _terminated(current[-1]) and (
                    preamble_opener(line) or CLOSING.match(line)
                    or (not current[-1].rstrip().endswith(":") and _is_operative_lead(line))):
                starts = True
            elif ANNEX.match(line) or (current and ANNEX.match(current[-1])):
                starts = True   # nor around "Annex" (after the record of a vote, a state's name)
            if starts and current:
                units.append(current)
                current = []
            if m and int(m.group(1)) == expected:
                expected += 1
            elif ANNEX.match(line):
                expected = 1    # an annex numbers its paragraphs anew
            current.append(line)
        units.append(current)

    # merge continuations: a unit that does not start a paragraph joins the one before
    merged: list[str] = []
    operative_seen = False
    for unit in units:
        text = clean.join_lines(unit)
        if not text:
            continue
        if merged:
            prev = merged[-1]
            bare_number = re.fullmatch(r"\d{1,3}\s*\.", MARK_RE.sub("", prev).strip())
            # once the operative part has begun, only a number opens a paragraph: a page that
            # starts with "Developing Countries ..." continues the paragraph before
            starts_para = bool(OPERATIVE_NUMBER.match(text)) or bool(CLOSING.match(text)) \
                or bool(ANNEX.match(text)) or (preamble_opener(text) and not operative_seen)
            sub_item = bool(SUB_ITEM.match(text))
            # an operative paragraph ends with ";" or "."; one that stops at a comma goes on
            unfinished = not _terminated(prev) or (
                OPERATIVE_NUMBER.match(prev) is not None and MARK_RE.sub("", prev).rstrip(" \"'”’)*").endswith(","))
            # no paragraph ends with "and", "the" or "of": a page break cut this one
            dangling = DANGLING.search(MARK_RE.sub("", prev).rstrip()) is not None
            if ANNEX.match(prev):
                pass            # the heading "Annex" stands alone
            elif bare_number or (unfinished and not starts_para) or text[:1].islower() or sub_item \
                    or (dangling and not OPERATIVE_NUMBER.match(text)):
                merged[-1] = clean.join_wrapped(prev, text)
                continue
        merged.append(text)
        operative_seen = operative_seen or bool(OPERATIVE_NUMBER.match(text))

    # run-together operative paragraphs: "...social media; 7. Also welcomes ..."
    split: list[str] = []
    number = 0
    for text in merged:
        m = OPERATIVE_NUMBER.match(text)
        if m:
            number = int(m.group(1))
        pieces = [text]
        while True:
            rx = re.compile(rf"(?<=[;.:])\s+({number + 1})\.\s+(?=[A-Z])")
            hit = rx.search(pieces[-1]) if number else None
            if not hit:
                break
            last = pieces.pop()
            pieces += [last[:hit.start()], last[hit.start():].strip()]
            number += 1
        split += pieces

    # classify: preamble until the first operative paragraph; closing lines; annex
    paragraphs: list[RawParagraph] = []
    closing: list[str] = []
    in_vote = False
    section = "preambular"
    for text in split:
        plain = MARK_RE.sub("", text).strip()
        if CLOSING.match(plain) and section != "annex":
            closing.append(plain)
            in_vote = bool(ADOPTED.search(plain)) and not plain.endswith("]")
            continue
        if closing and section != "annex" and (in_vote or RECORD_BLOCK.match(plain)) and not ANNEX.match(plain):
            # the record of a vote (Human Rights Council, ECOSOC), lists and all, runs to its "]"
            in_vote = not plain.endswith("]")
            closing.append(plain)               # read by votes.read_vote
            continue
        if ANNEX.match(plain) and paragraphs:
            section = "annex"
            continue
        m = OPERATIVE_NUMBER.match(text)
        if not m and not _terminated(plain) and len(plain.split()) <= 12 and plain[:1].isupper() \
                and not (section == "preambular" and preamble_opener(plain)):
            continue  # a section heading ("Peace and security"), not "Having received the report"
        if section != "annex" and m:
            section = "operative"
            paragraphs.append(RawParagraph("operative", text[m.end():].strip(), int(m.group(1))))
            continue
        if section == "preambular" and _is_operative_lead(plain):
            section = "operative"
        if section == "operative" and not m:
            # an unnumbered operative paragraph (a single "Decides to ..." or an annex-less tail)
            paragraphs.append(RawParagraph("operative", text, None))
            continue
        paragraphs.append(RawParagraph(section, text, None))
    return paragraphs, notes, "\n".join(closing)


def _is_operative_lead(text: str) -> bool:
    from .verbs import leading_verb

    return leading_verb(text) is not None and not preamble_opener(text)
