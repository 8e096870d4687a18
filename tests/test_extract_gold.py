"""Extraction against the hand-made gold annotations of the two development texts.

The gold files (tests/assets/gold, copied from the project's shared gold) follow
tests/assets/gold/FORMAT.md. Directive actions, references, metadata and concerned
organizations must match exactly; every gold mention must be found.
"""
from __future__ import annotations

import json
import re

import pytest

from ungraph.extract import extract_file
from ungraph.verbs import is_directive

from conftest import ASSETS, CORPUS

GOLD = sorted((ASSETS / "gold").glob("*.json"))


def norm(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.strip().replace("’", "'"))
    name = re.sub(r"^the ", "", name, flags=re.I).lower()
    return re.sub(r" of the united nations$", "", name)


def labels(entry, gaz) -> set[str]:
    e = gaz.entries.get(entry.key)
    names = {entry.name} | (set(e.labels) | set(e.acronyms) if e else set())
    return {norm(n) for n in names}


@pytest.fixture(scope="module", params=GOLD, ids=[g.stem for g in GOLD])
def case(request):
    gold = json.loads(request.param.read_text())
    return gold, extract_file(CORPUS / gold["file"])


def test_metadata(case):
    gold, doc = case
    h = doc.header
    assert h.symbol == gold["symbol"]
    assert h.kind.value == gold["doc_type"]
    assert h.organ == gold["organ"]
    assert h.title == gold["title"]
    assert h.session == gold["session"]
    assert h.agenda_item == gold["agenda_item"]
    assert (h.adopted.isoformat() if h.adopted else None) == gold["adopted"]


def test_concerns(case):
    gold, doc = case
    assert [b.name for b in doc.concerns] == [c["name"] for c in gold["concerns"]]


@pytest.mark.parametrize("relation", ["recalls", "cites"])
def test_references_with_dates(case, relation):
    gold, doc = case
    got = {r.symbol: (r.adopted.isoformat() if r.adopted else None) for r in getattr(doc, relation)()}
    want = {r["symbol"]: r["date"] for r in gold[relation]}
    assert got == want


def test_directive_actions(case):
    gold, doc = case
    from ungraph.gazetteer import load

    gaz = load()
    want = {(a["paragraph"], a["verb"], norm(who)) for a in gold["actions"] if is_directive(a["verb"])
            for who in a["addressees"]}
    got = set()
    for p in doc.operative:
        for a in p.actions:
            if is_directive(a.verb):
                for b in a.addressees:
                    match = {w for (n, v, w) in want if n == p.number and v == a.verb} & labels(b, gaz)
                    got.add((p.number, a.verb, match.pop() if match else norm(b.name)))
    assert got == want


def test_every_gold_mention_is_found(case):
    gold, doc = case
    from ungraph.gazetteer import load

    gaz = load()
    found = set().union(*(labels(m, gaz) for m in doc.mentions()))
    missed = [m["name"] for m in gold["mentions"]
              if norm(m["name"]) not in found and (not m.get("acronym") or norm(m["acronym"]) not in found)]
    assert missed == []
