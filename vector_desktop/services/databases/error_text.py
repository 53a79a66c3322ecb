"""One line for a database error: the sentence, then the server's own words and where it pointed, when they add
something (for the command line's stderr and the history's error column)."""

from __future__ import annotations

from vector_desktop.domain.databases import DatabaseError


def _one_line(text: str) -> str:
    return " ".join(text.split())


def error_line(error: BaseException) -> str:
    if not isinstance(error, DatabaseError):
        return _one_line(str(error)) or type(error).__name__
    line = _one_line(str(error))
    server = _one_line(error.server_message)
    if server and server.casefold() not in line.casefold():
        line = f"{line[:-1]}: {server}" if line.endswith(".") else f"{line} ({server})"
    where = []
    if error.line is not None and f"line {error.line}" not in line:
        where.append(f"line {error.line}")
    if error.column is not None and where:
        where.append(f"column {error.column}")
    if where:
        line = f"{line.rstrip('.')} (at {', '.join(where)})"
    return line if line.endswith((".", "!", "?")) else line + "."
