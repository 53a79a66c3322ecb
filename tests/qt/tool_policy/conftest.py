"""Fixtures of the tool-policy GUI tests: the real connectors service (the MCP tool server comes from the root
conftest's plugins)."""

from tests.support.connectors import connectors_rig, open_connectors  # noqa: F401
