"""The dashboard's Participation tab: attendance rates by member, organisation or college over a
period and a body, as a sortable table beside a bar chart, exportable to Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ess_desk.dashboard import participation as pa
from ess_desk.errors import UserError
from ess_desk.membership import bodies
from ess_desk.store import Store, database
from ui import a11y, exporting, fitting, palette
from ui.datefields import DateField
from ui.dialogs.common import error_label
from ui.models_dashboard import ParticipationModel, format_rate
from ui.qt import QSortFilterProxyModel, Qt, QtCore, QtGui, QTimer, QtWidgets, Signal

if TYPE_CHECKING:
    from ui.workers import Operation

P = ParticipationModel
DEBOUNCE_MS = 150
BAR = QtGui.QColor(palette.CHART_BAR)
BAR_LOW = QtGui.QColor(palette.CHART_LOW)  # under half: worth a look
GRID = QtGui.QColor(palette.CHART_GRID)
AVERAGE = QtGui.QColor(palette.CHART_AVERAGE)

# Period presets of the combo: key -> (start, end) from today.
PRESETS = ("last_12_months", "this_year", "last_year", "custom")


def preset_period(key: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    if key == "last_12_months":
        try:
            start = today.replace(year=today.year - 1) + dt.timedelta(days=1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28) + dt.timedelta(days=1)
        return start, today
    if key == "this_year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if key == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None


class BarChart(QtWidgets.QWidget):
    """Horizontal bars, one per line of the table in the table's order: the rate from 0 to
    100 %, its value at the end, and the overall rate as a dashed line. Only the rows in view are
    painted, so that two thousand members cost no more than twenty."""

    ROW = 22
    TOP = 30
    LABEL_WIDTH = 150  # at least: the legend of the dashed line sits there

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("participation_chart")
        self.bars: list[tuple[str, float | None]] = []
        self.average: float | None = None
        self._widest = 0
        self.setMinimumWidth(320)
        self._resize_to_content()

    def set_bars(self, bars: list[tuple[str, float | None]], average: float | None) -> None:
        self.bars = bars
        self.average = average
        metrics = self.fontMetrics()  # measured once here, not at every paint
        self._widest = max((metrics.horizontalAdvance(name) for name, _r in bars), default=0)
        self._resize_to_content()
        self.update()

    def _resize_to_content(self) -> None:
        self.setMinimumHeight(self.TOP + max(1, len(self.bars)) * self.ROW + 10)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        return QtCore.QSize(420, self.minimumHeight())

    def _geometry(self) -> tuple[int, int]:
        """(x of the 0 %, width of 100 %): the names take what the longest needs, up to 40 %
        of the width."""
        label_width = min(max(self.LABEL_WIDTH, self._widest + 8), max(120, self.width() * 2 // 5))
        x0 = label_width + 12
        return x0, max(60, self.width() - x0 - 62)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        x0, width = self._geometry()
        height = self.TOP + len(self.bars) * self.ROW
        metrics = painter.fontMetrics()
        text_colour = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
        muted = palette.color(palette.MUTED) or text_colour
        # The scale: 0, 25, 50, 75, 100 %.
        painter.setPen(GRID)
        for step in range(5):
            x = x0 + width * step // 4
            painter.drawLine(x, self.TOP - 6, x, max(height, self.TOP + self.ROW))
        painter.setPen(muted)
        for step in range(5):
            x = x0 + width * step // 4
            text = format_rate(step / 4).replace(",0", "")
            w = metrics.horizontalAdvance(text)
            painter.drawText(x - w // 2, self.TOP - 12, text)
        if not self.bars:
            painter.drawText(
                QtCore.QRect(x0, self.TOP, width, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.tr("Aucune présence attendue sur cette période"),
            )
            return
        # Only the rows the exposed area crosses.
        area = event.rect()
        first = max(0, (area.top() - self.TOP) // self.ROW)
        last = min(len(self.bars) - 1, (area.bottom() - self.TOP) // self.ROW + 1)
        label_width = x0 - 12
        # The overall rate first, so that bars and their values are drawn over its line.
        if self.average is not None:
            x = x0 + round(width * self.average)
            pen = QtGui.QPen(AVERAGE, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(x, self.TOP - 4, x, height)
            # The legend of the dashed line, in the labels' column above the names.
            painter.drawLine(8, self.TOP - 16, 26, self.TOP - 16)
            painter.setPen(AVERAGE)
            legend = self.tr("ensemble : {rate}").format(rate=format_rate(self.average))
            painter.drawText(
                QtCore.QRect(30, self.TOP - 26, label_width - 30, 20),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(legend, Qt.TextElideMode.ElideRight, label_width - 30),
            )
        for row in range(first, last + 1):
            name, rate = self.bars[row]
            y = self.TOP + row * self.ROW
            painter.setPen(text_colour)
            painter.drawText(
                QtCore.QRect(4, y, label_width - 4, self.ROW),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width - 4),
            )
            if rate is None:
                painter.setPen(muted)
                painter.drawText(
                    QtCore.QRect(x0 + 4, y, 60, self.ROW),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    "—",
                )
                continue
            bar_width = max(2, round(width * rate))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR if rate >= 0.5 else BAR_LOW)
            painter.drawRoundedRect(QtCore.QRectF(x0, y + 4, bar_width, self.ROW - 8), 3, 3)
            painter.setPen(text_colour)
            painter.drawText(
                QtCore.QRect(x0 + bar_width + 6, y, 60, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                format_rate(rate),
            )


class ParticipationView(QtWidgets.QWidget):
    """`ParticipationView(store, parent=None, today=None)`: filters, the table, the chart.
    Double-click or Enter on a line asks to open its person, organisation or body."""

    open_requested = Signal(str, int)

    def __init__(
        self, store: Store, parent: QtWidgets.QWidget | None = None, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._store = store
        self._today = today or dt.date.today()
        self._operation: Operation | None = None
        self.figures: pa.Participation | None = None
        self.last_result = ""

        start, end = preset_period("last_12_months", self._today) or (self._today, self._today)
        self.period = QtWidgets.QComboBox()
        self.period.setObjectName("participation_period")
        for key, text in zip(
            PRESETS,
            (
                self.tr("12 derniers mois"),
                self.tr("Année {year}").format(year=self._today.year),
                self.tr("Année {year}").format(year=self._today.year - 1),
                self.tr("Période choisie"),
            ),
            strict=True,
        ):
            self.period.addItem(text, key)
        self.start_edit = DateField(start)
        self.start_edit.setObjectName("participation_start")
        self.end_edit = DateField(end)
        self.end_edit.setObjectName("participation_end")
        self.body_filter = QtWidgets.QComboBox()
        self.body_filter.setObjectName("participation_body")
        self.body_filter.setMinimumWidth(220)
        self._fill_bodies()
        self.grouping = QtWidgets.QComboBox()
        self.grouping.setObjectName("participation_grouping")
        # By college first: a few bars that say the most at a glance.
        self.grouping.addItem(self.tr("Par collège"), pa.BY_COLLEGE)
        self.grouping.addItem(self.tr("Par structure"), pa.BY_ORGANISATION)
        self.grouping.addItem(self.tr("Par membre"), pa.BY_MEMBER)
        self.export_button = QtWidgets.QPushButton(self.tr("Exporter en Excel…"))
        self.export_button.setObjectName("participation_export")
        self.export_button.clicked.connect(self.export)

        # One row when there is room, wrapped on a narrow screen (each caption with its field).
        filters = fitting.flow_row(
            *(
                fitting.pair(a11y.labelled(caption, widget), widget)
                for caption, widget in (
                    (self.tr("Période"), self.period),
                    (self.tr("du"), self.start_edit),
                    (self.tr("au"), self.end_edit),
                    (self.tr("Instance"), self.body_filter),
                    (self.tr("Regrouper"), self.grouping),
                )
            ),
            spacing=14,
        )

        self.error = error_label()
        self.error.setObjectName("participation_error")
        self.summary = fitting.WrappingLabel()
        self.summary.setObjectName("participation_summary")
        self.summary.setStyleSheet("font-size: 11pt;")
        self.note = QtWidgets.QLabel(
            self.tr(
                "Taux de participation = (présents + représentés par un pouvoir + remplacés par "
                "leur suppléant) ÷ présences attendues, sur les séances tenues de la période dont "
                "les présences sont saisies. Sont attendus les titulaires d'un siège (membres, "
                "présidence, vice-présidence) ; pas les suppléants ni les invités permanents."
            )
        )
        self.note.setObjectName("participation_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(palette.text_css(palette.MUTED))
        self.setToolTip(self.note.text())

        self.model = ParticipationModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(P.SORT_ROLE)
        self.table = a11y.tab_leaves(QtWidgets.QTableView())
        a11y.name(self.table, self.tr("Participation"))
        self.table.setObjectName("participation_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(P.RATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(P.NAME, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(P.DETAIL, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in range(P.EXPECTED, P.COLUMN_COUNT):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)

        self.chart = BarChart()
        chart_scroll = QtWidgets.QScrollArea()
        chart_scroll.setObjectName("participation_chart_scroll")
        a11y.name(chart_scroll, self.tr("Graphique de participation"))
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chart_scroll.setMinimumHeight(160)
        self.chart_scroll = chart_scroll

        # The chart above, the table below at full width (its nine columns need it).
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("participation_splitter")
        self.splitter.addWidget(chart_scroll)
        self.splitter.addWidget(self.table)
        self.splitter.setSizes([1000, 1000])  # half and half, whatever the height
        self.splitter.setChildrenCollapsible(False)

        summary_row = QtWidgets.QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.export_button)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(filters)
        layout.addWidget(self.error)
        layout.addLayout(summary_row)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._setting_period = False
        self.period.currentIndexChanged.connect(self._preset_chosen)
        for edit in (self.start_edit, self.end_edit):
            edit.value_changed.connect(self._dates_edited)
        self.body_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.grouping.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.proxy.layoutChanged.connect(self._update_chart)
        self.proxy.modelReset.connect(self._update_chart)
        self.refresh()

    # -- filters -----------------------------------------------------------------------------
    def _fill_bodies(self) -> None:
        """Every body, archived ones too (a past period may concern them); the choice kept."""
        chosen = self.body_filter.currentData()
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem(self.tr("Toutes les instances"), None)
        for body in bodies.list_bodies(self._store.db, include_archived=True):
            self.body_filter.addItem(body.name, body.id)
        self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(chosen)))
        self.body_filter.blockSignals(False)

    def reload(self) -> None:
        """After the database changed: the bodies' list and the figures read again."""
        self._fill_bodies()
        self.refresh()

    def _preset_chosen(self, _index: int) -> None:
        period = preset_period(self.period.currentData(), self._today)
        if period is None:
            return
        self._setting_period = True
        self.start_edit.set_value(period[0])
        self.end_edit.set_value(period[1])
        self._setting_period = False
        self.refresh()

    def _dates_edited(self, _date: Any) -> None:
        if self._setting_period:
            return
        custom = self.period.findData("custom")
        if self.period.currentIndex() != custom:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(custom)
            self.period.blockSignals(False)
        self._debounce.start()

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Choose a period (as typing the two dates would), computed at once."""
        self._setting_period = True
        self.start_edit.set_value(start)
        self.end_edit.set_value(end)
        self._setting_period = False
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)
        self.refresh()

    def set_body(self, body_id: int | None) -> None:
        self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(body_id)))

    def set_grouping(self, grouping: str) -> None:
        self.grouping.setCurrentIndex(max(0, self.grouping.findData(grouping)))

    def flush(self) -> None:
        """Apply a pending date change now (what the pause after typing would do)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.refresh()

    # -- figures -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the figures for the filters shown."""
        start, end = self.start_edit.value(), self.end_edit.value()
        if start is None or end is None:
            self.export_button.setEnabled(False)
            return
        try:
            self.figures = pa.participation(
                self._store.db, start, end, self.body_filter.currentData()
            )
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            self.export_button.setEnabled(False)
            return
        self.error.setVisible(False)
        self.export_button.setEnabled(True)
        self.show_rows()

    def show_rows(self) -> None:
        figures = self.figures
        if figures is None:
            return
        grouping = self.grouping.currentData()
        detail = {
            pa.BY_MEMBER: self.tr("Structure"),
            pa.BY_ORGANISATION: "",
            pa.BY_COLLEGE: self.tr("Instance"),
        }[grouping]
        rows = figures.rows(grouping)
        self.model.set_rows(rows, detail)
        self.table.setColumnHidden(P.DETAIL, not any(r.detail for r in rows))
        overall = figures.overall
        if figures.meetings:
            text = self.tr(
                "<b>{rate}</b> de participation sur {meetings} — {took_part} sur {expected}"
            ).format(
                rate=format_rate(overall.rate),
                meetings=self.tr("%n séances tenues", "", figures.meetings),
                took_part=self.tr("%n présences", "", overall.took_part),
                expected=self.tr("%n attendues", "", overall.expected),
            )
        else:
            text = self.tr("Aucune séance tenue avec des présences saisies sur cette période.")
        if figures.unrecorded:
            text += " " + self.tr(
                "<span style='color:{colour}'>(%n séances tenues sans présences saisies, "
                "non comptées)</span>",
                "",
                figures.unrecorded,
            ).format(colour=palette.html_colour(palette.WARNING))
        self.summary.setText(text)

    def _update_chart(self) -> None:
        bars = []
        # A college's name alone is ambiguous across bodies: its body goes with it.
        with_body = self.grouping.currentData() == pa.BY_COLLEGE
        for row in range(self.proxy.rowCount()):
            name = str(self.proxy.index(row, P.NAME).data())
            detail = self.proxy.index(row, P.DETAIL).data() if with_body else ""
            rate = self.proxy.index(row, P.RATE).data(P.RATE_ROLE)
            bars.append((f"{name} · {detail}" if detail else name, rate))
        average = self.figures.overall.rate if self.figures is not None else None
        self.chart.set_bars(bars, average)

    def rows_shown(self) -> list[tuple[str, str]]:
        """(name, rate as shown) of the table's rows, in their order: what the eye reads."""
        return [
            (self.proxy.index(r, P.NAME).data(), self.proxy.index(r, P.RATE).data())
            for r in range(self.proxy.rowCount())
        ]

    def open_row(self, row: int) -> None:
        """Ask to open the record behind a line of the table (in the table's order)."""
        if not 0 <= row < self.proxy.rowCount():
            return
        line = self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
        if line.key is None:  # « Sans structure », « Hors collège »: nothing to open
            return
        grouping = self.grouping.currentData()
        if grouping == pa.BY_MEMBER:
            self.open_requested.emit("person", line.key)
        elif grouping == pa.BY_ORGANISATION:
            self.open_requested.emit("organisation", line.key)
        else:
            body_id = database.scalar(
                self._store.db, "SELECT body_id FROM colleges WHERE id = ?", [line.key]
            )
            if body_id is not None:
                self.open_requested.emit("body", body_id)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_row(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    # -- export ------------------------------------------------------------------------------
    def export(self, path: Path | None = None) -> None:
        """Ask where (unless `path` is given), then write the figures shown to an Excel
        workbook off the GUI thread (they are already in memory: no database connection)."""
        from ess_desk.exchange import participation_export

        figures = self.figures
        if figures is None:
            return
        body_name = self.body_filter.currentText() if figures.body_id is not None else ""
        self._operation = exporting.run_export(
            self,
            "participation",
            self.tr("Exporter la participation"),
            f"participation-{figures.start:%Y-%m-%d}-{figures.end:%Y-%m-%d}.xlsx",
            self.tr("Excel (*.xlsx)"),
            lambda target, _progress: participation_export.write_xlsx(figures, target, body_name),
            progress=self.tr("Export de la participation…"),
            path=path,
            on_done=lambda written, _r: self._done(str(written)),
            on_failed=self._failed,
        )

    def export_to(self, path: Path) -> None:
        self.export(path)

    def _done(self, text: str) -> None:
        self.last_result = text

    def _failed(self, exc: Exception) -> None:
        self.last_result = str(exc)
        exporting.write_failed(self, exc, self.tr("Exporter la participation"))
