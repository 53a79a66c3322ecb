"""Chat panel widgets: the conversation list, the message rows and the chat dialogs."""
