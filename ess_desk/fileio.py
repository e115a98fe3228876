"""Writing files so that no half-written file ever carries the final name."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ess_desk.errors import UserError
from ess_desk.failures import from_os_error
from ess_desk.i18n import _


@contextlib.contextmanager
def atomic_path(final: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `final`; on success it is renamed to `final`."""
    final = Path(final)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{final.stem}-", suffix=final.suffix, dir=final.parent)
        os.close(fd)
    except OSError as exc:
        raise from_os_error(exc, final) from exc
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise from_os_error(exc, final) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def ensure_folder(folder: Path | str) -> Path:
    """Create a folder (and its parents) for files to be written, or say why it cannot be."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            _("Impossible de créer le dossier {path} : {reason}.").format(
                path=folder, reason=exc.strerror or exc
            )
        ) from exc
    return folder
