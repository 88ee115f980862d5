# SPDX-License-Identifier: GPL-3.0-or-later
"""Give Dateline an icon to double-click: desktop entry, icons and metainfo.

``pip install`` puts a ``gallery-app`` script on disk but tells no desktop about
it.  ``gallery-app --install-desktop`` closes that gap, as Photini's post-install
command does:

* Linux and the BSDs: the freedesktop desktop entry, the hicolor icons and the
  AppStream metainfo go to ``$XDG_DATA_HOME`` (``~/.local/share``), with an
  absolute ``Exec`` that starts *this* installation, then the menu and icon
  caches are refreshed when their tools exist;
* Windows: a Start-menu shortcut (``.lnk``, written by PowerShell's WScript.Shell);
* macOS: a small launcher ``~/Applications/Dateline.app``
  (those two live in :mod:`gallery_app.desktop.platforms`).

The entry and the metainfo are built here, so a wheel carries them without a
data file; ``packaging/write_desktop_files.py`` writes the same text into
``packaging/`` where the validators and distribution packagers look for it.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from gallery_app import APP_ID, APP_NAME
from gallery_app.core.store.atomic import write_bytes_atomic
from gallery_app.desktop import platforms as desktop_platforms

log = logging.getLogger(__name__)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
METAINFO_FILE_NAME = f"{APP_ID}.metainfo.xml"
GUI_SCRIPT = "gallery-app"
# X11 WM_CLASS "class" part is QGuiApplication.applicationName(); the app sets it to APP_NAME.
STARTUP_WM_CLASS = APP_NAME
MIME_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/webp", "image/heic", "image/heif")
PROJECT_URL = "https://github.com/dateline-app/dateline"
SCREENSHOTS = (
    ("grid-light.png", "A gallery as a grid of photos with their dates, in the light theme"),
    ("grid-dark.png", "The same gallery in the dark theme"),
)
RELEASES = (("0.1.0", "2026-11-24", "First release."),)


DesktopIntegrationError = desktop_platforms.DesktopIntegrationError  # raised by both modules


# --- bundled icons -----------------------------------------------------------


def icon_resource(size: int | None = None) -> Traversable:
    """The bundled icon of ``size`` px, or the scalable SVG when ``size`` is None."""
    hicolor = resources.files("gallery_app.resources") / "icons" / "hicolor"
    if size is None:
        return hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; sizes are {ICON_SIZES}")
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def window_icon_paths() -> list[Path]:
    """Every bundled PNG icon, smallest first, for ``QIcon.addFile`` one by one.

    Handing Qt each size keeps the title bar (16-32 px) and the task switcher
    (64-256 px) sharp without loading the SVG icon-engine plugin.
    """
    return [Path(str(icon_resource(size))) for size in ICON_SIZES]


def window_icon_path(size: int = 256) -> Path:
    """One bundled PNG icon as a file path (resources are plain files in wheels and bundles)."""
    return Path(str(icon_resource(size)))


# --- the texts ---------------------------------------------------------------


def _quote_exec_arg(arg: str) -> str:
    """Quote one ``Exec`` argument as the Desktop Entry Specification asks."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not reserved.intersection(arg):
        return arg.replace("%", "%%")
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    # The value is also a desktop-entry string, whose own escape doubles backslashes.
    return '"' + inner.replace("\\", "\\\\").replace("%", "%%") + '"'


def exec_line(command: Sequence[str], *extra: str) -> str:
    """``Exec`` value running ``command`` with ``extra`` field codes or options."""
    return " ".join([*(_quote_exec_arg(arg) for arg in command), *extra])


def desktop_entry_text(command: Sequence[str] = (GUI_SCRIPT,)) -> str:
    """The freedesktop desktop entry; ``command`` starts the GUI."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        f"Name={APP_NAME}\n"
        "GenericName=Photo Gallery Viewer\n"
        "Comment=Read photo galleries closely, with captions, dates and places\n"
        f"Icon={APP_ID}\n"
        f"Exec={exec_line(command, '%F')}\n"
        "Terminal=false\n"
        "StartupNotify=true\n"
        f"StartupWMClass={STARTUP_WM_CLASS}\n"
        "Categories=Graphics;Viewer;Photography;\n"
        "Keywords=photo;picture;image;gallery;caption;dateline;slideshow;timeline;viewer;\n"
        f"MimeType={';'.join(MIME_TYPES)};\n"
        "Actions=Slideshow;\n"
        "\n"
        "[Desktop Action Slideshow]\n"
        "Name=Start a Slideshow\n"
        f"Exec={exec_line(command, '--slideshow', '%F')}\n"
    )


def metainfo_text() -> str:
    """The AppStream metainfo that software centres show."""
    shots = "\n".join(
        "    <screenshot" + (' type="default"' if i == 0 else "") + ">\n"
        f"      <caption>{caption}</caption>\n"
        f'      <image type="source">{PROJECT_URL}/raw/main/docs/screenshots/{name}</image>\n'
        "    </screenshot>"
        for i, (name, caption) in enumerate(SCREENSHOTS)
    )
    releases = "\n".join(
        f'    <release version="{version}" date="{date}">\n'
        f"      <description>\n        <p>{notes}</p>\n      </description>\n"
        "    </release>"
        for version, date, notes in RELEASES
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Copyright 2026 The Dateline developers -->
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>GPL-3.0-or-later</project_license>
  <name>{APP_NAME}</name>
  <summary>Read photo galleries with their captions, dates and places</summary>
  <developer_name>The Dateline developers</developer_name>
  <description>
    <p>
      Dateline shows a photo gallery the way a careful reader wants it: every picture
      beside its caption, credit, date and place, in the order the events happened.
    </p>
    <ul>
      <li>A fast thumbnail grid that shares the desktop thumbnail cache</li>
      <li>Captions and credits read from IPTC, XMP and EXIF, with their source shown</li>
      <li>Dates kept with their precision, on a timeline you can filter</li>
      <li>Full-screen viewing and a slideshow</li>
      <li>A command-line tool that lists and checks galleries without a display</li>
    </ul>
  </description>
  <launchable type="desktop-id">{DESKTOP_FILE_NAME}</launchable>
  <url type="homepage">{PROJECT_URL}</url>
  <url type="bugtracker">{PROJECT_URL}/issues</url>
  <url type="vcs-browser">{PROJECT_URL}</url>
  <screenshots>
{shots}
  </screenshots>
  <provides>
    <binary>gallery-app</binary>
    <binary>gallery-cli</binary>
  </provides>
  <recommends>
    <control>pointing</control>
    <control>keyboard</control>
  </recommends>
  <content_rating type="oars-1.1"/>
  <releases>
{releases}
  </releases>
</component>
"""


# --- where and how -----------------------------------------------------------


def launch_command() -> list[str]:
    """The absolute command that starts this installation's GUI.

    Prefers the ``gallery-app`` script that belongs to the running interpreter
    (the one the user just ran, the venv's ``bin``, the user scheme) over one
    found on ``PATH``, which may be another installation; falls back to
    ``python -m gallery_app`` when no script exists (a source checkout).
    """
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable is the app
        return [str(Path(sys.executable).absolute())]
    name = GUI_SCRIPT + (".exe" if os.name == "nt" else "")
    candidates: list[Path] = []
    if sys.argv and Path(sys.argv[0]).name == name:
        candidates.append(Path(sys.argv[0]))
    candidates.append(Path(sys.executable).parent / name)
    for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
        if scheme in sysconfig.get_scheme_names():
            candidates.append(Path(sysconfig.get_path("scripts", scheme)) / name)
    found = shutil.which(GUI_SCRIPT)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "gallery_app"]


def xdg_data_home() -> Path:
    """``$XDG_DATA_HOME`` when set to an absolute path, else ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def _xdg_files(data_home: Path) -> dict[Path, Callable[[], bytes]]:
    files: dict[Path, Callable[[], bytes]] = {
        data_home / "applications" / DESKTOP_FILE_NAME: lambda: desktop_entry_text(
            launch_command()
        ).encode("utf-8"),
        data_home / "metainfo" / METAINFO_FILE_NAME: lambda: metainfo_text().encode("utf-8"),
    }
    hicolor = data_home / "icons" / "hicolor"
    for size in (*ICON_SIZES, None):
        folder = f"{size}x{size}" if size else "scalable"
        suffix = ".png" if size else ".svg"
        resource = icon_resource(size)
        files[hicolor / folder / "apps" / f"{APP_ID}{suffix}"] = resource.read_bytes
    return files


def _run_if_present(tool: str, *args: str) -> None:
    """Refresh a desktop cache; a missing or failing tool only costs a log line."""
    exe = shutil.which(tool)
    if exe is None:
        log.debug("%s not found; skipped", tool)
        return
    try:
        result = subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s could not run: %s", tool, error)
        return
    if result.returncode != 0:
        log.warning("%s failed: %s", tool, result.stderr.strip())


def _refresh_caches(data_home: Path) -> None:
    if (data_home / "applications").is_dir():
        _run_if_present("update-desktop-database", "-q", str(data_home / "applications"))
    if (data_home / "icons" / "hicolor").is_dir():
        _run_if_present("gtk-update-icon-cache", "-q", "-t", "-f", str(data_home / "icons/hicolor"))


# --- the commands ------------------------------------------------------------


def install_desktop(*, data_home: Path | None = None, platform: str | None = None) -> list[Path]:
    """Install the desktop integration for the current user; return the files written."""
    platform = platform or sys.platform
    if platform in ("win32", "darwin"):
        largest = icon_resource(max(ICON_SIZES))
        install = (
            desktop_platforms.install_windows
            if platform == "win32"
            else desktop_platforms.install_macos
        )
        return install(launch_command(), largest, ICON_SIZES)
    home = data_home or xdg_data_home()
    written = []
    for path, content in _xdg_files(home).items():
        write_bytes_atomic(path, content())
        written.append(path)
    _refresh_caches(home)
    return written


def uninstall_desktop(*, data_home: Path | None = None, platform: str | None = None) -> list[Path]:
    """Remove what :func:`install_desktop` wrote; return the files removed."""
    platform = platform or sys.platform
    if platform == "win32":
        targets = [desktop_platforms.start_menu_shortcut()]
    elif platform == "darwin":
        app = desktop_platforms.mac_app()
        if app.exists():
            shutil.rmtree(app)
            return [app]
        return []
    else:
        home = data_home or xdg_data_home()
        targets = list(_xdg_files(home))
    removed = []
    for path in targets:
        if path.exists():
            path.unlink()
            removed.append(path)
    if platform not in ("win32", "darwin"):
        _refresh_caches(data_home or xdg_data_home())
    return removed


def main_install(argv_flag: str) -> int:
    """Run ``--install-desktop`` or ``--uninstall-desktop``: one line per file, an exit code."""
    actions = {
        "--install-desktop": (install_desktop, "installed"),
        "--uninstall-desktop": (uninstall_desktop, "removed"),
    }
    if argv_flag not in actions:
        print(f"Unknown option {argv_flag}; use --install-desktop or --uninstall-desktop.")
        return 2
    action, verb = actions[argv_flag]
    try:
        paths = action()
    except DesktopIntegrationError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"Could not change the desktop entry: {error.strerror}{where}.", file=sys.stderr)
        return 1
    for path in paths:
        print(f"{verb} {path}")
    if not paths:
        print("Nothing to remove: Dateline was not installed on the desktop.")
    return 0
