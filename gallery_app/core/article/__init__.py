# SPDX-License-Identifier: GPL-3.0-or-later
"""Article text -> the article and its gallery entries.

``text`` decodes the saved page and, with ``lines``, sorts its lines into
headline, standfirst, paragraphs, boilerplate and gallery captions;
``importer`` turns the gallery captions into entries (through
``core.captions``) and ``links`` ties each entry to the paragraphs that speak
of it, with the reason in words.
"""
