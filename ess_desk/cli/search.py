"""`ess-desk search TEXT`: the window's search box on the command line (text or JSON)."""

from __future__ import annotations

import argparse
import json

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.search import index


def cmd_search(args: argparse.Namespace) -> int:

    if args.rebuild:
        with open_for_command(args, write=True) as store:
            count = index.rebuild(store)
        print(_("Index de recherche reconstruit : {count} entrées.").format(count=count))
        return 0
    if not args.text:
        raise UserError(_("Indiquez les mots à chercher, ou --rebuild."))
    if not 1 <= args.limit <= index.MAX_LIMIT:
        raise UserError(_("--limit attend un nombre entre 1 et {max}.").format(max=index.MAX_LIMIT))
    text = " ".join(args.text)
    with open_for_command(args, write=False) as store:
        groups = index.search(store.db, text, kinds=args.kind or None, limit=args.limit)
    if args.json:
        print(json.dumps([h.to_json() for h in index.hits(groups)], ensure_ascii=False, indent=2))
        return 0
    if index.parse(text) is None:
        raise UserError(
            _("Rien à chercher dans « {text} » : tapez au moins deux lettres ou chiffres.").format(
                text=text
            )
        )
    if not groups:
        print(_("Aucun résultat pour « {text} ».").format(text=text))
        return 0
    for n, group in enumerate(groups):
        if n:
            print()
        print(group.label)
        for hit in group.hits:
            title = index.marked(hit.title, "**", "**")
            context = f" — {hit.context}" if hit.context else ""
            print(f"  [{hit.kind} {hit.id}] {title}{context}")
            if hit.snippet:
                print(f"      {index.marked(hit.snippet, '**', '**')}")
        if group.more:
            print(
                "  "
                + _("… et d'autres (--kind {kind} --limit N pour les voir)").format(kind=group.kind)
            )
    return 0


def register(add: AddCommand) -> None:
    p = add(
        "search",
        cmd_search,
        _("cherche dans les personnes, structures, séances, PV, décisions et actions"),
    )
    p.add_argument("text", nargs="*", metavar="TEXT", help=_("mots ou « expression exacte »"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.add_argument(
        "--kind",
        action="append",
        choices=index.KINDS,
        metavar="K",
        help=_("seulement ce genre de fiche ({kinds}) ; option répétable").format(
            kinds=", ".join(index.KINDS)
        ),
    )
    p.add_argument(
        "--limit",
        type=int,
        default=10,
        metavar="N",
        help=_("au plus N résultats par genre (défaut : 10)"),
    )
    p.add_argument(
        "--rebuild",
        action="store_true",
        help=_("reconstruit l'index de recherche (si « ess-desk check » le signale)"),
    )
