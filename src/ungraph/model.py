"""The document model: plain, typed, immutable data passed between pipeline stages.

text -> ``read`` -> ``clean`` -> ``parse`` -> :class:`Document` -> ``rdf``

Every extracted fact carries a :class:`Span` into the text of the paragraph it came
from, so that anything in the graph can be traced back to the words behind it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class DocKind(str, Enum):
    RESOLUTION = "resolution"
    DRAFT_RESOLUTION = "draft_resolution"
    DECISION = "decision"
    OTHER = "other"


class Organ(str, Enum):
    GA = "GA"
    SC = "SC"
    HRC = "HRC"
    ECOSOC = "ECOSOC"


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in a paragraph's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class ResolutionRef:
    """A reference to a UN resolution, resolved to its canonical symbol.

    >>> ResolutionRef("A/RES/48/2", "GA", date(1993, 10, 13), Span(4, 35), "resolution 48/2 of 13 October 1993")
    ResolutionRef(symbol='A/RES/48/2', organ='GA', adopted=datetime.date(1993, 10, 13), span=Span(start=4, end=35), text='resolution 48/2 of 13 October 1993')
    """

    symbol: str                 # canonical: A/RES/75/324, A/RES/3369(XXX), S/RES/2250(2015), ...
    organ: str                  # GA | SC | HRC | ECOSOC
    adopted: date | None        # the date printed beside the reference, if any
    span: Span                  # where the number itself (with its date) stands
    text: str                   # the words as printed


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A reference to a UN document that is not a resolution (report, record, statement, decision)."""

    symbol: str                 # as printed, whitespace removed: A/75/345-S/2020/898, S/PV.7813
    kind: str                   # report | meeting_record | presidential_statement | decision | draft | document
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class BodyMention:
    """A named body found in a paragraph, resolved to a gazetteer or detected body key."""

    key: str                    # stable identifier of the body (gazetteer id or slug of its name)
    name: str                   # canonical English name (prefLabel)
    span: Span
    text: str                   # the words as printed ("the Organization", "UNCTAD", ...)
    via: str = "name"           # name | acronym | anaphora | detected | expansion
    nested: bool = False        # inside the name of another body ("... of the Secretariat")
    addressable: bool = True    # False for "States members of X", "agencies of X", "X-related"


@dataclass(frozen=True, slots=True)
class Action:
    """One governing verb of an operative paragraph and whom it addresses."""

    verb: str                   # canonical lower-case verb: "invites", "calls upon", "takes note"
    phrase: str                 # as printed: "Also invites", "Takes note with appreciation"
    span: Span                  # the verb phrase
    clause: Span                # the clause the verb governs (until the next governing verb)
    addressees: tuple[BodyMention, ...] = ()
    generic: tuple[str, ...] = ()   # generic addressees as printed: "the relevant United Nations agencies"

    @property
    def directive(self) -> bool:
        from .verbs import is_directive

        return is_directive(self.verb)


@dataclass(frozen=True, slots=True)
class Footnote:
    marker: str                 # "1", "*", "a"
    text: str
    references: tuple[ResolutionRef, ...] = ()   # spans index into the footnote's text
    documents: tuple[DocumentRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A preambular or operative paragraph, with what was found in it."""

    kind: str                   # preambular | operative | annex
    index: int                  # 1-based position among paragraphs of this kind
    text: str                   # cleaned text, footnote markers removed, whitespace collapsed
    number: int | None = None   # printed number of an operative paragraph
    opening: str | None = None  # opening words of a preambular paragraph: "Recalling also"
    footnotes: tuple[Footnote, ...] = ()
    references: tuple[ResolutionRef, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    bodies: tuple[BodyMention, ...] = ()
    actions: tuple[Action, ...] = ()

    @property
    def is_recalling(self) -> bool:
        return self.kind == "preambular" and (self.opening or "").lower().startswith("recalling")


@dataclass(frozen=True, slots=True)
class Vote:
    """How a text was adopted; counts and lists as printed (None or empty when not printed)."""

    method: str                          # "recorded vote" | "vote" | "without a vote"
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    members_in_favour: tuple[str, ...] = ()
    members_against: tuple[str, ...] = ()
    members_abstaining: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Header:
    """Metadata read from the document's header, title block and closing lines."""

    symbol: str | None = None
    kind: DocKind = DocKind.OTHER
    organ: str | None = None
    title: str | None = None
    session: int | None = None
    agenda_item: str | None = None
    issued: date | None = None
    adopted: date | None = None
    meeting: str | None = None          # "102nd plenary meeting"
    sponsors: tuple[str, ...] = ()
    draft_symbols: tuple[str, ...] = () # drafts the resolution was adopted from: A/75/L.131
    symbol_from_file_name: bool = False # the text prints no symbol; the file is named after one
    reports: tuple[str, ...] = ()       # "[on the report of the Sixth Committee (A/78/467)]"
    recommended_by: str | None = None   # ... "Sixth Committee", as printed
    vote: Vote | None = None            # "[Adopted by a recorded vote of 23 to 2, ...]"


@dataclass(frozen=True, slots=True)
class Document:
    """One UN document, read and analysed."""

    source_file: str
    header: Header
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    annex: tuple[Paragraph, ...] = ()
    concerns: tuple[BodyMention, ...] = ()
    other_mentions: tuple[BodyMention, ...] = ()   # in the title, the footnotes, the author line
    recommended_by: BodyMention | None = None      # the committee whose report it was adopted on
    footnotes: tuple[Footnote, ...] = ()           # notes whose marker stands in the header
    warnings: tuple[str, ...] = ()
    detected: tuple = ()                           # gazetteer.Entry of bodies no list has

    @property
    def symbol(self) -> str | None:
        return self.header.symbol

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preamble + self.operative + self.annex

    def recalls(self) -> list[ResolutionRef]:
        """References in Recalling paragraphs and their footnotes ("Recalling all previous
        resolutions on ...,³" with "³ Resolutions 57/35, 59/5 ..."), first occurrence of each symbol."""
        return _first_by_symbol(r for p in self.preamble if p.is_recalling
                                for r in p.references + tuple(x for f in p.footnotes for x in f.references))

    def cites(self) -> list[ResolutionRef]:
        """Every other resolution reference, footnotes included (not repeated for recalled ones)."""
        recalled = {r.symbol for r in self.recalls()}
        refs = [r for f in self.footnotes for r in f.references]
        for p in self.paragraphs:
            if not p.is_recalling:
                refs += p.references
                for f in p.footnotes:
                    refs += f.references
        return [r for r in _first_by_symbol(refs) if r.symbol not in recalled]

    def documents(self) -> list[DocumentRef]:
        """Every non-resolution document cited, first occurrence of each symbol."""
        out: dict[str, DocumentRef] = {d.symbol: d for f in self.footnotes for d in f.documents}
        for p in self.paragraphs:
            for d in p.documents + tuple(x for f in p.footnotes for x in f.documents):
                out.setdefault(d.symbol, d)
        return list(out.values())

    def mentions(self) -> list[BodyMention]:
        """Every named body, first occurrence of each."""
        seen: dict[str, BodyMention] = {}
        for m in self.concerns + self.other_mentions:
            seen.setdefault(m.key, m)
        for p in self.paragraphs:
            for m in p.bodies:
                seen.setdefault(m.key, m)
        return list(seen.values())


def _first_by_symbol(refs) -> list[ResolutionRef]:
    """First reference of each symbol, keeping a printed date from any later reference."""
    out: dict[str, ResolutionRef] = {}
    for r in refs:
        prev = out.get(r.symbol)
        if prev is None:
            out[r.symbol] = r
        elif prev.adopted is None and r.adopted is not None:
            out[r.symbol] = ResolutionRef(prev.symbol, prev.organ, r.adopted, prev.span, prev.text)
    return list(out.values())


class ReadError(Exception):
    """A file that cannot be turned into a document. The message names what is wrong."""
