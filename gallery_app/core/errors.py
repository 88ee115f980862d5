# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors that carry one sentence a person can read."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: ``str(error)`` is a sentence fit to show the user."""


class ManifestError(DatelineError):
    """A gallery manifest could not be loaded; the message names file and place."""


class ArticleError(DatelineError):
    """An article text could not be imported."""
