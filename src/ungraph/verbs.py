"""The governing verbs of operative paragraphs: lexicon, canonical form, and where they stand.

An operative paragraph opens with a verb in the third person ("Invites", "Also invites",
"Takes note with appreciation") and may coordinate more ("..., and invites ...",
"; also welcomes ..."). Each governs the clause up to the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Span

# Verbs that ask a body to act: the addressees are the bodies asked.
DIRECTIVE = ("invites", "encourages", "urges", "calls upon", "calls on", "requests", "asks",
             "recommends", "authorizes", "appeals to", "calls for", "demands", "directs",
             "instructs", "mandates", "entrusts", "designates")
# Verbs that evaluate: a body counts when it (or its own efforts) is the object.
EVALUATIVE = ("welcomes", "appreciates", "commends", "notes", "takes note", "recognizes",
              "acknowledges", "expresses its appreciation", "expresses appreciation",
              "expresses its gratitude", "expresses gratitude", "expresses satisfaction",
              "expresses its satisfaction", "congratulates", "thanks", "salutes", "applauds",
              "pays tribute", "greets", "praises", "values")
OTHER = ("decides", "reaffirms", "reiterates", "emphasizes", "emphasises", "stresses", "underlines",
         "underscores", "highlights", "affirms", "condemns", "strongly condemns", "deplores", "regrets",
         "recalls", "supports", "endorses", "approves", "adopts", "considers", "declares", "proclaims",
         "agrees", "looks forward", "expresses concern", "expresses its concern", "expresses deep concern",
         "expresses its deep concern", "expresses grave concern", "expresses the hope",
         "expresses its support", "expresses its determination", "expresses", "renews", "extends",
         "reminds", "insists", "believes", "confirms", "remains", "resolves", "stands ready", "accepts",
         "elects", "appoints", "establishes", "requires", "deems", "draws attention", "observes",
         "recognises", "reasserts", "rejects", "denounces", "commits", "notes with concern", "determines")

# "Also", "Further", "Strongly" ... before the verb; "with appreciation" ... after it
ADVERBS = r"(?:also|further|furthermore|again|once\s+again|once\s+more|strongly|especially|" \
          r"particularly|in\s+particular|moreover|firmly|urgently|earnestly|warmly|fully|" \
          r"respectfully|repeatedly|thus|therefore|accordingly|in\s+this\s+regard|in\s+this\s+context|" \
          r"in\s+that\s+regard|in\s+that\s+context|in\s+this\s+respect|in\s+that\s+respect|" \
          r"to\s+this\s+end|to\s+that\s+end|within\s+this\s+framework|" \
          r"in\s+this\s+connection|equally|likewise|consequently|hence|similarly|finally|" \
          r"urgently|emphatically|unequivocally|vigorously|categorically)"
MODIFIERS = r"(?:\s+(?:also|further|again|once\s+again|once\s+more|with\s+(?:deep\s+|great\s+|grave\s+|serious\s+|" \
            r"particular\s+|profound\s+)?(?:appreciation|satisfaction|concern|interest|gratitude|" \
            r"regret|alarm)|in\s+this\s+regard))*"

_ALL = sorted(set(DIRECTIVE + EVALUATIVE + OTHER), key=lambda v: (-len(v), v))
_VERB_ALT = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _ALL)

LEADING = re.compile(rf"^(?:(?:{ADVERBS})\s+)*({_VERB_ALT})\b{MODIFIERS}", re.I)
# a one-word verb followed by these is a noun ("the requests for assistance", "notes verbales");
# a phrase is not ("takes note of", "expresses its appreciation to the")
_NOUN_USE = re.compile(r"\s+(?:of|for|from|made|received|by|submitted|verbales|contained|and|or|to\s+the)\b")
_ASKING = sorted(set(DIRECTIVE + EVALUATIVE), key=lambda v: (-len(v), v))
_ASKING_ALT = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _ASKING)
# after a comma or semicolon any verb of the lexicon; after a bare "and" only the verbs that
# address bodies, since "... is fragile and remains ..." is no new governing verb
COORDINATED = re.compile(
    rf"(?:[,;]\s+(?:and\s+)?)((?:(?:{ADVERBS})\s*,?\s+)*({_VERB_ALT})\b{MODIFIERS})"
    rf"|\s+and\s+((?:(?:{ADVERBS})\s*,?\s+)*({_ASKING_ALT})\b{MODIFIERS})")
# Nouns that look like verbs: "requests for assistance", "notes verbales", "needs and demands of"
_CALLS = re.compile(r"calls(?!\s+(?:upon|on|for)\b)", re.I)


@dataclass(frozen=True)
class VerbHit:
    verb: str        # canonical
    phrase: str      # as printed
    span: Span


@lru_cache(maxsize=4096)
def canonical(phrase: str) -> str:
    """Lower-case verb without modifiers.

    >>> [canonical(p) for p in ["Also invites", "Takes note with appreciation", "Notes with satisfaction",
    ...  "Expresses its appreciation", "Further welcomes", "Strongly urges", "calls on", "Once again calls upon"]]
    ['invites', 'takes note', 'notes', 'expresses its appreciation', 'welcomes', 'urges', 'calls upon', 'calls upon']
    """
    p = re.sub(r"\s+", " ", phrase.strip().lower())
    p = re.sub(rf"^(?:{ADVERBS}\s*,?\s+)+", "", p)
    p = re.sub(MODIFIERS + r"$", "", p).strip()
    p = re.sub(r"^(expresses) (?:its )?(?:deep |grave |serious |profound )?(concern)$", r"\1 \2", p)
    if p == "calls on":
        return "calls upon"
    if p == "strongly condemns":
        return "condemns"
    return p


def is_directive(verb: str) -> bool:
    return verb in DIRECTIVE


def is_evaluative(verb: str) -> bool:
    return verb in EVALUATIVE


def leading_verb(text: str) -> VerbHit | None:
    """The verb that opens an operative paragraph.

    >>> leading_verb("Takes note with appreciation of the report").verb
    'takes note'
    """
    m = LEADING.match(text)
    if not m or _CALLS.match(m.group(1)):
        return None
    phrase = m.group(0).strip()
    return VerbHit(canonical(phrase), phrase, Span(0, len(m.group(0).rstrip())))


def governing_verbs(text: str) -> list[VerbHit]:
    """Every governing verb of an operative paragraph, in order.

    >>> [h.verb for h in governing_verbs("Notes the progress made, and invites the World Trade Organization "
    ...     "to support it; also welcomes the summit, commends its work and especially appreciates its support")]
    ['notes', 'invites', 'welcomes', 'commends', 'appreciates']
    """
    hits: list[VerbHit] = []
    lead = leading_verb(text)
    if lead:
        hits.append(lead)
    quoted = _quoted_spans(text)
    for m in COORDINATED.finditer(text):
        group = 1 if m.group(1) is not None else 3
        start, end = m.start(group), m.end(group)
        if hits and start < hits[-1].span.end:
            continue
        if any(a <= start < b for a, b in quoted) or _CALLS.match(m.group(group + 1)):
            continue
        if not re.search(r"\s", m.group(group + 1)) and _NOUN_USE.match(text, end):
            continue
        phrase = text[start:end].strip()
        hits.append(VerbHit(canonical(phrase), phrase, Span(start, start + len(phrase))))
    return hits


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
