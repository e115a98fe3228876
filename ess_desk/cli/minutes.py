"""`ess-desk export-minutes`, `ess-desk decisions`, `ess-desk export-decisions`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.cli.common import AddCommand, body_id_by_name, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.minutes.vocabulary import DECISION_KINDS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.minutes.decisions import DecisionRow


def cmd_export_minutes(args: argparse.Namespace) -> int:

    path = Path(args.output)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UserError(
            _("Format inconnu pour {path} : choisissez un fichier .pdf ou .docx.").format(
                path=path.name
            )
        )
    with open_for_command(args, write=False) as store:
        if suffix == ".pdf":
            from ess_desk.documents import minutes_pdf

            minutes_pdf.build(store.db, args.meeting, path, public=args.public, form=args.form)
        else:
            from ess_desk.exchange import minutes_docx

            minutes_docx.write(store.db, args.meeting, path, public=args.public, form=args.form)
    print(_("Procès-verbal écrit : {path}").format(path=path))
    return 0


def _rows(args: argparse.Namespace, db: Database) -> list[DecisionRow]:
    from ess_desk.minutes import decisions

    return decisions.search(
        db,
        text=args.search,
        body_id=body_id_by_name(db, args.body),
        year=args.year,
        kind=args.kind,
    )


def cmd_decisions(args: argparse.Namespace) -> int:

    with open_for_command(args, write=False) as store:
        rows = _rows(args, store.db)
    if args.json:
        data = [
            {
                "reference": r.reference,
                "year": r.year,
                "number": r.number,
                "date": r.meeting_date,
                "body": r.body,
                "meeting_id": r.meeting_id,
                "meeting": r.meeting_title,
                "item": r.item_title,
                "kind": r.kind,
                "text": r.text,
                "outcome": r.outcome,
                "status": r.status,
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        first_line = r.text.splitlines()[0] if r.text else ""
        print(f"{r.reference}  {r.meeting_date}  {r.kind_label:<15} {r.body} — {first_line}")
    if not rows:
        print(_("Aucune décision."))
    return 0


def cmd_export_decisions(args: argparse.Namespace) -> int:
    from ess_desk.council import get_letterhead
    from ess_desk.exchange import decisions_export

    with open_for_command(args, write=False) as store:
        rows = _rows(args, store.db)
        title = _("Registre des décisions — {council}").format(
            council=get_letterhead(store.db).name
        )
        path = decisions_export.export(rows, Path(args.output), title=title)
    print(
        ngettext(
            "{count} décision exportée dans {path}.",
            "{count} décisions exportées dans {path}.",
            len(rows),
        ).format(count=len(rows), path=path)
    )
    return 0


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, metavar="YYYY", help=_("seulement cette année"))
    p.add_argument("--body", metavar="NAME", help=_("seulement cette instance"))
    p.add_argument("--kind", choices=list(DECISION_KINDS), help=_("seulement cette nature"))
    p.add_argument("--search", metavar="TEXT", help=_("mots à chercher (accents ignorés)"))


def register(add: AddCommand) -> None:
    p = add(
        "export-minutes",
        cmd_export_minutes,
        _("exporte le procès-verbal d'une séance (PDF ou DOCX)"),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("fichier .pdf ou .docx à écrire")
    )
    p.add_argument(
        "--public",
        action="store_true",
        help=_("version publique : sans le nom des personnes qui n'y ont pas consenti"),
    )
    p.add_argument(
        "--form",
        choices=["pv", "releve"],
        default="pv",
        help=_("procès-verbal complet (pv) ou relevé de décisions (releve)"),
    )

    p = add("decisions", cmd_decisions, _("liste le registre des décisions"))
    _filters(p)
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))

    p = add(
        "export-decisions",
        cmd_export_decisions,
        _("exporte le registre des décisions (XLSX, CSV ou PDF)"),
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("fichier .xlsx, .csv ou .pdf")
    )
    _filters(p)
