"""Chat as the user sees it: the conversation list, the transcript and the composer, for Qt views."""
