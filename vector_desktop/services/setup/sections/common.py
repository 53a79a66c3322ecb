"""What the sections share: the keychain port, reading the file's data defensively, and plan lines."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.domain.setup_transfer import ChangeAction, SetupChange, SetupFileError

log = logging.getLogger(__name__)


class SecretKeeper(Protocol):
    """What the keychain offers (vector_desktop.secrets.SecretStore)."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


def broken(title: str, why: str) -> SetupFileError:
    return SetupFileError(f"The {title} in this setup file cannot be imported: {why}.")


def items_of(data: Mapping[str, Any], title: str, key: str = "items") -> list[Mapping[str, Any]]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise broken(title, f"“{key}” is not a list of entries")
    return items


def text(item: Mapping[str, Any], key: str, title: str, *, required: bool = False) -> str:
    value = item.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise broken(title, f"“{key}” is not text")
    if required and not value.strip():
        raise broken(title, f"an entry has no {key}")
    return value


def flag(item: Mapping[str, Any], key: str, title: str, default: bool) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        raise broken(title, f"“{key}” is not true or false")
    return value


def unique_names(names: Sequence[str], title: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise broken(title, f"the name “{name}” appears twice")
        seen.add(name.casefold())


def change(section: str, item: str, existing: bool, differences: Sequence[str]) -> SetupChange:
    if not existing:
        return SetupChange(section, item, ChangeAction.ADD)
    if differences:
        return SetupChange(section, item, ChangeAction.REPLACE, tuple(differences))
    return SetupChange(section, item, ChangeAction.SAME)


def differing(pairs: Mapping[str, tuple[Any, Any]]) -> list[str]:
    """The labels whose (here, imported) values differ. Only labels go into a plan, never the values."""
    return [label for label, (here, there) in pairs.items() if here != there]


def put_secret(secrets: SecretKeeper, ref: str, value: str) -> None:
    """Store `value` under `ref`, or delete the entry for "". A keychain that refuses keeps it for the session."""
    try:
        if value:
            secrets.set(ref, value)
        else:
            secrets.delete(ref)
    except SecretStoreError as error:  # the message names the entry, never the value
        log.warning("%s", error)
