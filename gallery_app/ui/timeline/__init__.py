# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline strip: the view, its painting, its words and its search counts.

The strip (``view``, ``paint``, ``text``, ``search``) draws the days of the
filtered gallery and turns a click into a date filter on the shared
``FilterState``; the story page (``story_*``) lays galleries and articles out
on one time axis from ``core.story`` and opens a photo on a click.
"""
