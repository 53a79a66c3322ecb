"""Setup export and import: the service, the sealed file, one module per section."""
