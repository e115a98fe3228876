"""The pack's sections, each from the meeting's records: cover, convocation, agenda, run sheet,
minutes to approve, follow-up, members, quorum checklist, speakers, sign-in, proxy, annexes."""

from __future__ import annotations

import dataclasses

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Paragraph,
    Spacer,
)

from ess_desk.actions import queries, review
from ess_desk.actions.queries import ActionRow, FollowUpRow
from ess_desk.dates import display
from ess_desk.documents import (
    actions_pdf,
    minutes_pdf,
)
from ess_desk.documents.pack.parts import (
    DRAFT_RED,
    _grid,
    _nested,
    _Section,
)
from ess_desk.documents.pack.room import _RoomSheets
from ess_desk.documents.style import (
    escape,
    styles,
)
from ess_desk.i18n import _
from ess_desk.meetings import annexes
from ess_desk.minutes import minutes as mn
from ess_desk.store import database


class _Pack(_RoomSheets):
    """The sections of one pack, read from the database once."""

    # -- sections -------------------------------------------------------------------------------
    def sections(self) -> list[_Section]:
        out = [self.convocation()]
        if self.variant == "animation":
            out.append(self.run_sheet())
        else:
            out.append(self.agenda())
        out += self.minutes()
        out.append(self.follow_up())
        out.append(self.members())
        if self.variant == "animation":
            out += [self.quorum_checklist(), self.compliance_checklist(), self.speakers()]
        if not self.public:
            out += [self.sign_in(), self.proxy()]
        out.append(self.annexes_divider())
        return [s for s in out if s is not None and s.flowables]

    def _previous_draft(self) -> int | None:
        """The meeting before this one of the same body, when its minutes are written but not
        yet put on an agenda for approval (nor approved): the pack carries them as a draft."""
        row = database.row(
            self.db,
            "SELECT s.id, m.status, m.approval_item_id FROM meetings s "
            "LEFT JOIN minutes m ON m.meeting_id = s.id "
            "WHERE s.body_id = ? AND s.starts_at < ? AND s.status IN ('held', 'closed') "
            "ORDER BY s.starts_at DESC LIMIT 1",
            [self.body.id, self.meeting.starts_at],
        )
        if (
            row is None
            or row["status"] in (None, "approved")
            or row["approval_item_id"] is not None
        ):
            return None
        return int(row["id"])

    def minutes(self) -> list[_Section]:
        chosen = [
            (m.meeting_id, _("Procès-verbal de la séance du {day}, à approuver"))
            for m in mn.to_approve_at(self.db, self.meeting.id)
        ]
        previous = self._previous_draft() if not chosen else None
        if previous is not None:
            chosen.append((previous, _("Projet de procès-verbal de la séance du {day}")))
        out = []
        for n, (meeting_id, heading) in enumerate(chosen):
            view = mn.view(self.db, meeting_id, public=self.public, loaded=self.meeting)
            title = heading.format(day=display(view.record.starts_at))
            out.append(
                _Section(
                    f"minutes-{n}",
                    title,
                    _nested(minutes_pdf.story(view, "pv")),
                    watermark=None if view.approved else _("PROJET"),
                )
            )
        return out

    def _public_row(self, row: ActionRow | FollowUpRow) -> ActionRow | FollowUpRow:
        owner = row.owner
        if row.owner_person_id is not None:
            shown = self.person(row.owner_person_id)
            if not self._names[row.owner_person_id].consent_publish:
                owner = shown  # their quality, without their organisation either
        return queries.with_changes(
            row,
            title=self.text(row.title),
            owner=self.text(owner),
            last_update_comment=self.text(row.last_update_comment),
        )

    def follow_up(self) -> _Section:
        title = _("Suivi des actions")
        # In a pack printed ahead, lateness is judged on the meeting's day.
        day = max(self.today, self.meeting.day)
        rows = review.pack_rows(self.db, self.meeting, day)
        if not rows:
            return _Section("actions", title, [])
        # Those overdue or due by the next meeting; a line counts the others.
        selection = review.pack_selection(self.db, self.meeting, rows)
        if self.public:
            self.learn({r.owner_person_id for r in selection.rows if r.owner_person_id})
            selection = dataclasses.replace(
                selection, rows=[self._public_row(r) for r in selection.rows]
            )
        story = actions_pdf.meeting_follow_up_story(
            self.db, self.meeting.id, day, selection=selection
        )
        return _Section("actions", title, _nested(story))

    def compliance_checklist(self) -> _Section:
        """The compliance check as a checklist for whoever runs the meeting: what already
        holds, what fails, what is still to do (ess_desk.meetings.compliance)."""
        from ess_desk.meetings import compliance

        st = styles()
        title = _("Contrôle de régularité")
        marks = {compliance.OK: "✓", compliance.FAIL: "✗", compliance.NA: "☐"}
        rows: list[list] = [[_("État"), _("Vérification"), _("À ce jour"), _("Source")]]
        for check in compliance.check_loaded(self.db, self.record):
            rows.append([marks[check.status], check.title, check.detail, check.source])
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(
                escape(_("✓ conforme ; ✗ en échec ; ☐ à vérifier pendant ou après la séance.")),
                st.small,
            ),
            Spacer(1, 2 * mm),
            _grid(rows, [12 * mm, 48 * mm, 74 * mm, 40 * mm], padding=3),
        ]
        return _Section("compliance", title, out)

    def annex_titles(self) -> list[str]:
        return [
            _("Annexe {number} : {name}").format(number=n, name=self.text(p.annex.name))
            for n, p in enumerate(self.prepared, start=1)
        ]

    def _item_of(self, annex: annexes.Annex) -> str:
        items = {t.item.id: (n, t.item.title) for n, t in enumerate(self.timetable.items, 1)}
        if annex.item_id not in items:
            return ""
        position, item_title = items[annex.item_id]
        return f"{position}. {self.text(item_title)}"

    def _withheld_list(self) -> list:
        st = styles()
        if not self.withheld:
            return []
        rows: list[list] = [[_("Annexe"), _("Point de l'ordre du jour")]]
        rows += [[self.text(a.name), self._item_of(a)] for a in self.withheld]
        return [
            Spacer(1, 3 * mm),
            Paragraph(
                escape(
                    _(
                        "Annexes non publiées dans cette version ; elles peuvent être demandées "
                        "au secrétariat :"
                    )
                ),
                st.body,
            ),
            _grid(rows, [92 * mm, 82 * mm]),
        ]

    def annexes_divider(self) -> _Section:
        st = styles()
        title = _("Annexes")
        if not self.prepared and not self.withheld:
            return _Section("annexes", title, [])
        out: list = [Paragraph(escape(title), st.h1)]
        if self.prepared:
            rows: list[list] = [[_("N°"), _("Annexe"), _("Point de l'ordre du jour"), _("Pages")]]
            rows += [
                [str(n), self.text(p.annex.name), self._item_of(p.annex), str(len(p.pages))]
                for n, p in enumerate(self.prepared, start=1)
            ]
            out += [
                Paragraph(
                    escape(
                        _(
                            "Les annexes suivent, dans l'ordre de l'ordre du jour ; leurs pages "
                            "sont numérotées avec celles du dossier."
                        )
                    ),
                    st.body,
                ),
                _grid(rows, [12 * mm, 80 * mm, 66 * mm, 16 * mm]),
            ]
        out += self._withheld_list()
        if self.left_out:
            out.append(Spacer(1, 3 * mm))
            out.append(
                Paragraph(
                    escape(
                        _("Non jointes (fichiers illisibles) : {names}.").format(
                            names=", ".join(f"« {n} »" for n in self.left_out)
                        )
                    ),
                    ParagraphStyle("left_out", parent=st.body, textColor=DRAFT_RED),
                )
            )
        return _Section("annexes", title, out)
