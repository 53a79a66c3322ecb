"""The parts of a setup: settings, AI servers, connectors, database connections."""
