# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the benchmark corpus: real photographs, tagged, replicated by links to 10,000 files.

Sources are the JPEG wallpapers of Debian's packages (real photographs up to
~20 megapixels, not noise):

    apt-get install -y plasma-workspace-wallpapers mate-backgrounds lomiri-wallpapers

Each source is copied once into ``OUT/_sources/`` with metadata spliced in
(EXIF: date taken, description, artist, copyright; an XMP packet with a
caption and credit) without re-encoding the pixels: the thumbnail benchmark
uses these full-size photos.

``OUT/tree/`` gets ``--count`` files in folders of 100 for the metadata
benchmark.  Links would not do there: the folder scanner (like a user would
want) lists each real file once, by device and inode, so ten thousand links
to fifty photos are fifty photos.  So each source is scaled once to
``--edge`` px and every file of the tree is that JPEG's pixel data (shared by
bytes, not re-encoded) with its own metadata spliced in: its own date,
caption and credit, as a real shoot would have.  Nothing here is checked in:
run it, point the benchmarks at OUT, delete it after.

    python bench/make_corpus.py /tmp/dateline-corpus --count 10000 --edge 1280
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import struct
import sys
from pathlib import Path

from PIL import Image

SOURCE_DIRS = (Path("/usr/share/wallpapers"), Path("/usr/share/backgrounds"))
MIN_BYTES = 200_000
XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt></dc:description>
<photoshop:Credit>Dateline benchmark</photoshop:Credit>
<photoshop:City>Baghdad</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def find_sources(limit: int | None = None, dirs: tuple[Path, ...] = SOURCE_DIRS) -> list[Path]:
    """The wallpaper JPEGs, largest first, de-duplicated by content size."""
    found: dict[int, Path] = {}
    for base in dirs:
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if path.suffix.lower() in (".jpg", ".jpeg") and path.is_file():
                size = path.stat().st_size
                if size >= MIN_BYTES:
                    found.setdefault(size, path)
    ordered = [found[size] for size in sorted(found, reverse=True)]
    return ordered[:limit] if limit else ordered


def _decodes(path: Path) -> bool:
    """Whether Pillow opens ``path`` as a JPEG (a folder of real photos may hold broken ones)."""
    try:
        with Image.open(path) as image:
            image.load()
            return image.format == "JPEG" and min(image.size) >= 640
    except Exception:  # any broken file is simply not a source
        return False


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _strip_app1(data: bytes) -> bytes:
    """The JPEG without its APP1 (EXIF/XMP) segments, pixels untouched."""
    out, pos = bytearray(data[:2]), 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if marker != 0xE1:
            out += data[pos : pos + 2 + length]
        pos += 2 + length
    return bytes(out + data[pos:])


def with_preview(exif: bytes, preview: bytes) -> bytes:
    """EXIF (APP1 payload) with ``preview`` added as the IFD1 thumbnail, as cameras write it."""
    tiff = bytearray(exif[6:])
    order = "<" if tiff[:2] == b"II" else ">"
    ifd0 = struct.unpack(order + "I", tiff[4:8])[0]
    count = struct.unpack(order + "H", tiff[ifd0 : ifd0 + 2])[0]
    next_at = ifd0 + 2 + 12 * count
    ifd1 = len(tiff) + (len(tiff) % 2)
    tiff += b"\x00" * (ifd1 - len(tiff))
    tiff[next_at : next_at + 4] = struct.pack(order + "I", ifd1)
    data_at = ifd1 + 2 + 2 * 12 + 4
    tiff += struct.pack(order + "H", 2)
    tiff += struct.pack(order + "HHII", 0x0201, 4, 1, data_at)
    tiff += struct.pack(order + "HHII", 0x0202, 4, 1, len(preview))
    tiff += struct.pack(order + "I", 0)
    return exif[:6] + bytes(tiff) + preview


def tagged_bytes(jpeg: bytes, index: int, name: str, preview: bytes | None = None) -> bytes:
    """``jpeg`` with its own EXIF and XMP (date, caption, credit) spliced in after SOI."""
    taken = dt.datetime(2015, 3, 30, 6, 0) + dt.timedelta(minutes=7 * index)
    exif = Image.Exif()
    exif[0x010E] = f"Benchmark photo {index}: {name.replace('_', ' ')}"
    exif[0x013B] = "Dateline bench"
    exif[0x8298] = "(c) the wallpaper's author"
    exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")
    exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    xmp = XMP.format(caption=f"Benchmark caption {index} for {name}").encode("utf-8")
    body = _strip_app1(jpeg)
    exif_bytes = exif.tobytes()
    if preview is not None:
        exif_bytes = with_preview(exif_bytes, preview)
    app1_exif = _segment(0xE1, exif_bytes)
    app1_xmp = _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp)
    return body[:2] + app1_exif + app1_xmp + body[2:]


def _scaled(source: Path, edge: int) -> bytes:
    with Image.open(source) as image:
        image.draft("RGB", (edge, edge))
        image = image.convert("RGB")
        image.thumbnail((edge, edge), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=88)
    return out.getvalue()


def build(
    out: Path,
    count: int,
    edge: int,
    per_folder: int = 100,
    previews: bool = False,
    source_dirs: tuple[Path, ...] = SOURCE_DIRS,
) -> tuple[list[Path], Path]:
    sources = [s for s in find_sources(dirs=source_dirs) if _decodes(s)][:60]
    if not sources:
        raise SystemExit(
            "No wallpaper JPEGs found; install plasma-workspace-wallpapers, mate-backgrounds "
            "and lomiri-wallpapers first."
        )
    tagged_dir = out / "_sources"
    tree = out / "tree"
    for folder in (tagged_dir, tree):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    tagged = []
    bases = []
    for index, source in enumerate(sources):
        target = tagged_dir / f"{index:03d}-{source.parent.name}-{source.name}"
        target.write_bytes(tagged_bytes(source.read_bytes(), index, source.stem))
        tagged.append(target)
        bases.append((source.stem, _scaled(source, edge), _scaled(source, 160)))
    for n in range(count):
        folder = tree / f"day-{n // per_folder:03d}"
        folder.mkdir(exist_ok=True)
        name, base, small = bases[n % len(bases)]
        data = tagged_bytes(base, n, name, small if previews else None)
        (folder / f"IMG_{n:05d}.jpg").write_bytes(data)
    return tagged, tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to build the corpus in")
    parser.add_argument("--count", type=int, default=10_000, help="files in the tree")
    parser.add_argument("--edge", type=int, default=1280, help="long edge of the tree's photos")
    parser.add_argument(
        "--previews", action="store_true", help="embed a 160 px EXIF preview in each tree file"
    )
    parser.add_argument(
        "--sources",
        type=Path,
        nargs="+",
        default=list(SOURCE_DIRS),
        help="folders of real JPEG photos to build from (default: the Debian wallpapers)",
    )
    args = parser.parse_args(argv)
    tagged, tree = build(
        args.out, args.count, args.edge, previews=args.previews, source_dirs=tuple(args.sources)
    )
    megapixels = []
    for path in tagged:
        with Image.open(path) as image:
            megapixels.append(image.size[0] * image.size[1] / 1e6)
    print(
        f"{len(tagged)} tagged photos ({min(megapixels):.1f}-{max(megapixels):.1f} MP), "
        f"{args.count} files under {tree}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
