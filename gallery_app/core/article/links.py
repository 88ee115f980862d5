# SPDX-License-Identifier: GPL-3.0-or-later
"""Link a gallery caption to the article paragraphs it speaks about.

The rule is meant to be read back to a user, so it stays simple:

* a caption and a paragraph are cut into terms: content words (lower-cased,
  possessive and plural ending dropped, stop-words and photo/date words left
  out) and name pairs (two adjacent capitalised words, "Islamic State");
* each shared term scores its rarity across the paragraphs, ``ln((N + 1) / df)``,
  times a weight: 1 for a word, 1.5 for a word the caption capitalises (a
  name), 2 for a name pair;
* a paragraph is related when it shares at least two terms (or one name pair)
  and scores at least ``MIN_SCORE`` plain words found in that paragraph alone
  (a word in one paragraph of N scores ``ln(N + 1)``, so the bar scales with
  the article); the best ``MAX_LINKS`` are kept.

Terms found in more than ``MAX_POSTINGS`` paragraphs are too common to say
anything and are skipped, which also keeps linking a whole gallery linear.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

MAX_LINKS = 3
MIN_SCORE = 1.5
MAX_POSTINGS = 64
#: Terms of one caption beyond this many say nothing new (and cost time).
MAX_CAPTION_TERMS = 80
#: How many shared terms a reason names per paragraph.
REASON_TERMS = 3

_WORD_WEIGHT = 1.0
_NAME_WEIGHT = 1.5
_PAIR_WEIGHT = 2.0

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


def _terms(text: str, limit: int | None = None) -> dict[str, _Term]:
    """Terms of ``text`` by key, first surface form kept for the reason."""
    terms: dict[str, _Term] = {}
    prev: tuple[str, str, int] | None = None  # key, surface, end of the last name word
    for match in _TOKEN.finditer(text):
        if limit is not None and len(terms) >= limit:
            break
        surface = match.group()
        key = _key(surface)
        if len(key) < 3 or key in STOP_WORDS or surface.lower() in STOP_WORDS:
            prev = None
            continue
        is_name = surface[0].isupper()
        weight = _NAME_WEIGHT if is_name else _WORD_WEIGHT
        known = terms.get(key)
        if known is None or known.weight < weight:
            terms[key] = _Term(surface, weight)
        if is_name:
            if prev is not None and text[prev[2] : match.start()] == " ":
                pair = f"{prev[0]} {key}"
                terms.setdefault(pair, _Term(f"{prev[1]} {surface}", _PAIR_WEIGHT))
            prev = (key, surface, match.end())
        else:
            prev = None
    return terms


class ParagraphIndex:
    """Which paragraphs hold which term, built once per article."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.count = len(paragraphs)
        self.postings: dict[str, list[int]] = {}
        for index, paragraph in enumerate(paragraphs):
            for key in _terms(paragraph):
                self.postings.setdefault(key, []).append(index)

    def relate(self, caption: str) -> tuple[tuple[int, ...], str]:
        """Paragraph indices related to ``caption``, best first, and why."""
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
        bar = MIN_SCORE * math.log(self.count + 1)
        related = [
            index
            for index, score in scores.items()
            if score >= bar
            and (len(shared[index]) >= 2 or any(" " in name for _, name in shared[index]))
        ]
        related.sort(key=lambda index: (-scores[index], index))
        chosen = tuple(related[:MAX_LINKS])
        if not chosen:
            return (), "no paragraph shares enough names or words with the caption"
        parts = [f"{_quoted(shared[index])} with paragraph {index + 1}" for index in chosen]
        return chosen, "shares " + "; ".join(parts)


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

    The reason counts paragraphs from 1, as a reader does: "shares 'Islamic
    State', 'Iraq' with paragraph 1".  To link many captions to one article,
    build a ``ParagraphIndex`` once and call its ``relate``.
    """
    return ParagraphIndex(paragraphs).relate(caption)
