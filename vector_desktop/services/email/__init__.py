"""Email through SMTP with an outbox: the message builder, the sender, the outbox worker and the façade."""
