"""The meeting pack's follow-up table finds each cell by the values it shows: the cells are
those `text_cell` makes from the row's texts (title and theme, owner, due date and lateness,
status and progress, last update)."""

from __future__ import annotations

import itertools

from ess_desk.actions.queries import ActionRow
from ess_desk.documents import actions_pdf
from ess_desk.documents.style import GridTable, forget_shared_cells, text_cell


def _row(n: int, **changes: object) -> ActionRow:
    values: dict[str, object] = dict.fromkeys(ActionRow.__annotations__)
    values.update(
        id=n,
        body_id=1,
        body="Bureau",
        title="Relancer la Ruche",
        description="",
        owner="Zoé Martin",
        owner_email="",
        due_date="2025-04-30",
        priority="normal",
        status="in_progress",
        progress=40,
        theme="",
        meeting_title="",
        item_title="",
        decision_ref="",
        created_on="2025-01-01",
        last_update_comment="",
        last_update_author="",
        last_update_no_change=False,
        overdue=True,
        days_late=32,
    )
    values.update(changes)
    return ActionRow(**values)


def _rows() -> list[ActionRow]:
    out = []
    kinds = itertools.product(
        ["todo", "in_progress", "postponed"],
        [None, "2025-03-01"],
        ["", "relance faite"],
        [False, True],
        ["", "Emploi"],
    )
    for n, (status, on, comment, no_change, theme) in enumerate(kinds):
        out.append(
            _row(
                n,
                status=status,
                last_update_on=on,
                last_update_comment=comment,
                last_update_no_change=no_change,
                theme=theme,
                owner=["Zoé Martin", "La Ruche"][n % 2],
                due_date=["2025-04-30", "2025-05-31", None][n % 3],
                overdue=n % 3 == 0,
                days_late=32 if n % 3 == 0 else 0,
                progress=[0, 40, 90][n % 3],
            )
        )
    return out


def test_follow_up_cells_are_those_of_the_rows_texts():
    forget_shared_cells()
    rows = _rows()
    (table,) = actions_pdf._follow_up_table(rows)
    assert isinstance(table, GridTable)
    for row, cells in zip(rows, (r.cells for r in table.rows), strict=True):
        expected = [
            actions_pdf._action_cell(row),
            text_cell(row.owner),
            actions_pdf._due_cell(row),
            text_cell(row.status_label, f"{row.progress} %"),
            text_cell(row.last_update_text),
        ]
        assert [c.parts for c in cells[1:]] == [c.parts for c in expected]
        assert cells[0].parts[0][0] == str(row.id)
        assert vars(cells[0]) == vars(GridTable._cell(str(row.id)))  # (the N° as a grid's)
