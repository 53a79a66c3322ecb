"""Tool policy in the GUI: the approver that asks the user, and what the Permissions tab shows."""
