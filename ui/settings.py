"""What the application remembers between runs (QSettings): language, last database, window state."""

from __future__ import annotations

from pathlib import Path

from ui.qt import QByteArray, QSettings

ORGANISATION = "ESS Desk"
APPLICATION = "ESS Desk"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
DEFAULT_BACKUPS_KEEP = 10


class AppSettings:
    """A thin, typed wrapper over QSettings: one place names every key the window uses."""

    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings if qsettings is not None else QSettings()

    def _set(self, key: str, value: object) -> None:
        """Write `key` only when its value changes: QSettings rewrites (and syncs to disk) its whole
        file after any setValue, which every start and close of the window paid for nothing."""
        current = self._s.value(key)
        if isinstance(value, QByteArray) and isinstance(current, bytes | bytearray):
            current = QByteArray(bytes(current))
        if current is None or type(current) is not type(value) or current != value:
            self._s.setValue(key, value)

    # -- preferences -------------------------------------------------------------------------
    def language(self) -> str:
        value = str(self._s.value("language", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, code: str) -> None:
        self._set("language", code if code in LANGUAGES else DEFAULT_LANGUAGE)

    def backups_keep(self) -> int:
        try:
            return max(1, int(str(self._s.value("backups_keep", DEFAULT_BACKUPS_KEEP))))
        except (TypeError, ValueError):
            return DEFAULT_BACKUPS_KEEP

    def set_backups_keep(self, count: int) -> None:
        self._set("backups_keep", max(1, int(count)))

    # -- databases ---------------------------------------------------------------------------
    def last_database(self) -> Path | None:
        value = self._s.value("last_database", "")
        return Path(str(value)) if value else None

    def set_last_database(self, path: Path) -> None:
        self._set("last_database", str(Path(path).resolve()))

    # -- window ------------------------------------------------------------------------------
    def last_page(self) -> str:
        return str(self._s.value("window/last_page", "") or "")

    def set_last_page(self, key: str) -> None:
        self._set("window/last_page", key)

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_window_geometry(self, data: QByteArray) -> None:
        self._set("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self._set("window/state", data)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, data: QByteArray) -> None:
        self._set(f"splitters/{name}", data)

    def sync(self) -> None:
        self._s.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None
