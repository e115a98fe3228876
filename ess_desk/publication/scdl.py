"""The open-data file of the decisions, following the national schema SCDL « Délibérations »
(version 2.1.5): exactly its seventeen columns in its order, UTF-8 without BOM, comma-separated,
ISO dates; one row per decision of the register (the list of decisions of each meeting gives the
document DELIB_URL points to)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from ess_desk.publication import actes
from ess_desk.publication.decisions_list import DecisionsList

SCHEMA_VERSION = "2.1.5"
COLUMNS = (
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
)


@dataclass(frozen=True)
class Published:
    """A meeting's list of decisions with the address its PDF will have online ("" without a
    base address)."""

    decisions: DecisionsList
    url: str


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def rows(council: str, siret: str, meetings: Iterable[Published]) -> list[dict[str, str]]:
    out = []
    for published in meetings:
        data = published.decisions
        for entry in data.entries:
            if not entry.reference:  # an item rejected without a decision: not a deliberation
                continue
            code = entry.actes_code or actes.DEFAULT_CODE
            out.append(
                {
                    "COLL_NOM": council,
                    "COLL_SIRET": siret,
                    "DELIB_ID": entry.reference,
                    "DELIB_DATE": data.starts_at[:10],
                    "DELIB_MATIERE_CODE": code,
                    "DELIB_MATIERE_NOM": actes.subject_name(code),
                    "DELIB_OBJET": _one_line(f"{entry.subject} : {entry.text}"),
                    "BUDGET_ANNEE": "",
                    "BUDGET_NOM": "",
                    "PREF_ID": "",
                    "PREF_DATE": "",
                    "VOTE_EFFECTIF": _number(
                        data.in_office if entry.votes_for is not None else None
                    ),
                    "VOTE_REEL": _number(entry.voters),
                    "VOTE_POUR": _number(entry.votes_for),
                    "VOTE_CONTRE": _number(entry.votes_against),
                    "VOTE_ABSTENTION": _number(entry.abstentions),
                    "DELIB_URL": published.url,
                }
            )
    return out


def csv_bytes(table: list[dict[str, str]]) -> bytes:
    """The file: header then rows, comma, quotes where needed, "\\r\\n" line ends (RFC 4180),
    UTF-8 without BOM."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue().encode("utf-8")
