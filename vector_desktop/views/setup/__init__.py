"""The Export setup and Import setup dialogs."""
