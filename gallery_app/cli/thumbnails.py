# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli thumbnails PATH``: fill the shared thumbnail cache without a window.

Useful before opening a big folder for the first time, and as the benchmark
of the thumbnail pipeline.  Work is spread over ``--jobs`` threads (Pillow
releases the GIL while it decodes, so threads scale); progress — count and
rate — goes to stderr, and a summary line ends the run.  Exit 0 when done
(files that cannot be read are counted, and remembered in the cache's
``fail/`` folder), 2 with one sentence on bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from gallery_app.core.errors import DatelineError
from gallery_app.core.store.notices import StorageNotices

if TYPE_CHECKING:
    from gallery_app.core.store import thumbcache

# The freedesktop sizes (``thumbcache.SIZES``, a test keeps the two equal): named here
# so that ``gallery-cli --help`` does not import Pillow with the thumbnail cache.
SIZE_CHOICES = ("normal", "large", "x-large", "xx-large")


def default_jobs() -> int:
    """One thread per CPU this process may run on, as the window's thumbnail pool has."""
    try:
        return len(os.sched_getaffinity(0))  # a container or ``taskset`` may give fewer
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``thumbnails`` sub-command to ``gallery-cli``'s sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "thumbnails",
        help="fill the shared thumbnail cache for a photo or a folder of photos",
        description="Make freedesktop-standard thumbnails (shared with file managers) for "
        "every photo under PATH, skipping those already cached and still valid.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="a photo or a folder")
    parser.add_argument(
        "--size",
        choices=SIZE_CHOICES,
        default="large",
        help="normal 128 px, large 256 px (default), x-large 512 px, xx-large 1024 px",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help="threads to use (default: one per core it may use)",
    )
    return parser


class _Progress:
    """Count and rate on stderr: in place on a terminal, else a line every few seconds."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.started = self.last = time.monotonic()
        self.tty = stream.isatty()
        self.every = 0.25 if self.tty else 5.0

    def rate(self, done: int) -> float:
        elapsed = time.monotonic() - self.started
        return done / elapsed if elapsed > 0 else 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        end = "\r" if self.tty else "\n"
        self.stream.write(f"thumbnails: {done}/{self.total}, {self.rate(done):.1f}/s{end}")
        self.stream.flush()


def _outcome(result: thumbcache.ThumbResult) -> str:
    if result.failed:
        return "failed"
    if result.not_saved:
        return "not_saved"
    return "made" if result.created else "cached"


def make_all(
    files: Iterable[Path],
    size: str,
    jobs: int,
    stream: TextIO | None = None,
    notices: StorageNotices | None = None,
) -> dict[str, int]:
    """Make or check the thumbnail of every file; returns counts by outcome."""
    from gallery_app.core.store import thumbcache  # deferred: Pillow, only when thumbnailing

    stream = stream if stream is not None else sys.stderr
    notices = notices if notices is not None else StorageNotices()
    files = list(files)
    counts = {"made": 0, "cached": 0, "failed": 0, "not_saved": 0}
    progress = _Progress(len(files), stream)
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="thumbs") as pool:
        results = pool.map(lambda f: thumbcache.ensure_thumbnail(f, size, notices=notices), files)
        for done, result in enumerate(results, start=1):
            counts[_outcome(result)] += 1
            progress.update(done)
    if progress.tty:
        stream.write(" " * 60 + "\r")
    elapsed = time.monotonic() - progress.started
    stream.write(
        f"{len(files)} photos: {counts['made']} thumbnails made, {counts['cached']} already "
        f"cached, {counts['failed']} unreadable, in {elapsed:.1f} s "
        f"({progress.rate(len(files)):.1f}/s).\n"
    )
    if counts["not_saved"]:
        stream.write(f"{counts['not_saved']} thumbnails were made but could not be saved.\n")
    return counts


def run(args: argparse.Namespace, notices: StorageNotices | None = None) -> int:
    """Carry out ``gallery-cli thumbnails``; bad input raises DatelineError (exit 2)."""
    if args.jobs < 1:
        raise DatelineError(f"--jobs must be 1 or more, not {args.jobs}.")
    # Deferred for start-up: it loads the metadata readers, which --help never needs.
    from gallery_app.core.folders.scan import list_image_files

    files = list_image_files(args.path, accept_file=True)
    make_all(files, args.size, args.jobs, notices=notices)
    return 0
