"""Long work off the GUI thread: run a function in the pool and call back on the GUI thread."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from ui import collector
from ui.qt import QObject, QRunnable, Qt, QThreadPool, QtWidgets, Signal


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.with_progress = with_progress

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total: self.signals.progressed.emit(done, total))
            else:
                result = self.fn()
        except Exception as exc:  # every failure is reported to the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class Operation(QObject):
    """`Operation(parent, fn).success(cb).failure(cb).run_with_progress(label)`.

    `fn` runs on a pool thread. When started with a progress label, `fn` receives a
    `progress(done, total)` callable and a modal progress dialog follows it. Callbacks run on the
    GUI thread. The caller must not touch the same SQLite connection from the GUI meanwhile: the
    progress dialog is modal for that reason.
    """

    finished = Signal()

    def __init__(self, parent: QObject | None, fn: Callable[..., Any]):
        super().__init__(parent)
        self._fn = fn
        self._on_success: Callable[[Any], object] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._signals = _Signals()
        self._dialog: QtWidgets.QProgressDialog | None = None
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self._signals.progressed.connect(self._progressed)

    def success(self, callback: Callable[[Any], object]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Operation:
        self._on_failure = callback
        return self

    def run(self) -> Operation:
        QThreadPool.globalInstance().start(_Job(self._fn, self._signals, with_progress=False))
        return self

    def run_with_progress(self, label: str) -> Operation:
        parent = self.parent()
        widget = parent if isinstance(parent, QtWidgets.QWidget) else None
        self._dialog = QtWidgets.QProgressDialog(label, "", 0, 0, widget)
        self._dialog.setCancelButton(None)
        self._dialog.setMinimumDuration(300)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        QThreadPool.globalInstance().start(_Job(self._fn, self._signals, with_progress=True))
        return self

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(done)

    def _succeeded(self, result: Any) -> None:
        self._close_dialog()
        collector.settle_soon()  # a quiet moment: what the work made is garbage now, or kept
        if self._on_success is not None:
            self._on_success(result)
        self.finished.emit()

    def _failed(self, exc: Exception) -> None:
        self._close_dialog()
        collector.settle_soon()
        try:
            if self._on_failure is not None:
                self._on_failure(exc)
            else:
                raise exc  # to sys.excepthook: logged, then shown (ui.failures)
        finally:
            self.finished.emit()
