"""Chat: conversations, answers from the AI servers, their history, drafts and exports."""
