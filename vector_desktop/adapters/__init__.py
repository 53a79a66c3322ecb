"""Database adapters (the seed's names): postgresql.py (psycopg 3), mysql.py (PyMySQL), supabase.py (PostgREST
over HTTP, SQL through the PostgreSQL adapter). They implement the Qt-free ports of domain/databases.py.

`adapter_for` is the AdapterFactory the composition root hands to the databases service; each driver is imported
only when its kind is first used, so starting the app does not load psycopg, PyMySQL and httpx's HTTP/2 stack.
"""

from __future__ import annotations

from vector_desktop.domain.databases import DatabaseAdapter, DatabaseKind


def adapter_for(kind: DatabaseKind) -> DatabaseAdapter:
    if kind is DatabaseKind.POSTGRESQL:
        from vector_desktop.adapters.postgresql import PostgresAdapter

        return PostgresAdapter()
    if kind is DatabaseKind.MYSQL:
        from vector_desktop.adapters.mysql import MySqlAdapter

        return MySqlAdapter()
    if kind is DatabaseKind.SUPABASE:
        from vector_desktop.adapters.supabase import SupabaseAdapter

        return SupabaseAdapter()
    raise ValueError(f"no adapter for {kind!r}")
