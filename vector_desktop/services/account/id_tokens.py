"""Checking Google's ID token: the signature against the certificates at `certs_uri` and the audience (google-auth),
then the issuer, the nonce and the expiry ourselves (`verify_oauth2_token` would insist on Google's issuer, which a
test server cannot be). A token that is expired or not yet valid on arrival means this computer's clock is off:
the error says by how much it looks off. Blocking (fetches the certificates): run it in an executor."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from vector_desktop.services.account.auth_errors import ClockSkewError, InvalidTokenError, OfflineError
from vector_desktop.services.account.endpoints import GoogleEndpoints

CLOCK_SKEW_S = 120
AUDIENCE_MISMATCH = (
    "Google's answer was meant for another app (its audience is not this client id), so you are not signed in; "
    "check the Google client id in Settings → Account."
)


def _unverified_claims(token: str) -> dict[str, Any]:
    from google.auth import jwt

    try:
        claims = jwt.decode(token, verify=False)
    except (ValueError, TypeError):
        raise InvalidTokenError() from None
    return claims if isinstance(claims, dict) else {}


def _clock_error(token: str, now: float) -> ClockSkewError:
    claims = _unverified_claims(token)
    issued = claims.get("iat")
    if not isinstance(issued, int | float):
        raise InvalidTokenError()
    return ClockSkewError(now - float(issued))  # a token Google has just issued: "now" there is about iat


def verify_id_token(
    token: str,
    *,
    client_id: str,
    endpoints: GoogleEndpoints,
    nonce: str | None,
    clock: Callable[[], float] = time.time,
) -> dict[str, Any]:
    """The token's verified claims (sub, email, name, picture…) or an AuthError saying what is wrong."""
    import google.auth.exceptions
    import requests
    from google.auth.transport.requests import Request
    from google.oauth2 import id_token as google_id_token

    with requests.Session() as session:
        try:
            claims = google_id_token.verify_token(
                token,
                Request(session),
                audience=client_id,
                certs_url=endpoints.certs_uri,
                clock_skew_in_seconds=CLOCK_SKEW_S,
            )
        except google.auth.exceptions.TransportError:
            raise OfflineError() from None
        except (ValueError, google.auth.exceptions.GoogleAuthError) as error:
            text = str(error)
            if "Token expired" in text or "Token used too early" in text:
                raise _clock_error(token, clock()) from None
            if "audience" in text.lower():
                raise InvalidTokenError(AUDIENCE_MISMATCH) from None
            raise InvalidTokenError() from None
    if not isinstance(claims, dict) or not claims.get("sub"):
        raise InvalidTokenError()
    if claims.get("iss") not in endpoints.issuers:
        raise InvalidTokenError()
    if nonce is not None and claims.get("nonce") != nonce:
        raise InvalidTokenError()
    now = clock()
    expires = claims.get("exp")
    if not isinstance(expires, int | float) or float(expires) + CLOCK_SKEW_S < now:
        raise _clock_error(token, now)
    return claims
