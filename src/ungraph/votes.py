"""Read the record of a vote printed after a resolution's closing lines.

Human Rights Council and Economic and Social Council texts end with how they were adopted:

>>> v = read_vote("[Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting was as follows:\\n"
...               "In favour:\\nArgentina, Bolivia (Plurinational State of) and Trinidad and Tobago\\n"
...               "Against:\\nEritrea\\nAbstaining:\\nIndia]")
>>> v.method, v.in_favour, v.against, v.abstaining
('recorded vote', 3, 1, 1)
>>> v.members_in_favour
('Argentina', 'Bolivia (Plurinational State of)', 'Trinidad and Tobago')
>>> read_vote("[Adopted without a vote.]").method
'without a vote'
"""
from __future__ import annotations

import re

from .model import Vote
from .states import is_state_name, split_states

# how the record opens: "[Adopted by a recorded vote of 23 to 2, with 12 abstentions.", "[Adopted without a vote.]"
ADOPTED = re.compile(
    r"Adopted\s+(?:(?P<without>without\s+a\s+vote)|by\s+a\s+(?P<recorded>recorded\s+)?vote\b(?:\s+of\s+"
    r"(?P<yes>\d+|none)\s+to\s+(?P<no>\d+|none)(?:\s*,?\s*with\s+(?P<abst>\d+|no|one)\s+abstentions?)?)?)", re.I)
# the lists, each under its label: "In favour:", "Against:", "Abstaining:" / "Abstentions:"
_LABELS = r"In\s+favour|Against|Abstaining|Abstentions?"
_LABEL = re.compile(rf"\b({_LABELS})\s*:", re.I)
# a block of the record printed after the closing lines: its opening, "The voting was as
# follows:", or the label of a list; the record runs to its closing bracket
RECORD_BLOCK = re.compile(rf"^\s*\[?\s*(?:Adopted\s+(?:by|without)\s|The\s+voting\s+was\b|(?:{_LABELS})\s*:)")


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else {"none": 0, "no": 0, "one": 1}[word.lower()]


def doubts(vote: Vote) -> list[str]:
    """What a reader should check in a vote: lists that do not add up to their counts, and
    names that are no State's (a page's furniture or a broken line read into a list)."""
    sides = (("in favour", vote.in_favour, vote.members_in_favour), ("against", vote.against, vote.members_against),
             ("abstaining", vote.abstaining, vote.members_abstaining))
    return [f"{count} {label} printed, {len(names)} listed" for label, count, names in sides
            if names and count is not None and count != len(names)] \
        + [f"\"{n}\" is not the name of a State" for _, _, names in sides for n in names if not is_state_name(n)]


def read_vote(text: str) -> Vote | None:
    """The vote recorded in ``text`` (a document's closing lines), or None when none is printed."""
    flat = " ".join(text.split())
    m = ADOPTED.search(flat)
    if not m:
        return None
    if m.group("without"):
        return Vote("without a vote")
    end = flat.find("]", m.end())
    flat = flat[:end] if end >= 0 else flat
    lists: dict[str, tuple[str, ...]] = {}
    labels = list(_LABEL.finditer(flat, m.end()))
    for label, after in zip(labels, labels[1:] + [None]):
        chunk = flat[label.end():after.start() if after else len(flat)]
        key = label.group(1).lower().split()[0]            # in | against | abstaining | abstentions
        lists["abstaining" if key.startswith("abst") else key] = split_states(chunk.strip().rstrip(".").strip())
    return Vote("recorded vote" if m.group("recorded") else "vote",
                _count(m.group("yes")), _count(m.group("no")), _count(m.group("abst")),
                lists.get("in", ()), lists.get("against", ()), lists.get("abstaining", ()))
