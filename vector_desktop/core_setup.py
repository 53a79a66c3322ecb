"""Composition of the setup export/import (shared by the CLI and the GUI): the sections over the core's concrete
repositories and keychain."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.domain.setup_transfer import SetupSection
    from vector_desktop.services.setup.setup_service import SetupService


def make_setup(core: Core) -> SetupService:
    from vector_desktop import __version__
    from vector_desktop.services.setup.sections.ai_servers import AIServersSection
    from vector_desktop.services.setup.sections.connectors import ConnectorsSection
    from vector_desktop.services.setup.sections.databases import DatabasesSection
    from vector_desktop.services.setup.sections.settings import SettingsSection
    from vector_desktop.services.setup.setup_service import SetupService
    from vector_desktop.store.connector_repository import ConnectorRepository
    from vector_desktop.store.database_repository import DatabaseRepository
    from vector_desktop.store.server_repository import ServerRepository

    sessions = core.store.sessions
    sections: list[SetupSection] = [
        SettingsSection(core.settings, core.secrets, core.config),
        AIServersSection(ServerRepository(sessions), core.secrets),
        ConnectorsSection(ConnectorRepository(sessions), core.secrets),
        DatabasesSection(DatabaseRepository(core.store), core.secrets),
    ]
    return SetupService(
        sections, app_version=__version__, encryption_key=lambda: str(core.config.get("ENCRYPTION_KEY") or "")
    )
