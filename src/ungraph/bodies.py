"""Find the named bodies in a paragraph and resolve what they refer to.

Three sources, in this order of trust:

1. the gazetteer: longest match of a listed name or acronym;
2. detection: a capitalised name around an organisational head noun that no list has
   ("Council of Ministers of the Economic Cooperation Organization");
3. anaphora: "the Organization", "the Division", "the two organizations",
   "the secretariats of A and B", resolved against the document's context.

A :class:`DocumentContext` carries what earlier paragraphs established (the
organization the document concerns, the bodies named so far, acronyms defined in the
text), so each document is read with its own state and nothing leaks between documents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import vocab
from .gazetteer import Entry, Gazetteer, Token, tokenize
from .model import BodyMention, Span

# Head nouns of organisational names
HEADS = {
    "organization", "organisation", "commission", "council", "committee", "bank", "fund", "office",
    "institute", "foundation", "centre", "center", "agency", "union", "association", "assembly",
    "secretariat", "department", "division", "forum", "court", "tribunal", "board", "network",
    "group", "federation", "league", "community", "alliance", "authority", "entity", "society",
    "directorate", "bureau", "parliament", "mechanism", "service", "unit", "facility", "academy",
    "university", "observatory", "programme", "panel", "team", "mission", "cooperation",
    "co-operation", "corporation", "initiative", "system",
    "commissioner", "executive",
}
# Heads that name a body only when they occur in a known name; in a detected name they
# more often name an event, a plan or a document
WEAK_HEADS = {"programme", "mechanism", "system", "initiative",
              "cooperation", "co-operation", "service", "unit", "team", "mission", "panel",
              "executive", "facility", "commissioner", "network"}
REGION_WORDS = {"pacific", "caribbean", "levant", "empowerment", "near", "middle"}
# "in" is left out: "the Bank in States members of ..." and "... in Jeddah" name places
CONNECTORS = {"of", "for", "on", "and", "the", "to", "against", "de", "du", "des", "la", "le",
              "del", "y", "et", "&", "-"}
# Nouns of generic addressees; "X of the Organization" with such a head is not X's name
GENERIC_HEADS = {
    "agencies", "organizations", "organisations", "institutions", "bodies", "entities", "members",
    "states", "funds", "programmes", "organs", "officials", "representatives", "countries",
    "partners", "mechanisms", "offices", "staff", "personnel", "heads", "ministers", "governments",
    "peoples", "parties", "stakeholders", "donors", "commissions", "departments", "institutes",
    "centres", "committees", "missions", "forces", "authorities", "communities", "nations",
    "subsidiary", "specialized", "affiliated", "secretariats", "sectors", "actors", "networks",
    "banks", "services", "units", "affiliates", "regions",
}
ANAPHORIC_HEADS = {"organization", "organisation", "division", "department", "office", "commission",
                   "council", "committee", "forum", "fund", "bank", "union", "league", "community",
                   "association", "initiative", "secretariat", "centre", "institute", "agency",
                   "conference", "court", "tribunal", "board", "programme", "entity", "system",
                   "assembly", "foundation", "group", "mechanism", "commonwealth", "alliance"}
# Words of names that say what a body is but not whose ("Preparatory Committee", "Bureau of the
# Working Group"): a detected name made of these alone names a different body in each document
ROLE_WORDS = HEADS | ANAPHORIC_HEADS | CONNECTORS | {
    "preparatory", "steering", "working", "ad", "hoc", "open-ended", "intergovernmental", "expert",
    "experts", "co-chairs", "co-chair", "chair", "chairs", "chairperson", "president", "vice-president",
    "vice-chairs", "rapporteur", "main", "special", "standing", "advisory", "technical", "joint",
    "subsidiary", "task", "force", "high-level", "consultative", "coordinating", "coordination",
    "implementation", "review", "follow-up", "scientific", "national", "regional", "international",
    "members", "member", "plenary", "meeting", "session", "interim", "permanent"}
# Words that start a paragraph or clause and are capitalised without naming anything
NON_NAME = {"the", "a", "an", "its", "their", "this", "these", "that", "those", "such", "all",
            "any", "each", "every", "other", "also", "further", "and", "or", "in", "on", "of",
            "for", "with", "by", "at", "to", "as", "from", "under", "within", "between", "among",
            "states", "member", "members", "heads", "ministers", "government", "governments",
            "report", "resolution", "resolutions", "decision", "article", "chapter", "annex",
            "goal", "goals", "agenda", "declaration", "charter", "convention", "protocol", "treaty",
            "agreement", "memorandum", "plan", "strategy", "framework", "year", "day", "decade",
            "week", "summit", "meeting", "session", "award", "prize", "vision", "programme"}
# "the Charter of the United Nations", "the work of the Organization": the body is not asked
OF_DOCUMENT = {"charter", "convention", "declaration", "report", "reports", "resolution", "resolutions",
               "statute", "agenda", "purposes", "principles", "mandate", "mandates", "constitution",
               "session", "sessions", "meeting", "meetings", "territory", "headquarters", "budget"}

# Capitalised words that open a paragraph: verbs and participles, never part of a name
def _verb_words() -> set[str]:
    from .verbs import _ALL

    return {w for v in _ALL for w in v.split()} | {"recalling", "noting", "welcoming", "taking",
                                                    "reaffirming", "recognizing", "acknowledging"}


VERB_WORDS = _verb_words()
# Posts held by persons: "President of the Council" names an office-holder, not a body
OFFICE_WORDS = {"president", "vice-president", "chair", "chairman", "chairperson", "director", "co-chairs",
                "co-chair", "chairs", "vice-chairs", "presidents", "directors", "president-elect",
                "director-general", "secretary", "secretary-general", "head", "heads", "minister",
                "ministers", "ambassador", "representative", "representatives", "envoy", "rapporteur",
                "prosecutor", "registrar", "judge", "judges", "members", "member", "executive",
                "high", "special", "deputy", "under-secretary-general", "assistant", "coordinator",
                "adviser", "advisor", "commissioner", "officials", "staff"}
# Words that make a capitalised phrase an event, a document or a plan rather than a body
NOT_BODY_WORDS = {"declaration", "charter", "convention", "protocol", "treaty", "agreement",
                  "memorandum", "plan", "strategy", "framework", "agenda", "summit", "meeting",
                  "session", "award", "vision", "goals", "goal", "report", "resolution", "year",
                  "decade", "day", "week", "anniversary", "action", "communiqué", "communique",
                  "statute", "constitution", "road", "map", "roadmap", "platform", "process",
                  "campaign", "principles", "guidelines", "rules", "covenant", "code",
                  "act", "law", "policy", "pact", "compact", "consensus", "outcome", "conference",
                  "conferences", "study", "project", "projects", "market", "portal", "corridor",
                  "blueprint", "blueprints", "review", "reviews", "summits", "award", "awards",
                  "database", "databases", "toolkit", "handbook", "manual", "repository", "notices",
                  "arrangement", "regulations", "standards", "index", "report", "system"}
# before a capitalised phrase, these make it a kind of body rather than one body's name
KIND_OF = {"a", "an", "any", "each", "every", "another", "appropriate", "relevant", "competent", "respective"}
# "Information Network", "Data System": a weak head after these names a database or a platform
DATA_WORDS = {"information", "data", "communication", "communications", "reporting", "monitoring"}
# events named like a body ("World University Games"): the whole phrase is no body's name
EVENT_WORDS = {"games", "olympics", "olympiad", "paralympics", "deaflympics", "festival",
               "festivals", "championship", "championships", "tournament", "expo", "exhibition"}


@dataclass
class DocumentContext:
    """What earlier paragraphs of one document established."""

    gazetteer: Gazetteer
    concerned: list[str] = field(default_factory=list)        # body keys
    recent: list[str] = field(default_factory=list)           # body keys, most recent last
    detected: dict[str, Entry] = field(default_factory=dict)  # bodies no list has, by key
    acronyms: dict[str, str] = field(default_factory=dict)    # acronym defined in the text -> key
    conventions: dict[str, int] = field(default_factory=dict)  # secretariat key -> last position named
    offset: int = 0                                             # characters read so far
    document: str = ""      # the document's symbol or file name: it scopes names that say no whose

    def entry(self, key: str) -> Entry:
        return self.gazetteer.entries.get(key) or self.detected[key]

    def name(self, key: str) -> str:
        return self.entry(key).name

    def note(self, keys) -> None:
        for k in keys:
            if k in self.recent:
                self.recent.remove(k)
            self.recent.append(k)


@dataclass
class _Found:
    key: str
    i: int               # first token
    j: int               # last token + 1
    via: str
    nested: bool = False
    addressable: bool = True


def find_bodies(text: str, ctx: DocumentContext) -> list[BodyMention]:
    """Every body named in ``text``, in order, with anaphora resolved; updates ``ctx``."""
    tokens = tokenize(text)
    note_conventions(text, ctx, ctx.offset)
    ctx.offset += len(text) + 1
    if not tokens:
        return []
    gaz = ctx.gazetteer
    found = [_Found(k, i, j, via) for k, via, i, j in gaz.match(tokens)
             if not (j - i == 1 and via == "name" and (_inside_a_name(tokens, i) or _head_in_title(tokens, i)))]
    found = _concerned_short_forms(tokens, found, ctx)
    found += _nested_listed(tokens, found, gaz)
    found += _defined_acronyms(tokens, found, ctx)
    found.sort(key=lambda f: (f.i, -f.j))
    found = _detect(tokens, found, ctx)
    found = _expand_shared_complement(tokens, found, ctx)
    found = _expand_distributive(tokens, found, ctx)
    found = _anaphora(tokens, found, ctx)
    found = _possessive_secretariats(tokens, found, ctx)
    _register_acronyms(tokens, found, ctx)
    found.sort(key=lambda f: (f.i, -f.j))

    mentions = []
    for f in found:
        if not f.nested and f.via != "expansion":
            f.addressable = f.addressable and _addressable(tokens, f)
        span = Span(tokens[f.i].start, tokens[f.j - 1].end)
        mentions.append(BodyMention(f.key, ctx.name(f.key), span, span.of(text), f.via,
                                    f.nested, f.addressable))
    ctx.note(m.key for m in mentions if not m.nested)
    return mentions


def _concerned_short_forms(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    """"the Secretary-General of the Commonwealth" in a text about the Commonwealth of Independent
    States is that organization's head: a listed office "of the <Word>" belongs to the organization
    the document concerns when its name has that word and the office belongs to another."""
    out = []
    for f in found:
        if f.j - f.i >= 4 and tokens[f.j - 3].norm == "of" and tokens[f.j - 2].norm == "the" \
                and _cap(tokens[f.j - 1]) and not f.nested:
            owner = _concerned_owner(tokens[f.j - 1].norm, ctx.entry(f.key), ctx)
            if owner:
                name = ctx.name(f.key).lower()
                key = _head_of(owner, ctx) if name.startswith("secretary") else \
                    _secretariat_of(owner, ctx) if name.startswith("secretariat") else None
                f = replace(f, key=key) if key else f
        out.append(f)
    return out


def _concerned_owner(word: str, entry: Entry, ctx: DocumentContext) -> str | None:
    owners, todo = set(), list(entry.parents)
    while todo:
        key = todo.pop()
        if key not in owners:
            owners.add(key)
            todo += ctx.entry(key).parents
    if owners & set(ctx.concerned):
        return None
    return next((k for k in ctx.concerned if k not in owners
                 and word in re.findall(r"[a-z]+", ctx.name(k).lower())), None)


def _nested_listed(tokens: list[Token], found: list[_Found], gaz: Gazetteer) -> list[_Found]:
    """Listed names inside a listed name after "of the" ("... of the Secretariat")."""
    out = []
    for f in found:
        for k in range(f.i + 1, f.j - 1):
            if tokens[k].norm != "of":
                continue
            a = k + 2 if tokens[k + 1].norm == "the" else k + 1
            for key, via, i, j in gaz.match(tokens[a:f.j]):
                # "Office of the High Commissioner" names the office, not its holder
                if i == 0 and a + j == f.j and key != f.key and gaz.entries[key].kind != "OfficeHolder":
                    out.append(_Found(key, a, f.j, via, nested=True))
    return out


# ---------------------------------------------------------------- acronyms defined in the text

def _defined_acronyms(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    """Acronyms the document defined earlier ("... Asia and the Pacific (CIRDAP)")."""
    taken = {k for f in found for k in range(f.i, f.j)}
    out = []
    for i, t in enumerate(tokens):
        if i not in taken and t.text in ctx.acronyms:
            out.append(_Found(ctx.acronyms[t.text], i, i + 1, "acronym"))
    return out


def _register_acronyms(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> None:
    """"<name> (ACRONYM)" defines an acronym for the rest of the document."""
    ends = {f.j: f for f in found if not f.nested}
    for i in range(len(tokens) - 2):
        if tokens[i].text == "(" and tokens[i + 2].text == ")" and i in ends:
            acr = tokens[i + 1].text
            f = ends[i]
            if re.fullmatch(r"[A-Z][A-Za-z-]{1,12}", acr) and sum(c.isupper() for c in acr) >= 2:
                ctx.acronyms.setdefault(acr, f.key)
                entry = ctx.entry(f.key)
                if not entry.listed and acr not in entry.acronyms:
                    entry.acronyms.append(acr)


# ---------------------------------------------------------------- detection of unlisted names

def _cap(t: Token) -> bool:
    return t.text[:1].isupper()


def _detect(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    """Capitalised names around a head noun that the gazetteer does not list."""
    at = {f.i: f for f in found}
    out = list(found)
    i, n = 0, len(tokens)
    while i < n:
        # a phrase: capitalised words and gazetteer names joined by connectors
        units: list[tuple[int, int, _Found | None]] = []
        j = i
        while j < n:
            f = at.get(j)
            t = tokens[j]
            if f is not None:
                units.append((f.i, f.j, f))
                j = f.j
            elif units and t.text[:1].isdigit() and tokens[j - 1].text == "-" and tokens[j - 1].end == t.start:
                units.append((j, j + 1, None))   # "COVID-19"
                j += 1
            elif _cap(t) and not (units == [] and (t.norm in NON_NAME or t.norm in VERB_WORDS)):
                units.append((j, j + 1, None))
                j += 1
            elif units and t.norm in CONNECTORS and j + 1 < n:
                # "and the" and "X and Y" after a complete name end the phrase
                if t.norm == "and" and ((tokens[j + 1].norm == "the" and not (
                        j + 2 < n and tokens[j + 2].norm in REGION_WORDS))
                        or units[-1][2] is not None or tokens[j - 1].norm in HEADS):
                    break
                if t.text == "-" and (tokens[j + 1].text[:1].islower() or tokens[j - 1].end != t.start
                                      or units[-1][2] is not None):
                    break
                units.append((j, j + 1, None))
                j += 1
            else:
                break
        while units and units[-1][2] is None and tokens[units[-1][0]].norm in CONNECTORS:
            units.pop()
        if units:
            cand = _candidate(tokens, units, ctx)
            key = None
            if cand:
                a, b, name, short_form_only = cand
                nearby = [f.key for f in out if f.j <= a and not f.nested]
                key = short_form_key(name, ctx, nearby) if short_form_only else detected_key(name, ctx, nearby)
            if key:
                for f in out:
                    if a <= f.i and f.j <= b and f.key != key:
                        f.nested = True
                out = [f for f in out if not (f.i == a and f.j == b)]
                out.append(_Found(key, a, b, "detected"))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _candidate(tokens: list[Token], units, ctx: DocumentContext) -> tuple[int, int, str, bool] | None:
    """The body name in a phrase, if it has one: from its first word to its end, and whether it
    names a body only as the short form of one named before (:func:`short_form_key`)."""
    words = [(a, b, f) for a, b, f in units]
    # heads outside gazetteer names
    # a head at the end after "the" is an anaphor ("the interests of Africa in the Council")
    head_at = [k for k, (a, b, f) in enumerate(words)
               if f is None and tokens[a].norm in HEADS and _cap(tokens[a])
               and not (k == len(words) - 1 and k > 0 and tokens[words[k - 1][0]].norm == "the"
                        and tokens[a].norm in ANAPHORIC_HEADS)]
    if not head_at:
        return None
    first_head = head_at[0]
    weak = tokens[words[first_head][0]].norm in WEAK_HEADS
    # a weak head alone names a body only as the short form of one named before ("the Panel of Experts")
    short_form_only = weak and not _has_gazetteer_part(words)
    if words[0][2] is None and tokens[words[0][0]].norm in OFFICE_WORDS:
        return None
    if weak and first_head and tokens[words[first_head - 1][0]].norm in DATA_WORDS:
        return None   # "the INTERPOL Ballistic Information Network": a database, not a body
    if any(f is None and tokens[wa].norm in EVENT_WORDS for wa, _, f in words):
        return None
    if words[0][2] is not None and len(words) > 1 and words[1][2] is None \
            and tokens[words[1][0]].norm in ("of", "for", "on", "in", "to", "against"):
        return None  # "[Organization of Islamic Cooperation] of Islamic Cooperation"
    a = words[0][0]
    b = words[-1][1]
    # the name must not run into a document, an event or a plan
    for k in range(len(words)):
        wa, wb, f = words[k]
        if f is None and tokens[wa].norm in NOT_BODY_WORDS:
            if k <= first_head or weak:
                return None
            b = words[k - 1][1]
            break
    while a < b and tokens[a].norm in CONNECTORS:
        a += 1
    while b > a and tokens[b - 1].norm in CONNECTORS:
        b -= 1
    span_units = [u for u in words if u[0] >= a and u[1] <= b]
    if not span_units or not any(u[2] is None and tokens[u[0]].norm in HEADS for u in span_units):
        return None
    if len(span_units) == 1 and span_units[0][2] is None:
        return None  # a lone "Council" is anaphora, not a name
    before = tokens[a - 1].norm if a > 0 else ""
    if before in KIND_OF or (before == "," and a > 1 and _cap(tokens[a - 2])
                                 and span_units[0][2] is None):
        return None  # "a Peaceful, ... Society", "the appropriate Main Committee": a kind, not a name
    if _inside_quotes(tokens, a):
        return None  # a title in quotation marks names a document or an initiative
    caps = [u for u in span_units if u[2] is not None or (_cap(tokens[u[0]]) and tokens[u[0]].norm not in CONNECTORS)]
    if len(caps) < 2:
        return None
    return a, b, _name_of(tokens, span_units, ctx), short_form_only


def _inside_a_name(tokens: list[Token], i: int) -> bool:
    """A one-word label after a capitalised word is part of a longer name ("Trust Fund")."""
    return i > 0 and _cap(tokens[i - 1]) and tokens[i - 1].norm not in NON_NAME \
        and tokens[i - 1].norm not in VERB_WORDS


def _head_in_title(tokens: list[Token], i: int) -> bool:
    """A bare head word in a quoted title is the title's own: "Women in the Secretariat", an
    IAEA resolution, speaks of the Agency's Secretariat, not the United Nations'. A possessive
    says whose it is ("the Agency's Secretariat", :func:`_possessive_secretariats`)."""
    return tokens[i].norm in HEADS and not _after_possessive(tokens, i) and _inside_quotes(tokens, i)


def _after_possessive(tokens: list[Token], i: int) -> bool:
    """Token ``i`` follows a possessive "'s" ("the Agency's | Secretariat")."""
    return i > 1 and tokens[i - 2].norm == "'" and tokens[i - 1].norm == "s"


def _inside_quotes(tokens: list[Token], a: int) -> bool:
    opened = 0
    for t in tokens[:a]:
        if t.text == "“":
            opened += 1
        elif t.text == "”":
            opened = max(0, opened - 1)
    return opened > 0


def _has_gazetteer_part(words) -> bool:
    return any(f is not None for _, _, f in words)


def _name_of(tokens: list[Token], units, ctx: DocumentContext) -> str:
    """Canonical name: text of the phrase, with "the Organization" written out."""
    parts = []
    prev_end = None
    for a, b, f in units:
        piece = " ".join(t.text for t in tokens[a:b])
        if f is None and tokens[a].norm in ANAPHORIC_HEADS and a > 0 and tokens[a - 1].norm == "the" \
                and b == units[-1][1] and len(units) > 2:
            resolved = _resolve_head(tokens[a].norm, ctx, [])
            if resolved:
                piece = ctx.name(resolved)
                if parts and parts[-1] == "the":
                    parts.pop()
                    piece = "the " + piece
        if prev_end is not None and tokens[a].start == tokens[prev_end - 1].end:
            parts[-1] += piece
        else:
            parts.append(piece)
        prev_end = b
    name = " ".join(parts)
    name = re.sub(r"\s*-\s*", "-", name)
    name = re.sub(r"\s+([,)])", r"\1", name).replace("( ", "(")
    return re.sub(r"^the ", "", name, flags=re.I)


_WITHOUT_UN = re.compile(r"\bunited nations\s+")


def short_form_key(name: str, ctx: DocumentContext, nearby: list[str] = ()) -> str | None:
    """The body named before of which ``name`` is a short form ("the Liaison Office" after "the
    United Nations Liaison Office to the League of Arab States"), if exactly one fits."""
    words = name.lower().split()
    if len(words) <= 3 and " of " not in f" {name.lower()} ":
        def fits(key):
            full = ctx.name(key).lower().split()
            return len(full) > len(words) and any(full[i:i + len(words)] == words for i in range(len(full)))
    elif " of " in f" {name.lower()} ":
        # with "of", only the opening of the name counts, "United Nations" left out ("the Office
        # of the High Commissioner" after "the Office of the United Nations High Commissioner for ...")
        def fits(key):
            full = _WITHOUT_UN.sub("", ctx.name(key).lower()).split()
            return len(full) > len(words) and full[:len(words)] == words
    else:
        return None
    found = {key for key in [*ctx.recent, *nearby] if fits(key)}
    return found.pop() if len(found) == 1 else None


def detected_key(name: str, ctx: DocumentContext, nearby: list[str] = ()) -> str:
    listed = ctx.gazetteer.lookup(name)
    if listed:
        return listed.key
    short = short_form_key(name, ctx, nearby)
    if short:
        return short
    key = vocab.slug(name)
    if ctx.document and all(w in ROLE_WORDS for w in re.findall(r"[\w-]+", name.lower())):
        key = f"{key}--{vocab.slug(ctx.document)}"     # that document's Preparatory Committee
    if key not in ctx.detected:
        ctx.detected[key] = Entry(key=key, name=name, listed=False, kind=None)
    return key


# ---------------------------------------------------------------- shared complements

def _expand_shared_complement(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    """"the Cultural Institute, the Science Foundation and the Educational Institute of X":
    each head before the last shares its complement "of X"."""
    out = list(found)
    for f in [f for f in found if not f.nested]:
        of = next((k for k in range(f.i + 1, f.j) if tokens[k].norm == "of"), None)
        if of is None or tokens[of - 1].norm not in HEADS:
            continue
        complement = ctx.name(f.key)[len(" ".join(t.text for t in tokens[f.i:of])):]  # as resolved
        owner = ctx.gazetteer.lookup(re.sub(r"^\s*of\s+(?:the\s+)?", "", complement))
        if owner is None or owner.kind == "OfficeHolder":
            continue  # "the Office of the Special Adviser on Africa": "of" is inside the name
        taken = {x for g in out if g.via != "detected" for x in range(g.i, g.j)}
        k = f.i - 1
        if k >= 0 and tokens[k].norm == "the":
            k -= 1
        if k < 0 or tokens[k].norm != "and":
            continue
        k -= 1
        while k >= 0:
            end = k + 1
            if tokens[k].norm not in HEADS or not _cap(tokens[k]) or k in taken:
                break
            while k >= 0 and _cap(tokens[k]) and tokens[k].norm not in NON_NAME and k not in taken:
                k -= 1
            start = k + 1
            name = " ".join(t.text for t in tokens[start:end]) + complement
            out = [g for g in out if not (start <= g.i and g.j <= end)]
            out.append(_Found(detected_key(name, ctx), start, end, "expansion"))
            if k >= 0 and tokens[k].norm == "the":
                k -= 1
            if k >= 0 and tokens[k].text == ",":
                k -= 1
                if k >= 0 and tokens[k].norm == "the":
                    k -= 1
                continue
            break
    return out


# ---------------------------------------------------------------- distributive plurals

def _expand_distributive(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    """"the secretariats of A, B and C" and "the Cultural Institute, the Science Foundation and
    the Educational Institute of X" name one body per member."""
    out = list(found)
    for k, t in enumerate(tokens):
        if t.norm not in ("secretariats", "secretaries-general") and not (
                t.norm == "secretaries" and k + 2 < len(tokens) and tokens[k + 1].text == "-"):
            continue
        j = k + 1
        while j < len(tokens) and tokens[j].norm in ("-", "general"):
            j += 1
        if j >= len(tokens) or tokens[j].norm != "of":
            continue
        members = _list_after(tokens, j + 1, out, ctx)
        treaties = any(key.startswith("convention:") for key, _, _ in members)
        for key, a, b in members:
            if treaties and not key.startswith("convention:"):
                continue  # "the secretariats of A, B and C and the Forum": the Forum itself
            target = _secretariat_of(key, ctx) if t.norm == "secretariats" else _head_of(key, ctx)
            if target:
                for f in out:
                    if f.i == a and f.j == b:
                        f.nested = True
                first = k - 1 if k > 0 and tokens[k - 1].norm == "the" else k
                out.append(_Found(target, first, b, "expansion"))
    return out


def _list_after(tokens, start, found, ctx) -> list[tuple[str, int, int]]:
    """Bodies listed from ``start``: "A, B and C" / "the two organizations"."""
    by_i = {f.i: f for f in found if not f.nested}
    out = []
    i = start
    while i < len(tokens):
        if tokens[i].norm in ("the", ",", "and"):
            i += 1
            continue
        if _the_two(tokens, i) == "organizations":
            for key in _two_organizations(ctx, found, i):
                out.append((key, i, i + 2))
            break
        conv = _convention_at(tokens, i)
        if conv:
            name, end = conv
            for g in found:
                if i <= g.i and g.j <= end:
                    g.nested = True
            out.append(("convention:" + name, i, end))
            i = end
            continue
        f = by_i.get(i)
        if f is None:
            break
        out.append((f.key, f.i, f.j))
        i = f.j
    return out


def _convention_at(tokens, i) -> tuple[str, int] | None:
    """A treaty name ("United Nations Framework Convention on Climate Change") starting at i."""
    j = i
    seen_convention = False
    while j < len(tokens) and (_cap(tokens[j]) or tokens[j].norm in (
            "on", "of", "the", "and", "or", "to", "in", "/", "-", "those", "experiencing", "serious",
            "drought", "particularly", ",", "for", "against")):
        if tokens[j].norm == "convention":
            seen_convention = True
        if tokens[j].norm in ("and",) and seen_convention and j + 1 < len(tokens) and tokens[j + 1].norm == "the":
            break
        if tokens[j].text == "," and not (j + 1 < len(tokens) and tokens[j + 1].norm == "particularly"):
            break
        j += 1
    if not seen_convention:
        return None
    name = " ".join(t.text for t in tokens[i:j])
    name = re.sub(r"\s*([/-])\s*", r"\1", name).replace(" ,", ",")
    return name, j


def _secretariat_of(key: str, ctx: DocumentContext) -> str | None:
    gaz = ctx.gazetteer
    if key.startswith("convention:"):
        conv = key.split(":", 1)[1]
        hit = gaz.lookup("secretariat of the " + conv)
        if hit:
            return hit.key
        return detected_key("secretariat of the " + conv, ctx)
    if key == "UN":
        return "UNSecretariat" if "UNSecretariat" in gaz.entries else None
    for child in gaz.children(key):
        if "secretariat" in child.name.lower():
            return child.key
    for e in ctx.detected.values():
        if "secretariat" in e.name.lower() and ctx.name(key).lower() in e.name.lower():
            return e.key
    return detected_key(f"Secretariat of the {ctx.name(key)}", ctx)


def _head_of(key: str, ctx: DocumentContext) -> str | None:
    gaz = ctx.gazetteer
    if key == "UN":
        return "SecretaryGeneral" if "SecretaryGeneral" in gaz.entries else None
    if key.startswith("convention:"):
        return None
    for child in gaz.children(key):
        if child.name.lower().startswith("secretary-general"):
            return child.key
    return detected_key(f"Secretary-General of the {ctx.name(key)}", ctx)


# ---------------------------------------------------------------- anaphora

def _two_organizations(ctx: DocumentContext, found: list[_Found], before: int) -> list[str]:
    """"the two organizations": the two organizations named before in the paragraph, else
    the UN and the organization the document concerns."""
    earlier = sorted((f for f in found if f.j <= before and not f.nested), key=lambda f: f.i)
    distinct = list(dict.fromkeys(f.key for f in earlier if _is_organization(f.key, ctx)))
    if len(distinct) == 2:
        return distinct
    pair = ["UN"] + [k for k in ctx.concerned[:1] if k != "UN"]
    return pair if len(pair) == 2 else []


def _the_two(tokens: list[Token], i: int) -> str | None:
    """"the two organizations", "both organizations" ("organizations") and "the two
    secretariats", "both secretariats" ("secretariats") starting at ``i`` (at "two"/"both")."""
    if i + 1 >= len(tokens) or not (tokens[i].norm == "both" or (
            tokens[i].norm == "two" and i and tokens[i - 1].norm == "the")):
        return None
    noun = tokens[i + 1].norm.replace("organisations", "organizations")
    return noun if noun in ("organizations", "secretariats") else None


def _is_organization(key: str, ctx: DocumentContext) -> bool:
    e = ctx.entry(key)
    return e.kind not in ("OfficeHolder", "PrincipalOrgan", "Collective") and key not in ("UNGA", "UNSC")


def _resolve_head(head: str, ctx: DocumentContext, paragraph: list[str]) -> str | None:
    """The body "the <Head>" refers to: the concerned organization if its name has that head,
    else the most recent body whose name has it."""
    head = "organization" if head == "organisation" else head
    def has(k):
        words = [w.lower().replace("organisation", "organization") for w in re.findall(r"[A-Za-z]+", ctx.name(k))]
        return head in words
    for k in ctx.concerned:
        if has(k):
            return k
    if head == "organization" and "UN" in ctx.gazetteer.entries:
        return "UN"   # unless the document is about an Organization, "the Organization" is the UN
    for k in reversed(paragraph + ctx.recent):
        if has(k):
            return k
    return None


def _anaphora(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    covered = {k for f in found for k in range(f.i, f.j)}
    out = list(found)
    for i, t in enumerate(tokens):
        if i in covered:
            continue
        pair = _the_two(tokens, i)
        if pair:
            first = i - 1 if i and tokens[i - 1].norm == "the" else i
            if first >= 2 and tokens[first - 1].norm == "of" and tokens[first - 2].norm in ("secretariats", "general"):
                continue  # handled as a distributive plural
            for key in _two_organizations(ctx, out, i):
                target = key if pair == "organizations" else _secretariat_of(key, ctx)
                if target:
                    out.append(_Found(target, first, i + 2, "anaphora"))
            continue
        if i == 0 or tokens[i - 1].norm != "the":
            continue
        if t.norm == "convention" and i >= 3 and tokens[i - 2].norm == "of" \
                and tokens[i - 3].norm == "secretariat" and not (i + 1 < len(tokens) and _cap(tokens[i + 1])):
            key = _last_convention_secretariat(ctx)
            if key:
                a = i - 4 if i >= 4 and tokens[i - 4].norm == "the" else i - 3
                out.append(_Found(key, a, i + 1, "anaphora"))
            continue
        if not t.text[:1].isupper() or t.norm not in ANAPHORIC_HEADS:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (_cap(nxt) or (nxt.norm in ("of", "for", "on") and i + 2 < len(tokens)
                                               and _cap(tokens[i + 2]))):
            continue  # the start of a longer name, not an anaphor
        if nxt is not None and nxt.text == "-" :
            continue
        earlier = [f.key for f in sorted(out, key=lambda f: f.i) if f.j <= i and not f.nested]
        key = _resolve_head(t.norm, ctx, earlier)
        if key:
            out.append(_Found(key, i - 1, i + 1, "anaphora"))
    return out


def _possessive_secretariats(tokens: list[Token], found: list[_Found], ctx: DocumentContext) -> list[_Found]:
    """"the Agency's Secretariat", "ECO's Secretariat": the secretariat of the body before the "'s",
    not the United Nations Secretariat the bare word names."""
    ends = {f.j: f for f in found if not f.nested}
    out = []
    for f in found:
        owner = ends.get(f.i - 2)
        if f.j - f.i == 1 and tokens[f.i].norm == "secretariat" and owner and owner.key != "UN" \
                and _after_possessive(tokens, f.i):
            key = _secretariat_of(owner.key, ctx)
            f = replace(f, key=key) if key else f
        out.append(f)
    return out


def _last_convention_secretariat(ctx: DocumentContext) -> str | None:
    """The secretariat of the convention the text named last."""
    best = None
    for key, pos in ctx.conventions.items():
        if best is None or pos > best[1]:
            best = (key, pos)
    return best[0] if best else None


def note_conventions(text: str, ctx: DocumentContext, offset: int) -> None:
    """Remember which conventions with a listed secretariat the text names, and where."""
    if "Convention" not in text:
        return
    for key, conv in ctx.gazetteer.convention_names():
        pos = text.rfind(conv)
        if pos >= 0:
            ctx.conventions[key] = offset + pos


# ---------------------------------------------------------------- who can be addressed

def _addressable(tokens: list[Token], f: _Found) -> bool:
    """Not "States members of X", "agencies of X", "X-related sources", "X's".

    A body that is the complement of a generic head noun is not itself asked to act."""
    j = f.j
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].text[:1].islower() \
            and tokens[j].start == tokens[j - 1].end:
        return False
    if j < len(tokens) and tokens[j].norm in GENERIC_HEADS | {"institutions", "entities", "system-wide"}:
        return False  # "United Nations agencies": the name is an adjective here
    if j < len(tokens) and _cap(tokens[j]) and tokens[j].norm not in CONNECTORS and f.via != "anaphora":
        return False  # "the United Nations Games", "the ECO Vision 2025": part of another name
    i = f.i
    if tokens[i].norm == "the":
        i += 1
    k = f.i - 1
    if k >= 0 and tokens[k].norm == "the":
        k -= 1
    if k >= 0 and tokens[k].norm == "of":
        k -= 1
        while k >= 0 and tokens[k].norm in ("and", ",", "specialized", "affiliated", "subsidiary",
                                              "relevant", "other", "standing"):
            k -= 1
        if k >= 0 and (tokens[k].norm in GENERIC_HEADS or tokens[k].norm in OF_DOCUMENT):
            return False
    return True
