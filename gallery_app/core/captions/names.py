# SPDX-License-Identifier: GPL-3.0-or-later
"""Who is a person and who is an organisation in a credit line.

A credit line is a chain of names joined by slashes ("Wilson Dias/Agencia
Brasil/Handout via Reuters"); which link is the photographer is a matter of
the words, not of the position, so each link is classified here:

* a *tag* says how the picture was supplied, not by whom ("File", "Pool",
  "Handout", "Stringer", "STR"): a stringer's or a handout's photographer is
  unnamed on purpose, so a tag is never a creator;
* an *organisation* is a known agency ("AP", "Lehtikuva", "SANA"), a word
  that only organisations carry ("Office", "Ministry", "Foto", "Images"), a
  studio named by the caption itself ("This image released by Disney"), or a
  short acronym in capitals ("KCNA");
* anything else shaped like a name is a *person*.
"""

from __future__ import annotations

import re

# Agency spellings (as folded lower-case text) -> the short name we show.
AGENCIES: dict[str, str] = {
    "ap": "AP", "ap photo": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "afp": "AFP", "afp photo": "AFP", "agence france-presse": "AFP",
    "getty images": "Getty Images", "getty": "Getty Images", "epa": "EPA", "epa-efe": "EPA-EFE",
    "efe": "EFE", "xinhua": "Xinhua", "anadolu agency": "Anadolu Agency",
    "anadolu": "Anadolu Agency", "upi": "UPI", "bloomberg": "Bloomberg", "kyodo": "Kyodo",
    "yonhap": "Yonhap", "tass": "TASS", "sputnik": "Sputnik", "dpa": "dpa", "ansa": "ANSA",
    "nurphoto": "NurPhoto", "sopa images": "SOPA Images", "zuma press": "Zuma Press",
    "pool": "Pool", "invision": "Invision", "wireimage": "WireImage", "lehtikuva": "Lehtikuva",
    "antara foto": "Antara Foto", "antara": "Antara", "pa images": "PA Images",
    "pa wire": "PA Wire",
    "pa": "PA", "aap": "AAP", "kcna": "KCNA", "sana": "SANA", "irna": "IRNA", "wana": "WANA",
    "ria novosti": "RIA Novosti", "jiji press": "Jiji Press", "ritzau scanpix": "Ritzau Scanpix",
    "scanpix": "Scanpix", "tt news agency": "TT News Agency", "anp": "ANP", "belga": "Belga",
    "imago": "imago", "shutterstock": "Shutterstock", "rex features": "Rex Features",
    "action images": "Action Images", "china daily": "China Daily", "ukrinform": "Ukrinform",
}  # fmt: skip
AGENCY_ALT = "|".join(
    re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True) if a not in {"pool"}
)
# The wire services whose own name ends a credit chain ("... via REUTERS").
WIRE_ALT = r"REUTERS|Reuters|AP|AFP|Getty\s+Images|EPA|EPA-EFE|Xinhua"

# How a picture was supplied, never who made it.
_TAG_TEXT = (
    "file|file photo|pool|handout|ho|str|stringer|staff|photo|reuters tv|"
    "reuters tv/handout|afp photo|ap photo|pool photo|handout photo|courtesy|social media|"
    "video grab"
)
_TAGS = frozenset(_TAG_TEXT.split("|"))
# Words only an organisation's name carries.
_ORG_TEXT = (
    "agency agencia agence press news media office ministry service services handout pool "
    "tv television foto fotos photos images pictures studio studios center centre council "
    "department army navy forces force police government presidency presidential kremlin "
    "network channel group club federation university museum institute inc inc. ltd llc "
    "corp company records films entertainment netflix hbo disney universal paramount "
    "warner sony amazon apple lucasfilm pixar marvel fox nbc cbs abc cnn bbc courtesy "
    "command committee authority municipality team foundation organization organisation "
    "party house palace embassy brigade corps technologies labs laboratory satellite nasa "
    "instagram twitter facebook telegram tiktok youtube"
)
_ORG_WORDS = frozenset(_ORG_TEXT.split())
_NAME_TOKEN_RE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:de|da|do|dos|van|von|der|den|al|el|bin|di|du|la|le|y)$"
)
# Military and government ranks that stand before a photographer's name.
_RANK_END_RE = re.compile(
    r"^.*?\b(?:Class(?:\s*\([A-Z]{1,4}\))?|Sgt\.|Spc\.|Pfc\.|Pvt\.|Cpl\.|Capt\.|Lt\.|Maj\.|"
    r"Col\.|Airman|Specialist|Petty\s+Officer|Seaman|Ensign|Chief)\s+(?=[A-Z])"
)
_TRAILING_JUNK_RE = re.compile(
    r"(?:\s+(?:TPX|IMAGES|OF|THE|DAY|SEARCH|FILE|PHOTO|PICTURE|POOL|STR|HANDOUT))+$"
)


def agency_name(raw: str) -> str:
    """The agency part of a credit, as a short name when we know it."""
    text = " ".join(raw.split()).strip(" .,;/")
    return AGENCIES.get(text.lower(), text)


def is_tag(segment: str) -> bool:
    return " ".join(segment.lower().split()).strip(" .,") in _TAGS


def is_org(segment: str, studios: frozenset[str] = frozenset()) -> bool:
    """An organisation rather than a person (see the module docstring)."""
    text = " ".join(segment.split()).strip(" .,")
    folded = text.lower()
    if folded in AGENCIES or folded in studios:
        return True
    words = folded.replace("/", " ").split()
    if any(w.strip(".,'’") in _ORG_WORDS for w in words):
        return True
    # "KCNA", "SANA": an acronym, not a surname
    return len(words) == 1 and text.isupper() and 2 <= len(text) <= 6


def person(raw: str | None) -> str | None:
    """A photographer's name, tidied: "ARIS MESSINIS" -> "Aris Messinis";
    ``None`` for a tag, an organisation or something not shaped like a name."""
    if not raw:
        return None
    name = " ".join(raw.split()).strip(" .,;:-/|")
    name = _RANK_END_RE.sub("", name)
    name = _TRAILING_JUNK_RE.sub("", name).strip(" .,;:-")
    if not name or len(name) > 60 or is_tag(name) or name.lower() in AGENCIES:
        return None
    words = name.split()
    if len(words) > 6 or not all(_NAME_TOKEN_RE.match(w) for w in words):
        return None
    # AFP writes surnames (or whole names) in capitals: "Zakaria ABDELKAFI".
    return " ".join(_title_case(w) if _shouting(w) else w for w in words)


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
