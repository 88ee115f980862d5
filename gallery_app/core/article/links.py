# SPDX-License-Identifier: GPL-3.0-or-later
"""Link a gallery caption to the article paragraphs it speaks about — only on evidence.

A photo of Tikrit and a paragraph about the Iraqi foreign minister both say
"Iraq", "Iraqi" and "Islamic State"; that says they share a war, not that one
illustrates the other.  So the rule, meant to be read back to a user:

* only **specific evidence** counts: a place, a named person or unit (a
  capitalised word that does not start a sentence, or two in a row), or a
  date ("March 30");
* country names, their nationality words ("Iraqi", "Syrian") and
  ``BROAD_NAMES`` (the sides of a war: "Islamic State", "coalition", …) are
  not specific, nor is the dateline's locator ("80 miles north of Baghdad")
  or the photo credit in parentheses;
* each shared piece scores its rarity across the paragraphs,
  ``ln((N + 1) / df)``, times a weight (1.5 a name, 2 a name pair, 2.5 a
  date), and a paragraph is linked when the sum reaches ``LINK_THRESHOLD``
  times ``ln(N + 1)`` — one name found in at most two paragraphs, a name pair
  in at most three, a date in at most four; the best ``MAX_LINKS`` are kept.

When no paragraph reaches the threshold, the caller says plainly that the
gallery illustrates the article as a whole and where the gallery sits in it.
Terms found in more than ``MAX_POSTINGS`` paragraphs say nothing and are
skipped, which also keeps linking a whole gallery linear.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from gallery_app.core.captions.dates import FULL_DATE_RE, YEARLESS_DATE_RE, find_date
from gallery_app.core.captions.gazetteer import country_code

MAX_LINKS = 3
#: The declared bar, in units of ln(N + 1): see the module docstring.
LINK_THRESHOLD = 1.0
MAX_POSTINGS = 64
#: Terms of one caption beyond this many say nothing new (and cost time).
MAX_CAPTION_TERMS = 80
#: How many shared terms a reason names per paragraph.
REASON_TERMS = 3

_WORD_WEIGHT = 1.0
_NAME_WEIGHT = 1.5
_PAIR_WEIGHT = 2.0
_DATE_WEIGHT = 2.5
#: Names that only say which war or which side: shared by every story about it.
_BROAD_TEXT = """
    islamic state isis isil daesh islamist jihadi shiite shia sunni kurd kurdish arab
    muslim christian western coalition government army military police president minister
    american u.s us un nato
"""
BROAD_NAMES = frozenset(_BROAD_TEXT.split())
#: "Iraqi" -> "Iraq", "Syrian" -> "Syria", "Egyptian" -> "Egypt", "Lebanese" -> "Leban…".
_NATIONALITY_ENDINGS = (("i", ""), ("ian", "ia"), ("ian", ""), ("n", ""), ("an", ""), ("ese", ""))
_LOCATOR = re.compile(
    r"\b\d+\s+(?:miles|kilometers|kilometres|km)\s+(?:\w+\s+){0,2}of\s+[A-Z][\w'-]+",
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")

#: The reason given when nothing specific links a caption to the article.
NO_EVIDENCE = "no place, person, unit or date in the caption is named in the article"

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Parenthesised photo credits "(AP Photo/Khalid Mohammed, File)": the
# photographer is not what the photo shows.
# (Groups are found first and tested after, which keeps the match linear.)
_PAREN_GROUP = re.compile(r"\([^()]*\)")
_CREDIT_WORD = re.compile(r"photo|credit|getty|reuters|afp|/", re.IGNORECASE)


def _drop_credit_group(match: re.Match[str]) -> str:
    return " " if _CREDIT_WORD.search(match.group()) else match.group()


_STOP_WORDS_TEXT = """
    a about above after again against all almost also although am among an and another any are
    around as at away be because been before being below between both but by can cannot could
    did do does doing done down during each either else even ever every few for from further
    get gets got had has have having he her here hers herself him himself his how however i if
    in into is it its itself just least less like made make many may me might more most much
    must my myself near neither no nor not now of off often on once one only onto or other
    others our ours ourselves out over own per perhaps rather same say says said see seen she
    should since so some still such than that the their theirs them themselves then there
    these they this those though through thus to too toward towards under until up upon us
    very was we were what whatever when where whether which while who whom whose why will with
    within without would yet you your yours yourself two three four five six seven eight nine
    ten first second third new last next don't didn't doesn't isn't wasn't can't won't it's
    there's mr mrs ms
    photo photos file image images picture pictures shows show shown seen credit associated
    press ap getty reuters afp epa caption
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    day days week weeks month months year years
"""
#: Function words, plus words every photo caption has (agency, "file photo",
#: weekdays, months) and that therefore tie a caption to nothing in particular.
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


@dataclass(frozen=True)
class _Term:
    display: str
    weight: float


def _key(word: str) -> str:
    """Lower-case word with the possessive and a plural ending cut off."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("shes", "ches", "xes", "sses")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    return w


def _starts_sentence(text: str, at: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, at - 3) : at]))


def _is_broad(key: str) -> bool:
    """A country, its nationality word ("Iraqi", "Syrian") or a ``BROAD_NAMES`` word."""
    if key in BROAD_NAMES or country_code(key) is not None:
        return True
    for ending, restore in _NATIONALITY_ENDINGS:
        if key.endswith(ending) and country_code(key[: len(key) - len(ending)] + restore):
            return True
    return False


def _terms(text: str, limit: int | None = None) -> dict[str, _Term]:
    """Specific evidence in ``text`` by key: names, name pairs and dates."""
    text = _LOCATOR.sub(" ", text)
    terms: dict[str, _Term] = {}
    for match in YEARLESS_DATE_RE.finditer(text):
        month = match.group("m")[:3].lower()
        terms[f"date {month} {int(match.group('d'))}"] = _Term(match.group(0), _DATE_WEIGHT)
    for match in FULL_DATE_RE.finditer(text):
        taken, _ = find_date(match.group(0))
        if taken is not None:
            day = taken.value
            terms[f"date {day.strftime('%b').lower()} {day.day}"] = _Term(
                f"{day.strftime('%B')} {day.day}", _DATE_WEIGHT
            )
    prev: tuple[str, str, int] | None = None  # key, surface, end of the last name word
    for match in _TOKEN.finditer(text):
        if limit is not None and len(terms) >= limit:
            break
        surface = match.group()
        key = _key(surface)
        if (
            len(key) < 3
            or key in STOP_WORDS
            or surface.lower() in STOP_WORDS
            or not surface[0].isupper()
            or _starts_sentence(text, match.start())
        ):
            prev = None
            continue
        broad = _is_broad(key)
        if not broad:
            terms.setdefault(key, _Term(surface, _NAME_WEIGHT))
        if prev is not None and text[prev[2] : match.start()] == " ":
            pair = f"{prev[0]} {key}"
            if not broad and not _is_broad(prev[0]) and pair not in BROAD_NAMES:
                terms.setdefault(pair, _Term(f"{prev[1]} {surface}", _PAIR_WEIGHT))
        prev = (key, surface, match.end())
    return terms


class ParagraphIndex:
    """Which paragraphs hold which piece of evidence, built once per article."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.count = len(paragraphs)
        self.postings: dict[str, list[int]] = {}
        for index, paragraph in enumerate(paragraphs):
            for key in _terms(paragraph):
                self.postings.setdefault(key, []).append(index)

    def relate(self, caption: str) -> tuple[tuple[int, ...], str]:
        """Paragraph indices linked to ``caption``, best first, and why in words."""
        caption_terms = _terms(_PAREN_GROUP.sub(_drop_credit_group, caption), MAX_CAPTION_TERMS)
        scores: dict[int, float] = {}
        shared: dict[int, list[tuple[float, str]]] = {}
        for key, term in caption_terms.items():
            posting = self.postings.get(key)
            if not posting or len(posting) > MAX_POSTINGS:
                continue
            value = term.weight * math.log((self.count + 1) / len(posting))
            for index in posting:
                scores[index] = scores.get(index, 0.0) + value
                shared.setdefault(index, []).append((value, term.display))
        bar = LINK_THRESHOLD * math.log(self.count + 1)
        related = [index for index, score in scores.items() if score >= bar - 1e-9]
        related.sort(key=lambda index: (-scores[index], index))
        chosen = tuple(related[:MAX_LINKS])
        if not chosen:
            return (), NO_EVIDENCE
        parts = [f"{_quoted(shared[index])} with paragraph {index + 1}" for index in chosen]
        return chosen, "names " + "; ".join(parts)


def _quoted(shared: list[tuple[float, str]]) -> str:
    """The strongest shared terms, a name pair hiding the words inside it."""
    ranked = sorted(shared, key=lambda item: -item[0])
    pairs = {word for _, name in ranked if " " in name for word in name.split(" ")}
    names: list[str] = []
    for _, name in ranked:
        if (" " in name or name not in pairs) and name not in names:
            names.append(name)
        if len(names) == REASON_TERMS:
            break
    return ", ".join(f"'{name}'" for name in names)


def relate(caption: str, paragraphs: Sequence[str]) -> tuple[tuple[int, ...], str]:
    """Indices (from 0) of the paragraphs most related to ``caption``, best first.

    The reason counts paragraphs from 1, as a reader does: "names 'Tikrit',
    'March 30' with paragraph 4".  To link many captions to one article,
    build a ``ParagraphIndex`` once and call its ``relate``.
    """
    return ParagraphIndex(paragraphs).relate(caption)
