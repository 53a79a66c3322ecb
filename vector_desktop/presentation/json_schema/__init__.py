"""JSON Schema for forms, shared by every feature that shows one (a tool's input, an elicitation, an approval):
the fields a schema describes, their paths, defaults and validation. Imports no feature package."""
