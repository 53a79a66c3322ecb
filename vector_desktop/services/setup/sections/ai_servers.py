"""AI servers in a setup: name, base URL, enabled, and the API key from the keychain. Matched by name; an imported
key goes to this machine's keychain under the server's id here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vector_desktop.domain.ai_servers import AIServer, ServerStore
from vector_desktop.domain.setup_transfer import SetupChange
from vector_desktop.services.setup.sections.common import (
    SecretKeeper,
    broken,
    change,
    differing,
    flag,
    items_of,
    put_secret,
    text,
    unique_names,
)


class AIServersSection:
    name = "ai_servers"
    title = "AI servers"

    def __init__(self, servers: ServerStore, secrets: SecretKeeper) -> None:
        self._servers = servers
        self._secrets = secrets

    def _key_of(self, server: AIServer) -> str:
        return (self._secrets.get(server.key_ref) or "") if server.has_key else ""

    def export(self) -> dict[str, Any]:
        items = [
            {"name": s.name, "base_url": s.base_url, "enabled": s.enabled, "api_key": self._key_of(s)}
            for s in self._servers.list_servers()
        ]
        return {"items": items}

    def _wanted(self, data: Mapping[str, Any]) -> list[dict[str, Any]]:
        wanted = []
        for item in items_of(data, self.title):
            name = text(item, "name", self.title, required=True).strip()
            if "/" in name:
                raise broken(self.title, f"the server name “{name}” contains “/”")
            base_url = text(item, "base_url", self.title, required=True).strip()
            if not base_url.lower().startswith(("http://", "https://")):
                raise broken(self.title, f"the address of “{name}” is not an http(s) address")
            record: dict[str, Any] = {
                "name": name,
                "base_url": base_url.rstrip("/"),
                "enabled": flag(item, "enabled", self.title, True),
                "api_key": text(item, "api_key", self.title).strip(),
            }
            wanted.append(record)
        unique_names([w["name"] for w in wanted], self.title)
        return wanted

    def _by_name(self) -> dict[str, AIServer]:
        return {s.name.casefold(): s for s in self._servers.list_servers()}

    def plan(self, data: Mapping[str, Any]) -> list[SetupChange]:
        here = self._by_name()
        changes = []
        for item in self._wanted(data):
            server = here.get(item["name"].casefold())
            differences = self._differences(server, item) if server is not None else []
            changes.append(change(self.name, item["name"], server is not None, differences))
        return changes

    def _differences(self, server: AIServer, item: Mapping[str, Any]) -> list[str]:
        return differing(
            {
                "name": (server.name, item["name"]),
                "base URL": (server.base_url, item["base_url"]),
                "enabled": (server.enabled, item["enabled"]),
                "API key": (self._key_of(server), item["api_key"]),
            }
        )

    def apply(self, data: Mapping[str, Any]) -> None:
        here = self._by_name()
        for item in self._wanted(data):
            has_key = bool(item["api_key"])
            server = here.get(item["name"].casefold())
            if server is None:
                server = self._servers.add_server(
                    item["name"], item["base_url"], has_key=has_key, enabled=item["enabled"]
                )
            elif not self._differences(server, item):
                continue
            else:
                server = self._servers.update_server(
                    server.id, name=item["name"], base_url=item["base_url"], has_key=has_key, enabled=item["enabled"]
                )
            put_secret(self._secrets, server.key_ref, item["api_key"])
