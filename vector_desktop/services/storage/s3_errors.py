"""Turning boto3/botocore failures into StorageError sentences that say exactly what went wrong."""

from __future__ import annotations

from urllib.parse import urlsplit

from vector_desktop.domain.storage import (
    AccessDenied,
    BadCredentials,
    BucketMissing,
    EndpointUnreachable,
    ObjectMissing,
    StorageError,
)

CREDENTIAL_CODES = frozenset(
    {
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "InvalidClientTokenId",
        "InvalidToken",
        "ExpiredToken",
        "TokenRefreshRequired",
        "Unauthorized",
        "AuthorizationHeaderMalformed",
    }
)
DENIED_CODES = frozenset({"AccessDenied", "AllAccessDisabled", "Forbidden", "403", "AccountProblem"})
MISSING_CODES = frozenset({"NoSuchKey", "NotFound", "404"})
BUSY_CODES = frozenset({"SlowDown", "ServiceUnavailable", "InternalError", "503", "500", "RequestTimeout"})


def endpoint_host(endpoint_url: str) -> str:
    parts = urlsplit(endpoint_url)
    return parts.netloc or endpoint_url


def error_code(error: BaseException) -> str:
    response = getattr(error, "response", None) or {}
    code = (response.get("Error") or {}).get("Code")
    if code:
        return str(code)
    status = (response.get("ResponseMetadata") or {}).get("HTTPStatusCode")
    return str(status or "")


def translate(
    error: BaseException, *, endpoint_url: str, bucket: str, key: str = "", action: str = ""
) -> BaseException:
    """The StorageError to show for `error` (an unknown non-botocore error is returned unchanged)."""
    from botocore import exceptions as bx

    host = endpoint_host(endpoint_url)
    if isinstance(error, StorageError):
        return error
    if isinstance(error, bx.SSLError):
        return EndpointUnreachable(
            f"The secure connection to the storage endpoint {host} failed. Check R2_ENDPOINT_URL."
        )
    if isinstance(error, (bx.ConnectTimeoutError, bx.EndpointConnectionError)):
        return EndpointUnreachable(
            f"Cannot reach the storage endpoint {host}. Check R2_ENDPOINT_URL and your network connection."
        )
    if isinstance(error, (bx.ReadTimeoutError, bx.ResponseStreamingError, bx.HTTPClientError)):
        return EndpointUnreachable(
            f"The connection to the storage endpoint {host} was lost{_while(action)}. Try again."
        )
    if isinstance(error, (bx.NoCredentialsError, bx.PartialCredentialsError)):
        return BadCredentials("No access keys are set for the bucket. Set R2_ACCESS_KEY_ID and R2_SECRET_ACCESS_KEY.")
    if isinstance(error, bx.ParamValidationError):
        return StorageError(f"The request was not valid{_while(action)}: {error}.")
    if not isinstance(error, bx.ClientError):
        return error
    code = error_code(error)
    message = str((error.response.get("Error") or {}).get("Message") or "")
    if code in CREDENTIAL_CODES or (code == "InvalidArgument" and "credential" in message.lower()):
        return BadCredentials(
            f"The storage service at {host} rejected the access keys ({code}). "
            "Check R2_ACCESS_KEY_ID and R2_SECRET_ACCESS_KEY."
        )
    if code in ("NoSuchBucket", "InvalidBucketName"):
        return BucketMissing(f"The bucket '{bucket}' does not exist at {host}. Check R2_BUCKET_NAME.")
    if code in DENIED_CODES:
        target = f"'{key}' in " if key else ""
        return AccessDenied(f"The access keys have no permission{_to(action)} {target}the bucket '{bucket}' ({code}).")
    if code in MISSING_CODES:
        return ObjectMissing(f"There is no file named '{key}' in the bucket '{bucket}'." if key else message)
    if code == "NoSuchUpload":
        return StorageError(f"The unfinished upload of '{key}' no longer exists on the server; start the upload again.")
    if code in ("EntityTooLarge", "EntityTooSmall", "InvalidPart", "InvalidPartOrder"):
        return StorageError(f"The storage service refused the upload of '{key}' ({code}): {message}")
    if code in BUSY_CODES:
        return EndpointUnreachable(f"The storage service at {host} is busy or failing ({code}); try again later.")
    detail = f": {message}" if message else ""
    return StorageError(f"The storage service refused the request{_while(action)} ({code}){detail}")


def _while(action: str) -> str:
    return f" while {action}" if action else ""


def _to(action: str) -> str:
    return f" for {action}" if action else ""
