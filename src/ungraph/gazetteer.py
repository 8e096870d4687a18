"""The gazetteer of bodies: a curated SKOS file, loaded once, and a matcher over its labels.

>>> gaz = load()
>>> gaz.entries["ECO"].name
'Economic Cooperation Organization'
>>> [(gaz.entries[k].name, via) for k, via, i, j in gaz.match(tokenize("the Organisation for Economic Co-operation and Development (OECD)"))]
[('Organisation for Economic Co-operation and Development', 'name'), ('Organisation for Economic Co-operation and Development', 'acronym')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import vocab

GAZETTEER_IRI = vocab.ID + "gazetteer"
TOKEN = re.compile(r"[^\W_]+(?:['’](?!s\b)[^\W_]+)*|[^\s\w]|_")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    norm: str       # lower case, one spelling of quotes, dashes and "organisation"


_NORM_TABLE = str.maketrans({"’": "'", "–": "-", "—": "-"})


def _normalise(text: str) -> str:
    return text.lower().translate(_NORM_TABLE).replace("organisation", "organization")


_norm_token = lru_cache(maxsize=65536)(_normalise)


def tokenize(text: str) -> list[Token]:
    """Words and single punctuation marks, with their character offsets.

    >>> [(t.text, t.start, t.norm) for t in tokenize("the Organisation’s")]
    [('the', 0, 'the'), ('Organisation', 4, 'organization'), ('’', 16, "'"), ('s', 17, 's')]
    """
    norm = _normalise(text)      # normalised once; each token's is then a slice of it
    if len(norm) != len(text):   # a capital whose lower case is longer ("İ"): token by token
        return [Token(m.group(), m.start(), m.end(), _norm_token(m.group())) for m in TOKEN.finditer(text)]
    out: list[Token] = []
    append, new = out.append, tuple.__new__   # tuple.__new__ skips NamedTuple's Python-level __new__
    for m in TOKEN.finditer(text):
        start, end = m.span()
        append(new(Token, (m.group(), start, end, norm[start:end])))
    return out


def is_acronym(label: str) -> bool:
    """Labels matched case-sensitively: one word, mostly capitals ("UNCTAD", "IsDB", "UN-Women").

    >>> [is_acronym(x) for x in ("UNCTAD", "IsDB", "UN-Women", "Al-Qaida", "World Bank")]
    [True, True, True, False, False]
    """
    if " " in label:
        return False
    letters = [c for c in label if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and (upper * 2 >= len(letters) or bool(re.match(r"^[A-Z]{2,}-", label)))


@dataclass
class Entry:
    key: str
    name: str
    labels: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)
    kind: str | None = None
    parents: list[str] = field(default_factory=list)
    listed: bool = True          # False for bodies detected in a text

    @property
    def iri(self) -> str:
        return vocab.body_iri(self.key)


class Gazetteer:
    """Entries by key and a token trie over every label."""

    def __init__(self, entries: dict[str, Entry], version: str | None = None,
                 kinds: dict[str, tuple[str, str]] | None = None):
        self.entries = entries
        self.version = version
        self.kinds = kinds or {}          # kind -> (label, definition)
        self._trie: dict = {}
        self._by_label: dict[str, str] = {}
        for e in entries.values():
            for label in dict.fromkeys([e.name, *e.labels, *e.acronyms, *e.former]):
                self._add(label, e.key)

    def _add(self, label: str, key: str) -> None:
        acronym = is_acronym(label)
        toks = [t.text if acronym else _norm_token(t.text) for t in tokenize(label)]
        if not toks:
            return
        self._by_label.setdefault(_norm_label(label), key)
        node = self._trie
        for t in toks:
            node = node.setdefault(t if acronym else t, {})
        node.setdefault("$", []).append((key, acronym, label))

    def lookup(self, label: str) -> Entry | None:
        key = self._by_label.get(_norm_label(label))
        return self.entries.get(key) if key else None

    def convention_names(self) -> list[tuple[str, str]]:
        """(secretariat key, convention name) for every "secretariat of the <Convention>"."""
        if not hasattr(self, "_conventions"):
            self._conventions = []
            for e in self.entries.values():
                for label in [e.name, *e.labels]:
                    m = re.match(r"^[Ss]ecretariat of the (.*Convention.*)$", label)
                    if m:
                        self._conventions.append((e.key, m.group(1)))
        return self._conventions

    def children(self, key: str) -> list[Entry]:
        return [e for e in self.entries.values() if key in e.parents]

    def match(self, tokens: list[Token]) -> list[tuple[str, str, int, int]]:
        """Longest leftmost label matches as (key, via, first token, last token + 1)."""
        out = []
        root = self._trie
        i, n = 0, len(tokens)
        while i < n:
            t = tokens[i]
            if t.text not in root and t.norm not in root:   # most words start no name
                i += 1
                continue
            best = None
            frontier = [root]
            j = i
            while j < n and frontier:
                t = tokens[j]
                # an acronym path (exact text) and a name path (normalised) may both go on
                nxt = []
                for node in frontier:
                    a = node.get(t.text)
                    if a is not None:
                        nxt.append(a)
                    b = node.get(t.norm)
                    if b is not None and b is not a:
                        nxt.append(b)
                frontier = nxt
                j += 1
                for node in frontier:
                    for key, acronym, label in node.get("$", ()):
                        if acronym and "".join(x.text for x in tokens[i:j]) != label.replace(" ", ""):
                            continue
                        if not acronym and not _case_ok(tokens[i:j], label):
                            continue
                        best = (key, "acronym" if acronym else "name", i, j)
                        break
            if best:
                out.append(best)
                i = best[3]
            else:
                i += 1
        return out


def _case_ok(tokens: list[Token], label: str) -> bool:
    """Names match whatever their case, but a capitalised label needs a capital in the text."""
    first = tokens[0].text
    return not (label[:1].isupper() and first[:1].islower())


def _norm_label(label: str) -> str:
    t = re.sub(r"\s+", " ", label.strip())
    t = re.sub(r"^the ", "", t, flags=re.I)
    return " ".join(_norm_token(x.text) for x in tokenize(t))


DEFAULT_PATH = "data/gazetteer.ttl"


@lru_cache(maxsize=4)
def load(path: str | None = None) -> Gazetteer:
    """Load the gazetteer (the bundled one by default) with pyoxigraph, once per process."""
    import pyoxigraph as ox

    if path is None:
        data = resources.files("ungraph").joinpath(DEFAULT_PATH).read_bytes()
    else:
        data = Path(path).read_bytes()
    SKOS, UNG, ORG, OWL = vocab.SKOS, vocab.UNG, vocab.ORG, vocab.OWL
    entries: dict[str, Entry] = {}
    kinds: dict[str, dict[str, str]] = {}
    version = None

    def entry(subject) -> Entry | None:
        iri = subject.value
        if not iri.startswith(vocab.BODY):
            return None
        key = iri[len(vocab.BODY):]
        return entries.setdefault(key, Entry(key=key, name=""))

    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        p = t.predicate.value
        if p == OWL + "versionInfo" and t.subject.value == GAZETTEER_IRI:
            version = t.object.value
            continue
        if t.subject.value.startswith(vocab.KIND):
            k = kinds.setdefault(t.subject.value[len(vocab.KIND):], {})
            if p in (SKOS + "prefLabel", SKOS + "definition"):
                k[p.rsplit("#", 1)[-1]] = t.object.value
            continue
        e = entry(t.subject)
        if e is None:
            continue
        o = t.object.value
        if p == SKOS + "prefLabel":
            e.name = o
        elif p == SKOS + "altLabel":
            e.labels.append(o)
        elif p == UNG + "acronym":
            e.acronyms.append(o)
        elif p == UNG + "formerName":
            e.former.append(o)
        elif p == UNG + "bodyKind":
            e.kind = o.rsplit("/", 1)[-1]
        elif p == ORG + "subOrganizationOf" and o.startswith(vocab.BODY):
            e.parents.append(o[len(vocab.BODY):])
    entries = {k: e for k, e in entries.items() if e.name}
    for e in entries.values():
        e.labels.sort()
        e.acronyms.sort()
    return Gazetteer(entries, version,
                     {k: (v.get("prefLabel", k), v.get("definition", "")) for k, v in kinds.items()})
