# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal of unsaved corrections: a crash or a kill loses nothing.

Every edit rewrites one small file in the state folder (atomically, 0600: the
user's own notes): which gallery, and per entry the corrections made since the
last save.  A save empties it.  On the next start a journal that is not empty
means work was lost in between, and the app offers to restore it ("Restore 3
unsaved corrections?").  A damaged journal is set aside with a timestamp,
logged, and treated as empty.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gallery_app.core import paths
from gallery_app.core.gallery.records import correction_from_json, correction_to_json
from gallery_app.core.models import Correction
from gallery_app.core.store.atomic import write_text_atomic

log = logging.getLogger(__name__)

JOURNAL_NAME = "unsaved-corrections.json"
_VERSION = 1


@dataclass(frozen=True)
class Journal:
    """Unsaved corrections of one gallery, entry id -> records in order."""

    gallery: str  # where the gallery came from (its source path), as the loader takes it
    title: str
    pending: Mapping[str, tuple[Correction, ...]]

    @property
    def count(self) -> int:
        return sum(len(records) for records in self.pending.values())


def journal_path() -> Path:
    return paths.state_dir() / JOURNAL_NAME


def write_journal(gallery: str, title: str, pending: Mapping[str, Sequence[Correction]]) -> None:
    """Record ``pending`` (or remove the journal when nothing is pending)."""
    if not any(pending.values()):
        clear_journal()
        return
    data = {
        "version": _VERSION,
        "gallery": gallery,
        "title": title,
        "pending": [
            {"entry": entry_id, **correction_to_json(record)}
            for entry_id, records in pending.items()
            for record in records
        ],
    }
    write_text_atomic(journal_path(), json.dumps(data, ensure_ascii=False), mode=0o600)


def clear_journal() -> None:
    with contextlib.suppress(FileNotFoundError):
        journal_path().unlink()


def read_journal() -> Journal | None:
    """The journal left by a session that did not save, or None."""
    path = journal_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _parse(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("the journal %s is damaged (%s); set aside", path, exc)
        with contextlib.suppress(OSError):
            path.rename(path.with_name(f"{path.name}.broken-{int(time.time())}"))
        return None


def _parse(data: Any) -> Journal | None:
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        raise ValueError("not a journal of this version")
    pending: dict[str, list[Correction]] = {}
    for item in data["pending"]:
        pending.setdefault(str(item["entry"]), []).append(correction_from_json(item))
    if not pending:
        return None
    return Journal(
        gallery=str(data["gallery"]),
        title=str(data.get("title") or ""),
        pending={k: tuple(v) for k, v in pending.items()},
    )
