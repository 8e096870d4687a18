"""The gold texts again, laid out as text extracted from a UN PDF: lines wrapped at 80
characters, running page headers and footers every 40 lines, footnotes moved to the foot of
their page under a rule, markers printed as plain digits. Extraction must not change.
"""
from __future__ import annotations

import json
import re
import textwrap

import pytest

from ungraph.extract import extract
from ungraph.report import document_dict

from conftest import ASSETS, CORPUS

GOLD = sorted((ASSETS / "gold").glob("*.json"))
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def as_pdf_text(markdown: str, symbol: str, title: str) -> str:
    """Lay a markdown resolution out the way UN PDFs come out of a text extractor."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\*([^*\n]+)\*", r"\1", text).replace("^{*}", "*")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n(?=\d+\. )", text) if p.strip()]
    notes = [p for p in paragraphs if re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ |^\* ", p)]
    body = [p for p in paragraphs if p not in notes]
    lines: list[str] = []
    note_line: dict[str, int] = {}
    for p in body:
        for sup in re.findall(r"(?<=\S)([¹²³⁴⁵⁶⁷⁸⁹⁰]+)", p):
            note_line[sup.translate(SUPERSCRIPT)] = len(lines)
        p = re.sub(r"(?<=\S)([¹²³⁴⁵⁶⁷⁸⁹⁰]+)", lambda m: m.group(1).translate(SUPERSCRIPT), p)
        number = re.match(r"^(\d+)\. (.*)$", p, re.S)
        if number:   # the operative number stands alone on its line, as in UN PDFs
            lines += [f"{number.group(1)}. ", *textwrap.wrap(number.group(2), 80), " "]
        else:
            lines += [*textwrap.wrap(" ".join(p.split("\n")), 80), " "]
    out: list[str] = []
    page = 1
    pending = [n.translate(SUPERSCRIPT) for n in notes]
    for k in range(0, len(lines), 40):
        out += lines[k:k + 40]
        here = [n for n in pending if k <= note_line.get(n.split()[0], -1) < k + 40]
        if here:
            out += ["__________________", " "]
            for n in here:
                marker, rest = n.split(" ", 1)
                out += [f"{marker}  {rest} ", " "]
                pending.remove(n)
        page += 1
        running = textwrap.wrap(title, 60)
        out += ["", symbol, *running, " ", "21-12345", f"{page}/9 ", " "] if page % 2 == 0 else \
               ["", *running, symbol, " ", f"{page}/9", "21-12345 ", " "]
    return "\n".join(out)


@pytest.fixture(scope="module", params=GOLD, ids=[g.stem for g in GOLD])
def pair(request):
    gold = json.loads(request.param.read_text())
    markdown = (CORPUS / gold["file"]).read_text()
    original = document_dict(extract(markdown, gold["file"]))
    relaid = as_pdf_text(markdown, gold["symbol"] or "A/75/L.99", gold["title"])
    return original, document_dict(extract(relaid, gold["file"]))


@pytest.mark.parametrize("field", ["symbol", "kind", "title", "session", "agenda_item", "adopted",
                                   "concerns", "recalls", "cites", "preambular_paragraphs"])
def test_same_metadata_and_references(pair, field):
    original, relaid = pair
    assert relaid[field] == original[field]


def test_same_operative_paragraphs_and_actions(pair):
    original, relaid = pair
    assert [p["number"] for p in relaid["operative"]] == [p["number"] for p in original["operative"]]
    for a, b in zip(original["operative"], relaid["operative"]):
        assert b["text"] == a["text"]
        assert b["actions"] == a["actions"]


def test_same_mentions(pair):
    original, relaid = pair
    assert {m["key"] for m in relaid["mentions"]} == {m["key"] for m in original["mentions"]}


def as_compact_text(markdown: str) -> str:
    """One line per paragraph, no blank lines, no footnotes, no header: the layout of draft
    texts collected from negotiation databases."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\*([^*\n]+)\*", r"\1", text)
    text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=\d+\. )", text) if p.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("The General Assembly"))
    kept = [p for p in paragraphs[start:] if not re.match(r"^(?:\^\{\*\}|\* )|^\d+\s+\S", p)
            and not re.match(r"^\d+(?:st|nd|rd|th) plenary meeting", p)]
    return "\n".join(kept) + "\n"


@pytest.mark.parametrize("gold_file", GOLD, ids=[g.stem for g in GOLD])
def test_compact_layout_gives_the_same_recalls_and_actions(gold_file):
    gold = json.loads(gold_file.read_text())
    markdown = (CORPUS / gold["file"]).read_text()
    original = document_dict(extract(markdown, gold["file"]))
    compact = document_dict(extract(as_compact_text(markdown), gold["file"]))
    assert compact["recalls"] == original["recalls"]
    assert [(p["number"], p["actions"]) for p in compact["operative"]] == \
        [(p["number"], p["actions"]) for p in original["operative"]]
