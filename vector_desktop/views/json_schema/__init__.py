"""The form for a JSON Schema (a tool's input, an elicitation, an approval's arguments), shared by every feature that
shows one. Imports no feature package."""
