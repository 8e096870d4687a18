"""Plain-data views of a document, for JSON output and the ``extract`` table."""
from __future__ import annotations

from dataclasses import asdict

from .model import Document


def document_dict(doc: Document) -> dict:
    """A JSON-ready description of one extracted document."""
    h = doc.header

    def ref(r):
        return {"symbol": r.symbol, "date": r.adopted.isoformat() if r.adopted else None, "text": r.text}

    return {
        "file": doc.source_file,
        "symbol": h.symbol,
        "kind": h.kind.value,
        "organ": h.organ,
        "title": h.title,
        "session": h.session,
        "agenda_item": h.agenda_item,
        "issued": h.issued.isoformat() if h.issued else None,
        "adopted": h.adopted.isoformat() if h.adopted else None,
        "meeting": h.meeting,
        "sponsors": list(h.sponsors),
        "based_on_drafts": list(h.draft_symbols),
        "based_on_reports": list(h.reports),
        "recommended_by": doc.recommended_by.name if doc.recommended_by else None,
        "vote": asdict(h.vote) if h.vote else None,
        "concerns": [{"key": b.key, "name": b.name} for b in doc.concerns],
        "recalls": [ref(r) for r in doc.recalls()],
        "cites": [ref(r) for r in doc.cites()],
        "documents": [{"symbol": d.symbol, "kind": d.kind} for d in doc.documents()],
        "mentions": [{"key": m.key, "name": m.name, "as_printed": m.text} for m in doc.mentions()],
        "preambular_paragraphs": len(doc.preamble),
        "preamble": [{"order": p.index, "opening": p.opening, "text": p.text} for p in doc.preamble],
        "operative": [
            {"number": p.number if p.number is not None else p.index, "text": p.text,
             "footnotes": {f.marker: f.text for f in p.footnotes},
             "actions": [{"verb": a.verb, "as_printed": a.phrase,
                          "addressees": [b.name for b in a.addressees],
                          "generic": list(a.generic)} for a in p.actions]}
            for p in doc.operative],
        "warnings": list(doc.warnings),
    }
