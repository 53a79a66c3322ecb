"""Connectors in a setup: the Merge pack (its registered user and origin id, so connectors follow the person, and
the enable toggles of its connectors and tools) and the MCP servers (their settings, secret headers and environment
values from the keychain, OAuth sign-in, toggles). MCP servers are matched by name; their secrets go under the id
the server has here. The Merge settings themselves (MERGE_*) travel in the settings section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vector_desktop.domain.connectors import (
    MERGE_PREFIX,
    ConnectorStore,
    McpServerConfig,
    McpServerDraft,
    McpTransport,
    NamedValue,
    mcp_key,
    mcp_oauth_ref,
    mcp_secret_ref,
)
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

# The Merge feature's state keys (services/connectors/merge_service.py: USER_STATE, ORIGIN_STATE).
MERGE_STATES = (("merge.registered_user", "registered user"), ("merge.origin_user_id", "origin user id"))
MERGE_ITEM = "Merge pack"
OAUTH_PARTS = ("tokens", "client")
WHERE = (("headers", "header"), ("env", "env"))


def _toggles(value: Any, title: str) -> dict[str, bool]:
    if not isinstance(value, Mapping) or not all(isinstance(v, bool) for v in value.values()):
        raise broken(title, "a table of toggles is not a table of true/false values")
    return {str(k): v for k, v in value.items()}


class ConnectorsSection:
    name = "connectors"
    title = "Connectors"

    def __init__(self, store: ConnectorStore, secrets: SecretKeeper) -> None:
        self._store = store
        self._secrets = secrets

    # ---------------------------------------------------------------- reading this machine

    def _merge_here(self) -> dict[str, Any]:
        states = {key: self._store.get_state(key) or "" for key, _label in MERGE_STATES}
        connectors = {
            k.removeprefix(MERGE_PREFIX): v
            for k, v in self._store.connector_enabled_map().items()
            if k.startswith(MERGE_PREFIX)
        }
        tools = {
            f"{k.removeprefix(MERGE_PREFIX)}/{tool}": v
            for (k, tool), v in self._store.tool_enabled_map().items()
            if k.startswith(MERGE_PREFIX)
        }
        return {"states": states, "connectors_enabled": connectors, "tools_enabled": tools}

    def _mcp_here(self, server: McpServerConfig) -> dict[str, Any]:
        def values(where: str, named: tuple[NamedValue, ...]) -> list[dict[str, Any]]:
            return [
                {
                    "name": v.name,
                    "secret": v.secret,
                    "value": (self._secrets.get(mcp_secret_ref(server.id, where, v.name)) or "")
                    if v.secret
                    else v.value,
                }
                for v in named
            ]

        key = server.key
        return {
            "name": server.name,
            "transport": server.transport.value,
            "url": server.url,
            "headers": values("header", server.headers),
            "command": server.command,
            "args": list(server.args),
            "env": values("env", server.env),
            "cwd": server.cwd,
            "enabled": server.enabled,
            "use_oauth": server.use_oauth,
            "oauth": {part: self._secrets.get(mcp_oauth_ref(server.id, part)) or "" for part in OAUTH_PARTS},
            "connector_enabled": self._store.connector_enabled_map().get(key),
            "tools_enabled": {tool: v for (k, tool), v in self._store.tool_enabled_map().items() if k == key},
        }

    def export(self) -> dict[str, Any]:
        return {"merge": self._merge_here(), "mcp_servers": [self._mcp_here(s) for s in self._store.list_mcp_servers()]}

    # ---------------------------------------------------------------- reading the file

    def _merge_wanted(self, data: Mapping[str, Any]) -> dict[str, Any] | None:
        merge = data.get("merge") or {}
        if not isinstance(merge, Mapping):
            raise broken(self.title, "the Merge pack entry is not a table")
        states = merge.get("states") or {}
        if not isinstance(states, Mapping):
            raise broken(self.title, "the Merge pack's states are not a table")
        wanted: dict[str, Any] = {
            "states": {key: text(states, key, self.title) for key, _label in MERGE_STATES},
            "connectors_enabled": _toggles(merge.get("connectors_enabled") or {}, self.title),
            "tools_enabled": _toggles(merge.get("tools_enabled") or {}, self.title),
        }
        empty = not any(wanted["states"].values()) and not wanted["connectors_enabled"] and not wanted["tools_enabled"]
        return None if empty else wanted

    def _values(self, item: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        named = items_of(item, self.title, key)
        return [
            {
                "name": text(v, "name", self.title, required=True),
                "secret": flag(v, "secret", self.title, False),
                "value": text(v, "value", self.title),
            }
            for v in named
        ]

    def _mcp_wanted(self, data: Mapping[str, Any]) -> list[dict[str, Any]]:
        wanted = []
        for item in items_of(data, self.title, "mcp_servers"):
            name = text(item, "name", self.title, required=True).strip()
            try:
                transport = McpTransport(str(item.get("transport")))
            except ValueError:
                raise broken(self.title, f"the MCP server “{name}” has an unknown transport") from None
            args = item.get("args") or []
            if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
                raise broken(self.title, f"the arguments of “{name}” are not a list of texts")
            oauth = item.get("oauth") or {}
            if not isinstance(oauth, Mapping):
                raise broken(self.title, f"the sign-in of “{name}” is not a table")
            connector_enabled = item.get("connector_enabled")
            if connector_enabled is not None and not isinstance(connector_enabled, bool):
                raise broken(self.title, f"the toggle of “{name}” is not true or false")
            record: dict[str, Any] = {
                "name": name,
                "transport": transport.value,
                "url": text(item, "url", self.title).strip(),
                "headers": self._values(item, "headers"),
                "command": text(item, "command", self.title),
                "args": list(args),
                "env": self._values(item, "env"),
                "cwd": text(item, "cwd", self.title),
                "enabled": flag(item, "enabled", self.title, True),
                "use_oauth": flag(item, "use_oauth", self.title, False),
                "oauth": {part: text(oauth, part, self.title) for part in OAUTH_PARTS},
                "connector_enabled": connector_enabled,
                "tools_enabled": _toggles(item.get("tools_enabled") or {}, self.title),
            }
            wanted.append(record)
        unique_names([w["name"] for w in wanted], self.title)
        return wanted

    # ---------------------------------------------------------------- comparing

    def _merge_differences(self, here: Mapping[str, Any], wanted: Mapping[str, Any]) -> list[str]:
        pairs = {label: (here["states"][key], wanted["states"][key]) for key, label in MERGE_STATES}
        pairs["connector toggles"] = (
            {k: here["connectors_enabled"].get(k) for k in wanted["connectors_enabled"]},
            wanted["connectors_enabled"],
        )
        pairs["tool toggles"] = (
            {k: here["tools_enabled"].get(k) for k in wanted["tools_enabled"]},
            wanted["tools_enabled"],
        )
        return differing(pairs)

    @staticmethod
    def _mcp_differences(here: Mapping[str, Any], wanted: Mapping[str, Any]) -> list[str]:
        labels = {
            "name": "name",
            "transport": "transport",
            "url": "URL",
            "headers": "headers",
            "command": "command",
            "args": "arguments",
            "env": "environment",
            "cwd": "folder",
            "enabled": "enabled",
            "use_oauth": "sign-in",
            "tools_enabled": "tool toggles",
        }
        pairs = {label: (here[key], wanted[key]) for key, label in labels.items()}
        if wanted["connector_enabled"] is not None:
            pairs["toggle"] = (here["connector_enabled"], wanted["connector_enabled"])
        return differing(pairs)

    def plan(self, data: Mapping[str, Any]) -> list[SetupChange]:
        changes = []
        merge = self._merge_wanted(data)
        if merge is not None:
            here = self._merge_here()
            existing = any(here["states"].values()) or bool(here["connectors_enabled"] or here["tools_enabled"])
            changes.append(change(self.name, MERGE_ITEM, existing, self._merge_differences(here, merge)))
        servers = {s.name.casefold(): s for s in self._store.list_mcp_servers()}
        for item in self._mcp_wanted(data):
            server = servers.get(item["name"].casefold())
            differences = self._mcp_differences(self._mcp_here(server), item) if server is not None else []
            changes.append(change(self.name, f"MCP server {item['name']}", server is not None, differences))
        return changes

    # ---------------------------------------------------------------- writing

    def apply(self, data: Mapping[str, Any]) -> None:
        merge = self._merge_wanted(data)
        if merge is not None:
            self._apply_merge(merge)
        servers = {s.name.casefold(): s for s in self._store.list_mcp_servers()}
        for item in self._mcp_wanted(data):
            self._apply_mcp(servers.get(item["name"].casefold()), item)

    def _apply_merge(self, merge: Mapping[str, Any]) -> None:
        for key, _label in MERGE_STATES:
            if merge["states"][key]:
                self._store.set_state(key, merge["states"][key])
        for slug, enabled in merge["connectors_enabled"].items():
            self._store.set_connector_enabled(f"{MERGE_PREFIX}{slug}", enabled)
        for name, enabled in merge["tools_enabled"].items():
            slug, _sep, tool = name.partition("/")
            self._store.set_tools_enabled(f"{MERGE_PREFIX}{slug}", [tool], enabled)

    def _apply_mcp(self, server: McpServerConfig | None, item: Mapping[str, Any]) -> None:
        before = self._mcp_here(server) if server is not None else None
        if before is not None and not self._mcp_differences(before, item):
            return
        draft = McpServerDraft(
            name=item["name"],
            transport=McpTransport(item["transport"]),
            url=item["url"],
            headers=tuple(NamedValue(v["name"], v["value"], v["secret"]) for v in item["headers"]),
            command=item["command"],
            args=tuple(item["args"]),
            env=tuple(NamedValue(v["name"], v["value"], v["secret"]) for v in item["env"]),
            cwd=item["cwd"],
            enabled=item["enabled"],
            use_oauth=item["use_oauth"],
        )
        saved = self._store.add_mcp_server(draft) if server is None else self._store.update_mcp_server(server.id, draft)
        for key, where in WHERE:
            wanted = {v["name"] for v in item[key] if v["secret"]}
            for v in item[key]:
                if v["secret"]:
                    put_secret(self._secrets, mcp_secret_ref(saved.id, where, v["name"]), v["value"])
            for v in (before or {}).get(key, []):
                if v["secret"] and v["name"] not in wanted:
                    put_secret(self._secrets, mcp_secret_ref(saved.id, where, v["name"]), "")
        for part in OAUTH_PARTS:
            # A sign-in here is newer than the file's (refresh tokens rotate): the file's is used only when none is.
            if item["oauth"][part] and not (before or {}).get("oauth", {}).get(part):
                put_secret(self._secrets, mcp_oauth_ref(saved.id, part), item["oauth"][part])
        key = mcp_key(saved.id)
        if before is not None and (before["url"], before["command"]) != (item["url"], item["command"]):
            self._store.drop_cache(key)  # the tools listed were another server's
        if item["connector_enabled"] is not None:
            self._store.set_connector_enabled(key, item["connector_enabled"])
        for enabled in (True, False):
            names = [tool for tool, value in item["tools_enabled"].items() if value is enabled]
            self._store.set_tools_enabled(key, names, enabled)
