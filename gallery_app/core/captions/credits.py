# SPDX-License-Identifier: GPL-3.0-or-later
"""Who made the picture and which agency distributes it, kept apart.

Shapes read (the creator is the person, the credit the agency line):

* ``(AP Photo/Name)``, ``(AP Photo/Name, File)``, ``(AP Photo, File)``,
  ``(AP Photo/Name, Pool)``
* ``REUTERS/Name``, ``REUTERS/Name/File Photo``, ``(Reuters/Name)``
* ``(Photo by Name/Getty Images)``, ``(Photo by Name/AFP via Getty Images)``
* ``AFP PHOTO / NAME`` and ``EPA-EFE/NAME`` (capitals become title case)
* ``(Xinhua/Name)`` and ``(Name/AP)``-style "person/agency" pairs
* ``(credit:ASSOCIATED PRESS)``, ``Credit: Reuters``

When a caption states its credit line explicitly ("(credit:ASSOCIATED
PRESS)"), that text is the credit, kept as written: a credit line is the
publisher's own words and we do not rewrite attribution.  Otherwise the
credit is the agency's usual short name ("AP", "Reuters", "AFP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Agency spellings (as folded lower-case text) -> the short name we show.
_AGENCIES: dict[str, str] = {
    "ap": "AP", "ap photo": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "afp": "AFP", "afp photo": "AFP", "agence france-presse": "AFP",
    "getty images": "Getty Images", "getty": "Getty Images", "epa": "EPA", "epa-efe": "EPA-EFE",
    "efe": "EFE", "xinhua": "Xinhua", "anadolu agency": "Anadolu Agency",
    "anadolu": "Anadolu Agency", "upi": "UPI", "bloomberg": "Bloomberg", "kyodo": "Kyodo",
    "yonhap": "Yonhap", "tass": "TASS",
    "sputnik": "Sputnik", "dpa": "dpa", "ansa": "ANSA", "nurphoto": "NurPhoto",
    "sopa images": "SOPA Images", "zuma press": "Zuma Press", "pool": "Pool",
}  # fmt: skip
_AGENCY_ALT = "|".join(
    re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True) if a not in {"pool"}
)

# A name word starts with a capital; a few lower-case particles may sit inside.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'.-]*"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|al|el|bin|di|du|la|le|y)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,5}}"
_FILE_WORDS = r"(?:File(?:\s+Photo)?|Pool|Handout|STR)"

_EXPLICIT_RE = re.compile(r"\(\s*credit\s*:\s*(?P<credit>[^()]{1,120}?)\s*\)", re.IGNORECASE)
_EXPLICIT_LOOSE_RE = re.compile(r"(?:^|\s)Credit\s*:\s*(?P<credit>[^().;]{1,80})")
_AP_RE = re.compile(
    r"\(\s*AP\s+Photo\s*(?:/\s*(?P<name>[^,()/]{1,80}?))?\s*(?:,\s*(?P<tag>[^()]{1,40}))?\)"
)
_PHOTO_BY_RE = re.compile(
    rf"\b[Pp]hoto\s+by\s+(?P<name>{_NAME})\s*/\s*(?P<agency>[^()]{{1,60}}?)\s*(?:\)|$|\.\s)"
)
_REUTERS_RE = re.compile(rf"\bREUTERS\s*/\s*(?P<name>{_NAME})(?P<tail>\s*/\s*File)?")
_AFP_RE = re.compile(rf"\bAFP\s+PHOTO\s*/\s*(?P<name>{_NAME})(?:\s*/\s*(?P<tail>[A-Z]+))?")
_EPA_RE = re.compile(rf"\b(?P<agency>EPA-EFE|EPA|EFE)\s*/\s*(?P<name>{_NAME})")
_AGENCY_SLASH_RE = re.compile(
    rf"\(\s*(?P<agency>{_AGENCY_ALT})\s*/\s*(?P<name>[^()/]{{1,80}}?)\s*(?:,\s*(?P<tag>[^()]{{1,30}}))?\)",
    re.IGNORECASE,
)
_SLASH_AGENCY_RE = re.compile(
    rf"\(\s*(?:Photo:\s*)?(?P<name>{_NAME})\s*/\s*(?P<agency>(?i:{_AGENCY_ALT}))\s*\)"
)
_VIA_RE = re.compile(
    rf"\b(?P<source>[A-Z][\w-]+)\s*/\s*(?P<name>{_NAME})\s+via\s+"
    r"(?P<via>REUTERS|Reuters|AP|AFP|Getty Images)\b"
)
_HANDOUT_VIA_RE = re.compile(
    r"\((?P<credit>[^()/]{2,60}?\s+via\s+(?:AP|Reuters|REUTERS|AFP|Getty Images))\s*\)"
)
_TRAILING_JUNK_RE = re.compile(
    r"(?:\s+(?:TPX|IMAGES|OF|THE|DAY|SEARCH|FILE|PHOTO|PICTURE|POOL|STR|HANDOUT))+$"
)


@dataclass(frozen=True)
class Credits:
    creator: str | None
    credit: str | None
    file_photo: bool


def find_credits(text: str) -> Credits:
    """Creator, credit line and the file-photo hint of a credit like ``, File)``."""
    creator: str | None = None
    agency: str | None = None
    file_photo = False

    for match in _AP_RE.finditer(text):
        agency = "AP"
        creator = creator or _person(match.group("name"))
        tag = (match.group("tag") or "").lower()
        file_photo = file_photo or "file" in tag
    if creator is None and (m := _PHOTO_BY_RE.search(text)):
        creator, agency = _person(m.group("name")), _agency_line(m.group("agency"))
    if creator is None and (m := _VIA_RE.search(text)):
        creator = _person(m.group("name"))
        agency = f"{m.group('source')} via {_agency_line(m.group('via'))}"
    if creator is None and (m := _REUTERS_RE.search(text)):
        creator, agency = _person(m.group("name")), "Reuters"
        file_photo = file_photo or bool(m.group("tail"))
    if creator is None and (m := _AFP_RE.search(text)):
        creator, agency = _person(m.group("name")), "AFP"
    if creator is None and (m := _EPA_RE.search(text)):
        creator, agency = _person(m.group("name")), m.group("agency").upper()
    if creator is None and (m := _AGENCY_SLASH_RE.search(text)):
        creator, agency = _person(m.group("name")), _agency_line(m.group("agency"))
        file_photo = file_photo or "file" in (m.group("tag") or "").lower()
    if creator is None and (m := _SLASH_AGENCY_RE.search(text)):
        creator, agency = _person(m.group("name")), _agency_line(m.group("agency"))
    if agency is None and (m := _HANDOUT_VIA_RE.search(text)):
        agency = " ".join(m.group("credit").split())
    if agency is None:
        agency = _bare_agency(text)

    explicit = _EXPLICIT_RE.search(text) or _EXPLICIT_LOOSE_RE.search(text)
    credit = explicit.group("credit").strip() if explicit else agency
    return Credits(creator=creator, credit=credit or None, file_photo=file_photo)


def _person(raw: str | None) -> str | None:
    """A photographer's name, tidied: "ARIS MESSINIS" -> "Aris Messinis"."""
    if not raw:
        return None
    name = " ".join(raw.split()).strip(" .,;:-")
    name = _TRAILING_JUNK_RE.sub("", name).strip(" .,;:-")
    if not name or len(name) > 60 or name.lower() in _AGENCIES or name.lower() == "file":
        return None
    # AFP writes surnames (or whole names) in capitals: "Zakaria ABDELKAFI".
    return " ".join(_title_case(w) if _shouting(w) else w for w in name.split())


def _shouting(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _title_case(name: str) -> str:
    def fix(word: str) -> str:
        parts = re.split(r"([-'])", word.lower())
        out = "".join(p[:1].upper() + p[1:] if p not in "-'" else p for p in parts)
        if out.startswith("Mc") and len(out) > 2:
            out = "Mc" + out[2].upper() + out[3:]
        return out

    return " ".join(fix(w) for w in name.split())


def _agency_line(raw: str) -> str:
    """The agency part of "Name/Agency", as a short name when we know it."""
    text = " ".join(raw.split()).strip(" .,;")
    return _AGENCIES.get(text.lower(), text)


def _bare_agency(text: str) -> str | None:
    """An agency named without a photographer: "(AP Photo)", "(Getty Images)"."""
    match = re.search(
        rf"\(\s*(?P<agency>{_AGENCY_ALT})(?:\s+Photo)?\s*(?:,[^()]{{0,30}})?\)", text, re.I
    )
    if match is None:
        match = re.search(r"\b(?P<agency>REUTERS|AFP|EPA-EFE|Getty Images)\b", text)
    return _agency_line(match.group("agency")) if match else None
