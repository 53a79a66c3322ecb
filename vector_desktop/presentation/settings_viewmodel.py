"""View-model of the Settings dialog: fields built from the declared settings, their sources, validation and saving.

Keychain and SQLite calls block, so they run through `run_blocking` (an executor); everything else, including the
signals and Config's listeners, stays on the GUI thread. A secret's value never leaves this class towards the view.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from vector_desktop.config import SETTINGS, SPECS, Config, SavedSettings, SettingsRejected, Source
from vector_desktop.domain.errors import SecretStoreError, SettingValueError, VectorError
from vector_desktop.secrets import VAULT_BACKEND, SecretStore
from vector_desktop.setting_types import Group, SettingSpec
from vector_desktop.setting_values import format_value, parse_value

log = logging.getLogger(__name__)

T = TypeVar("T")


class RunBlocking(Protocol):
    """Runs a blocking callable off the GUI thread, e.g. `functools.partial(loop.run_in_executor, None)`."""

    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


@dataclass(frozen=True)
class GroupState:
    name: str  # stable name for open_group(), e.g. "Storage"
    title: str  # shown to the user
    keys: tuple[str, ...]


GroupActionRunner = Callable[[Mapping[str, str | None]], Awaitable[str]]


@dataclass(frozen=True)
class GroupAction:
    """A button on a group's page (e.g. Storage → Test connection). `run` gets the values typed in the dialog that
    differ from the saved ones (None: a secret being cleared) and returns a sentence, or raises VectorError."""

    group: str
    name: str  # stable, e.g. "test_connection"
    label: str
    run: GroupActionRunner


@dataclass(frozen=True)
class FieldState:
    key: str
    label: str
    description: str
    kind: str  # text, url, email, int, float, port, bool, choice
    choices: tuple[str, ...]
    secret: bool
    text: str  # the current value as text; always "" for a secret
    source: str  # where the value comes from, e.g. "saved in app"
    secret_status: str  # secrets only: "•••• stored in keychain", "not set", ...
    problem: str  # an invalid value from .env/environment that was ignored
    can_reset: bool  # a value saved in the app that reset_to_default would remove
    can_clear: bool  # a secret in the keychain that Clear would remove
    ready: bool  # False while the keychain is being read
    placeholder: str


class SettingsViewModel(QObject):
    loaded = Signal()
    busy_changed = Signal(bool)
    fields_changed = Signal(set)  # keys whose state changed
    saved = Signal(set)  # keys saved, after a successful save
    save_finished = Signal(dict, str)  # per-field errors {key: message}, message for the whole save ("" if none)
    failed = Signal(str)
    action_finished = Signal(str, str, bool, str)  # group, action name, ok, sentence

    def __init__(
        self,
        config: Config,
        saved: SavedSettings,
        secrets: SecretStore,
        run_blocking: RunBlocking,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._saved = saved
        self._secrets = secrets
        self._run_blocking = run_blocking
        self._loaded = False
        self._busy = 0  # saves in flight
        self._tasks: set[asyncio.Task[Any]] = set()
        self._load_task: asyncio.Task[None] | None = None
        self.keychain_warning = ""
        self.keychain_info = ""  # a neutral note (secrets in the encrypted vault)
        self._actions: list[GroupAction] = []

    # --- declarations -------------------------------------------------------------------------------------------

    def groups(self) -> list[GroupState]:
        titles = {
            Group.AI: self.tr("AI"),
            Group.STORAGE: self.tr("Storage"),
            Group.CONNECTORS: self.tr("Connectors"),
            Group.EMAIL: self.tr("Email"),
            Group.ACCOUNT: self.tr("Account"),
            Group.PRIVACY: self.tr("Privacy"),
            Group.ADVANCED: self.tr("Advanced"),
        }
        return [
            GroupState(
                group.value, titles[group], tuple(s.key for s in SETTINGS if s.group is group and not s.internal)
            )
            for group in Group
        ]

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_busy(self) -> bool:
        return self._busy > 0

    def field(self, key: str) -> FieldState:
        spec = SPECS[key]
        ready = self._loaded or not spec.secret
        if not ready:  # resolving a secret would read the keychain on the GUI thread
            return self._state(spec, "", "", self.tr("Loading…"), "", False, False, False)
        resolved = self._config.resolve(key)
        source = self._source_text(key, resolved.source, resolved.origin)
        problem = self._problem_text(key)
        if spec.secret:
            status = self._secret_status(key, resolved.source, resolved.origin)
            can_clear = resolved.source is Source.KEYCHAIN
            return self._state(spec, "", source, status, problem, False, can_clear, True)
        text = format_value(spec, resolved.value)
        return self._state(spec, text, source, "", problem, resolved.source is Source.SAVED, False, True)

    def fields(self, group_name: str) -> list[FieldState]:
        return [self.field(s.key) for s in SETTINGS if s.group.value == group_name and not s.internal]

    def _state(
        self,
        spec: SettingSpec,
        text: str,
        source: str,
        status: str,
        problem: str,
        can_reset: bool,
        can_clear: bool,
        ready: bool,
    ) -> FieldState:
        if spec.secret:
            placeholder = self.tr("Enter a new value to replace it") if can_clear else self.tr("Enter a value")
        elif spec.default not in ("", None):
            placeholder = self.tr("Default: %1").replace("%1", format_value(spec, spec.default))
        else:
            placeholder = ""
        return FieldState(
            key=spec.key,
            label=spec.label,
            description=spec.description,
            kind=spec.kind.value,
            choices=spec.choices,
            secret=spec.secret,
            text=text,
            source=source,
            secret_status=status,
            problem=problem,
            can_reset=can_reset,
            can_clear=can_clear,
            ready=ready,
            placeholder=placeholder,
        )

    def _source_text(self, key: str, source: Source, origin: str) -> str:
        if source is Source.DOTENV:
            return self.tr(".env file (%1)").replace("%1", origin)
        if source is Source.KEYCHAIN and not self._secrets.persistent:
            return self.tr("this session only (no keychain)")
        if source is Source.KEYCHAIN and self._secrets.is_session_only(key):
            return self.tr("this session only (the keychain refused it)")
        return {
            Source.DEFAULT: self.tr("default"),
            Source.ENVIRONMENT: self.tr("environment"),
            Source.SAVED: self.tr("saved in app"),
            Source.KEYCHAIN: self.tr("encrypted file in your profile") if self._in_vault() else self.tr("keychain"),
        }[source]

    def _in_vault(self) -> bool:
        return self._secrets.backend_name == VAULT_BACKEND

    def _secret_status(self, key: str, source: Source, origin: str) -> str:
        if source is Source.KEYCHAIN:
            if self._secrets.is_session_only(key):
                return self.tr("•••• kept for this session only")
            if self._in_vault():
                return self.tr("•••• stored in encrypted file")
            return self.tr("•••• stored in keychain")
        if source is Source.ENVIRONMENT:
            return self.tr("•••• set in the environment")
        if source is Source.DOTENV:
            return self.tr("•••• set in %1").replace("%1", origin)
        return self.tr("not set")

    def _problem_text(self, key: str) -> str:
        messages = [p.message for p in self._config.problems if p.key == key]
        if not messages:
            return ""
        return self.tr("Not used: %1").replace("%1", "; ".join(messages))

    def danger_text(self, key: str, text: str) -> str:
        """A warning shown in red while the field holds a risky value (e.g. mail sent without encryption)."""
        if key == "EMAIL_SECURITY" and text.strip() == "none":
            return self.tr("Mail is sent unencrypted: anyone on the network can read it, and the SMTP password.")
        return ""

    def validate_field(self, key: str, text: str) -> str:
        """The message to show at the field, or "" when the text is acceptable."""
        try:
            parse_value(SPECS[key], text)
        except SettingValueError as error:
            return error.message
        return ""

    # --- group actions ------------------------------------------------------------------------------------------

    def add_group_action(self, group: str, name: str, label: str, run: GroupActionRunner) -> None:
        """Add a button to a group's page; register before the dialog is built."""
        self._actions.append(GroupAction(group, name, label, run))

    def group_actions(self, group: str) -> list[GroupAction]:
        return [action for action in self._actions if action.group.lower() == group.lower()]

    def request_group_action(self, group: str, name: str, values: Mapping[str, str | None]) -> None:
        """Run an action in the background; `action_finished` reports the outcome."""
        self._spawn(self.run_group_action(group, name, dict(values)))

    async def run_group_action(self, group: str, name: str, values: Mapping[str, str | None]) -> tuple[bool, str]:
        action = next((a for a in self.group_actions(group) if a.name == name), None)
        if action is None:
            ok, message = False, self.tr("This action is not available.")
        else:
            try:
                ok, message = True, await action.run(values)
            except VectorError as error:
                ok, message = False, str(error)
        self.action_finished.emit(group, name, ok, message)
        return ok, message

    # --- loading ------------------------------------------------------------------------------------------------

    def start_load(self) -> None:
        """Read the keychain in the background; `loaded` is emitted when secret fields can be shown."""
        if self._load_task is None or self._load_task.done():
            self._load_task = self._spawn(self.load())

    async def load(self) -> None:
        persistent = await self._run_blocking(self._secrets.check)
        self.keychain_warning = "" if persistent else self._secrets.problem or self.tr("No system keychain.")
        self.keychain_info = self._secrets.info
        keys = [spec.key for spec in SETTINGS]
        await self._run_blocking(lambda: [self._config.resolve(key) for key in keys])
        self._loaded = True
        self.loaded.emit()
        self.fields_changed.emit({spec.key for spec in SETTINGS if spec.secret})

    # --- saving -------------------------------------------------------------------------------------------------

    async def save(self, changes: Mapping[str, str | None]) -> dict[str, str]:
        """Validate every change, then save them all; on any error nothing is saved and the errors are returned.

        A text saves that value (for a secret: into the keychain; "" clears it); None removes the saved value.
        A failure of the store or keychain is reported through `failed`.
        """
        errors, message = await self._save(dict(changes))
        if message:
            self.failed.emit(message)
        return errors

    async def _save(self, changes: dict[str, str | None]) -> tuple[dict[str, str], str]:
        errors: dict[str, str] = {}
        for key, text in changes.items():
            message = self._check(key, text)
            if message:
                errors[key] = message
        if errors or not changes:
            return errors, ""
        self._set_busy(+1)
        try:
            changed, failure = await self._apply(changes)
            if changed:
                await self._run_blocking(lambda: [self._config.resolve(key) for key in changed])
                self._config.notify(changed)
                self.fields_changed.emit(changed)
                if not failure:
                    self.saved.emit(changed)
        finally:
            self._set_busy(-1)
        return {}, failure

    def _check(self, key: str, text: str | None) -> str:
        if key not in SPECS:
            return self.tr("This setting is not known to this version of the app.")
        return "" if text is None else self.validate_field(key, text)

    async def _apply(self, values: dict[str, str | None]) -> tuple[set[str], str]:
        """Returns the changed keys and a message when the store or keychain failed."""
        try:
            changed = await self._run_blocking(lambda: self._config.apply_saved(values, self._saved, notify=False))
        except SettingsRejected as rejected:  # validated above; kept for safety
            return set(), str(rejected)
        except SecretStoreError as error:  # keychain refused: the rest was applied, the secret kept for the session
            return set(values), str(error)
        except VectorError as error:
            return set(), str(error)
        except Exception as error:
            log.error("saving settings failed: %s", type(error).__name__)
            return set(), self.tr("The settings could not be saved (%1).").replace("%1", type(error).__name__)
        return changed, ""

    async def reset_to_default(self, key: str) -> dict[str, str]:
        """Remove the value saved in the app (or the secret in the keychain); lower layers apply again."""
        return await self.save({key: None})

    def request_save(self, changes: Mapping[str, str | None]) -> None:
        """Start `save` in the background; `save_finished` reports the outcome."""
        self._spawn(self._save_and_report(dict(changes)))

    def request_reset(self, key: str) -> None:
        self._spawn(self._save_and_report({key: None}))

    async def _save_and_report(self, changes: dict[str, str | None]) -> None:
        errors, message = await self._save(changes)
        if message:
            self.failed.emit(message)
        self.save_finished.emit(errors, message)

    # --- tasks --------------------------------------------------------------------------------------------------

    def _set_busy(self, step: int) -> None:
        was = self.is_busy
        self._busy += step
        if self.is_busy != was:
            self.busy_changed.emit(self.is_busy)

    def _spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("settings task failed: %s", type(error).__name__)
            self.failed.emit(self.tr("Settings could not be read or saved (%1).").replace("%1", type(error).__name__))

    def close(self) -> None:
        """Cancel background work (a save already handed to the executor still completes there)."""
        for task in list(self._tasks):
            task.cancel()
