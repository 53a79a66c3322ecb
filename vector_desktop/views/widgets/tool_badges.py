"""A tool's annotations (read-only, destructive, ...) as coloured chips, for rich-text labels (the Connectors
panel's tool details, the approval dialog)."""

from __future__ import annotations

from vector_desktop.domain.tools import ToolSpec

_BADGE_STYLE = {
    "read-only": ("#e0f2fe", "#075985"),
    "destructive": ("#fee2e2", "#991b1b"),
    "idempotent": ("#ecfccb", "#3f6212"),
    "open-world": ("#f3e8ff", "#6b21a8"),
}


def badges_html(spec: ToolSpec) -> str:
    chips = []
    for word in spec.annotations.badges():
        background, colour = _BADGE_STYLE.get(word, ("#e5e7eb", "#374151"))
        chips.append(f'<span style="background:{background}; color:{colour};">&nbsp;{word}&nbsp;</span>')
    if not spec.enabled:
        chips.append('<span style="background:#e5e7eb; color:#374151;">&nbsp;disabled&nbsp;</span>')
    return " ".join(chips)
