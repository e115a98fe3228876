"""Action follow-up documents: the tableau de suivi (landscape), the per-owner reminder lists, and
the follow-up section of a meeting."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ess_desk.actions import queries, review
from ess_desk.actions.queries import ActionFilter, ActionRow, FollowUpRow
from ess_desk.council import Letterhead, get_letterhead
from ess_desk.dates import display, long_date
from ess_desk.documents import collector
from ess_desk.documents.style import (
    GREY,
    Bookmark,
    GridTable,
    Metadata,
    TextCell,
    TextParagraph,
    build_pdf,
    cell_memo,
    escape,
    footer_line,
    heading,
    made_once,
    styles,
    text_cell,
)
from ess_desk.i18n import _, language, ngettext
from ess_desk.meetings import meetings
from ess_desk.membership import bodies
from ess_desk.typography import number, of

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.documents import streamed

# A row of the actions' tables: an ActionRow, or a FollowUpRow in a meeting pack.
_R = TypeVar("_R", bound=ActionRow | FollowUpRow)

LATE = colors.HexColor("#b3261e")
GRID = colors.HexColor("#9aa5a8")


@made_once
def _late_style() -> ParagraphStyle:
    return ParagraphStyle("late", parent=styles().cell, textColor=LATE)


@made_once
def _late_bold_style() -> ParagraphStyle:
    return ParagraphStyle("late_bold", parent=_late_style(), fontName=styles().cell_bold.fontName)


@made_once
def _theme_style() -> ParagraphStyle:
    return ParagraphStyle("theme", parent=styles().cell, textColor=GREY)


def _due_cell(row: ActionRow | FollowUpRow) -> TextCell:
    if row.overdue:
        return text_cell(
            (display(row.due_date), _late_bold_style()),
            (_("retard : {days} j").format(days=number(row.days_late)), _late_style()),
        )
    return text_cell(display(row.due_date) or "—", style=styles().cell)  # (see _tableau_columns)


def _action_cell(row: ActionRow | FollowUpRow) -> TextCell:
    parts: list[tuple[str, ParagraphStyle]] = [(row.title, styles().cell_bold)]
    if row.theme:
        parts.append((row.theme, _theme_style()))
    return text_cell(*parts)


def _tables(
    header: list[str],
    rows: Sequence[_R],
    cells: Callable[[_R], list],
    widths: list[float],
) -> list[Flowable]:
    # Overdue rows stand out with a red rule on their left edge.
    late = {n for n, r in enumerate(rows) if r.overdue}
    return [GridTable(header, [cells(r) for r in rows], widths, marked=late)]


def _filter_words(db: Database, filt: ActionFilter) -> str:
    from ess_desk.actions import rules, themes
    from ess_desk.membership.vocabulary import label

    words = []
    if filt.statuses == rules.OPEN_STATUSES:
        words.append(_("actions ouvertes"))
    elif filt.statuses:
        words.append(", ".join(label(rules.STATUSES, s).lower() for s in sorted(filt.statuses)))
    if filt.overdue:
        words.append(_("en retard"))
    if filt.due_within_days is not None:
        words.append(
            ngettext(
                "échéance sous {days} jour", "échéance sous {days} jours", filt.due_within_days
            ).format(days=filt.due_within_days)
        )
    if filt.owner:
        words.append(_("porteur : {text}").format(text=filt.owner))
    if filt.theme_id is not None:
        words.append(_("thème : {name}").format(name=themes.get(db, filt.theme_id).name))
    if filt.text:
        words.append(_("texte : « {text} »").format(text=filt.text))
    return " — ".join(words)


def _tableau_origin(row: ActionRow) -> str:
    """Where an action comes from, short enough for two lines of the tableau: « Séance du
    07/02/2026, point 4, décision n°2026-001 » (the body is the section's heading; the item's
    and the meeting's titles are in the minutes, the spreadsheet export and the application)."""
    parts = []
    if row.meeting_id is not None and row.meeting_starts_at:
        parts.append(_("Séance du {day}").format(day=display(row.meeting_starts_at)))
        if row.item_position is not None:
            # (the number never alone at the start of a line)
            parts.append(
                _("point {number}").format(number=row.item_position).replace(" ", "\u00a0")
            )
    if row.decision_id is not None:
        parts.append(_("décision n°{id}").format(id=row.decision_ref or row.decision_id))
    return ", ".join(parts) or "—"


class _Memo(dict):
    """The cells of a long table by what they show, for one document: a dict lookup rather
    than making (or finding in `text_cell`'s cache) the same cell again for each row; bounded
    (a long tableau's memory stays flat)."""

    def __init__(self, size: int = 4096):
        super().__init__()
        self.size = size

    def put(self, key: object, cell: TextCell) -> TextCell:
        if len(self) >= self.size:
            self.clear()
        self[key] = cell
        return cell


def _tableau_columns(width: float) -> tuple[list[str], list[float], Callable[[ActionRow], list]]:
    """The tableau de suivi's header, column widths (the action's column takes what is left of
    `width`) and cells of a row: two lines for most actions (the title on one or two, the
    origin written short, the status above the progress, the last update's day), some twenty
    rows a page."""
    header = [
        _("N°"),
        _("Action"),
        _("Origine"),
        _("Porteur"),
        _("Échéance"),
        _("Statut"),
        _("Dernier point"),
    ]
    # (N°: wide enough for five digits, which are then neither narrowed nor cut)
    fixed = [13 * mm, 0, 47 * mm, 42 * mm, 25 * mm, 21 * mm, 26 * mm]
    widths = [w or width - sum(fixed) for w in fixed]

    bold = styles().cell_bold
    titles, owners, days = _Memo(), _Memo(), _Memo()
    origins, dues, states = _Memo(), _Memo(), _Memo()

    def cells(r: ActionRow) -> list:
        # (each cell made once per distinct text: most come back thousands of times; those of
        # the origin and the due date are not shared with the last update's « — » and days,
        # a shared cell being laid out for one width at a time)
        origin = (r.meeting_id, r.meeting_starts_at, r.item_position, r.decision_id, r.decision_ref)
        return [
            str(r.id),
            titles.get(r.title) or titles.put(r.title, text_cell((r.title, bold))),
            origins.get(origin)
            or origins.put(origin, text_cell(_tableau_origin(r), style=styles().cell)),
            owners.get(r.owner) or owners.put(r.owner, text_cell(r.owner)),
            dues.get((r.due_date, r.days_late))
            or dues.put((r.due_date, r.days_late), _due_cell(r)),
            states.get((r.status, r.progress))
            or states.put((r.status, r.progress), text_cell(r.status_label, f"{r.progress} %")),
            days.get(r.last_update_on)
            or days.put(
                r.last_update_on, text_cell(display(r.last_update_on) if r.last_update_on else "—")
            ),
        ]

    return header, widths, cells


@collector.paused()  # (its peak memory is the same: measured, 104 MB either way)
def build_tableau(
    db: Database,
    path: Path | str,
    filt: ActionFilter | None = None,
    *,
    sort: str = "due_date",
    today: dt.date | None = None,
) -> int:
    """The tableau de suivi of the actions that pass the filter, on landscape A4 pages, a
    section per body; written as the rows are read (tens of thousands in bounded memory).
    Returns how many actions it lists."""
    from ess_desk.documents import streamed

    st = styles()
    today = today or dt.date.today()
    filt = filt or ActionFilter()
    counts = queries.counts(db, filt, today=today)
    letterhead = get_letterhead(db)
    title = _("Tableau de suivi des actions")
    summary = ngettext(
        "Au {day} : {count} action, dont {late} en retard.",
        "Au {day} : {count} actions, dont {late} en retard.",
        counts.total,
    ).format(day=long_date(today), count=number(counts.total), late=number(counts.overdue))
    page = landscape(A4)
    header, widths, cells = _tableau_columns(page[0] - 36 * mm)

    def fill(doc: streamed.StreamedDocument) -> None:
        doc.add(Paragraph(escape(letterhead.name), st.small))
        doc.add(Paragraph(escape(title), st.title))
        doc.add(Paragraph(escape(summary), st.body))
        words = _filter_words(db, filt)
        if words:
            doc.add(Paragraph(escape(_("Sélection : {words}").format(words=words)), st.small))
        doc.add(Spacer(1, 3 * mm))
        if not counts.total:
            doc.add(Paragraph(escape(_("Aucune action ne correspond à cette sélection.")), st.body))
        for body_id, body, _count in queries.body_counts(db, filt, today=today):
            rows = queries.iter_actions(db, filt._replace(body_id=body_id), sort=sort, today=today)
            doc.add(Bookmark(body))
            doc.add(Paragraph(escape(body), st.h1), keep_with=40 * mm)
            doc.table(streamed.TableRows(header, widths, ((cells(r), r.overdue) for r in rows)))
            doc.add(Spacer(1, 5 * mm))

    streamed.write(
        path,
        Metadata(
            title=title,
            author=letterhead.name,
            subject=summary,
            footer=footer_line(title, display(today)),
        ),
        page,
        fill,
    )
    return counts.total


@made_once
def _owner_style() -> ParagraphStyle:
    return ParagraphStyle("owner", parent=styles().body, fontName=styles().cell_bold.fontName)


def _reminder_head(group: queries.OwnerGroup, letterhead_name: str, today: dt.date) -> list:
    """The top of an owner's reminder: plain text paragraphs (no markup to parse: a thousand
    owners' reminders are written in a row)."""
    st = styles()
    late = sum(r.overdue for r in group.rows)
    return [
        Bookmark(group.owner),
        TextParagraph(letterhead_name, st.small),
        TextParagraph(_("Vos actions en cours"), st.title),
        TextParagraph(group.owner, _owner_style()),
        TextParagraph(
            ngettext(
                "Au {day} : {count} action ouverte, dont {late} en retard.",
                "Au {day} : {count} actions ouvertes, dont {late} en retard.",
                len(group.rows),
            ).format(day=long_date(today), count=number(len(group.rows)), late=number(late)),
            st.body,
        ),
        Spacer(1, 3 * mm),
    ]


# The reminders' cells by what they show, from one owner's list to the next (a thousand owners'
# lists in a row share their statuses, titles, origins and due dates); a memo per thread, as
# `text_cell` shares its cells.
_REMINDER_CELLS: dict[int, _Memo] = cell_memo({})


def _reminder_cells() -> _Memo:
    memo = _REMINDER_CELLS.get(threading.get_ident())
    if memo is None:
        memo = _REMINDER_CELLS[threading.get_ident()] = _Memo(8192)
    return memo


def _where_cell(r: ActionRow) -> TextCell:
    """The body, then the origin written short as in the tableau (the item's title is in the
    minutes; the action's own title says what it is about)."""
    origin = _tableau_origin(r)
    return text_cell(r.body + (f" — {origin}" if origin != "—" else ""))


def _action_due_state(memo: _Memo, r: ActionRow | FollowUpRow, lang: str) -> tuple[TextCell, ...]:
    """The cells of a row's action, due date and state (for the reminders' and the meeting
    pack's tables), each found in `memo` by the values it shows in `lang`: the same cell
    `text_cell` would give, without working out its text again."""
    action_key = ("action", lang, r.title, r.theme)
    due_key = ("due", lang, r.due_date, r.days_late, r.overdue)
    state_key = ("state", lang, r.status, r.progress)
    return (
        memo.get(action_key) or memo.put(action_key, _action_cell(r)),
        memo.get(due_key) or memo.put(due_key, _due_cell(r)),
        memo.get(state_key) or memo.put(state_key, text_cell(r.status_label, f"{r.progress} %")),
    )


def _reminder_rows(group: queries.OwnerGroup) -> streamed.TableRows:
    """The table of an owner's reminder list, for the streamed document."""
    from ess_desk.documents import streamed

    header = [_("N°"), _("Action"), _("Instance et origine"), _("Échéance"), _("Statut")]
    widths = [13 * mm, 70 * mm, 46 * mm, 25 * mm, 20 * mm]

    memo = _reminder_cells()
    lang = language()

    def cells(r: ActionRow) -> list:
        # (each cell found by the values it shows, in the memo kept from one owner's list to
        # the next: the same cell `text_cell` would give, without working out its text again)
        where_key = (
            "where",
            lang,
            r.body,
            r.meeting_id,
            r.meeting_starts_at,
            r.item_position,
            r.decision_id,
            r.decision_ref,
        )
        action, due, state = _action_due_state(memo, r, lang)
        return [
            str(r.id),
            action,
            memo.get(where_key) or memo.put(where_key, _where_cell(r)),
            due,
            state,
        ]

    return streamed.TableRows(header, widths, ((cells(r), r.overdue) for r in group.rows))


def build_reminders(
    db: Database,
    path: Path | str,
    groups: list[queries.OwnerGroup],
    *,
    today: dt.date | None = None,
    letterhead: Letterhead | None = None,
) -> Path:
    """The reminder list of each owner (a new page for each), in one PDF (written page by page:
    a reminder to each of a thousand owners costs little). `letterhead`: the council's, when the
    caller has read it already (a thousand owners' lists in a row)."""
    today = today or dt.date.today()
    if letterhead is None:
        letterhead = get_letterhead(db)
    return reminder_lists(path, groups, letterhead, today)


def reminder_lists(
    path: Path | str, groups: list[queries.OwnerGroup], letterhead: Letterhead, today: dt.date
) -> Path:
    """`build_reminders` from what it reads in the database (a worker process has none open)."""
    from ess_desk.documents import streamed

    title = _("Relance des actions en cours")
    owners = (
        groups[0].owner
        if len(groups) == 1
        else ngettext("{count} porteur", "{count} porteurs", len(groups)).format(count=len(groups))
    )

    def fill(doc: streamed.StreamedDocument) -> None:
        if not groups:
            doc.add(Paragraph(escape(_("Aucune action ouverte.")), styles().body))
        for n, group in enumerate(groups):
            if n:
                doc.new_page()
            for flowable in _reminder_head(group, letterhead.name, today):
                doc.add(flowable)
            doc.table(_reminder_rows(group))

    return streamed.write(
        path,
        Metadata(
            title=f"{title} — {owners}",
            author=letterhead.name,
            subject=_("Actions ouvertes au {day}").format(day=display(today)),
            footer=footer_line(letterhead.name, display(today)),
        ),
        A4,
        fill,
    )


def follow_up_day(db: Database, meeting_id: int, today: dt.date | None = None) -> dt.date:
    """The day lateness is judged on: in a pack printed ahead, the meeting's day."""
    return today or max(dt.date.today(), meetings.get(db, meeting_id).day)


def meeting_follow_up_story(
    db: Database,
    meeting_id: int,
    today: dt.date | None = None,
    rows: Sequence[ActionRow | FollowUpRow] | None = None,
    selection: review.PackFollowUp | None = None,
) -> list[Flowable]:
    """The « Suivi des actions » section of a meeting: the open actions of its body, overdue
    first, with their last update (`rows`, when the caller has them); with `selection` (the
    meeting pack), those it holds and a line counting the others."""
    st = styles()
    today = follow_up_day(db, meeting_id, today)
    if selection is not None:
        rows = selection.rows
    if rows is None:
        rows = review.review_list(db, meeting_id, today)
    story: list[Flowable] = heading(_("Suivi des actions"))
    if selection is not None:
        story += _selection_lines(selection, len(rows), today)
        if rows:
            story += _follow_up_table(rows)
        return story
    if not rows:
        story.append(Paragraph(escape(_("Aucune action ouverte pour cette instance.")), st.body))
        return story
    late = sum(r.overdue for r in rows)
    story.append(
        Paragraph(
            escape(
                ngettext(
                    "{count} action ouverte au {day}, dont {late} en retard.",
                    "{count} actions ouvertes au {day}, dont {late} en retard.",
                    len(rows),
                ).format(count=number(len(rows)), day=display(today), late=number(late))
            ),
            st.body,
        )
    )
    return story + _follow_up_table(rows)


def _selection_lines(selection: review.PackFollowUp, shown: int, today: dt.date) -> list:
    """What the pack's follow-up lists, and the line counting the others."""
    st = styles()
    late = sum(r.overdue for r in selection.rows)
    if selection.next_meeting:
        text = ngettext(
            "{count} action en retard ou à échéance d'ici la prochaine séance ({until}), "
            "dont {late} en retard.",
            "{count} actions en retard ou à échéance d'ici la prochaine séance ({until}), "
            "dont {late} en retard.",
            shown,
        )
    else:
        text = ngettext(
            "{count} action en retard ou à échéance d'ici le {until}, dont {late} en retard.",
            "{count} actions en retard ou à échéance d'ici le {until}, dont {late} en retard.",
            shown,
        )
    out: list = [
        Paragraph(
            escape(
                text.format(count=number(shown), until=display(selection.until), late=number(late))
            ),
            st.body,
        )
    ]
    if selection.others:
        out.append(
            Paragraph(
                escape(
                    ngettext(
                        "{count} autre action ouverte de l'instance, à échéance plus lointaine "
                        "ou sans échéance, figure au tableau de suivi des actions.",
                        "{count} autres actions ouvertes de l'instance, à échéance plus "
                        "lointaine ou sans échéance, figurent au tableau de suivi des actions.",
                        selection.others,
                    ).format(count=number(selection.others))
                ),
                st.small,
            )
        )
    return out


def _follow_up_table(rows: Sequence[ActionRow | FollowUpRow]) -> list[Flowable]:
    header = [_("N°"), _("Action"), _("Porteur"), _("Échéance"), _("État"), _("Dernier point")]
    widths = [11 * mm, 51 * mm, 31 * mm, 25 * mm, 20 * mm, 36 * mm]
    memo = _Memo(8192)
    owners: dict[str, TextCell] = {}  # (by the owner's text itself: no key to make)
    lasts: dict[tuple, TextCell] = {}
    lang = language()
    number = TextCell.number

    def cells(r: ActionRow | FollowUpRow) -> list:
        # (each cell found by the values it shows: the same cell `text_cell` would give,
        # without working out its text again for each of a busy body's 900 rows)
        last_key = (r.last_update_on, r.last_update_comment, r.last_update_no_change, r.status)
        action, due, state = _action_due_state(memo, r, lang)
        owner = owners.get(r.owner)
        if owner is None:
            owner = owners[r.owner] = text_cell(r.owner)
        last = lasts.get(last_key)
        if last is None:
            last = lasts[last_key] = text_cell(r.last_update_text)
        # (the N°: what the table makes of its digits, made here)
        return [number(str(r.id)), action, owner, due, state, last]

    return _tables(header, rows, cells, widths)


def build_meeting_follow_up(
    db: Database, meeting_id: int, path: Path | str, today: dt.date | None = None
) -> Path:
    """The follow-up section of a meeting alone, as an A4 PDF."""
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    letterhead = get_letterhead(db)
    st = styles()
    story: list[Flowable] = [
        Paragraph(escape(letterhead.name), st.small),
        Paragraph(f"<b>{escape(body.name)}</b> — {escape(meeting.title)}", st.body),
        *meeting_follow_up_story(db, meeting_id, today),
    ]
    return build_pdf(
        path,
        story,
        Metadata(
            title=_("Suivi des actions — {title}").format(title=meeting.title),
            author=letterhead.name,
            subject=_("Actions ouvertes {of_body}").format(of_body=of(body.name)),
            footer=footer_line(body.name, display(meeting.day)),
        ),
    )
