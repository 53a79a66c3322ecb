# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'databases_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QStackedWidget, QTabWidget, QToolButton, QTreeView,
    QVBoxLayout, QWidget)

class Ui_DatabasesPanel(object):
    def setupUi(self, DatabasesPanel):
        if not DatabasesPanel.objectName():
            DatabasesPanel.setObjectName(u"DatabasesPanel")
        DatabasesPanel.resize(1000, 640)
        self.mainLayout = QVBoxLayout(DatabasesPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(DatabasesPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftSplitter = QSplitter(self.splitter)
        self.leftSplitter.setObjectName(u"leftSplitter")
        self.leftSplitter.setOrientation(Qt.Orientation.Vertical)
        self.leftSplitter.setChildrenCollapsible(False)
        self.connectionsPane = QWidget(self.leftSplitter)
        self.connectionsPane.setObjectName(u"connectionsPane")
        self.connectionsLayout = QVBoxLayout(self.connectionsPane)
        self.connectionsLayout.setObjectName(u"connectionsLayout")
        self.connectionsLayout.setContentsMargins(0, 0, 0, 0)
        self.connectionsTitle = QLabel(self.connectionsPane)
        self.connectionsTitle.setObjectName(u"connectionsTitle")

        self.connectionsLayout.addWidget(self.connectionsTitle)

        self.connectionsStack = QStackedWidget(self.connectionsPane)
        self.connectionsStack.setObjectName(u"connectionsStack")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listPageLayout = QVBoxLayout(self.listPage)
        self.listPageLayout.setObjectName(u"listPageLayout")
        self.listPageLayout.setContentsMargins(0, 0, 0, 0)
        self.connectionsList = QListView(self.listPage)
        self.connectionsList.setObjectName(u"connectionsList")
        self.connectionsList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.connectionsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.connectionsList.setUniformItemSizes(True)
        self.connectionsList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.listPageLayout.addWidget(self.connectionsList)

        self.connectionsStack.addWidget(self.listPage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyTopSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyPageLayout.addItem(self.emptyTopSpacer)

        self.connectionsEmptyLabel = QLabel(self.emptyPage)
        self.connectionsEmptyLabel.setObjectName(u"connectionsEmptyLabel")
        self.connectionsEmptyLabel.setWordWrap(True)
        self.connectionsEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyPageLayout.addWidget(self.connectionsEmptyLabel)

        self.emptyAddButton = QPushButton(self.emptyPage)
        self.emptyAddButton.setObjectName(u"emptyAddButton")

        self.emptyPageLayout.addWidget(self.emptyAddButton)

        self.emptyBottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyPageLayout.addItem(self.emptyBottomSpacer)

        self.connectionsStack.addWidget(self.emptyPage)

        self.connectionsLayout.addWidget(self.connectionsStack)

        self.connectionButtons = QGridLayout()
        self.connectionButtons.setSpacing(4)
        self.connectionButtons.setObjectName(u"connectionButtons")
        self.addButton = QPushButton(self.connectionsPane)
        self.addButton.setObjectName(u"addButton")

        self.connectionButtons.addWidget(self.addButton, 0, 0, 1, 1)

        self.editButton = QPushButton(self.connectionsPane)
        self.editButton.setObjectName(u"editButton")

        self.connectionButtons.addWidget(self.editButton, 0, 1, 1, 1)

        self.testButton = QPushButton(self.connectionsPane)
        self.testButton.setObjectName(u"testButton")

        self.connectionButtons.addWidget(self.testButton, 0, 2, 1, 1)

        self.removeButton = QPushButton(self.connectionsPane)
        self.removeButton.setObjectName(u"removeButton")

        self.connectionButtons.addWidget(self.removeButton, 0, 3, 1, 1)


        self.connectionsLayout.addLayout(self.connectionButtons)

        self.connectionStatusLabel = QLabel(self.connectionsPane)
        self.connectionStatusLabel.setObjectName(u"connectionStatusLabel")
        self.connectionStatusLabel.setWordWrap(True)
        self.connectionStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connectionsLayout.addWidget(self.connectionStatusLabel)

        self.connectionsLayout.setStretch(1, 1)
        self.leftSplitter.addWidget(self.connectionsPane)
        self.schemaPane = QWidget(self.leftSplitter)
        self.schemaPane.setObjectName(u"schemaPane")
        self.schemaLayout = QVBoxLayout(self.schemaPane)
        self.schemaLayout.setObjectName(u"schemaLayout")
        self.schemaLayout.setContentsMargins(0, 0, 0, 0)
        self.schemaTitleRow = QHBoxLayout()
        self.schemaTitleRow.setObjectName(u"schemaTitleRow")
        self.schemaTitle = QLabel(self.schemaPane)
        self.schemaTitle.setObjectName(u"schemaTitle")

        self.schemaTitleRow.addWidget(self.schemaTitle)

        self.schemaTitleSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.schemaTitleRow.addItem(self.schemaTitleSpacer)

        self.schemaRefreshButton = QToolButton(self.schemaPane)
        self.schemaRefreshButton.setObjectName(u"schemaRefreshButton")
        self.schemaRefreshButton.setAutoRaise(True)

        self.schemaTitleRow.addWidget(self.schemaRefreshButton)


        self.schemaLayout.addLayout(self.schemaTitleRow)

        self.schemaFilter = QLineEdit(self.schemaPane)
        self.schemaFilter.setObjectName(u"schemaFilter")
        self.schemaFilter.setClearButtonEnabled(True)

        self.schemaLayout.addWidget(self.schemaFilter)

        self.schemaTree = QTreeView(self.schemaPane)
        self.schemaTree.setObjectName(u"schemaTree")
        self.schemaTree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.schemaTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.schemaTree.setUniformRowHeights(True)
        self.schemaTree.setExpandsOnDoubleClick(False)
        self.schemaTree.header().setVisible(False)

        self.schemaLayout.addWidget(self.schemaTree)

        self.schemaLayout.setStretch(2, 1)
        self.leftSplitter.addWidget(self.schemaPane)
        self.splitter.addWidget(self.leftSplitter)
        self.editorStack = QStackedWidget(self.splitter)
        self.editorStack.setObjectName(u"editorStack")
        self.editorTabs = QTabWidget()
        self.editorTabs.setObjectName(u"editorTabs")
        self.editorTabs.setDocumentMode(True)
        self.editorTabs.setTabsClosable(True)
        self.editorTabs.setMovable(True)
        self.editorStack.addWidget(self.editorTabs)
        self.noEditorPage = QWidget()
        self.noEditorPage.setObjectName(u"noEditorPage")
        self.noEditorLayout = QVBoxLayout(self.noEditorPage)
        self.noEditorLayout.setObjectName(u"noEditorLayout")
        self.noEditorTopSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.noEditorLayout.addItem(self.noEditorTopSpacer)

        self.noEditorLabel = QLabel(self.noEditorPage)
        self.noEditorLabel.setObjectName(u"noEditorLabel")
        self.noEditorLabel.setWordWrap(True)
        self.noEditorLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.noEditorLayout.addWidget(self.noEditorLabel)

        self.noEditorButtonRow = QHBoxLayout()
        self.noEditorButtonRow.setObjectName(u"noEditorButtonRow")
        self.noEditorLeftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noEditorButtonRow.addItem(self.noEditorLeftSpacer)

        self.newEditorButton = QPushButton(self.noEditorPage)
        self.newEditorButton.setObjectName(u"newEditorButton")

        self.noEditorButtonRow.addWidget(self.newEditorButton)

        self.noEditorRightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noEditorButtonRow.addItem(self.noEditorRightSpacer)


        self.noEditorLayout.addLayout(self.noEditorButtonRow)

        self.noEditorBottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.noEditorLayout.addItem(self.noEditorBottomSpacer)

        self.editorStack.addWidget(self.noEditorPage)
        self.splitter.addWidget(self.editorStack)

        self.mainLayout.addWidget(self.splitter)

        self.messageLabel = QLabel(DatabasesPanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.mainLayout.setStretch(0, 1)

        self.retranslateUi(DatabasesPanel)

        QMetaObject.connectSlotsByName(DatabasesPanel)
    # setupUi

    def retranslateUi(self, DatabasesPanel):
        DatabasesPanel.setWindowTitle(QCoreApplication.translate("DatabasesPanel", u"Databases", None))
#if QT_CONFIG(accessibility)
        DatabasesPanel.setAccessibleName(QCoreApplication.translate("DatabasesPanel", u"Databases", None))
#endif // QT_CONFIG(accessibility)
        self.connectionsTitle.setText(QCoreApplication.translate("DatabasesPanel", u"Connections", None))
        self.connectionsTitle.setProperty(u"role", QCoreApplication.translate("DatabasesPanel", u"sectionTitle", None))
#if QT_CONFIG(accessibility)
        self.connectionsList.setAccessibleName(QCoreApplication.translate("DatabasesPanel", u"Database connections", None))
#endif // QT_CONFIG(accessibility)
        self.connectionsEmptyLabel.setText(QCoreApplication.translate("DatabasesPanel", u"No database connections yet.\n"
"\n"
"Add one for PostgreSQL, MySQL / MariaDB or Supabase. Passwords stay in your system keychain.", None))
        self.emptyAddButton.setText(QCoreApplication.translate("DatabasesPanel", u"&Add a connection\u2026", None))
        self.addButton.setText(QCoreApplication.translate("DatabasesPanel", u"A&dd\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("DatabasesPanel", u"Add a database connection", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("DatabasesPanel", u"&Edit\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("DatabasesPanel", u"Change the selected connection", None))
#endif // QT_CONFIG(tooltip)
        self.testButton.setText(QCoreApplication.translate("DatabasesPanel", u"&Test", None))
#if QT_CONFIG(tooltip)
        self.testButton.setToolTip(QCoreApplication.translate("DatabasesPanel", u"Connect to the server and report what it says", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("DatabasesPanel", u"De&lete", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("DatabasesPanel", u"Delete the selected connection with its history and saved queries", None))
#endif // QT_CONFIG(tooltip)
        self.schemaTitle.setText(QCoreApplication.translate("DatabasesPanel", u"Schema", None))
        self.schemaTitle.setProperty(u"role", QCoreApplication.translate("DatabasesPanel", u"sectionTitle", None))
#if QT_CONFIG(tooltip)
        self.schemaRefreshButton.setToolTip(QCoreApplication.translate("DatabasesPanel", u"Read the schema again from the server", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.schemaRefreshButton.setAccessibleName(QCoreApplication.translate("DatabasesPanel", u"Refresh the schema", None))
#endif // QT_CONFIG(accessibility)
        self.schemaFilter.setPlaceholderText(QCoreApplication.translate("DatabasesPanel", u"Filter tables", None))
#if QT_CONFIG(accessibility)
        self.schemaFilter.setAccessibleName(QCoreApplication.translate("DatabasesPanel", u"Filter tables", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.schemaTree.setAccessibleName(QCoreApplication.translate("DatabasesPanel", u"Schema", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.editorTabs.setAccessibleName(QCoreApplication.translate("DatabasesPanel", u"SQL editors", None))
#endif // QT_CONFIG(accessibility)
        self.noEditorLabel.setText(QCoreApplication.translate("DatabasesPanel", u"Pick a connection, then open an SQL editor, or double-click a table to see its rows.", None))
        self.newEditorButton.setText(QCoreApplication.translate("DatabasesPanel", u"&New SQL editor", None))
#if QT_CONFIG(tooltip)
        self.newEditorButton.setToolTip(QCoreApplication.translate("DatabasesPanel", u"Open an SQL editor on the selected connection (Ctrl+T)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

