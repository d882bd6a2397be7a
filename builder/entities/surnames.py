"""Rule 6 of alias merging (builder/entities/aliases.py): a name's short form to the
full name, mention by mention.

A surname joins the full name named in the same article (news names a person in full,
then by surname), else the one full name in the corpus; a company's first word joins
its full name ("Goldman" is Goldman Sachs); a team's last word joins it when what comes
before is a place ("the Bears" are the Chicago Bears). When two full names fit, the
short form stays an entity of its own and the index says which names it could mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

from .extract import Found
from .names import is_acronym, most_common, tokens


def resolve(groups: dict[str, list[Found]], members: dict[str, list[str]], votes: dict[str, dict[str, float]],
            kind: Mapping[str, str], root_kind: Mapping[str, str], find: Callable[[str], str],
            attached: dict[int, str], common_words: frozenset[str],
            titles: Mapping[str, frozenset[str]], local: set[int]) -> dict[str, set[str]]:
    """Attach short forms to full names (into `attached`: Found.order -> root; those
    that joined a full name their own article names into `local`); return, for short
    forms left apart, the full names they could mean."""
    last: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)
    for root, keys in members.items():
        if root_kind[root] == "person":
            # A first name alone is weak evidence: only a name the model mostly calls a
            # person takes it ("Telegram X", tagged PERSON once, is not Telegram's; cluster 57).
            surely = sum(votes[k].get("PERSON", 0) for k in keys) * 2 > sum(sum(votes[k].values()) for k in keys)
            for words in (tokens(k) for k in keys):
                if len(words) >= 2:
                    last[words[-1]].add(root)
                    if surely:
                        first[words[0]].add(root)
        elif root_kind[root] == "organisation":
            words = tokens(max(keys, key=lambda k: (len(groups[k]), k)))  # its usual spelling
            if len(words) < 2:
                continue
            # "Chicago Bears" are "the Bears": a place, then the name (news cluster 43). "Big Apple"
            # is not Apple's full name, nor "Reuters Japan" Japan's (news clusters).
            if kind.get(" ".join(words[:-1])) == "place":
                last[words[-1]].add(root)
            # "Goldman Sachs" is "Goldman" (news cluster 24); "Apple Store" is not "Apple": the
            # corpus writes "store" in lower case, so it is a thing of Apple's.
            if len(words) == 2 and words[1] not in common_words and kind.get(words[1]) != "place":
                first[words[0]].add(root)  # ("Reuters Japan" is Reuters' office, not Reuters)
            elif len(words) >= 3 and words[1] == "of":
                first[words[0]].add(root)  # "the House" is the House of Commons (seed 004)
    in_article: dict[str, set[str]] = defaultdict(set)
    for k, fs in groups.items():
        root = find(k)
        for article in {f.mention.article for f in fs if f.order not in attached}:
            in_article[article].add(root)
    for article, named in titles.items():  # "Chicago Bears fire coach John Fox": the title names them in full
        in_article[article].update(find(k) for k in named if k in groups)
    shown: dict[str, str] = {}  # root -> the name most seen, made when asked for
    named_in: dict[str, int] = {}  # root -> how many articles name it, made when asked for

    def articles(root: str) -> int:
        if root not in named_in:
            named_in[root] = len({f.mention.article for k in members[root] for f in groups[k]})
        return named_in[root]

    def shown_name(root: str) -> str:
        if root not in shown:
            shown[root] = most_common(f.name for k in members[root] for f in groups[k])
        return shown[root]

    ambiguous: dict[str, set[str]] = defaultdict(set)
    for root, keys in members.items():
        if any(len(tokens(k)) != 1 for k in keys):
            continue
        # A word no full name starts or ends with joins nothing: passed over first.
        words = {k: tokens(k)[0] for k in keys if tokens(k)[0] in last or tokens(k)[0] in first}
        if not words or is_acronym(shown_name(root)):
            continue
        for k, word in words.items():
            # A company's first word, or a team's last, joins its full name elsewhere in the
            # corpus only when that full name is named as widely: "Google", in a hundred BBC
            # articles, is not "Google AdSense", named in one, nor "England" "Scotland
            # England", a fixture list tagged ORG; "Goldman" is Goldman Sachs (news cluster 24).
            alone = len({f.mention.article for f in groups[k]})
            wide = {r for r in first.get(word, set()) | last.get(word, set())
                    if root_kind[r] == "organisation" and articles(r) >= alone}
            # What a mention joins depends only on its article and whether the model called
            # it a person: worked out once per pair of those, not per mention.
            seen: dict[tuple[str, bool], tuple[str | None, set[str]]] = {}
            for f in groups[k]:
                if f.order in attached:
                    continue
                where = (f.mention.article, f.mention.label == "PERSON")
                if where not in seen:
                    here = in_article[f.mention.article] - {root}
                    seen[where] = _resolve(word, where[1], kind[k], root_kind, last, first, here, wide)
                target, options = seen[where]
                if target:
                    attached[f.order] = target
                    if target in in_article[f.mention.article]:
                        local.add(f.order)
                elif len(options) > 1:
                    ambiguous[root].update(shown_name(o) for o in options)
    return ambiguous


# The share of a short form's mentions that must have joined one full name, in the
# articles that name it in full, for the rest to join it too.
SETTLED_SHARE = 0.5


def settled(groups: dict[str, list[Found]], attached: dict[int, str], local: set[int]) -> None:
    """One sense per corpus: a short form that, wherever an article also names a full
    name it fits, joined one and the same full name, in two articles or more and for
    most of its mentions, means that name where no article says (seed 003 calls Mark
    Carney "Carney" seven times, read by the model as a place, and never names him in
    full; the four other seeds name him in full, and their 30 "Carney"s joined him).
    Joins across articles do not count: on BBC, "Gerrard" the stockbroker is not Steven
    Gerrard, and "Ireland" joined James Ireland only in the one article naming him."""
    for fs in groups.values():
        targets = {attached[f.order] for f in fs if f.order in attached}
        if len(targets) != 1:
            continue
        here = [f for f in fs if f.order in local]
        if len(here) < len(fs) and len(here) >= SETTLED_SHARE * len(fs) \
                and len({f.mention.article for f in here}) >= 2:
            target = next(iter(targets))
            for f in fs:
                attached.setdefault(f.order, target)


def first_names(groups: dict[str, list[Found]], members: dict[str, list[str]], root_kind: Mapping[str, str],
                find: Callable[[str], str], attached: dict[int, str]) -> None:
    """A first name alone joins the one person of that first name whom its article
    names by surname or in full (seed 003: "Trump later called the prime minister by
    his first name Mark", in an article that calls him Carney throughout)."""
    by_first: dict[str, set[str]] = defaultdict(set)
    for root, keys in members.items():
        if root_kind[root] == "person":
            for words in (tokens(k) for k in keys):
                if len(words) >= 2:
                    by_first[words[0]].add(root)
    if not by_first:
        return
    named_in: dict[str, set[str]] = defaultdict(set)  # article -> person roots it names
    for k, fs in groups.items():
        for f in fs:
            root = attached.get(f.order) or find(k)
            if root_kind.get(root) == "person":
                named_in[f.mention.article].add(root)
    for k, fs in groups.items():
        words = tokens(k)
        if len(words) != 1 or root_kind.get(find(k)) != "person" or len(by_first.get(words[0], ())) != 1:
            continue
        target = next(iter(by_first[words[0]]))
        for f in fs:
            if f.order not in attached and target in named_in[f.mention.article] and f.mention.label == "PERSON":
                attached[f.order] = target


def _resolve(word: str, said_person: bool, group_kind: str, root_kind: Mapping[str, str],
             last: dict[str, set[str]], first: dict[str, set[str]], here: set[str],
             wide: set[str]) -> tuple[str | None, set[str]]:
    """`here`: the roots named in the mention's article; `wide`: the companies
    and teams whose first or last word this is that may take it anywhere in the corpus."""
    by_last = set(last.get(word, ()))
    # A first name alone is a person only where the model said so; a company's first
    # word only where the short form is itself an organisation ("Nice" is a city).
    by_first = {r for r in first.get(word, ())
                if (root_kind[r] == "person" and said_person)
                or (root_kind[r] == "organisation" and group_kind == "organisation")}
    # The same article first: news names a person in full, then by surname.
    for options in (by_last & here, by_first & here):
        if len(options) == 1:
            return next(iter(options)), options
        if options:
            return None, options
    # Elsewhere in the corpus: a person's surname only when the model reads the short
    # form as a person more than as anything else, and this mention as a person
    # ("Washington" the city is not George Washington; on BBC, "Ireland", a place in
    # 107 articles and a person once, is not James Ireland, named once, nor "chief
    # economist at Gerrard", the stockbroker, Steven Gerrard); no first names.
    person_vote = group_kind == "person" and said_person
    corpus = {r for r in by_last if (person_vote if root_kind[r] == "person" else r in wide)}
    corpus |= by_first & wide
    if len(corpus) == 1:
        return next(iter(corpus)), corpus
    return None, corpus
