"""The email feature's view-models: the outbox (a table model that updates live) and the compose form."""
