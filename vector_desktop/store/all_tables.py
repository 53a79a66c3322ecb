"""Imports every table module so Base.metadata knows all tables (Alembic, schema tests). One line per area."""

import vector_desktop.store.tables
import vector_desktop.store.tables_account
import vector_desktop.store.tables_chat
import vector_desktop.store.tables_connectors
import vector_desktop.store.tables_databases
import vector_desktop.store.tables_email
import vector_desktop.store.tables_servers
import vector_desktop.store.tables_storage
import vector_desktop.store.tables_tool_policy  # noqa: F401
