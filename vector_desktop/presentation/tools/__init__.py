"""The one tool registry in the GUI, shared by the chat, the connectors and the tool policy: the tool list and
run-history models, the registry's events as Qt signals, and the approver that asks the user. Imports no feature
package."""
