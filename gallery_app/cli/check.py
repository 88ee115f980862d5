# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli check [PATH]``: every finding of a gallery, for people and for scripts.

The gallery is opened as ``list`` opens it, with the user's photo links laid
over it (as the app does), and every rule of ``core.checks`` is run.  Exit 0
when nothing was found, 1 when something was, 2 on bad input (one sentence on
stderr).  With ``--json``::

    {"gallery": {"id", "title", "source", "total", "warnings"},
     "findings": [{"entry": ID, "position": N, "kind": K, "severity": "warning"|"notice",
                   "message": "...", "values": {"caption": ..., "file": ...},
                   "sources": {"caption": ..., "file": ...}}]}

``checked`` is shared with ``list``, whose entries carry the same
findings as sentences in their ``warnings``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gallery_app.core.checks.findings import Finding
from gallery_app.core.gallery.export import gallery_to_dict
from gallery_app.core.inert import for_terminal
from gallery_app.core.models import Gallery


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``check`` sub-command to ``gallery-cli``'s sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="hold each photo's caption against its file and the gallery's data",
        description="Check a gallery manifest, a folder of photos or an article text (no "
        "PATH: the bundled gallery): the caption's weekday, date, place, credit and "
        "photographer against the photo file's EXIF/IPTC/XMP and the gallery's own data, "
        "and the file's sources against each other. Exit 0: no findings; 1: findings; "
        "2: bad input.",
    )
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print JSON instead of sentences")
    return parser


def checked(gallery: Gallery) -> tuple[Gallery, tuple[Finding, ...]]:
    """``gallery`` with the user's photo links laid over it, and its findings."""
    # deferred: `gallery-cli --help` must not load the readers and the caption rules
    from gallery_app.core.checks.run import check_gallery
    from gallery_app.core.metadata.reader import read_metadata
    from gallery_app.core.store.links import LinkStore

    linked = LinkStore().apply(gallery)
    return linked, check_gallery(linked, read=read_metadata)


def run(args: argparse.Namespace, load: Callable[[Path | None], Gallery]) -> int:
    gallery, findings = checked(load(args.path))
    if args.json:
        header = gallery_to_dict(gallery, [])["gallery"]
        header.pop("article", None)  # the story's text is list's business
        doc = {
            "gallery": header,
            "findings": [f.to_dict() for f in findings],
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print(gallery, findings)
    return 1 if findings else 0


def _print(gallery: Gallery, findings: tuple[Finding, ...]) -> None:
    out = sys.stdout
    count = f"{len(findings)} finding" + ("" if len(findings) == 1 else "s")
    out.write(f"{for_terminal(gallery.title)} — {count} in {len(gallery.entries)} entries\n")
    for f in findings:
        out.write(f"{f.position:>3}. {f.severity.value:<7} {f.kind.value:<10} ")
        out.write(f"{for_terminal(f.message)}\n")
