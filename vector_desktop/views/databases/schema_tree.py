"""The schema tree of the Databases panel: the selected connection's schemas as the tree's top level, the default
schema opened when it arrives, a node whose loading failed read again when opened, the filter box, a double click on
a table opening its rows in a new editor tab, and the tree's context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QStyle, QWidget

from vector_desktop.domain.databases import ConnectionConfig, TableKind
from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
from vector_desktop.presentation.databases.schema_model import (
    ConnectionIdRole,
    DefaultSchemaRole,
    NodeKind,
    NodeKindRole,
    SchemaColumn,
    SchemaNameRole,
    TableInfoRole,
)
from vector_desktop.views.forms.ui_databases_panel import Ui_DatabasesPanel


class SchemaTree(QObject):
    def __init__(
        self,
        ui: Ui_DatabasesPanel,
        view_model: DatabasesViewModel,
        selected: Callable[[], ConnectionConfig | None],
        new_editor: Callable[..., Any],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._ui = ui
        self._vm = view_model
        self._selected = selected
        self._new_editor = new_editor
        tree = ui.schemaTree
        tree.setModel(view_model.schema_proxy)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(SchemaColumn.NAME, header.ResizeMode.ResizeToContents)
        style = parent.style()
        view_model.schema.set_icons(
            {
                NodeKind.SCHEMA: style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
                TableKind.TABLE: style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                TableKind.VIEW: style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
                TableKind.MATERIALIZED_VIEW: style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
                TableKind.FOREIGN_TABLE: style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon),
            }
        )
        ui.schemaRefreshButton.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        ui.schemaFilter.textChanged.connect(self._filter_changed)
        ui.schemaRefreshButton.clicked.connect(self._refresh_schema)
        tree.doubleClicked.connect(self._tree_double_clicked)
        tree.expanded.connect(self._tree_expanded)
        tree.customContextMenuRequested.connect(self._tree_menu)
        view_model.schema_proxy.modelReset.connect(self.show_root)
        view_model.schema.children_loaded.connect(self._children_loaded)

    def show_root(self) -> None:
        config = self._selected()
        proxy = self._vm.schema_proxy
        if config is None:
            self._ui.schemaTree.setVisible(False)
            return
        self._ui.schemaTree.setVisible(True)
        root = proxy.mapFromSource(self._vm.schema.connection_index(config.id))
        if self._ui.schemaTree.rootIndex() != root:
            self._ui.schemaTree.setRootIndex(root)

    def _children_loaded(self, source_parent: QModelIndex) -> None:
        """Open the default schema (public, or the connection's database) when the schemas arrive."""
        if source_parent.data(NodeKindRole) is not NodeKind.CONNECTION:
            if self._ui.schemaFilter.text().strip() and source_parent.data(NodeKindRole) is NodeKind.SCHEMA:
                self._ui.schemaTree.expand(self._vm.schema_proxy.mapFromSource(source_parent))
            return
        schema = self._vm.schema
        for row in range(schema.rowCount(source_parent)):
            index = schema.index(row, 0, source_parent)
            if index.data(DefaultSchemaRole):
                self._ui.schemaTree.expand(self._vm.schema_proxy.mapFromSource(index))

    def _tree_expanded(self, index: QModelIndex) -> None:
        source = self._vm.schema_proxy.mapToSource(index)
        self._vm.schema.retry(source)  # a node whose loading failed tries again when opened

    def _filter_changed(self, text: str) -> None:
        config = self._selected()
        self._vm.set_schema_filter(text, config.id if config is not None else None)
        if text.strip():
            self._ui.schemaTree.expandToDepth(0)

    def _refresh_schema(self) -> None:
        config = self._selected()
        if config is not None:
            self._vm.refresh_schema(config.id)

    def _tree_double_clicked(self, index: QModelIndex) -> None:
        if index.data(NodeKindRole) is NodeKind.TABLE:
            self.open_table(index)
        elif self._ui.schemaTree.isExpanded(index):
            self._ui.schemaTree.collapse(index)
        else:
            self._ui.schemaTree.expand(index)

    def open_table(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        table = index.data(TableInfoRole)
        connection_id = index.data(ConnectionIdRole)
        if table is None or not isinstance(connection_id, int):
            return None
        tab = self._new_editor(connection_id, title=table.name)
        if tab is not None:
            tab.browse(str(index.data(SchemaNameRole)), table.name)
        return tab

    def _tree_menu(self, position: QPoint) -> None:
        index = self._ui.schemaTree.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(self._ui.schemaTree)
        if index.data(NodeKindRole) is NodeKind.TABLE:
            rows = menu.addAction(self.tr("Show the rows in a new tab"))
            rows.triggered.connect(lambda _checked=False: self.open_table(QPersistentModelIndex(index)))
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        copy = menu.addAction(self.tr("Copy the name"))
        copy.triggered.connect(lambda _checked=False: QGuiApplication.clipboard().setText(name))
        menu.popup(self._ui.schemaTree.viewport().mapToGlobal(position))
