"""Every Qt import of the application goes through here, so that the binding is named once."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ui import enum_build

# Before PySide6 loads: it makes an enumeration class per C++ enumeration as its classes are used
# (some 200 before the first frame), each through `enum.EnumType._create_`.
enum_build.install()

# The package first, alone: it loads shiboken6 (after setting up the DLL directories it needs
# on Windows), which installs PySide6's import hook (below); the hook is turned off before the
# Qt modules and what they pull in are imported, so that none of them has its source read.
import PySide6  # noqa: E402, F401
import shiboken6  # noqa: E402


def _skip_feature_scan() -> None:
    """PySide6 replaces `__import__` and, for every module imported after it, reads the module's
    whole source (`inspect.getsource`, kept in `linecache`) to find whether it mentions PySide6,
    for its optional `from __feature__ import snake_case, true_property` switches. ESS Desk never
    uses those switches, and the scan cost a fifth of the window's start-up and several MiB
    (the source lines of ~400 modules held in memory). Every module is therefore taken as not
    using them; if a PySide6 release moves this private hook, nothing breaks (the scan only
    comes back, and the start-up bench shows it)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]  # private hook
        # The lines it read before this point (shiboken6's `__init__` and `enum`, which shiboken6
        # imports) are of no further use; a traceback reads them again if it needs them.
        import linecache

        linecache.clearcache()


def _uses_no_feature(module: object) -> bool:
    return False


_skip_feature_scan()

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402


def _plain_import() -> None:
    """PySide6 puts a hook of its own in front of Python's `__import__` (`__feature_import__`):
    at every import statement it calls Python code that asks whether the statement is
    `from __feature__ import …`, and, for each new module, records whether the module uses the
    switches (`_uses_no_feature` above answers no). ESS Desk never uses them, and the hook cost
    about a microsecond per import statement run: some 470 while the window starts (imports
    inside functions pay it at every call). Python's own import, which PySide6 keeps as
    `__orig_import__`, is put back. For Qt's classes nothing changes: PySide6 reads a module
    absent from its record as one that ignores the switches, the same answer as the hook's for
    every module. Guarded like the scan above: if a PySide6 release renames these, the hook stays
    (and the start-up bench shows its cost)."""
    import builtins

    original = getattr(builtins, "__orig_import__", None)
    hook = builtins.__import__
    if callable(original) and getattr(hook, "__name__", "") == "__feature_import__":
        builtins.__import__ = original


from PySide6.QtCore import (  # noqa: E402
    QT_TRANSLATE_NOOP,
    QByteArray,
    QDate,
    QEvent,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)

_plain_import()

if TYPE_CHECKING:
    from PySide6.QtCore import (
        QAbstractTableModel,
        QPersistentModelIndex,
        QRunnable,
        QSortFilterProxyModel,
        QThreadPool,
    )

# Named by the tables' models, the filters and the workers, none of which the first frame uses:
# PySide makes a class (and its enumerations) the first time Python names it, so these are
# taken from QtCore when first imported from here (PEP 562), not when this module loads.
_LATER = frozenset(
    {
        "QAbstractTableModel",
        "QPersistentModelIndex",
        "QRunnable",
        "QSortFilterProxyModel",
        "QThreadPool",
    }
)


def __getattr__(name: str) -> object:
    if name in _LATER:
        value = getattr(QtCore, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def _keep_executed_dialogs_with_their_parent() -> None:
    """PySide 6 hands a dialog over to Python while `exec()` runs and leaves it so: a dialog
    with a parent was then deleted by Python's cycle collector at any later moment (inside
    another dialog's constructor, during a search), its Python filters and overrides already
    cleared — the window crashed (seen after « Nouvelle instance », then « Importer »). After
    `exec()` its parent owns it again, as for a dialog only shown."""
    run = QtWidgets.QDialog.exec
    if getattr(run, "keeps_parent", False):
        return

    def exec_kept(dialog: QtWidgets.QDialog) -> int:
        result = run(dialog)
        if shiboken6.Shiboken.isValid(dialog) and shiboken6.Shiboken.ownedByPython(dialog):
            parent = dialog.parentWidget()
            if parent is not None:
                dialog.setParent(parent, dialog.windowFlags())
        return result

    exec_kept.keeps_parent = True  # type: ignore[attr-defined]
    QtWidgets.QDialog.exec = exec_kept  # type: ignore[method-assign]


_keep_executed_dialogs_with_their_parent()
