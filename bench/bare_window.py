"""The start-up baseline: a bare PySide6 main window, shown, painted once, then the process exits.

Run the same way as `python -m ui --quit-after-start`: a fresh interpreter, the same
QT_QPA_PLATFORM, exit code 0 once the first paint event reached the window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication):
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            QTimer.singleShot(0, lambda: self.app.exit(0))
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Fenêtre témoin")
    window.setCentralWidget(QLabel("Fenêtre témoin"))
    window.resize(1100, 720)
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    window.centralWidget().installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
