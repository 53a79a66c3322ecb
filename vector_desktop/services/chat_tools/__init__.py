"""Tools for the chat: the connectors' tools offered to the model and run under the tool-policy engine."""
