# SPDX-License-Identifier: GPL-3.0-or-later
"""Property-based: any bytes, any JSON value, any mutation of a valid manifest
gives a Gallery or one ManifestError sentence, quickly — never another exception."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gallery_app.core.errors import ManifestError
from gallery_app.core.gallery.manifest import parse_manifest

BASE = Path("/nonexistent-gallery-dir")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)

VALID = {
    "version": 1,
    "title": "T",
    "entries": [
        {"id": "01", "position": 1, "caption": "c", "dateCreated": "2015-03-30", "image": "a.jpg"}
    ],
}
FIELDS = ["version", "title", "entries", "id", "article"]
ENTRY_FIELDS = [
    "id",
    "position",
    "caption",
    "dateCreated",
    "image",
    "contentLocation",
    "context",
    "warnings",
    "isFilePhoto",
    "creditText",
]


def _check(raw: bytes) -> None:
    start = time.thread_time()
    try:
        parse_manifest(raw, base_dir=BASE)
    except ManifestError as exc:
        assert str(exc).startswith("gallery.json")
        assert "\n" not in str(exc)
    assert time.thread_time() - start < 2.0


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(raw: bytes) -> None:
    _check(raw)


@SETTINGS
@given(json_values)
def test_any_json_value(value: object) -> None:
    _check(json.dumps(value).encode())


@SETTINGS
@given(st.sampled_from(FIELDS), json_values)
def test_top_level_field_replaced(field: str, value: object) -> None:
    data = dict(VALID)
    data[field] = value
    _check(json.dumps(data).encode())


@SETTINGS
@given(st.sampled_from(ENTRY_FIELDS), json_values)
def test_entry_field_replaced(field: str, value: object) -> None:
    entry = dict(VALID["entries"][0])  # type: ignore[index]
    entry[field] = value
    _check(json.dumps({**VALID, "entries": [entry]}).encode())


@SETTINGS
@given(st.integers(min_value=0, max_value=200), st.binary(min_size=1, max_size=3))
def test_valid_manifest_with_bytes_spliced_in(offset: int, junk: bytes) -> None:
    raw = json.dumps(VALID).encode()
    offset = min(offset, len(raw))
    _check(raw[:offset] + junk + raw[offset:])
