"""The phrases and shapes cleaning recognises, in one place so they can be reviewed.

Each pattern cites the seed or corpus that made it necessary.
"""

from __future__ import annotations

import re

# Wire services and outlets that sign articles off ("ABC/wires", seed 000) or put
# themselves in datelines ("OTTAWA (Reuters) -"). Names only; no outlet is guessed.
AGENCIES: dict[str, str] = {
    "ap": "Associated Press", "associated press": "Associated Press",
    "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "dpa": "dpa",
    "cp": "The Canadian Press", "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press", "pa": "PA Media", "pa media": "PA Media",
    "bloomberg": "Bloomberg", "cnn": "CNN", "abc": "ABC", "bbc": "BBC", "cbc": "CBC",
    "nbc": "NBC", "cbs": "CBS", "upi": "UPI", "xinhua": "Xinhua", "aap": "AAP",
    "ians": "IANS", "pti": "PTI", "ani": "ANI", "anadolu": "Anadolu",
}

# "Associated Press writer Jane Doe in Ottawa contributed to this report." (seed 003)
CREDIT = re.compile(
    r"""^(?:
        (?P<agency>[A-Z][\w.&' -]{1,40}?)\s+(?:writers?|reporters?|correspondents?|staff)\b.*\bcontributed\b
      | .{0,120}\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)
      | (?:additional\s+)?reporting\s+by\b
      | (?:writing|editing|compiled|produced)\s+by\b.{0,160}$
      | with\s+(?:files|reporting)\s+from\b
      | this\s+(?:story|article|report)\s+(?:was|has\s+been)\s+(?:updated|corrected|amended)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# "ABC/wires" (seed 000), "Reuters/AFP", "— AP", "(CNN)".
SIGN_OFF = re.compile(
    r"^[—–-]*\s*\(?(?P<first>[A-Za-z][A-Za-z.&' ]{0,30}?)\)?(?:\s*/\s*(?:wires?|agencies|[A-Za-z.&' ]{1,30}))+\s*$"
    r"|^[—–-]+\s*\(?(?P<dash>[A-Za-z][A-Za-z.&' ]{0,30}?)\)?\s*$",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)

# Headings that introduce lists of other stories (seed 002: "You may also like").
LINK_LIST_HEADING = re.compile(
    r"^(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|(?:more|related|recommended|popular|trending|top|latest)\s+(?:stories|articles|news|reads?|links|content|videos?|coverage)"
    r"|more\s+(?:from|on|in)\s+.{1,40}|related(?:\s+(?:topics|coverage|reading))?|recommended(?:\s+for\s+you)?"
    r"|most\s+(?:read|popular|viewed|shared)|what\s+to\s+read\s+next|read\s+next|editor'?s\s+picks?"
    r"|(?:also|further)\s+read(?:ing)?|elsewhere\s+on\s+.{1,40}|around\s+the\s+web|trending\s+now|in\s+case\s+you\s+missed\s+it"
    r"|sponsored(?:\s+(?:content|stories|links))?|promoted\s+stories|from\s+our\s+partners)\s*:?$",
    re.IGNORECASE,
)

# Promo and navigation lines found anywhere in pasted text ("Read more: ...",
# news-clusters passim). A line must *start* with the phrase and be short, or be
# followed by a colon, so "Related issues were raised" survives.
PROMO = re.compile(
    r"""^(?:
        read\s+more|also\s+read|read\s+also|see\s+also|related|more|watch|listen|recommended
      | advertisement|sponsored|click\s+here|tap\s+here|share\s+(?:this|on|via)|share
      | subscribe|sign\s+up|follow\s+us|like\s+us\s+on|scroll\s+down\s+for
      | download\s+(?:our|the)\s+app|get\s+(?:our|the)\s+(?:newsletter|app)|join\s+(?:our|the)\s+(?:newsletter|mailing)
      | (?:image|photo|picture|video)(?:\s+(?:copyright|caption|credit|source))?
      | continue\s+reading|story\s+continues(?:\s+below)?|skip\s+(?:advert|ad)|(?:this|the)\s+article\s+continues
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
PROMO_MAX_WORDS = 14
# "Follow James Dean on Twitter: @jd" as a line of its own is a promotion; "Follow her
# on Twitter at @brookefoxnews." or "Follow Walker on Twitter at @RWalkerTandd for
# insight on the cops beat." (news events corpus) is the article's own sentence. Only
# the phrase alone, or with a colon or dash and a handle or link after it, is a promotion.
FOLLOW = re.compile(
    r"^follow\s+(?:@?[\w.]+\s+){1,3}on\s+(?:twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
FOLLOW_REST = re.compile(r"\s*(?:[:|»>›–—-]\s*(?:@[\w.]+|https?://\S+)?)?\s*", re.IGNORECASE)

# Preamble lines (seed 003 opens with " date 2025-03-28"). Without a colon only a
# date key followed by something with digits counts ("Updated figures show..." is text).
PREAMBLE = re.compile(
    r"^(?P<key>date|published|posted|updated|last\s+updated|by|author|source|outlet|url|title|filed)"
    r"(?:\s+on)?\s*(?P<sep>[:=])?\s+(?P<value>.+)$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^(?:[Bb]y|BY)\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)\s*$")

SEPARATOR = re.compile(r"^(?:[_\-*=~#•·]\s*){3,}$")

# "WASHINGTON, D.C. —" (seed 001), "OTTAWA (Reuters) -", "NEW YORK (AP) —", two places
# ("TOKYO/SEOUL (Reuters) -"), or the agency alone ("(CNN) Uma Thurman is ...",
# "(Reuters) - A Tokyo-bound jet ...": news clusters; the rule takes that form only
# for an agency of `AGENCIES`).
DATELINE = re.compile(
    # "FILE - In this photo..." opens AP photo captions, not a dateline.
    r"^(?!FILE\b)(?P<place>[A-Z][A-Z.'’\-]+(?:(?:\s+|/)[A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})?)"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{1,30})\))?\s*[—–-]{1,2}\s+(?=\S)"
    r"|^(?P<place2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:,\s*[A-Z][\w.]+(?:\s+[\w.]+){0,2})?)\s*\((?P<agency2>[A-Za-z][A-Za-z .&]{1,30})\)\s*[—–-]{1,2}\s+(?=\S)"
    r"|^\((?P<agency3>[A-Za-z][A-Za-z .&]{1,30})\)(?:\s*[—–-]{1,2})?\s+(?=[A-Z0-9\"“‘])"
)

HEADLINE_MAX_WORDS = 25
# What a double paste looks like (seed 002): a paragraph of at least this many words
# seen before, or a run of at least PASTE_RUN_BLOCKS blocks and PASTE_RUN_WORDS words
# repeating an earlier run in order. Seed 002's shortest repeated paragraph has 14
# words; a meal plan's repeated lines ("Breakfast: overnight oats with berries") fewer.
LONG_PARAGRAPH_WORDS = 12
PASTE_RUN_BLOCKS = 3
PASTE_RUN_WORDS = 30
# A headline and its standfirst on one line before the dateline (seed 001: 33 words).
STANDFIRST_MAX_WORDS = 80
SUBHEADING_MAX_WORDS = 10

# A statement of a page's script: it opens with a script keyword or a global object
# and has the punctuation of code ("window._taboola = window._taboola || [];").
SCRIPT = re.compile(
    r"^\s*(?:window\.|document\.|googletag\.|(?:var|let|const)\s+[\w$]+\s*=|function\s*[\w$]*\s*\(|\(function\s*\()"
    r"[^\n]{0,2000}?[;{]"
)

# A page's label run into the text it introduces: CNN's "Story highlights Heavy winds
# earlier forced the plane to change course" (news clusters).
LABEL = re.compile(r"^Story\s+highlights\b[\s:]*(?=\S)", re.IGNORECASE)

# Blocks that are boilerplate whatever their length (news-clusters: the New York Times'
# "Newsletter Sign Up Continue reading the main story ...", the BBC's "Image copyright
# Getty Images Image caption ...").
STRONG_PROMO = re.compile(
    r"^(?:newsletter\s+sign[\s-]*up|image\s+copyright|advertisement\s+continue\s+reading|play\s+slideshow)\b",
    re.IGNORECASE,
)

# Photo captions: AP's "FILE - In this Dec. 13, 2016, file photo, ...", and text that
# ends in a picture credit ("... Dado Ruvic/Reuters", "(Getty Images)", "(AP Photo/Jae C. Hong)").
_AGENCY_CREDIT = r"(?:Getty(?:\s+Images)?|Reuters|AP|AFP|EPA|PA|Alamy|WireImage|Xinhua|Shutterstock|Bloomberg|NurPhoto|Anadolu)"
_MONTH_WORD = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
CAPTION = re.compile(
    r"^FILE\s*[-–—]\s+"
    r"|\((?:AP\s+)?Photo(?:graph)?s?\s*[:/][^)]{0,80}\)\s*$"
    r"|\(" + _AGENCY_CREDIT + r"(?:\s+via\s+[^)]{1,40})?\)\s*$"
    r"|\([\w.' ,-]{2,60}/\s*" + _AGENCY_CREDIT + r"\)\s*$"
    r"|(?:Photograph|Photo|Picture|Image)s?:\s*[\w.' -]{2,60}(?:/[\w.' -]{2,40})+\s*$"
    r"|\b[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*/\s*(?:[\w.' ]+\s+via\s+)?" + _AGENCY_CREDIT + r"\s*$"
    # A gallery's picture: "... (Kabul, March 1, 2002) Paula Bronstein" (news clusters,
    # whose dates were timeline events): the place and date taken, then the photographer.
    r"|\([A-Z][^()]{1,60},\s*" + _MONTH_WORD + r"\s+\d{1,2},\s+\d{4}\)\.?\s*"
    r"(?:All\s+photos\s+)?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}\s*$",
)

# A photo gallery pasted as text: CNN's "... Hide Caption 3 of 25 Photos: <gallery
# title> <caption> ..." runs every caption of the gallery into one block (news-clusters).
GALLERY = re.compile(r"\bHide\s+Caption\s+\d+\s+of\s+\d+\b", re.IGNORECASE)

# A video player pasted with the text: USA Today's "CLOSE Sheila E. says ... (Feb. 4) AP"
# (the player's close button, then its caption), CNBC's "Ripple's XRP just soared more
# than 30% 11:03 AM ET Fri, 29 Dec 2017 | 00:40" (a teaser closed by its running time).
# And an expandable panel, whatever its length: the Guardian's "Q&A What is bitcoin and
# is it a bad investment? Show Hide Bitcoin is the first, ..." (news clusters).
VIDEO = re.compile(r"^CLOSE\s+(?=[A-Z“\"‘'])|\|\s*\d{1,2}:\d{2}\s*$")
PANEL = re.compile(r"\bShow\s+Hide\b")

# Dates as date lines and preambles write them, with day, month and year: "2025-03-28"
# (seed 003), "Tuesday, July 2, 2013", "3 July 2013", "April 10, 2007", "2016-05-30 09:53".
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
FULL_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}"
    r"|\d{4}/\d{1,2}/\d{1,2}"
    r"|\d{4}\.\d{2}\.\d{2}(?!\d))"  # "2017.12.30" (a news aggregator's line)
)
_DATE_KEYS = r"(?:date|dated|published|posted|updated|last\s+updated|first\s+published|last\s+modified|modified|filed)"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|\d{4}(?=\s+[A-Z]{2,4}\b))"
_ZONE = r"(?:[A-Z]{1,4}T|UTC|GMT|Z|HKT|IST|SGT|JST|AEST|AEDT|ACST|AWST|NZST|NZDT|CEST|EEST|[+-]\d{2}:?\d{2})"
# What may stand beside the date in a line that says only when the article appeared:
# weekdays, times and zones, "Published", "Last updated at", separators.
DATE_LINE_FILLER = re.compile(
    rf"^(?:\s|[|•·,:;()\[\]/–—-]|{WEEKDAY}(?![\w])|{_DATE_KEYS}\b|(?:on|at|by)\b|{_TIME}|{_ZONE}\b)*$",
    re.IGNORECASE,
)
DATE = re.compile(FULL_DATE, re.IGNORECASE)
DATE_LINE_MAX_WORDS = 16

# A preamble key and date before other text on the same line: " date 2025-03-28 The
# U.S. president, in his post, said..." (seed 003), or after a headline: "Killing of
# gorilla sparks outrage Updated: 2016-05-30 09:53 (Agencies)" (news clusters).
INLINE_DATE = re.compile(
    rf"(?:^|(?<=\s)|(?<=\|))(?P<key>{_DATE_KEYS})(?:\s+(?:on|at))?\s*[:=]?\s*(?P<date>{FULL_DATE})"
    rf"(?P<time>(?:,?\s*(?:at\s+)?{_TIME})?(?:\s*{_ZONE}\b)?(?:\s*\({_TIME}\s*{_ZONE}\))?)"
    r"(?:\s*\((?P<source>[A-Za-z][\w .&'-]{1,40})\))?",
    re.IGNORECASE,
)
# A line saying the article was published or updated (with a date somewhere in it).
DATE_KEY = re.compile(r"\b(?:published|updated|posted|first\s+published|last\s+modified)\b", re.IGNORECASE)
# A title, a dash and a date: "News With Ed -- October 2, 2017" (news clusters).
TITLE_DASH_DATE = re.compile(rf"^(?P<head>.+?)\s+(?:--|[—–])\s+(?P<date>{FULL_DATE})\s*$", re.IGNORECASE)
# A print-edition line ending an article: "(China Daily 10/03/2017 page4)": month first,
# as the papers that print such lines write it.
PRINT_LINE = re.compile(r"^\((?P<outlet>[A-Z][\w .&'-]{1,40}?)\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\s+page\s*\d+\)$")
