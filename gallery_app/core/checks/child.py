# SPDX-License-Identifier: GPL-3.0-or-later
"""The checks in a process of their own: entries in on stdin, findings out on stdout.

The app runs its checks here (``python -m gallery_app.core.checks.child``),
not on a thread: the first caption read loads the GeoNames data, a JSON parse
that holds Python's interpreter lock for a second or more, and on a thread of
the app that would freeze its window.  The parent sends one or more pickled
sequences of ``Entry`` values, one after the other (it pickles a slice per
turn of its event loop); the child answers, once its input ends, with one
pickled ``{entry id: findings}``.
Both ends are Dateline itself, so pickle is safe here; nothing else writes
these pipes.
"""

from __future__ import annotations

import logging
import pickle
import sys

from gallery_app.core.checks.run import check_entry
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import Entry

log = logging.getLogger(__name__)


def main() -> int:
    entries: list[Entry] = []
    while True:
        try:
            entries.extend(pickle.load(sys.stdin.buffer))  # noqa: S301 - from the app that started us
        except EOFError:
            break
    found = {entry.id: check_entry(entry, read=read_metadata) for entry in entries}
    pickle.dump(found, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
