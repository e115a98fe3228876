"""`ess-desk report`: the activity report of a body over a year or a period, as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.cli.common import AddCommand, body_id_by_name, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database


def report_body(db: Database, name: str | None) -> int:
    """The body named, or the plenary council when none is."""
    from ess_desk.membership import bodies

    if name:
        body_id = body_id_by_name(db, name)
    else:
        body_id = bodies.plenary_body(db)
        if body_id is None:
            raise UserError(
                _("Aucun conseil plénier n'est enregistré : indiquez l'instance avec --body.")
            )
    assert body_id is not None
    return body_id


def cmd_report(args: argparse.Namespace) -> int:
    from ess_desk.documents import activity_report
    from ess_desk.membership import bodies
    from ess_desk.report.figures import resolve_period

    path = Path(args.output)
    if path.suffix.lower() != ".pdf":
        raise UserError(
            _("Le rapport s'écrit dans un fichier .pdf : « {name} » n'en est pas un.").format(
                name=path.name
            )
        )
    period = resolve_period(args.year, args.start, args.end)
    with open_for_command(args, write=False) as store:
        body_id = report_body(store.db, args.body)
        activity_report.build(store.db, body_id, period, path)
        body = bodies.get_body(store.db, body_id).name
    print(
        _("{title} ({body}) écrit dans {path}.").format(
            title=activity_report.title(period), body=body, path=path
        )
    )
    return 0


def register(add: AddCommand) -> None:
    p = add(
        "report",
        cmd_report,
        _("rapport d'activité d'une instance sur une année ou une période (PDF)"),
    )
    p.add_argument("--body", metavar="NAME", help=_("instance (défaut : le conseil plénier)"))
    p.add_argument(
        "--year", metavar="YYYY", help=_("année civile (défaut : la dernière année complète)")
    )
    p.add_argument("--from", dest="start", metavar="DATE", help=_("premier jour de la période"))
    p.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help=_("dernier jour de la période (défaut : aujourd'hui)"),
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("fichier PDF à écrire"))
