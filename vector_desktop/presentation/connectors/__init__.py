"""Connectors: view-models and item models of the Connectors panel."""
