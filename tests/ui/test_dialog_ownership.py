"""A dialog run with exec() stays its parent's (ui.qt): PySide hands it to Python during
exec(), and Python's cycle collector then deleted it at a random later moment — the window
crashed inside the next dialog's constructor."""

from __future__ import annotations

import gc

import shiboken6

from ui.dialogs.body import BodyDialog
from ui.qt import QTimer, QtWidgets


def test_a_dialog_run_with_exec_stays_with_its_parent(qtbot, store):
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    dialog = BodyDialog(store, parent=parent)
    QTimer.singleShot(0, dialog.reject)
    assert dialog.exec() == QtWidgets.QDialog.DialogCode.Rejected
    assert dialog.parent() is parent
    assert not shiboken6.Shiboken.ownedByPython(dialog)
    pointer = shiboken6.Shiboken.getCppPointer(dialog)[0]
    del dialog
    gc.collect()
    (kept,) = [d for d in parent.findChildren(BodyDialog)]
    assert shiboken6.Shiboken.isValid(kept) and shiboken6.Shiboken.getCppPointer(kept)[0] == pointer


def test_a_dialog_without_parent_is_still_freed(qtbot, store):
    dialog = BodyDialog(store)
    QTimer.singleShot(0, dialog.reject)
    dialog.exec()
    assert shiboken6.Shiboken.ownedByPython(dialog)  # nobody else would ever delete it
