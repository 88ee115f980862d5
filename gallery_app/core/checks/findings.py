# SPDX-License-Identifier: GPL-3.0-or-later
"""What a check finds: one sentence, both values, both sources, a kind and a severity."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """The declared kinds of findings, in the order the Checks panel lists them."""

    WEEKDAY = "weekday"
    DATE = "date"
    PLACE = "place"
    CREDIT = "credit"
    CREATOR = "creator"
    FILE_PHOTO = "file-photo"
    SOURCES = "sources"
    METADATA = "metadata"


class Severity(StrEnum):
    """A warning says a claim is probably wrong; a notice that it deserves a look."""

    WARNING = "warning"
    NOTICE = "notice"


@dataclass(frozen=True)
class Witness:
    """One side of a finding: who says it (``role``), from where, and what."""

    role: str  # "caption", "file", "gallery", "calendar" or "other"
    source: str  # "caption text", "EXIF DateTimeOriginal", "IPTC Credit"…
    value: str


@dataclass(frozen=True)
class Issue:
    """What a rule returns before it is stamped with its entry and kind."""

    message: str
    claim: Witness
    against: Witness
    severity: Severity | None = None  # None: the rule's own severity


@dataclass(frozen=True)
class Finding:
    """One disagreement about one entry."""

    kind: Kind
    severity: Severity
    entry: str
    position: int
    message: str
    claim: Witness
    against: Witness

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape ``gallery-cli check --json`` prints."""
        return {
            "entry": self.entry,
            "position": self.position,
            "kind": self.kind.value,
            "severity": self.severity.value,
            "message": self.message,
            "values": {self.claim.role: self.claim.value, self.against.role: self.against.value},
            "sources": {self.claim.role: self.claim.source, self.against.role: self.against.source},
        }
