"""Who said each quote, settled with what the entity index knows (issue 20).

Reading an article (quotes.py, attribution.py) finds the words that attribute a quote:
a name or a description beside a speech verb, a pronoun ("he said"), a quote that goes
on from the one before it, or nothing. Those words are not yet a speaker: "Troy said" may
be a city, "a tearful said" an adjective, "he" any of the men named before. Once the
entity index is made, each is settled here, in reading order:

- a name is the speaker when the index knows it as a person, an organisation or a
  group, and is shown under the entity's name ("Mr Trump" -> Donald Trump); never a
  place, an event, a work or a publication (an outlet of the corpus);
- a description ("the statement", "a police spokesman", "his brother", "Carney's
  office") is kept when its last word is one that speaks (`SPEAKING_NOUNS`);
- "he" or "she" is the subject of the nearest sentence before it that names a person
  (news puts the subject first: "Still, Trump couldn't help but take a swipe at both
  Carney and Pierre Poilievre. 'They both hated Trump,' he joked."), looked for back to
  the start of the paragraph before, and only when the text makes it plain: not when
  that sentence names its person after a preposition ("For Brian Buonassissi, ..."),
  speaks of someone described ("the captain ... said"), or names several people with
  clauses of their own ("..., and industry lobbyist Tom Brown disagreed"); else the
  quote's speaker is not named;
- never a publication ("Newsweek", "the New York Times"), a nationality's adjective
  ("Israeli"), or a name opened by a word that describes ("Devastated Hayley");
- a quote that goes on from the one before it has that one's speaker.

Whatever is left is "speaker not named" on the page: expected ambiguity, not a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..corpus.cleaning.patterns import AGENCIES
from ..entities.names import fold, key, trim
from ..model import Corpus, EntityIndex
from . import attribution
from .quotes import Quote
from .sentences import Sentence

# The last word of a description that can speak: a person's role or relation, a body,
# a document. "A tearful said" (news clusters) ends in none of them.
SPEAKING_NOUNS = frozenset("""
statement statements spokesperson spokesman spokeswoman spokespeople official officials source sources
police officer officers detective detectives sheriff chief commissioner investigator investigators
witness witnesses resident residents neighbour neighbor neighbours neighbors friend friends
brother brothers sister sisters mother father son daughter wife husband parent parents family relative
relatives cousin uncle aunt grandmother grandfather partner colleague colleagues lawyer lawyers attorney
attorneys prosecutor prosecutors judge court jury office ministry department agency company firm bank
council government administration authority authorities embassy spokesmen organisers organizers
organiser organizer group party campaign team club coach manager player players fan fans student students
teacher doctor doctors nurse expert experts analyst analysts economist economists researcher researchers
scientist scientists president minister secretary governor mayor senator leader leaders chairman
executive executives founder owner employee employees worker workers union report post tweet message
letter poster video release note document filing complaint survivor survivors victim victims passenger
passengers customer customers user users member members representative representatives aide aides adviser
advisers advisor advisors diplomat diplomats military army navy bureau commission committee service
agency cabinet parliament spokesperson's organiser's
pilot captain crew spectator spectators bystander bystanders onlooker onlookers resolution
""".split())
# Where words are posted, not who posts them: "the airport said on Twitter".
PLATFORMS = frozenset("twitter facebook instagram youtube tiktok reddit snapchat linkedin threads bluesky".split())
# Pronouns that may be resolved to a person; "they" and "we" speak for groups.
_PERSONAL = frozenset({"he", "she"})
# Words that trail a description cue but are no part of it: "the council also said".
_TRAILING = frozenset("also too then later again earlier still however meanwhile separately".split())


@dataclass(frozen=True, slots=True)
class KnownNames:
    """What the entity index says about names, for settling speakers. Built in the
    process that made the index, sent to the one that made the analyses."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (entity name, type)
    # (article, anchor) -> (start, entity name) of each mention of a person, in order
    persons: dict[tuple[str, str], tuple[tuple[int, str], ...]] = field(default_factory=dict)
    publications: frozenset[str] = frozenset()  # folded outlet names: never speakers
    known: bool = False  # False: no index was made; names are kept as written

    @classmethod
    def of(cls, index: EntityIndex, corpus: Corpus) -> KnownNames:
        names: dict[str, tuple[str, str]] = {}
        persons: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        surnames: dict[str, set[str]] = defaultdict(set)
        for e in index.entities:
            for written in (e.name, *e.aliases):
                names.setdefault(key(written), (e.name, e.type))
            if e.type == "person":
                if " " in e.name:
                    surnames[key(e.name.split()[-1])].add(e.name)
                for m in e.mentions:
                    persons[(m.article, m.anchor)].append((m.start, e.name))
        for surname, people in surnames.items():  # "Roethlisberger" is Ben Roethlisberger
            if len(people) == 1:
                names.setdefault(surname, (next(iter(people)), "person"))
        outlets = {fold(a.metadata.outlet.value) for a in corpus.articles if a.metadata.outlet}
        return cls(names, {k: tuple(sorted(v)) for k, v in persons.items()},
                   frozenset(outlets | {fold(v) for v in AGENCIES.values()} | PLATFORMS), True)

    def watched(self, reads: dict[tuple[str, object], None]) -> KnownNames:
        """These names, noting in `reads` (in order) every key `settle` looks up in
        `names` and `persons`: what a story's speakers read of the index, which keys
        what they settled (build.py's "stories" memo; `answers` gives the index's answers
        to the same questions in a later build). `publications` and `known` are read
        whole."""
        return KnownNames(_Watched(self.names, "names", reads), _Watched(self.persons, "persons", reads),  # type: ignore[arg-type]
                          self.publications, self.known)

    def answers(self, reads: Iterable[tuple[str, object]]) -> tuple[object, ...]:
        """What these names say to each key `watched` noted (None: nothing)."""
        return tuple(getattr(self, name).get(k) for name, k in reads)


class _Watched:
    """A mapping that notes each key looked up in it. It offers only what `settle` asks
    (`in`, `[]`, `get`): a new way of reading the names fails here rather than going
    unnoted."""

    __slots__ = ("_data", "_name", "_reads")

    def __init__(self, data: dict[object, object], name: str, reads: dict[tuple[str, object], None]) -> None:
        self._data, self._name, self._reads = data, name, reads

    def __contains__(self, k: object) -> bool:
        self._reads[(self._name, k)] = None
        return k in self._data

    def __getitem__(self, k: object) -> object:
        self._reads[(self._name, k)] = None
        return self._data[k]

    def get(self, k: object, default: object = None) -> object:
        self._reads[(self._name, k)] = None
        return self._data.get(k, default)


def settle(corpus: Corpus, quotes: Sequence[Quote], known: KnownNames,
           sentences: Sequence[Sentence] = ()) -> tuple[Quote, ...]:
    """The quotes of a corpus (corpus order) with their speakers settled. `sentences`
    (the articles' sentences) bound the sentences a pronoun looks back through."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        by_article[q.span.article].append(i)
    bounds: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for s in sentences:
        bounds[(s.span.article, s.span.anchor)].append((s.span.start, s.span.end))
    articles = {a.slug: a for a in corpus.articles}
    # A speaker as written is checked once: the same names speak again and again (24,162
    # quotes name one at 10,000 synthetic articles, in 1,851 ways: the quotes took 1.4 s
    # there instead of 2.3 s). A check reads only the names, so its answer holds for the
    # whole call.
    checked: dict[str, tuple[str | None, str]] = {}

    def check(written: str) -> tuple[str | None, str]:
        answer = checked.get(written)
        if answer is None:
            answer = checked[written] = _checked(written, known)
        return answer

    out = list(quotes)
    for slug, indices in by_article.items():
        order = [p.anchor for p in articles[slug].body]
        texts = {(slug, p.anchor): p.text for p in articles[slug].body}
        previous: Quote | None = None
        for i in indices:
            out[i] = previous = _settle(quotes[i], previous, order, known, bounds, texts, check)
    return tuple(out)


_Bounds = dict[tuple[str, str], list[tuple[int, int]]]


def _settle(q: Quote, previous: Quote | None, order: list[str], known: KnownNames, bounds: _Bounds,
            texts: dict[tuple[str, str], str], check: Callable[[str], tuple[str | None, str]]) -> Quote:
    if q.how == "continues":
        if previous is not None and previous.speaker is not None:
            return replace(q, speaker=previous.speaker, how="goes on from the quote before it")
        return replace(q, speaker=None, how="speaker not named")
    if q.how == "pronoun" and q.speaker is not None:
        if q.speaker.casefold() not in _PERSONAL or not known.known:
            return replace(q, speaker=None, how=f"speaker not named (“{q.speaker}”)")
        person = _subject_before(q, order, known, bounds, texts)
        person = shown_name(person, known) if person is not None else None
        if person is None:
            return replace(q, speaker=None, how=f"speaker not named (“{q.speaker}”: no person named before it)")
        return replace(q, speaker=person, how=f"“{q.speaker}” read as {person}, the first person the sentence "
                                              "before it names")
    if q.speaker is None:
        return q
    if q.how == "subject of the sentence" and known.known:
        person = _opening_person(q, known)
        person = shown_name(person, known) if person is not None else None
        if person is not None:
            return replace(q, speaker=person)  # "The head of the Israeli Labor Party, Yitzhak Herzog, voiced..."
        if not _opens(q.sentence.text, q.speaker):
            return replace(q, speaker=None, how=f"speaker not named (“{q.speaker}” is not the sentence's subject)")
    speaker, why = check(q.speaker)
    if speaker is None:
        return replace(q, speaker=None, how=f"speaker not named (“{q.speaker}” {why})")
    return replace(q, speaker=speaker)


# A name whose last word is one of these is a newspaper's or a broadcaster's ("the New
# York Times", "USA TODAY", "Global Times", "Süddeutsche Zeitung", news clusters), and so
# are these names of outlets outside the corpus: never speakers (issue 20).
_PUBLICATION_HEADS = frozenset("""times post news daily journal tribune herald gazette mirror monitor telegraph
guardian zeitung monde today chronicle magazine inquirer examiner""".split())
_PUBLICATION_NAMES = frozenset("""newsweek time ktla sz politico axios buzzfeed tmz forbes fortune wired variety
people cnbc msnbc nhk kcna yonhap kyodo tass interfax mirror""".split())
# A nationality's adjective is no speaker ("Israeli", "German", "South Korean"): a
# group speaks in the plural ("Palestinians").
_ADJECTIVE_ENDING = re.compile(r"(?:i|ese|ish|ch|an)$")
# Words a page's furniture leaves before a name ("CLOSE Sheila E.", "• Maryam Violet").
_FURNITURE = frozenset("close watch video photo image advertisement more".split())
# A participle or adjective opening what looks like a name ("Devastated Hayley",
# "Tranquilizing Harambe", news clusters): an adjective before whoever speaks.
_DESCRIBING = re.compile(r"^(?!United$)[A-Z][a-z]{6,}(?:ed|ing|ful|ous|less)$")  # not "Fred", "Mohammed"


_GLUED = re.compile(r"^[A-Z][a-z]+(?=[A-Z][a-z])")  # "DailyZhang Yuanxun": a page's words run together
_WHEN = frozenset("last next this every".split())


def shown_name(name: str, known: KnownNames, person: bool = True) -> str | None:
    """A name as the index or the text gives it, made fit to show as a speaker: a page's
    furniture taken off its front ("• Maryam Violet", "CLOSE Sheila E.", "Reuters
    Equifax", "DailyZhang Yuanxun"); None when it is no one's name: a publication or a
    platform, a name opened by a word that describes ("Devastated Hayley"), a time ("Last
    Thanksgiving"), a word repeated ("Bitcoin Bitcoin"), lower case ("member Security
    Council"). News clusters, issue 20."""
    words = name.lstrip("•·*-–— ").split()
    while len(words) > 1 and words[1][:1].isupper() and (
            fold(words[0]) in known.publications or (words[0].isupper() and fold(words[0]) in _FURNITURE)):
        words.pop(0)
    if words and (glued := _GLUED.match(words[0])) and len(words) > 1 and glued.group(0) in ("Daily", "News", "Photo"):
        words[0] = words[0][glued.end():]
    name = " ".join(words)
    if not name or not name[:1].isupper() or _publication(name, known):
        return None
    folded = [fold(w) for w in words]
    if len(words) > 1 and ((person and _DESCRIBING.match(words[0])) or folded[0] in _WHEN or len(set(folded)) < len(folded)
                           or folded[-1] in PLATFORMS):
        return None
    return name


def _publication(written: str, known: KnownNames) -> bool:
    bare = written.removeprefix("the ").removeprefix("The ")
    if fold(written) in known.publications or fold(bare) in known.publications:
        return True
    words = [fold(w).strip(".,") for w in bare.split()]
    if not words or not written[:1].isupper():
        return False
    return (len(words) == 1 and words[0] in _PUBLICATION_NAMES) or (len(words) >= 2 and words[-1] in _PUBLICATION_HEADS)


def _checked(written: str, known: KnownNames) -> tuple[str | None, str]:
    """The speaker as shown, or None and why not."""
    words = written.split()
    while len(words) > 1 and words[-1].casefold() in _TRAILING:
        words.pop()
    written = " ".join(words)
    if not written:
        return None, "is no name"
    if _publication(written, known):
        return None, "is a publication"
    if written[:1].isupper() and not ("'s " in written or "’s " in written):
        fit = shown_name(written, known, person=not attribution.is_organisation(written))
        if fit is None:
            return None, "is no one's name"
        written, words = fit, fit.split()
    if not written[:1].isupper() or "'s " in written or "’s " in written:
        last = fold(words[-1])
        if last in SPEAKING_NOUNS or last.rstrip("s") in SPEAKING_NOUNS:
            return written, ""
        return None, "is no name of one who speaks"
    last = fold(words[-1])
    if last in SPEAKING_NOUNS or last.rstrip("s") in SPEAKING_NOUNS:
        return written, ""  # "Police", "Slidell police", "The Prime Minister's Bureau"
    trimmed = trim(written, "PERSON")
    found = None
    if trimmed:  # "U.S. Secretary of State John Kerry": the longest end the index knows
        parts = trimmed.name.split()
        found = next((known.names[k] for i in range(len(parts)) if (k := key(" ".join(parts[i:]))) in known.names
                      and (i == len(parts) - 1 or len(parts) - i >= 2 or known.names[k][1] == "person")), None)
    if found is None and known.known:
        # A name the index does not know: a person's when it has a first name and a surname.
        if trimmed and len(trimmed.name.split()) >= 2 and fold(trimmed.name.split()[-1]) not in SPEAKING_NOUNS:
            return written, ""
        return None, "is not a person or organisation the articles name"
    if found is None:
        return written, ""
    name, kind = found
    if kind == "group" and len(name.split()[-1]) > 2 and _ADJECTIVE_ENDING.search(name.split()[-1]) \
            and name.split()[-1] != "Taliban":
        return None, "is a nationality's adjective"
    if kind in ("person", "organisation", "group"):
        fit = shown_name(name, known, person=kind == "person")
        return (fit, "") if fit else (None, f"(the index's “{name}”) is no one's name")
    return None, f"is a {kind}"


# Words before a name that show it is no longer the sentence's subject: a verb went by
# ("The singer posted three photos of herself with ... Tavon Kaiseen Alleyne", news clusters).
_VERB_LIKE = re.compile(r"\b(?:[a-z]+ed|is|was|are|were|has|had|have|says|said|told|posts|posted|wrote|writes)\b")


_OPENERS = re.compile(r"^(?:[\s“”\"'‘’(]|(?:But|And|Still|However|Meanwhile|Later|Earlier|Also|Then|Now|So|The)\b,?)*")


def _opens(sentence: str, subject: str) -> bool:
    """Whether the sentence opens with `subject` (after "But", "Still", quotation marks)."""
    rest = sentence[_OPENERS.match(sentence).end():]  # type: ignore[union-attr]
    return rest.startswith(subject) or rest.startswith(subject.removeprefix("The ").removeprefix("the "))


def _opening_person(q: Quote, known: KnownNames) -> str | None:
    """The person named first in the quote's sentence when no verb comes before the name:
    the sentence's subject."""
    here = known.persons.get((q.span.article, q.span.anchor), ())
    for at, name in here:
        if q.sentence.start <= at < q.span.start:
            before = q.sentence.text[: at - q.sentence.start]
            return None if _VERB_LIKE.search(before) else name
    return None


def _persons(article: str, anchor: str, texts: dict[tuple[str, str], str], known: KnownNames) -> list[tuple[int, str]]:
    """The persons a paragraph names, in order: the entity index's mentions, and the
    "<Name> said" cues whose name the index knows as a person (the small model missed
    "Becker" in "Becker said the company had insurance", the fixture story)."""
    found = dict(known.persons.get((article, anchor), ()))
    for at, written in attribution.named(texts.get((article, anchor), "")):
        trimmed = trim(written, "PERSON")
        entry = known.names.get(key(trimmed.name)) if trimmed else None
        if entry is not None and entry[1] == "person":
            found.setdefault(at, entry[0])
    return sorted(found.items())


# Just before a name: it is a preposition's object, not the sentence's subject ("For
# Brian Buonassissi, ... it felt as if", news clusters).
# "by" is not among them: a passive's agent acts ("singled out by prime minister Theresa May").
_OBJECT_BEFORE = re.compile(r"\b(?:for|to|with|of|from|about|against|at|on|in|like|than)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


# A clause of its own before a later name: "..., and industry lobbyist Tom Brown disagreed".
_SECOND_SUBJECT = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;|\bbut|\bwhile|\bwhereas)\s+(?:[a-z][\w-]*\s+){0,3}$")


def _subject_before(q: Quote, order: list[str], known: KnownNames, bounds: _Bounds,
                    texts: dict[tuple[str, str], str]) -> str | None:
    """The person "he" or "she" refers to, when the text makes it plain: the subject of
    the nearest sentence before the quote's sentence that names a person, in its
    paragraph or the paragraph before. None (speaker not named) when that sentence opens
    with someone described rather than named ("the captain said"), when its first
    person is a preposition's object, or when it names several and the first is not
    its subject (issue 20: an industry lobbyist's words went to the consumer lawyer
    quoted before him)."""
    position = order.index(q.span.anchor) if q.span.anchor in order else 0
    for anchor, before in ((q.span.anchor, q.sentence.start),
                           *(((order[position - 1], 1 << 30),) if position > 0 else ())):
        text = texts.get((q.span.article, anchor), "")
        mentions = [(at, name) for at, name in _persons(q.span.article, anchor, texts, known) if at < before]
        sentences = [(s, e) for s, e in bounds.get((q.span.article, anchor), ()) if s < before] or [(0, min(before, len(text)))]
        for start, end in reversed(sentences):
            named = [(at, name) for at, name in mentions if start <= at < end]
            described = [c for _, c in attribution._cues(text, start, end)
                         if c.speaker and not c.speaker[:1].isupper() and c.how != "pronoun"
                         and _checked(c.speaker, known)[0] is not None]
            if described and not (named and named[0][0] < text.find(described[0].cue, start)):
                return None  # "the captain came back on the intercom and said": he may be the captain
            if not named:
                continue
            at, first = named[0]
            head = text[start:at]
            if _OBJECT_BEFORE.search(head):
                return None
            others = [(a, n) for a, n in named if n != first]
            if others and (_VERB_LIKE.search(head) or any(_SECOND_SUBJECT.search(text, start, a) for a, _ in others)):
                return None  # several people, and the first is not plainly the one the sentence is about
            return first
    return None
