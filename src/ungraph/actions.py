"""Operative actions: each governing verb of an operative paragraph and the bodies it addresses.

Directive verbs (invites, urges, requests, ...) address the bodies asked to act: the
named bodies of the verb's object, up to the infinitive that says what they are asked
to do ("invites X, Y and Z to ..."), including those after "especially", "in particular",
"including", "such as". Evaluative verbs (welcomes, notes, appreciates, ...) address a
body only when the object is the body itself or its own efforts, work or contribution.
See ``../shared/gold/FORMAT.md`` for the annotation rules this follows.
"""
from __future__ import annotations

import re

from .model import Action, BodyMention, Span
from .states import is_state_name
from .verbs import governing_verbs, is_directive, is_evaluative

# "to <infinitive>" ends the object of a directive verb ("invites X to consider ...")
INFINITIVE = re.compile(
    r"(?:\bnot\s+)?\bto\s+(?!(?:the|a|an|its|their|this|these|that|those|all|any|each|other|relevant|such|"
    r"member|Member|States|both|his|her|our|it|them|him|date|which|whom)\b)(?:[a-z]+ly\s+)?[a-z][a-z-]+\b")
# Nouns for a body's own doing ("the efforts of X", "the contributions made by X")
EFFORT = (r"(?:efforts?|work|commitment|commitments|contributions?|role|activities|activity|participation|"
          r"initiatives?|endeavours?|endeavors?|support|progress|achievements?|leadership|engagement|"
          r"assistance|determination|dedication|actions?|measures|steps|performance|"
          r"accomplishments|services|cooperation\s+extended|readiness|willingness|interest|"
          r"assistance\s+provided|programmes?|projects?)")
EFFORT_NP = re.compile(
    rf"^\s*(?:(?:of|at|to)\s+)?(?:the\s+(?:[\w-]+\s+){{0,2}}(?:importance|value|significance)\s+of\s+)?"
    rf"(?:the\s+|its\s+|their\s+)(?:[\w-]+\s+){{0,3}}?{EFFORT}(?:\s+and\s+{EFFORT})?"
    r"(?:\s+(?:made|undertaken|carried\s+out|provided|played|shown|displayed|extended|demonstrated))?"
    r"(?:\s+(?:[\w-]+\s+){0,6}?)?\s*(of|by)\s+", re.I)
ITS_EFFORT = re.compile(rf"^\s*(?:of\s+)?(its|their)\s+(?:[\w-]+\s+){{0,3}}?{EFFORT}\b", re.I)
DIRECT_OBJECT = re.compile(r"^\s*(?:of|to|at)?\s*(?:the\s+)?$")
# where a body sits, printed after it ("in Addis Ababa", "at Vienna"): part of the list, not a
# prepositional phrase that closes it
PLACE = r"\b(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
LIST_GAP = re.compile(r"^(?:\s|,|;|\(|\)|\band\b|\bor\b|\bthe\b|\bas well as\b|\bespecially\b|\bin particular\b|"
                      r"\bincluding\b|\bsuch as\b|\bnotably\b|\bparticularly\b|\binter alia\b|\balso\b|" + PLACE + ")*$")
# a place between two bodies of a list: "X, in Addis Ababa, and Y", "X in New York and Y"
PLACE_GAP = re.compile(r"^\s*,?\s*" + PLACE + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
# a generic addressee is a noun phrase that ends with its generic head ("other international bodies",
# "the United Nations agencies concerned", "the States members of the Organization")
GENERIC_NP = re.compile(
    # the words before the head: not "by", "of" or "from" ("the adoption by the Government of X
    # of ..." is a deed asked for, not an addressee)
    r"^(?:the\s+|all\s+|other\s+|relevant\s+)*(?:(?!(?:by|of|from)\s)[\w’'-]+\s+){0,7}?"
    r"(?:agencies|organizations|organisations|institutions|bodies|entities|States|funds|programmes|"
    r"organs|partners|community|stakeholders|donors|sector|society|countries|Governments?|parties|"
    r"mechanisms|actors|offices|system|instruments|members|commissions|enterprises|companies|"
    r"groups|authorities|forces)"
    r"(?:\s+concerned|\s+of\s+(?:the\s+)?[\w -]+|\s+(?:neighbouring|bordering)\s+[\w -]+|"
    r"(?<=parties)\s+to\s+(?:the\s+)?[\w -]+)?$")
# pronouns for bodies named earlier in the paragraph, as the object of a directive verb
THEM = re.compile(r"\s*(them|(?:the|both|the\s+two)\s+(?:parties|sides))\b(?=\s+to\s|\s*,)")
# the start of a that-clause whose subject may be a body, and a passive verb after that subject
THAT_SUBJECT = re.compile(r"\s*that\s+(?:the\s+)?")
THAT_PASSIVE = re.compile(r"\s+(?:(?:should|shall|must|would|will|could|may)\s+)?(?:be|is|are|was|were)\b")
# "all Member States which have not yet done so": the clause says which, the noun phrase is the addressee
RELATIVE_CLAUSE = re.compile(r"\s+(?:which|that|who)\s.*$")
# "parties to the conflict", "States parties to the Convention": a "to" that names, not a purpose
PARTIES_TO = re.compile(r"\bparties\s+to\s+(?:the\s+)?[\w -]+$")
# an item of a list that names no body of its own ("Member States", "the Ministers for Foreign
# Affairs of the States members of X"): between two bodies it does not end the list
OTHER_ITEM = r"(?:[\w’'().-]+\s+){0,20}?[\w’'().-]+"
OTHER_ITEMS = re.compile(rf"^\s*,\s*(?:{OTHER_ITEM}\s*,\s*)*{OTHER_ITEM}\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+)?$"
                         rf"|^\s*,\s*(?:{OTHER_ITEM}\s*,\s*)+(?:the\s+)?$")
# ... and a body named inside such an item ("... of the States members of X")
INSIDE_OTHER_ITEM = re.compile(rf"^\s*,\s*(?:{OTHER_ITEM}\s*,\s*)*{OTHER_ITEM}\s+of\s+(?:the\s+)?$")
# "the contributions of the related bodies of X, namely, A, B and C": the group, then the bodies named
GROUP_NAMED = re.compile(r"((?:the\s+)?[^,;]{1,120}?),?\s+(?:namely|in\s+particular|especially|including|notably|"
                         r"such\s+as)\s*,?\s+(?:the\s+)?")


def find_actions(text: str, bodies: list[BodyMention], concerned: list[str] = ()) -> list[Action]:
    """The actions of one operative paragraph, given the bodies found in its text."""
    hits = governing_verbs(text)
    named = sorted((b for b in bodies if not b.nested), key=lambda b: (b.span.start, -b.span.end))
    actions = []
    for n, hit in enumerate(hits):
        end = hits[n + 1].span.start if n + 1 < len(hits) else len(text)
        clause = Span(hit.span.start, end)
        obj_start = hit.span.end
        if is_directive(hit.verb):
            addressees, generic = _directive(text, obj_start, end, named)
        elif is_evaluative(hit.verb):
            addressees, generic = _evaluative(text, obj_start, end, named, concerned), ()
        else:
            addressees, generic = (), ()
        actions.append(Action(hit.verb, hit.phrase, hit.span, clause, tuple(addressees), tuple(generic)))
    return actions


def _directive(text: str, start: int, end: int, named: list[BodyMention]):
    m = INFINITIVE.search(text, start, end)
    # a "to" inside a body's name is not the infinitive ("the Special Rapporteur on the right
    # to food to continue")
    while m and (inner := next((b for b in named if b.span.start < m.start() < b.span.end), None)):
        m = INFINITIVE.search(text, inner.span.end, end)
    obj_end = m.start() if m else end
    inside = [b for b in named if start <= b.span.start and b.span.end <= obj_end]
    region = text[start:obj_end]
    if re.match(r"^\s*that\b", region):
        return _that_clause(text, start, end, named), []
    if re.match(r"^\s*their\b", region):
        # "encourages their continued support": the bodies listed last before the verb
        addressees = _listed_last(text, start, named)
    elif pronoun := THEM.match(text, start, end):
        addressees = _pronoun(text, start, pronoun.group(1), named)
    elif m and not inside and not (generic := _generic_parts(text, start, obj_end, [])):
        return _partners(text, m.start(), end, named), generic   # nobody named nor described
    else:
        addressees = [b for b in _object_list(text, start, obj_end, inside) if b.addressable]
    generic = _generic_parts(text, start, obj_end, addressees)
    return _dedupe(addressees), generic


def _pronoun(text: str, start: int, pronoun: str, named: list[BodyMention]) -> list[BodyMention]:
    """"... the efforts of the secretariats of X and Y, and encourages them to continue": "them"
    and "the parties" refer to the bodies listed last before the verb, when they are two or more
    and nothing plural comes after them ("the competent bodies of the United Nations, and urges
    them" is a generic group); "the parties" only to the partners of a "between X and Y"."""
    run = _listed_last(text, start, named)
    if len({b.key for b in run}) < 2 or _generic_parts(text, run[-1].span.end, start, []):
        return []
    if pronoun != "them" and not re.search(r"\bbetween\s+(?:the\s+)?$", text[:run[0].span.start]):
        return []
    return _dedupe(run)


def _that_clause(text: str, start: int, end: int, named: list[BodyMention]) -> list[BodyMention]:
    """"Recommends that the United Nations and the Association strengthen ...": the bodies the
    clause opens with are asked; not "that all Member States", nor "that X be provided"."""
    subject = THAT_SUBJECT.match(text, start)
    run = _run_at(text, subject.end(), end, named) if subject else []
    if not run or THAT_PASSIVE.match(text, run[-1].span.end) or not all(b.addressable for b in run):
        return []
    return _dedupe(run)


def _run_at(text: str, pos: int, end: int, named: list[BodyMention]) -> list[BodyMention]:
    """The list of bodies that starts right at ``pos`` ("that | X and Y strengthen"), or []."""
    after = [b for b in named if b.span.start >= pos and b.span.end <= end]
    return _run_from(after, text) if after and after[0].span.start == pos else []


def _listed_last(text: str, start: int, named: list[BodyMention]) -> list[BodyMention]:
    """The last list of addressable bodies before ``start``, which "their" and "them" refer to."""
    return _last_run([b for b in named if b.span.end <= start and b.addressable], text)


# Prepositions that open a phrase whose bodies are not asked to act ("cooperation ... through the
# ASEAN Centre"); "of", "by" and "between" mark who acts and keep the list open, and list words
# ("especially", "including") open it again.
STOP_PREPOSITIONS = {"through", "with", "for", "in", "on", "under", "within", "towards", "toward", "at",
                     "from", "into", "regarding", "concerning", "via", "across", "against", "to",
                     "upon", "during", "after", "before", "beyond", "throughout", "outside"}
REOPEN = re.compile(r"^(?:especially|in particular|particularly|including|such as|notably|inter alia|"
                    r"namely|as well as)\b")
# "cooperation on disaster risk reduction between X and Y": "between" after a word for working
# together, itself in the object asked for, names who is asked, whatever phrase came between
# ("efforts ... as a framework for the partnership between X and Y" asks neither)
TOGETHER = {"cooperation", "collaboration", "partnership", "partnerships", "coordination", "dialogue",
            "interaction", "synergies", "consultations"}
JOINT = re.compile(rf"\b(?:{'|'.join(sorted(TOGETHER))})\s+between\s+(?:the\s+)?")
CLAUSE_BREAK = re.compile(r"[,;]")


def _partners(text: str, start: int, end: int, named: list[BodyMention]) -> list[BodyMention]:
    """"Encourages efforts to promote closer cooperation between X and Y": nobody is named before
    the infinitive, so the partners of the cooperation it asks for are asked, if it names them
    before the first comma."""
    stop = CLAUSE_BREAK.search(text, start, end)
    joint = JOINT.search(text, start, stop.start() if stop else end)
    if not joint or STOP_PREPOSITIONS & set(re.findall(r"[a-z]+", text[start:joint.start()])[1:]):
        return []   # "efforts to hold meetings in the context of cooperation between X and Y"
    return _dedupe([b for b in _run_at(text, joint.end(), end, named) if b.addressable])


def _object_list(text: str, start: int, end: int, inside: list[BodyMention]) -> list[BodyMention]:
    """Bodies of a directive verb's object, leaving out those in prepositional phrases."""
    out = []
    open_, together, cursor = True, False, start
    for b in sorted(inside, key=lambda b: (b.span.start, -b.span.end)):
        if b.span.start >= cursor:
            gap = text[cursor:b.span.start]
            if not (open_ and out and PLACE_GAP.match(gap)):
                for word in re.findall(r"in particular|such as|inter alia|as well as|[A-Za-z]+", gap):
                    word = word.lower()
                    if REOPEN.match(word) or (word == "between" and together):
                        open_ = True
                    elif word in STOP_PREPOSITIONS:
                        open_ = False
                    together = together or (open_ and word in TOGETHER)
            cursor = b.span.end
        if open_:   # bodies sharing a span ("the two organizations") share the state
            out.append(b)
    return out


def _evaluative(text: str, start: int, end: int, named: list[BodyMention], concerned) -> list[BodyMention]:
    region = text[start:end]
    after = [b for b in named if start <= b.span.start and b.span.end <= end and b.addressable]
    if not after and not ITS_EFFORT.match(region):
        return []
    # the body itself: "Expresses its appreciation to the Secretary-General for ..."
    if after and DIRECT_OBJECT.match(text[start:after[0].span.start]):
        run = _run_from(after, text)
        if _ends_noun_phrase(text, run[-1].span.end):
            return _dedupe(run)
    # "Welcomes the African Union's commitment to ..."
    if after and DIRECT_OBJECT.match(text[start:after[0].span.start]) and \
            re.match(rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}?{EFFORT}\b", text[after[0].span.end:], re.I):
        return [after[0]]
    m = EFFORT_NP.match(region)
    if m:
        pos = start + m.end()
        group = GROUP_NAMED.match(text, pos, end)
        if group and GENERIC_NP.match(re.sub(r"\s+", " ", group.group(1))):
            pos = group.end()
        first = next((b for b in after if b.span.start >= pos), None)
        if first and re.fullmatch(r"\s*(?:the\s+)?", text[pos:first.span.start]):
            run = _run_from([b for b in after if b.span.start >= first.span.start], text)
            if _ends_noun_phrase(text, run[-1].span.end):
                return _dedupe(run)
    m = ITS_EFFORT.match(region)
    if m and m.group(1).lower() == "its":
        before = [b for b in named if b.span.end <= start and b.addressable]
        organizations = [b for b in before if b.key not in ("SecretaryGeneral", "UNGA", "UN")]
        if organizations:
            return [organizations[-1]]
    return []


def _run_from(bodies: list[BodyMention], text: str) -> list[BodyMention]:
    """The list of bodies that starts with ``bodies[0]`` ("X, Y and Z")."""
    run = [bodies[0]]
    gap_start = run[0].span.end
    for b in bodies[1:]:
        gap = text[gap_start:b.span.start] if b.span.start >= gap_start else ""
        items = len(gap) < 300      # a few items at most; the patterns backtrack on long prose
        if LIST_GAP.match(gap) or (items and OTHER_ITEMS.match(gap)):
            run.append(b)
            gap_start = b.span.end
        elif not (items and INSIDE_OTHER_ITEM.match(gap)):
            break
    return run


def _last_run(bodies: list[BodyMention], text: str) -> list[BodyMention]:
    """The last list of bodies before a point ("their" refers to it)."""
    if not bodies:
        return []
    run = [bodies[-1]]
    for b in reversed(bodies[:-1]):
        gap = text[b.span.end:run[0].span.start] if run[0].span.start >= b.span.end else ""
        if LIST_GAP.match(gap):
            run.insert(0, b)
        else:
            break
    return run


def _ends_noun_phrase(text: str, pos: int) -> bool:
    """A body is the object itself when no noun follows it ("ECO Vision 2025" is a document)."""
    rest = text[pos:pos + 40]
    return not re.match(r"^\s*(?:[A-Z0-9][\w-]*|'s|’s)", rest) or bool(re.match(r"^\s*(?:and|or)\b", rest))


def _generic_parts(text: str, start: int, end: int, inside: list[BodyMention]) -> list[str]:
    """Generic addressees as printed ("the relevant United Nations agencies"), and States ("Israel"):
    asked to act, but no body of the gazetteer."""
    chars = list(text[start:end])
    for b in inside:
        for k in range(max(b.span.start, start), min(b.span.end, end)):
            chars[k - start] = "\0"
    region = "".join(chars)
    out = []
    for part in re.split(r",|;|\band\s+(?=the\b|other\b|relevant\b|all\b|international\b)|\bespecially\b|"
                         r"\bin particular\b|\bincluding\b|\bsuch as\b|\bnotably\b|\bas well as\b", region):
        part = RELATIVE_CLAUSE.sub("", part.strip(" ,;"))
        if "\0" in part or not part or re.search(r"\b(?:to|between|with|for|in|on)\b", PARTIES_TO.sub("parties", part)):
            continue  # a named body, or a phrase that is more than an addressee
        if (GENERIC_NP.match(part) and len(part.split()) <= 14) or is_state_name(re.sub(r"^the\s+", "", part)):
            out.append(re.sub(r"\s+", " ", part))
    return out


def _dedupe(bodies: list[BodyMention]) -> list[BodyMention]:
    seen, out = set(), []
    for b in bodies:
        if b.key not in seen:
            seen.add(b.key)
            out.append(b)
    return out
