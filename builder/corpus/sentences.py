"""Where sentences end: the rule the titles, the cleaning and the analyses all read with.

spaCy's rule-based `sentencizer` was the first choice (issue 4) and is the reference:
a sentence ends after a sentence-final token. But its cost is spaCy's tokenizer, which
it needs only to know which full stops end a word like "Mr." or "Nev.": 130,000 words
a second on the news clusters, so some 20 s of the 30 s budget for 10,000 articles
(2.8 million words, benchmarks/analysis_scale.py); pysbd was ten times slower still.
So the rule is applied here with a regular expression over the abbreviations spaCy's
English tokenizer knows (`ABBREVIATIONS`, copied from spaCy 3.8's
`tokenizer_exceptions`: a test checks the copy), plus initials and dotted acronyms
("J.", "U.S.", "F.B.I."). Three differences from the sentencizer, all on purpose: the
next sentence must open with a capital, a digit or a quotation mark ("p.m. on Tuesday"
never splits), an opening quotation mark after a full stop opens the next sentence
(the sentencizer left `he said. "` behind, news clusters), and an exclamation or a
question inside a quotation that the sentence goes on after ("bellow ``You resign! You
resign!'' at Speaker-elect Robert Livingston when ...") ends nothing: 20 paragraphs of
DUC 2004, the news clusters and BBC, each now one sentence. On the 7,464 paragraphs of
the news clusters the two split 91% of paragraphs alike, 97.6% once the sentencizer's
stray opening quotation marks are set right; the rest is mostly tweet embeds and "..."
(tests/test_analysis_corpora.py compares them).
"""

from __future__ import annotations

import re

# The abbreviations of spaCy 3.8's English tokenizer exceptions that end in a full
# stop, less those `_INITIALS` matches anyway ("a.m.", "U.S.", "D.C.").
SPACY_ABBREVIATIONS = frozenset(
    """Adm. Ak. Ala. Apr. Ariz. Ark. Aug. Bros. Calif. Co. Colo. Conn. Corp. Dec. Del. Dr. Feb.
    Fla. Ga. Gen. Gov. Ia. Id. Ill. Inc. Ind. Jan. Jr. Jul. Jun. Kan. Kans. Ky. La. Ltd. Mar. Mass. Md.
    Messrs. Mich. Minn. Miss. Mo. Mont. Mr. Mrs. Ms. Mt. Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa.
    Ph.D. Prof. Rep. Rev. Sen. Sep. Sept. St. Tenn. Va. Wash. Wis. co. vs. 10a.m. 10p.m. 11a.m. 11p.m.
    12a.m. 12p.m. 1a.m. 1p.m. 2a.m. 2p.m. 3a.m. 3p.m. 4a.m. 4p.m. 5a.m. 5p.m. 6a.m. 6p.m. 7a.m.
    7p.m. 8a.m. 8p.m. 9a.m. 9p.m. ._. °C. °F. °K. °c. °f. °k. ä. ö. ü.""".split()
)
# Abbreviations spaCy's exceptions lack that news writes before a capital or a number.
EXTRA_ABBREVIATIONS = frozenset(
    "No. Nos. Ft. Lt. Col. Capt. Sgt. Supt. Insp. Det. Cpl. Pvt. Sr. Fig. Vol. Art. Sec. approx. cf.".split()
)
ABBREVIATIONS = SPACY_ABBREVIATIONS | EXTRA_ABBREVIATIONS
# The next sentence may open with a quotation mark, newswire's `` included. Or it is
# glued to the full stop, as pasted text loses the space: "...back to Earth for
# tests.The ability to identify" (news clusters: 21 such; BBC: 6), after a word of at
# least three lower-case letters and before a capitalised word that does not go on as
# an address ("Halo.Bungie.Org", "Agency.Com"); not after "!" ("Yahoo!Japan"), nor
# before a word in capitals ("Bagle.AT", a virus's name: BBC).
_SPACED = r"(?:\.\.\.|[.!?…])+[\"'”’»)\]]*(?=\s+(?:``|[\"'“‘«(\[])*[A-Z0-9])"
_END = re.compile(_SPACED)
_END_OR_GLUED = re.compile(
    _SPACED + r"|[.?](?<=[a-z]{3}[.?])(?=[A-Z][a-z]+\b(?![.@/]\w)(?<!Com)(?<!Org)(?<!Net)(?<!Gov)(?<!Edu))"
)
# Most texts have no glued sentence: the expression that also finds one (slower by half)
# reads only those that may.
_MAYBE_GLUED = re.compile(r"[.?][A-Z][a-z]")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")  # "J.", "U.S.", "p.m."


def split(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans (start, end) of a text, whitespace trimmed."""
    spans = []
    start = 0
    for m in (_END_OR_GLUED if _MAYBE_GLUED.search(text) else _END).finditer(text):
        if text[m.start()] == "." and m.group(0)[:3] != "...":
            word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            word = text[word_start : m.start() + 1].lstrip("(\"'“‘«[")
            if word in ABBREVIATIONS or _INITIALS.fullmatch(word):
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return _quoted_outbursts(text, _trim(text, spans))


# A quotation's closing mark, after which the sentence goes on in lower case.
_GOES_ON = re.compile(r",?\s+[a-z]")


def _quoted_outbursts(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """An exclamation or a question inside a quotation does not end the sentence when the
    quotation then closes and the sentence goes on in lower case: "... did not hesitate
    to bellow ``You resign! You resign!'' at Speaker-elect Robert Livingston when ..."
    (DUC 2004), "“Where the hell did he get automatic weapons? He has no military
    background or anything like that,” the brother said." (news clusters). A full stop
    inside a quotation still ends one, as spaCy's sentencizer has it."""
    if not any(text[end - 1] in "!?" for _, end in spans[:-1]):
        return spans  # most paragraphs: no sentence but the last ends on one
    opened = _quotes_open(text, [end for _, end in spans])
    out: list[tuple[int, int, bool]] = []  # (start, end, an outburst inside a quotation)
    for (start, end), quoted in zip(spans, opened, strict=True):
        outburst = quoted and text[end - 1] in "!?"
        if out and out[-1][2] and _closes_and_goes_on(text, start, end):
            # Back to where the quotation opened: "... read "Mrs. Merkel: Where are you?
            # What are you saying? This worries us!" during a protest ..." (news clusters).
            while len(out) > 1 and out[-2][2]:
                out.pop()
            out[-1] = (out[-1][0], end, outburst)
        else:
            out.append((start, end, outburst))
    return tuple((start, end) for start, end, _ in out)


def _quotes_open(text: str, ends: list[int]) -> list[bool]:
    """For each place in `ends` (ascending), whether a quotation opened before it is not
    closed by then: the last curly or newswire mark before it opens one, or the straight
    double quotes before it are odd in number. One pass over the text: a hostile
    paragraph of "Yes! Yes! ..." has as many ends as words."""
    out = []
    pos = 0
    last = {"“": -1, "”": -1, "``": -1, "''": -1}
    straight = 0
    for end in ends:
        for mark in last:  # a two-character mark may start just before `pos`
            at = text.rfind(mark, max(0, pos - len(mark) + 1), end)
            if at > last[mark]:
                last[mark] = at
        straight += text.count('"', pos, end)
        pos = end
        out.append(last["“"] > last["”"] or last["``"] > last["''"] or straight % 2 == 1)
    return out


def _closes_and_goes_on(text: str, start: int, end: int) -> bool:
    """The first quotation mark of text[start:end] closes the open quotation (no mark
    opens another before it) and lower-case words follow it."""
    sentence = text[start:end]
    marks = [(i, mark) for mark in ("''", "”", '"', "``", "“") if (i := sentence.find(mark)) >= 0]
    if not marks:
        return False
    at, mark = min(marks)
    return mark not in ("``", "“") and _GOES_ON.match(sentence, at + len(mark)) is not None


def _trim(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)
