# SPDX-License-Identifier: GPL-3.0-or-later
"""A gallery as a story: dated items in time order, the undated tray, events, the axis."""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from gallery_app.core.article.events import DatedText, Event, article_texts, find_events
from gallery_app.core.gallery.ordering import sort_key
from gallery_app.core.gallery.uncertainty import DateSpan, date_span
from gallery_app.core.models import Article, Entry, Precision
from gallery_app.core.story.axis import DAY, Axis, build_axis, seconds

T = TypeVar("T")
_RUN = 2048
#: A caption without a weekday, "day" or a year states no dated event: skipped unread.
_EVENT_HINT = re.compile(r"day\b|\b(?:1[89]|2[01])\d\d\b", re.IGNORECASE)


@dataclass(frozen=True)
class StoryItem:
    """A dated photo: its span in seconds and where its card sits (``t``)."""

    entry: Entry
    span: DateSpan
    t: float
    t0: float
    t1: float


@dataclass(frozen=True)
class Story:
    """What the story timeline shows; ``times`` are the items' ``t``, ascending."""

    items: tuple[StoryItem, ...]
    times: tuple[float, ...]
    undated: tuple[Entry, ...]
    events: tuple[Event, ...]
    axis: Axis

    @cached_property
    def walk(self) -> tuple[Entry, ...]:
        """Every entry in time order, the undated last: what ←/→ step through."""
        return tuple(item.entry for item in self.items) + self.undated

    @cached_property
    def _walk_index(self) -> dict[str, int]:
        return {entry.id: i for i, entry in enumerate(self.walk)}

    def index_of(self, entry_id: str) -> int:
        return self._walk_index.get(entry_id, -1)


def gentle_sorted(values: Iterable[T], key: Callable[[T], Any]) -> list[T]:
    """``sorted`` in short runs merged in Python, so that a worker thread never
    holds the interpreter lock for a whole sort of 100,000 items (the GUI
    thread would stall that long)."""
    items = list(values)
    runs = [sorted(items[i : i + _RUN], key=key) for i in range(0, len(items), _RUN)]
    return runs[0] if len(runs) == 1 else list(heapq.merge(*runs, key=key))


def _anchor(entry: Entry) -> dt.date | None:
    """The certain day a caption's relative phrases hang on, if any."""
    taken = entry.taken
    if taken is None or taken.uncertain or taken.precision in (Precision.YEAR, Precision.MONTH):
        return None
    return taken.value.date()


def story_events(entries: Sequence[Entry], article: Article | None) -> list[Event]:
    texts = [
        DatedText(
            e.caption,
            _anchor(e),
            f"caption of photo {e.position}",
            e.taken.value.date() if e.taken is not None else None,
        )
        for e in entries
    ]
    if article is not None:
        texts += article_texts(article.paragraphs, None)  # an article has no date of its own
    return find_events(texts)


def build_story(entries: Sequence[Entry], article: Article | None = None) -> Story:
    """Lay ``entries`` out in time; cheap enough for 100,000 (about a second, off the GUI)."""
    items: list[StoryItem] = []
    undated: list[Entry] = []
    for entry in entries:
        span = date_span(entry)
        if span is None:
            undated.append(entry)
            continue
        items.append(
            StoryItem(entry, span, seconds(span.point), seconds(span.start), seconds(span.end))
        )
    items = gentle_sorted(items, key=lambda item: (item.t, sort_key(item.entry)))
    undated = gentle_sorted(undated, key=sort_key)
    events = story_events([e for e in entries if _EVENT_HINT.search(e.caption)], article)
    intervals = gentle_sorted(
        ((item.t0, max(item.t1, item.t0 + 1.0)) for item in items), key=lambda pair: pair
    )
    for event in events:
        start = seconds(dt.datetime.combine(event.day, dt.time()))
        intervals.append((start, start + DAY))
    story = Story(
        items=tuple(items),
        times=tuple(item.t for item in items),
        undated=tuple(undated),
        events=tuple(events),
        axis=build_axis(intervals),
    )
    story.index_of("")  # builds the walk and its index here, off the GUI thread
    return story
