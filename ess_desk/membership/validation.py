"""Checks of single values: SIRET, e-mail, required text; each raises UserError naming its field."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.i18n import _


def clean_text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def address_lines(value: object) -> str:
    """A street address on one or several lines: each line cleaned, empty lines dropped."""
    text = "" if value is None else str(value)
    return "\n".join(line for line in (clean_text(x) for x in text.splitlines()) if line)


def postcode(value: object, field: str = "postcode") -> str:
    """A French postcode: five digits (spaces typed inside are dropped); empty is allowed. The
    letters by post are laid out for French addresses (NF Z 10-011: « CODE VILLE » last)."""
    text = "".join(clean_text(value).split())
    if not text:
        return ""
    if len(text) != 5 or not text.isascii() or not text.isdigit() or text.startswith("00"):
        raise UserError(
            _(
                "Le code postal « {value} » n'est pas valide : un code postal français compte "
                "cinq chiffres (par exemple 75011)."
            ).format(value=clean_text(value)),
            field=field,
        )
    return text


def required(value: object, field: str, label: str) -> str:
    text = clean_text(value)
    if not text:
        raise UserError(_("Le champ « {label} » est obligatoire.").format(label=label), field=field)
    return text


def siret(value: object, field: str = "siret") -> str | None:
    """14 digits with a valid Luhn key, spaces allowed; empty gives None."""
    text = "".join(clean_text(value).split())
    if not text:
        return None
    if not text.isdigit() or len(text) != 14:
        raise UserError(
            _("Le SIRET « {value} » doit compter 14 chiffres.").format(value=text), field=field
        )
    from stdnum.fr import siret as stdnum_siret  # at the first SIRET: kept off every start

    if not stdnum_siret.is_valid(text):
        raise UserError(
            _("Le SIRET « {value} » n'est pas valide (clé de contrôle incorrecte).").format(
                value=text
            ),
            field=field,
        )
    return text


def email(value: object, field: str = "email") -> str:
    """A syntactically valid address (no network look-up: we run offline); empty is allowed."""
    text = clean_text(value)
    if not text:
        return ""
    # Loaded at the first address to check (a tenth of a second with its DNS and IDNA parts).
    from email_validator import EmailNotValidError, validate_email

    try:
        # Addresses with accents in the local part are refused: most mail servers still reject them.
        return validate_email(text, check_deliverability=False, allow_smtputf8=False).normalized
    except EmailNotValidError as exc:
        raise UserError(
            _("L'adresse électronique « {value} » n'est pas valide.").format(value=text),
            field=field,
        ) from exc
