# SPDX-License-Identifier: GPL-3.0-or-later
"""Read XMP packets, embedded or in ``.xmp`` sidecars, into a flat map of text.

Every simple property, language alternative (the ``x-default`` item first) and
ordered/unordered list (items joined with "; ") becomes one entry keyed
"XMP prefix:Name", the same label the precedence tables and ``sources`` use.
XML is parsed with defusedxml only (a sidecar is untrusted input), and the
packet may be UTF-8 or UTF-16 with or without a byte-order mark.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from gallery_app.core import textdecode

log = logging.getLogger(__name__)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFIXES: dict[str, str] = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://cipa.jp/exif/1.0/": "exifEX",
}
LIST_JOINER = "; "
_MAX_PACKET = 4 * 1024 * 1024
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)


class XmpError(ValueError):
    """An XMP packet that cannot be parsed; ``str()`` is a sentence."""


def _to_text(packet: bytes | str) -> str:
    if isinstance(packet, str):
        return packet
    data = packet[:_MAX_PACKET]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if len(data) > 1 and (data[0] == 0 or data[1] == 0):
        codec = "utf-16-be" if data[0] == 0 else "utf-16-le"
        return data[: len(data) // 2 * 2].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _label(tag: str) -> str | None:
    if not tag.startswith("{"):
        return None
    uri, _, local = tag[1:].partition("}")
    prefix = PREFIXES.get(uri)
    return f"XMP {prefix}:{local}" if prefix else None


def _value(prop: Element) -> str | None:
    resource = prop.get(f"{{{RDF}}}resource")
    if resource is not None:
        return textdecode.clean(resource)
    for container in prop:
        if container.tag == f"{{{RDF}}}Alt":
            items = list(container)
            chosen = next((li for li in items if li.get(XML_LANG) == "x-default"), None)
            chosen = chosen if chosen is not None else (items[0] if items else None)
            return textdecode.clean(chosen.text) if chosen is not None else None
        if container.tag in (f"{{{RDF}}}Seq", f"{{{RDF}}}Bag"):
            parts = [t for t in (textdecode.clean(li.text) for li in container) if t]
            return LIST_JOINER.join(parts) or None
        return None  # a structure: not a simple value
    return textdecode.clean(prop.text)


def parse_packet(packet: bytes | str) -> dict[str, str]:
    """Flatten an XMP packet; raises ``XmpError`` when it is not well-formed XML."""
    text = _XML_DECL.sub("", _to_text(packet), count=1).strip().strip("\x00")
    start = text.find("<x:xmpmeta")
    if start < 0:
        start = text.find("<rdf:RDF")
    if start > 0:
        text = text[start:]
    end_meta = text.rfind("</x:xmpmeta>")
    if end_meta >= 0:
        text = text[: end_meta + len("</x:xmpmeta>")]
    try:
        root = SafeET.fromstring(text)
    except DefusedXmlException:
        # An entity bomb or an external reference: refused, never expanded or fetched.
        raise XmpError(
            "the XMP data declares XML entities or external references, which are never read"
        ) from None
    except Exception as error:  # ParseError and the like
        raise XmpError(f"the XMP data is not valid XML ({error})") from None
    out: dict[str, str] = {}
    for desc in root.iter(f"{{{RDF}}}Description"):
        for attr, raw in desc.attrib.items():
            label = _label(attr)
            value = textdecode.clean(raw)
            if label and value and label not in out:
                out[label] = value
        for prop in desc:
            label = _label(prop.tag)
            if label is None or label in out:
                continue
            value = _value(prop)
            if value:
                out[label] = value
    return out


def sidecar_paths(image: Path) -> tuple[Path, ...]:
    """Where a sidecar of ``image`` may live: ``photo.xmp`` and ``photo.jpg.xmp`` (any case)."""
    stem_side = image.with_suffix("")
    return (
        image.with_name(image.name + ".xmp"),
        image.with_name(image.name + ".XMP"),
        stem_side.with_name(stem_side.name + ".xmp"),
        stem_side.with_name(stem_side.name + ".XMP"),
    )


def find_sidecar(image: Path) -> Path | None:
    """The first existing sidecar of ``image``, or ``None``."""
    for candidate in sidecar_paths(image):
        if candidate != image and candidate.is_file():
            return candidate
    return None


class SidecarIndex:
    """The ``.xmp`` sidecars of each folder, found with one listing per folder.

    ``find_sidecar`` asks the disk four times per photo; a scan of 10,000
    photos asks once per folder instead.  An index lives as long as one scan
    (a sidecar written after its folder was listed is seen by the next scan).
    """

    def __init__(self) -> None:
        self._folders: dict[str, frozenset[str]] = {}

    def _names(self, folder: str) -> frozenset[str]:
        names = self._folders.get(folder)
        if names is None:
            try:
                listed = os.listdir(folder or ".")
            except OSError as error:
                log.info("Cannot list %s for sidecars: %s", folder, error)
                listed = []
            names = frozenset(n for n in listed if n[-4:].lower() == ".xmp")
            self._folders[folder] = names
        return names

    def find(self, image: Path) -> Path | None:
        """The first sidecar of ``image`` in its folder's listing (as ``find_sidecar``)."""
        names = self._names(os.path.dirname(image))
        if not names:
            return None
        for candidate in sidecar_paths(image):
            if candidate.name in names and candidate != image:
                return candidate
        return None


_GPS_RE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$"
)


def parse_gps(text: str) -> float | None:
    """XMP GPS coordinate "51,30.5N" / "51,30,15N" / "-0.12" as signed degrees."""
    m = _GPS_RE.match(text.upper())
    if m:
        deg, minutes, seconds, ref = m.groups()
        value = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
        return -value if ref in "SW" else value
    try:
        return float(text)
    except ValueError:
        return None
