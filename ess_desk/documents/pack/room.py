"""The pack's sheets for the room: members and their mandates, the quorum checklist, the
speakers' list, the sign-in sheet and the proxy form."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
)

from ess_desk.dates import display
from ess_desk.documents import (
    attendance_sheet,
    convocation,
)
from ess_desk.documents.pack.papers import _MeetingPapers
from ess_desk.documents.pack.parts import (
    SPEAKER_ROWS,
    _grid,
    _nested,
    _Section,
)
from ess_desk.documents.style import (
    escape,
    styles,
)
from ess_desk.i18n import _, ngettext
from ess_desk.membership import roster


class _RoomSheets(_MeetingPapers):
    """The members, quorum checklist, speakers, sign-in and proxy sheets of the pack."""

    @staticmethod
    def _contact(entry: roster.RosterEntry) -> str:
        """A member's e-mail and phone for the other members, when they accept to be
        contacted (RGPD: consent_contact); « — » otherwise."""
        if not entry.consent_contact:
            return "—"
        return "\n".join(x for x in (entry.email, entry.phone) if x)

    def members(self) -> _Section:
        st = styles()
        title = _("Composition de l'instance")
        if not self.roster:
            return _Section("members", title, [])
        seats = {c.college_id: c for c in self.record.colleges}
        members = sum(e.role != "substitute" and e.role != "permanent_guest" for e in self.roster)
        substitutes = sum(e.role == "substitute" for e in self.roster)
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(
                escape(
                    _("{body}, au {day} : {members} et {substitutes}.").format(
                        body=self.body.name,
                        day=display(self.meeting.day),
                        members=ngettext(
                            "{n} membre titulaire", "{n} membres titulaires", members
                        ).format(n=members),
                        substitutes=ngettext(
                            "{n} suppléant(e)", "{n} suppléant(e)s", substitutes
                        ).format(n=substitutes),
                    )
                ),
                st.body,
            ),
        ]
        if self.public:
            note = _(
                "Version publique : sans coordonnées ; les personnes qui n'ont pas consenti à "
                "la publication de leur nom sont désignées par leur qualité."
            )
            out.append(Paragraph(f"<i>{escape(note)}</i>", st.small))
        else:
            note = _(
                "Les coordonnées ne figurent que pour les personnes qui ont accepté d'être "
                "contactées par les autres membres."
            )
            out.append(Paragraph(f"<i>{escape(note)}</i>", st.small))
        groups: dict[int | None, list[roster.RosterEntry]] = {}
        for entry in self.roster:
            groups.setdefault(entry.college_id, []).append(entry)
        for college_id, entries in groups.items():
            name = entries[0].college or _("Hors collège")
            info = seats.get(college_id) if college_id is not None else None
            header = [_("Nom"), _("Qualité"), _("Structure")]
            widths = [48 * mm, 46 * mm, 80 * mm]
            if not self.public:
                header.append(_("Coordonnées"))
                widths = [40 * mm, 32 * mm, 44 * mm, 58 * mm]
            rows: list[list] = [header]
            for e in entries:
                shown = self.public and not e.consent_publish
                row: list = [
                    self._public_label(e.person_id) if shown else e.full_name,
                    self._quality(e),
                    "" if shown else e.organisation,
                ]
                if not self.public:
                    row.append(self._contact(e))
                rows.append(row)
            details = []
            if info is not None:
                details.append(_("voix délibérative") if info.voting else _("voix consultative"))
                if info.seats is not None:
                    details.append(
                        ngettext(
                            "{filled} siège pourvu sur {seats}",
                            "{filled} sièges pourvus sur {seats}",
                            info.filled,
                        ).format(filled=info.filled, seats=info.seats)
                    )
            heading = f"{escape(name)}"
            if details:
                heading += (
                    f" <font size='8.5' color='#5f6b6d'>— {escape(', '.join(details))}</font>"
                )
            out.append(KeepTogether([Paragraph(heading, st.h2), _grid(rows, widths)]))
        return _Section("members", title, out)

    def quorum_checklist(self) -> _Section:
        st = styles()
        title = _("Contrôle du quorum")
        attendees = self.record.attendees
        voting = [a for a in attendees if a.expected.voting]
        if not voting:
            return _Section("quorum", title, [])
        count = self.record.count
        fraction = self.body.quorum_fraction
        rule = (
            _("présents ou représentés") if count.counts_represented else _("présents en personne")
        )
        box = "☐"
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(
                escape(
                    _(
                        "Membres votants en exercice : {in_office}. Quorum requis : {required} "
                        "({numerator}/{denominator} des membres en exercice, {rule})."
                    ).format(
                        in_office=count.in_office,
                        required=count.required,
                        numerator=fraction.numerator,
                        denominator=fraction.denominator,
                        rule=rule,
                    )
                ),
                st.body,
            ),
            Paragraph(
                escape(
                    ngettext(
                        "Un membre présent peut porter au plus {limit} pouvoir ; un(e) "
                        "suppléant(e) ne vote qu'en l'absence du membre qu'il ou elle remplace.",
                        "Un membre présent peut porter au plus {limit} pouvoirs ; un(e) "
                        "suppléant(e) ne vote qu'en l'absence du membre qu'il ou elle remplace.",
                        self.body.proxies_per_holder,
                    ).format(limit=self.body.proxies_per_holder)
                    if self.proxies_allowed
                    else _(
                        "Les pouvoirs ne sont pas admis dans cette instance ; un(e) suppléant(e) "
                        "ne vote qu'en l'absence du membre qu'il ou elle remplace."
                    )
                ),
                st.small,
            ),
            Spacer(1, 2 * mm),
        ]
        header = [_("Membre votant"), _("Collège"), _("Présent(e)"), _("Suppléé(e) par")]
        widths = [54 * mm, 42 * mm, 24 * mm, 54 * mm]
        if self.proxies_allowed:
            header.append(_("Pouvoir à"))
            widths = [46 * mm, 36 * mm, 24 * mm, 34 * mm, 34 * mm]
        substitutes = {a.expected.substitute_for: a for a in attendees if a.role == "substitute"}
        rows: list[list] = [header]
        for a in voting:
            sub = substitutes.get(a.mandate_id)
            row = [a.name, a.college, box, f"{box} {sub.name}" if sub is not None else "—"]
            if self.proxies_allowed:
                row.append("")
            rows.append(row)
        out.append(_grid(rows, widths, padding=4))
        out += [
            Spacer(1, 5 * mm),
            KeepTogether(
                [
                    Paragraph(
                        escape(
                            _(
                                "Présents : ______ + représentés : ______ = ______ / {required} "
                                "requis"
                            ).format(required=count.required)
                            if count.counts_represented
                            else _("Présents : ______ / {required} requis").format(
                                required=count.required
                            )
                        ),
                        st.body,
                    ),
                    Spacer(1, 2 * mm),
                    Paragraph(
                        escape(_("{box} Quorum atteint à ____ h ____").format(box=box)), st.body
                    ),
                    Paragraph(
                        escape(
                            _("{box} Quorum non atteint : la séance ne peut pas délibérer").format(
                                box=box
                            )
                        ),
                        st.body,
                    ),
                ]
            ),
        ]
        return _Section("quorum", title, out)

    def speakers(self) -> _Section:
        st = styles()
        title = _("Liste des orateurs")
        rows: list[list] = [[_("N°"), _("Nom"), _("Point"), _("Heure"), _("Fait")]]
        rows += [[str(n), "", "", "", "☐"] for n in range(1, SPEAKER_ROWS + 1)]
        table = _grid(rows, [12 * mm, 62 * mm, 60 * mm, 22 * mm, 18 * mm], padding=8)
        return _Section(
            "speakers",
            title,
            [
                Paragraph(escape(title), st.h1),
                Paragraph(
                    escape(_("Inscrivez les demandes de parole dans l'ordre où elles arrivent.")),
                    st.small,
                ),
                table,
            ],
        )

    def sign_in(self) -> _Section:
        title = _("Feuille d'émargement")
        if not self.record.attendees:
            return _Section("sign_in", title, [])
        story = attendance_sheet.sheet_story(self.record)
        return _Section("sign_in", title, _nested(story))

    def proxy(self) -> _Section:
        title = _("Pouvoir")
        if not self.proxies_allowed:
            return _Section("proxy", title, [])
        form = convocation.proxy_form(self.body.name, self.meeting, self.body.proxies_per_holder)
        return _Section("proxy", title, form)
