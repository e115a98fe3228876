"""`ess-desk export-pack`: the meeting pack (dossier de séance) as one PDF; `ess-desk annexes`:
the PDF annexes of a meeting (list, attach, public or not)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.meetings.annexes import Annex


def cmd_export_pack(args: argparse.Namespace) -> int:
    from ess_desk.documents import pack

    with open_for_command(args, write=False) as store:
        result = pack.build(
            store.db,
            args.meeting,
            Path(args.output),
            variant=args.variant,
            skip_broken_annexes=args.skip_broken_annexes,
        )
    print(
        _("Dossier de séance écrit : {path} ({pages} pages).").format(
            path=result.path, pages=result.pages
        )
    )
    for name in result.left_out:
        print(_("Annexe laissée de côté (illisible) : {name}").format(name=name))
    return 0


def _item_id(db: Database, meeting_id: int, position: int | None) -> int | None:
    from ess_desk.meetings import agenda

    if position is None:
        return None
    items = agenda.items(db, meeting_id)
    if not 1 <= position <= len(items):
        raise UserError(
            _("La séance n'a pas de point n°{position} (elle en a {count}).").format(
                position=position, count=len(items)
            )
        )
    return items[position - 1].id


def cmd_annexes(args: argparse.Namespace) -> int:
    from ess_desk.meetings import annexes, meetings

    writes = bool(args.attach or args.set_public or args.set_private)
    with open_for_command(args, write=writes) as store:
        meetings.get(store.db, args.meeting)  # an unknown meeting is refused first
        item_id = _item_id(store.db, args.meeting, args.item)
        paths = [Path(p) for p in args.attach or ()]
        for path in paths:  # every file checked before any is attached: all or nothing
            annexes.count_pages(_read(path), path.name)
        for path in paths:
            annexes.attach(store, args.meeting, path, item_id, public=args.public)
            print(_("Annexe jointe : {name}").format(name=path.name))
        for annex_id, public in [(a, True) for a in args.set_public or ()] + [
            (a, False) for a in args.set_private or ()
        ]:
            _owned(store.db, args.meeting, annex_id)
            annexes.set_public(store, annex_id, public)
        listed = annexes.list_annexes(store.db, args.meeting)
    _print_annexes(listed, args.json)
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc


def _owned(db: Database, meeting_id: int, annex_id: int) -> None:
    from ess_desk.meetings import annexes

    if annex_id not in {a.id for a in annexes.list_annexes(db, meeting_id)}:
        raise UserError(
            _("La séance n°{meeting} n'a pas d'annexe n°{id}.").format(
                meeting=meeting_id, id=annex_id
            )
        )


def _print_annexes(listed: list[Annex], as_json: bool) -> None:
    if as_json:
        import json

        rows = [
            {"id": a.id, "name": a.name, "pages": a.pages, "item_id": a.item_id, "public": a.public}
            for a in listed
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not listed:
        print(_("Aucune annexe."))
    for a in listed:
        public = _("publique") if a.public else _("non publique")
        print(f"{a.id:>6}  {a.name}  ({a.pages} p., {public})")


# The variants of pack.VARIANTS, named here so that the command line starts without reportlab.
VARIANTS = ("membre", "animation", "public")


def register(add: AddCommand) -> None:
    p = add(
        "export-pack",
        cmd_export_pack,
        _("dossier de séance en un PDF (convocation, ordre du jour, PV, suivi, annexes…)"),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("fichier PDF à écrire"))
    p.add_argument(
        "--variant",
        choices=list(VARIANTS),
        default="membre",
        help=_(
            "membre (défaut) ; animation : conducteur, quorum, orateurs ; public : sans "
            "coordonnées ni nom des personnes qui n'y ont pas consenti"
        ),
    )
    p.add_argument(
        "--skip-broken-annexes",
        action="store_true",
        help=_("laisse de côté les annexes illisibles (la couverture les nomme)"),
    )
    p = add(
        "annexes",
        cmd_annexes,
        _("annexes PDF d'une séance : les lister, en joindre, dire lesquelles sont publiques"),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument(
        "--attach",
        action="append",
        metavar="FILE",
        help=_(
            "joint ce PDF (répétable) ; un PDF qu'il faut un mot de passe pour ouvrir est refusé"
        ),
    )
    p.add_argument("--item", type=int, metavar="N", help=_("joint au point n°N de l'ordre du jour"))
    p.add_argument(
        "--public",
        action="store_true",
        help=_("les annexes jointes iront dans le dossier public"),
    )
    p.add_argument(
        "--set-public",
        action="append",
        type=int,
        metavar="ANNEX",
        help=_("cette annexe ira dans le dossier public (répétable)"),
    )
    p.add_argument(
        "--set-private",
        action="append",
        type=int,
        metavar="ANNEX",
        help=_("cette annexe n'ira pas dans le dossier public, qui la cite par son titre"),
    )
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
