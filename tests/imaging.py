# SPDX-License-Identifier: GPL-3.0-or-later
"""Build small JPEG, PNG and TIFF files carrying EXIF, IPTC-IIM and XMP, for tests.

Three builders make the metadata blocks (``exif_block``, ``iptc_block``,
``xmp_packet``); three writers put them into a file (``make_jpeg``,
``make_png``, ``make_tiff``); ``write_sidecar`` writes an ``.xmp`` next to a
photo.  Everything is made with Pillow plus a few hand-written JPEG segments,
so a test states exactly which tag holds what, including the odd layouts real
cameras produce (EXIF after APP6–APP9, two IPTC blocks, Latin-1 IPTC).

    path = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(description="Harbour", date_original="2021:06:01 20:15:00"),
        iptc=iptc_block({"city": "Hamburg"}),
        xmp=xmp_packet(description="Hamburg harbour"),
    )
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, TiffImagePlugin, TiffTags

# --- EXIF --------------------------------------------------------------------------------

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825


def _rational(value: float) -> TiffImagePlugin.IFDRational:
    frac = Fraction(value).limit_denominator(1_000_000)
    return TiffImagePlugin.IFDRational(frac.numerator, frac.denominator)


def _dms(value: float) -> tuple[TiffImagePlugin.IFDRational, ...]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return (_rational(degrees), _rational(minutes), _rational(round(seconds, 4)))


def user_comment(text: str, charset: str = "ASCII") -> bytes:
    """An EXIF UserComment value with its 8-byte charset prefix (ASCII, UNICODE, JIS)."""
    if charset == "UNICODE":
        return b"UNICODE\x00" + text.encode("utf-16-le")
    if charset == "JIS":
        return b"JIS\x00\x00\x00\x00\x00" + text.encode("shift_jis")
    return b"ASCII\x00\x00\x00" + text.encode("ascii")


def exif_block(
    *,
    description: str | bytes | None = None,
    artist: str | bytes | None = None,
    copyright: str | bytes | None = None,
    xp_comment: str | None = None,
    xp_title: str | None = None,
    user_comment: bytes | None = None,
    date_original: str | None = None,
    subsec_original: str | None = None,
    offset_original: str | None = None,
    date_digitized: str | None = None,
    date_time: str | None = None,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
) -> bytes:
    """EXIF as stored after "Exif\\0\\0" in a JPEG (a TIFF header and IFDs).

    Text given as ``str`` is written UTF-8 encoded (cameras do that in "ASCII"
    fields); give ``bytes`` to store other encodings.  ``gps`` is signed
    degrees; latitudes beyond ±90 are written as they are, for range tests.
    """
    exif = Image.Exif()
    for tag, value in ((0x010E, description), (0x013B, artist), (0x8298, copyright)):
        if value is not None:
            exif[tag] = value.encode("utf-8") if isinstance(value, str) else value
    if xp_comment is not None:
        exif[0x9C9C] = xp_comment.encode("utf-16-le") + b"\x00\x00"
    if xp_title is not None:
        exif[0x9C9B] = xp_title.encode("utf-16-le") + b"\x00\x00"
    if date_time is not None:
        exif[0x0132] = date_time
    if orientation is not None:
        exif[0x0112] = orientation
    sub: dict[int, object] = {}
    for tag, value in (
        (0x9003, date_original),
        (0x9291, subsec_original),
        (0x9011, offset_original),
        (0x9004, date_digitized),
        (0x9286, user_comment),
    ):
        if value is not None:
            sub[tag] = value
    if sub:
        exif[_EXIF_IFD] = sub
    if gps is not None:
        lat, lon = gps
        exif[_GPS_IFD] = {
            0: b"\x02\x03\x00\x00",
            1: "N" if lat >= 0 else "S",
            2: _dms(lat),
            3: "E" if lon >= 0 else "W",
            4: _dms(lon),
        }
    data = exif.tobytes()
    return data[6:] if data.startswith(b"Exif\x00\x00") else data


# --- IPTC-IIM ----------------------------------------------------------------------------

IPTC_FIELDS: dict[str, tuple[int, int]] = {
    "object_name": (2, 5),
    "date_created": (2, 55),
    "time_created": (2, 60),
    "byline": (2, 80),
    "city": (2, 90),
    "sublocation": (2, 92),
    "state": (2, 95),
    "country_code": (2, 100),
    "country": (2, 101),
    "headline": (2, 105),
    "credit": (2, 110),
    "copyright": (2, 116),
    "caption": (2, 120),
}
IptcValue = str | bytes | Sequence[str | bytes]


def iptc_block(
    fields: Mapping[str | tuple[int, int], IptcValue],
    *,
    encoding: str = "utf-8",
    declare_utf8: bool = True,
) -> bytes:
    """An IIM stream; keys are names from ``IPTC_FIELDS`` or (record, dataset) pairs.

    ``encoding`` encodes ``str`` values ("latin-1", "mac_roman"…);
    ``declare_utf8`` writes the 1:90 coded-character-set marker (ESC % G).
    A list value repeats the dataset (two by-lines).
    """
    out = bytearray()
    if declare_utf8:
        out += b"\x1c\x01\x5a\x00\x03\x1b%G"
    for key, value in fields.items():
        record, dataset = IPTC_FIELDS[key] if isinstance(key, str) else key
        values = [value] if isinstance(value, str | bytes) else list(value)
        for item in values:
            data = item.encode(encoding) if isinstance(item, str) else item
            out += bytes([0x1C, record, dataset]) + len(data).to_bytes(2, "big") + data
    return bytes(out)


def photoshop_app13(*iim_blocks: bytes) -> bytes:
    """An APP13 "Photoshop 3.0" payload holding one 8BIM IPTC resource per block."""
    out = bytearray(b"Photoshop 3.0\x00")
    for block in iim_blocks:
        out += b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00"
        out += len(block).to_bytes(4, "big") + block + (b"\x00" if len(block) % 2 else b"")
    return bytes(out)


# --- XMP ---------------------------------------------------------------------------------

_NS = (
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
    'xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/"'
)


def _alt(value: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'


def _seq(values: Sequence[str]) -> str:
    return "<rdf:Seq>" + "".join(f"<rdf:li>{escape(v)}</rdf:li>" for v in values) + "</rdf:Seq>"


def xmp_gps(value: float, positive: str, negative: str) -> str:
    """An XMP GPS coordinate in its "DDD,MM.mmmmK" form."""
    ref = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    return f"{degrees},{(value - degrees) * 60:.6f}{ref}"


def xmp_packet(
    *,
    description: str | None = None,
    title: str | None = None,
    headline: str | None = None,
    creator: str | Sequence[str] | None = None,
    rights: str | None = None,
    credit: str | None = None,
    date_created: str | None = None,
    create_date: str | None = None,
    sublocation: str | None = None,
    city: str | None = None,
    state: str | None = None,
    country: str | None = None,
    country_code: str | None = None,
    gps: tuple[float, float] | None = None,
    extra: str = "",
) -> bytes:
    """A complete XMP packet (UTF-8) with the given properties; ``extra`` is raw RDF."""
    props: list[str] = []
    if description is not None:
        props.append(f"<dc:description>{_alt(description)}</dc:description>")
    if title is not None:
        props.append(f"<dc:title>{_alt(title)}</dc:title>")
    if rights is not None:
        props.append(f"<dc:rights>{_alt(rights)}</dc:rights>")
    if creator is not None:
        names = [creator] if isinstance(creator, str) else list(creator)
        props.append(f"<dc:creator>{_seq(names)}</dc:creator>")
    simple = {
        "photoshop:Headline": headline,
        "photoshop:Credit": credit,
        "photoshop:DateCreated": date_created,
        "xmp:CreateDate": create_date,
        "Iptc4xmpCore:Location": sublocation,
        "photoshop:City": city,
        "photoshop:State": state,
        "photoshop:Country": country,
        "Iptc4xmpCore:CountryCode": country_code,
    }
    if gps is not None:
        simple["exif:GPSLatitude"] = xmp_gps(gps[0], "N", "S")
        simple["exif:GPSLongitude"] = xmp_gps(gps[1], "E", "W")
    props += [f"<{k}>{escape(v)}</{k}>" for k, v in simple.items() if v is not None]
    body = "".join(props) + extra
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {_NS}>{body}</rdf:Description>'
        "</rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return text.encode("utf-8")


# --- Files -------------------------------------------------------------------------------

XMP_APP1_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"


def jpeg_segment(marker: int, payload: bytes) -> bytes:
    """One JPEG marker segment (``marker`` 0xE0–0xEF for APP0–APP15)."""
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def _pixels(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    return Image.new(mode, size, (90, 120, 160) if mode == "RGB" else 128)


def make_jpeg(
    path: Path,
    *,
    size: tuple[int, int] = (32, 24),
    exif: bytes | None = None,
    iptc: bytes | Sequence[bytes] | None = None,
    xmp: bytes | None = None,
    segments_before_exif: Sequence[bytes] = (),
) -> Path:
    """Write a JPEG with the given blocks right after SOI, in the order a camera would.

    ``iptc`` may be several IIM blocks: each goes into its own APP13 segment,
    in order.  ``segments_before_exif`` are whole segments (see
    ``jpeg_segment``) placed before the EXIF APP1, e.g. an APP6 to reproduce
    cameras whose EXIF exifread cannot find.
    """
    buffer = io.BytesIO()
    _pixels(size).save(buffer, "JPEG", quality=70)
    data = buffer.getvalue()
    segments = list(segments_before_exif)
    if exif is not None:
        segments.append(jpeg_segment(0xE1, b"Exif\x00\x00" + exif))
    if xmp is not None:
        segments.append(jpeg_segment(0xE1, XMP_APP1_HEADER + xmp))
    blocks = [iptc] if isinstance(iptc, bytes) else list(iptc or ())
    segments += [jpeg_segment(0xED, photoshop_app13(block)) for block in blocks]
    path.write_bytes(data[:2] + b"".join(segments) + data[2:])
    return path


def make_png(
    path: Path,
    *,
    size: tuple[int, int] = (32, 24),
    exif: bytes | None = None,
    xmp: bytes | None = None,
    text: Mapping[str, str] | None = None,
) -> Path:
    """Write a PNG with an eXIf chunk, an XMP iTXt chunk and tEXt chunks as asked."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    if xmp is not None:
        info.add_itxt("XML:com.adobe.xmp", xmp.decode("utf-8"))
    kwargs: dict[str, object] = {"pnginfo": info}
    if exif is not None:
        kwargs["exif"] = exif
    _pixels(size).save(path, "PNG", **kwargs)
    return path


def make_tiff(
    path: Path,
    *,
    size: tuple[int, int] = (32, 24),
    exif: bytes | None = None,
    iptc: bytes | None = None,
    xmp: bytes | None = None,
) -> Path:
    """Write a TIFF whose first IFD carries the EXIF tags, IPTC (33723) and XMP (700)."""
    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    if exif is not None:
        parsed = Image.Exif()
        parsed.load(exif)
        for tag, value in parsed.items():
            ifd[tag] = value
        for sub in (_EXIF_IFD, _GPS_IFD):
            if parsed.get_ifd(sub):
                ifd[sub] = parsed.get_ifd(sub)
    if iptc is not None:
        ifd[33723] = iptc
        ifd.tagtype[33723] = TiffTags.UNDEFINED
    if xmp is not None:
        ifd[700] = xmp
        ifd.tagtype[700] = TiffTags.BYTE
    _pixels(size).save(path, "TIFF", tiffinfo=ifd)
    return path


def write_sidecar(
    photo_or_path: Path, xmp: bytes, *, encoding: str = "utf-8", name: str | None = None
) -> Path:
    """Write an XMP sidecar: ``photo.xmp`` by default, or ``name`` beside the photo.

    ``encoding`` "utf-16" re-encodes the packet (with a BOM), as some tools do.
    """
    target = photo_or_path.with_name(name) if name else photo_or_path.with_suffix(".xmp")
    data = xmp if encoding == "utf-8" else xmp.decode("utf-8").encode(encoding)
    target.write_bytes(data)
    return target
