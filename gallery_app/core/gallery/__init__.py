# SPDX-License-Identifier: GPL-3.0-or-later
"""Galleries as values: loading, filtering, ordering, describing, exporting.

``manifest`` reads and writes ``gallery.json``; ``entries`` builds an Entry
from a file's metadata; ``ordering`` holds the one sort order; ``query``
decides which entries a filter shows and ``timeline`` counts them per
hour/day/month/year; ``labels`` gives short texts about an entry and
``export`` the plain data of ``gallery-cli list --json``.
"""
