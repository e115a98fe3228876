"""`ess-desk privacy`: the retention review, a person's file for an access request, anonymisation."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext


def _review(args: argparse.Namespace) -> int:
    from ess_desk.privacy import retention

    with open_for_command(args, write=False) as store:
        years = retention.retention_years(store.db) if args.years is None else args.years
        rows = retention.due_for_review(store.db, years=years)
    if args.json:
        data = [
            {
                "id": r.person_id,
                "name": r.name,
                "organisation": r.organisation,
                "last_mandate_end": r.last_mandate_end,
                "last_activity": r.last_activity,
                "last_seen": r.last_seen,
                "archived": r.archived,
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(
            ngettext(
                "Personne à revoir : aucune trace de plus de {years} an.",
                "Personne à revoir : aucune trace de plus de {years} ans.",
                years,
            ).format(years=years)
        )
        return 0
    print(
        _("{people} sans lien avec le conseil depuis plus de {years} :").format(
            people=ngettext("{n} personne", "{n} personnes", len(rows)).format(n=len(rows)),
            years=ngettext("{n} an", "{n} ans", years).format(n=years),
        )
    )
    for r in rows:
        org = f" — {r.organisation}" if r.organisation else ""
        print(f"{r.person_id:>6}  {r.name}{org} ({r.reason()})")
    print(_("Anonymiser : ess-desk privacy --anonymise NUMÉRO"))
    return 0


def _anonymise(args: argparse.Namespace) -> int:
    from ess_desk.privacy import anonymise
    from ess_desk.privacy.backups import backups_holding

    with open_for_command(args, write=True) as store:
        result = anonymise.anonymise(store, args.anonymise, dry_run=args.dry_run)
        copies = backups_holding(store.path)
    for line in result.summary():
        print(line)
    if copies and not args.dry_run:
        # The offer: the same anonymisation in every backup, by a command of its own.
        print(
            ngettext(
                "Pour l'anonymiser aussi dans {count} sauvegarde : {command}",
                "Pour l'anonymiser aussi dans les {count} sauvegardes : {command}",
                len(copies),
            ).format(
                count=len(copies),
                command=f"ess-desk --db {args.db} privacy --purge-backups {args.anonymise}",
            )
        )
    return 0


def _purge_backups(args: argparse.Namespace) -> int:
    from ess_desk.privacy import backups
    from ess_desk.privacy.person_file import is_anonymised

    with open_for_command(args, write=True) as store:
        if not is_anonymised(store.db, args.purge_backups):
            raise UserError(
                _(
                    "La personne n°{id} n'est pas anonymisée dans la base : anonymisez-la d'abord "
                    "(ess-desk privacy --anonymise {id})."
                ).format(id=args.purge_backups)
            )
        results = backups.purge_backups(store.path, [args.purge_backups])
        lines = backups.purge_summary(store.path, results)
    for line in lines:
        print(line)
    return 1 if any(r.outcome == backups.REFUSED for r in results) else 0


def _export(args: argparse.Namespace) -> int:
    from ess_desk.exchange import person_file

    if not args.output:
        raise UserError(_("Indiquez le fichier à écrire avec -o FICHIER.json ou FICHIER.pdf."))
    with open_for_command(args, write=False) as store:
        path = person_file.export(store.db, args.export, Path(args.output))
    print(_("Fiche personnelle écrite : {path}").format(path=path))
    return 0


def cmd_privacy(args: argparse.Namespace) -> int:
    if args.output and args.export is None:
        print(_("-o ne sert qu'avec --export : ignoré."), file=sys.stderr)
    if args.dry_run and args.anonymise is None:
        raise UserError(_("--dry-run ne sert qu'avec --anonymise."))
    if args.years is not None and not args.review:
        raise UserError(_("--years ne sert qu'avec --review."))
    if args.review:
        return _review(args)
    if args.anonymise is not None:
        return _anonymise(args)
    if args.purge_backups is not None:
        return _purge_backups(args)
    return _export(args)


def _years(value: str) -> int:
    from ess_desk.privacy.retention import check_years

    try:
        return check_years(value)
    except UserError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def register(add: AddCommand) -> None:
    p = add(
        "privacy",
        cmd_privacy,
        _(
            "données personnelles (RGPD) : revue de conservation, fiche d'une personne, anonymisation"
        ),
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--review",
        action="store_true",
        help=_("liste les personnes à revoir (dernier mandat terminé depuis plus de N ans)"),
    )
    what.add_argument(
        "--anonymise",
        type=int,
        metavar="PERSON",
        help=_("anonymise la personne de ce numéro (irréversible ; dit ce qui a été fait)"),
    )
    what.add_argument(
        "--purge-backups",
        type=int,
        metavar="PERSON",
        help=_(
            "anonymise aussi dans chaque sauvegarde la personne déjà anonymisée dans la base, "
            "et dit ce qui reste où"
        ),
    )
    what.add_argument(
        "--export",
        type=int,
        metavar="PERSON",
        help=_("écrit tout ce que la base contient sur cette personne (droit d'accès)"),
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help=_("fichier .json ou .pdf (avec --export)")
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=_("avec --anonymise : montre ce qui serait fait, sans rien écrire"),
    )
    p.add_argument(
        "--years",
        type=_years,
        metavar="N",
        help=_("avec --review : durée de conservation en années (défaut : le réglage, sinon 5)"),
    )
    p.add_argument("--json", action="store_true", help=_("avec --review : sortie JSON"))
