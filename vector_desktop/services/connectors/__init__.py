"""Connectors: Merge Agent Handler and MCP servers (sessions, tool specs, the service behind the façade)."""
