"""View-models of the Export setup and Import setup dialogs."""
