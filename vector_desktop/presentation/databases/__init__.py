"""The Databases panel's view-models and Qt models."""
