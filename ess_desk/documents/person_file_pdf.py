"""A person's file (droit d'accès) as PDF: identity, consents, then one bookmarked section per kind
of record, each a table or « Aucune donnée », and the audit log entries in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.dates import display, long_date
from ess_desk.documents import collector
from ess_desk.documents.style import (
    LIGHT,
    WIDTH,
    Bookmark,
    GridTable,
    Metadata,
    build_pdf,
    escape,
    heading,
    styles,
)
from ess_desk.i18n import _, ngettext, pgettext
from ess_desk.privacy.information import field_label, value_label
from ess_desk.privacy.person_file import LIST_SECTIONS, PersonFile, section_titles
from ess_desk.typography import of

GRID = colors.HexColor("#9aa5a8")
# Long values (an approved text kept in the audit log) are cut in the PDF; the JSON has them whole.
MAX_VALUE = 160

Column = tuple[str, Callable[[dict[str, Any]], str], float]


def _yes_no(value: object) -> str:
    return _("oui") if value else _("non")


def _text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value) or "—"
    text = " ".join(str(value).split())
    if len(text) <= MAX_VALUE:
        return text
    if text.startswith(("{", "[")):
        # A whole record kept as JSON (the approved text of minutes): its opening says nothing.
        return _("(données de {count} caractères, complètes dans la version JSON)").format(
            count=len(text)
        )
    return text[: MAX_VALUE - 1] + "…"


def _meeting(row: dict[str, Any]) -> str:
    return f"{display(row['date'])} — {row['body']}\n{row['meeting']}"


def _period(row: dict[str, Any]) -> str:
    if row["end_date"]:
        return _("du {start} au {end}").format(
            start=display(row["start_date"]), end=display(row["end_date"])
        )
    return _("depuis le {start}").format(start=display(row["start_date"]))


def _attendance_detail(row: dict[str, Any]) -> str:
    parts = []
    if row["proxy_to"]:
        parts.append(_("pouvoir à {name}").format(name=row["proxy_to"]))
    if row["replaced_by"]:
        parts.append(_("remplacé(e) par {name}").format(name=row["replaced_by"]))
    if row["arrival"]:
        parts.append(_("arrivée {time}").format(time=row["arrival"]))
    if row["departure"]:
        parts.append(_("départ {time}").format(time=row["departure"]))
    return " ; ".join(parts)


def _entity(code: str) -> str:
    """What an audit entry is about, in words (the code itself for a kind not listed)."""
    names = {
        "person": _("fiche personne"),
        "organisation": _("structure"),
        "mandate": _("mandat"),
        "body": _("instance"),
        "college": _("collège"),
        "meeting": _("séance"),
        "agenda": _("ordre du jour"),
        "agenda_item": _("point"),
        "annex": _("annexe"),
        "attendance": _("présence"),
        "guest": _("invité(e)"),
        "vote": _("vote"),
        "minutes": _("procès-verbal"),
        "minutes_section": _("texte de procès-verbal"),
        "minutes_erratum": _("erratum"),
        "decision": _("décision"),
        "action": _("action"),
        "action_update": _("point de suivi"),
        "setting": _("réglage"),
    }
    return names.get(code, code)


def _action(code: str) -> str:
    names = {
        "create": _("création"),
        "update": _("modification"),
        "delete": _("suppression"),
        "anonymise": _("anonymisation"),
    }
    return names.get(code, code)


def _subject(entry: dict[str, Any]) -> str:
    what = _entity(entry["entity"])
    if entry["entity_id"] is not None:
        what = f"{what} n°{entry['entity_id']}"
    return f"{what}\n{_action(entry['action'])}"


_YES_NO_FIELDS = frozenset({"consent_publish", "consent_contact", "archived", "no_change"})


def _value(entity: str, field: str, value: object) -> str:
    if field in _YES_NO_FIELDS and value in (0, 1, True, False):
        return _yes_no(value)
    return _text(value_label(entity, field, value))


def _changes(entry: dict[str, Any]) -> str:
    """What was recorded, each field by its name in words (never its code name)."""
    before, after = entry.get("before"), entry.get("after")
    entity = entry.get("entity", "")
    if not isinstance(before, dict) or not isinstance(after, dict):
        data = after if after is not None else before
        if isinstance(data, dict):
            return "\n".join(
                f"{field_label(k)} : {_value(entity, k, v)}"
                for k, v in data.items()
                if v not in ("", None) and k != "search_text"
            )
        return _text(data)
    return "\n".join(
        f"{field_label(k)} : {_value(entity, k, before.get(k))} → {_value(entity, k, after.get(k))}"
        for k in after
        if before.get(k) != after.get(k)
    )


def _columns() -> dict[str, list[Column]]:
    return {
        "mandates": [
            (_("Instance"), lambda r: r["body"], 42),
            (_("Collège"), lambda r: r["college"], 32),
            (
                _("Rôle"),
                lambda r: (
                    r["role_label"]
                    + (
                        "\n" + _("suppléant(e) de {name}").format(name=r["substitute_for"])
                        if r["substitute_for"]
                        else ""
                    )
                ),
                36,
            ),
            (_("Période"), _period, 34),
            (
                _("Suppléant(e)s, notes"),
                lambda r: "\n".join([*r["substitutes"], *([r["notes"]] if r["notes"] else [])]),
                30,
            ),
        ],
        "attendance": [
            (_("Séance"), _meeting, 80),
            (_("Statut"), lambda r: r["status_label"], 34),
            (_("Précisions"), _attendance_detail, 60),
        ],
        "proxies_given": [
            (_("Séance"), _meeting, 110),
            (_("Pouvoir donné à"), lambda r: r["proxy_to"], 64),
        ],
        "proxies_held": [
            (_("Séance"), _meeting, 110),
            (_("Pouvoir reçu de"), lambda r: r["given_by"], 64),
        ],
        "replacements": [
            (_("Séance"), _meeting, 110),
            (_("Membre remplacé(e)"), lambda r: r["member_replaced"], 64),
        ],
        "guest_entries": [
            (_("Séance"), _meeting, 100),
            (_("Nom inscrit"), lambda r: r["name"], 40),
            (_("Structure"), lambda r: r["organisation"], 34),
        ],
        "agenda_items": [
            (_("Séance"), _meeting, 80),
            (_("Point"), lambda r: r["title"], 64),
            (_("Nature"), lambda r: r["kind_label"], 30),
        ],
        "minutes": [
            (_("Séance"), _meeting, 90),
            (_("État"), lambda r: r["status_label"], 24),
            (_("Y figure comme"), lambda r: ", ".join(r["roles"]), 60),
        ],
        "actions": [
            (_("Action"), lambda r: f"{r['title']}\n{r['body']}", 76),
            (_("Thème"), lambda r: r["theme"], 36),
            (_("Statut"), lambda r: f"{r['status_label']} ({r['progress']} %)", 24),
            (
                _("Dates"),
                lambda r: "\n".join(
                    x
                    for x in (
                        _("créée le {day}").format(day=display(r["created_on"])),
                        _("échéance {day}").format(day=display(r["due_date"]))
                        if r["due_date"]
                        else "",
                        _("close le {day}").format(day=display(r["closed_on"]))
                        if r["closed_on"]
                        else "",
                    )
                    if x
                ),
                38,
            ),
        ],
        "action_updates": [
            (_("Date"), lambda r: display(r["on_date"]), 22),
            (_("Action"), lambda r: r["action"], 58),
            (_("Statut"), lambda r: f"{r['status_label']} ({r['progress']} %)", 28),
            (_("Commentaire"), lambda r: r["comment"], 66),
        ],
        "votes": [(_("Vote"), lambda r: str(r), 174)],
        "mentions": [
            (
                _("Où"),
                lambda r: (
                    r["where"]
                    + ("\n" + _("(archive approuvée, non modifiable)") if r["archived"] else "")
                ),
                74,
            ),
            (_("Extrait"), lambda r: r["excerpt"], 100),
        ],
        "annexes": [
            (_("Annexe"), lambda r: r["name"], 70),
            (_("Séance"), lambda r: f"{display(r['date'])} — {r['body']}", 60),
            (_("Trouvé dans"), lambda r: ", ".join(r["found_in"]), 44),
        ],
        "audit_log": [
            (
                _("Date"),
                lambda r: dt.datetime.fromisoformat(r["at"]).strftime("%d/%m/%Y %H:%M"),
                24,
            ),
            (_("Par"), lambda r: r["os_user"], 20),
            (_("Objet"), _subject, 30),
            (_("Valeurs enregistrées"), _changes, 100),
        ],
    }


def _cell(text: str) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), styles().cell)


def _table(columns: list[Column], rows: list[dict[str, Any]]) -> GridTable:
    """The rows in plain text cells (GridTable): a busy person's audit log fills a hundred pages,
    which a platypus Table of Paragraphs lays out several times slower."""
    return GridTable(
        [c[0] for c in columns],
        [[fn(row) or "—" for _title, fn, _w in columns] for row in rows],
        [w * mm for _t, _f, w in columns],
        padding=2.5,
    )


def _pairs(rows: list[tuple[str, str]]) -> Table:
    st = styles()
    data = [[Paragraph(escape(k), st.cell_bold), _cell(v or "—")] for k, v in rows]
    table = Table(data, colWidths=[50 * mm, WIDTH - 50 * mm], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _count(n: int) -> Paragraph:
    return Paragraph(
        escape(ngettext("{count} élément.", "{count} éléments.", n).format(count=n)), styles().small
    )


def _none() -> Paragraph:
    return Paragraph(escape(_("Aucune donnée.")), styles().small)


def story(pf: PersonFile) -> list[Flowable]:
    st = styles()
    titles = section_titles()
    person = pf.person
    generated = dt.datetime.fromisoformat(pf.generated_at)
    out: list[Flowable] = [
        Bookmark(_("Fiche personnelle")),
        Paragraph(escape(_("Fiche personnelle — droit d'accès")), st.title),
        Paragraph(f"<b>{escape(pf.name)}</b>", st.h2),
        Paragraph(
            escape(
                _(
                    "Ce document rassemble tout ce que la base d'ESS Desk {of_council} "
                    "contient sur cette personne au {day}, et ce que l'article 15 du RGPD "
                    "impose de lui dire de ce traitement. Les mêmes données, complètes, "
                    "existent au format JSON."
                ).format(of_council=of(pf.council), day=long_date(generated.date()))
            ),
            st.body,
        ),
        Spacer(1, 2 * mm),
    ]
    identity = [
        (_("Numéro"), str(person["id"])),
        (_("Civilité"), person["civility"]),
        (_("Prénom"), person["first_name"]),
        (pgettext("last name", "Nom"), person["last_name"]),
        (_("Fonction"), person["position"]),
        (_("Courriel"), person["email"]),
        (_("Téléphone"), person["phone"]),
        (_("Notes"), person["notes"]),
        (_("Fiche archivée"), _yes_no(person["archived"])),
    ]
    if person["anonymised_on"]:
        identity.append((_("Anonymisée le"), display(person["anonymised_on"])))
    out += [*heading(_("Vos données et vos droits")), _pairs(pf.information_pairs())]
    out += [*heading(titles["person"]), _pairs(identity)]
    out += [
        *heading(titles["consents"]),
        _pairs(
            [
                (_("Publication du nom"), _yes_no(pf.consents["publish"])),
                (_("Être contacté(e)"), _yes_no(pf.consents["contact"])),
            ]
        ),
    ]
    out += heading(titles["organisation"])
    if pf.organisation:
        org = pf.organisation
        out.append(
            _pairs(
                [
                    (_("Nom"), org["name"]),
                    (_("Catégorie"), org["kind_label"]),
                    (_("Ville"), org["city"]),
                ]
            )
        )
    else:
        out.append(_none())
    columns = _columns()
    for key in LIST_SECTIONS:
        rows = getattr(pf, key)
        head = heading(titles[key])
        if key == "votes" and not rows:
            out += [*head, Paragraph(escape(pf.notes[0]), st.small)]
            continue
        if not rows:
            out.append(KeepTogether([*head, _none()]))
            continue
        # A heading never ends a page: its table starts under it.
        out += [CondPageBreak(40 * mm), *head, _count(len(rows)), _table(columns[key], rows)]
    if len(pf.notes) > 1:
        out += heading(_("À savoir"))
        out += [Paragraph(escape(n), st.body) for n in pf.notes[1:]]
    return out


@collector.paused()
def build(pf: PersonFile, path: Path | str) -> Path:
    title = _("Fiche personnelle — {name}").format(name=pf.name)
    return build_pdf(
        path,
        story(pf),
        Metadata(
            title=title,
            author=pf.council,
            subject=_("Droit d'accès aux données personnelles (RGPD)"),
            footer=title,
        ),
    )
