"""Typed options over QSettings: what the window remembers between runs (per user, not per store)."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings


class Options:
    def __init__(self, settings: QSettings | None = None):
        self._s = settings or QSettings()

    def _get(self, key: str, default, kind):
        value = self._s.value(key, default)
        if kind is bool and isinstance(value, str):
            return value.lower() == "true"
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    @property
    def language(self) -> str:
        """ "system", "en" or "fr"."""
        return self._get("ui/language", "system", str)

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def last_view(self) -> str:
        return self._get("ui/last_view", "dashboard", str)

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._s.setValue("ui/last_view", value)

    @property
    def dashboard_horizon_days(self) -> int:
        return self._get("dashboard/horizon_days", 90, int)

    @dashboard_horizon_days.setter
    def dashboard_horizon_days(self, value: int) -> None:
        self._s.setValue("dashboard/horizon_days", value)

    @property
    def last_store(self) -> str:
        return self._get("store/last_path", "", str)

    @last_store.setter
    def last_store(self, value: str) -> None:
        self._s.setValue("store/last_path", value)

    @property
    def team_server(self) -> dict:
        """Where the team server is and who logs in (desktop/team_server.py); never the
        password, which is in the system's keyring."""
        value = self._s.value("team_server/account", "")
        try:
            found = json.loads(value) if isinstance(value, str) and value else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    @team_server.setter
    def team_server(self, value: dict) -> None:
        self._s.setValue("team_server/account", json.dumps(value) if value else "")

    def state(self, key: str) -> QByteArray | None:
        """Saved geometry, splitter or header state of a window part."""
        value = self._s.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self._s.sync()
