"""Tool policy widgets: the approval dialog and the Connectors panel's Permissions tab."""
