"""A person's file for an access request written as JSON or PDF, by the file's extension: the
data collected by ess_desk.privacy.person_file, rendered by it (JSON) or by
ess_desk.documents.person_file_pdf (PDF)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.privacy.person_file import collect, write_json

if TYPE_CHECKING:
    from sqlite_utils import Database


def export(
    db: Database,
    person_id: int,
    path: Path | str,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the person's file as JSON or PDF, by the extension of `path`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise UserError(
            _("Format inconnu pour {path} : choisissez un fichier .json ou .pdf.").format(
                path=path.name
            ),
            field="output",
        )
    pf = collect(db, person_id, progress, as_stored=suffix == ".json")
    if suffix == ".json":
        return write_json(pf, path)
    from ess_desk.documents import person_file_pdf

    return person_file_pdf.build(pf, path)
