"""The roles the text gives a person: "Conservative leader Pierre Poilievre",
"Dominic LeBlanc, Canada's minister of international trade, said".

Two shapes cover most news writing: a title phrase just before the name, and an
appositive between commas just after it. Both are read from the surface text; the
dependency parser would find appositives too, but it is excluded from the pipeline
for speed (builder/entities/nlp.py), and these two rules are what news style uses.
A phrase counts as a role only when it holds a role word, so "said Tuesday" or
"45," never become one.
"""

from __future__ import annotations

import re

from .names import normalise

# Words that make a phrase a role. Lowercase; matched case-insensitively.
ROLE_WORDS = frozenset("""
leader president minister secretary premier chancellor senator governor mayor
ambassador commissioner spokesman spokeswoman spokesperson chief ceo cfo coo gm
chairman chairwoman chair director founder cofounder co-founder head executive
officer judge justice attorney lawyer prosecutor general commander colonel captain
sergeant lieutenant detective inspector coach quarterback player striker goalkeeper
manager analyst economist professor researcher scientist editor reporter journalist
correspondent columnist author actor actress singer rapper musician star model host
candidate lawmaker legislator congressman congresswoman representative rep sen gov
mp mla mpp deputy adviser advisor aide strategist official diplomat envoy negotiator
king queen prince princess pope bishop archbishop rabbi imam cleric pastor priest
owner partner president-elect speaker whip critic member treasurer governor-general
astronaut engineer pilot driver teammate champion coordinator trainer agent insider
banker investor entrepreneur activist organiser organizer campaigner
""".split())
# Words that may stand in a role phrase before a name besides capitalised ones.
MODIFIERS = frozenset("""
former deputy acting vice interim then-former then senior junior top chief head
assistant associate executive general managing foreign finance defence defense
international trade public federal provincial state national veteran longtime
offensive defensive quarterbacks team party opposition incumbent outgoing incoming
press communications security policy campaign economic health education energy transport
labour labor treasury budget legal military government media
of for the &
""".split())
# Capitalised words that open a sentence or clause rather than a role.
_NOT_ROLE = frozenset("""
the a an and but or so as at by in on to from with without when while after before
said says told meanwhile however also then yet still even only just because since
both all each every either neither another other some many most few several
monday tuesday wednesday thursday friday saturday sunday today yesterday
january february march april may june july august september october november december
""".split())
# First words that show the phrase after a comma is a clause, not an appositive.
_CLAUSE = frozenset("""
said says say told added according who whom whose which that and but or when while
where as after before because if though although he she they it we i you his her
their its this these those there here is was were are has had have will would could
should may might did does do not also who's then so
""".split())
# Verbs that make a phrase between commas a clause.
_VERBS = frozenset("""
said says say told tells added allege alleges alleged alleging claim claims claimed
reported reports wrote writes is was were are be been has had have will would
""".split())
_APPOSITIVE_OPENERS = ROLE_WORDS | MODIFIERS | frozenset("a an his her their its our".split())
_WORD = re.compile(r"[\w'.&-]+")
MAX_ROLE_WORDS = 8
MAX_BEFORE_WORDS = 6


def before(text: str, start: int, sentence_start: int = 0) -> str:
    """The title phrase right before a name, or ""."""
    head = normalise(text[sentence_start:start]) if start > sentence_start else ""
    if not head or head.endswith((",", ";", ":", "(", '"', "-")):
        return ""
    words = _WORD.findall(head.rsplit(",", 1)[-1].rsplit('"', 1)[-1])
    if not words or _bare(words[-1]) not in ROLE_WORDS:
        return ""
    taken: list[str] = []
    for word in reversed(words):
        bare = _bare(word)
        if len(taken) >= MAX_BEFORE_WORDS:
            break
        role_like = bare in ROLE_WORDS or bare in MODIFIERS or word.endswith("'s")
        if not (role_like or (word[:1].isupper() and bare not in _NOT_ROLE)):
            break
        taken.append(word)
    taken.reverse()
    while taken and _bare(taken[0]) in ("the", "a", "an", "of", "for"):
        taken.pop(0)
    return " ".join(taken)


def after(text: str, end: int, sentence_end: int | None = None) -> str:
    """The appositive right after a name ("X, Canada's minister of trade, said"), or ""."""
    tail = text[end:sentence_end if sentence_end is not None else len(text)]
    tail = re.sub(r"^\s*'s?\b", "", normalise(tail))
    # The phrase ends at a comma, or a full stop that does not end an initial ("U.S.").
    m = re.match(r"^\s*,\s*(?:\d{1,3},\s*)?([^,;:!?()\"]+?)\s*(?:,|;|(?<!\b[A-Z])\.(?:\s|$)|$)", tail)
    if not m:
        return ""
    phrase = m.group(1).strip()
    words = _WORD.findall(phrase)
    if not words or len(words) > MAX_ROLE_WORDS or _bare(words[0]) in _CLAUSE:
        return ""
    # An appositive opens with a determiner, a possessive, a name or a role's words
    # ("the U.S. ambassador", "Canada's minister of ..."); "spoke with the President of
    # the United States" opens with a verb, and is what the person did (seed 002).
    first = words[0]
    if not (first[:1].isupper() or first.endswith("'s") or _bare(first) in _APPOSITIVE_OPENERS):
        return ""
    # The role word heads the phrase ("the U.S. ambassador to Canada"); a clause that
    # happens to hold one ("both Tarantino and the actress allege") is not a role.
    if not any(_bare(w) in ROLE_WORDS for w in words[:5]) or any(_bare(w) in _VERBS for w in words):
        return ""
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


def find(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The role the text gives the name at [start, end), if any; the nearer phrase first."""
    role = before(text, start, sentence[0]) or after(text, end, sentence[1])
    return re.sub(r"\s+'s\b", "'s", role)  # "Putin 's spokesman" (news cluster 32)


def _bare(word: str) -> str:
    return word.lower().strip(".'").removesuffix("'s")
