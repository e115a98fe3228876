"""What the council file's first bytes say before SQLite opens it: empty, or shorter than its
own header says (an interrupted copy, a synchronisation tool, a full disk); and whether a crash
left a journal beside it for SQLite to play back.

Read at every opening (`ess_desk.store.database`); the refusals and the backup they offer are
`ess_desk.store.recovery`'s, loaded only when a file is refused.
"""

from __future__ import annotations

from pathlib import Path

from ess_desk.i18n import _, ngettext

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# The first bytes of a rollback journal that SQLite will play back (a "hot" journal).
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def human_size(size: int) -> str:
    """A file's size as a secretary reads it: « 0 octet », « 512 octets », « 48 Ko », « 1,9 Mo »."""
    if size < 1024:
        return ngettext("{size} octet", "{size} octets", size).format(size=size)
    if size < 1024 * 1024:
        return _("{size} Ko").format(size=round(size / 1024))
    value = f"{size / (1024 * 1024):.1f}"
    from ess_desk.i18n import language

    if language() == "fr":
        value = value.replace(".", ",")
    return _("{size} Mo").format(size=value)


def truncation(path: Path) -> str | None:
    """Why the file at `path` is empty or shorter than its own header says, else None."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            header = f.read(HEADER_SIZE)
    except OSError:
        return None
    if size == 0:
        return _(
            "Le fichier {path} est vide (0 octet) : ce n'est plus la base du conseil, mais un "
            "fichier vidé ou une copie interrompue (disque plein, outil de synchronisation). "
            "ESS Desk ne l'ouvre pas comme une nouvelle base."
        ).format(path=path)
    if not header.startswith(SQLITE_HEADER):
        return None  # not SQLite at all: said elsewhere ("n'est pas une base ESS Desk")
    if size < HEADER_SIZE:
        return _(
            "Le fichier {path} est tronqué : {size} seulement, pas même l'en-tête entier "
            "d'une base (copie interrompue, disque plein, outil de synchronisation)."
        ).format(path=path, size=human_size(size))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The size in the header counts only when the change counter matches "version-valid-for".
    valid = header[24:28] == header[92:96] and pages > 0
    if hot_journal(path) is not None or not valid or page_size < 512:
        return None  # a crash recovery will set the size right; older files do not say it
    expected = pages * page_size
    if size < expected:
        return _(
            "Le fichier {path} est tronqué : il fait {size} alors que son en-tête en annonce "
            "{expected} (copie interrompue, disque plein, outil de synchronisation)."
        ).format(path=path, size=human_size(size), expected=human_size(expected))
    return None


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def hot_journal(path: Path) -> Path | None:
    """The journal a crash left beside the database (SQLite plays it back at the next write
    access), or None."""
    journal = journal_path(path)
    try:
        with journal.open("rb") as f:
            start = f.read(len(JOURNAL_MAGIC))
    except OSError:
        return None
    return journal if start == JOURNAL_MAGIC else None
