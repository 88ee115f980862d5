# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare Dateline's metadata reader with ``exiftool -use MWG -json -G1 -n``, field by field.

Usage: python bench/compare_exiftool.py [FOLDER] [--show N] [--exiftool PATH]

``--exiftool`` picks the reference: the ``exiftool`` on PATH by default (Debian's
12.57 here), or another release, e.g. the current one that npm's
``exiftool-vendored.pl`` package ships (``node_modules/exiftool-vendored.pl/bin/exiftool``).
The report names the version it compared against.

FOLDER defaults to ../shared/corpus/images; every file the folder scan lists
(photos, camera RAWs, videos) is compared.  Description, creator, copyright
and date are exiftool's own MWG composite tags (``MWG:*``: EXIF first, then XMP
or IPTC as the IPTC digest says), so Dateline's MWG reconciliation is compared
with exiftool's.  City and country are not: exiftool's ``MWG:City`` also reads
the IPTC Extension's LocationShown list, which Dateline does not read, so they
are compared by their IPTC Core tags like the other fields, which are reduced with
the same precedence as ``gallery_app.core.metadata.sources`` (IPTC ahead of XMP
when the digest is stale, as in ``core.metadata.mwg``), and the same
boilerplate filter, so that a disagreement means the two readers decoded
something differently, not that they ranked sources differently.  Sidecars are ignored on
both sides (exiftool does not merge them).

Like is compared with like (each rule says which exiftool tag stands for what
Dateline reports; none of them drops a file):

- each text field falls back to the same tags as Dateline's table, XP tags and
  PNG text chunks included; the date falls back, after the MWG tags, to the
  tags of containers MWG does not cover (CRW, QuickTime keys and movie header,
  RIFF ``IDIT``), in Dateline's order;
- the GPS position is exiftool's EXIF composite, else its XMP ``exif:GPS*``
  tags, as Dateline's sources;
- orientation is ``MWG:Orientation``, except a HEIF with an ``irot`` box (the
  turn HEIF viewers apply, ``QuickTime:Rotation``) and a CRW
  (``CanonRaw:Rotation``);
- size is ``Composite:ImageSize``: the main picture as stored (a RAW's
  full-size picture, not its first preview; a video's frame), where the
  old comparison took the first ``ImageWidth`` tag it found;
- a picture file Dateline refuses as damaged (with a sentence) has no size by
  design; where exiftool prints the size its header claims, the file is
  counted under "left out" for size, listed with --show, and kept out of
  that field's share.

Where Dateline differs on purpose, the disagreement still counts against the
share (no agreement is faked), and its line says why (``KNOWN``): a JPEG XL
whose size an older exiftool does not read (Dateline reads the codestream's
size header; ExifTool 13 reads the same size).

Prints agreement per field (share = agree + both empty, of the files
compared) and the first N disagreements of each field.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gallery_app.core.folders.listing import iter_image_files
from gallery_app.core.metadata import junk, sniff
from gallery_app.core.metadata import reader as metadata
from gallery_app.core.models import ImageStatus

# Dateline gives no pixel size for a file it cannot open as a picture (a broken header
# or picture data): it says why instead.  exiftool prints whatever size the header
# claims (808464432 x 808464432 for one of them).  Those files are counted apart
# ("left out"), listed with --show, and not in the share.
DAMAGED = "damaged"

# Each field's tags in the order of ``core.metadata.sources`` (EXIF's XP tags and PNG's
# text chunks included: both readers read them).
TEXT_TAGS = {
    "caption": [
        "MWG:Description",
        "XMP-dc:Description",
        "IPTC:Caption-Abstract",
        "IFD0:ImageDescription",
        "IFD0:XPComment",
        "ExifIFD:UserComment",
        "PNG:Description",
        "PNG:Comment",
    ],
    "title": [
        "XMP-photoshop:Headline",
        "XMP-dc:Title",
        "IPTC:Headline",
        "IPTC:ObjectName",
        "IFD0:XPTitle",
        "PNG:Title",
    ],
    "creator": [
        "MWG:Creator",
        "XMP-dc:Creator",
        "IPTC:By-line",
        "IFD0:Artist",
        "IFD0:XPAuthor",
        "PNG:Author",
    ],
    "credit": ["XMP-photoshop:Credit", "IPTC:Credit"],
    "copyright": [
        "MWG:Copyright",
        "XMP-dc:Rights",
        "IPTC:CopyrightNotice",
        "IFD0:Copyright",
        "PNG:Copyright",
    ],
    "city": ["XMP-photoshop:City", "IPTC:City"],
    "country": ["XMP-photoshop:Country", "IPTC:Country-PrimaryLocationName"],
}
DATE_TAGS = [
    "MWG:DateTimeOriginal",
    "ExifIFD:DateTimeOriginal",
    "XMP-photoshop:DateCreated",
    "IPTC:DateCreated",
    "XMP-exif:DateTimeOriginal",
    "ExifIFD:CreateDate",
    "XMP-xmp:CreateDate",
    "XMP-exif:DateTimeDigitized",
    "IPTC:DigitalCreationDate",
    "IFD0:ModifyDate",
    # No MWG tag covers these containers; Dateline reads them in this order (``sources``).
    "CanonRaw:DateTimeOriginal",
    "Keys:CreationDate",
    "RIFF:DateTimeOriginal",
    "QuickTime:CreateDate",
    "ItemList:ContentCreateDate",
    "UserData:ContentCreateDate",
    "RIFF:DateCreated",
]
# exiftool's rotation of a CRW (CanonRaw:Rotation) and of a HEIF's ``irot`` box
# (QuickTime:Rotation, degrees anticlockwise) as the EXIF code that turns the picture upright.
CRW_ROTATION = {0: 1, 90: 6, 180: 3, 270: 8}
HEIF_ROTATION = {0: 1, 90: 8, 180: 3, 270: 6}
HEIF_TYPES = {"HEIC", "HEIF", "AVIF"}


def _norm(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text or None


def _stale_digest(row: dict) -> bool:
    stored, current = row.get("Photoshop:IPTCDigest"), row.get("File:CurrentIPTCDigest")
    return bool(stored and current and str(stored).lower() != str(current).lower())


def _mwg_order(tags: list[str], stale: bool) -> list[str]:
    """IPTC tags ahead of XMP ones when the digest is stale (fields without an MWG tag)."""
    if not stale:
        return tags
    rank = {"MWG": 0, "IPTC": 1, "XMP": 2}
    return sorted(tags, key=lambda t: rank.get(t.split(":")[0].split("-")[0], 3))


def exif_text(row: dict, field: str) -> str | None:
    for tag in _mwg_order(TEXT_TAGS[field], _stale_digest(row)):
        text = _norm(row.get(tag))
        if text and not (field == "caption" and junk.is_junk(text)):
            return text
    return None


def exif_date(row: dict) -> str | None:
    for tag in DATE_TAGS:
        text = _norm(row.get(tag))
        if not text or text.strip(" :0-T") == "":
            continue
        text = text.replace("-", ":").replace("T", " ")
        if len(text) >= 10 and text[:4].isdigit() and 1800 < int(text[:4]) < 2200:
            try:
                month, day = int(text[5:7]), int(text[8:10])
            except ValueError:
                continue
            if 1 <= month <= 12 and 1 <= day <= 31:
                return text[:16]
    return None


def exif_gps(row: dict) -> tuple[float, float] | None:
    """EXIF's position (exiftool's composite), else XMP's, as Dateline's ``GPS`` sources."""
    lat, lon = row.get("Composite:GPSLatitude"), row.get("Composite:GPSLongitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        lat, lon = row.get("XMP-exif:GPSLatitude"), row.get("XMP-exif:GPSLongitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    return float(lat), float(lon)


def ours(meta: metadata.FileMetadata, path: Path) -> dict[str, object]:
    loc = meta.location
    taken = meta.taken.value.strftime("%Y:%m:%d %H:%M") if meta.taken else None
    if meta.taken and meta.taken.precision in ("year", "month", "day"):
        taken = meta.taken.value.strftime("%Y:%m:%d")
    return {
        "caption": _norm(meta.caption),
        "title": _norm(meta.title),
        "creator": _norm(meta.creator),
        "credit": _norm(meta.credit),
        "copyright": _norm(meta.copyright),
        "city": _norm(loc.city) if loc else None,
        "country": _norm(loc.country) if loc else None,
        "date": taken,
        "gps": (loc.lat, loc.lon) if loc and loc.lat is not None else None,
        "orientation": meta.info.orientation,
        "size": (meta.info.width, meta.info.height) if meta.info.width else _no_size(meta, path),
    }


def _no_size(meta: metadata.FileMetadata, path: Path) -> str | None:
    """``DAMAGED`` for a picture file Dateline refuses, with a sentence (no size given)."""
    if meta.info.status is not ImageStatus.UNREADABLE or not meta.warnings:
        return None
    with path.open("rb") as fh:
        kind = sniff.sniff_bytes(fh.read(sniff.HEAD_SIZE))
    return DAMAGED if kind is not None and kind.is_image else None


def exif_orientation(row: dict) -> int | None:
    """The EXIF code that turns the stored picture upright, as exiftool reads each container.

    ``MWG:Orientation`` (EXIF, else XMP ``tiff:Orientation``), except: a HEIF
    with an ``irot`` box is turned by it, which HEIF viewers (and libheif)
    apply, so the box is compared; a CRW says it in ``CanonRaw:Rotation``.
    """
    if row.get("File:FileType") in HEIF_TYPES and row.get("QuickTime:Rotation") is not None:
        turn = row["QuickTime:Rotation"]
        # ExifTool 13 prints the ``irot`` box's own value with -n (quarter turns), 12 degrees.
        return HEIF_ROTATION.get(turn * 90 if turn in (1, 2, 3) else turn)
    if row.get("File:FileType") == "CRW" and "CanonRaw:Rotation" in row:
        return CRW_ROTATION.get(row["CanonRaw:Rotation"])
    orientation = row.get("MWG:Orientation")
    return orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else None


def exif_size(row: dict) -> tuple[int, int] | None:
    """exiftool's size of the main picture (``Composite:ImageSize``), as stored."""
    composite = row.get("Composite:ImageSize")
    if isinstance(composite, str) and len(composite.split()) == 2:
        try:
            width, height = (int(float(v)) for v in composite.split())
        except ValueError:
            return None
        return (width, height) if width and height else None
    width = row.get("File:ImageWidth") or row.get("PNG:ImageWidth") or row.get("IFD0:ImageWidth")
    height = (
        row.get("File:ImageHeight") or row.get("PNG:ImageHeight") or row.get("IFD0:ImageHeight")
    )
    return (width, height) if isinstance(width, int) and isinstance(height, int) else None


def theirs(row: dict) -> dict[str, object]:
    out: dict[str, object] = {f: exif_text(row, f) for f in TEXT_TAGS}
    out["date"] = exif_date(row)
    out["gps"] = exif_gps(row)
    out["orientation"] = exif_orientation(row)
    out["size"] = exif_size(row)
    return out


def same(field: str, a: object, b: object) -> bool:
    if field == "gps" and a and b:
        return all(math.isclose(x, y, abs_tol=1e-4) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if field == "date" and isinstance(a, str) and isinstance(b, str):
        return a[:10] == b[:10] and (len(a) < 16 or len(b) < 16 or a == b)
    return a == b


def known_reason(field: str, row: dict, ours: object, theirs: object) -> str | None:
    """Why Dateline differs from this exiftool on purpose, or ``None`` (a disagreement to fix)."""
    if field == "size" and theirs is None and ours and row.get("File:FileType") == "JXL":
        version = str(row.get("ExifTool:ExifToolVersion", "?"))
        return (
            f"exiftool {version} reads no JPEG XL size; Dateline reads the codestream's size "
            "header (ExifTool 13 reads the same size)"
        )
    return None


def exiftool_version(exiftool: str) -> str:
    proc = subprocess.run([exiftool, "-ver"], capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def exiftool_rows(files: list[Path], exiftool: str = "exiftool") -> dict[str, dict]:
    """exiftool's tags (MWG composites included) per file, 200 files per process."""
    rows: dict[str, dict] = {}
    for start in range(0, len(files), 200):
        chunk = [str(p) for p in files[start : start + 200]]
        proc = subprocess.run(
            [
                exiftool,
                *("-use", "MWG", "-json", "-G1", "-n", "-q", "-q"),
                *("-all", "-CurrentIPTCDigest", "-Composite:ImageSize", "-ExifToolVersion"),
                *chunk,
            ],
            capture_output=True,
            check=False,
        )
        for row in json.loads(proc.stdout.decode("utf-8", "replace") or "[]"):
            rows[row["SourceFile"]] = row
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "images"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--show", type=int, default=3, help="disagreements to print per field")
    parser.add_argument(
        "--exiftool", default="exiftool", help="the exiftool to compare with (default: on PATH)"
    )
    args = parser.parse_args()
    # Pillow warns about the damaged files of the corpus; Dateline logs those notes.
    warnings.simplefilter("ignore")
    files = list(iter_image_files(args.folder))
    rows = exiftool_rows(files, args.exiftool)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    left_out: list[str] = []
    with mock.patch("gallery_app.core.metadata.xmp.find_sidecar", return_value=None):
        for path in files:
            row = rows.get(str(path))
            if row is None:
                continue
            a, b = ours(metadata.read_metadata(path), path), theirs(row)
            for field in b:
                x, y = a[field], b[field]
                if x == DAMAGED and y is not None:
                    counts[field]["left out"] += 1
                    left_out.append(f"    {path.name}: exiftool={y!r}")
                elif x in (None, DAMAGED) and y is None:
                    counts[field]["both empty"] += 1
                elif same(field, x, y):
                    counts[field]["agree"] += 1
                else:
                    kind = "only exiftool" if x is None else "only ours" if y is None else "differ"
                    counts[field][kind] += 1
                    why = known_reason(field, row, x, y)
                    if len(examples[field]) < args.show:
                        examples[field].append(
                            f"    {kind}: {path.name}: ours={x!r} exiftool={y!r}"
                            + (f"\n      KNOWN: {why}" if why else "")
                        )
    version = exiftool_version(args.exiftool)
    print(f"{len(files)} files, {len(rows)} read by exiftool {version} ({args.exiftool})")
    print(
        f"{'field':12} {'agree':>6} {'empty':>6} {'differ':>7} {'ours':>6} {'exiftool':>9} "
        f"{'left out':>9}  share"
    )
    for field, c in counts.items():
        total = sum(c.values()) - c["left out"]
        ok = c["agree"] + c["both empty"]
        print(
            f"{field:12} {c['agree']:6} {c['both empty']:6} {c['differ']:7} {c['only ours']:6} "
            f"{c['only exiftool']:9} {c['left out']:9}  {ok / total:7.2%}"
        )
    for field, lines in examples.items():
        if not lines:
            continue
        print(f"{field}:")
        print("\n".join(lines))
    if left_out and args.show:
        print("size, left out (Dateline: damaged, no size):")
        print("\n".join(left_out[: args.show]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
