"""Turning a setting's text into its typed value (with a message the user can act on) and back into text."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from vector_desktop.domain.errors import SettingValueError
from vector_desktop.setting_types import Kind, SettingSpec


def parse_value(spec: SettingSpec, raw: Any) -> Any:
    """Turn text (or an already typed value) into the setting's type; raises SettingValueError with a message.

    A secret's value is never quoted in the message.
    """
    try:
        return _parse(spec, raw)
    except SettingValueError as error:
        text = raw.strip() if isinstance(raw, str) else ""
        if spec.secret and text and text in error.message:
            raise SettingValueError(spec.key, error.message.replace(text, "••••")) from None
        raise


def _parse(spec: SettingSpec, raw: Any) -> Any:
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        if spec.kind is Kind.BOOL:
            return False
        if spec.kind in (Kind.TEXT, Kind.URL, Kind.EMAIL) and spec.allow_empty:
            return ""
        if spec.kind in (Kind.INT, Kind.FLOAT, Kind.PORT) and spec.allow_empty:
            return spec.default
        raise SettingValueError(spec.key, "a value is required")
    kind = spec.kind
    if kind is Kind.BOOL:
        if isinstance(raw, bool):
            return raw
        text = str(raw).lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise SettingValueError(spec.key, f"'{raw}' is not yes/no (use true or false)")
    if kind in (Kind.INT, Kind.PORT, Kind.FLOAT):
        try:
            number: float = float(raw) if kind is Kind.FLOAT else int(str(raw), 10)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            what = "a number" if kind is Kind.FLOAT else "a whole number"
            raise SettingValueError(spec.key, f"'{raw}' is not {what}")
        low, high = (1, 65535) if kind is Kind.PORT else (spec.minimum, spec.maximum)
        if (low is not None and number < low) or (high is not None and number > high):
            noun = "a port" if kind is Kind.PORT else "a value"
            raise SettingValueError(spec.key, f"{raw} is out of range for {noun} ({_fmt(low)} to {_fmt(high)})")
        return number
    text = str(raw)
    if kind is Kind.URL:
        if any(ch.isspace() or ord(ch) < 32 for ch in text):
            raise SettingValueError(spec.key, f"'{text}' is not a web address (it contains spaces)")
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SettingValueError(spec.key, f"'{text}' is not a web address (http:// or https://)")
        try:
            _ = parts.port
        except ValueError:
            raise SettingValueError(spec.key, f"'{text}' has an invalid port") from None
        return text
    if kind is Kind.EMAIL:
        address = text.split("<")[-1].rstrip(">") if "<" in text else text
        local, _, domain = address.rpartition("@")
        labels = domain.split(".")
        if (
            not local
            or "@" in local
            or len(labels) < 2
            or not all(labels)
            or any(ch.isspace() or ord(ch) < 32 for ch in address)
        ):
            raise SettingValueError(spec.key, f"'{text}' is not an email address")
        return text
    if kind is Kind.CHOICE:
        for choice in spec.choices:
            if choice.lower() == text.lower():
                return choice
        raise SettingValueError(spec.key, f"'{text}' is not one of {', '.join(spec.choices)}")
    if any(ord(ch) < 32 for ch in text):
        raise SettingValueError(spec.key, "control characters are not allowed")
    return text


def _fmt(value: float | None) -> str:
    return "any" if value is None else f"{value:g}"


def format_value(spec: SettingSpec, value: Any) -> str:
    if spec.kind is Kind.BOOL:
        return "true" if value else "false"
    if spec.kind is Kind.FLOAT:
        return f"{value:.15g}"
    return str(value)
