"""What every part of the meeting pack starts from: the meeting's record loaded once
(`ess_desk.meetings.record`), and how a person or a text is printed in the variant asked for
(members, facilitators, public)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Paragraph,
)

from ess_desk.dates import display
from ess_desk.documents.pack.annex_pages import PreparedAnnex
from ess_desk.documents.pack.parts import (
    VARIANTS,
    _Band,
    _band_title_style,
)
from ess_desk.documents.style import (
    TextCell,
    escape,
    footer_line,
    styles,
)
from ess_desk.i18n import _
from ess_desk.meetings import agenda
from ess_desk.meetings.record import MeetingRecord, Named, named
from ess_desk.membership import people, roster
from ess_desk.membership.vocabulary import ROLES, label
from ess_desk.minutes import record as rec

if TYPE_CHECKING:
    from sqlite_utils import Database


class _PackBase:
    """The meeting's record and what the pack makes of it; how people and texts are printed.
    `db` serves only what the record does not hold: the minutes to approve, the actions."""

    def __init__(
        self,
        db: Database,
        record: MeetingRecord,
        variant: str,
        today: dt.date,
        prepared: list[PreparedAnnex],
        left_out: list[str],
    ):
        self.db = db
        self.record = record
        self.variant = variant
        self.public = variant == "public"
        self.today = today
        self.meeting = record.meeting
        self.body = record.body
        self.letterhead = record.letterhead
        self.timetable = record.timetable
        self.prepared = prepared
        self.left_out = left_out
        # The public pack holds only the annexes marked public; the others are named there.
        self.withheld = [a for a in record.annexes if not a.public] if self.public else []
        self.roster = list(record.roster)
        self.consent = {e.person_id: e.consent_publish for e in self.roster}
        self._publication = rec.Publication(db, rec.composed(db, record)) if self.public else None
        self._names: dict[int, Named] = dict(record.people)

    # -- what the public may read ------------------------------------------------------------
    @staticmethod
    def _ref(entry: roster.RosterEntry) -> rec.PersonRef:
        return rec.PersonRef(
            name=entry.full_name,
            person_id=entry.person_id,
            college=entry.college,
            organisation=entry.organisation,
            guest=entry.role == "permanent_guest",
            member=True,
            consent=entry.consent_publish,
        )

    def text(self, value: str) -> str:
        """Free text, with the names of people without consent replaced in the public pack."""
        return self._publication.text(value) if self._publication is not None else value

    def learn(self, person_ids: set[int]) -> None:
        """Read at once the names of people the record does not hold (the actions' owners)."""
        self._names.update(named(self.db, person_ids - self._names.keys()))

    def person(self, person_id: int) -> str:
        """A person's name, or in the public pack their quality when they did not consent."""
        if person_id not in self._names:
            p = people.get(self.db, person_id)  # one the record does not name: an unknown one
            self._names[person_id] = Named(p.full_name, bool(p.consent_publish))
        known = self._names[person_id]
        if not self.public or known.consent_publish:
            return known.name
        return self._public_label(person_id)

    @cached_property
    def _labels(self) -> dict[int, str]:
        """The quality of each person on the roster, as the public pack names those who did not
        consent (worked out when first asked: the other variants never ask)."""
        return {e.person_id: rec.public_label(self._ref(e)) for e in self.roster}

    def _public_label(self, person_id: int) -> str:
        words = self._labels.get(person_id) or rec.public_label(rec.PersonRef(name=""))
        return words[:1].upper() + words[1:]

    def footer(self) -> str:
        parts = [self.letterhead.name, self.body.name, display(self.meeting.day)]
        if self.variant != "membre":
            parts.append(label(VARIANTS, self.variant))
        if self.meeting.status == "planned":
            parts.append(_("projet"))
        return footer_line(*parts)

    def title(self) -> str:
        text = _("Dossier de séance — {body}, séance du {day}").format(
            body=self.body.name, day=display(self.meeting.day)
        )
        if self.variant != "membre":
            text += f" ({label(VARIANTS, self.variant).lower()})"
        return text

    def _presenter(self, item: agenda.AgendaItem) -> str:
        if item.presenter_person_id:
            return self.person(item.presenter_person_id)
        return self.text(item.presenter_text)

    def _item_annexes(self) -> dict[int | None, list[tuple[int, PreparedAnnex]]]:
        out: dict[int | None, list[tuple[int, PreparedAnnex]]] = {}
        for n, prepared in enumerate(self.prepared, start=1):
            out.setdefault(prepared.annex.item_id, []).append((n, prepared))
        return out

    def _annex_lines(
        self, attached: list[tuple[int, PreparedAnnex]], style: ParagraphStyle | None = None
    ) -> list:
        return [
            Paragraph(
                "• "
                + escape(
                    _("Annexe {number} : {name} ({pages} p.)").format(
                        number=n, name=self.text(p.annex.name), pages=len(p.pages)
                    )
                ),
                style or styles().cell,
            )
            for n, p in attached
        ]

    def _band(self, cells: list[str], widths: list[float]) -> _Band:
        """The header line of an agenda item: time, title, duration."""
        st = styles()
        return _Band(
            [
                TextCell(c, style=_band_title_style() if n == 1 else st.cell)
                for n, c in enumerate(cells)
            ],
            widths,
        )

    @cached_property
    def _by_mandate(self) -> dict[int, roster.RosterEntry]:
        """The roster's entries by their mandate (the first one, as a search in order finds)."""
        out: dict[int, roster.RosterEntry] = {}
        for e in self.roster:
            out.setdefault(e.mandate_id, e)
        return out

    def _quality(self, entry: roster.RosterEntry) -> str:
        if entry.role == "substitute" and entry.substitute_for_id:
            member = self._by_mandate.get(entry.substitute_for_id)
            name = (
                self.person(member.person_id) if member is not None else entry.substitute_for_name
            )
            return _("Suppléant(e) de {name}").format(name=name)
        return label(ROLES, entry.role)

    @property
    def proxies_allowed(self) -> bool:
        return self.body.proxies_per_holder > 0 and any(e.voting for e in self.roster)
