#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write ``packaging/<app-id>.desktop`` and ``.metainfo.xml`` from the app's own texts.

The texts live in ``gallery_app.desktop.integration`` so that
``gallery-app --install-desktop`` works from a wheel; the copies here are for
validators and distribution packagers.  Run after changing the texts;
``--check`` exits 1 when the copies have drifted (``packaging/check.sh`` uses it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gallery_app.desktop import integration as di  # noqa: E402


def expected(packaging: Path) -> dict[Path, str]:
    """Each packaging file with the text it should hold (``Exec`` left to ``$PATH``)."""
    return {
        packaging / di.DESKTOP_FILE_NAME: di.desktop_entry_text(),
        packaging / di.METAINFO_FILE_NAME: di.metainfo_text(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--packaging", type=Path, default=ROOT / "packaging")
    args = parser.parse_args(argv)
    stale = 0
    for path, text in expected(args.packaging).items():
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from gallery_app/desktop/integration.py; "
                      "run packaging/write_desktop_files.py")  # fmt: skip
                stale += 1
        else:
            path.write_text(text, encoding="utf-8")
            print(path)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
