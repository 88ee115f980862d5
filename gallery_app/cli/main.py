# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli``: the core's data without a window.

Exit codes: 0 success, 2 bad input or usage (one sentence on stderr; details
in the log file); ``check`` exits 1 when it finds something.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from gallery_app import __version__
from gallery_app.cli import check as check_cli
from gallery_app.cli import export as export_cli
from gallery_app.cli import thumbnails as thumbs_cli
from gallery_app.core.article.importer import read_article_file
from gallery_app.core.errors import DatelineError
from gallery_app.core.gallery.export import gallery_to_dict
from gallery_app.core.gallery.manifest import dump_manifest, save_manifest
from gallery_app.core.gallery.query import EntryFilter, filter_entries, parse_day
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.textdecode import printable
from gallery_app.logs import setup_logging

log = logging.getLogger(__name__)

EPILOG = """\
examples:
  gallery-cli list                                  the bundled "Fighting In Iraq" gallery
  gallery-cli list --from 2015-04-03 --to 2015-04-03
  gallery-cli list --search palaces --json
  gallery-cli list ~/Pictures/2015 --json           every photo under a folder, with its metadata
  gallery-cli check ~/Pictures/2015 --json          captions against their files (exit 1: findings)
  gallery-cli import-article story.txt -o gallery.json
  gallery-cli export --format timelinejs -o story.json
  gallery-cli export ~/Pictures/2015 --format html -o web-gallery
  gallery-cli thumbnails ~/Pictures --size large --jobs 2
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gallery-cli",
        description="Dateline's headless commands: list galleries and photos, check captions "
        "against their files, import articles, export galleries, fill the thumbnail cache.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    lst = sub.add_parser(
        "list",
        help="list a gallery's entries with date, place and credit",
        description="List a gallery manifest, a folder of photos or an article text "
        "(no PATH: the bundled gallery), with the photos you linked. Dates are inclusive "
        "calendar days; with a date range, undated entries are left out unless "
        "--include-undated is given. Each entry's warnings include what `check` finds.",
    )
    lst.add_argument("path", nargs="?", type=Path, metavar="PATH")
    lst.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day shown")
    lst.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day shown")
    lst.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="words that must all occur in caption, title, creator, credit or place",
    )
    lst.add_argument(
        "--include-undated",
        action="store_true",
        help="keep undated entries when a date range is given",
    )
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")

    imp = sub.add_parser(
        "import-article",
        help="turn a saved news article into a gallery manifest",
        description="Read a news article saved as plain text, with its photo gallery's "
        "captions, and write a gallery manifest (or print it).",
    )
    imp.add_argument("article", type=Path, metavar="ARTICLE")
    imp.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="gallery.json",
        help="write the manifest here (atomically); default: print it",
    )
    imp.add_argument(
        "--id",
        dest="gallery_id",
        metavar="ID",
        help="the gallery's id (default: the article file's name)",
    )
    imp.add_argument(
        "--json",
        action="store_true",
        help="print the entries as `list --json` would (with the article context)",
    )

    check_cli.add_parser(sub)
    export_cli.add_parser(sub)
    thumbs_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    setup_logging()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        if args.command == "list":
            return _cmd_list(args)
        if args.command == "import-article":
            return _cmd_import(args)
        if args.command == "check":
            return check_cli.run(args)
        if args.command == "export":
            return export_cli.run(args, _filter_from(args), _load)
        return int(thumbs_cli.run(args))
    except _UsageError as exc:
        print(f"gallery-cli: {exc} (see gallery-cli --help)", file=sys.stderr)
        return 2
    except DatelineError as exc:
        log.warning("gallery-cli failed: %s", exc)
        print(f"gallery-cli: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file that vanished or cannot be read: a sentence, not a traceback
        log.warning("gallery-cli failed", exc_info=True)
        name = exc.filename if exc.filename is not None else "a file"
        print(f"gallery-cli: {name}: {exc.strerror or exc}.", file=sys.stderr)
        return 2


def _filter_from(args: argparse.Namespace) -> EntryFilter:
    try:
        date_from = parse_day(args.date_from) if args.date_from else None
        date_to = parse_day(args.date_to) if args.date_to else None
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    if date_from and date_to and date_from > date_to:
        raise _UsageError(f"--from {date_from} comes after --to {date_to}")
    return EntryFilter(date_from, date_to, args.include_undated, args.search)


def _load(path: Path | None) -> Gallery:
    # deferred: `gallery-cli --help` must not load the readers
    from gallery_app.core.loader import load_gallery
    from gallery_app.core.store.catalog import Catalog

    catalog = Catalog()  # a folder seen before is read from the user's catalog
    try:
        return load_gallery(path, catalog=catalog)
    finally:
        catalog.close()


def _cmd_list(args: argparse.Namespace) -> int:
    from gallery_app.core.checks.run import with_finding_warnings

    flt = _filter_from(args)
    gallery, findings = check_cli.load_checked(args.path)
    gallery = with_finding_warnings(gallery, findings)  # the checks' sentences, as `check`
    shown = filter_entries(gallery.entries, flt)
    if args.json:
        json.dump(gallery_to_dict(gallery, shown), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(gallery, shown)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    gallery = read_article_file(args.article)
    if args.gallery_id:
        gallery = replace(gallery, id=args.gallery_id)
    if args.output is not None:
        try:
            save_manifest(gallery, args.output)
        except OSError as exc:
            log.warning("cannot write %s: %s", args.output, exc)
            raise DatelineError(
                f"{args.output} could not be written: {exc.strerror or exc}."
            ) from None
        print(f"Wrote {args.output} ({len(gallery.entries)} entries).", file=sys.stderr)
        for warning in gallery.warnings:
            print(f"  ! {warning}", file=sys.stderr)
    if args.json:
        json.dump(gallery_to_dict(gallery), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.output is None:
        sys.stdout.write(dump_manifest(gallery, Path.cwd()))
    return 0


def _print_table(gallery: Gallery, shown: list[Entry]) -> None:
    out = sys.stdout
    title = printable(gallery.title)
    out.write(f"{title} — {len(shown)} of {len(gallery.entries)} entries shown\n")
    for warning in gallery.warnings:  # why a gallery is empty or incomplete
        out.write(f"! {printable(warning)}\n")
    out.write("\n")
    for entry in shown:
        date = entry.taken.iso() if entry.taken else "undated"
        if entry.taken and entry.taken.uncertain:
            date += " (?)"
        place = entry.location.label() if entry.location else ""
        credit = " / ".join(p for p in (entry.creator, entry.credit) if p)
        status = "" if entry.image_status.value == "ok" else f"  [photo {entry.image_status.value}]"
        out.write(f"{entry.position:>3}. {date:<22} {place}\n")
        if entry.image is not None:
            out.write(f"     {printable(entry.image.name)}\n")
        if credit or status:
            out.write(f"     {credit}{status}\n")
        for line in textwrap.wrap(entry.caption, width=92) or [""]:
            out.write(f"     {line}\n")
        for warning in entry.warnings:
            out.write(f"     ! {printable(warning)}\n")
        out.write("\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
