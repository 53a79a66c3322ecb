# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QStackedWidget, QStatusBar,
    QVBoxLayout, QWidget)
from . import resources_rc

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 720)
        MainWindow.setMinimumSize(QSize(720, 480))
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        icon = QIcon()
        icon.addFile(u":/icons/settings.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.actionSettings.setIcon(icon)
        self.actionSettings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.actionAiServers = QAction(MainWindow)
        self.actionAiServers.setObjectName(u"actionAiServers")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        self.actionThemeSystem = QAction(MainWindow)
        self.actionThemeSystem.setObjectName(u"actionThemeSystem")
        self.actionThemeSystem.setCheckable(True)
        self.actionThemeLight = QAction(MainWindow)
        self.actionThemeLight.setObjectName(u"actionThemeLight")
        self.actionThemeLight.setCheckable(True)
        self.actionThemeDark = QAction(MainWindow)
        self.actionThemeDark.setObjectName(u"actionThemeDark")
        self.actionThemeDark.setCheckable(True)
        self.actionFullScreen = QAction(MainWindow)
        self.actionFullScreen.setObjectName(u"actionFullScreen")
        self.actionFullScreen.setCheckable(True)
        self.actionOpenLogFolder = QAction(MainWindow)
        self.actionOpenLogFolder.setObjectName(u"actionOpenLogFolder")
        self.actionOpenDataFolder = QAction(MainWindow)
        self.actionOpenDataFolder.setObjectName(u"actionOpenDataFolder")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QHBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navList = QListWidget(self.centralWidget)
        self.navList.setObjectName(u"navList")
        self.navList.setMinimumSize(QSize(168, 0))
        self.navList.setMaximumSize(QSize(200, 16777215))
        self.navList.setFrameShape(QFrame.Shape.NoFrame)
        self.navList.setIconSize(QSize(18, 18))
        self.navList.setUniformItemSizes(True)

        self.centralLayout.addWidget(self.navList)

        self.contentLayout = QVBoxLayout()
        self.contentLayout.setSpacing(6)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(8, 8, 8, 4)
        self.noticeLayout = QVBoxLayout()
        self.noticeLayout.setSpacing(4)
        self.noticeLayout.setObjectName(u"noticeLayout")

        self.contentLayout.addLayout(self.noticeLayout)

        self.panelStack = QStackedWidget(self.centralWidget)
        self.panelStack.setObjectName(u"panelStack")
        self.loadingPage = QWidget()
        self.loadingPage.setObjectName(u"loadingPage")
        self.loadingLayout = QVBoxLayout(self.loadingPage)
        self.loadingLayout.setObjectName(u"loadingLayout")
        self.loadingLabel = QLabel(self.loadingPage)
        self.loadingLabel.setObjectName(u"loadingLabel")
        self.loadingLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.loadingLayout.addWidget(self.loadingLabel)

        self.panelStack.addWidget(self.loadingPage)

        self.contentLayout.addWidget(self.panelStack)


        self.centralLayout.addLayout(self.contentLayout)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuView = QMenu(self.menuBar)
        self.menuView.setObjectName(u"menuView")
        self.menuTheme = QMenu(self.menuView)
        self.menuTheme.setObjectName(u"menuTheme")
        self.menuHelp = QMenu(self.menuBar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

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

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Vector Desktop", None))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Settings\u2026", None))
        self.actionAiServers.setText(QCoreApplication.translate("MainWindow", u"&AI servers\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionAiServers.setToolTip(QCoreApplication.translate("MainWindow", u"Add your own OpenAI-compatible servers, such as Ollama or LM Studio", None))
#endif // QT_CONFIG(tooltip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionThemeSystem.setText(QCoreApplication.translate("MainWindow", u"Follow &system", None))
        self.actionThemeLight.setText(QCoreApplication.translate("MainWindow", u"&Light", None))
        self.actionThemeDark.setText(QCoreApplication.translate("MainWindow", u"&Dark", None))
        self.actionFullScreen.setText(QCoreApplication.translate("MainWindow", u"&Full screen", None))
        self.actionOpenLogFolder.setText(QCoreApplication.translate("MainWindow", u"Open &log folder", None))
        self.actionOpenDataFolder.setText(QCoreApplication.translate("MainWindow", u"Open &data folder", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About Vector Desktop", None))
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Panels", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Choose the panel to show", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.panelStack.setAccessibleName(QCoreApplication.translate("MainWindow", u"Panel", None))
#endif // QT_CONFIG(accessibility)
        self.loadingLabel.setText(QCoreApplication.translate("MainWindow", u"Opening your workspace\u2026", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuTheme.setTitle(QCoreApplication.translate("MainWindow", u"&Theme", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

