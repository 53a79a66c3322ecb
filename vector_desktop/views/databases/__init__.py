"""The Databases panel's widgets."""
