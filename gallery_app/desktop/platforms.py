# SPDX-License-Identifier: GPL-3.0-or-later
"""Windows and macOS launchers for ``gallery-app --install-desktop``.

Windows gets a Start-menu shortcut written by PowerShell's WScript.Shell;
macOS a small ``~/Applications/Dateline.app`` whose script execs this
installation.  Both carry the bundled icon, packed with Pillow at install
time.  The freedesktop files and the commands themselves are in
:mod:`gallery_app.desktop.integration`.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from gallery_app import APP_ID, APP_NAME, __version__
from gallery_app.core import paths
from gallery_app.core.errors import DatelineError
from gallery_app.core.store.atomic import write_bytes_atomic, write_text_atomic


class DesktopIntegrationError(DatelineError):
    """The desktop integration cannot be done here; the message says why."""


# The caller hands in what lives in desktop_integration (which imports this module):
# the largest bundled icon, the icon sizes, and the command that starts this install.


_POWERSHELL_SHORTCUT = (
    "$s = (New-Object -ComObject WScript.Shell).CreateShortcut($env:DATELINE_LNK);"
    "$s.TargetPath = $env:DATELINE_TARGET; $s.Arguments = $env:DATELINE_ARGS;"
    "$s.IconLocation = $env:DATELINE_ICON; $s.Description = 'Dateline photo galleries';"
    "$s.Save()"
)


def write_platform_icon(
    target: Path, fmt: str, largest_png: Traversable, icon_sizes: Sequence[int]
) -> Path:
    """Pack the bundled PNGs into ``.ico`` or ``.icns`` with Pillow, at install time."""
    from PIL import Image

    with resources.as_file(largest_png) as largest, Image.open(largest) as png:
        image = png.convert("RGBA")
        target.parent.mkdir(parents=True, exist_ok=True)
        sizes = [(s, s) for s in icon_sizes if s <= 256] if fmt == "ICO" else None
        image.save(target, format=fmt, **({"sizes": sizes} if sizes else {}))
    return target


def start_menu_shortcut() -> Path:
    appdata = os.environ.get("APPDATA")
    if not appdata:
        raise DesktopIntegrationError("APPDATA is not set, so the Start menu cannot be found.")
    return Path(appdata) / "Microsoft/Windows/Start Menu/Programs" / f"{APP_NAME}.lnk"


def install_windows(
    command: list[str], largest_png: Traversable, icon_sizes: Sequence[int]
) -> list[Path]:
    powershell = shutil.which("powershell") or shutil.which("pwsh")
    if powershell is None:
        raise DesktopIntegrationError(
            "PowerShell was not found, so no Start-menu shortcut could be made; "
            f"start Dateline with: {' '.join(command)}"
        )
    icon = write_platform_icon(paths.data_dir() / f"{APP_ID}.ico", "ICO", largest_png, icon_sizes)
    shortcut = start_menu_shortcut()
    env = dict(os.environ, DATELINE_LNK=str(shortcut), DATELINE_TARGET=command[0])
    env |= {"DATELINE_ARGS": subprocess.list2cmdline(command[1:]), "DATELINE_ICON": str(icon)}
    result = subprocess.run(
        [powershell, "-NoProfile", "-NonInteractive", "-Command", _POWERSHELL_SHORTCUT],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if result.returncode != 0 or not shortcut.exists():
        raise DesktopIntegrationError(f"Windows refused the Start-menu shortcut: {result.stderr}")
    return [shortcut, icon]


def mac_app() -> Path:
    return Path.home() / "Applications" / f"{APP_NAME}.app"


def install_macos(
    command: list[str], largest_png: Traversable, icon_sizes: Sequence[int]
) -> list[Path]:
    """A launcher bundle: Info.plist, a shell script that execs this install, the icon."""
    if getattr(sys, "frozen", False) and ".app/Contents/" in sys.executable:
        raise DesktopIntegrationError("Dateline is already an app bundle; drag it to Applications.")
    app = mac_app()
    contents = app / "Contents"
    launcher = contents / "MacOS" / APP_NAME
    script = "#!/bin/sh\nexec " + shlex.join(command) + ' "$@"\n'
    write_text_atomic(launcher, script)
    launcher.chmod(0o755)
    icon = write_platform_icon(
        contents / "Resources" / f"{APP_NAME}.icns", "ICNS", largest_png, icon_sizes
    )
    info = {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleVersion": __version__,
        "CFBundleShortVersionString": __version__,
        "CFBundlePackageType": "APPL",
        "CFBundleExecutable": APP_NAME,
        "CFBundleIconFile": icon.name,
        "NSHighResolutionCapable": True,
    }
    write_bytes_atomic(contents / "Info.plist", plistlib.dumps(info))
    return [app, contents / "Info.plist", launcher, icon]
