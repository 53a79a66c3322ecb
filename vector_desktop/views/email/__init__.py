"""The email feature's dialogs: compose a message, and the outbox."""
