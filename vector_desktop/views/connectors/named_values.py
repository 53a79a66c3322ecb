"""Rows of name / value / secret for an MCP server's headers or environment variables.

A secret value is masked on screen and typed in a password field; a saved secret comes back with an empty value
(the keychain keeps it), shown as "kept in the keychain": leaving it empty keeps it, typing a value replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from vector_desktop.domain.connectors import NamedValue

NAME, VALUE, SECRET = 0, 1, 2
SAVED_ROLE = Qt.ItemDataRole.UserRole + 1  # True on the value of a secret the keychain already holds
MASK = "•" * 8


def _is_secret(index: QModelIndex | QPersistentModelIndex) -> bool:
    secret = index.sibling(index.row(), SECRET).data(Qt.ItemDataRole.CheckStateRole)
    return secret in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)


class _ValueDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if not _is_secret(index):
            return
        if option.text:  # type: ignore[attr-defined]
            option.text = MASK  # type: ignore[attr-defined]
        elif index.data(SAVED_ROLE):
            option.text = self.tr("kept in the keychain")  # type: ignore[attr-defined]
            option.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.PlaceholderText))  # type: ignore[attr-defined]

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and _is_secret(index):
            editor.setEchoMode(QLineEdit.EchoMode.Password)
            if index.data(SAVED_ROLE):
                editor.setPlaceholderText(self.tr("kept in the keychain; type to replace"))
        return editor


class NamedValuesEditor:
    """Drives a QTableWidget made in Designer: three columns, add and remove rows, read the values back."""

    def __init__(self, table: QTableWidget, name_title: str, value_title: str, secret_title: str) -> None:
        self.table = table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([name_title, value_title, secret_title])
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SECRET, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(NAME, 170)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._delegate = _ValueDelegate(table)
        table.setItemDelegateForColumn(VALUE, self._delegate)
        table.setMinimumHeight(96)

    def set_values(self, values: Iterable[NamedValue]) -> None:
        self.table.setRowCount(0)
        for value in values:
            self.add_row(value.name, value.value, value.secret, saved=value.secret and not value.value)

    def add_row(self, name: str = "", value: str = "", secret: bool = False, *, saved: bool = False) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        value_item = QTableWidgetItem(value)
        value_item.setData(SAVED_ROLE, saved)
        self.table.setItem(row, VALUE, value_item)
        secret_item = QTableWidgetItem()
        secret_item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        secret_item.setCheckState(Qt.CheckState.Checked if secret else Qt.CheckState.Unchecked)
        secret_item.setToolTip(self.table.tr("Keep this value in the system keychain, never on disk"))
        self.table.setItem(row, SECRET, secret_item)
        return row

    def add_empty_row(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, NAME)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def values(self) -> tuple[NamedValue, ...]:
        out: list[NamedValue] = []
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, NAME)
            value_item = self.table.item(row, VALUE)
            secret_item = self.table.item(row, SECRET)
            name = name_item.text().strip() if name_item is not None else ""
            if not name:
                continue
            value = value_item.text() if value_item is not None else ""
            secret = secret_item is not None and secret_item.checkState() == Qt.CheckState.Checked
            out.append(NamedValue(name, value, secret))
        return tuple(out)
