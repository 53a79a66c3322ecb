"""The main window: navigation between panels, notices, status bar. It knows no services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from vector_desktop.views.main_window_form import MainWindowForm

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from vector_desktop.views.notice_bar import NoticeBar

# Qt.ItemDataRole.UserRole. Nothing here names the `Qt` namespace before the first paint: PySide6 makes its ~90
# enums into Python enums the first time it is touched (~15-30 ms).
KEY_ROLE = 0x0100


def set_standard_shortcut(action: QAction, key: QKeySequence.StandardKey, fallback: str = "") -> None:
    """As `setShortcut(QKeySequence(key))` (the platform's first binding for key), else the fallback. Through
    `setShortcuts`: resolving `setShortcut`'s overloads makes PySide6 build the `Qt` namespace's enums."""
    first = QKeySequence.keyBindings(key)[:1]
    action.setShortcuts(first or ([QKeySequence(fallback)] if fallback else []))


class MainWindow(QMainWindow):
    settings_requested = Signal()
    ai_servers_requested = Signal()
    theme_requested = Signal(str)
    panel_changed = Signal(str)
    open_log_folder_requested = Signal()
    open_data_folder_requested = Signal()
    about_requested = Signal()
    close_requested = Signal()

    def __init__(self, prefs: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = MainWindowForm()
        self.ui.setup(self)
        self._prefs = prefs
        self._panels: dict[str, QWidget] = {}
        self._notices: dict[str, NoticeBar] = {}  # imported when the first notice is shown
        self.setWindowIcon(QIcon(":/icons/app.svg"))
        self.ui.loadingLabel.setObjectName("emptyState")
        self._setup_actions()
        self._setup_status_bar()
        self.ui.navList.currentItemChanged.connect(self._on_nav_changed)
        geometry = prefs.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = prefs.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _setup_actions(self) -> None:
        ui = self.ui
        set_standard_shortcut(ui.actionSettings, QKeySequence.StandardKey.Preferences, "Ctrl+,")
        set_standard_shortcut(ui.actionQuit, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        set_standard_shortcut(ui.actionFullScreen, QKeySequence.StandardKey.FullScreen)
        ui.actionSettings.triggered.connect(self.settings_requested)
        ui.actionAiServers.triggered.connect(self.ai_servers_requested)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionFullScreen.toggled.connect(self._toggle_full_screen)
        ui.actionOpenLogFolder.triggered.connect(self.open_log_folder_requested)
        ui.actionOpenDataFolder.triggered.connect(self.open_data_folder_requested)
        ui.actionAbout.triggered.connect(self.about_requested)
        group = QActionGroup(self)
        group.setExclusive(True)
        self._theme_actions: dict[str, QAction] = {
            "system": ui.actionThemeSystem,
            "light": ui.actionThemeLight,
            "dark": ui.actionThemeDark,
        }
        for name, action in self._theme_actions.items():
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, n=name: self.theme_requested.emit(n))

    def _setup_status_bar(self) -> None:
        self.connectivity_label = QLabel(self.tr("Checking connection…"), self)
        self.connectivity_label.setAccessibleName(self.tr("Connection state"))
        self.jobs_label = QLabel("", self)
        self.jobs_label.setAccessibleName(self.tr("Running jobs"))
        self.backend_label = QLabel("", self)
        self.backend_label.setAccessibleName(self.tr("Storage in use"))
        self.statusBar().addPermanentWidget(self.backend_label)
        self.statusBar().addPermanentWidget(self.jobs_label)
        self.statusBar().addPermanentWidget(self.connectivity_label)

    # Panels -------------------------------------------------------------------------------------------------------
    def add_panel(self, key: str, title: str, icon: QIcon, widget: QWidget) -> None:
        self._panels[key] = widget
        widget.setAccessibleName(title)
        self.ui.panelStack.addWidget(widget)
        item = QListWidgetItem(icon, title)
        item.setData(KEY_ROLE, key)
        item.setSizeHint(QSize(0, 36))
        self.ui.navList.addItem(item)
        index = self.ui.navList.count()
        if index <= 9:
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index}")])
            action.triggered.connect(lambda _checked=False, k=key: self.show_panel(k))
            self.addAction(action)
            item.setToolTip(f"{title} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Features' File-menu entries (sign-in, export, outbox...), placed before Settings in the order given."""
        menu = self.ui.menuFile
        before = self.ui.actionSettings
        for action in actions:
            menu.insertAction(before, action)
        if actions:
            menu.insertSeparator(before)

    def set_account_widget(self, widget: QWidget) -> None:
        """The account button at the right end of the menu bar (the title-bar area on every platform)."""
        from PySide6.QtCore import Qt

        self.ui.menuBar.setCornerWidget(widget, Qt.Corner.TopRightCorner)
        widget.show()

    def panel_keys(self) -> list[str]:
        return list(self._panels)

    def current_panel(self) -> str:
        item = self.ui.navList.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def show_panel(self, key: str) -> bool:
        for row in range(self.ui.navList.count()):
            item = self.ui.navList.item(row)
            if item.data(KEY_ROLE) == key:
                self.ui.navList.setCurrentItem(item)
                return True
        return False

    def panel_to_restore(self, requested: str | None = None) -> str:
        """The panel `restore_last_panel` will show: the one asked for, else the last one shown ("" if none)."""
        return requested or str(self._prefs.value("window/panel", "") or "")

    def restore_last_panel(self, requested: str | None = None) -> None:
        wanted = self.panel_to_restore(requested)
        if not (wanted and self.show_panel(wanted)) and self.ui.navList.count():
            self.ui.navList.setCurrentRow(0)

    def _on_nav_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        key = str(current.data(KEY_ROLE))
        self.ui.panelStack.setCurrentWidget(self._panels[key])
        self._prefs.setValue("window/panel", key)
        self.panel_changed.emit(key)

    # Notices and status ---------------------------------------------------------------------------------------------
    def show_notice(self, key: str, text: str) -> None:
        if key in self._notices:
            self._notices[key].label.setText(text)
            return
        from vector_desktop.views.notice_bar import NoticeBar

        bar = NoticeBar(key, text, self)
        bar.dismissed.connect(lambda k: self._notices.pop(k, None))
        self._notices[key] = bar
        self.ui.noticeLayout.addWidget(bar)

    def notice_texts(self) -> list[str]:
        return [bar.label.text() for bar in self._notices.values()]

    def set_online(self, online: bool, reason: str) -> None:
        icon = ":/icons/online.svg" if online else ":/icons/offline.svg"
        text = self.tr("Online") if online else self.tr("Offline")
        self.connectivity_label.setText(f'<img src="{icon}" width="10" height="10"> {text}')
        self.connectivity_label.setToolTip(reason)

    def set_on_device_only(self) -> None:
        self.connectivity_label.setText(f'<img src=":/icons/online.svg" width="10" height="10"> {self.tr("On device")}')
        self.connectivity_label.setToolTip(
            self.tr("No online AI provider is set up: the on-device model answers, no network needed.")
        )

    def set_running_jobs(self, count: int) -> None:
        self.jobs_label.setText(self.tr("%n job(s) running", "", count) if count else "")

    def set_backend_text(self, text: str) -> None:
        self.backend_label.setText(text)

    def set_theme_choice(self, choice: str) -> None:
        action = self._theme_actions.get(choice)
        if action is not None:
            action.setChecked(True)

    def _toggle_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._prefs.setValue("window/geometry", self.saveGeometry())
        self._prefs.setValue("window/state", self.saveState())
        self._prefs.sync()
        self.close_requested.emit()
        super().closeEvent(event)
