"""The « Dossier de séance… » button of a meeting: the dialog (variant, file), the pack built off
the GUI thread and opened, and the offer to leave out a broken annex."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from ess_desk.documents import pack
from tests.core.test_pack import page_texts, prepare, put_annex
from tests.ui.helpers import export_message
from ui.dialogs.pack import PackDialog
from ui.pages.meeting import MeetingView
from ui.qt import QtWidgets


@pytest.fixture
def bureau(store, tmp_path):
    return prepare(store, tmp_path)


@pytest.fixture
def view(qtbot, store, bureau):
    widget = MeetingView(store, bureau["second"])
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def said(view) -> list[str]:
    """The files the « fichier enregistré » message names (shown beside the view)."""
    message = export_message(view)
    return [str(message.path)] if message is not None else []


def test_the_header_offers_the_pack(view):
    assert view.steps.pack_button.text() == "Dossier de séance…"
    assert view.steps.pack_button.isEnabled()


def test_dialog_chooses_the_variant_and_its_file_name(qtbot, store, bureau):
    from ess_desk.meetings import meetings

    dialog = PackDialog(meetings.get(store.db, bureau["second"]))
    qtbot.addWidget(dialog)
    assert dialog.variant() == "membre"
    assert dialog.file_name() == "dossier-seance-2027-01-14.pdf"
    dialog.set_variant("public")
    assert dialog.file_name() == "dossier-seance-2027-01-14-public.pdf"
    assert dialog.create_button.text() == "Créer le dossier…"  # it asks where next


def test_pack_is_built_with_progress_and_opened(qtbot, view, tmp_path):
    target = tmp_path / "dossier.pdf"
    operation = view.steps.write_pack(target, "animation")
    assert not view.steps.pack_button.isEnabled()  # one pack at a time
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert said(view) == [str(target)]
    assert view.steps.pack_button.isEnabled()
    assert (
        isinstance(view.steps.last_pack, pack.PackResult)
        and view.steps.last_pack.variant == "animation"
    )
    text = " ".join(page_texts(PdfReader(target)))
    assert "Conducteur de séance" in text and "Contrôle du quorum" in text


def test_button_opens_the_dialog_then_asks_where(
    qtbot, view, tmp_path, monkeypatch, export_to, opened
):
    target = tmp_path / "depuis-le-bouton.pdf"
    export_to.append(target)

    def fake_exec(dialog):
        dialog.set_variant("public")
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(PackDialog, "exec", fake_exec)
    view.steps.pack_button.click()
    qtbot.waitUntil(lambda: said(view) == [str(target)], timeout=30000)
    assert view.steps.last_pack.variant == "public"
    export_message(view).open_button.click()
    assert opened == [str(target)]


def test_broken_annex_offers_to_leave_it_out(qtbot, view, store, bureau, tmp_path, monkeypatch):
    put_annex(store, bureau["second"], "Note abîmée.pdf", b"ce n'est pas un PDF")
    asked: list[str] = []

    def answer(_parent, _title, text, _yes):
        asked.append(text)
        return True

    monkeypatch.setattr("ui.pages.meeting_steps.confirm", answer)
    target = tmp_path / "dossier.pdf"
    view.steps.write_pack(target, "membre")
    qtbot.waitUntil(lambda: said(view) == [str(target)], timeout=30000)
    assert "Note abîmée.pdf" in export_message(view).informativeText()
    assert len(asked) == 1 and "« Note abîmée.pdf »" in asked[0]
    assert view.steps.last_pack.left_out == ("Note abîmée.pdf",)
    cover = page_texts(PdfReader(target))[0]
    assert "Annexes non jointes à ce dossier" in cover and "Note abîmée.pdf" in cover


def test_broken_annex_refused_writes_nothing(qtbot, view, store, bureau, tmp_path, monkeypatch):
    put_annex(store, bureau["second"], "Note abîmée.pdf", b"ce n'est pas un PDF")
    asked: list[str] = []
    monkeypatch.setattr(
        "ui.pages.meeting_steps.confirm", lambda _p, _t, text, _y: asked.append(text) or False
    )
    target = tmp_path / "dossier.pdf"
    operation = view.steps.write_pack(target, "membre")
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert asked and not target.exists() and said(view) == []
    assert view.steps.pack_button.isEnabled()
