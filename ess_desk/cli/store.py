"""The store's commands: `new`, `backup`, `restore`, `check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext


def cmd_backup(args: argparse.Namespace) -> int:
    from ess_desk.store.backup import backup_to

    with open_for_command(args, write=False) as store:
        dest = backup_to(store, Path(args.output))
    print(_("Sauvegarde écrite : {path}").format(path=dest))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ess_desk.store.backup import restore
    from ess_desk.store.recovery import DamagedDatabase, restore_over

    try:
        store = open_for_command(args, write=True)
    except DamagedDatabase:
        # An empty, truncated or damaged database: kept aside, the backup put in its place.
        kept = restore_over(Path(args.db), Path(args.file))
        print(
            _(
                "Base remise en place depuis {source}. Le fichier inutilisable est gardé dans "
                "{kept}."
            ).format(source=args.file, kept=kept)
        )
        return 0
    with store:
        kept = restore(store, Path(args.file))
    print(
        _("Base restaurée depuis {source}. L'ancienne version est gardée dans {kept}.").format(
            source=args.file, kept=kept
        )
    )
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from ess_desk.store.database import open_store

    path = Path(args.file)
    if path.exists():
        raise UserError(
            _("Le fichier {path} existe déjà : ESS Desk ne l'écrase pas.").format(path=path)
        )
    with open_store(path, create=True):
        pass
    print(_("Nouvelle base créée : {path}").format(path=path))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ess_desk.integrity import check_council
    from ess_desk.store.check import is_damage
    from ess_desk.store.health import warnings

    with open_for_command(args, write=False) as store:
        problems = check_council(store)
    notes = warnings(Path(args.db))
    if problems:
        print(
            ngettext(
                "{count} problème trouvé dans {path} :",
                "{count} problèmes trouvés dans {path} :",
                len(problems),
            ).format(count=len(problems), path=args.db)
        )
        for problem in problems:
            print(f"- {problem}")
        if any(is_damage(problem) for problem in problems):
            from ess_desk.store.recovery import offer_lines

            for line in offer_lines(Path(args.db)):
                print(line)
    else:
        print(_("Aucun problème : la base {path} est intègre.").format(path=args.db))
    for note in notes:
        print(_("Attention : {warning}").format(warning=note))
    return 1 if problems else 0


def register(add: AddCommand) -> None:
    p = add("backup", cmd_backup, _("copie cohérente de la base dans un fichier"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("fichier à écrire"))

    p = add("restore", cmd_restore, _("restaure une sauvegarde (la base actuelle est gardée)"))
    p.add_argument("file", metavar="FILE", help=_("sauvegarde à restaurer"))

    p = add("new", cmd_new, _("crée une base vide (un nouveau conseil)"))
    p.add_argument("file", metavar="FILE", help=_("fichier de la base à créer"))

    add("check", cmd_check, _("vérifie l'intégrité, les références et le schéma de la base"))
