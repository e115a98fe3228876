"""The Tableau de bord: the first page of the window. What needs doing at a glance (next meetings
and their notices, minutes waiting, actions late or due soon, mandates ending, vacant seats, the
last backup), each line opening its record; and the participation figures in a second tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ess_desk.actions.queries import ActionRow
from ess_desk.dashboard import overview as ov
from ess_desk.dates import display, display_datetime
from ess_desk.i18n import language
from ess_desk.membership.vocabulary import ROLES, label
from ess_desk.store import Store
from ui import a11y, fitting, palette
from ui.card_text import CardPill, CardText
from ui.lines import (
    LATE,
    LATE_LINE,
    MUTED,
    NORMAL,
    WARNING,
    Line,
    LinesWidget,
    register_painted,
    schedule_accessible,
)
from ui.qt import QCoreApplication, Qt, QtCore, QtGui, QtWidgets, Signal

if TYPE_CHECKING:
    from ui.pages.participation import ParticipationView

ACCENT = palette.HEADING
_RESTYLED = (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange)
# The look is set with fonts, palettes and a little painting rather than a style sheet: a style
# sheet sends every widget of the page through Qt's style-sheet engine, a tenth of the window's
# start on an office PC.
TITLE_COLOUR = palette.TITLE
GREY_TEXT = palette.MUTED
EMPTY_COLOUR = palette.SUCCESS
PILLS = {"count": palette.COUNT_PILL, "zero": palette.ZERO_PILL, "alert": palette.ALERT_PILL}


def tinted(widget: QtWidgets.QWidget, ink: palette.Ink) -> None:
    """The widget's text in `ink` (left alone under the system's colours)."""
    colour = palette.color(ink)
    if colour is None:
        return
    colours = widget.palette()
    colours.setColor(QtGui.QPalette.ColorRole.WindowText, colour)
    colours.setColor(QtGui.QPalette.ColorRole.Text, colour)
    widget.setPalette(colours)


def sized(widget: QtWidgets.QWidget, points: float | None = None, bold: bool = False) -> None:
    font = widget.font()
    if points is not None:
        font.setPointSizeF(points)
    if bold:
        font.setWeight(QtGui.QFont.Weight.DemiBold)
    widget.setFont(font)


def _place_in_focus_chain(widget: QtWidgets.QWidget, after: QtWidgets.QWidget) -> None:
    """Move `widget` and its descendants (which follow it in the focus chain: it was made with
    them, then put in place) right after `after` in the focus chain. Qt moves a widget there
    only between two that take the focus: each one takes it for the move.

    The chain is read no further than the last descendant: PySide makes the widget that
    nextInFocusChain() returns a child of the one asked, and the widget after the last
    descendant is the top-level one (the window), which the link or the last button would then
    hold and own in Python's stead."""
    moved = [widget]
    for _descendant in range(sum(not w.isWindow() for w in widget.findChildren(QtWidgets.QWidget))):
        following = moved[-1].nextInFocusChain()
        if following is None or not widget.isAncestorOf(following):
            break
        moved.append(following)
    policies = [(w, w.focusPolicy()) for w in (after, *moved)]
    for w, _policy in policies:
        w.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    previous = after
    for w in moved:
        QtWidgets.QWidget.setTabOrder(previous, w)
        previous = w
    for w, policy in policies:
        w.setFocusPolicy(policy)


class Pill(QtWidgets.QLabel):
    """A count or an alert in a rounded, tinted capsule; `tone` is a key of PILLS."""

    def __init__(self, tone: str):
        super().__init__()
        self.tone = tone
        sized(self, bold=True)
        self.setContentsMargins(8, 1, 8, 1)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_tone(tone)

    def set_tone(self, tone: str) -> None:
        self.tone = tone
        tinted(self, palette.Ink(PILLS[tone].fg))
        self.update()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        fill = palette.color(PILLS[self.tone].bg)
        if fill is None:  # the system's colours: an outline in the text colour
            painter.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        else:
            painter.setBrush(fill)
        rect = QtCore.QRectF(self.rect())
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.end()
        super().paintEvent(event)


class SectionCard(QtWidgets.QFrame):
    """One section of the overview: its title with a count, a muted subtitle, its lines (or a
    short reassuring sentence when there are none), and how many more there are."""

    open_requested = Signal(str, int)
    link_activated = Signal()

    def __init__(self, key: str, title: str, columns: int, stretch_column: int, empty: str):
        super().__init__()
        # Set first: a screen reader may ask for the card's interface while the card is built
        # (its lines join it below), and the interface made then records itself here.
        self.accessible_interface: Any = None  # ui.card_a11y.CardAccessible, once made
        self.setObjectName("card")
        self.key = key
        # The title, the count, the subtitle and the count of more lines are painted by the card
        # (ui.card_text): the same place and pixels as the labels they were, without a widget
        # each; a screen reader reads them as it read the labels (ui.card_a11y).
        self.title = CardText(self, points=11.5, bold=True, ink=TITLE_COLOUR)
        self.title.setText(title)
        self.count = CardPill(self, PILLS, "zero")
        self.count.setText("0")
        # The alert and the empty card's sentence are made the first time they show: most cards
        # of a council with records never show them, and each hidden widget still costs the
        # window's start its making and styling.
        self._alert: Pill | None = None
        self._empty: QtWidgets.QLabel | None = None
        head = self._head = QtWidgets.QHBoxLayout()
        head.setSpacing(8)
        head.addItem(self.title)
        head.addItem(self.count)
        head.addStretch(1)
        self.subtitle = CardText(self, ink=GREY_TEXT, wrap=True)
        self.view = LinesWidget(columns, stretch_column)
        a11y.name(self.view, title)
        self.view.open_requested.connect(self.open_requested)
        self._empty_text = "✓  " + empty
        self.more = CardText(self, ink=GREY_TEXT)
        # The link (« Les voir toutes ») is made the first time a card has one: two cards of eight
        # can show it (see `link`).
        self._link: QtWidgets.QPushButton | None = None
        foot = self._foot = QtWidgets.QHBoxLayout()
        foot.addItem(self.more)
        foot.addStretch(1)
        layout = self._layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addItem(self.subtitle)
        layout.addWidget(self.view)
        layout.addLayout(foot)
        layout.addStretch(1)
        register_painted(self)  # for the screen reader's tree (ui.card_a11y)

    @property
    def alert(self) -> Pill:
        """The alert beside the count (« 2 convocations en retard »), hidden when none."""
        if self._alert is None:
            self._alert = Pill("alert")
            self._alert.setObjectName("card_alert")
            self._alert.hide()
            self._head.insertWidget(self._head.indexOf(self.count) + 1, self._alert)
        return self._alert

    @property
    def link(self) -> QtWidgets.QPushButton:
        """A link that Tab reaches and Space or Enter follows: a flat button drawn as a link, at
        the foot's right end, hidden when the card has none."""
        if self._link is None:
            link = self._link = QtWidgets.QPushButton()
            link.setObjectName("card_link")
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link_font = link.font()
            link_font.setUnderline(True)
            link.setFont(link_font)
            tinted(link, ACCENT)
            colours = link.palette()
            if palette.color(ACCENT) is not None:
                colours.setColor(QtGui.QPalette.ColorRole.ButtonText, palette.color(ACCENT))
                link.setPalette(colours)
            link.clicked.connect(self.link_activated.emit)
            link.hide()
            self._foot.addWidget(link)
            # Made now, it would come last in the window's Tab order: where it was, after the
            # lines.
            _place_in_focus_chain(link, after=self.view)
        return self._link

    @property
    def empty(self) -> QtWidgets.QLabel:
        """The short sentence shown instead of the lines when there are none."""
        if self._empty is None:
            self._empty = QtWidgets.QLabel(self._empty_text)
            self._empty.setObjectName("card_empty")
            self._empty.setContentsMargins(2, 6, 2, 6)
            tinted(self._empty, EMPTY_COLOUR)
            self._empty.hide()
            self._layout.insertWidget(self._layout.indexOf(self.view) + 1, self._empty)
        return self._empty

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QtGui.QPen(
                palette.color(palette.CARD_BORDER)
                or self.palette().color(QtGui.QPalette.ColorRole.WindowText),
                1,
            )
        )
        painter.setBrush(self.palette().color(QtGui.QPalette.ColorRole.Base))
        painter.drawRoundedRect(QtCore.QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()
        schedule_accessible()  # the texts' interfaces for screen readers, after the first frame
        # Then the texts, each as its label painted itself (a painter of its own).
        painter = QtGui.QPainter(self)
        for text in (self.title, self.count, self.subtitle, self.more):
            text.paint(painter)
        painter.end()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in _RESTYLED:
            for text in self.painted_texts():
                text.restyled()  # as a label measures again when its font or style changes
        super().changeEvent(event)

    def made_link(self) -> QtWidgets.QPushButton | None:
        """The link, if a card has had one (None: never made)."""
        return self._link

    def painted_texts(self) -> list[CardText]:
        """The texts the card paints, in the order the labels were its children."""
        return [self.title, self.count, self.subtitle, self.more]

    def set_pending(self, text: str) -> None:
        """Still being read: says so, rather than the all-clear of an empty card."""
        self.count.setText("…")
        self.count.set_tone("zero")
        self.view.set_lines([])
        self.view.setVisible(False)
        self.empty.setText(text)
        self.empty.setVisible(True)

    def set_content(
        self,
        lines: Sequence[Line],
        total: int,
        *,
        count: int | None = None,
        subtitle: str = "",
        alert: str = "",
        more: str = "",
        link: str = "",
    ) -> None:
        """`total` lines in all, `lines` shown; `count` (default: total) goes in the header."""
        if not lines or self._empty is not None:
            self.empty.setText(self._empty_text)
            self.empty.setVisible(not lines)
        count = total if count is None else count
        self.count.setText(number(count))
        self.count.set_tone("count" if count else "zero")
        if alert or self._alert is not None:
            self.alert.setText(alert)
            self.alert.setVisible(bool(alert))
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.view.set_lines(lines)
        self.view.setVisible(bool(lines))
        self.more.setText(more)
        self.more.setVisible(bool(more))
        if link or self._link is not None:
            self.link.setText(link)
            self.link.setVisible(bool(link))

    def line_count(self) -> int:
        return self.view.line_count()

    def line(self, row: int) -> Line:
        return self.view.line(row)


def _days(n: int) -> str:
    if n == 0:
        return QCoreApplication.translate("DashboardPage", "aujourd'hui")
    if n == 1:
        return QCoreApplication.translate("DashboardPage", "demain")
    return QCoreApplication.translate("DashboardPage", "dans {n} j").format(n=number(n))


def _ago(n: int) -> str:
    if n == 0:
        return QCoreApplication.translate("DashboardPage", "aujourd'hui")
    if n == 1:
        return QCoreApplication.translate("DashboardPage", "hier")
    if n < 60:
        return QCoreApplication.translate("DashboardPage", "il y a {n} j").format(n=n)
    if n < 730:
        return QCoreApplication.translate("DashboardPage", "il y a {n} mois").format(n=n // 30)
    return QCoreApplication.translate("DashboardPage", "il y a {n} ans").format(n=n // 365)


def number(n: int) -> str:
    """« 15 281 » in French (narrow no-break space), « 15,281 » in English: what
    `ess_desk.typography.number` writes, without loading that module on the start path."""
    text = f"{n:,}"
    return text.replace(",", "\u202f") if language() == "fr" else text


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def meeting_lines(items: Sequence[ov.UpcomingMeeting], today: dt.date) -> list[Line]:
    """Date and hour | body, then the notice's state | how soon."""
    out = []
    for m in items:
        deadline = display(m.notice_deadline) if m.notice_deadline else ""
        if m.notice == ov.NOTICE_SENT:
            state = QCoreApplication.translate(
                "DashboardPage", "Convocation envoyée le {date}"
            ).format(date=display(m.notice_sent_on))
            tone = MUTED
        elif m.notice == ov.NOTICE_SENT_LATE:
            state = QCoreApplication.translate(
                "DashboardPage", "Convocation envoyée en retard, le {date}"
            ).format(date=display(m.notice_sent_on))
            tone = WARNING
        elif m.notice == ov.NOTICE_LATE:
            state = QCoreApplication.translate(
                "DashboardPage", "Convocation en retard (limite : {date})"
            ).format(date=deadline)
            tone = LATE_LINE
        elif m.notice == ov.NOTICE_UNSENT or m.notice_deadline is None:
            state, tone = (
                QCoreApplication.translate("DashboardPage", "Convocation non envoyée"),
                NORMAL,
            )
        else:
            left = (m.notice_deadline - today).days
            state = QCoreApplication.translate(
                "DashboardPage", "À convoquer au plus tard le {date}"
            ).format(date=deadline)
            tone = WARNING if left <= 3 else NORMAL
        tooltip = m.title
        if deadline:
            tooltip += "\n" + QCoreApplication.translate(
                "DashboardPage", "Date limite de convocation : {date}"
            ).format(date=deadline)
        if m.notice_warning:
            tooltip += "\n" + m.notice_warning
        out.append(
            Line(
                "meeting",
                m.meeting_id,
                (
                    f"{display(m.starts_at)}\n{m.starts_at[11:16]}",
                    f"{m.body}\n{state}",
                    _days((_day(m.starts_at) - today).days),
                ),
                tone,
                tooltip,
                toned=1,
            )
        )
    return out


def minutes_lines(items: Sequence[ov.PendingMinutes], today: dt.date) -> list[Line]:
    """Meeting date | body, then where the minutes stand | how long ago the meeting was."""
    out = []
    for p in items:
        age = (today - _day(p.starts_at)).days
        if p.state == ov.MINUTES_SUBMITTED:
            if p.next_meeting_at:
                state = QCoreApplication.translate(
                    "DashboardPage", "Soumis, à approuver à la séance du {date}"
                ).format(date=display(p.next_meeting_at))
            else:
                state = QCoreApplication.translate(
                    "DashboardPage", "Soumis, à approuver (aucune séance prévue)"
                )
            tone = MUTED
        else:
            state = (
                QCoreApplication.translate("DashboardPage", "À rédiger, puis soumettre")
                if p.state == ov.MINUTES_NOT_STARTED
                else QCoreApplication.translate("DashboardPage", "Brouillon à soumettre")
            )
            tone = WARNING if age > 30 else NORMAL
        tooltip = p.title
        if p.submitted_on:
            tooltip += "\n" + QCoreApplication.translate(
                "DashboardPage", "Soumis le {date}"
            ).format(date=display(p.submitted_on))
        out.append(
            Line(
                "minutes",
                p.meeting_id,
                (display(p.starts_at), f"{p.body}\n{state}", _ago(age)),
                tone,
                tooltip,
                toned=1,
            )
        )
    return out


def publication_lines(items: Sequence, today: dt.date) -> list[Line]:
    """Due date | what (list of decisions, signature, publication of minutes) and its state |
    days late or left; a line opens its meeting."""
    out = []
    for d in items:
        days = (_day(d.due_on) - today).days
        late = days < 0
        when = (
            QCoreApplication.translate("DashboardPage", "en retard de {n} j").format(
                n=number(-days)
            )
            if late
            else _days(days)
        )
        out.append(
            Line(
                "meeting",
                d.meeting_id,
                (display(d.due_on), f"{d.short()}\n{d.meeting_text()}", when),
                LATE_LINE if late else NORMAL,
                f"{d.describe()} — {d.status_text()} ({d.source})",
                toned=2,
            )
        )
    return out


def action_lines(items: Sequence[ActionRow], today: dt.date, overdue: bool) -> list[Line]:
    """Due date | title, then owner and body | days late or left."""
    out = []
    for a in items:
        if overdue:
            state, tone = (
                QCoreApplication.translate("DashboardPage", "{n} j de retard").format(
                    n=number(a.days_late)
                ),
                LATE,
            )
        else:
            left = (_day(a.due_date) - today).days if a.due_date else 0
            state, tone = _days(left), WARNING if left <= 2 else NORMAL
        who = " · ".join(x for x in (a.owner, a.body) if x)
        tooltip = QCoreApplication.translate(
            "DashboardPage", "Action n°{id} — {status}, {progress} %"
        ).format(id=a.id, status=a.status_label, progress=a.progress)
        out.append(
            Line("action", a.id, (display(a.due_date), f"{a.title}\n{who}", state), tone, tooltip)
        )
    return out


def compliance_lines(items) -> list[Line]:
    """Meeting date | body and title, then its failing checks."""
    out = []
    for m in items:
        failed = "; ".join(c.title for c in m.failures)
        out.append(
            Line(
                "meeting",
                m.meeting_id,
                (display(m.starts_at), f"{m.body}\n{failed}"),
                WARNING,
                "\n".join(f"✗ {c.title} : {c.detail}" for c in m.failures),
                toned=1,
            )
        )
    return out


def mandate_lines(items: Sequence[ov.EndingMandate], today: dt.date) -> list[Line]:
    """End date | person, then body, college and role | how soon."""
    out = []
    for m in items:
        left = (_day(m.end_date) - today).days
        where = " · ".join(x for x in (m.body, m.college, label(ROLES, m.role)) if x)
        out.append(
            Line(
                "mandate",
                m.mandate_id,
                (display(m.end_date), f"{m.person_name}\n{where}", _days(left)),
                WARNING if left <= 30 else NORMAL,
                where,
            )
        )
    return out


def vacancy_lines(items: Sequence[ov.VacantSeats]) -> list[Line]:
    """College, then its body | seats vacant."""
    return [
        Line(
            "body",
            v.body_id,
            (
                f"{v.college}\n{v.body}",
                QCoreApplication.translate(
                    "DashboardPage", "%n sièges vacants sur {seats}", "", v.vacant
                ).format(seats=v.seats),
            ),
            NORMAL,
        )
        for v in items
    ]


def long_day(day: dt.date) -> str:
    """« samedi 28 novembre 2026 » from Qt's own locale data (babel, which the documents use,
    would add a noticeable delay to the window's start-up for this one date)."""
    locale = (
        QtCore.QLocale(QtCore.QLocale.Language.French, QtCore.QLocale.Country.France)
        if language() == "fr"
        else QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedKingdom)
    )
    return locale.toString(
        QtCore.QDate(day.year, day.month, day.day), QtCore.QLocale.FormatType.LongFormat
    )


class _Counts(QtCore.QObject):
    """Sentences with a count, for the functions outside a widget: lupdate finds the plural
    forms of `self.tr(text, "", n)` only (not of QCoreApplication.translate)."""

    def days_ago(self, days: int) -> str:
        return self.tr("il y a %n jours", "", days)


def backup_text(state: ov.BackupState) -> tuple[str, palette.Ink]:
    """(sentence, ink) for the backup chip."""
    if state.taken_at is None or state.age is None:
        return QCoreApplication.translate(
            "DashboardPage", "Aucune sauvegarde automatique de cette base"
        ), palette.ERROR
    minutes = int(state.age.total_seconds() // 60)
    if minutes < 1:
        age = QCoreApplication.translate("DashboardPage", "à l'instant")
    elif minutes < 60:
        age = QCoreApplication.translate("DashboardPage", "il y a {n} min").format(n=minutes)
    elif minutes < 24 * 60:
        age = QCoreApplication.translate("DashboardPage", "il y a {n} h").format(n=minutes // 60)
    else:
        age = _Counts().days_ago(state.age.days)
    text = QCoreApplication.translate(
        "DashboardPage", "Dernière sauvegarde : {when} ({age})"
    ).format(when=display_datetime(state.taken_at), age=age)
    return text, (palette.WARNING if state.stale else palette.SUCCESS)


def _first_steps(page: DashboardPage) -> QtWidgets.QFrame:
    """A new file's first steps (`DashboardPage.welcome_box`), hidden; sets the page's `welcome`
    (the text) and `welcome_steps` (a button for each step)."""
    page.welcome = QtWidgets.QLabel(
        QCoreApplication.translate(
            "DashboardPage",
            "<b>Bienvenue dans ESS Desk.</b> Ce fichier est vide ; pour commencer :"
            "<ol style='margin-left: 12px'>"
            "<li>Fichier › En-tête du conseil… : le nom, l'adresse et le logo du conseil ;</li>"
            "<li>Instances › Nouvelle instance : le conseil plénier, ses collèges et ses "
            "règles (quorum, pouvoirs, délai de convocation) ;</li>"
            "<li>Fichier › Importer des membres… : la liste des membres depuis Excel ou "
            "CSV, avec un aperçu avant tout enregistrement.</li></ol>"
            "Pour découvrir le logiciel sans toucher à ce fichier, ouvrez un conseil de "
            "démonstration, fictif, dans un fichier à part.",
        )
    )
    page.welcome.setObjectName("dashboard_welcome")
    page.welcome.setWordWrap(True)
    page.welcome.setTextFormat(Qt.TextFormat.RichText)
    page.welcome.setContentsMargins(14, 10, 14, 4)
    # Each first step is also a button (Tab reaches them; no menu to hunt for).
    steps = fitting.ActionBar()
    steps.setObjectName("welcome_steps")
    for key, text in (
        ("letterhead", QCoreApplication.translate("DashboardPage", "En-tête du conseil…")),
        ("new_body", QCoreApplication.translate("DashboardPage", "Nouvelle instance…")),
        ("import", QCoreApplication.translate("DashboardPage", "Importer des membres…")),
        ("demo", QCoreApplication.translate("DashboardPage", "Ouvrir une démonstration…")),
    ):
        button = QtWidgets.QPushButton(text)
        button.setObjectName(f"welcome_{key}")
        button.clicked.connect(lambda _c=False, k=key: page.command_requested.emit(k))
        steps.add(button)
    steps.add_stretch()
    page.welcome_steps = steps
    box = QtWidgets.QFrame()
    box.setObjectName("dashboard_welcome_box")
    box_layout = QtWidgets.QVBoxLayout(box)
    box_layout.setContentsMargins(0, 0, 14, 10)
    box_layout.addWidget(page.welcome)
    steps_row = QtWidgets.QHBoxLayout()
    steps_row.setContentsMargins(14, 0, 0, 0)
    steps_row.addWidget(steps)
    box_layout.addLayout(steps_row)
    palette.set_panel_palette(box, palette.WELCOME)
    box.hide()
    return box


class DashboardPage(QtWidgets.QWidget):
    """`DashboardPage(store, parent=None, today=None)`; `reload()` reads everything again (it is
    also done each time the page comes back into view: the queries take milliseconds)."""

    open_requested = Signal(str, int)  # a record to show: MainWindow.open_record(kind, id)
    actions_requested = Signal(str)  # "overdue" or "due_soon": the Actions page so filtered
    # What the window does for the page: "letterhead", "new_body", "import", "demo",
    # "backup_now" (MainWindow.run_command).
    command_requested = Signal(str)
    # Built finished: no label names a field, no text field, no item view (the cards' lines are
    # LinesWidgets, which Tab leaves), and no splitter. The window then neither runs
    # `a11y.finish` over the page nor looks for its splitters: walking its widgets makes PySide
    # wrap each one. tests/ui/test_dashboard.py
    # checks that both would find nothing to do.
    a11y_finished = True
    splitters: tuple[QtWidgets.QSplitter, ...] = ()
    welcome: QtWidgets.QLabel  # the first steps' text and buttons, once made (welcome_box)
    welcome_steps: fitting.ActionBar

    def __init__(
        self, store: Store, parent: QtWidgets.QWidget | None = None, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._store = store
        self._today = today
        self._shown_once = False
        self._painted = False
        self.participation: ParticipationView | None = None  # built when its tab is shown

        title = QtWidgets.QLabel(self.tr("Tableau de bord"))
        title.setObjectName("dashboard_title")
        sized(title, 16, bold=True)
        tinted(title, ACCENT)
        # Both wrap on a narrow screen rather than widen the page.
        self.council_label = fitting.WrappingLabel()
        self.council_label.setObjectName("dashboard_council")
        tinted(self.council_label, GREY_TEXT)
        self.backup_label = fitting.WrappingLabel()
        self.backup_label.setObjectName("dashboard_backup")
        self.backup_button = QtWidgets.QPushButton(self.tr("Sauvegarder maintenant"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.setToolTip(
            self.tr("Une copie de la base, tout de suite, dans le dossier des sauvegardes (Ctrl+S)")
        )
        self.backup_button.clicked.connect(lambda: self.command_requested.emit("backup_now"))
        self.refresh_button = QtWidgets.QPushButton(self.tr("Actualiser"))
        self.refresh_button.setToolTip(self.tr("Relire la base (F5)"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        QtGui.QShortcut(
            QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Refresh),
            self,
            lambda: self.reload(),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        heading = QtWidgets.QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(title)
        heading.addWidget(self.council_label)
        top = QtWidgets.QHBoxLayout()
        top.addLayout(heading)
        top.addStretch(1)
        top.addWidget(self.backup_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addSpacing(12)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.cards: dict[str, SectionCard] = {
            "meetings": SectionCard(
                "meetings",
                self.tr("Prochaines séances"),
                3,
                1,
                self.tr("Aucune séance prévue d'ici {days} jours").format(days=ov.UPCOMING_DAYS),
            ),
            "overdue": SectionCard(
                "overdue", self.tr("Actions en retard"), 3, 1, self.tr("Aucune action en retard")
            ),
            "minutes": SectionCard(
                "minutes",
                self.tr("Procès-verbaux en attente"),
                3,
                1,
                self.tr("Tous les procès-verbaux sont approuvés"),
            ),
            "due_soon": SectionCard(
                "due_soon",
                self.tr("Échéances proches"),
                3,
                1,
                self.tr("Aucune échéance dans les {days} prochains jours").format(
                    days=ov.DUE_SOON_DAYS
                ),
            ),
            "ending": SectionCard(
                "ending",
                self.tr("Mandats qui se terminent"),
                3,
                1,
                self.tr("Aucun mandat ne se termine d'ici {days} jours").format(
                    days=ov.ENDING_DAYS
                ),
            ),
            "vacancies": SectionCard(
                "vacancies",
                self.tr("Sièges vacants"),
                2,
                0,
                self.tr("Tous les sièges sont pourvus"),
            ),
            "compliance": SectionCard(
                "compliance",
                self.tr("Séances à vérifier (contrôle de régularité)"),
                2,
                1,
                self.tr("Aucune vérification en échec sur les séances récentes"),
            ),
            "publications": SectionCard(
                "publications",
                self.tr("Signatures et publications"),
                3,
                1,
                self.tr("Listes des délibérations et procès-verbaux à jour"),
            ),
        }
        grid = QtWidgets.QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        for n, key in enumerate(
            ("meetings", "overdue", "minutes", "due_soon", "ending", "vacancies", "publications")
        ):
            card = self.cards[key]
            card.open_requested.connect(self.open_requested)
            grid.addWidget(card, n // 2, n % 2)
        self.cards["compliance"].open_requested.connect(self.open_requested)
        self.cards["compliance"].set_pending(self.tr("Contrôle de régularité en cours…"))
        # Below the others, across the page: its lines are long (meeting and failing checks).
        grid.addWidget(self.cards["compliance"], 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.cards["overdue"].link_activated.connect(lambda: self.actions_requested.emit("overdue"))
        self.cards["due_soon"].link_activated.connect(
            lambda: self.actions_requested.emit("due_soon")
        )

        content = QtWidgets.QWidget()
        content.setObjectName("dashboard_content")
        content_layout = QtWidgets.QVBoxLayout(content)
        content_layout.setContentsMargins(2, 4, 6, 8)
        # The first steps of a new file are made when a file shows them (see `welcome_box`).
        self._content = content
        self._welcome_box: QtWidgets.QFrame | None = None
        content_layout.addLayout(grid)
        content_layout.addStretch(1)
        self.overview_scroll = QtWidgets.QScrollArea()
        self.overview_scroll.setObjectName("dashboard_scroll")
        a11y.name(self.overview_scroll, self.tr("Vue d'ensemble"))
        self.overview_scroll.setWidgetResizable(True)
        self.overview_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        # A viewport of our own, unfilled (the page's background shows through), set before the
        # content: asking Qt for its viewport would make PySide look the widget's class up among
        # every widget class and build their ~40 enumerations, 3–5 ms of the window's start.
        self.overview_scroll.setViewport(QtWidgets.QWidget())
        self.overview_scroll.setWidget(content)
        content.setAutoFillBackground(False)

        self.tabs = QtWidgets.QTabWidget()
        fitting.size_by_current_page(self.tabs)
        self.tabs.setObjectName("dashboard_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview_scroll, self.tr("Vue d'ensemble"))
        self._participation_holder = QtWidgets.QWidget()
        QtWidgets.QVBoxLayout(self._participation_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._participation_holder, self.tr("Participation"))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.overview: ov.Overview | None = None
        self.reload()

    @property
    def welcome_box(self) -> QtWidgets.QFrame:
        """A new file's first steps: a short text and a button for each (hidden once the file
        holds a body or a person). Made the first time a file is empty: a council's file never
        shows it, and its label (rich text), bar and buttons cost the window's start."""
        if self._welcome_box is not None:
            return self._welcome_box
        box = self._welcome_box = _first_steps(self)
        self._content.layout().insertWidget(0, box)
        # Made now, it would come last in the window's focus chain (Tab's order): it goes back
        # where it was when the page made it, right after the content, before the cards.
        _place_in_focus_chain(box, after=self._content)
        return box

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # -- data --------------------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        """Every section shown, the notice deadlines included."""
        return self.overview is not None and self.overview.with_deadlines

    def reload(self) -> None:
        """Read every section again and show it."""
        data = ov.overview(self._store.db, self._store.path, self.today)
        self.overview = data
        if data.empty or self._welcome_box is not None:
            self.welcome_box.setVisible(data.empty)
        today = data.today
        council = data.council
        day = long_day(today)
        self.council_label.setText(f"{council} — {day}" if council else day)
        text, colour = backup_text(data.backup)
        self.backup_label.setText(f"{palette.span(colour, '●')} {text}")
        self.backup_label.setToolTip(str(data.backup.path) if data.backup.path else "")

        c = self.cards
        late = data.late_notices
        c["meetings"].set_content(
            meeting_lines(data.meetings.items, today),
            data.meetings.total,
            subtitle=self.tr(
                "D'ici {days} jours, avec la date limite de convocation (jours francs)"
            ).format(days=ov.UPCOMING_DAYS),
            alert=self.tr("%n convocations en retard", "", late) if late else "",
            more=self._more(data.meetings.more),
        )
        published = data.publications
        c["publications"].set_content(
            publication_lines(published.items, today),
            published.total,
            subtitle=self.tr(
                "Liste des délibérations après chaque séance, procès-verbal signé et publié après "
                "son approbation, dans le délai de chaque instance"
            )
            if published.total
            else "",
            more=self._more(published.more),
        )
        minutes = data.minutes
        c["minutes"].set_content(
            minutes_lines(minutes.items, today),
            minutes.total,
            subtitle=(
                self.tr("{submit} à rédiger ou soumettre · {approve} à approuver").format(
                    submit=minutes.to_submit, approve=minutes.to_approve
                )
                if minutes.total
                else ""
            ),
            more=self._more(minutes.more),
        )
        overdue = data.overdue
        c["overdue"].set_content(
            action_lines(overdue.items, today, overdue=True),
            overdue.total,
            subtitle=self.tr(
                "Actions ouvertes dont l'échéance est passée, les plus récentes d'abord"
            )
            if overdue.total
            else "",
            more=self._more(overdue.more),
            link=self.tr("Les voir toutes") if overdue.total else "",
        )
        soon = data.due_soon
        c["due_soon"].set_content(
            action_lines(soon.items, today, overdue=False),
            soon.total,
            subtitle=self.tr("Actions ouvertes à échéance d'ici {days} jours").format(
                days=ov.DUE_SOON_DAYS
            ),
            more=self._more(soon.more),
            link=self.tr("Les voir toutes") if soon.total else "",
        )
        ending = data.ending
        c["ending"].set_content(
            mandate_lines(ending.items, today),
            ending.total,
            subtitle=self.tr("D'ici {days} jours, sans renouvellement enregistré").format(
                days=ov.ENDING_DAYS
            ),
            more=self._more(ending.more),
        )
        vacancies = data.vacancies
        c["vacancies"].set_content(
            vacancy_lines(vacancies.items),
            vacancies.total,
            count=vacancies.seats,
            subtitle=(
                self.tr("{seats} à pourvoir dans {colleges}").format(
                    seats=self.tr("%n sièges", "", vacancies.seats),
                    colleges=self.tr("%n collèges", "", vacancies.total),
                )
                if vacancies.total
                else ""
            ),
        )
        if self._painted:
            self._show_compliance()
        if self.participation is not None:
            self.participation.reload()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            # The compliance check reads much of the meeting record: the first paint does not
            # wait for it (nor load its modules), the card follows a moment later.
            self._painted = True
            QtCore.QTimer.singleShot(300, self, self._show_compliance)

    def _show_compliance(self) -> None:
        """Recent meetings (the last four months and the next month) with a failing check."""
        if self._store.closed:
            return  # the window closed its file meanwhile
        from ess_desk.meetings import compliance

        found = compliance.meetings_with_failures(self._store.db, self.today, limit=ov.LINES + 1)
        shown = found[: ov.LINES]
        self.cards["compliance"].set_content(
            compliance_lines(shown),
            len(found),
            subtitle=self.tr(
                "Convocation, quorum, déports, pouvoirs, voix prépondérante, procès-verbal, "
                "décisions : le détail est dans l'onglet « Régularité » de la séance"
            )
            if found
            else "",
            more=self._more(len(found) - len(shown)),
        )

    def _more(self, count: int) -> str:
        return self.tr("… et %Ln autres", "", count) if count > 0 else ""

    # -- participation -----------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._ensure_participation()

    def _ensure_participation(self) -> ParticipationView:
        if self.participation is None:
            from ui.pages.participation import ParticipationView

            self.participation = ParticipationView(self._store, today=self.today)
            self.participation.open_requested.connect(self.open_requested)
            self._participation_holder.layout().addWidget(self.participation)
        return self.participation

    def show_participation(self):
        """Switch to the participation tab (built on first use) and return its view."""
        view = self._ensure_participation()
        self.tabs.setCurrentIndex(1)
        return view

    # -- view --------------------------------------------------------------------------------
    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # Coming back to the page shows what changed elsewhere meanwhile.
        if self._shown_once and not event.spontaneous():
            self.reload()
        self._shown_once = True
        super().showEvent(event)

    def first_view(self) -> QtWidgets.QWidget | None:
        """The first section that has lines, for the keyboard."""
        for card in self.cards.values():
            if card.line_count():
                return card.view
        return None
