# SPDX-License-Identifier: GPL-3.0-or-later
"""JSON objects that name each key once, and where the second one is when they do not.

``json.loads`` keeps the last of two equal keys without a word, so a manifest
with ``"caption"`` twice in one entry silently loses the first caption.
``unique_pairs`` (an ``object_pairs_hook``) refuses such an object at full
parsing speed; only then ``duplicate_key_line`` walks the text once more to
name the line of the second key for the error sentence.
"""

from __future__ import annotations

import json
from typing import Any


class DuplicateKeyError(ValueError):
    """An object names ``key`` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key


def unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``dict(pairs)``, or ``DuplicateKeyError`` when a key comes twice."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return result


def duplicate_key_line(text: str) -> tuple[str, int] | None:
    """The first key that repeats within one object of the valid JSON ``text``, and its line.

    A plain walk over the text: strings are skipped whole (escapes included),
    braces and brackets keep a stack of the keys seen in each open object, and
    a string right after ``{`` or ``,`` inside an object is a key.
    """
    stack: list[set[str] | None] = []
    expect_key = False
    line, i, end = 1, 0, len(text)
    while i < end:
        char = text[i]
        if char == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            keys = stack[-1] if stack else None
            if expect_key and keys is not None:
                key = json.loads(text[i : j + 1])
                if key in keys:
                    return key, line
                keys.add(key)
                expect_key = False
            i = j + 1
            continue
        if char == "\n":
            line += 1
        elif char == "{":
            stack.append(set())
            expect_key = True
        elif char == "[":
            stack.append(None)
        elif char in "}]":
            stack.pop()
            expect_key = False
        elif char == ",":
            expect_key = bool(stack) and stack[-1] is not None
        i += 1
    return None
