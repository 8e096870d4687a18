"""The extraction pipeline for one document: text in, :class:`~ungraph.model.Document` out.

    raw text -> clean.normalize -> header.split_head / parse_header (/ with_file_symbol, with_council_draft)
             -> segment.segment -> per paragraph: footnotes, references, bodies, actions

Every step is a pure function of its input; the only state is the per-document
:class:`~ungraph.bodies.DocumentContext`, created here and dropped at the end.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import clean
from .actions import find_actions
from .bodies import DocumentContext, detected_key, find_bodies
from .gazetteer import Gazetteer, load
from .dates import MONTH_NAMES
from .header import (agenda_title, parse_header, split_head, with_closing, with_council_draft,
                     with_file_symbol)
from .model import BodyMention, Document, Footnote, Paragraph, ReadError, Span
from .read import read_text
from .references import find_references
from .segment import PREAMBLE_ADJECTIVES, opening_phrase, segment
from .states import member_states
from .votes import doubts, read_vote
from .verbs import DIRECTIVE, EVALUATIVE, OTHER, leading_verb

_SPACES = re.compile(r"\s+")
_SPACE_PUNCT = re.compile(r"\s+([,;.:])")
TITLE_ORG = re.compile(r"Cooperation between the United Nations and (?:the )?(.+)$", re.I)


def extract_file(path: Path, gazetteer: Gazetteer | None = None, *, max_bytes: int | None = None) -> Document:
    """Read and extract one file. Raises ReadError with a one-line reason."""
    path = Path(path)
    raw = read_text(path) if max_bytes is None else read_text(path, max_bytes=max_bytes)
    return extract(raw, path.name, gazetteer)


def extract(raw: str, source_file: str, gazetteer: Gazetteer | None = None) -> Document:
    """Extract one document from its raw text.

    >>> doc = extract(open("corpus/A_RES_75_324.md").read(), "A_RES_75_324.md")  # doctest: +SKIP
    """
    gaz = gazetteer or load()
    text = clean.normalize(raw)
    head, body, organ = split_head(text)
    header = parse_header(head, organ)
    # running titles are compared with lines as printed, hyphen and all
    titles = tuple(t.replace(clean.LINE_HYPHEN, "-") for t in (header.title, agenda_title(head)) if t)
    raws, notes, closing = segment(body, titles)
    warnings: list[str] = []
    if closing:
        header = with_closing(header, closing)
    header, named = with_file_symbol(header, source_file)
    if named:
        warnings.append(named)
    if organ is None:
        warnings.append("no author line (\"The General Assembly,\") found; the whole text was read as the body")
    blank = _blank_pages(raw)
    if not any(r.kind == "operative" for r in raws):
        raise ReadError(f"{source_file}: no operative part found (no numbered paragraphs and no "
                        "operative verb such as \"Decides\"); not a resolution or decision text"
                        + (f" ({blank})" if blank else ""))
    if blank:
        warnings.append(blank + "; what is printed there is missing from the graph")
    header = with_council_draft(header)

    author = header.organ or "GA"
    vocab = clean.vocabulary(head + "\n" + "\n".join(r.text for r in raws), gaz_vocabulary(gaz))
    # what was joined over line ends (clean.join_wrapped) is settled by the document's words
    if header.title:
        header = replace(header, title=clean.repair_words(header.title, vocab))
    notes = {m: clean.repair_words(t, vocab) for m, t in notes.items()}
    vote = read_vote(clean.repair_words(closing, vocab)) if closing else None
    if vote:
        header = replace(header, vote=vote)
        warnings += [f"vote record: {m}" for m in doubts(vote)]
    ctx = DocumentContext(gaz, document=header.symbol or source_file)

    title_bodies: list[BodyMention] = find_bodies(header.title, ctx) if header.title else []
    concerns = _concerns(header.title, title_bodies, ctx)
    ctx.concerned = [b.key for b in concerns]
    if not header.title:
        # no title printed (a bare draft text): the organization the text cooperates with
        ctx.concerned = _partner_in_text(body, gaz)

    paragraphs: dict[str, list[Paragraph]] = {"preambular": [], "operative": [], "annex": []}
    for raw_p in raws:
        markers = clean.MARK_RE.findall(raw_p.text)
        plain = clean.MARK_RE.sub("", raw_p.text)
        plain = _SPACES.sub(" ", plain).strip()
        plain = _SPACE_PUNCT.sub(r"\1", plain)
        plain = clean.repair_words(plain, vocab)
        footnotes = tuple(_footnote(m, notes[m], author) for m in dict.fromkeys(markers) if m in notes)
        refs, docs = find_references(plain, author)
        bodies = find_bodies(plain, ctx)
        actions = ()
        if raw_p.kind == "operative":
            actions = tuple(find_actions(plain, bodies, ctx.concerned))
        index = len(paragraphs[raw_p.kind]) + 1
        opening = opening_phrase(plain) if raw_p.kind == "preambular" else None
        if raw_p.kind == "operative" and raw_p.number is None and leading_verb(plain) is None:
            warnings.append(f"operative paragraph {index} has no governing verb")
        paragraphs[raw_p.kind].append(Paragraph(
            kind=raw_p.kind, index=index, text=plain, number=raw_p.number, opening=opening,
            footnotes=footnotes, references=tuple(refs), documents=tuple(docs), bodies=tuple(bodies),
            actions=actions))
    # footnotes whose marker is not in any paragraph (the sponsors' "*" in the header) are
    # the document's own; none is dropped
    attached = {f.marker for ps in paragraphs.values() for p in ps for f in p.footnotes}
    orphans = tuple(_footnote(m, notes[m], author) for m in notes if m not in attached)
    # (a digit marker counts only as a number of its own: the "7" of "27 October" is not one)
    missing = [f.marker for f in orphans if not re.search(rf"(?<!\d){re.escape(f.marker)}(?!\d)", head)]
    if missing:
        warnings.append(f"footnote marker(s) {', '.join(missing)} not found in the text; "
                        "the notes are attached to the document")

    footnote_bodies = []
    for f in orphans + tuple(f for ps in paragraphs.values() for p in ps for f in p.footnotes):
        footnote_bodies += find_bodies(f.text, ctx)
    organ_body = _organ_mention(author, ctx)
    committee = _recommending_body(header.recommended_by, ctx)
    extra_mentions = tuple(title_bodies) + tuple(footnote_bodies) + organ_body + ((committee,) if committee else ())
    return Document(
        source_file=source_file, header=header, preamble=tuple(paragraphs["preambular"]),
        operative=tuple(paragraphs["operative"]), annex=tuple(paragraphs["annex"]),
        concerns=tuple(concerns), other_mentions=tuple(m for m in extra_mentions if not m.nested),
        recommended_by=committee,
        footnotes=orphans,
        warnings=tuple(warnings), detected=_used_detected(ctx, paragraphs, concerns, extra_mentions))


def _used_detected(ctx, paragraphs, concerns, extra) -> tuple:
    """The bodies no list has that the document really names (not those replaced later)."""
    used = {b.key for b in concerns} | {m.key for m in extra if not m.nested}
    for ps in paragraphs.values():
        for p in ps:
            used |= {b.key for b in p.bodies}
            used |= {b.key for a in p.actions for b in a.addressees}
    return tuple(e for k, e in ctx.detected.items() if k in used)


def _blank_pages(raw: str) -> str | None:
    """Which pages of a PDF's text (pages joined by form feeds) have no words: scanned pages."""
    if "\f" not in raw:
        return None
    pages = raw.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()             # pdftotext ends every page, the last one too, with a form feed
    blank = [str(i) for i, page in enumerate(pages, 1) if not page.strip()]
    if not blank:
        return None
    which = f"page {blank[0]}" if len(blank) == 1 else f"pages {', '.join(blank)}"
    return f"{which} of {len(pages)} {'has' if len(blank) == 1 else 'have'} no text layer (scanned?)"


def gaz_vocabulary(gaz: Gazetteer):
    """Words of the gazetteer's names, of the States' names, of the month names and of the
    verbs that open paragraphs, counted once: vocabulary for repairing broken words ("Decem-ber")."""
    if not hasattr(gaz, "_vocabulary"):
        words = [e.name for e in gaz.entries.values()] + list(member_states()) + list(MONTH_NAMES) \
            + sorted(PREAMBLE_ADJECTIVES) + list(DIRECTIVE + EVALUATIVE + OTHER)
        gaz._vocabulary = clean.vocabulary(" ".join(words))
    return gaz._vocabulary


def _footnote(marker: str, text: str, organ: str) -> Footnote:
    refs, docs = find_references(text, organ)
    return Footnote(marker, text, tuple(refs), tuple(docs))


def _concerns(title: str | None, bodies: list[BodyMention], ctx: DocumentContext) -> list[BodyMention]:
    """The organization(s) a document is about, read from its title.

    "Cooperation between the United Nations and the X" names X even when no list has it."""
    if not title:
        return []
    top: list[BodyMention] = []
    for b in bodies:
        if not b.nested and b.key not in {t.key for t in top}:
            top.append(b)
    m = TITLE_ORG.search(title)
    if m:
        start = m.start(1)
        named = [b for b in top if b.span.start >= start]
        if not named:
            name = m.group(1).strip()
            acronym = re.search(r"\s*\(([A-Z][A-Za-z-]{1,12})\)$", name)
            name = name[:acronym.start()] if acronym else name
            key = detected_key(name, ctx)
            entry = ctx.entry(key)
            if acronym and not entry.listed and acronym.group(1) not in entry.acronyms:
                entry.acronyms.append(acronym.group(1))
                ctx.acronyms.setdefault(acronym.group(1), key)
            named = [BodyMention(key, entry.name, Span(start, start + len(m.group(1))), m.group(1), "title")]
        return named
    return [b for b in top if b.key not in ("UN", "UNGA", "UNSC", "SecretaryGeneral", "UNSystem")]


PARTNER = re.compile(r"between the United Nations and (?:the )?([A-Z][\w’'\- ]{3,120}?)(?=[,;.:]| (?:in|on|to|for|and|as|at|is|has|was|within)\b)")


def _partner_in_text(body: str, gaz: Gazetteer) -> list[str]:
    """The body most often named in "between the United Nations and X", for texts without a title."""
    counts: dict[str, int] = {}
    for m in PARTNER.finditer(" ".join(body.split())):
        for b in find_bodies(m.group(1), DocumentContext(gaz)):
            if not b.nested and b.key not in ("UN", "UNSystem"):
                counts[b.key] = counts.get(b.key, 0) + 1
                break
    return [max(counts, key=counts.get)] if counts else []


def _recommending_body(name: str | None, ctx: DocumentContext) -> BodyMention | None:
    """The body named in "[on the report of the Sixth Committee (...)]", when it is one."""
    if not name:
        return None
    found = [m for m in find_bodies(name, ctx) if not m.nested]
    return found[0] if found else None


def _organ_mention(organ: str, ctx: DocumentContext) -> tuple[BodyMention, ...]:
    from .vocab import ORGAN_BODY_KEY

    key = ORGAN_BODY_KEY.get(organ)
    if key and key in ctx.gazetteer.entries:
        return (BodyMention(key, ctx.name(key), Span(0, 0), "", "author"),)
    return ()
