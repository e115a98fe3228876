"""Every page, tab and dialog walked (tests/ui/walk.py finds them in the code: pages from
page_specs(), the meeting's tabs from MeetingView, dialogs from every QDialog subclass under ui/):
no focusable widget without an accessible name, no label whose buddy is not a field, Tab leaves
multi-line fields and tables, each field label of a dialog has its mnemonic, a dialog opens on
its fields (its buttons last for Tab)."""

from __future__ import annotations

import pytest

from tests.ui import walk


@pytest.fixture(scope="module")
def report(tmp_path_factory, qapp):
    from ui.qt import QCoreApplication, QSettings
    from ui.settings import APPLICATION, ORGANISATION

    folder = tmp_path_factory.mktemp("walk")
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return walk.run_walk(folder)


def test_the_walk_reaches_every_page_tab_and_dialog(report):
    from ui.main_window import page_specs
    from ui.pages.meeting import EXTRA_TABS

    views = set(report.views)
    assert {f"page {spec.key}" for spec in page_specs()} <= views
    assert {f"meeting tab {module}" for module, _cls, _title in EXTRA_TABS} <= views
    walked = {v.split()[1] for v in views if v.startswith("dialog ")}
    assert {cls.__name__ for cls in walk.dialog_classes()} == walked
    assert report.dialogs == []  # every dialog could be built (PROVIDERS names what is missing)


def test_every_focusable_widget_has_an_accessible_name(report):
    assert report.names == []


def test_every_label_buddy_is_a_field(report):
    assert report.buddies == []


def test_tab_leaves_every_multiline_field(report):
    assert report.multiline == []


def test_every_field_label_of_a_dialog_has_a_mnemonic_and_its_field(report):
    assert report.mnemonics == []


def test_tab_leaves_tables_and_dialogs_open_on_their_fields(report):
    assert report.keyboard == []
