"""The account menu's view-model (Google sign-in)."""
