"""Databases: saved connections and DATABASE_URL, pooled sessions, queries, history, export job (the service
behind domain/databases_api.py)."""
