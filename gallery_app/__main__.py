# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-app`` / ``python -m gallery_app``: parse the command line, then start.

Checks that need no display (dates, interval, size, the desktop-integration
commands, ``--version``) happen before Qt is imported, so a typo gets a
sentence and exit code 2 at once.  ``--screenshot`` selects Qt's offscreen
platform unless ``QT_QPA_PLATFORM`` says otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from gallery_app import APP_NAME, __version__
from gallery_app.core.gallery.query import parse_day
from gallery_app.core.paths import bundled_gallery_path
from gallery_app.desktop.integration import main_install

# edit: photo + edit panel; details: photo + file details tab; checks: grid + Checks dock
VIEWS = ("grid", "photo", "slideshow", "timeline", "article", "edit", "details", "map", "checks")

EXAMPLES = """\
examples:
  gallery-app                                 the last gallery, else the bundled one
  gallery-app ~/Pictures/2015                 every photo under a folder, in the order taken
  gallery-app --from 2015-04-03 --to 2015-04-03 --slideshow
  gallery-app --screenshot grid.png --view photo --select 4 --palette dark
  gallery-app --install-desktop               add Dateline to the desktop's menu

keys: F1 in the app lists them all. Headless commands: gallery-cli --help.
"""
PALETTES = ("system", "light", "dark")  # gallery_app.ui.common.theme.PALETTES; no Qt import here


def _day(text: str) -> dt.date:
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _interval(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number of seconds.") from None
    if not 1 <= value <= 120:
        raise argparse.ArgumentTypeError("the interval must be from 1 to 120 seconds.")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a size like 1280x800.") from None
    if not (400 <= width <= 8000 and 300 <= height <= 8000):
        # 400x300 is the smallest the window lays out with nothing cut off.
        raise argparse.ArgumentTypeError("the size must be from 400x300 to 8000x8000.")
    return width, height


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a photo number.") from None
    if value < 1:
        raise argparse.ArgumentTypeError("photos are numbered from 1.")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gallery-app",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXAMPLES,
        description=f"{APP_NAME}: read a photo gallery with its captions, dates, places "
        "and article.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="a folder of photos, a gallery.json, an article .txt or a photo (its folder opens); "
        "default: the last gallery, else the bundled “Fighting In Iraq”",
    )
    parser.add_argument(
        "--bundled",
        action="store_true",
        help="open the bundled “Fighting In Iraq” gallery (instead of the last gallery)",
    )
    parser.add_argument("--slideshow", action="store_true", help="start the slideshow at once")
    parser.add_argument("--fullscreen", action="store_true", help="open the window full screen")
    parser.add_argument(
        "--interval",
        type=_interval,
        metavar="SECONDS",
        help="slideshow interval for this run, 1–120 seconds "
        "(default: the last interval used, 5 at first)",
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_day,
        metavar="DATE",
        help="show photos taken on or after this day (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=_day,
        metavar="DATE",
        help="show photos taken on or before this day (YYYY-MM-DD)",
    )
    _add_screenshot_arguments(parser)
    parser.add_argument(
        "--palette",
        choices=PALETTES,
        default="system",
        help="colours: follow the system (default), or force light or dark — useful for "
        "screenshots that must look the same on every machine",
    )
    parser.add_argument("--install-desktop", action="store_true", help="add the desktop entry")
    parser.add_argument("--uninstall-desktop", action="store_true", help="remove it again")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def _add_screenshot_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--screenshot", type=Path, metavar="OUT.png", help="render a view offscreen and exit"
    )
    parser.add_argument("--view", choices=VIEWS, default="grid", help="view for --screenshot")
    parser.add_argument(
        "--select",
        type=_positive,
        default=1,
        metavar="N",
        help="photo to show in --screenshot, from 1 (default 1)",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1280, 800),
        metavar="WxH",
        help="window size for --screenshot, from 400x300 (default 1280x800)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.install_desktop or args.uninstall_desktop:
        return main_install("--install-desktop" if args.install_desktop else "--uninstall-desktop")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        parser.error("--from must not be later than --to.")
    if args.screenshot is not None:
        if args.screenshot.suffix.lower() != ".png":
            parser.error("--screenshot writes a PNG: give a file name ending in .png.")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.bundled and args.path is None:
        args.path = bundled_gallery_path()
    # Deferred for start-up: Qt loads only once the arguments are known to be good.
    from gallery_app.app import Options, run

    options = Options(
        path=args.path.expanduser().absolute() if args.path is not None else None,
        slideshow=args.slideshow,
        fullscreen=args.fullscreen,
        interval=args.interval,
        date_from=args.date_from,
        date_to=args.date_to,
        screenshot=args.screenshot.expanduser().absolute() if args.screenshot else None,
        view=args.view,
        select=args.select,
        size=args.size,
        palette=args.palette,
    )
    return run(options, [sys.argv[0] if sys.argv else "gallery-app"])


if __name__ == "__main__":
    sys.exit(main())
