# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli export``: a gallery as TimelineJS, IIIF, a contact sheet PDF, CSV or a web page.

The same filter as ``list`` applies (``--from``, ``--to``, ``--search``), so
what is exported is what the window would show.  Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from gallery_app.core.errors import DatelineError
from gallery_app.core.exports.formats import FORMATS
from gallery_app.core.gallery.query import EntryFilter, filter_entries
from gallery_app.core.models import Entry, Gallery


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    exp = sub.add_parser(
        "export",
        help="export a gallery as TimelineJS, IIIF, a contact sheet PDF, CSV or a web page",
        description="Export the photos a filter shows (no PATH: the bundled gallery). Photo "
        "files are copied beside a TimelineJS or IIIF file (or referenced with --media-base); "
        "the web page is a folder that works from file:// with no server.",
    )
    exp.add_argument("path", nargs="?", type=Path, metavar="PATH")
    exp.add_argument(
        "--format",
        required=True,
        choices=tuple(FORMATS),
        dest="fmt",
        help="; ".join(f"{k}: {v}" for k, v in FORMATS.items()),
    )
    exp.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT",
        help="the file to write (a folder for --format html)",
    )
    exp.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day exported")
    exp.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day exported")
    exp.add_argument("--search", default="", metavar="TEXT", help="words every photo must match")
    exp.add_argument(
        "--include-undated",
        action="store_true",
        help="keep undated photos when a date range is given",
    )
    exp.add_argument(
        "--media-base",
        metavar="URL",
        help="TimelineJS/IIIF: the photos are at this web address (not copied)",
    )
    exp.add_argument(
        "--per-page",
        default="2x3",
        metavar="COLSxROWS",
        help="PDF: photos a page, e.g. 2x3 (default) or 3x4",
    )
    exp.add_argument(
        "--paper", choices=("a4", "letter"), help="PDF: paper size (default: from the locale)"
    )


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rexport: {done} of {total}", end="" if done < total else "\n", file=sys.stderr)


def _grid(text: str) -> tuple[int, int]:
    cols, _, rows = text.lower().partition("x")
    if not (cols.isdigit() and rows.isdigit() and 0 < int(cols) <= 6 and 0 < int(rows) <= 8):
        raise DatelineError(f"--per-page {text}: give columns x rows, such as 2x3.")
    return int(cols), int(rows)


def _pdf(args: argparse.Namespace, gallery: Gallery, shown: list[Entry]) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs fonts, not a screen
    from PySide6.QtGui import QGuiApplication, QPageSize  # deferred: only the PDF needs Qt

    from gallery_app.qt.contact_sheet import write_contact_sheet

    columns, rows = _grid(args.per_page)
    _app = QGuiApplication.instance() or QGuiApplication([])
    paper = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}.get(
        args.paper or ""
    )
    pages = write_contact_sheet(
        gallery,
        shown,
        args.output,
        columns=columns,
        rows=rows,
        paper=paper,
        on_progress=_progress,
    )
    return f"{pages} pages"


def run(args: argparse.Namespace, flt: EntryFilter, load: Callable[[Path | None], Gallery]) -> int:
    if args.fmt == "pdf":
        _grid(args.per_page)  # a bad grid is said before anything is read
    gallery = load(args.path)
    shown = filter_entries(gallery.entries, flt)
    if args.fmt == "pdf":
        what = _pdf(args, gallery, shown)
        print(f"Wrote {args.output} ({len(shown)} photos, {what}).", file=sys.stderr)
        return 0
    # deferred: the writers load Pillow, which `gallery-cli --help` must not
    from gallery_app.core.exports.writer import export_gallery

    result = export_gallery(
        gallery, shown, args.fmt, args.output, media_base=args.media_base, on_progress=_progress
    )
    print(
        f"Wrote {result.path} ({result.entries} entries, {result.photos} photo files).",
        file=sys.stderr,
    )
    for note in result.notes:
        print(f"  ! {note}", file=sys.stderr)
    return 0
