# SPDX-License-Identifier: GPL-3.0-or-later
"""A corpus of hostile and broken photo files, built by the tests in ``tmp_path``.

Nothing here is checked in as a binary: every builder writes its file (or
folder layout) with Pillow and a few hand-made bytes, so the test says exactly
what is wrong with it.  Each builder returns a :class:`HostileCase`: the file
to read, a fragment the reader's warning must contain (``None`` when nothing is
wrong in the user's eyes, as with an Arabic file name), and the fields that must
still be read from the parts of the file that are sound.

    for kind, build in FILE_KINDS.items():
        case = build(tmp_path / kind)

``RACE_KINDS`` (files removed or replaced while a folder is read) need a hook
into the scan and are driven by ``test_hostile_scan.py``.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.hostile.corpus_fields import (
    arabic_name as arabic_name,
)
from tests.unit.hostile.corpus_fields import (
    caption_1mb as caption_1mb,
)
from tests.unit.hostile.corpus_fields import (
    caption_of_nuls_and_controls as caption_of_nuls_and_controls,
)
from tests.unit.hostile.corpus_fields import (
    date_all_zeros as date_all_zeros,
)
from tests.unit.hostile.corpus_fields import (
    date_month_13 as date_month_13,
)
from tests.unit.hostile.corpus_fields import (
    folder_40_deep as folder_40_deep,
)
from tests.unit.hostile.corpus_fields import (
    gps_null_island as gps_null_island,
)
from tests.unit.hostile.corpus_fields import (
    gps_out_of_range as gps_out_of_range,
)
from tests.unit.hostile.corpus_fields import (
    heic_garbage as heic_garbage,
)
from tests.unit.hostile.corpus_fields import (
    non_utf8_name as non_utf8_name,
)
from tests.unit.hostile.corpus_fields import (
    orientation_36865 as orientation_36865,
)
from tests.unit.hostile.corpus_fields import (
    orientation_zero as orientation_zero,
)
from tests.unit.hostile.corpus_fields import (
    segment_length_overrun as segment_length_overrun,
)
from tests.unit.hostile.corpus_fields import (
    segment_length_zero as segment_length_zero,
)
from tests.unit.hostile.corpus_fields import (
    symlink_loop as symlink_loop,
)
from tests.unit.hostile.corpus_fields import (
    tiff_ifd_loop as tiff_ifd_loop,
)
from tests.unit.hostile.corpus_fields import (
    webp_header_only as webp_header_only,
)
from tests.unit.hostile.corpus_fields import (
    xmp_in_jpeg_random as xmp_in_jpeg_random,
)
from tests.unit.hostile.corpus_files import (
    exif_bad_header as exif_bad_header,
)
from tests.unit.hostile.corpus_files import (
    exif_huge_count as exif_huge_count,
)
from tests.unit.hostile.corpus_files import (
    exif_ifd_loop as exif_ifd_loop,
)
from tests.unit.hostile.corpus_files import (
    exif_offset_past_end as exif_offset_past_end,
)
from tests.unit.hostile.corpus_files import (
    html_as_jpg as html_as_jpg,
)
from tests.unit.hostile.corpus_files import (
    iptc_random_bytes as iptc_random_bytes,
)
from tests.unit.hostile.corpus_files import (
    iptc_resource_overrun as iptc_resource_overrun,
)
from tests.unit.hostile.corpus_files import (
    jpeg_claiming_65k_square as jpeg_claiming_65k_square,
)
from tests.unit.hostile.corpus_files import (
    png_200k_pixels_square as png_200k_pixels_square,
)
from tests.unit.hostile.corpus_files import (
    png_named_jpg as png_named_jpg,
)
from tests.unit.hostile.corpus_files import (
    sidecar_billion_laughs as sidecar_billion_laughs,
)
from tests.unit.hostile.corpus_files import (
    sidecar_binary_junk as sidecar_binary_junk,
)
from tests.unit.hostile.corpus_files import (
    text_as_jpg as text_as_jpg,
)
from tests.unit.hostile.corpus_files import (
    truncated_header as truncated_header,
)
from tests.unit.hostile.corpus_files import (
    truncated_png as truncated_png,
)
from tests.unit.hostile.corpus_files import (
    truncated_scan as truncated_scan,
)
from tests.unit.hostile.corpus_files import (
    xmp_billion_laughs as xmp_billion_laughs,
)
from tests.unit.hostile.corpus_files import (
    xmp_bomb_inside_packet as xmp_bomb_inside_packet,
)
from tests.unit.hostile.corpus_files import (
    xmp_external_entity as xmp_external_entity,
)
from tests.unit.hostile.corpus_files import (
    zero_byte as zero_byte,
)
from tests.unit.hostile.corpus_parts import (
    READABLE as READABLE,
)
from tests.unit.hostile.corpus_parts import (
    Builder as Builder,
)
from tests.unit.hostile.corpus_parts import (
    HostileCase as HostileCase,
)
from tests.unit.hostile.corpus_parts import (
    _lol_doctype as _lol_doctype,
)
from tests.unit.hostile.corpus_parts import (
    make_good_photos as make_good_photos,
)

FILE_KINDS: dict[str, Builder] = {
    b.__name__: b
    for b in (
        zero_byte,
        truncated_header,
        truncated_scan,
        truncated_png,
        text_as_jpg,
        html_as_jpg,
        png_named_jpg,
        png_200k_pixels_square,
        jpeg_claiming_65k_square,
        exif_offset_past_end,
        exif_huge_count,
        exif_ifd_loop,
        exif_bad_header,
        iptc_random_bytes,
        iptc_resource_overrun,
        xmp_billion_laughs,
        xmp_bomb_inside_packet,
        xmp_external_entity,
        xmp_in_jpeg_random,
        sidecar_billion_laughs,
        sidecar_binary_junk,
        segment_length_overrun,
        segment_length_zero,
        orientation_zero,
        orientation_36865,
        gps_out_of_range,
        gps_null_island,
        date_all_zeros,
        date_month_13,
        caption_1mb,
        caption_of_nuls_and_controls,
        arabic_name,
        non_utf8_name,
        heic_garbage,
        tiff_ifd_loop,
        webp_header_only,
        symlink_loop,
        folder_40_deep,
    )
}

RACE_KINDS: tuple[str, ...] = (
    "removed_while_scanned",
    "replaced_by_text_while_scanned",
    "replaced_by_folder_while_scanned",
)


def build(kind: str, root: Path) -> HostileCase:
    """Build ``kind`` in its own folder under ``root`` (with two sound photos beside it)."""
    folder = root / kind
    make_good_photos(folder)
    return FILE_KINDS[kind](folder)
