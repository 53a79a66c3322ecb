"""The schema tree: connection → schemas → tables and views → columns, each level loaded from the service the first
time it is expanded (canFetchMore / fetchMore start a task; the rows arrive when it ends, the GUI never waits)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon

from vector_desktop.domain.databases import (
    ColumnInfo,
    ConnectionConfig,
    DatabaseError,
    SchemaInfo,
    TableDetail,
    TableInfo,
    TableKind,
)
from vector_desktop.presentation.table_model import AnyIndex
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)
MAX_SCHEMAS_FILTERED = 50
DETAIL_COLOUR = QColor("#8a8f98")
ERROR_COLOUR = QColor("#c62828")  # filtering loads the table lists of at most this many schemas of a connection


class SchemaLoader(Protocol):
    """What the tree needs of the service (DatabasesApi has these)."""

    async def schemas(self, connection_id: int) -> list[SchemaInfo]: ...

    async def tables(self, connection_id: int, schema: str) -> list[TableInfo]: ...

    async def describe(self, connection_id: int, schema: str, table: str) -> TableDetail: ...


class NodeKind(enum.IntEnum):
    CONNECTION = 0
    SCHEMA = 1
    TABLE = 2
    COLUMN = 3


class SchemaColumn(enum.IntEnum):
    NAME = 0
    DETAIL = 1  # a column's type, a table's estimated rows


NodeKindRole = Qt.ItemDataRole.UserRole + 1
ConnectionIdRole = Qt.ItemDataRole.UserRole + 2
SchemaNameRole = Qt.ItemDataRole.UserRole + 3
TableInfoRole = Qt.ItemDataRole.UserRole + 4  # TableInfo of a table node
ColumnInfoRole = Qt.ItemDataRole.UserRole + 5
LoadingRole = Qt.ItemDataRole.UserRole + 6
ErrorRole = Qt.ItemDataRole.UserRole + 7  # why loading the children failed ("" when it did not)
DefaultSchemaRole = Qt.ItemDataRole.UserRole + 8  # public / the connection's database


def _tr(text: str) -> str:
    return QCoreApplication.translate("SchemaModel", text)


def rows_text(estimate: int | None) -> str:
    """ "≈ 1.2k rows" from the server's estimate ("" when unknown)."""
    if estimate is None or estimate < 0:
        return ""
    if estimate < 1000:
        amount = str(estimate)
    elif estimate < 1_000_000:
        amount = f"{estimate / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    else:
        amount = f"{estimate / 1_000_000:.1f}".rstrip("0").rstrip(".") + "M"
    return _tr("≈ %1 rows").replace("%1", amount) if estimate != 1 else _tr("≈ 1 row")


class _Node:
    __slots__ = ("alive", "children", "error", "kind", "loaded", "loading", "name", "parent", "payload")

    def __init__(self, kind: NodeKind, name: str, parent: _Node | None, payload: Any = None) -> None:
        self.kind = kind
        self.name = name
        self.parent = parent
        self.payload = payload  # ConnectionConfig, SchemaInfo, TableInfo or ColumnInfo
        self.children: list[_Node] = []
        self.loaded = kind is NodeKind.COLUMN
        self.loading = False
        self.error = ""
        self.alive = True

    @property
    def connection_id(self) -> int:
        node: _Node | None = self
        while node is not None and node.kind is not NodeKind.CONNECTION:
            node = node.parent
        return node.payload.id if node is not None else -1

    @property
    def schema(self) -> str:
        node: _Node | None = self
        while node is not None and node.kind is not NodeKind.SCHEMA:
            node = node.parent
        return node.name if node is not None else ""

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0

    def kill(self) -> None:
        self.alive = False
        for child in self.children:
            child.kill()


class SchemaModel(QAbstractItemModel):
    load_failed = Signal(str)  # the sentence of a failed load
    children_loaded = Signal(QModelIndex)  # a node's children just arrived

    def __init__(self, loader: SchemaLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._root = _Node(NodeKind.CONNECTION, "", None)
        self._root.loaded = True
        self._tasks = TaskOwner(self._task_failed)
        self._icons: dict[Any, QIcon] = {}

    def set_icons(self, icons: dict[Any, QIcon]) -> None:
        """Decorations by NodeKind, or by TableKind for tables (the view owns the style they come from)."""
        self._icons = dict(icons)

    def close(self) -> None:
        self._tasks.cancel_all()

    # -- connections (the top level)
    def set_connections(self, connections: Sequence[ConnectionConfig]) -> None:
        """Keep the loaded trees of connections that stay; a changed list of ids resets the model."""
        nodes = self._root.children
        if [config.id for config in connections] == [node.payload.id for node in nodes]:
            for row, config in enumerate(connections):
                if config != nodes[row].payload:
                    nodes[row].payload = config
                    nodes[row].name = config.name
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(SchemaColumn) - 1))
            return
        kept = {node.payload.id: node for node in nodes}
        self.beginResetModel()
        fresh: list[_Node] = []
        for config in connections:
            node = kept.pop(config.id, None) or _Node(NodeKind.CONNECTION, config.name, self._root, config)
            node.payload = config
            node.name = config.name
            fresh.append(node)
        for gone in kept.values():
            gone.kill()
        self._root.children = fresh
        self.endResetModel()

    def connection_index(self, connection_id: int) -> QModelIndex:
        for row, node in enumerate(self._root.children):
            if node.payload.id == connection_id:
                return self.createIndex(row, 0, node)
        return QModelIndex()

    def reload(self, connection_id: int) -> None:
        """Forget what was loaded under the connection and load its schemas again."""
        index = self.connection_index(connection_id)
        if not index.isValid():
            return
        node = self._node(index)
        if node.loading:
            return
        if node.children:
            self.beginRemoveRows(index, 0, len(node.children) - 1)
            for child in node.children:
                child.kill()
            node.children = []
            self.endRemoveRows()
        node.loaded = False
        node.error = ""
        self.fetchMore(index)

    def load_tables_of_loaded_schemas(self, connection_id: int) -> None:
        """For the filter: the table lists of the connection's schemas (columns stay lazy)."""
        index = self.connection_index(connection_id)
        if not index.isValid():
            return
        for row, schema in enumerate(self._node(index).children[:MAX_SCHEMAS_FILTERED]):
            if not schema.loaded and not schema.loading and not schema.error:
                self.fetchMore(self.createIndex(row, 0, schema))

    def retry(self, index: AnyIndex) -> None:
        """Load a node's children again after a failure."""
        node = self._node(index)
        if index.isValid() and node.error and not node.loading:
            node.error = ""
            self._changed(node)
            self.fetchMore(index)

    # -- reading
    def _node(self, index: AnyIndex) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def _index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def node_kind(self, index: AnyIndex) -> NodeKind | None:
        return self._node(index).kind if index.isValid() else None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(SchemaColumn)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        if node.children:
            return True
        return not node.loaded and node.kind is not NodeKind.COLUMN

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return parent.isValid() and not node.loaded and not node.loading and not node.error

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        node = self._node(parent)
        node.loading = True
        self._changed(node)
        self._tasks.start(self._load(node), f"schema-{node.kind.name.lower()}")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {SchemaColumn.NAME: _tr("Name"), SchemaColumn.DETAIL: _tr("Type")}.get(SchemaColumn(section))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = SchemaColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return node.name if column is SchemaColumn.NAME else self._detail(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.ForegroundRole and column is SchemaColumn.DETAIL:
            return ERROR_COLOUR if node.error else DETAIL_COLOUR
        if role == Qt.ItemDataRole.DecorationRole and column is SchemaColumn.NAME:
            key = node.payload.kind if node.kind is NodeKind.TABLE else node.kind
            return self._icons.get(key)
        if role == NodeKindRole:
            return node.kind
        if role == ConnectionIdRole:
            return node.connection_id
        if role == SchemaNameRole:
            return node.schema
        if role == TableInfoRole:
            return node.payload if node.kind is NodeKind.TABLE else None
        if role == ColumnInfoRole:
            return node.payload if node.kind is NodeKind.COLUMN else None
        if role == DefaultSchemaRole:
            return node.kind is NodeKind.SCHEMA and bool(node.payload.is_default)
        if role == LoadingRole:
            return node.loading
        if role == ErrorRole:
            return node.error
        return None

    def _detail(self, node: _Node) -> str:
        if node.loading:
            return _tr("Loading…")
        if node.error:
            return _tr("Could not load")
        if node.kind is NodeKind.TABLE:
            table: TableInfo = node.payload
            kind = "" if table.kind is TableKind.TABLE else _tr(table.kind.value)
            return " · ".join(part for part in (kind, rows_text(table.estimated_rows)) if part)
        if node.kind is NodeKind.COLUMN:
            column: ColumnInfo = node.payload
            text = column.type
            if column.primary_key:
                text += " · " + _tr("primary key")
            elif not column.nullable:
                text += " · " + _tr("not null")
            return text
        return ""

    def _tooltip(self, node: _Node) -> str:
        if node.error:
            return node.error
        if node.kind is NodeKind.CONNECTION:
            config: ConnectionConfig = node.payload
            return f"{config.name}\n{config.display_target()}"
        if node.kind is NodeKind.TABLE:
            table: TableInfo = node.payload
            lines = [f"{table.schema}.{table.name}", _tr(table.kind.value)]
            estimate = rows_text(table.estimated_rows)
            if estimate:
                lines.append(estimate)
            if table.comment:
                lines.append(table.comment)
            return "\n".join(lines)
        if node.kind is NodeKind.COLUMN:
            column: ColumnInfo = node.payload
            lines = [f"{column.name} {column.type}", _tr("nullable") if column.nullable else _tr("not null")]
            if column.primary_key:
                lines.append(_tr("primary key"))
            if column.default is not None:
                lines.append(_tr("default %1").replace("%1", column.default))
            if column.comment:
                lines.append(column.comment)
            return "\n".join(lines)
        return node.name

    # -- loading
    async def _load(self, node: _Node) -> None:
        try:
            children = await self._children_of(node)
        except DatabaseError as error:
            node.loading = False
            if node.alive:
                node.error = str(error)
                self._changed(node)
                self.load_failed.emit(str(error))
            return
        except Exception:
            node.loading = False
            node.error = _tr("The schema could not be read; the log has the details.")
            self._changed(node)
            raise
        except BaseException:  # cancelled (closing)
            node.loading = False
            raise
        node.loading = False
        if not node.alive:
            return
        node.loaded = True
        index = self._index_of(node)
        if children:
            self.beginInsertRows(index, 0, len(children) - 1)
            node.children = children
            self.endInsertRows()
        self._changed(node)
        self.children_loaded.emit(index)

    async def _children_of(self, node: _Node) -> list[_Node]:
        if node.kind is NodeKind.CONNECTION:
            schemas = await self._loader.schemas(node.payload.id)
            return [_Node(NodeKind.SCHEMA, schema.name, node, schema) for schema in schemas]
        if node.kind is NodeKind.SCHEMA:
            tables = await self._loader.tables(node.connection_id, node.name)
            return [_Node(NodeKind.TABLE, table.name, node, table) for table in tables]
        detail = await self._loader.describe(node.connection_id, node.schema, node.name)
        return [_Node(NodeKind.COLUMN, column.name, node, column) for column in detail.columns]

    def _changed(self, node: _Node) -> None:
        if node.alive and node is not self._root and node.parent is not None:
            row = node.row()
            self.dataChanged.emit(self.createIndex(row, 0, node), self.createIndex(row, len(SchemaColumn) - 1, node))

    def _task_failed(self, error: BaseException) -> None:
        log.error("loading the schema tree failed", exc_info=error)
        self.load_failed.emit(_tr("The schema could not be read; the log has the details."))
