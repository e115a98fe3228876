"""The cycle collector is paused while the long documents are laid out, and resumed after."""

from __future__ import annotations

import gc
import types

import pytest

from ess_desk.documents import collector


@pytest.fixture(autouse=True)
def _collector_enabled_after():
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_resumed_after_even_on_error():
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.paused():
        assert not gc.isenabled()
        raise ValueError("dans la mise en page")
    assert gc.isenabled()


def test_left_paused_when_it_was_paused_already():
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_pack_and_the_person_file_are_laid_out_with_it_paused(monkeypatch, tmp_path):
    from ess_desk.documents import pack, person_file_pdf

    seen: list[bool] = []

    def lay_out(*args, **kwargs):
        seen.append(gc.isenabled())
        raise RuntimeError("arrêt")

    gc.enable()
    monkeypatch.setattr(pack, "_lay_out", lay_out)
    monkeypatch.setattr(pack, "read_annexes", lambda *a, **k: ([], []))
    monkeypatch.setattr(
        pack.meeting_record, "load", lambda db, meeting_id: types.SimpleNamespace(annexes=())
    )
    with pytest.raises(RuntimeError):
        pack.build(None, 1, tmp_path / "dossier.pdf")
    monkeypatch.setattr(person_file_pdf, "build_pdf", lay_out)
    monkeypatch.setattr(person_file_pdf, "story", lambda pf: [])

    class File:
        name = "Zoé Secrète"
        council = "Conseil"

    with pytest.raises(RuntimeError):
        person_file_pdf.build(File(), tmp_path / "fiche.pdf")
    assert seen == [False, False]
    assert gc.isenabled()
