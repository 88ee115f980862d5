# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli``: the core's data without a window.

Exit codes: 0 success, 2 bad input or usage (one sentence on stderr; details
in the log file).
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
from typing import Any

from gallery_app import __version__
from gallery_app.cli import check as check_cli
from gallery_app.cli import edit as edit_cli
from gallery_app.cli import export as export_cli
from gallery_app.cli import thumbnails as thumbs_cli
from gallery_app.cli.listing import ready_json
from gallery_app.core.errors import DatelineError
from gallery_app.core.gallery.export import gallery_to_dict
from gallery_app.core.gallery.ordering import SortOrder, sorted_entries
from gallery_app.core.gallery.query import EntryFilter, filter_entries, parse_day
from gallery_app.core.inert import for_json, for_terminal
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.notices import Notice, StorageNotices
from gallery_app.logs import setup_logging

log = logging.getLogger(__name__)

EPILOG = """\
examples:
  gallery-cli list                                  the bundled "Fighting In Iraq" gallery
  gallery-cli list --from 2015-04-03 --to 2015-04-03
  gallery-cli list --search palaces --json
  gallery-cli list --sort name --reverse            by file name, Z to A
  gallery-cli list ~/Pictures/2015 --json           every photo under a folder, with its metadata
  gallery-cli import-article story.txt -o gallery.json
  gallery-cli export --format timelinejs -o story.json
  gallery-cli export ~/Pictures/2015 --format html -o web-gallery
  gallery-cli thumbnails ~/Pictures --size large --jobs 2
  gallery-cli edit --entry 06 --resolve weekday --note "AP archive: March 29"
  gallery-cli edit ~/Pictures/2015 --entry tikrit.jpg --set credit=AP --set date=2015-03-29
  gallery-cli history --json
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _add_list_parser(sub: Any) -> None:
    """The ``list`` sub-command's arguments."""
    lst = sub.add_parser(
        "list",
        help="list a gallery's entries with date, place and credit",
        description="List a gallery manifest, a folder of photos or an article text "
        "(no PATH: the bundled gallery). Dates are inclusive calendar days; with a date "
        "range, undated entries are left out unless --include-undated is given.",
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
    lst.add_argument(
        "--sort",
        choices=[order.value for order in SortOrder],
        default=SortOrder.DATE.value,
        help="order of the list: date taken (default; undated last, then gallery position), "
        "position in the gallery, file name, file date (mtime) or file size",
    )
    lst.add_argument("--reverse", action="store_true", help="list in descending order")
    lst.add_argument(
        "--json", action="store_true", help="print JSON instead of a table (compact, one line)"
    )
    lst.add_argument("--pretty", action="store_true", help="with --json: indent the JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gallery-cli",
        description="Dateline's headless commands: list galleries and photos, check captions "
        "against their files, import articles, export galleries, correct entries and show their "
        "record, fill the thumbnail cache.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    _add_list_parser(sub)

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
    edit_cli.add_parsers(sub)
    thumbs_cli.add_parser(sub)
    return parser


def _say_on_stderr(notice: Notice) -> None:
    print(f"gallery-cli: {notice.sentence()}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    notices = StorageNotices()
    notices.subscribe(_say_on_stderr)
    setup_logging(notices=notices)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        if args.command == "list":
            return _cmd_list(args, notices)
        if args.command == "import-article":
            return _cmd_import(args)
        if args.command == "check":
            return check_cli.run(args, lambda path: _load(path, notices))
        if args.command == "export":
            return export_cli.run(args, _filter_from(args), lambda path: _load(path, notices))
        if args.command == "edit":
            return edit_cli.run_edit(args)
        if args.command == "history":
            return edit_cli.run_history(args)
        return int(thumbs_cli.run(args, notices))
    except _UsageError as exc:
        print(f"gallery-cli: {exc} (see gallery-cli --help)", file=sys.stderr)
        return 2
    except DatelineError as exc:
        log.warning("gallery-cli failed: %s", exc)
        print(f"gallery-cli: {t(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file that vanished or cannot be read: a sentence, not a traceback
        log.warning("gallery-cli failed", exc_info=True)
        name = t(str(exc.filename)) if exc.filename is not None else "a file"
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


def _load(path: Path | None, notices: StorageNotices | None = None) -> Gallery:
    """The gallery at ``path`` with its record of corrections (a folder's from its sidecars)."""
    return edit_cli.load_with_record(path, notices)


def _cmd_list(args: argparse.Namespace, notices: StorageNotices) -> int:
    flt = _filter_from(args)
    if args.json and flt.is_empty:  # a folder seen before: its stored entries, joined
        document = ready_json(args.path, args.sort, args.reverse, notices)
        if document is not None:
            _print_json_text(document, pretty=args.pretty)
            return 0
    from gallery_app.core.checks.run import with_finding_warnings  # deferred: the readers

    gallery, findings = check_cli.checked(_load(args.path, notices))
    gallery = with_finding_warnings(gallery, findings)  # the checks' sentences, as `check`
    shown = sorted_entries(filter_entries(gallery.entries, flt), SortOrder(args.sort), args.reverse)
    if args.json:
        _print_json(gallery_to_dict(gallery, shown), pretty=args.pretty)
    else:
        _print_table(gallery, shown)
    return 0


def _print_json(document: object, *, pretty: bool = True) -> None:
    """JSON that stays valid and inert on a terminal (``core.inert.for_json``).

    Encoded by orjson (C; the indented stdlib encoder is pure Python), compact
    unless ``pretty``; text orjson refuses (a lone surrogate) goes through the
    json module instead, logged.
    """
    import orjson  # deferred: only the JSON output needs it

    try:
        text = orjson.dumps(document, option=orjson.OPT_INDENT_2 if pretty else 0).decode()
    except orjson.JSONEncodeError:
        log.info("orjson refused the document; writing it with the json module", exc_info=True)
        separators = None if pretty else (",", ":")
        text = json.dumps(
            document, ensure_ascii=False, indent=2 if pretty else None, separators=separators
        )
    sys.stdout.write(for_json(text) + "\n")


def _print_json_text(text: str, *, pretty: bool) -> None:
    """A compact JSON document already encoded, indented if asked, made inert."""
    if pretty:
        import orjson  # deferred: only the JSON output needs it

        text = orjson.dumps(orjson.loads(text), option=orjson.OPT_INDENT_2).decode()
    sys.stdout.write(for_json(text) + "\n")


def _cmd_import(args: argparse.Namespace) -> int:
    # deferred: start-up of the other commands (the manifest writer loads jsonschema)
    from gallery_app.core.article.importer import read_article_file
    from gallery_app.core.gallery.manifest import dump_manifest, save_manifest

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
        print(f"Wrote {t(str(args.output))} ({len(gallery.entries)} entries).", file=sys.stderr)
        for warning in gallery.warnings:
            print(f"  ! {t(warning)}", file=sys.stderr)
    if args.json:
        _print_json(gallery_to_dict(gallery))
    elif args.output is None:
        sys.stdout.write(for_json(dump_manifest(gallery, Path.cwd())))
    return 0


def _print_table(gallery: Gallery, shown: list[Entry]) -> None:
    """The entries as text; every value from a file passes ``t`` (controls shown as escapes)."""
    out = sys.stdout
    out.write(f"{t(gallery.title)} — {len(shown)} of {len(gallery.entries)} entries shown\n")
    for warning in gallery.warnings:  # why a gallery is empty or incomplete
        out.write(f"! {t(warning)}\n")
    out.write("\n")
    for entry in shown:
        date = entry.taken.iso() if entry.taken else "undated"
        if entry.taken and entry.taken.uncertain:
            date += " (?)"
        place = t(entry.location.label()) if entry.location else ""
        credit = t(" / ".join(p for p in (entry.creator, entry.credit) if p))
        status = "" if entry.image_status.value == "ok" else f"  [photo {entry.image_status.value}]"
        out.write(f"{entry.position:>3}. {date:<22} {place}\n")
        if entry.image is not None:
            out.write(f"     {t(entry.image.name)}\n")
        if credit or status:
            out.write(f"     {credit}{status}\n")
        caption = for_terminal(entry.caption, keep_whitespace=True)
        for line in textwrap.wrap(caption, width=92) or [""]:
            out.write(f"     {line}\n")
        for warning in entry.warnings:
            out.write(f"     ! {t(warning)}\n")
        for record in entry.corrections:
            was = textwrap.shorten(record.old or "(empty)", 60, placeholder="…")
            note = f" — {record.note}" if record.note else ""
            out.write(f"     ~ {record.field} corrected {record.at[:10]}, was {t(was)}{t(note)}\n")
        out.write("\n")


def t(text: str) -> str:
    """One value from a file, safe on a terminal."""
    return for_terminal(text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
