# SPDX-License-Identifier: GPL-3.0-or-later
"""One photo's entry, finished and encoded: what ``list --json`` prints for it.

``Ready`` is the stored form (``build`` makes it).  ``VERSION`` names
everything that shapes it besides the file: the readers, the entry's keys,
the kinds of findings, the app's version; bump ``READY_VERSION`` when an
entry would print otherwise for the same file.  Light to import: a warm
listing loads no reader and no caption rule.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import orjson

from gallery_app import __version__
from gallery_app.core.checks.findings import Kind
from gallery_app.core.gallery.export import ENTRY_KEYS
from gallery_app.core.store.rows import READER_VERSION

READY_VERSION = 1
_SHAPE = "|".join((*ENTRY_KEYS, *(str(kind) for kind in Kind), __version__))
VERSION = f"{READER_VERSION}.{READY_VERSION}.{hashlib.sha256(_SHAPE.encode()).hexdigest()[:12]}"


@dataclass(frozen=True, slots=True)
class Ready:
    """A photo's printed entry and what ordering and freshness need of it.

    ``taken``: the wall-clock time of capture in ISO form (the time-order key),
    ``None`` when undated; ``first_day``/``last_day``: the days the checks'
    findings hold (``last_day`` ``None``: from ``first_day`` on); ``body``: the
    entry's JSON object without ``id`` and ``position``.
    """

    taken: str | None
    first_day: str
    last_day: str | None
    body: str

    def fresh_on(self, day: str) -> bool:
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)

    def facts(self) -> str:
        return orjson.dumps([self.taken, self.first_day, self.last_day]).decode()

    @classmethod
    def from_stored(cls, facts: str, body: str) -> Ready | None:
        try:
            taken, first_day, last_day = orjson.loads(facts)
        except (orjson.JSONDecodeError, ValueError, TypeError):
            return None
        return cls(taken, first_day, last_day, body)
