"""`ess-desk decisions-list`, `ess-desk publish`: what a body publishes after its meetings."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ess_desk.cli.common import (
    AddCommand,
    body_id_named,
    open_for_command,
    progress_line,
)
from ess_desk.dates import parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext


def cmd_decisions_list(args: argparse.Namespace) -> int:
    from ess_desk.documents import decisions_list_pdf

    with open_for_command(args, write=False) as store:
        path = decisions_list_pdf.build(store.db, args.meeting, Path(args.output))
    print(_("Liste des délibérations / avis écrite : {path}").format(path=path))
    return 0


def _period(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    if args.year is not None:
        if args.start or args.end:
            raise UserError(_("Choisissez --year ou --from/--to, pas les deux."))
        return dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    start = parse_date(args.start, field="from")
    end = parse_date(args.end, field="to")
    if start is None or end is None:
        raise UserError(_("Indiquez la période : --year AAAA, ou --from DATE --to DATE."))
    return start, end


def cmd_publish(args: argparse.Namespace) -> int:
    from ess_desk.exchange import publication_folder

    start, end = _period(args)
    with open_for_command(args, write=True) as store:
        body_id = body_id_named(store.db, args.body)
        built = publication_folder.publish(
            store, body_id, start, end, Path(args.output), progress=progress_line
        )
    count = len(built.files)
    print(
        ngettext(
            "Dossier de publication écrit : {path} ({count} fichier).",
            "Dossier de publication écrit : {path} ({count} fichiers).",
            count,
        ).format(path=args.output, count=count)
    )
    return 0


def register(add: AddCommand) -> None:
    p = add(
        "decisions-list",
        cmd_decisions_list,
        _(
            "écrit la liste des délibérations / avis d'une séance (PDF à afficher et mettre en ligne)"
        ),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("PDF à écrire"))

    p = add(
        "publish",
        cmd_publish,
        _(
            "fait le dossier de publication d'une instance pour une période (PDF, CSV SCDL, index.html)"
        ),
    )
    p.add_argument("--body", required=True, metavar="NAME", help=_("l'instance"))
    p.add_argument("--year", type=int, metavar="YYYY", help=_("l'année civile"))
    p.add_argument("--from", dest="start", metavar="DATE", help=_("début de la période"))
    p.add_argument("--to", dest="end", metavar="DATE", help=_("fin de la période"))
    p.add_argument("-o", "--output", required=True, metavar="DIR", help=_("dossier à écrire"))
