# SPDX-License-Identifier: GPL-3.0-or-later
"""The Metadata Working Group's reconciliation rules over one file's flat source map.

MWG 2.0 (as ``exiftool -use MWG`` reads files): EXIF first where it has the
field (the tables of ``sources`` already say so); between IPTC-IIM and XMP,
the IPTC digest decides.  Photoshop and every tool that writes both stores
the MD5 of the IIM block in resource 0x0425; a tool that knows only IIM
changes the block without updating the digest.  So:

- no digest, or a digest that matches the block: XMP first (it is the newer
  standard and holds what the IIM holds, without the IIM's length limits);
- a digest that no longer matches: the IIM first, since it was changed last.

Everything here works on the flat "source label -> text" map, so a faster
reader underneath changes nothing.  ``conflicts`` lists the labels of one
field (``sources.SAME_FIELD``) whose values differ from the one kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from gallery_app.core.metadata.sources import IPTC_DIGEST_CURRENT, IPTC_DIGEST_STORED
from gallery_app.core.models import SourceConflict

# A value this long that is the start of another was cut by a length limit (IPTC
# By-line and City hold 32 bytes, Caption-Abstract 2,000), not changed.
_TRUNCATION_MIN = 32


class Digest(StrEnum):
    """What the stored IPTC digest says about the IIM block."""

    ABSENT = "absent"
    MATCHING = "matching"
    STALE = "stale"


def digest_state(values: Mapping[str, str]) -> Digest:
    """Compare the stored digest with the block's MD5 (no IIM block: nothing is stale)."""
    stored = values.get(IPTC_DIGEST_STORED)
    current = values.get(IPTC_DIGEST_CURRENT)
    if not stored:
        return Digest.ABSENT
    if current is None or stored.casefold() == current.casefold():
        return Digest.MATCHING
    return Digest.STALE


def iptc_first(values: Mapping[str, str]) -> bool:
    """Whether the IIM outranks XMP in this file (its digest is stale)."""
    return digest_state(values) is Digest.STALE


def ordered(labels: tuple[str, ...], prefer_iptc: bool) -> tuple[str, ...]:
    """``labels`` with the IPTC ones moved ahead of the XMP ones when ``prefer_iptc``.

    The other labels (EXIF first, PNG and the weaker fallbacks last) keep their
    places; only the slots that IPTC and XMP labels hold are refilled.
    """
    if not prefer_iptc:
        return labels
    slots = [i for i, label in enumerate(labels) if label.startswith(("IPTC ", "XMP "))]
    group = [labels[i] for i in slots]
    iptc = [g for g in group if g.startswith("IPTC ")]
    refill = iter(iptc + [g for g in group if g not in iptc])
    out = list(labels)
    for i in slots:
        out[i] = next(refill)
    return tuple(out)


def same_text(a: str, b: str) -> bool:
    """Two texts that say the same: equal once spaces and case are folded, or one cut short."""
    x, y = " ".join(a.split()).casefold(), " ".join(b.split()).casefold()
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= _TRUNCATION_MIN and long.startswith(short.rstrip("…").rstrip())


def conflicts(
    name: str,
    kept: str,
    labels: tuple[str, ...],
    value_of: Callable[[str], str | None],
    same: Callable[[str, str], bool] = same_text,
) -> tuple[SourceConflict, ...]:
    """The labels among ``labels`` whose value differs from the one ``kept`` holds."""
    kept_value = value_of(kept)
    if kept_value is None or kept not in labels:
        return ()
    out: list[SourceConflict] = []
    for label in labels:
        other = value_of(label) if label != kept else None
        if other and not same(kept_value, other):
            out.append(SourceConflict(name, kept, kept_value, label, other))
    return tuple(out)
