"""Storage state in the local store: multipart uploads to resume, and the presigned links issued.

Implements the UploadStateStore and LinkLog ports of vector_desktop.domain.storage. Every method opens its own
short session and commits before returning (upload parts are written from worker threads, one per part).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload, sessionmaker

from vector_desktop.domain.storage import IssuedLink, UploadRecord
from vector_desktop.store.tables_storage import IssuedLinkRow, StorageUploadPartRow, StorageUploadRow
from vector_desktop.store.timestamps import aware


def _record(row: StorageUploadRow) -> UploadRecord:
    return UploadRecord(
        id=row.id,
        backend_id=row.backend_id,
        key=row.key,
        upload_id=row.upload_id,
        local_path=row.local_path,
        file_size=row.file_size,
        file_mtime_ns=row.file_mtime_ns,
        part_size=row.part_size,
        content_type=row.content_type,
        created=aware(row.created_at),
        parts={p.part_number: (p.etag, p.size) for p in row.parts},
    )


def _link(row: IssuedLinkRow) -> IssuedLink:
    return IssuedLink(
        id=row.id,
        backend_id=row.backend_id,
        key=row.key,
        purpose=row.purpose,
        created=aware(row.created_at),
        expires=aware(row.expires_at),
    )


class StorageRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # Multipart uploads

    def find_upload(self, backend_id: str, key: str, local_path: str) -> UploadRecord | None:
        with self._sessions() as session:
            row = session.scalars(
                select(StorageUploadRow)
                .options(selectinload(StorageUploadRow.parts))
                .where(
                    StorageUploadRow.backend_id == backend_id,
                    StorageUploadRow.key == key,
                    StorageUploadRow.local_path == local_path,
                )
                .order_by(StorageUploadRow.id.desc())
            ).first()
            return _record(row) if row is not None else None

    def get_upload(self, record_id: int) -> UploadRecord | None:
        with self._sessions() as session:
            row = session.scalars(
                select(StorageUploadRow)
                .options(selectinload(StorageUploadRow.parts))
                .where(StorageUploadRow.id == record_id)
            ).first()
            return _record(row) if row is not None else None

    def start_upload(
        self,
        backend_id: str,
        key: str,
        upload_id: str,
        local_path: str,
        file_size: int,
        file_mtime_ns: int,
        part_size: int,
        content_type: str,
    ) -> UploadRecord:
        with self._sessions.begin() as session:
            row = StorageUploadRow(
                backend_id=backend_id,
                key=key,
                upload_id=upload_id,
                local_path=local_path,
                file_size=file_size,
                file_mtime_ns=file_mtime_ns,
                part_size=part_size,
                content_type=content_type,
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            return UploadRecord(
                id=row.id,
                backend_id=backend_id,
                key=key,
                upload_id=upload_id,
                local_path=local_path,
                file_size=file_size,
                file_mtime_ns=file_mtime_ns,
                part_size=part_size,
                content_type=content_type,
                created=aware(row.created_at),
            )

    def add_part(self, record_id: int, part_number: int, etag: str, size: int) -> None:
        # One plain upsert: an ORM merge (a SELECT, then an INSERT) cost ~2 ms of GIL per part.
        statement = sqlite_insert(StorageUploadPartRow).values(
            upload_row_id=record_id, part_number=part_number, etag=etag, size=size
        )
        statement = statement.on_conflict_do_update(
            index_elements=["upload_row_id", "part_number"], set_={"etag": etag, "size": size}
        )
        with self._sessions.begin() as session:
            session.execute(statement)

    def replace_parts(self, record_id: int, parts: dict[int, tuple[str, int]]) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(StorageUploadPartRow).where(StorageUploadPartRow.upload_row_id == record_id))
            for number, (etag, size) in sorted(parts.items()):
                session.add(StorageUploadPartRow(upload_row_id=record_id, part_number=number, etag=etag, size=size))

    def remove_upload(self, record_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(StorageUploadPartRow).where(StorageUploadPartRow.upload_row_id == record_id))
            session.execute(delete(StorageUploadRow).where(StorageUploadRow.id == record_id))

    def pending_uploads(self, backend_id: str | None = None) -> list[UploadRecord]:
        with self._sessions() as session:
            query = select(StorageUploadRow).options(selectinload(StorageUploadRow.parts))
            if backend_id is not None:
                query = query.where(StorageUploadRow.backend_id == backend_id)
            return [_record(row) for row in session.scalars(query.order_by(StorageUploadRow.id))]

    # Issued links

    def record_link(self, backend_id: str, key: str, purpose: str, created: datetime, expires: datetime) -> IssuedLink:
        with self._sessions.begin() as session:
            row = IssuedLinkRow(backend_id=backend_id, key=key, purpose=purpose, created_at=created, expires_at=expires)
            session.add(row)
            session.flush()
            return _link(row)

    def issued_links(self, backend_id: str | None = None, include_expired: bool = True) -> list[IssuedLink]:
        with self._sessions() as session:
            query = select(IssuedLinkRow)
            if backend_id is not None:
                query = query.where(IssuedLinkRow.backend_id == backend_id)
            if not include_expired:
                query = query.where(IssuedLinkRow.expires_at > datetime.now(UTC))
            rows = session.scalars(query.order_by(IssuedLinkRow.created_at.desc(), IssuedLinkRow.id.desc()))
            return [_link(row) for row in rows]
