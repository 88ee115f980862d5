# SPDX-License-Identifier: GPL-3.0-or-later
"""Caption text -> when, where, who: the claims a wire caption makes.

``parse.parse_caption`` is the entry point. It cleans the text (``text``, which
also drops agency numbers and notes to editors), then asks each reader in
turn: ``credits`` for the photographer and the agency kept apart (``names``
tells a person from an organisation), ``dates`` for the photo's date and its
precision, ``places`` for the dateline place (``place_alone`` for a place
named without its country; ``place_names`` and the declared ``place_rules``
shared by both; coordinates from the offline ``gazetteer``).  Each reader is a
list of declared rules with their reasons. Nothing here reads files: the
captions come from manifests, articles and photo metadata alike.
"""
