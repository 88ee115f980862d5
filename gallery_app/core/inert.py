# SPDX-License-Identifier: GPL-3.0-or-later
"""Text from files made inert before it meets a terminal or a text layout.

A caption, a credit or a file name is written by whoever made the file.  Two
kinds of characters in it can act instead of being read:

- **terminal controls** (C0, ESC, DEL, C1): ``ESC [ 2 J`` clears the screen, a
  BEL rings, a NUL truncates.  ``for_terminal`` shows each as a visible escape
  (``\\x1b``, ``\\x07``); ``for_json`` keeps a JSON document valid and ASCII-safe
  where the JSON encoder would let DEL, C1, the line separators, direction
  controls or an undecodable byte of a file name through raw.
- **direction controls**: an unbalanced U+202E RIGHT-TO-LEFT OVERRIDE in one
  field reverses everything drawn after it — the next field, a file's
  extension.  ``isolate`` wraps a field in FIRST STRONG ISOLATE … POP
  DIRECTIONAL ISOLATE, which closes whatever the field opened, and drops the
  overrides and embeddings themselves (they have no honest use in a caption);
  ``file_name`` strips every direction control from a name and pins its
  extension at the end, left to right, as it really is.

Nothing here knows about Qt: the CLI and the widgets share it.
"""

from __future__ import annotations

import re
import unicodedata

from gallery_app.core.textdecode import printable

FSI, PDI, LRI = "\u2068", "\u2069", "\u2066"
# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO): dropped from what is shown.
OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")
# Every invisible direction control: the above, the isolates and the marks.
DIRECTION_CONTROLS = OVERRIDES | frozenset("\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_OVERRIDES_RE = re.compile("[\u202a-\u202e]")
_DIRECTION_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_RTL_CLASSES = frozenset({"R", "AL", "AN"})
# C0 (tab and newlines included), DEL and C1: control characters for a terminal.
_TERMINAL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
_TERMINAL_KEEP_WS_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal or a strict reader minds.
_JSON_RAW_RE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _needs_isolation(text: str) -> bool:
    """Whether ``text`` could reorder its neighbours: right-to-left letters or controls."""
    for ch in text:
        if ord(ch) >= 0x590 and (
            ch in DIRECTION_CONTROLS or unicodedata.bidirectional(ch) in _RTL_CLASSES
        ):
            return True
    return False


def isolate(text: str) -> str:
    """``text`` as one isolated field: it can never reorder what is drawn beside it.

    Plain left-to-right text comes back unchanged (most captions); text with
    right-to-left letters or direction controls loses its overrides and
    embeddings and is wrapped in FSI … PDI.  Undecodable bytes show as U+FFFD.
    """
    text = printable(text)
    if not _needs_isolation(text):
        return text
    text = _OVERRIDES_RE.sub("", text)
    if text.startswith(FSI) and text.endswith(PDI):  # isolated already (``place_text``)
        return text
    return f"{FSI}{text}{PDI}"


def file_name(name: str) -> str:
    """A file name as shown: direction controls removed, the extension last and as it is.

    "photo\\u202egpj.exe" is shown as "photogpj.exe", never as "photoexe.jpg";
    a right-to-left name keeps its letters but its extension stays at the end.
    """
    name = _DIRECTION_RE.sub("", printable(name))
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or not _needs_isolation(name):
        return name
    return f"{LRI}{FSI}{stem}{PDI}.{extension}{PDI}"


def has_direction_controls(text: str) -> bool:
    return _DIRECTION_RE.search(text) is not None


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str, *, keep_whitespace: bool = False) -> str:
    """``text`` safe to print: control characters (C0, ESC, DEL, C1) shown as ``\\x1b`` escapes.

    With ``keep_whitespace`` tabs and line breaks stay (the caller wraps the
    text); direction controls are shown as ``\\u202e``; undecodable bytes of a
    file name as U+FFFD.
    """
    pattern = _TERMINAL_KEEP_WS_RE if keep_whitespace else _TERMINAL_RE
    text = pattern.sub(_escape, printable(text))
    return _DIRECTION_RE.sub(_escape, text)


def for_json(document: str) -> str:
    """A JSON document with DEL, C1, line separators and direction controls as ``\\uXXXX``.

    Such characters only occur inside JSON strings, where the escape means the
    same character: the document stays valid and reads back equal, but prints
    inert.  Undecodable bytes become U+FFFD first.
    """
    if document.isascii() and "\x7f" not in document:  # the usual case, checked in C
        return document
    return _JSON_RAW_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(document))
