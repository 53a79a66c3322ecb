"""Choose the tools a conversation offers the model: a checkable list per connector."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from vector_desktop.domain.tools import ToolGroup

NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class ToolsChooserDialog(QDialog):
    def __init__(self, groups: Sequence[ToolGroup], chosen: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tools for this conversation"))
        self.setAccessibleName(self.tr("Choose tools"))
        self.resize(460, 480)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The model is offered only the tools you check, in this conversation."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Tools"))
        layout.addWidget(self.tree, 1)
        chosen_names = set(chosen)
        for group in groups:
            top = QTreeWidgetItem(self.tree, [group.name])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            for spec in group.tools:
                item = QTreeWidgetItem(top, [spec.display_title])
                item.setToolTip(0, "\n".join(p for p in (spec.qualified_name, spec.description) if p))
                item.setData(0, NAME_ROLE, spec.qualified_name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = spec.qualified_name in chosen_names
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            top.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def items(self) -> list[QTreeWidgetItem]:
        root = self.tree.invisibleRootItem()
        groups = [root.child(g) for g in range(root.childCount())]
        items = [group.child(t) for group in groups if group is not None for t in range(group.childCount())]
        return [item for item in items if item is not None]

    def item_for(self, qualified_name: str) -> QTreeWidgetItem | None:
        return next((i for i in self.items() if i.data(0, NAME_ROLE) == qualified_name), None)

    def chosen(self) -> list[str]:
        return [str(i.data(0, NAME_ROLE)) for i in self.items() if i.checkState(0) == Qt.CheckState.Checked]
