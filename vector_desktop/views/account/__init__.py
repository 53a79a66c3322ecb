"""The account button (menu bar corner) and the sign-in dialog."""
