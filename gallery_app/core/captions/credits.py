# SPDX-License-Identifier: GPL-3.0-or-later
"""Who made the picture and which agency distributes it, kept apart.

``CREDIT_RULES`` is the declared list of credit shapes, most specific first,
each with the reason it exists.  A rule's match gives some of: a creator (a
person, see ``names``), an agency, a file-photo tag.  The first rule that
names a person wins the creator; the first that names an agency wins the
credit; an explicit "(credit:...)" line wins the credit over both, kept as
written (a credit line is the publisher's own words and we do not rewrite
attribution).  Otherwise the credit is the agency's usual short name.

Credits that a newspaper detached from the caption (a line of its own after a
blank line, "NAME, Associated Press") are read by ``read_credit_line`` before
the body is searched.  Every credit the rules recognise is reported as a span,
so the caption's own text can be shown without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gallery_app.core.captions import names
from gallery_app.core.captions.names import AGENCY_ALT, WIRE_ALT, agency_name, person

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*\.?"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|al|el|bin|di|du|la|le|y)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,4}}"
# Where a detached credit may start: the text's start or a sentence's end,
# glued or not ("...Iraq.Khalid Mohammed | AP Photo").
_AFTER_END = r"(?:^|(?<=[.!?\"”)]))\s*"
_STUDIO_RE = re.compile(
    r"\b(?:image|photo|picture)\s+(?:released|provided)\s+by\s+(?P<studio>[A-Z][^,.()]{1,60}?)"
    r"\s+(?:shows|show|,|via)\b"
)


@dataclass(frozen=True)
class Credits:
    creator: str | None
    credit: str | None
    file_photo: bool
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class _Found:
    creator: str | None = None
    agency: str | None = None
    file_photo: bool = False


@dataclass(frozen=True)
class CreditRule:
    """One credit shape: where it is, what it gives, why it is read."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], frozenset[str]], _Found]
    reason: str
    strip: bool = True  # the match is a credit, not caption text


def _tagged(tag: str | None) -> bool:
    return "file" in (tag or "").lower()


def _read_ap(m: re.Match[str], _: frozenset[str]) -> _Found:
    raw, tag, tail = m.group("name"), m.group("tag"), m.group("tail")
    creator = person(raw)
    if tag and not names.is_tag(tag) and person(tag):
        creator = person(tag)  # "(AP Photo/Newsday, Moises Saman)": a member paper's photo
    file_photo = _tagged(tag) or _tagged(tail) or (names.is_tag(raw or "") and _tagged(raw))
    return _Found(creator, "AP", file_photo)


def _read_name_agency(m: re.Match[str], _: frozenset[str]) -> _Found:
    groups = m.groupdict()
    agency = agency_name(groups["agency"]) if groups.get("agency") else None
    return _Found(person(groups.get("name")), agency, _tagged(groups.get("tag")))


def _read_chain(m: re.Match[str], studios: frozenset[str]) -> _Found:
    """ "A/B/C via WIRE" or "WIRE/A/B": the person among the links."""
    groups = m.groupdict()
    links = [s.strip() for s in groups["chain"].split("/") if s.strip()]
    via = groups.get("via")
    if links and (split := re.match(rf"^(.*?)\s+(?i:via)\s+({WIRE_ALT})$", links[-1])):
        links[-1:] = [split.group(1)] if split.group(1) else []
        via = split.group(2)
    wire = via or groups.get("wire") or ""
    file_photo = any(_tagged(s) for s in links) or _tagged(groups.get("tag"))
    creator = next(
        (
            person(s)
            for s in links
            if not names.is_tag(s) and not names.is_org(s, studios) and person(s)
        ),
        None,
    )
    orgs = [s for s in links if names.is_org(s, studios) and agency_name(s) != agency_name(wire)]
    orgs += [s for s in links if names.is_tag(s) and s.lower() in {"handout", "pool"}]
    if via:
        source = "/".join(dict.fromkeys(agency_name(s) for s in orgs))
        agency = f"{source} via {agency_name(wire)}" if source else agency_name(wire)
    else:
        agency = agency_name(wire)
        if creator is None and orgs:
            agency = f"{'/'.join(agency_name(s) for s in orgs)} via {agency}"
    return _Found(creator, agency, file_photo)


def _read_photo_by(m: re.Match[str], studios: frozenset[str]) -> _Found:
    name = " ".join(m.group("name").split())
    groups = m.groupdict()
    chain = groups.get("chain") or ""
    chain = re.sub(r"\s+for\s+.*$", "", chain.replace("/AP Photo", "/AP"))
    if names.is_org(name, studios):  # "(Photo by ANL/Rex Features/Shutterstock)"
        return _Found(None, agency_name(f"{name}/{chain}" if chain else name), False)
    return _Found(person(name), agency_name(chain) if chain else None, _tagged(groups.get("tag")))


def _read_bare(m: re.Match[str], _: frozenset[str]) -> _Found:
    return _Found(None, agency_name(m.group("agency")), False)


def _rule(
    name: str, pattern: str, read: Callable[..., _Found], reason: str, **kw: bool
) -> CreditRule:
    return CreditRule(name, re.compile(pattern), read, reason, **kw)


CREDIT_RULES: tuple[CreditRule, ...] = (
    _rule(
        "ap-paren",
        r"\(\s*AP\s*Photo\s*(?:/\s*|(?=[A-Z]))?(?P<name>[^,()/]{1,80}?)?"
        r"(?:\s*/\s*(?P<tail>[^,()/]{1,30}?))?\s*(?:,\s*(?P<tag>[^()]{1,40}))?\)",
        _read_ap,
        'AP\'s own credit, "(AP Photo/Name, File)"; pages that lose the slash print '
        '"(AP PhotoName)"',
    ),
    _rule(
        "photo-by",
        rf"(?:\(\s*)?\b[Pp]hoto(?:graph)?\s+by\s+(?P<name>{_NAME})\s*/\s*(?P<chain>[^()]{{1,80}}?)"
        r"(?:,\s*(?P<tag>File))?\s*(?:\)|$|\.\s)",
        _read_photo_by,
        'Getty and AFP, "(Photo by Name/AFP via Getty Images)"; an agency in the name\'s '
        'place ("Photo by ANL/Rex Features") is a credit',
    ),
    _rule(
        "photo-by-alone",
        rf"\(\s*[Pp]hoto\s+by\s+(?P<name>{_NAME})\s*\)",
        _read_photo_by,
        '"(Photo by Name)" with no agency, or "(Photo by London News Pictures)"',
    ),
    _rule(
        "military-photo-by",
        r"(?:\(\s*)?(?P<agency>U\.S\.?\s+(?:Army|Navy|Air\s+Force|Marine\s+Corps|Coast\s+Guard)|"
        r"(?:U\.S\.\s+)?Department\s+of\s+Defense)\s+photo\s+by\s+"
        r"(?P<name>[^()]{1,60}?(?:\([A-Z]{1,4}\)\s*[^()]{1,60}?)?)\.?\s*(?:\)|$|(?=\((?![A-Z]{1,4}\))))",
        _read_name_agency,
        'US forces credit their people with a rank, "U.S. Navy photo by Petty Officer 2nd '
        'Class Name"; the rank is not the name',
    ),
    _rule(
        "ap-hashtag",
        rf"#APPhoto\s+(?:by\s+)?(?P<name>{_NAME})",
        lambda m, s: _Found(person(m.group("name")), "AP", False),
        'AP\'s social posts, "#APPhoto by Name"',
    ),
    _rule(
        "wire-chain",
        r"\b(?P<wire>REUTERS|AFP\s+PHOTO|EPA-EFE|EPA|epa|EFE)\s*/\s*"
        r"(?P<chain>[^()\n]{1,120}?)(?=\s+(?:ATTENTION|SEARCH|TPX|MANDATORY|EDITORIAL|"
        r"THIS\s+IMAGE|NO\s+RESALES)\b|\s*$|\s*\)|\.\s)",
        _read_chain,
        'Reuters, AFP and EPA put the agency first, "REUTERS/Name/File Photo", '
        '"REUTERS/Stringer" (no name on purpose), "REUTERS/SANA" (a supplier)',
    ),
    _rule(
        "paren-via",
        rf"\((?:Photo(?::|\s+by)\s*)?(?P<chain>[^()]{{2,120}}?)\s+(?i:via)\s+(?P<via>{WIRE_ALT})"
        r"(?:\s*,\s*(?P<tag>File))?\s*\)",
        _read_chain,
        'AP credits a supplier, "(Name/STUDIO via AP)": the studio is not the photographer',
    ),
    _rule(
        "bare-via",
        rf"{_AFTER_END}(?P<chain>[A-Z](?:[^().!?]|(?<=[A-Z])\.){{1,100}}?)\s*(?:/\s*|\s+)(?i:via)\s+"
        rf"(?P<via>{WIRE_ALT})\b"
        r"(?:\s*/\s*(?P<tag>File\s+Photo))?",
        _read_chain,
        'Reuters credits a supplier, "Lehtikuva/Name via REUTERS", '
        '"Name/OFFICE/Handout via REUTERS"',
    ),
    _rule(
        "paren-agency-name",
        rf"\(\s*(?:Photo:\s*)?(?P<agency>(?i:{AGENCY_ALT}))\s*/\s*(?P<name>[^()/,]{{1,80}}?)\s*"
        r"(?:,\s*(?P<tag>[^()]{1,30}))?\)",
        _read_name_agency,
        'Xinhua and others, "(Xinhua/Name)", and "(Photo: AGENCY/Name)"',
    ),
    _rule(
        "paren-name-agency",
        rf"\(\s*(?:Photo:\s*)?(?P<name>{_NAME})\s*/\s*(?P<agency>(?i:{AGENCY_ALT}))"
        r"(?:\s*,\s*(?P<tag>File))?\s*\)",
        _read_name_agency,
        'newspapers\' own style, "(Name/AP)", "(Photo: Name/Reuters)"',
    ),
    _rule(
        "leading-name-agency",
        rf"^(?P<name>{_NAME})\s*\|\s*(?P<agency>(?i:{AGENCY_ALT}))(?:\s+Photo)?(?![a-z])",
        _read_name_agency,
        "pages that print the credit above the caption run it into the text, "
        '"Name | The Associated PressIraqi forces..."',
    ),
    _rule(
        "trailing-name-agency",
        rf"{_AFTER_END}(?:©\s*)?(?P<name>{_NAME})\s*(?:,|\||/)\s*(?:(?:Pool|Handout|POOL)\s*/\s*)?"
        r"(?P<tag>File\s+)?"
        rf"(?P<agency>(?i:{AGENCY_ALT}))(?:\s+Photo)?\s*\.?\s*$",
        _read_name_agency,
        "newspapers print the credit after the last sentence without parentheses, "
        '"Name, AP", "Name | AP Photo", "Name/AP", "Name, File AP Photo"',
    ),
    _rule(
        "paren-bare-agency",
        rf"\(\s*(?P<agency>(?i:{AGENCY_ALT}))(?:\s+Photo)?\s*(?:,[^()]{{0,30}})?\)",
        _read_bare,
        'an agency without a photographer, "(AP Photo, File)", "(Getty Images)"',
    ),
    _rule(
        "trailing-bare-agency",
        rf"{_AFTER_END}(?P<agency>(?i:{AGENCY_ALT}))(?:\s+Photo)?\s*\.?\s*$",
        _read_bare,
        'a bare agency name after the last sentence, "... Iraq. Associated Press"',
    ),
    _rule(
        "named-wire",
        r"\b(?P<agency>REUTERS|AFP|EPA-EFE|Getty Images)\b",
        _read_bare,
        "a wire named in capitals anywhere is at least the distributor",
        strip=False,
    ),
)
_EXPLICIT_RE = re.compile(r"\(\s*credit\s*:\s*(?P<credit>[^()]{1,120}?)\s*\)", re.IGNORECASE)
_EXPLICIT_LOOSE_RE = re.compile(r"(?:^|\s)Credit\s*:\s*(?P<credit>[^().;]{1,80})")


def find_credits(text: str, credit_line: str | None = None) -> Credits:
    """Creator, credit line, the file-photo hint and the spans that are credits."""
    studios = frozenset(m.group("studio").lower() for m in _STUDIO_RE.finditer(text))
    creator: str | None = None
    agency: str | None = None
    file_photo = False
    spans: list[tuple[int, int]] = []
    sources = [(credit_line, False)] if credit_line else []
    sources.append((text, True))
    for source, in_text in sources:
        for rule in CREDIT_RULES:
            match = rule.pattern.search(source)
            if match is None:
                continue
            found = rule.read(match, studios)
            if in_text and rule.strip:
                spans.append(match.span())
            file_photo = file_photo or found.file_photo
            agency = agency or found.agency
            creator = creator or found.creator
    explicit = _EXPLICIT_RE.search(text) or _EXPLICIT_LOOSE_RE.search(text)
    if explicit is not None:
        spans.append(explicit.span())
    credit = explicit.group("credit").strip() if explicit else agency
    return Credits(creator, credit or None, file_photo, tuple(spans))
