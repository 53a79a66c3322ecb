"""A tool result on screen: a table for a list of records, a JSON tree for anything else, plain text for text;
with Copy buttons (JSON, and tab-separated text for a table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.connectors.result_model import (
    JsonTreeModel,
    RecordsModel,
    json_text,
    records_of,
    records_tsv,
)

TABLE, TREE, TEXT = 0, 1, 2


class ResultView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.heading = QLabel(self.tr("Result"), self)
        bar.addWidget(self.heading)
        bar.addStretch(1)
        self.copy_table_button = QPushButton(self.tr("Copy as table"), self)
        self.copy_table_button.setToolTip(self.tr("Copy the rows as tab-separated text, for a spreadsheet"))
        self.copy_button = QPushButton(self.tr("Copy JSON"), self)
        self.copy_button.setToolTip(self.tr("Copy the whole result as JSON"))
        bar.addWidget(self.copy_table_button)
        bar.addWidget(self.copy_button)
        layout.addLayout(bar)
        self.stack = QStackedWidget(self)
        self.records = RecordsModel(self)
        self.table = QTableView(self.stack)
        self.table.setModel(self.records)
        self.table.setAccessibleName(self.tr("Result rows"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.tree_model = JsonTreeModel(self)
        self.tree = QTreeView(self.stack)
        self.tree.setModel(self.tree_model)
        self.tree.setAccessibleName(self.tr("Result as a tree"))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.text = QPlainTextEdit(self.stack)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Result text"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for page in (self.table, self.tree, self.text):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self._value: Any = None
        self._has_value = False
        self.copy_button.clicked.connect(self.copy_json)
        self.copy_table_button.clicked.connect(self.copy_table)
        self.clear()

    def clear(self) -> None:
        self._value = None
        self._has_value = False
        self.records.set_records([])
        self.tree_model.set_value(None)
        self.text.setPlainText("")
        self.stack.setCurrentIndex(TEXT)
        self.copy_button.setEnabled(False)
        self.copy_table_button.setVisible(False)

    def set_value(self, value: Any) -> None:
        self._value = value
        self._has_value = True
        self.copy_button.setEnabled(True)
        rows = records_of(value)
        if rows is not None:
            self.records.set_records(rows)
            self.stack.setCurrentIndex(TABLE)
            self.table.resizeColumnsToContents()
            for column in range(self.records.columnCount()):
                if self.table.columnWidth(column) > 320:
                    self.table.setColumnWidth(column, 320)
        elif isinstance(value, dict | list):
            self.tree_model.set_value(value)
            self.stack.setCurrentIndex(TREE)
            self.tree.expandToDepth(0)
            self.tree.resizeColumnToContents(0)
        else:
            self.text.setPlainText(json_text(value))
            self.stack.setCurrentIndex(TEXT)
        self.copy_table_button.setVisible(rows is not None)

    @property
    def mode(self) -> str:
        """ "table", "tree" or "text" (what is shown now)."""
        return ("table", "tree", "text")[self.stack.currentIndex()]

    def value(self) -> Any:
        return self._value

    def copy_json(self) -> None:
        if self._has_value:
            QGuiApplication.clipboard().setText(json_text(self._value))

    def copy_table(self) -> None:
        rows = records_of(self._value)
        if rows is not None:
            QGuiApplication.clipboard().setText(records_tsv(rows))
