# SPDX-License-Identifier: GPL-3.0-or-later
"""Direction controls stay inside their field; a file name's extension is shown as it is."""

from __future__ import annotations

import json

from gallery_app.core.gallery.labels import credit_text, excerpt, place_text
from gallery_app.core.inert import FSI, PDI, file_name, for_json, for_terminal, isolate
from gallery_app.core.models import Entry, Location

RLO = "\u202e"


def test_plain_text_is_left_alone() -> None:
    assert isolate("Tikrit, Iraq") == "Tikrit, Iraq"
    assert file_name("photo.jpg") == "photo.jpg"


def test_an_override_is_dropped_and_the_field_isolated() -> None:
    assert isolate(f"Tikrit{RLO}, Iraq") == f"{FSI}Tikrit, Iraq{PDI}"
    assert isolate("בגדאד") == f"{FSI}בגדאד{PDI}"  # right-to-left letters stay in their field


def test_each_label_field_is_isolated() -> None:
    place = Location(city=f"Tikrit{RLO}", country="Iraq")
    assert place_text(place) == f"{FSI}Tikrit{PDI}, Iraq"
    entry = Entry(id="1", position=1, caption=f"A {RLO}caption", credit=f"AP{RLO}")
    assert credit_text(entry) == f"{FSI}AP{PDI}"
    assert excerpt(entry.caption) == f"{FSI}A caption{PDI}"


def test_a_file_name_cannot_spoof_its_extension() -> None:
    assert file_name(f"invoice{RLO}gpj.exe") == "invoicegpj.exe"
    assert file_name("x\u2067gpj.exe") == "xgpj.exe"
    shown = file_name("צילום.jpg")
    assert shown.endswith(".jpg\u2069") and "צילום" in shown
    assert file_name("caf\udce9.jpg") == "caf\ufffd.jpg"


def test_terminal_and_json_text_is_inert() -> None:
    assert for_terminal("a\x1b[2J\x07\x00\x9b\x7fb\nc") == "a\\x1b[2J\\x07\\x00\\x9b\\x7fb\\x0ac"
    assert for_terminal("a\nb", keep_whitespace=True) == "a\nb"
    doc = json.dumps({"c": f"x\x7f\x85{RLO}\u2028y"}, ensure_ascii=False)
    safe = for_json(doc)
    assert all(ch not in safe for ch in f"\x7f\x85{RLO}\u2028")
    assert json.loads(safe) == json.loads(doc)
