# SPDX-License-Identifier: GPL-3.0-or-later
"""One filter, set in any one place, shows the same photos everywhere.

The issue's promise: a date range set from the command line (``--from`` /
``--to``), from the timeline (a drag across two bars) or from the date pickers
shows the same photos in the grid, in photo navigation (→ from the first to
the last), in the slideshow and in the status bar — and the same set that
``gallery-cli list --from --to`` prints.  The gallery holds an undated photo,
which a date range leaves out everywhere unless asked for.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, Options, start
from gallery_app.cli import main as cli
from gallery_app.core.gallery.manifest import save_manifest
from gallery_app.qt.models.photos import EntryRole
from tests.unit.ui.shell_fixtures import make_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FIRST, LAST = dt.date(2015, 3, 30), dt.date(2015, 3, 31)
EXPECTED = ["e1", "e2", "e3", "e5", "e8", "e6"]  # March 30 (five) and 31 (one), in time order


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    gallery = make_gallery(undated=True)  # e11 has no date
    assert gallery.entries[10].taken is None
    save_manifest(gallery, folder / "gallery.json")
    return folder / "gallery.json"


@pytest.fixture
def app(make_app: Callable[..., Composition]) -> Composition:
    return make_app((1180, 760))


def _cli_ids(manifest: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    code = cli.main(
        ["list", str(manifest), "--from", FIRST.isoformat(), "--to", LAST.isoformat(), "--json"]
    )
    assert code == 0
    return [entry["id"] for entry in json.loads(capsys.readouterr().out)["entries"]]


def _everywhere(app: Composition, qtbot: QtBot) -> dict[str, object]:
    """What each part of the window shows under the current filter."""
    window = app.window
    grid = window.parts.grid
    model = grid.model()
    grid_ids = [model.index(r, 0).data(EntryRole).id for r in range(model.rowCount())]

    window.nav.go_to_end(first=True)  # photo navigation: the first photo, then → to the end
    stepped = [window.current_entry.id]
    positions = [window.parts.caption_panel.position.text()]
    for _ in range(len(grid_ids) + 2):  # two more than needed: it must stop at the last
        window.commands.next.trigger()
        if window.current_entry.id != stepped[-1]:
            stepped.append(window.current_entry.id)
            positions.append(window.parts.caption_panel.position.text())

    window.nav.go_to_end(first=True)
    show = window.parts.slideshow_window
    window.start_slideshow(fullscreen=False)
    qtbot.wait_until(show.isVisible)
    deck = [e.id for e in app.slideshow.deck()]
    overlay = show.accessibleDescription().split(".")[0]
    show.leave()
    qtbot.wait_until(lambda: not show.isVisible())
    return {
        "grid": grid_ids,
        "navigation": stepped,
        "positions": positions,
        "slideshow": deck,
        "overlay": overlay,
        "status": window.count_label.text(),
    }


def _check(seen: dict[str, object], cli_ids: list[str]) -> None:
    assert cli_ids == EXPECTED
    assert seen["grid"] == EXPECTED
    assert seen["navigation"] == EXPECTED
    # The gallery's own numbers (8 before 6: time order), and the place among those shown.
    numbers = [int(e[1:]) for e in EXPECTED]
    assert seen["positions"] == [f"{n} of 11 ({i} of 6 shown)" for i, n in enumerate(numbers, 1)]
    assert seen["slideshow"] == EXPECTED
    assert seen["overlay"] == "1 of 6"
    assert seen["status"] == "6 of 11 photos shown"


def _from_command_line(app: Composition, qtbot: QtBot, manifest: Path) -> None:
    with qtbot.wait_signal(app.window.gallery_shown, timeout=10_000):
        start(app, Options(path=manifest, date_from=FIRST, date_to=LAST))


def _from_timeline(app: Composition, qtbot: QtBot, manifest: Path) -> None:
    with qtbot.wait_signal(app.window.gallery_shown, timeout=10_000):
        start(app, Options(path=manifest))
    timeline = app.window.parts.timeline
    qtbot.wait_until(lambda: timeline.bar_count() >= 2 and timeline.isVisible())
    first, second = timeline.bar_rect(0).center(), timeline.bar_rect(1).center()
    assert timeline.bar_label(0) == "Mon 30 Mar" and timeline.bar_label(1) == "Tue 31 Mar"
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(timeline, pos=QPoint(second.x(), second.y()))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=second)


def _from_pickers(app: Composition, qtbot: QtBot, manifest: Path) -> None:
    with qtbot.wait_signal(app.window.gallery_shown, timeout=10_000):
        start(app, Options(path=manifest))
    bar = app.window.parts.filter_bar
    bar.from_edit.setDate(QDate(FIRST.year, FIRST.month, FIRST.day))
    bar.to_edit.setDate(QDate(LAST.year, LAST.month, LAST.day))


@pytest.mark.parametrize(
    "set_filter",
    [_from_command_line, _from_timeline, _from_pickers],
    ids=["command-line", "timeline", "date-pickers"],
)
def test_a_date_range_shows_the_same_photos_everywhere(
    app: Composition,
    qtbot: QtBot,
    manifest: Path,
    capsys: pytest.CaptureFixture[str],
    set_filter: Callable[[Composition, QtBot, Path], None],
) -> None:
    set_filter(app, qtbot, manifest)
    flt = app.filter_state.value
    assert (flt.date_from, flt.date_to, flt.include_undated) == (FIRST, LAST, False)
    _check(_everywhere(app, qtbot), _cli_ids(manifest, capsys))
