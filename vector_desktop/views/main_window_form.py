"""The main window's widgets (what ui/main_window.ui held), built by hand for the first paint's sake.

pyside6-uic's module imports ~35 Qt classes, the `Qt` namespace among them, and PySide6 makes each class's enums
into Python enums the first time the class is touched (~90 for `Qt` alone): ~20 ms before the window could paint.
This builds the same widgets, names and texts and touches only the classes it uses. The strings keep the
"MainWindow" context, so pyside6-lupdate and the existing translations find them as before.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.views.forms import resources_rc  # noqa: F401  (registers :/icons and :/styles)

ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter, set as a property so the `Qt` namespace is not needed


class MainWindowForm:
    """The widgets of `MainWindow`, under the names the .ui file gave them."""

    def setup(self, window: QMainWindow) -> None:
        window.setObjectName("MainWindow")
        window.resize(1100, 720)
        window.setMinimumSize(QSize(720, 480))
        self._setup_actions(window)
        self._setup_central(window)
        self._setup_menus(window)
        self.statusBar = QStatusBar(window)
        self.statusBar.setObjectName("statusBar")
        window.setStatusBar(self.statusBar)
        self.retranslate(window)

    def _setup_actions(self, window: QMainWindow) -> None:
        def action(name: str, checkable: bool = False) -> QAction:
            made = QAction(window)
            made.setObjectName(name)
            made.setCheckable(checkable)
            return made

        self.actionSettings = action("actionSettings")
        self.actionSettings.setIcon(QIcon(":/icons/settings.svg"))
        self.actionSettings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.actionAiServers = action("actionAiServers")
        self.actionQuit = action("actionQuit")
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        self.actionThemeSystem = action("actionThemeSystem", checkable=True)
        self.actionThemeLight = action("actionThemeLight", checkable=True)
        self.actionThemeDark = action("actionThemeDark", checkable=True)
        self.actionFullScreen = action("actionFullScreen", checkable=True)
        self.actionOpenLogFolder = action("actionOpenLogFolder")
        self.actionOpenDataFolder = action("actionOpenDataFolder")
        self.actionAbout = action("actionAbout")
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)

    def _setup_central(self, window: QMainWindow) -> None:
        self.centralWidget = QWidget(window)
        self.centralWidget.setObjectName("centralWidget")
        self.centralLayout = QHBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName("centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navList = QListWidget(self.centralWidget)
        self.navList.setObjectName("navList")
        self.navList.setMinimumSize(QSize(168, 0))
        self.navList.setMaximumSize(QSize(200, 16777215))
        self.navList.setFrameShape(QFrame.Shape.NoFrame)
        self.navList.setIconSize(QSize(18, 18))
        self.navList.setUniformItemSizes(True)
        self.centralLayout.addWidget(self.navList)
        self.contentLayout = QVBoxLayout()
        self.contentLayout.setSpacing(6)
        self.contentLayout.setObjectName("contentLayout")
        self.contentLayout.setContentsMargins(8, 8, 8, 4)
        self.noticeLayout = QVBoxLayout()
        self.noticeLayout.setSpacing(4)
        self.noticeLayout.setObjectName("noticeLayout")
        self.contentLayout.addLayout(self.noticeLayout)
        self.panelStack = QStackedWidget(self.centralWidget)
        self.panelStack.setObjectName("panelStack")
        self.loadingPage = QWidget()
        self.loadingPage.setObjectName("loadingPage")
        self.loadingLayout = QVBoxLayout(self.loadingPage)
        self.loadingLayout.setObjectName("loadingLayout")
        self.loadingLabel = QLabel(self.loadingPage)
        self.loadingLabel.setObjectName("loadingLabel")
        self.loadingLabel.setProperty("alignment", ALIGN_CENTER)
        self.loadingLayout.addWidget(self.loadingLabel)
        self.panelStack.addWidget(self.loadingPage)
        self.contentLayout.addWidget(self.panelStack)
        self.centralLayout.addLayout(self.contentLayout)
        window.setCentralWidget(self.centralWidget)

    def _setup_menus(self, window: QMainWindow) -> None:
        self.menuBar = QMenuBar(window)
        self.menuBar.setObjectName("menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName("menuFile")
        self.menuView = QMenu(self.menuBar)
        self.menuView.setObjectName("menuView")
        self.menuTheme = QMenu(self.menuView)
        self.menuTheme.setObjectName("menuTheme")
        self.menuHelp = QMenu(self.menuBar)
        self.menuHelp.setObjectName("menuHelp")
        window.setMenuBar(self.menuBar)
        self.menuBar.addAction(self.menuFile.menuAction())
        self.menuBar.addAction(self.menuView.menuAction())
        self.menuBar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionSettings)
        self.menuFile.addAction(self.actionAiServers)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.menuTheme.menuAction())
        self.menuView.addSeparator()
        self.menuView.addAction(self.actionFullScreen)
        self.menuTheme.addAction(self.actionThemeSystem)
        self.menuTheme.addAction(self.actionThemeLight)
        self.menuTheme.addAction(self.actionThemeDark)
        self.menuHelp.addAction(self.actionOpenLogFolder)
        self.menuHelp.addAction(self.actionOpenDataFolder)
        self.menuHelp.addSeparator()
        self.menuHelp.addAction(self.actionAbout)

    def retranslate(self, window: QMainWindow) -> None:
        window.setWindowTitle(QCoreApplication.translate("MainWindow", "Vector Desktop"))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", "&Settings\u2026"))
        self.actionAiServers.setText(QCoreApplication.translate("MainWindow", "&AI servers\u2026"))
        self.actionAiServers.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Add your own OpenAI-compatible servers, such as Ollama or LM Studio"
            )
        )
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.actionThemeSystem.setText(QCoreApplication.translate("MainWindow", "Follow &system"))
        self.actionThemeLight.setText(QCoreApplication.translate("MainWindow", "&Light"))
        self.actionThemeDark.setText(QCoreApplication.translate("MainWindow", "&Dark"))
        self.actionFullScreen.setText(QCoreApplication.translate("MainWindow", "&Full screen"))
        self.actionOpenLogFolder.setText(QCoreApplication.translate("MainWindow", "Open &log folder"))
        self.actionOpenDataFolder.setText(QCoreApplication.translate("MainWindow", "Open &data folder"))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", "&About Vector Desktop"))
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", "Panels"))
        self.navList.setAccessibleDescription(QCoreApplication.translate("MainWindow", "Choose the panel to show"))
        self.panelStack.setAccessibleName(QCoreApplication.translate("MainWindow", "Panel"))
        self.loadingLabel.setText(QCoreApplication.translate("MainWindow", "Opening your workspace\u2026"))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.menuTheme.setTitle(QCoreApplication.translate("MainWindow", "&Theme"))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
