# SPDX-License-Identifier: GPL-3.0-or-later
"""Dateline: a desktop photo-gallery and caption viewer.

Data flows one way: files -> ``core`` (pure Python values) -> ``qt`` (models,
proxies, workers) -> ``ui`` (widgets).  ``app`` composes them; ``cli`` offers
the same core as headless commands.
"""

__version__ = "0.1.0"
APP_ID = "org.dateline.Dateline"
APP_NAME = "Dateline"
