"""The command line's answer when a tool call needs the user's approval: `--yes` allows it once, otherwise it is
refused with a reason the caller prints."""

from __future__ import annotations

from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest, GrantScope

RUN_WITH_YES = "run with --yes to allow"


class CommandLineApprover:
    """Implements domain.tool_policy.Approver for `vector-desktop ask --tools [--yes]`."""

    def __init__(self, yes: bool) -> None:
        self.yes = yes
        self.refusals: dict[str, str] = {}  # qualified tool name → why it was refused (the last time)

    async def ask(self, request: ApprovalRequest) -> ApprovalAnswer:
        if self.yes:
            return ApprovalAnswer(True, GrantScope.ONCE)
        self.refusals[request.spec.qualified_name] = self.reason(request)
        return ApprovalAnswer(False)

    @staticmethod
    def reason(request: ApprovalRequest) -> str:
        """Why the call was refused, for the line the command prints: 'ask; run with --yes to allow'."""
        return f"ask; {RUN_WITH_YES}"
