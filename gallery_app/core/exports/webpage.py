# SPDX-License-Identifier: GPL-3.0-or-later
"""A static web gallery: one folder with ``index.html``, photos at web size and thumbnails.

It works from ``file://`` with no server and makes no external request (a
Content-Security-Policy says so to the browser).  Every text from the gallery
is escaped for HTML; the slideshow script reads the captions from a JSON block
(``<`` escaped) and puts them on the page with ``textContent`` only, so a
caption that says ``<script>`` shows literally.  Keys: → / ← next and previous,
Space play / pause, Esc closes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from importlib import resources

from gallery_app.core.exports.claims import claims_of
from gallery_app.core.exports.media import MediaRef
from gallery_app.core.models import Entry, Gallery

CSP = (
    "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)


def _template(name: str) -> str:
    return (resources.files("gallery_app.resources") / "export" / name).read_text("utf-8")


def _figure(entry: Entry, media: MediaRef | None, index: int) -> str:
    c = claims_of(entry)
    e = html.escape
    if media is not None and media.thumbnail:
        picture = (
            f'<a href="{e(media.url)}" data-index="{index}">'
            f'<img src="{e(media.thumbnail)}" alt="{e(c.headline)}" loading="lazy"></a>'
        )
    else:
        picture = '<div class="placeholder">Photo not included</div>'
    findings = "".join(f'<li class="finding">{e(f)}</li>' for f in c.findings)
    return (
        f'<figure id="photo-{e(c.id)}">{picture}<figcaption>'
        f'<p class="meta"><span class="pos">{c.position}</span> · '
        f"<time>{e(c.display_date)}</time> · {e(c.place or 'Place unknown')}</p>"
        f'<p class="caption">{e(c.caption)}</p>'
        f'<p class="credit">{e(c.credit)}</p>'
        f"{f'<ul>{findings}</ul>' if findings else ''}</figcaption></figure>"
    )


def _slides(entries: Sequence[Entry], media: Mapping[str, MediaRef]) -> str:
    slides = []
    for entry in entries:
        ref = media.get(entry.id)
        c = claims_of(entry)
        slides.append(
            {
                "src": ref.url if ref else None,
                "meta": f"{c.position} · {c.display_date} · {c.place or 'Place unknown'}",
                "caption": c.caption,
                "credit": c.credit,
            }
        )
    text = json.dumps(slides, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_html(gallery: Gallery, entries: Sequence[Entry], media: Mapping[str, MediaRef]) -> str:
    e = html.escape
    art = gallery.article
    intro = ""
    if art is not None:
        intro = f'<p class="standfirst">{e(art.standfirst)}</p>' if art.standfirst else ""
        if art.url and art.url.startswith(("http://", "https://")):
            intro += f'<p><a href="{e(art.url)}" rel="noreferrer">{e(art.headline)}</a></p>'
    figures = "\n".join(_figure(x, media.get(x.id), i) for i, x in enumerate(entries))
    values = {
        "csp": e(CSP),
        "title": e(gallery.title),
        "intro": intro,
        "count": str(len(entries)),
        "figures": figures,
        "slides": _slides(entries, media),
    }
    # one pass, so a caption that happens to say "{{slides}}" stays text
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], _template("webpage.html"))
