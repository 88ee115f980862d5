# SPDX-License-Identifier: GPL-3.0-or-later
"""Thumbnail names match the ones file managers use, so the cache is shared.

Nautilus, Thunar and everything on GIO hash the URI GLib's
``g_filename_to_uri`` makes.  The expected URIs below were taken from
``gio info`` (GLib 2.x) on files with these very names; the last test compares
with ``gio`` live when it is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gallery_app.core.store import thumbcache

pytestmark = pytest.mark.skipif(os.name != "posix", reason="GLib's escaping of POSIX paths")

# name (bytes, as on disk) → what ``gio info`` reports after ``file:///photos/``
GIO_URIS: list[tuple[bytes, str]] = [
    (b"a b.jpg", "a%20b.jpg"),
    (b"IMG (1), a+b=c!.jpg", "IMG%20(1),%20a+b=c!.jpg"),
    (b"q\"uo'te.jpg", "q%22uo'te.jpg"),
    (b"at@colon:$&*~_-.jpg", "at@colon:$&*~_-.jpg"),
    (b"semi;colon.jpg", "semi%3Bcolon.jpg"),
    (b"caf\xc3\xa9 \xe6\x97\xa5.jpg", "caf%C3%A9%20%E6%97%A5.jpg"),
    (b"100%.jpg", "100%25.jpg"),
    (b"#hash.jpg", "%23hash.jpg"),
    (b"what?.jpg", "what%3F.jpg"),
    (b"new\nline.jpg", "new%0Aline.jpg"),
    (b"tab\t.jpg", "tab%09.jpg"),
    (b"del\x7f.jpg", "del%7F.jpg"),
    (b"bad\xff\xfe.jpg", "bad%FF%FE.jpg"),
    (b"br[a]ck{e}t<>|\\^`.jpg", "br%5Ba%5Dck%7Be%7Dt%3C%3E%7C%5C%5E%60.jpg"),
]


@pytest.mark.parametrize(("name", "expected"), GIO_URIS, ids=[repr(n) for n, _ in GIO_URIS])
def test_uri_is_escaped_like_glib(name: bytes, expected: str) -> None:
    path = Path(os.fsdecode(b"/photos/" + name))
    uri = "file:///photos/" + expected
    assert thumbcache.file_uri(path) == uri
    digest = hashlib.md5(uri.encode("ascii"), usedforsecurity=False).hexdigest()
    assert thumbcache.thumbnail_name(path) == digest + ".png"


def test_dots_and_repeated_slashes_fold_like_glib() -> None:
    # g_file_new_for_path folds these lexically; two leading slashes are kept (POSIX).
    assert thumbcache.file_uri(Path("/photos/./day/../a b.jpg")) == "file:///photos/a%20b.jpg"
    assert thumbcache.file_uri(Path("///photos/a.jpg")) == "file:///photos/a.jpg"


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert thumbcache.file_uri(Path("x.jpg")) == thumbcache.file_uri(tmp_path / "x.jpg")


@pytest.mark.skipif(shutil.which("gio") is None, reason="gio (libglib2.0-bin) is not installed")
def test_uri_matches_gio_live(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for name, _ in GIO_URIS:
        try:
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(b"x")
        except OSError:  # a file system that refuses non-UTF-8 names
            continue
        path = Path(os.fsdecode(os.path.join(folder, name)))
        out = subprocess.run(
            ["gio", "info", "-a", "standard::name", os.fsencode(path)],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8", "surrogateescape")
        uris = [line[5:] for line in out.splitlines() if line.startswith("uri: ")]
        assert uris == [thumbcache.file_uri(path)], name
