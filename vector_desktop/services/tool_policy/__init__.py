"""The tool-policy engine (may the model run this tool now?), argument matchers and the JSON Lines audit log."""
