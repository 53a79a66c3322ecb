"""Fixtures of the Connectors panel tests: the real service, the MCP tool server, the panel harness."""

from tests.qt.connectors.panel_harness import make_panel  # noqa: F401
from tests.support.connectors import connectors_rig, open_connectors  # noqa: F401
from tests.support.fixtures_mcp import mcp_http_server, mcp_stdio_command, mcp_tool_server  # noqa: F401
from tests.support.fixtures_merge import merge_server  # noqa: F401
