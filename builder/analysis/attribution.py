"""Who said a quote: the attribution cues news prose uses around quotation marks.

    "...," Carney told supporters.          name, verb after the quote
    "...," said Mayor Dana Whitlock.        verb, name after the quote
    "...," the statement read.              a thing that speaks
    "...," Carney's office said.            the office, not Carney
    "...," his brother, Eric Paddock, said. the name in the apposition
    Carney told supporters: "..."           name, verb before the quote
    according to the fire service, "..."    "according to"
    Menon voted against it, saying "..."    the subject of the sentence
    "...," he said.                         the last speaker the article named

Written by hand: no library reads attribution, and spaCy's dependency parse would
need the full model on every sentence (the entity index already runs NER; a second
pass would double the build). A quote with no cue keeps `speaker=None` and the page
says "unattributed": expected ambiguity, not an error.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..entities.roles import ROLE_WORDS
from .words import fold

_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|wrote|writes|tweeted|posted|stated|states|"
    "declared|announced|explained|insisted|argued|warned|noted|replied|responded|continued|"
    "claimed|recalled|read|reads|shouted|admitted|acknowledged|conceded|confirmed|cautioned|"
    "urged|remarked|observed|pleaded|promised|vowed|boasted|joked|quipped|stressed|"
    "emphasised|emphasized|predicted|suggested|testified|recounted|concluded|countered|described|describes"
)
# After the quote a name may follow the verb ("said Mayor Dana Whitlock"); "told" may
# not: in `"...," told reporters` the name after "told" is the listener. "reports" only
# there ("..., reports the Federal Trade Commission"): `"...," Reuters reported` after a
# named speaker is the agency passing it on.
_VERBS_BEFORE_NAME = (
    "said|says|added|adds|asked|wrote|writes|continued|explained|insisted|recalled|replied|"
    "warned|noted|declared|stated|tweeted|posted|read|reads|recounted|concluded|countered|reported|reports"
)
# A name's words. A full stop belongs to a word only in an abbreviation or an initial,
# so a name does not run on into the next sentence ("... on Friday. He said", news clusters).
_ABBREVIATION = r"(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Prof|Rev|Mt|Ft|Supt|Insp|Det)\."
_NAME_WORD = rf"(?:{_ABBREVIATION}|[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.|[A-Z][\w'’\-]*[\w]|[A-Z])"
_CONNECTOR = r"(?:de|da|van|von|der|den|del|di|du|la|le|bin|al|ibn|of|the)"
PROPER_NAME = rf"{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_NAME_WORD}){{0,5}}"
_OWNED = r"['’]s\s+[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+)?"  # "Carney's office", "his team"
# "the statement", "a spokesman for the company", "the mayor's office", "his brother"; not
# "a statement that condemned what he" (news clusters): no function word inside.
_WORD = r"(?!(?:that|which|who|what|he|she|they|it|this|these|those|and|or|but|as|when|after|had|has|have|also|later|then)\b)[a-z][\w\-]*"
_COMMON = rf"(?:the|a|an|his|her|their|its|one)\s+(?:[a-z][\w\-]*['’]s\s+)?(?:{_WORD}\s+){{0,2}}{_WORD}"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
# A role before a name, in lower case: "Pittsburgh coach Mike Tomlin said" (news clusters).
_ROLE_BEFORE = rf"(?:(?:{PROPER_NAME}\s+)?(?:{'|'.join(sorted(ROLE_WORDS | {'deputy', 'former', 'head', 'press'}))})\s+)"
# A body named by its place: "Slidell police said", "Kremlin spokesman Dmitry Peskov".
_BODY_AFTER = r"(?:\s+(?:police|officials?|authorities|spokes(?:man|woman|person)))"
_NP = (rf"(?:{_PRONOUN}\b|{_ROLE_BEFORE}?(?:the\s+)?{PROPER_NAME}(?:{_OWNED}|{_BODY_AFTER})?|{_COMMON})")
# One or two appositives between commas: "Saeb Erekat, the secretary general of the
# Palestine Liberation Organization, said"; "Sheriff Joe Lombardo, Las Vegas police, in a
# briefing to the media, said" (news clusters).
_APPOSITION = r"(?:,\s*(?P<appos>[^,“”\"]{1,120}),(?:\s*[^,“”\"]{1,60},)?)?"
_ADVERB = r"(?:\s+[a-z]+ly)?"
# An auxiliary or a time word between the name and the verb: "..., Carney had said" (seed 002).
_AUXILIARY = r"(?:\s+(?:had|has|have|also|later|then))?"
# A body after the name, before the verb: "Ilan Gilon of the Meretz party said" (news clusters).
_OF_BODY = rf"(?:\s+(?:of|from)\s+(?:the\s+)?{PROPER_NAME}(?:\s+(?:party|group|union|council|movement|campaign))?)?"
# "a spectator can be heard saying" (news clusters).
_HEARD = r"(?:can|could|may)\s+be\s+heard\s+saying"

# Right after the closing mark.
_AFTER_NAME_VERB = re.compile(
    rf"^[\s,;:—–-]*(?P<np>{_NP}){_APPOSITION}{_OF_BODY}{_AUXILIARY}{_ADVERB}\s+(?P<verb>{_VERBS}|{_HEARD})\b")
# Before the quote: "He recalled the pilot telling the passengers: '...'": the one telling
# speaks, not the one recalling (news clusters).
_TELLING = re.compile(rf"(?P<np>(?:the|a|an|his|her|their)\s+[a-z][\w-]*|{PROPER_NAME})\s+"
                      r"(?:telling|saying to|asking|announcing to)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+\s*[:,]\s*$"
                      # "..., with deputy press secretary Anna Kelly saying: '...'" (seed 004)
                      rf"|\bwith\s+{_ROLE_BEFORE}*(?P<with>{PROPER_NAME})\s+(?:saying|adding|writing)\s*[:,]?\s*$")
_AFTER_VERB_NAME = re.compile(rf"^[\s,;:—–-]*(?P<verb>{_VERBS_BEFORE_NAME})\s+(?P<np>{_NP})")
# Before the opening mark, in the same sentence: the last "<name> <verb>" there. Found
# verb first, then the name just before it: a pattern starting with the name would be
# tried at every character of every paragraph (a third of the analyses' time at 1,000
# synthetic articles).
_VERB = re.compile(rf"\b(?P<verb>{_VERBS})\b")
# A sentence that names its source: a speech verb or "according to".
REPORTED = re.compile(rf"\b(?:{_VERBS}|according to)\b")
_NAME_BEFORE_VERB = re.compile(rf"(?P<np>{_NP}){_APPOSITION}{_ADVERB}\s+$")
# "the council also said that it '...'" (news clusters): a name, not a pronoun, before an
# auxiliary ("She also wrote" would send "she" to the last person named, news clusters).
_NAME_AUX_BEFORE_VERB = re.compile(rf"(?P<np>(?!{_PRONOUN}\b){_NP}){_APPOSITION}{_AUXILIARY}{_ADVERB}\s+$")
_CUE_REACH = 240  # characters before a verb where its name may start (appositives included)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<np>{_NP})")
_PARTICIPLE = re.compile(r",\s*(?:saying|adding|telling|warning|insisting|noting|declaring|writing|stating|"
                         r"arguing|explaining|calling|describing|urging|claiming)\b")
PROPER_NAME_RUN = re.compile(PROPER_NAME)
_PRONOUN_ONLY = re.compile(rf"^{_PRONOUN}$")
_OBJECT_OF = re.compile(r"\b(?:to|of|for|in|at|from|with|about|against)\s+(?:(?:the|a|an|his|her|their|its)\s+)?"
                        r"(?:[a-z][\w-]*\s+){0,2}$")

# Capitalised words that open sentences without naming anyone: "But Whitlock said".
_NOT_NAMES = frozenset(
    """a an and as at but by for from however in it its later meanwhile monday tuesday
    wednesday thursday friday saturday sunday on or so still the then this that these those
    when while yesterday today tonight earlier after before asked speaking writing
    speaking though although also instead""".split()
)
# Words that make a capitalised run a title, not a person ("Mayor Dana Whitlock" is
# Whitlock); kept in the name shown, dropped from the key that compares speakers.
_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady mayor president premier minister
    prime chief fire police sen. sen senator rep. rep representative gov. gov governor
    councillor councilor coun. judge justice officer sgt. sgt sergeant capt. capt captain
    gen. gen general prof. prof professor rev. rev father sister brother deputy""".split()
)


# Words that make a name an organisation's, compared whole (fixture story: "according to
# the Harwick Fire Service"; a surname key would make it "service").
_ORGANISATION_WORDS = frozenset(
    """service services department office council police ministry agency company corporation
    corp inc ltd plc group party association union court board commission authority committee
    university hospital government army force forces bureau institute foundation bank news
    network times post press agency federation league club church""".split()
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None  # as the article writes it: "Mayor Dana Whitlock", "Carney's office"
    cue: str  # the words that attribute it, verbatim; "" when none
    how: str  # how the speaker was found, for the page and for review

    @property
    def found(self) -> bool:
        return self.speaker is not None


UNATTRIBUTED = Attribution(None, "", "no attribution found")


# How far after the closing mark a cue may start and end ("," + "said Mayor Dana Whitlock").
_AFTER_CHARS = 240


def attribute(text: str, start: int, end: int, sentence: tuple[int, int]) -> Attribution:
    """The speaker of the quote at text[start:end] (marks excluded). `sentence` is the
    span of the sentence the quote opens in: a cue before the quote must be in it.
    A pronoun comes back as written, `how="pronoun"`; the caller resolves it against
    the speakers the article named before."""
    after = text[end : end + _AFTER_CHARS].lstrip(" ,;:”\"’'»")
    for pattern, how in ((_AFTER_NAME_VERB, "named after the quote"), (_AFTER_VERB_NAME, "named after the quote")):
        m = pattern.match(after)
        if m:
            return _from_match(m, how)
    head_end = max(sentence[0], start - 1)
    head = text[sentence[0] : head_end]
    telling = _TELLING.search(head)
    if telling:
        return _attribution(telling["np"] or telling["with"], "", telling.group(0), "named before the quote")
    for _, found in _cues(text, sentence[0], head_end, last_first=True):
        return found
    m = _ACCORDING.search(text, sentence[0], sentence[1])
    if m:
        return _from_match(m, "according to")
    # "X rejected the claims, stating, '...'"; and a phrase quoted inside a sentence about
    # someone: "Education Minister Naftali Bennett 'welcomed' the vote", "President Donald
    # Trump termed the incident 'an act of pure evil.'" (news clusters): its subject.
    if _PARTICIPLE.search(head) or head.strip():
        subject = _subject(head) if head[:1].isupper() else None
        if subject:
            return Attribution(subject, subject, "subject of the sentence")
    return UNATTRIBUTED


def _from_match(m: re.Match[str], how: str) -> Attribution:
    return _attribution(m["np"], m.groupdict().get("appos") or "", m.group(0), how)


_ROLE_THEN_NAME = re.compile(rf"^.*\b(?:{'|'.join(sorted(ROLE_WORDS))})\s+(?P<name>{PROPER_NAME})$")


def _attribution(np: str, appos: str, cue: str, how: str) -> Attribution:
    np, appos, cue = clean_name(np), clean_name(appos), cue.strip(" ,;:—–-")
    named = _ROLE_THEN_NAME.match(np)
    if named and np[:1].isupper():
        np = named["name"]  # "Pittsburgh coach Mike Tomlin": the name after the role
    if _PRONOUN_ONLY.match(np):
        return Attribution(np, cue, "pronoun")
    if appos and PROPER_NAME_RUN.fullmatch(appos) and not _is_proper(np):
        np = appos  # "his brother, Eric Paddock, told reporters"
    if not np:
        return UNATTRIBUTED
    return Attribution(np, cue, how)


def clean_name(np: str) -> str:
    """Drop sentence-opening words that are not part of the name ("But Whitlock")."""
    words = np.split()
    while words and fold(words[0]) in _NOT_NAMES and len(words) > 1 and words[1][:1].isupper():
        words.pop(0)
    if len(words) == 1 and fold(words[0]) in _NOT_NAMES:
        return ""
    # The sentence's full stop, not an abbreviation: "said Mayor Dana Whitlock." but
    # "Donald Trump Jr." and "the F.B.I." keep theirs.
    if words and words[-1].endswith(".") and len(words[-1]) > 3 and words[-1][:-1].isalpha() \
            and words[-1][:-1] not in ("Jr", "Sr") and not words[-1][:-1].isupper():
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _is_proper(np: str) -> bool:
    return bool(np) and np[0].isupper() and not _PRONOUN_ONLY.match(np)


def _subject(head: str, first_phrase: bool = False) -> str | None:
    """The person a sentence is about: its first run of two or more capitalised words,
    else its first capitalised word that is not a sentence opener. With `first_phrase`,
    the sentence's opening noun phrase, up to its first comma or verb ("A 'Wanted' poster
    for the elder Mr. Paddock"): a description when it opens with a determiner."""
    if first_phrase:
        phrase = re.split(r",|\s(?:warned|said|says|told|wrote|added|described|called|accused)\b", head.strip(), 1)[0]
        phrase = re.split(r"\s(?:for|of|to|with|from|in|at|on)\s", phrase, 1)[0].strip(" “”\"'")
        if phrase[:1].isupper() and phrase.split()[0].casefold() in ("a", "an", "the"):
            return phrase
    runs = [clean_name(m.group(0)) for m in PROPER_NAME_RUN.finditer(head)]
    runs = [r for r in runs if r]
    return next((r for r in runs if len(r.split()) > 1), runs[0] if runs else None)


def speaker_key(speaker: str) -> str:
    """What two ways of naming a speaker share: "Mr Trump", "Donald Trump" and
    "President Trump" -> "trump"; "Carney's office" stays an office."""
    words = [fold(w).strip(".,") for w in speaker.split()]
    owned = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
    if owned:
        i = owned[-1]
        return " ".join([words[i].removesuffix("'s").removesuffix("’s"), *words[i + 1 :]])
    if speaker[:1].isupper():
        if _organisation(words):
            return " ".join(w for w in words if w != "the")  # "Harwick Fire Service", not "service"
        names = [w for w in words if w not in _TITLES] or words
        return names[-1]
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def is_person_like(speaker: str) -> bool:
    """Whether "he" or "she" may refer back to this speaker: a capitalised name that is
    not an organisation's ("Police said ... he said" is not the police, news clusters)."""
    if not _is_proper(speaker):
        return False
    folded = [fold(w).strip(".,") for w in speaker.split()]
    return not _organisation(folded) and not any(w.endswith(("'s", "’s")) for w in folded)


def _organisation(words: list[str]) -> bool:
    """Whether folded name words name an organisation: its head (the last word, or the
    one before "of") is an organisation word. "Police" is; "Police Chief Troy Tanner" is not."""
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    return head in _ORGANISATION_WORDS


def is_organisation(name: str) -> bool:
    return _organisation([fold(w).strip(".,") for w in name.split()])


def is_pronoun(speaker: str) -> bool:
    return bool(_PRONOUN_ONLY.match(speaker))


def _cues(text: str, start: int, end: int, last_first: bool = False) -> list[tuple[int, Attribution]]:
    """(position, attribution) of each "<name> <verb>" between start and end."""
    verbs = list(_VERB.finditer(text, start, end))
    out = []
    for v in reversed(verbs) if last_first else verbs:
        reach = max(start, v.start() - _CUE_REACH)
        m = _NAME_BEFORE_VERB.search(text, reach, v.start()) or _NAME_AUX_BEFORE_VERB.search(text, reach, v.start())
        if m:
            cue = text[m.start() : v.end()]
            np, appos = m["np"], m["appos"] or ""
            if _OBJECT_OF.search(text, max(0, m.start() - 40), m.start()):
                if appos and PROPER_NAME_RUN.fullmatch(clean_name(appos)):
                    np = appos  # "new US ambassador to Canada, Pete Hoekstra, said" (seed 004): the place is the role's
                else:
                    # "A 'Wanted' poster for the elder Mr. Paddock warned that...", "Ehud Barak, ...
                    # as the leader of the center-left Labor Party, ... said" (news clusters): the
                    # name is a preposition's object; the sentence's subject speaks.
                    subject = _subject(text[start:v.start()], first_phrase=True)
                    if subject:
                        out.append((start, Attribution(subject, text[start:v.end()].strip(), "subject of the sentence")))
                        if last_first:
                            break
                        continue
            out.append((m.start(), _attribution(np, appos, cue, "named before the quote")))
            if last_first:
                break
    return out


@functools.lru_cache(maxsize=1 << 12)
def named(text: str) -> tuple[tuple[int, str], ...]:
    """(position, name) of every "<Name> <speech verb>" in a text, quotes or not: the
    speakers a later "he said" may refer to ("Becker said the plant would reopen. ...
    'We will rebuild,' he said")."""
    return tuple(
        (position, found.speaker) for position, found in _cues(text, 0, len(text))
        if found.speaker and found.how != "pronoun" and _is_proper(found.speaker)
    )
