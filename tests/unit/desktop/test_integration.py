# SPDX-License-Identifier: GPL-3.0-or-later
"""--install-desktop gives an icon to double-click; --uninstall-desktop takes it away."""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from gallery_app import APP_ID
from gallery_app.desktop import integration as di


@pytest.fixture
def clean_home(tmp_path, monkeypatch):
    """A fresh HOME with no XDG_DATA_HOME, so nothing touches the real desktop."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "dateline"))
    return home


def _entry(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def _size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def _exec_argv(value: str) -> list[str]:
    """Split an Exec value the way a launcher does (our quoting is shell-compatible)."""
    return shlex.split(value.replace("\\\\", "\\").replace("%%", "%"))


def test_window_icons_are_real_pngs_of_each_size():
    paths = di.window_icon_paths()
    assert [_size(p) for p in paths] == [(s, s) for s in di.ICON_SIZES]
    assert di.window_icon_path(32).is_file()
    with pytest.raises(ValueError):
        di.icon_resource(20)


def test_install_lands_entry_icons_and_metainfo_in_xdg_data_home(clean_home):
    written = di.install_desktop(platform="linux")
    share = clean_home / ".local" / "share"
    entry_path = share / "applications" / f"{APP_ID}.desktop"
    assert entry_path in written
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in di.ICON_SIZES:
        icon = share / "icons/hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _size(icon) == (size, size)
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert all(path.is_file() for path in written)


def test_installed_entry_starts_this_installation(clean_home):
    di.install_desktop(platform="linux")
    entry = _entry(clean_home / ".local/share/applications" / f"{APP_ID}.desktop")
    argv = _exec_argv(entry["Desktop Entry"]["Exec"])
    assert Path(argv[0]).is_absolute() and os.access(argv[0], os.X_OK)
    assert argv[-1] == "%F"
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert "image/jpeg" in entry["Desktop Entry"]["MimeType"].split(";")
    slideshow = _exec_argv(entry["Desktop Action Slideshow"]["Exec"])
    assert slideshow[0] == argv[0] and slideshow[-2:] == ["--slideshow", "%F"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_installed_entry_passes_desktop_file_validate(clean_home):
    di.install_desktop(platform="linux")
    entry = clean_home / ".local/share/applications" / f"{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_xdg_data_home_is_honoured(tmp_path, monkeypatch, clean_home):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    written = di.install_desktop(platform="linux")
    assert all(tmp_path / "xdg" in path.parents for path in written)


def test_uninstall_removes_everything_install_wrote(clean_home):
    written = di.install_desktop(platform="linux")
    removed = di.uninstall_desktop(platform="linux")
    assert sorted(removed) == sorted(written)
    assert not any(path.exists() for path in written)
    assert di.uninstall_desktop(platform="linux") == []


def test_main_install_prints_one_line_per_file(clean_home, capsys, monkeypatch):
    monkeypatch.setattr(di.sys, "platform", "linux")
    assert di.main_install("--install-desktop") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("installed /") for line in lines)
    assert di.main_install("--uninstall-desktop") == 0
    assert all(line.startswith("removed ") for line in capsys.readouterr().out.splitlines())


def test_main_install_explains_failures_without_traceback(clean_home, capsys, monkeypatch):
    monkeypatch.setattr(di.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", "/proc/no-such-place")
    assert di.main_install("--install-desktop") == 1
    err = capsys.readouterr().err
    assert err.startswith("Could not change the desktop entry") and "Traceback" not in err
    assert di.main_install("--bogus") == 2


def test_missing_cache_tools_do_not_fail(clean_home, monkeypatch):
    monkeypatch.setattr(di.shutil, "which", lambda name: None)
    assert di.install_desktop(platform="linux")


def test_exec_quoting_survives_spaces_and_specials():
    line = di.exec_line(["/opt/My Apps/bin/gallery-app", "50%"], "%F")
    assert line == '"/opt/My Apps/bin/gallery-app" 50%% %F'
    assert di.exec_line(['/a"b$c']) == '"/a\\\\"b\\\\$c"'


def test_falls_back_to_python_module_when_no_script(monkeypatch):
    monkeypatch.setattr(di.sys, "argv", ["x"])
    monkeypatch.setattr(di.sys, "executable", "/nowhere/python3")
    monkeypatch.setattr(di.sysconfig, "get_path", lambda *a, **k: "/nowhere/bin")
    monkeypatch.setattr(di.shutil, "which", lambda name: None)
    assert di.launch_command() == ["/nowhere/python3", "-m", "gallery_app"]


def test_macos_install_makes_a_launcher_app(clean_home):
    written = di.install_desktop(platform="darwin")
    app = clean_home / "Applications" / "Dateline.app"
    assert app in written
    info = plistlib.loads((app / "Contents/Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == APP_ID
    launcher = app / "Contents/MacOS" / info["CFBundleExecutable"]
    assert launcher.stat().st_mode & stat.S_IXUSR
    assert (app / "Contents/Resources" / info["CFBundleIconFile"]).stat().st_size > 0
    assert di.uninstall_desktop(platform="darwin") == [app]
    assert not app.exists()


def test_windows_without_powershell_says_so(clean_home, monkeypatch):
    monkeypatch.setattr(di.shutil, "which", lambda name: None)
    monkeypatch.setenv("APPDATA", str(clean_home / "AppData"))
    with pytest.raises(di.DesktopIntegrationError, match="PowerShell was not found"):
        di.install_desktop(platform="win32")
