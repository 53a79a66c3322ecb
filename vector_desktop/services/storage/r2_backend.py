"""The R2 / S3 backend: any S3-compatible endpoint through boto3 (imported on first use, never at start-up).

Every method blocks on the network: call them from a worker thread or a job, never on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vector_desktop.domain.storage import (
    AccessDenied,
    BackendKind,
    BadCredentials,
    BucketMissing,
    CancelToken,
    ListPage,
    ObjectMissing,
    ProgressCallback,
    StorageError,
    StorageObject,
    UploadStateStore,
    validate_key,
)
from vector_desktop.services.storage import s3_errors
from vector_desktop.services.storage.multipart_upload import MultipartUploader, UploadResult
from vector_desktop.services.storage.s3_client import listed_object, make_s3_client, region_for, utc
from vector_desktop.services.storage.storage_files import ensure_free_space, write_atomically
from vector_desktop.services.storage.upload_parts import DEFAULT_PART_SIZE, default_concurrency, guess_content_type

log = logging.getLogger(__name__)

MAX_PRESIGN_S = 7 * 24 * 3600  # SigV4 presigned URLs live at most 7 days


class R2Backend:
    kind = BackendKind.R2

    def __init__(
        self,
        endpoint_url: str,
        bucket: str,
        access_key_id: str,
        secret_access_key: str,
        *,
        state: UploadStateStore | None = None,
        part_size: int = DEFAULT_PART_SIZE,
        max_concurrency: int | None = None,
        max_attempts: int = 3,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        region: str | None = None,
    ) -> None:
        self.endpoint_url = endpoint_url.rstrip("/")
        self.bucket = bucket
        self._access_key_id = access_key_id
        self._secret_access_key = secret_access_key
        self._state = state
        self._part_size = part_size
        self._max_concurrency = max_concurrency or default_concurrency()  # parts in flight per upload
        self._max_attempts = max_attempts
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._region = region or region_for(endpoint_url)
        self._client: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # never shows the keys
        return f"R2Backend({self.endpoint_url!r}, {self.bucket!r})"

    @property
    def host(self) -> str:
        return s3_errors.endpoint_host(self.endpoint_url)

    @property
    def backend_id(self) -> str:
        return f"r2:{self.endpoint_url}/{self.bucket}"

    def describe(self) -> str:
        return f"R2: {self.bucket} at {self.host}"

    @property
    def client(self) -> Any:
        """The boto3 client, made on first use."""
        with self._lock:
            if self._client is None:
                self._client = make_s3_client(
                    self.endpoint_url,
                    self._access_key_id,
                    self._secret_access_key,
                    region=self._region,
                    max_attempts=self._max_attempts,
                    connect_timeout=self._connect_timeout,
                    read_timeout=self._read_timeout,
                    max_concurrency=self._max_concurrency,
                )
            return self._client

    def close(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def _error(self, error: BaseException, key: str = "", action: str = "") -> BaseException:
        return s3_errors.translate(error, endpoint_url=self.endpoint_url, bucket=self.bucket, key=key, action=action)

    def check_key(self, key: str, *, folder: bool = False) -> str:
        """New keys follow the strict rules; existing keys only need to be valid S3 keys (see read_key)."""
        return validate_key(key, folder=folder, strict=True)

    @staticmethod
    def read_key(key: str) -> str:
        return validate_key(key, strict=False)

    # Connection

    def test_connection(self) -> str:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except Exception as error:
            code = s3_errors.error_code(error)
            if code in ("404", "NoSuchBucket", "NotFound"):
                raise BucketMissing(
                    f"The bucket '{self.bucket}' does not exist at {self.host}. Check R2_BUCKET_NAME."
                ) from None
            if code not in ("403", "AccessDenied", "Forbidden"):
                raise self._error(error, action="connecting") from None
            # HEAD answers carry no error code: ask again with a request whose answer says why.
            try:
                self.client.list_objects_v2(Bucket=self.bucket, MaxKeys=1)
            except Exception as detail:
                translated = self._error(detail, action="listing")
                if isinstance(translated, (BadCredentials, BucketMissing)):
                    raise translated from None
                raise AccessDenied(
                    f"The access keys work, but they have no permission to read the bucket '{self.bucket}'."
                ) from None
        return f"Connected to the bucket '{self.bucket}' at {self.host}."

    # Listing and metadata

    def list_page(self, prefix: str = "", token: str | None = None, page_size: int = 1000) -> ListPage:
        if prefix:
            self.read_key(prefix)
        params: dict[str, Any] = {
            "Bucket": self.bucket,
            "Prefix": prefix,
            "Delimiter": "/",
            "MaxKeys": max(1, min(page_size, 1000)),
        }
        if token:
            params["ContinuationToken"] = token
        try:
            response = self.client.list_objects_v2(**params)
        except Exception as error:
            raise self._error(error, action="listing") from None
        objects = tuple(
            listed_object(item)
            for item in response.get("Contents", [])
            if item["Key"] != prefix  # the folder's own marker object
        )
        folders = tuple(str(entry["Prefix"]) for entry in response.get("CommonPrefixes", []))
        next_token = response.get("NextContinuationToken") if response.get("IsTruncated") else None
        return ListPage(objects, folders, next_token)

    def list_all(self, prefix: str = "") -> list[StorageObject]:
        """Every object under `prefix`, at any depth (no folders)."""
        return list(self._walk(prefix))

    def _walk(self, prefix: str) -> Iterator[StorageObject]:
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
                for item in page.get("Contents", []):
                    yield listed_object(item)
        except Exception as error:
            raise self._error(error, action="listing") from None

    def head(self, key: str) -> StorageObject:
        self.read_key(key)
        try:
            response = self.client.head_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            if key.endswith("/") and s3_errors.error_code(error) in ("404", "NotFound", "NoSuchKey"):
                # A folder may exist only as the prefix of its files.
                page = self.list_page(key, page_size=1)
                if page.objects or page.folders:
                    return StorageObject(key=key, is_folder=True)
            raise self._error(error, key=key, action="reading") from None
        return StorageObject(
            key=key,
            size=int(response.get("ContentLength", 0)),
            modified=utc(response.get("LastModified")),
            etag=str(response.get("ETag", "")).strip('"'),
            content_type=str(response.get("ContentType", "")),
            is_folder=key.endswith("/"),
        )

    def exists(self, key: str) -> bool:
        try:
            self.head(key)
        except ObjectMissing:
            return False
        return True

    # Transfers

    def uploader(self) -> MultipartUploader:
        return MultipartUploader(
            self.client,
            self.bucket,
            self.backend_id,
            self._state,
            part_size=self._part_size,
            max_concurrency=self._max_concurrency,
            translate=lambda error, key, action: self._error(error, key=key, action=action),
        )

    def upload_file(
        self,
        path: Path,
        key: str,
        *,
        content_type: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> StorageObject:
        self.check_key(key)
        result: UploadResult = self.uploader().upload(
            Path(path), key, content_type=content_type, progress=progress, cancel=cancel
        )
        try:
            return self.head(key)
        except StorageError:
            return StorageObject(key=key, size=result.size, etag=result.etag.strip('"'))

    def upload_bytes(self, data: bytes, key: str, *, content_type: str = "") -> StorageObject:
        self.check_key(key)
        try:
            self.client.put_object(
                Bucket=self.bucket, Key=key, Body=data, ContentType=content_type or guess_content_type(key)
            )
        except Exception as error:
            raise self._error(error, key=key, action="uploading") from None
        return self.head(key)

    def download_file(
        self,
        key: str,
        dest: Path,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        self.read_key(key)
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            raise self._error(error, key=key, action="downloading") from None
        size = int(response.get("ContentLength", 0))
        body = response["Body"]
        try:
            ensure_free_space(dest.parent, size)
            return write_atomically(
                self._chunks(body, key), dest, total=size, progress=progress, cancel=cancel, expected_size=size
            )
        finally:
            body.close()

    def _chunks(self, body: Any, key: str) -> Iterator[bytes]:
        while True:
            try:
                chunk = body.read(1024 * 1024)
            except Exception as error:
                raise self._error(error, key=key, action="downloading") from None
            if not chunk:
                return
            yield chunk

    def read_bytes(self, key: str, limit: int | None = None) -> bytes:
        self.read_key(key)
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if limit is not None:
            params["Range"] = f"bytes=0-{max(limit, 1) - 1}"
        try:
            response = self.client.get_object(**params)
        except Exception as error:
            if s3_errors.error_code(error) == "InvalidRange":  # a range on an empty object
                return b""
            raise self._error(error, key=key, action="downloading") from None
        body = response["Body"]
        try:
            data = bytes(body.read())
        except Exception as error:
            raise self._error(error, key=key, action="downloading") from None
        finally:
            body.close()
        return data if limit is None else data[:limit]

    # Changes

    def delete(self, key: str) -> None:
        self.read_key(key)
        try:
            self.client.delete_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            raise self._error(error, key=key, action="deleting") from None

    def delete_prefix(self, prefix: str) -> int:
        """Delete every object under `prefix` (the folder and all it holds); returns how many were deleted."""
        self.read_key(prefix)
        keys = [item.key for item in self._walk(prefix)]
        if not keys:
            raise ObjectMissing(f"There is no folder named '{prefix}' in the bucket '{self.bucket}'.")
        for start in range(0, len(keys), 1000):
            batch = keys[start : start + 1000]
            try:
                response = self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True}
                )
            except Exception as error:
                raise self._error(error, key=prefix, action="deleting") from None
            errors = response.get("Errors") or []
            if errors:
                first = errors[0]
                raise StorageError(
                    f"{len(errors)} files under '{prefix}' could not be deleted; the first, '{first.get('Key')}', "
                    f"failed with {first.get('Code')}."
                )
        return len(keys)

    def copy(self, source: str, dest: str) -> None:
        self.read_key(source)
        self.check_key(dest)
        try:
            # The managed copy switches to multipart copy above 5 GiB, where CopyObject stops working.
            self.client.copy({"Bucket": self.bucket, "Key": source}, self.bucket, dest)
        except Exception as error:
            raise self._error(error, key=source, action="copying") from None

    def move(self, source: str, dest: str) -> None:
        """Rename: copy then delete (S3 has no rename). A folder moves every object under it."""
        if source.endswith("/"):
            items = self.list_all(source)
            for item in items:
                self.copy(item.key, dest + item.key[len(source) :])
            for item in items:
                self.delete(item.key)
            return
        self.copy(source, dest)
        self.delete(source)

    def create_folder(self, prefix: str) -> None:
        prefix = self.check_key(prefix, folder=True)
        try:
            self.client.put_object(Bucket=self.bucket, Key=prefix, Body=b"")
        except Exception as error:
            raise self._error(error, key=prefix, action="creating a folder") from None

    def link(self, key: str, expires_s: int) -> str:
        """A presigned GET URL. It cannot be revoked: it works until it expires (or the keys are rotated)."""
        self.read_key(key)
        if not 1 <= expires_s <= MAX_PRESIGN_S:
            raise StorageError(f"A link can last from 1 second to 7 days ({MAX_PRESIGN_S} seconds).")
        try:
            return str(
                self.client.generate_presigned_url(
                    "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=int(expires_s)
                )
            )
        except Exception as error:
            raise self._error(error, key=key, action="making a link") from None
