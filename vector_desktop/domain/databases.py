"""The databases vocabulary in one import, for the many modules that use several parts of it. Each part lives in a
module of its own:

- `db_connections`: a saved connection, its key (`db:<id>`) and keychain entries, drafts, parameters, test reports;
- `db_schema`: schemas, tables, columns, keys and indexes as introspected;
- `db_sessions`: the ports the adapters implement (adapter, session, cursor) and a statement's run;
- `db_errors`: errors with sentences for the user;
- `db_store`: the port the store implements (connections, history, saved queries).
"""

from __future__ import annotations

from vector_desktop.domain.db_connections import DB_PREFIX as DB_PREFIX
from vector_desktop.domain.db_connections import DEFAULT_CONNECTION_ID as DEFAULT_CONNECTION_ID
from vector_desktop.domain.db_connections import DEFAULT_CONNECTION_NAME as DEFAULT_CONNECTION_NAME
from vector_desktop.domain.db_connections import ColorTag as ColorTag
from vector_desktop.domain.db_connections import ConnectionConfig as ConnectionConfig
from vector_desktop.domain.db_connections import ConnectionDraft as ConnectionDraft
from vector_desktop.domain.db_connections import ConnectionParams as ConnectionParams
from vector_desktop.domain.db_connections import DatabaseKind as DatabaseKind
from vector_desktop.domain.db_connections import TestReport as TestReport
from vector_desktop.domain.db_connections import TlsMode as TlsMode
from vector_desktop.domain.db_connections import db_connection_id as db_connection_id
from vector_desktop.domain.db_connections import db_key as db_key
from vector_desktop.domain.db_connections import db_secret_ref as db_secret_ref
from vector_desktop.domain.db_errors import AuthenticationFailedError as AuthenticationFailedError
from vector_desktop.domain.db_errors import ConnectionNotFoundError as ConnectionNotFoundError
from vector_desktop.domain.db_errors import ConnectionValidationError as ConnectionValidationError
from vector_desktop.domain.db_errors import CopyNotPossibleError as CopyNotPossibleError
from vector_desktop.domain.db_errors import DatabaseError as DatabaseError
from vector_desktop.domain.db_errors import QueryCancelledError as QueryCancelledError
from vector_desktop.domain.db_errors import QueryError as QueryError
from vector_desktop.domain.db_errors import QueryTimeoutError as QueryTimeoutError
from vector_desktop.domain.db_errors import ReadOnlyViolationError as ReadOnlyViolationError
from vector_desktop.domain.db_errors import ServerUnreachableError as ServerUnreachableError
from vector_desktop.domain.db_errors import SqlNotAvailableError as SqlNotAvailableError
from vector_desktop.domain.db_errors import TlsRequiredError as TlsRequiredError
from vector_desktop.domain.db_errors import TooManyConnectionsError as TooManyConnectionsError
from vector_desktop.domain.db_errors import UnknownDatabaseError as UnknownDatabaseError
from vector_desktop.domain.db_schema import ColumnInfo as ColumnInfo
from vector_desktop.domain.db_schema import ForeignKeyInfo as ForeignKeyInfo
from vector_desktop.domain.db_schema import IndexInfo as IndexInfo
from vector_desktop.domain.db_schema import SchemaInfo as SchemaInfo
from vector_desktop.domain.db_schema import TableDetail as TableDetail
from vector_desktop.domain.db_schema import TableInfo as TableInfo
from vector_desktop.domain.db_schema import TableKind as TableKind
from vector_desktop.domain.db_sessions import AdapterFactory as AdapterFactory
from vector_desktop.domain.db_sessions import DatabaseAdapter as DatabaseAdapter
from vector_desktop.domain.db_sessions import DatabaseSession as DatabaseSession
from vector_desktop.domain.db_sessions import QueryCursor as QueryCursor
from vector_desktop.domain.db_sessions import QueryRun as QueryRun
from vector_desktop.domain.db_sessions import ResultColumn as ResultColumn
from vector_desktop.domain.db_store import ConnectionStore as ConnectionStore
from vector_desktop.domain.db_store import HistoryEntry as HistoryEntry
from vector_desktop.domain.db_store import SavedQuery as SavedQuery
from vector_desktop.domain.db_store import TestOutcome as TestOutcome
