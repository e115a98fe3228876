"""`ess-desk export-pack`: the meeting pack (dossier de séance) as one PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.i18n import _


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
