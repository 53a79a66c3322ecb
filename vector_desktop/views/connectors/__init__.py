"""Connectors: the Connectors panel and its dialogs."""
