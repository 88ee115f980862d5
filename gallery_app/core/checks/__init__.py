# SPDX-License-Identifier: GPL-3.0-or-later
"""Findings: a photo's caption held against its file and the gallery's own data.

Three witnesses speak about each entry, and none is trusted over the others:
the caption text (read by ``captions.parse_caption``), the photo file's
EXIF/IPTC/XMP (``Entry.file``, or read from the file by ``metadata.reader``
when a photo was linked) and the gallery's own values (a manifest's date,
place and credit where neither of the other two gave them).

Flow: ``run.check_gallery`` -> for each entry ``witnesses.gather`` collects
the three -> every rule of ``rules.RULES`` (one per kind, each with its reason
and its tolerance; the rules themselves live in ``dates``, ``places``,
``names`` and ``inside_file``) returns ``Issue`` values -> ``run`` stamps them
with the entry and the rule's kind into frozen ``findings.Finding`` values.
Nothing here writes anything; the CLI prints findings, the app lists them in
its Checks panel and badges the photos they are about.
"""
