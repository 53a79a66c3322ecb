"""Tool policy in the GUI: what the Permissions tab shows."""
