# SPDX-License-Identifier: GPL-3.0-or-later
"""What packagers and desktops read: icons, desktop entry, metainfo, build scripts."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PIL import Image, ImageChops, ImageStat

from gallery_app import APP_ID, __version__
from gallery_app.desktop import integration as di

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rgba(data_or_path) -> Image.Image:
    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    with Image.open(source) as image:
        return image.convert("RGBA")


@pytest.mark.parametrize("size", di.ICON_SIZES)
def test_png_icons_are_square_opaque_in_the_middle_and_transparent_at_the_corner(size):
    image = _rgba(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    assert image.size == (size, size)
    assert image.getpixel((size // 2, size // 2))[3] == 255
    assert image.getpixel((0, 0))[3] == 0


@pytest.mark.parametrize("size", [16, 32, 256])
def test_png_icons_are_rendered_from_the_current_svg(qapp, size):
    """Editing the SVG without running packaging/make_icons.py fails here."""
    svg = HICOLOR / "scalable/apps" / f"{APP_ID}.svg"
    rendered = _rgba(_load("make_icons").render_png(svg, size))
    shipped = _rgba(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    mean_difference = ImageStat.Stat(ImageChops.difference(rendered, shipped)).mean
    assert max(mean_difference) < 2, "run packaging/make_icons.py"


def test_windows_and_macos_icons_carry_every_size():
    with Image.open(PACKAGING / f"{APP_ID}.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(PACKAGING / f"{APP_ID}.icns") as icns:
        assert icns.size == (512, 512) or icns.size == (1024, 1024)


def test_packaging_texts_are_what_the_app_installs():
    for path, text in _load("write_desktop_files").expected(PACKAGING).items():
        assert path.read_text(encoding="utf-8") == text, "run packaging/write_desktop_files.py"


def test_desktop_entry_opens_images_and_offers_a_slideshow():
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == "gallery-app %F"
    assert entry["Icon"] == APP_ID
    assert entry["Categories"] == "Graphics;Viewer;Photography;"
    mimes = set(entry["MimeType"].split(";"))
    assert {"image/jpeg", "image/png", "image/tiff", "image/webp", "image/heic"} <= mimes
    assert "Slideshow" in entry["Actions"].split(";")
    assert parser["Desktop Action Slideshow"]["Exec"] == "gallery-app --slideshow %F"


def test_metainfo_names_the_app_its_entry_and_this_release():
    root = ElementTree.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("content_rating").get("type") == "oars-1.1"
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions
    images = [i.text for i in root.iter("image")]
    assert images and all(i.startswith("https://") for i in images)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_desktop_file_validate_is_silent():
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "")


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream")
def test_appstream_validates_offline():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_bundle_spec_is_python_and_scripts_parse():
    ast.parse((PACKAGING / "dateline.spec").read_text(encoding="utf-8"))
    for script in ("build_bundle.sh", "check.sh"):
        result = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True)
        assert result.returncode == 0, result.stderr
