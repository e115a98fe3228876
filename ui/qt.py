"""Every Qt import of the application goes through here, so that the binding is named once."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QDate,
    QEvent,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)

__all__ = [
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QAbstractTableModel",
    "QByteArray",
    "QDate",
    "QEvent",
    "QLibraryInfo",
    "QLocale",
    "QModelIndex",
    "QObject",
    "QPersistentModelIndex",
    "QRunnable",
    "QSettings",
    "QSortFilterProxyModel",
    "Qt",
    "QT_TRANSLATE_NOOP",
    "QThreadPool",
    "QTimer",
    "QTranslator",
    "Signal",
    "Slot",
]

# Added for the application shell (ui/app.py, ui/dialogs/common.py).
from PySide6.QtCore import QCoreApplication  # noqa: E402

__all__ += ["QCoreApplication"]
