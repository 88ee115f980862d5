# SPDX-License-Identifier: GPL-3.0-or-later
"""Entry point of the bundled console ``dateline-cli`` executable (see dateline.spec)."""

import sys

from gallery_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
