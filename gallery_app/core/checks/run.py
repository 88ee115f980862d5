# SPDX-License-Identifier: GPL-3.0-or-later
"""Run every rule over a gallery and stamp what they find with entry and kind.

``check_gallery`` is what the CLI and the app call (the app on a worker, as
linked files may be read); ``findings_for`` picks one entry's findings out of
a gallery's, for a badge or a tooltip; ``with_finding_warnings`` lays the
findings' sentences over the entries' warnings, so ``list --json`` shows them
too (a sentence an entry already carries is not repeated).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import replace

from gallery_app.core.checks.dates import future_until
from gallery_app.core.checks.findings import Finding
from gallery_app.core.checks.rules import RULES
from gallery_app.core.checks.witnesses import ReadFile, gather
from gallery_app.core.models import Entry, Gallery

log = logging.getLogger(__name__)


def check_entry(
    entry: Entry,
    *,
    read: ReadFile | None = None,
    today: dt.date | None = None,
    published: dt.date | None = None,
) -> tuple[Finding, ...]:
    """Every finding about one entry, in the order of ``RULES``."""
    witnesses = gather(entry, read=read, today=today, published=published)
    found: list[Finding] = []
    for rule in RULES:
        try:
            issues = rule.check(witnesses)
        except (ValueError, ArithmeticError, LookupError) as exc:  # a rule must not stop the rest
            log.warning("the %s check failed on entry %s: %s", rule.kind, entry.id, exc)
            continue
        found += [
            Finding(
                kind=rule.kind,
                severity=issue.severity or rule.severity,
                entry=entry.id,
                position=entry.position,
                message=issue.message,
                claim=issue.claim,
                against=issue.against,
            )
            for issue in issues
        ]
    return tuple(found)


def check_gallery(
    gallery: Gallery,
    *,
    read: ReadFile | None = None,
    today: dt.date | None = None,
    published: dt.date | None = None,
) -> tuple[Finding, ...]:
    """Every finding of the gallery, entry by entry in gallery order."""
    day = today or dt.date.today()
    found: list[Finding] = []
    for entry in gallery.entries:
        found += check_entry(entry, read=read, today=day, published=published)
    return tuple(found)


def findings_for(entry_id: str, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.entry == entry_id)


def with_finding_warnings(gallery: Gallery, findings: Iterable[Finding]) -> Gallery:
    """``gallery`` with each finding's sentence among its entry's warnings (once)."""
    by_entry: dict[str, list[str]] = {}
    for finding in findings:
        by_entry.setdefault(finding.entry, []).append(finding.message)
    if not by_entry:
        return gallery
    entries = tuple(with_messages(entry, by_entry.get(entry.id, ())) for entry in gallery.entries)
    return replace(gallery, entries=entries)


def with_messages(entry: Entry, messages: Iterable[str]) -> Entry:
    """``entry`` with each of the findings' ``messages`` among its warnings (once)."""
    extra = [m for m in messages if m not in entry.warnings]
    return replace(entry, warnings=(*entry.warnings, *dict.fromkeys(extra)))


def findings_last_day(entry: Entry, today: dt.date) -> dt.date | None:
    """The last day on which ``check_entry`` is sure to find what it finds ``today``.

    Only the capture-date-in-the-future rule reads the calendar: while the file's
    date is not in the future, it never will be; while it is, it stops being so
    on its day.  ``None``: the same on every later day.
    """
    file = entry.file.taken if entry.file is not None else None
    return future_until(file, today) if file is not None else None
