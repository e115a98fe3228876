"""Helpers shared by the UI tests (not fixtures)."""

from __future__ import annotations


def export_message(parent=None):
    """The « fichier enregistré » message last shown (ui.exporting.ExportDone)."""
    from ui.exporting import ExportDone
    from ui.qt import QtWidgets

    boxes = [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, ExportDone)]
    if parent is not None:
        boxes += parent.window().findChildren(ExportDone)
    visible = [b for b in boxes if b.isVisible()]
    return visible[-1] if visible else None
