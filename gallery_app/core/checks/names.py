# SPDX-License-Identifier: GPL-3.0-or-later
"""Rules about names: the caption's credit and photographer against the file's.

Agencies are written many ways ("AP", "AP Photo", "The Associated Press",
"ASSOCIATED PRESS"); each known spelling folds to one key, and two credits
agree when their keys are equal or one credit names the other's agency.  Two
photographers agree when the words of one name all occur in the other
("Khalid Mohammed" and "KHALID MOHAMMED/AP"), accents and case aside.  The
caption's credit is compared with the file's Credit Line only; its creator
with the file's creator (By-line, dc:creator, Artist).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from gallery_app.core.checks.findings import Issue, Witness
from gallery_app.core.checks.witnesses import CAPTION_SOURCE, Witnesses

# Spellings of one agency -> its key (folded, punctuation as spaces).
_AGENCIES: dict[str, str] = {
    "ap": "ap", "associated press": "ap", "the associated press": "ap", "ap photo": "ap",
    "afp": "afp", "agence france presse": "afp", "afp photo": "afp",
    "reuters": "reuters", "thomson reuters": "reuters",
    "getty": "getty", "getty images": "getty",
    "epa": "epa", "epa efe": "epa", "efe": "epa",
    "xinhua": "xinhua", "xinhua news agency": "xinhua",
    "anadolu": "anadolu", "anadolu agency": "anadolu", "aa": "anadolu",
    "dpa": "dpa", "ansa": "ansa", "kyodo": "kyodo", "yonhap": "yonhap",
}  # fmt: skip
# Not a person: a credit word where a photographer's name would be.
_NOT_A_NAME = {"stringer", "handout", "staff", "pool", "str", "file", "photo", "images"}


def fold_words(text: str) -> list[str]:
    """Accent-free, case-free words: "Khālid  MOHAMMED/AP" -> ["khalid", "mohammed", "ap"]."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+", plain)


def agency_keys(text: str) -> set[str]:
    """The agencies a credit names, by key ("AP Photo/Getty Images" -> {"ap", "getty"})."""
    words = fold_words(text)
    keys: set[str] = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            key = _AGENCIES.get(" ".join(words[i : i + size]))
            if key:
                keys.add(key)
    return keys


def credits_agree(a: str, b: str) -> bool:
    ka, kb = agency_keys(a), agency_keys(b)
    if ka and kb:
        return bool(ka & kb)
    wa, wb = set(fold_words(a)), set(fold_words(b))
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def names_agree(a: str, b: str) -> bool:
    wa = set(fold_words(a)) - _NOT_A_NAME - set(_AGENCIES)
    wb = set(fold_words(b)) - _NOT_A_NAME - set(_AGENCIES)
    if not wa or not wb:
        return True  # one side names nobody: nothing to hold against the other
    return wa <= wb or wb <= wa


def _rule(w: Witnesses, field: str, what: str, agree: Callable[[str, str], bool]) -> list[Issue]:
    said = getattr(w.caption, field)
    claim = Witness("caption", CAPTION_SOURCE, said) if said else None
    if claim is None and getattr(w.gallery, field):
        claim = Witness("gallery", "gallery", getattr(w.gallery, field))
    file = getattr(w.file, field) if w.file is not None else None
    if claim is None or not file or w.file is None:
        return []
    if agree(claim.value, file):
        return []
    source = w.file.sources.get(field) or "file"
    who = "caption" if claim.role == "caption" else "gallery"
    return [
        Issue(
            f"The {who} credits {what} to {claim.value}, but the file's {source} says {file}.",
            claim,
            Witness("file", source, file),
        )
    ]


def credit_rule(w: Witnesses) -> list[Issue]:
    return _rule(w, "credit", "this photo", credits_agree)


def creator_rule(w: Witnesses) -> list[Issue]:
    return _rule(w, "creator", "the picture", names_agree)
