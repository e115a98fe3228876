"""The actions commands: `actions` (text or JSON), `export-actions`, `action-reminders`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.actions import rules
from ess_desk.actions.queries import ActionFilter
from ess_desk.cli.common import AddCommand, body_id_by_name, open_for_command, progress_line
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--body", metavar="NAME", help=_("seulement cette instance"))
    p.add_argument("--owner", metavar="TEXT", help=_("porteur (mots du nom ou de la structure)"))
    p.add_argument(
        "--status",
        metavar="S",
        action="append",
        help=_(
            "statut : à faire, en cours, fait, abandonné, reporté, ou « ouvert » (option répétable)"
        ),
    )
    p.add_argument("--theme", metavar="NAME", help=_("seulement ce thème"))
    p.add_argument("--overdue", action="store_true", help=_("seulement les actions en retard"))
    p.add_argument(
        "--due-within", type=int, metavar="N", help=_("ouvertes, à échéance dans les N jours")
    )
    p.add_argument("--search", metavar="TEXT", help=_("texte libre"))


def _statuses(values: list[str] | None) -> frozenset[str]:
    found: set[str] = set()
    for value in values or []:
        if fold(value).strip() in ("open", "ouvert", "ouverte", "ouverts", "ouvertes"):
            found |= rules.OPEN_STATUSES
        else:
            found.add(rules.parse_status(value, field="--status"))
    return frozenset(found)


def filter_from_args(db: Database, args: argparse.Namespace) -> ActionFilter:
    from ess_desk.actions import themes

    theme_id = None
    if args.theme:
        theme_id = themes.find(db, args.theme)
        if theme_id is None:
            raise UserError(_("Aucun thème ne s'appelle « {name} ».").format(name=args.theme))
    if args.due_within is not None and args.due_within < 0:
        raise UserError(_("--due-within attend un nombre de jours positif."))
    return ActionFilter(
        body_id=body_id_by_name(db, args.body),
        owner=args.owner or "",
        statuses=_statuses(args.status),
        theme_id=theme_id,
        overdue=args.overdue,
        due_within_days=args.due_within,
        text=args.search or "",
    )


def cmd_actions(args: argparse.Namespace) -> int:
    from ess_desk.actions import queries

    with open_for_command(args, write=False) as store:
        if args.json:
            # Streamed: one action read, written and forgotten at a time, whatever their number.
            write_json_list(
                r.to_json()
                for r in queries.iter_actions(store.db, filter_from_args(store.db, args))
            )
            return 0
        rows = queries.query_actions(store.db, filter_from_args(store.db, args))
    for r in rows:
        due = display(r.due_date) if r.due_date else "—"
        late = "  " + _("EN RETARD") if r.overdue else ""
        print(
            f"{r.id:>6}  {due:<10}  {r.status_label:<10} {r.progress:>3} %  "
            f"{r.owner} — {r.title} [{r.body}]{late}"
        )
    if not rows:
        print(_("Aucune action."))
    return 0


def cmd_export_actions(args: argparse.Namespace) -> int:
    from ess_desk.exchange import actions_export

    with open_for_command(args, write=False) as store:
        count = actions_export.export_file(
            store.db, Path(args.output), filter_from_args(store.db, args)
        )
    print(
        ngettext(
            "{count} action exportée dans {path}.", "{count} actions exportées dans {path}.", count
        ).format(count=count, path=args.output)
    )
    return 0


def cmd_action_reminders(args: argparse.Namespace) -> int:
    from ess_desk.exchange import action_reminders

    if not args.send and not args.output:
        raise UserError(_("Indiquez le dossier à remplir (-o) ou envoyez les relances (--send)."))
    with open_for_command(args, write=bool(args.send)) as store:
        filt = filter_from_args(store.db, args)
        if not args.send:
            result = action_reminders.write_all(store.db, Path(args.output), filt)
            print(result.summary())
            return 0
        from ess_desk.cli.mail import send_outbox
        from ess_desk.mail import outbox

        outbox.recover(store)
        queued = action_reminders.queue_all(store, filt, progress=progress_line)
        ids = queued.queued.added
        for name in queued.without_email:
            print(
                _("Sans adresse électronique, à relancer par courrier : {name}").format(name=name)
            )
        for name in queued.refused:
            print(
                _("Refus d'être contacté par courriel, à relancer par courrier : {name}").format(
                    name=name
                )
            )
        report = send_outbox(store, ids=ids, progress=progress_line) if ids else None
    if report is None:
        print(_("Aucune nouvelle relance à envoyer aujourd'hui."))
        return 0
    print(report.summary())
    return report.exit_code


def write_json_list(items: Iterable[object]) -> None:
    """Print a JSON list item by item, exactly as `json.dumps(list, indent=2)` would."""
    out = sys.stdout
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + text)
        first = False
    out.write("[]\n" if first else "\n]\n")
    out.flush()


def register(add: AddCommand) -> None:
    p = add("actions", cmd_actions, _("liste les actions à suivre (filtres, texte ou JSON)"))
    add_filter_arguments(p)
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))

    p = add(
        "export-actions",
        cmd_export_actions,
        _("exporte le tableau de suivi des actions (XLSX, CSV ou PDF)"),
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("fichier .xlsx, .csv ou .pdf")
    )
    add_filter_arguments(p)

    p = add(
        "action-reminders",
        cmd_action_reminders,
        _(
            "pour chaque porteur, sa liste d'actions ouvertes (PDF) et un brouillon .eml, ou le "
            "courriel envoyé (--send)"
        ),
    )
    p.add_argument("-o", "--output", metavar="DIR", help=_("dossier à remplir"))
    p.add_argument(
        "--send",
        action="store_true",
        help=_(
            "envoie les relances (code 0 : toutes acceptées, 2 : certaines attendent, 1 : erreur)"
        ),
    )
    add_filter_arguments(p)
