"""States by the names the UN prints them in lists of sponsors and records of votes.

>>> split_states("Albania, Bosnia and Herzegovina, Trinidad and Tobago and Zambia")
('Albania', 'Bosnia and Herzegovina', 'Trinidad and Tobago', 'Zambia')
>>> is_state_name("Bolivia (Plurinational State of)"), is_state_name("Turkey"), is_state_name("GE.23-06789 Chile")
(True, True, False)
>>> is_state_name("Bahamas (The)"), is_state_name("Gambia (Republic of The)")
(True, True)
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

# names the UN printed before a State changed its name (texts of earlier years use them)
FORMER_NAMES = ("Turkey", "Swaziland", "Czech Republic", "Netherlands", "Cape Verde",
                "The former Yugoslav Republic of Macedonia", "the former Yugoslav Republic of Macedonia",
                "Libyan Arab Jamahiriya", "Serbia and Montenegro")
# how lists since 2023 print two States whose short name takes "The"
WITH_THE = ("Gambia (Republic of The)",)
# territories a list may name beside States; their "and" is part of the name too
TERRITORIES = ("Heard Island and McDonald Islands", "Turks and Caicos Islands", "Wallis and Futuna",
               "Saint Pierre and Miquelon")


@cache
def member_states() -> tuple[str, ...]:
    """The 193 Member States and the two observer States (``data/member_states.txt``)."""
    text = resources.files("ungraph").joinpath("data/member_states.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _known() -> frozenset[str]:
    return frozenset(_plain(n) for n in (*member_states(), *FORMER_NAMES, *WITH_THE))


@cache
def _with_and() -> tuple[str, ...]:
    # longest first, so that no name is cut by a shorter one inside it
    return tuple(sorted((n for n in (*member_states(), *FORMER_NAMES, *TERRITORIES) if " and " in n),
                        key=len, reverse=True))


def _plain(name: str) -> str:
    # "Bahamas (The)" is the Bahamas of the list
    return re.sub(r"\s*\(the\)$", "", name.replace("’", "'").casefold())


def is_state_name(name: str) -> bool:
    """``name`` is a State's name as the UN prints it (today or formerly)."""
    return _plain(name) in _known()


def split_states(text: str) -> tuple[str, ...]:
    """States in a list as printed: the sponsors of a draft before ": draft resolution", the
    States on one side of a vote. Names with "and" inside stay whole."""
    text = re.sub(r"\s+", " ", text).strip(" :*")
    if not text or len(text) > 4000:
        return ()
    whole = _with_and()
    protected = text
    for i, name in enumerate(whole):
        protected = protected.replace(name, f"\x00{i}\x00")
    parts = [p for chunk in re.split(r",\s*", protected) for p in re.split(r"\s+and\s+", chunk)]
    out = []
    for p in parts:
        p = re.sub(r"\x00(\d+)\x00", lambda m: whole[int(m.group(1))], p).strip(" *")
        if p:
            out.append(p)
    return tuple(out)
