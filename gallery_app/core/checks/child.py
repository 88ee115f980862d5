# SPDX-License-Identifier: GPL-3.0-or-later
"""The checks in a process of their own: entries in on stdin, findings out on stdout.

The app runs its checks here (``python -m gallery_app.core.checks.child``),
not on a thread: the first caption read loads the GeoNames data, a JSON parse
that holds Python's interpreter lock for a second or more, and on a thread of
the app that would freeze its window.  The parent sends one or more pickled
sequences of ``Entry`` values, one after the other (it pickles a slice per
turn of its event loop); the child answers, once its input ends, with
pickled ``{entry id: findings}`` slices of ``ANSWER_SLICE`` entries (the app
reads one per turn).  It runs at a lower priority (``NICENESS``): checking
10,000 photos takes seconds of CPU that the window must not wait behind.
Both ends are Dateline itself, so pickle is safe here; nothing else writes
these pipes.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys

from gallery_app.core.checks.run import check_entry
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import Entry

log = logging.getLogger(__name__)

ANSWER_SLICE = 250  # entries per pickled answer: the app reads one per turn of its event loop
NICENESS = 10  # below the window's priority: the checks must not take its core


def main() -> int:
    _lower_priority()
    entries: list[Entry] = []
    while True:
        try:
            entries.extend(pickle.load(sys.stdin.buffer))  # noqa: S301 - from the app that started us
        except EOFError:
            break
    for start in range(0, len(entries), ANSWER_SLICE):
        found = {
            e.id: check_entry(e, read=read_metadata) for e in entries[start : start + ANSWER_SLICE]
        }
        pickle.dump(found, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    return 0


def _lower_priority() -> None:
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError) as exc:  # not on this system, or not allowed
        log.info("the checks keep their priority: %s", exc)


if __name__ == "__main__":
    sys.exit(main())
