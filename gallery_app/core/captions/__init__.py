# SPDX-License-Identifier: GPL-3.0-or-later
"""Caption text -> when, where, who: the claims a wire caption makes.

``parse.parse_caption`` is the entry point. It cleans the text (``text``), then
asks each reader in turn: ``dates`` for the photo's date and its precision,
``places`` for the dateline place (placed by the offline ``gazetteer``),
``credits`` for the photographer and the agency kept apart. Each reader is a
list of declared rules with their reasons. Nothing here reads files: the
captions come from manifests, articles and photo metadata alike.
"""
