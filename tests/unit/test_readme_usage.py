# SPDX-License-Identifier: GPL-3.0-or-later
"""The README's usage lines offer what the commands accept."""

from __future__ import annotations

import re
from pathlib import Path

from gallery_app.cli.thumbnails import SIZE_CHOICES

README = Path(__file__).resolve().parents[2] / "README.md"


def test_thumbnail_sizes_in_the_readme_are_those_of_the_command() -> None:
    text = README.read_text(encoding="utf-8")
    usage = re.search(r"gallery-cli thumbnails PATH \[--size ([a-z|-]+)\]", text)
    assert usage is not None
    assert tuple(usage.group(1).split("|")) == SIZE_CHOICES
