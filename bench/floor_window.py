# SPDX-License-Identifier: GPL-3.0-or-later
"""The floor for ``gallery-app --screenshot``: a bare PySide6 window that shows one image.

Starts a QApplication, decodes one photo at display size (the decoder's own
scaling, as any careful viewer would), shows it in a QLabel, grabs the window
to a PNG and exits.  ``bench_gui.py`` times this beside Dateline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QLabel


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: floor_window.py PHOTO OUT.png", file=sys.stderr)
        return 2
    photo, out = Path(argv[1]), Path(argv[2])
    app = QApplication(argv[:1])
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.resize(1280, 800)
    reader = QImageReader(str(photo))
    reader.setAutoTransform(True)
    size = reader.size()
    size.scale(QSize(1280, 800), Qt.AspectRatioMode.KeepAspectRatio)
    reader.setScaledSize(size)
    label.setPixmap(QPixmap.fromImage(reader.read()))
    label.show()

    def grab() -> None:
        label.grab().save(str(out), "PNG")
        app.quit()

    QTimer.singleShot(0, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
