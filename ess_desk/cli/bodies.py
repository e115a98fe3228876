"""`ess-desk body …` and `ess-desk college …`: a council's bodies, their rules and colleges set up
without the window (an IT department preparing several councils)."""

from __future__ import annotations

import argparse
import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ess_desk.cli.common import AddCommand, body_id_named, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.membership.bodies import Body

BODY_ACTIONS = ("list", "show", "add", "set")

# Command-line option (argparse dest) -> body field.
_BODY_OPTIONS = {
    "kind": "kind",
    "rules": "rule_set",
    "quorum_formula": "quorum_formula",
    "proxies": "proxies_per_holder",
    "notice": "notice_clear_days",
    "mandate_years": "mandate_years",
    "calendar": "holiday_calendar",
    "majority": "majority_rule",
    "reconvene_notice": "reconvene_notice_days",
    "minutes_days": "minutes_publish_days",
}
_BODY_FLAGS = {
    "counts_represented": "quorum_counts_represented",
    "counts_remote": "quorum_counts_remote",
    "remote": "remote_allowed",
    "casting_vote": "chair_casting_vote",
    "reconvene_without_quorum": "reconvene_without_quorum",
}


def _fraction(text: str) -> tuple[int, int]:
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise UserError(
            _("« {value} » n'est pas une fraction (attendu : 1/2, 1/3…).").format(value=text)
        ) from exc
    return value.numerator, value.denominator


def body_values(args: argparse.Namespace) -> dict[str, Any]:
    """The body fields given on the command line (only those given)."""
    values: dict[str, Any] = {}
    for option, name in _BODY_OPTIONS.items():
        if getattr(args, option, None) is not None:
            values[name] = getattr(args, option)
    for option, name in _BODY_FLAGS.items():
        if getattr(args, option, None) is not None:
            values[name] = 1 if getattr(args, option) else 0
    if getattr(args, "quorum", None):
        values["quorum_numerator"], values["quorum_denominator"] = _fraction(args.quorum)
    return values


def body_as_dict(db: Database, body: Body) -> dict[str, Any]:
    from ess_desk.membership import bodies, rulesets

    data = body._asdict()
    data["rule_set_label"] = rulesets.rule_set_label(body.rule_set)
    data["colleges"] = [
        {"name": c.name, "seats": c.seats, "voting": bool(c.voting)}
        for c in bodies.list_colleges(db, body.id)
    ]
    data["sources"] = {
        rule: body.source(rule)
        for rule in ("notice_clear_days", "quorum", "reconvene", "chair_casting_vote", "minutes")
    }
    return data


def _show(db: Database, body: Body) -> None:
    from ess_desk.membership.vocabulary import BODY_KINDS, MAJORITY_RULES, QUORUM_FORMULAS, label

    data = body_as_dict(db, body)
    yes, no = _("oui"), _("non")
    lines = [
        (_("Instance"), f"{body.name} ({label(BODY_KINDS, body.kind)})"),
        (_("Jeu de règles"), data["rule_set_label"] or _("personnalisé")),
        (
            _("Quorum"),
            f"{label(QUORUM_FORMULAS, body.quorum_formula)} — "
            f"{body.quorum_numerator}/{body.quorum_denominator} ({body.source('quorum')})",
        ),
        (_("Représentés comptés"), yes if body.quorum_counts_represented else no),
        (_("Participation à distance"), yes if body.remote_allowed else no),
        (_("Membres à distance comptés"), yes if body.quorum_counts_remote else no),
        (_("Pouvoirs par mandataire"), str(body.proxies_per_holder)),
        (
            _("Délai de convocation (jours francs)"),
            f"{body.notice_clear_days} ({body.source('notice_clear_days')})",
        ),
        (_("Majorité"), label(MAJORITY_RULES, body.majority_rule)),
        (_("Voix prépondérante"), yes if body.chair_casting_vote else no),
        (
            _("Nouvelle convocation après quorum manqué (jours francs)"),
            f"{body.reconvene_notice_days} ({body.source('reconvene')})",
        ),
        (_("Sans condition de quorum"), yes if body.reconvene_without_quorum else no),
        (_("PV signé et publié sous (jours)"), str(body.minutes_publish_days or "—")),
    ]
    width = max(len(k) for k, _v in lines)
    for key, value in lines:
        print(f"{key:<{width}}  {value}")
    for college in data["colleges"]:
        seats = college["seats"] if college["seats"] is not None else "—"
        kind = _("votant") if college["voting"] else _("consultatif")
        print(f"  - {college['name']} : {seats} ({kind})")


def cmd_body(args: argparse.Namespace) -> int:
    from ess_desk.membership import bodies

    action = args.action
    if action != "list" and not args.name:
        raise UserError(
            _("Indiquez le nom de l'instance : ess-desk body {action} NOM.").format(action=action)
        )
    with open_for_command(args, write=action in ("add", "set")) as store:
        db = store.db
        if action == "add":
            values = {"kind": "commission"} | body_values(args) | {"name": args.name}
            if args.parent:
                values["parent_id"] = body_id_named(db, args.parent)
            body_id = bodies.create_body(store, **values)
        elif action == "set":
            body_id = body_id_named(db, args.name)
            values = body_values(args)
            if args.rename:
                values["name"] = args.rename
            if args.parent:
                values["parent_id"] = body_id_named(db, args.parent)
            if not values:
                raise UserError(_("Rien à changer : indiquez au moins une option."))
            bodies.update_body(store, body_id, **values)
        if action == "list":
            found = bodies.list_bodies(db, include_archived=True)
            if args.json:
                print(
                    json.dumps([body_as_dict(db, b) for b in found], ensure_ascii=False, indent=2)
                )
            elif not found:
                print(_("Aucune instance. Créez-en une : ess-desk body add NOM --kind plenary."))
            for b in [] if args.json else found:
                print(f"{b.id:>4}  {b.name}")
            return 0
        body = bodies.get_body(
            db, body_id if action in ("add", "set") else body_id_named(db, args.name)
        )
        if args.json:
            print(json.dumps(body_as_dict(db, body), ensure_ascii=False, indent=2))
        else:
            _show(db, body)
    return 0


def cmd_college(args: argparse.Namespace) -> int:
    from ess_desk.membership import bodies

    values: dict[str, Any] = {}
    if args.seats is not None:
        values["seats"] = args.seats
    if args.voting is not None:
        values["voting"] = args.voting
    with open_for_command(args, write=True) as store:
        body_id = body_id_named(store.db, args.body)
        if args.action == "add":
            bodies.create_college(store, body_id, name=args.name, **values)
            print(
                _("Collège « {name} » créé dans « {body} ».").format(name=args.name, body=args.body)
            )
            return 0
        college_id = bodies.find_college(store.db, body_id, args.name)
        if college_id is None:
            raise UserError(
                _("L'instance « {body} » n'a pas de collège « {name} ».").format(
                    body=args.body, name=args.name
                )
            )
        if args.rename:
            values["name"] = args.rename
        bodies.update_college(store, college_id, **values)
    print(_("Collège « {name} » modifié.").format(name=args.rename or args.name))
    return 0


def _add_body_rule_options(p: argparse.ArgumentParser) -> None:
    from ess_desk.membership.rulesets import RULE_SETS

    p.add_argument("--kind", choices=["plenary", "bureau", "commission", "working_group"])
    p.add_argument(
        "--rules",
        choices=list(RULE_SETS),
        help=_("jeu de règles de départ : consultative, deliberative ou association"),
    )
    p.add_argument("--parent", metavar="NAME", help=_("instance parente"))
    p.add_argument("--quorum", metavar="FRACTION", help=_("fraction des membres, ex. 1/2"))
    p.add_argument("--quorum-formula", choices=["at_least", "more_than"])
    p.add_argument("--proxies", type=int, metavar="N", help=_("pouvoirs par mandataire"))
    p.add_argument("--notice", type=int, metavar="N", help=_("délai de convocation, jours francs"))
    p.add_argument("--mandate-years", type=int, metavar="N", help=_("durée des mandats"))
    p.add_argument("--calendar", choices=["FR", "FR-57"], help=_("jours fériés"))
    p.add_argument("--majority", choices=["simple", "absolute", "two_thirds"])
    p.add_argument(
        "--reconvene-notice", type=int, metavar="N", help=_("nouvelle convocation, jours francs")
    )
    p.add_argument(
        "--minutes-days", type=int, metavar="N", help=_("PV signé et publié sous N jours")
    )
    for flag, text in (
        ("counts-represented", _("les membres représentés comptent pour le quorum")),
        ("counts-remote", _("les membres à distance comptent pour le quorum")),
        ("remote", _("participation à distance permise")),
        ("casting-vote", _("voix prépondérante de la présidence")),
        ("reconvene-without-quorum", _("séance reconvoquée sans condition de quorum")),
    ):
        p.add_argument(f"--{flag}", action=argparse.BooleanOptionalAction, help=text)
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))


def register(add: AddCommand) -> None:
    p = add(
        "body",
        cmd_body,
        _("les instances et leurs règles : list, show, add, set (sans la fenêtre)"),
    )
    p.add_argument("action", choices=BODY_ACTIONS, help=_("list, show, add ou set"))
    p.add_argument("name", nargs="?", metavar="NAME", help=_("nom de l'instance"))
    p.add_argument("--rename", metavar="NAME", help=_("nouveau nom (avec set)"))
    _add_body_rule_options(p)

    p = add("college", cmd_college, _("les collèges d'une instance : add, set"))
    p.add_argument("action", choices=("add", "set"), help=_("add ou set"))
    p.add_argument("body", metavar="BODY", help=_("nom de l'instance"))
    p.add_argument("name", metavar="NAME", help=_("nom du collège"))
    p.add_argument("--seats", type=int, metavar="N", help=_("nombre de sièges"))
    p.add_argument(
        "--voting",
        action=argparse.BooleanOptionalAction,
        help=_("collège votant (--no-voting : consultatif)"),
    )
    p.add_argument("--rename", metavar="NAME", help=_("nouveau nom (avec set)"))
