# SPDX-License-Identifier: GPL-3.0-or-later
"""Real captions as pages and agencies printed them, with what a reader takes from them.

The rows live in ``real_captions.json``, each with its source: agency picture
pages (Reuters, EPA, Xinhua), AP captions reprinted by newspapers, Getty and
PA credits on picture sites, the project's own photo corpus, and the classes
of issue 11 (detached credits, editors' trailers, weekday readings...) laid
out on real caption text.  A key left out of a row is not checked by it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gallery_app.core.captions.parse import parse_caption

_DATA = json.loads((Path(__file__).parent / "real_captions.json").read_text(encoding="utf-8"))
ROWS: list[dict[str, Any]] = _DATA["rows"]
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _id(row: dict[str, Any]) -> str:
    return row["caption"][:48]


def _params() -> list[Any]:
    """Rows the parser still gets wrong say why ("known"); they must keep failing
    (strict), so that a fix shows up and the note is removed."""
    return [
        pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=r["known"]))
        if r.get("known")
        else r
        for r in ROWS
    ]


def test_the_table_holds_at_least_150_shapes_each_with_a_source() -> None:
    assert len({(r["caption"], r.get("ref")) for r in ROWS}) >= 150
    assert all(r.get("source") for r in ROWS)


@pytest.mark.parametrize("row", _params(), ids=_id)
def test_real_caption(row: dict[str, Any]) -> None:
    ref = dt.date.fromisoformat(row["ref"]) if row.get("ref") else None
    parsed = parse_caption(row["caption"], reference=ref)
    taken, location = parsed.taken, parsed.location
    got: dict[str, Any] = {
        "date": taken.iso() if taken else None,
        "uncertain": taken.uncertain if taken else None,
        "inferred": taken.inferred if taken else None,
        "readings": [r.day.isoformat() for r in parsed.readings],
        "creator": parsed.creator,
        "credit": parsed.credit,
        "file": parsed.file_photo,
    }
    for key in ("city", "region", "cc", "sub"):
        attr = {"cc": "country_code", "sub": "sublocation"}.get(key, key)
        got[key] = getattr(location, attr) if location else None
    expected = {k: row[k] for k in got if k in row}
    assert {k: got[k] for k in expected} == expected, row["source"]
    if row.get("date"):
        assert taken is not None
        assert taken.precision.value == _PRECISION[len(row["date"])]
    if "place" in row:
        assert location is None
    if "ends" in row:
        assert parsed.text.endswith(row["ends"]), parsed.text
    if "starts" in row:
        assert parsed.text.startswith(row["starts"]), parsed.text
    if "warn" in row:
        assert any(row["warn"] in w for w in parsed.warnings), parsed.warnings
