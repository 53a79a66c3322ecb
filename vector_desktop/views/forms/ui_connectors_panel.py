# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'connectors_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListView, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QTabWidget,
    QTableView, QToolButton, QTreeView, QVBoxLayout,
    QWidget)

class Ui_ConnectorsPanel(object):
    def setupUi(self, ConnectorsPanel):
        if not ConnectorsPanel.objectName():
            ConnectorsPanel.setObjectName(u"ConnectorsPanel")
        ConnectorsPanel.resize(920, 600)
        self.mainLayout = QVBoxLayout(ConnectorsPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.offlineBanner = QFrame(ConnectorsPanel)
        self.offlineBanner.setObjectName(u"offlineBanner")
        self.offlineBanner.setFrameShape(QFrame.Shape.StyledPanel)
        self.offlineLayout = QHBoxLayout(self.offlineBanner)
        self.offlineLayout.setObjectName(u"offlineLayout")
        self.offlineLayout.setContentsMargins(8, 6, 8, 6)
        self.offlineLabel = QLabel(self.offlineBanner)
        self.offlineLabel.setObjectName(u"offlineLabel")
        self.offlineLabel.setWordWrap(True)

        self.offlineLayout.addWidget(self.offlineLabel)


        self.mainLayout.addWidget(self.offlineBanner)

        self.setupBanner = QFrame(ConnectorsPanel)
        self.setupBanner.setObjectName(u"setupBanner")
        self.setupBanner.setFrameShape(QFrame.Shape.StyledPanel)
        self.setupLayout = QHBoxLayout(self.setupBanner)
        self.setupLayout.setObjectName(u"setupLayout")
        self.setupLayout.setContentsMargins(8, 6, 8, 6)
        self.setupLabel = QLabel(self.setupBanner)
        self.setupLabel.setObjectName(u"setupLabel")
        self.setupLabel.setWordWrap(True)

        self.setupLayout.addWidget(self.setupLabel)

        self.setupSettingsButton = QPushButton(self.setupBanner)
        self.setupSettingsButton.setObjectName(u"setupSettingsButton")

        self.setupLayout.addWidget(self.setupSettingsButton)

        self.setupLayout.setStretch(0, 1)

        self.mainLayout.addWidget(self.setupBanner)

        self.splitter = QSplitter(ConnectorsPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftPane = QWidget(self.splitter)
        self.leftPane.setObjectName(u"leftPane")
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.connectorSearch = QLineEdit(self.leftPane)
        self.connectorSearch.setObjectName(u"connectorSearch")
        self.connectorSearch.setClearButtonEnabled(True)

        self.leftLayout.addWidget(self.connectorSearch)

        self.chipsRow = QHBoxLayout()
        self.chipsRow.setSpacing(4)
        self.chipsRow.setObjectName(u"chipsRow")
        self.connectedChip = QToolButton(self.leftPane)
        self.connectedChip.setObjectName(u"connectedChip")
        self.connectedChip.setCheckable(True)
        self.connectedChip.setAutoRaise(False)
        self.connectedChip.setProperty(u"role", u"chip")

        self.chipsRow.addWidget(self.connectedChip)

        self.enabledChip = QToolButton(self.leftPane)
        self.enabledChip.setObjectName(u"enabledChip")
        self.enabledChip.setCheckable(True)
        self.enabledChip.setAutoRaise(False)
        self.enabledChip.setProperty(u"role", u"chip")

        self.chipsRow.addWidget(self.enabledChip)

        self.errorsChip = QToolButton(self.leftPane)
        self.errorsChip.setObjectName(u"errorsChip")
        self.errorsChip.setCheckable(True)
        self.errorsChip.setAutoRaise(False)
        self.errorsChip.setProperty(u"role", u"chip")

        self.chipsRow.addWidget(self.errorsChip)

        self.chipsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chipsRow.addItem(self.chipsSpacer)


        self.leftLayout.addLayout(self.chipsRow)

        self.connectorsStack = QStackedWidget(self.leftPane)
        self.connectorsStack.setObjectName(u"connectorsStack")
        self.connectorsListPage = QWidget()
        self.connectorsListPage.setObjectName(u"connectorsListPage")
        self.connectorsListLayout = QVBoxLayout(self.connectorsListPage)
        self.connectorsListLayout.setObjectName(u"connectorsListLayout")
        self.connectorsListLayout.setContentsMargins(0, 0, 0, 0)
        self.connectorsList = QListView(self.connectorsListPage)
        self.connectorsList.setObjectName(u"connectorsList")
        self.connectorsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.connectorsList.setUniformItemSizes(True)
        self.connectorsList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.connectorsList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.connectorsListLayout.addWidget(self.connectorsList)

        self.connectorsStack.addWidget(self.connectorsListPage)
        self.connectorsEmptyPage = QWidget()
        self.connectorsEmptyPage.setObjectName(u"connectorsEmptyPage")
        self.connectorsEmptyLayout = QVBoxLayout(self.connectorsEmptyPage)
        self.connectorsEmptyLayout.setObjectName(u"connectorsEmptyLayout")
        self.emptyTopSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.connectorsEmptyLayout.addItem(self.emptyTopSpacer)

        self.connectorsEmptyLabel = QLabel(self.connectorsEmptyPage)
        self.connectorsEmptyLabel.setObjectName(u"connectorsEmptyLabel")
        self.connectorsEmptyLabel.setWordWrap(True)
        self.connectorsEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.connectorsEmptyLayout.addWidget(self.connectorsEmptyLabel)

        self.emptySettingsButton = QPushButton(self.connectorsEmptyPage)
        self.emptySettingsButton.setObjectName(u"emptySettingsButton")

        self.connectorsEmptyLayout.addWidget(self.emptySettingsButton)

        self.emptyAddButton = QPushButton(self.connectorsEmptyPage)
        self.emptyAddButton.setObjectName(u"emptyAddButton")

        self.connectorsEmptyLayout.addWidget(self.emptyAddButton)

        self.emptyBottomSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.connectorsEmptyLayout.addItem(self.emptyBottomSpacer)

        self.connectorsStack.addWidget(self.connectorsEmptyPage)

        self.leftLayout.addWidget(self.connectorsStack)

        self.connectorStatusLabel = QLabel(self.leftPane)
        self.connectorStatusLabel.setObjectName(u"connectorStatusLabel")
        self.connectorStatusLabel.setWordWrap(True)
        self.connectorStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.leftLayout.addWidget(self.connectorStatusLabel)

        self.connectFrame = QFrame(self.leftPane)
        self.connectFrame.setObjectName(u"connectFrame")
        self.connectFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.connectFrameLayout = QHBoxLayout(self.connectFrame)
        self.connectFrameLayout.setObjectName(u"connectFrameLayout")
        self.connectFrameLayout.setContentsMargins(6, 4, 6, 4)
        self.connectWaitingLabel = QLabel(self.connectFrame)
        self.connectWaitingLabel.setObjectName(u"connectWaitingLabel")
        self.connectWaitingLabel.setWordWrap(True)

        self.connectFrameLayout.addWidget(self.connectWaitingLabel)

        self.cancelConnectButton = QPushButton(self.connectFrame)
        self.cancelConnectButton.setObjectName(u"cancelConnectButton")

        self.connectFrameLayout.addWidget(self.cancelConnectButton)

        self.connectFrameLayout.setStretch(0, 1)

        self.leftLayout.addWidget(self.connectFrame)

        self.connectorButtons = QHBoxLayout()
        self.connectorButtons.setSpacing(4)
        self.connectorButtons.setObjectName(u"connectorButtons")
        self.connectButton = QPushButton(self.leftPane)
        self.connectButton.setObjectName(u"connectButton")

        self.connectorButtons.addWidget(self.connectButton)

        self.disconnectButton = QPushButton(self.leftPane)
        self.disconnectButton.setObjectName(u"disconnectButton")

        self.connectorButtons.addWidget(self.disconnectButton)

        self.enableButton = QPushButton(self.leftPane)
        self.enableButton.setObjectName(u"enableButton")
        self.enableButton.setCheckable(True)

        self.connectorButtons.addWidget(self.enableButton)


        self.leftLayout.addLayout(self.connectorButtons)

        self.serverButtons = QHBoxLayout()
        self.serverButtons.setSpacing(4)
        self.serverButtons.setObjectName(u"serverButtons")
        self.restartButton = QPushButton(self.leftPane)
        self.restartButton.setObjectName(u"restartButton")

        self.serverButtons.addWidget(self.restartButton)

        self.logButton = QPushButton(self.leftPane)
        self.logButton.setObjectName(u"logButton")

        self.serverButtons.addWidget(self.logButton)

        self.editButton = QPushButton(self.leftPane)
        self.editButton.setObjectName(u"editButton")

        self.serverButtons.addWidget(self.editButton)

        self.removeButton = QPushButton(self.leftPane)
        self.removeButton.setObjectName(u"removeButton")

        self.serverButtons.addWidget(self.removeButton)


        self.leftLayout.addLayout(self.serverButtons)

        self.leftLine = QFrame(self.leftPane)
        self.leftLine.setObjectName(u"leftLine")
        self.leftLine.setFrameShape(QFrame.Shape.HLine)
        self.leftLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.leftLayout.addWidget(self.leftLine)

        self.addRow = QHBoxLayout()
        self.addRow.setSpacing(4)
        self.addRow.setObjectName(u"addRow")
        self.addServerButton = QPushButton(self.leftPane)
        self.addServerButton.setObjectName(u"addServerButton")

        self.addRow.addWidget(self.addServerButton)

        self.importButton = QPushButton(self.leftPane)
        self.importButton.setObjectName(u"importButton")

        self.addRow.addWidget(self.importButton)

        self.refreshButton = QToolButton(self.leftPane)
        self.refreshButton.setObjectName(u"refreshButton")

        self.addRow.addWidget(self.refreshButton)

        self.addRow.setStretch(0, 1)
        self.addRow.setStretch(1, 1)

        self.leftLayout.addLayout(self.addRow)

        self.leftLayout.setStretch(2, 1)
        self.splitter.addWidget(self.leftPane)
        self.centreTabs = QTabWidget(self.splitter)
        self.centreTabs.setObjectName(u"centreTabs")
        self.toolsTab = QWidget()
        self.toolsTab.setObjectName(u"toolsTab")
        self.toolsTabLayout = QVBoxLayout(self.toolsTab)
        self.toolsTabLayout.setObjectName(u"toolsTabLayout")
        self.toolsTabLayout.setContentsMargins(6, 6, 6, 6)
        self.toolsBar = QHBoxLayout()
        self.toolsBar.setSpacing(4)
        self.toolsBar.setObjectName(u"toolsBar")
        self.toolSearch = QLineEdit(self.toolsTab)
        self.toolSearch.setObjectName(u"toolSearch")
        self.toolSearch.setClearButtonEnabled(True)

        self.toolsBar.addWidget(self.toolSearch)

        self.toolConnectorFilter = QComboBox(self.toolsTab)
        self.toolConnectorFilter.setObjectName(u"toolConnectorFilter")

        self.toolsBar.addWidget(self.toolConnectorFilter)

        self.enableAllButton = QPushButton(self.toolsTab)
        self.enableAllButton.setObjectName(u"enableAllButton")

        self.toolsBar.addWidget(self.enableAllButton)

        self.disableAllButton = QPushButton(self.toolsTab)
        self.disableAllButton.setObjectName(u"disableAllButton")

        self.toolsBar.addWidget(self.disableAllButton)

        self.toolsBar.setStretch(0, 1)

        self.toolsTabLayout.addLayout(self.toolsBar)

        self.toolsSplitter = QSplitter(self.toolsTab)
        self.toolsSplitter.setObjectName(u"toolsSplitter")
        self.toolsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.toolsSplitter.setChildrenCollapsible(False)
        self.toolsStack = QStackedWidget(self.toolsSplitter)
        self.toolsStack.setObjectName(u"toolsStack")
        self.toolsTablePage = QWidget()
        self.toolsTablePage.setObjectName(u"toolsTablePage")
        self.toolsTablePageLayout = QVBoxLayout(self.toolsTablePage)
        self.toolsTablePageLayout.setObjectName(u"toolsTablePageLayout")
        self.toolsTablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.toolsTable = QTableView(self.toolsTablePage)
        self.toolsTable.setObjectName(u"toolsTable")
        self.toolsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.toolsTable.setAlternatingRowColors(True)
        self.toolsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.toolsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.toolsTable.setShowGrid(False)
        self.toolsTable.setSortingEnabled(False)
        self.toolsTable.setWordWrap(False)

        self.toolsTablePageLayout.addWidget(self.toolsTable)

        self.toolsStack.addWidget(self.toolsTablePage)
        self.toolsEmptyPage = QWidget()
        self.toolsEmptyPage.setObjectName(u"toolsEmptyPage")
        self.toolsEmptyLayout = QVBoxLayout(self.toolsEmptyPage)
        self.toolsEmptyLayout.setObjectName(u"toolsEmptyLayout")
        self.toolsEmptyTop = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.toolsEmptyLayout.addItem(self.toolsEmptyTop)

        self.toolsEmptyLabel = QLabel(self.toolsEmptyPage)
        self.toolsEmptyLabel.setObjectName(u"toolsEmptyLabel")
        self.toolsEmptyLabel.setWordWrap(True)
        self.toolsEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolsEmptyLayout.addWidget(self.toolsEmptyLabel)

        self.toolsEmptyBottom = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.toolsEmptyLayout.addItem(self.toolsEmptyBottom)

        self.toolsStack.addWidget(self.toolsEmptyPage)
        self.toolsSplitter.addWidget(self.toolsStack)
        self.toolDetail = QWidget(self.toolsSplitter)
        self.toolDetail.setObjectName(u"toolDetail")
        self.toolDetailLayout = QVBoxLayout(self.toolDetail)
        self.toolDetailLayout.setObjectName(u"toolDetailLayout")
        self.toolDetailLayout.setContentsMargins(0, 4, 0, 0)
        self.toolTitleRow = QHBoxLayout()
        self.toolTitleRow.setObjectName(u"toolTitleRow")
        self.toolTitleLabel = QLabel(self.toolDetail)
        self.toolTitleLabel.setObjectName(u"toolTitleLabel")
        self.toolTitleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.toolTitleRow.addWidget(self.toolTitleLabel)

        self.toolTitleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolTitleRow.addItem(self.toolTitleSpacer)

        self.runButton = QPushButton(self.toolDetail)
        self.runButton.setObjectName(u"runButton")

        self.toolTitleRow.addWidget(self.runButton)

        self.toolTitleRow.setStretch(1, 1)

        self.toolDetailLayout.addLayout(self.toolTitleRow)

        self.toolBadgesLabel = QLabel(self.toolDetail)
        self.toolBadgesLabel.setObjectName(u"toolBadgesLabel")

        self.toolDetailLayout.addWidget(self.toolBadgesLabel)

        self.toolDescriptionLabel = QLabel(self.toolDetail)
        self.toolDescriptionLabel.setObjectName(u"toolDescriptionLabel")
        self.toolDescriptionLabel.setWordWrap(True)
        self.toolDescriptionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.toolDetailLayout.addWidget(self.toolDescriptionLabel)

        self.toolCostLabel = QLabel(self.toolDetail)
        self.toolCostLabel.setObjectName(u"toolCostLabel")

        self.toolDetailLayout.addWidget(self.toolCostLabel)

        self.schemaHeading = QLabel(self.toolDetail)
        self.schemaHeading.setObjectName(u"schemaHeading")

        self.toolDetailLayout.addWidget(self.schemaHeading)

        self.schemaView = QPlainTextEdit(self.toolDetail)
        self.schemaView.setObjectName(u"schemaView")
        self.schemaView.setReadOnly(True)
        self.schemaView.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.toolDetailLayout.addWidget(self.schemaView)

        self.toolDetailLayout.setStretch(5, 1)
        self.toolsSplitter.addWidget(self.toolDetail)

        self.toolsTabLayout.addWidget(self.toolsSplitter)

        self.centreTabs.addTab(self.toolsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyTabLayout = QVBoxLayout(self.historyTab)
        self.historyTabLayout.setObjectName(u"historyTabLayout")
        self.historyTabLayout.setContentsMargins(6, 6, 6, 6)
        self.historyBar = QHBoxLayout()
        self.historyBar.setSpacing(4)
        self.historyBar.setObjectName(u"historyBar")
        self.historySearch = QLineEdit(self.historyTab)
        self.historySearch.setObjectName(u"historySearch")
        self.historySearch.setClearButtonEnabled(True)

        self.historyBar.addWidget(self.historySearch)

        self.historyConnectorFilter = QComboBox(self.historyTab)
        self.historyConnectorFilter.setObjectName(u"historyConnectorFilter")

        self.historyBar.addWidget(self.historyConnectorFilter)

        self.historyStatusFilter = QComboBox(self.historyTab)
        self.historyStatusFilter.setObjectName(u"historyStatusFilter")

        self.historyBar.addWidget(self.historyStatusFilter)

        self.historyRefreshButton = QToolButton(self.historyTab)
        self.historyRefreshButton.setObjectName(u"historyRefreshButton")

        self.historyBar.addWidget(self.historyRefreshButton)

        self.historyBar.setStretch(0, 1)

        self.historyTabLayout.addLayout(self.historyBar)

        self.historySplitter = QSplitter(self.historyTab)
        self.historySplitter.setObjectName(u"historySplitter")
        self.historySplitter.setOrientation(Qt.Orientation.Vertical)
        self.historySplitter.setChildrenCollapsible(False)
        self.historyStack = QStackedWidget(self.historySplitter)
        self.historyStack.setObjectName(u"historyStack")
        self.historyTablePage = QWidget()
        self.historyTablePage.setObjectName(u"historyTablePage")
        self.historyTablePageLayout = QVBoxLayout(self.historyTablePage)
        self.historyTablePageLayout.setObjectName(u"historyTablePageLayout")
        self.historyTablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.historyTable = QTableView(self.historyTablePage)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyTable.setShowGrid(False)
        self.historyTable.setSortingEnabled(False)
        self.historyTable.setWordWrap(False)

        self.historyTablePageLayout.addWidget(self.historyTable)

        self.historyStack.addWidget(self.historyTablePage)
        self.historyEmptyPage = QWidget()
        self.historyEmptyPage.setObjectName(u"historyEmptyPage")
        self.historyEmptyLayout = QVBoxLayout(self.historyEmptyPage)
        self.historyEmptyLayout.setObjectName(u"historyEmptyLayout")
        self.historyEmptyTop = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.historyEmptyLayout.addItem(self.historyEmptyTop)

        self.historyEmptyLabel = QLabel(self.historyEmptyPage)
        self.historyEmptyLabel.setObjectName(u"historyEmptyLabel")
        self.historyEmptyLabel.setWordWrap(True)
        self.historyEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.historyEmptyLayout.addWidget(self.historyEmptyLabel)

        self.historyEmptyBottom = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.historyEmptyLayout.addItem(self.historyEmptyBottom)

        self.historyStack.addWidget(self.historyEmptyPage)
        self.historySplitter.addWidget(self.historyStack)
        self.historyDetail = QWidget(self.historySplitter)
        self.historyDetail.setObjectName(u"historyDetail")
        self.historyDetailLayout = QVBoxLayout(self.historyDetail)
        self.historyDetailLayout.setObjectName(u"historyDetailLayout")
        self.historyDetailLayout.setContentsMargins(0, 4, 0, 0)
        self.historyDetailRow = QHBoxLayout()
        self.historyDetailRow.setObjectName(u"historyDetailRow")
        self.historyDetailLabel = QLabel(self.historyDetail)
        self.historyDetailLabel.setObjectName(u"historyDetailLabel")
        self.historyDetailLabel.setWordWrap(True)
        self.historyDetailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.historyDetailRow.addWidget(self.historyDetailLabel)

        self.rerunButton = QPushButton(self.historyDetail)
        self.rerunButton.setObjectName(u"rerunButton")

        self.historyDetailRow.addWidget(self.rerunButton)

        self.historyDetailRow.setStretch(0, 1)

        self.historyDetailLayout.addLayout(self.historyDetailRow)

        self.historyDetailSplitter = QSplitter(self.historyDetail)
        self.historyDetailSplitter.setObjectName(u"historyDetailSplitter")
        self.historyDetailSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.historyDetailSplitter.setChildrenCollapsible(False)
        self.argumentsBox = QWidget(self.historyDetailSplitter)
        self.argumentsBox.setObjectName(u"argumentsBox")
        self.argumentsLayout = QVBoxLayout(self.argumentsBox)
        self.argumentsLayout.setObjectName(u"argumentsLayout")
        self.argumentsLayout.setContentsMargins(0, 0, 0, 0)
        self.argumentsHeader = QHBoxLayout()
        self.argumentsHeader.setObjectName(u"argumentsHeader")
        self.argumentsHeading = QLabel(self.argumentsBox)
        self.argumentsHeading.setObjectName(u"argumentsHeading")

        self.argumentsHeader.addWidget(self.argumentsHeading)

        self.argumentsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.argumentsHeader.addItem(self.argumentsSpacer)

        self.copyArgumentsButton = QToolButton(self.argumentsBox)
        self.copyArgumentsButton.setObjectName(u"copyArgumentsButton")

        self.argumentsHeader.addWidget(self.copyArgumentsButton)


        self.argumentsLayout.addLayout(self.argumentsHeader)

        self.argumentsView = QPlainTextEdit(self.argumentsBox)
        self.argumentsView.setObjectName(u"argumentsView")
        self.argumentsView.setReadOnly(True)

        self.argumentsLayout.addWidget(self.argumentsView)

        self.historyDetailSplitter.addWidget(self.argumentsBox)
        self.historyResultHolder = QWidget(self.historyDetailSplitter)
        self.historyResultHolder.setObjectName(u"historyResultHolder")
        self.historyResultLayout = QVBoxLayout(self.historyResultHolder)
        self.historyResultLayout.setObjectName(u"historyResultLayout")
        self.historyResultLayout.setContentsMargins(0, 0, 0, 0)
        self.historyDetailSplitter.addWidget(self.historyResultHolder)

        self.historyDetailLayout.addWidget(self.historyDetailSplitter)

        self.historyDetailLayout.setStretch(1, 1)
        self.historySplitter.addWidget(self.historyDetail)

        self.historyTabLayout.addWidget(self.historySplitter)

        self.centreTabs.addTab(self.historyTab, "")
        self.permissionsTab = QWidget()
        self.permissionsTab.setObjectName(u"permissionsTab")
        self.permissionsTabLayout = QVBoxLayout(self.permissionsTab)
        self.permissionsTabLayout.setObjectName(u"permissionsTabLayout")
        self.permissionsTabLayout.setContentsMargins(6, 6, 6, 6)
        self.permissionsTabs = QTabWidget(self.permissionsTab)
        self.permissionsTabs.setObjectName(u"permissionsTabs")
        self.permissionsTabs.setDocumentMode(True)
        self.policiesPage = QWidget()
        self.policiesPage.setObjectName(u"policiesPage")
        self.policiesLayout = QVBoxLayout(self.policiesPage)
        self.policiesLayout.setObjectName(u"policiesLayout")
        self.policiesLayout.setContentsMargins(0, 6, 0, 0)
        self.policySearch = QLineEdit(self.policiesPage)
        self.policySearch.setObjectName(u"policySearch")
        self.policySearch.setClearButtonEnabled(True)

        self.policiesLayout.addWidget(self.policySearch)

        self.policyStack = QStackedWidget(self.policiesPage)
        self.policyStack.setObjectName(u"policyStack")
        self.policyTreePage = QWidget()
        self.policyTreePage.setObjectName(u"policyTreePage")
        self.policyTreePageLayout = QVBoxLayout(self.policyTreePage)
        self.policyTreePageLayout.setObjectName(u"policyTreePageLayout")
        self.policyTreePageLayout.setContentsMargins(0, 0, 0, 0)
        self.policyTree = QTreeView(self.policyTreePage)
        self.policyTree.setObjectName(u"policyTree")
        self.policyTree.setEditTriggers(QAbstractItemView.EditTrigger.CurrentChanged|QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.policyTree.setAlternatingRowColors(True)
        self.policyTree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.policyTree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.policyTree.setUniformRowHeights(True)

        self.policyTreePageLayout.addWidget(self.policyTree)

        self.policyStack.addWidget(self.policyTreePage)
        self.policyEmptyPage = QWidget()
        self.policyEmptyPage.setObjectName(u"policyEmptyPage")
        self.policyEmptyLayout = QVBoxLayout(self.policyEmptyPage)
        self.policyEmptyLayout.setObjectName(u"policyEmptyLayout")
        self.policyEmptyLabel = QLabel(self.policyEmptyPage)
        self.policyEmptyLabel.setObjectName(u"policyEmptyLabel")
        self.policyEmptyLabel.setWordWrap(True)
        self.policyEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.policyEmptyLayout.addWidget(self.policyEmptyLabel)

        self.policyStack.addWidget(self.policyEmptyPage)

        self.policiesLayout.addWidget(self.policyStack)

        self.policyHelpLabel = QLabel(self.policiesPage)
        self.policyHelpLabel.setObjectName(u"policyHelpLabel")
        self.policyHelpLabel.setWordWrap(True)

        self.policiesLayout.addWidget(self.policyHelpLabel)

        self.policiesLayout.setStretch(1, 1)
        self.permissionsTabs.addTab(self.policiesPage, "")
        self.grantsPage = QWidget()
        self.grantsPage.setObjectName(u"grantsPage")
        self.grantsLayout = QVBoxLayout(self.grantsPage)
        self.grantsLayout.setObjectName(u"grantsLayout")
        self.grantsLayout.setContentsMargins(0, 6, 0, 0)
        self.grantsIntroLabel = QLabel(self.grantsPage)
        self.grantsIntroLabel.setObjectName(u"grantsIntroLabel")
        self.grantsIntroLabel.setWordWrap(True)

        self.grantsLayout.addWidget(self.grantsIntroLabel)

        self.grantsStack = QStackedWidget(self.grantsPage)
        self.grantsStack.setObjectName(u"grantsStack")
        self.grantsTablePage = QWidget()
        self.grantsTablePage.setObjectName(u"grantsTablePage")
        self.grantsTablePageLayout = QVBoxLayout(self.grantsTablePage)
        self.grantsTablePageLayout.setObjectName(u"grantsTablePageLayout")
        self.grantsTablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.grantsTable = QTableView(self.grantsTablePage)
        self.grantsTable.setObjectName(u"grantsTable")
        self.grantsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grantsTable.setAlternatingRowColors(True)
        self.grantsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grantsTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grantsTable.setShowGrid(False)
        self.grantsTable.setWordWrap(False)

        self.grantsTablePageLayout.addWidget(self.grantsTable)

        self.grantsStack.addWidget(self.grantsTablePage)
        self.grantsEmptyPage = QWidget()
        self.grantsEmptyPage.setObjectName(u"grantsEmptyPage")
        self.grantsEmptyLayout = QVBoxLayout(self.grantsEmptyPage)
        self.grantsEmptyLayout.setObjectName(u"grantsEmptyLayout")
        self.grantsEmptyLabel = QLabel(self.grantsEmptyPage)
        self.grantsEmptyLabel.setObjectName(u"grantsEmptyLabel")
        self.grantsEmptyLabel.setWordWrap(True)
        self.grantsEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.grantsEmptyLayout.addWidget(self.grantsEmptyLabel)

        self.grantsStack.addWidget(self.grantsEmptyPage)

        self.grantsLayout.addWidget(self.grantsStack)

        self.grantsButtons = QHBoxLayout()
        self.grantsButtons.setObjectName(u"grantsButtons")
        self.grantsButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.grantsButtons.addItem(self.grantsButtonsSpacer)

        self.revokeButton = QPushButton(self.grantsPage)
        self.revokeButton.setObjectName(u"revokeButton")

        self.grantsButtons.addWidget(self.revokeButton)

        self.revokeAllButton = QPushButton(self.grantsPage)
        self.revokeAllButton.setObjectName(u"revokeAllButton")

        self.grantsButtons.addWidget(self.revokeAllButton)


        self.grantsLayout.addLayout(self.grantsButtons)

        self.grantsLayout.setStretch(1, 1)
        self.permissionsTabs.addTab(self.grantsPage, "")
        self.rulesPage = QWidget()
        self.rulesPage.setObjectName(u"rulesPage")
        self.rulesLayout = QVBoxLayout(self.rulesPage)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesLayout.setContentsMargins(0, 6, 0, 0)
        self.rulesIntroLabel = QLabel(self.rulesPage)
        self.rulesIntroLabel.setObjectName(u"rulesIntroLabel")
        self.rulesIntroLabel.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesIntroLabel)

        self.rulesStack = QStackedWidget(self.rulesPage)
        self.rulesStack.setObjectName(u"rulesStack")
        self.rulesTablePage = QWidget()
        self.rulesTablePage.setObjectName(u"rulesTablePage")
        self.rulesTablePageLayout = QVBoxLayout(self.rulesTablePage)
        self.rulesTablePageLayout.setObjectName(u"rulesTablePageLayout")
        self.rulesTablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.rulesTable = QTableView(self.rulesTablePage)
        self.rulesTable.setObjectName(u"rulesTable")
        self.rulesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rulesTable.setAlternatingRowColors(True)
        self.rulesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rulesTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.rulesTable.setShowGrid(False)
        self.rulesTable.setWordWrap(False)

        self.rulesTablePageLayout.addWidget(self.rulesTable)

        self.rulesStack.addWidget(self.rulesTablePage)
        self.rulesEmptyPage = QWidget()
        self.rulesEmptyPage.setObjectName(u"rulesEmptyPage")
        self.rulesEmptyLayout = QVBoxLayout(self.rulesEmptyPage)
        self.rulesEmptyLayout.setObjectName(u"rulesEmptyLayout")
        self.rulesEmptyLabel = QLabel(self.rulesEmptyPage)
        self.rulesEmptyLabel.setObjectName(u"rulesEmptyLabel")
        self.rulesEmptyLabel.setWordWrap(True)
        self.rulesEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.rulesEmptyLayout.addWidget(self.rulesEmptyLabel)

        self.rulesStack.addWidget(self.rulesEmptyPage)

        self.rulesLayout.addWidget(self.rulesStack)

        self.rulesButtons = QHBoxLayout()
        self.rulesButtons.setObjectName(u"rulesButtons")
        self.addRuleButton = QPushButton(self.rulesPage)
        self.addRuleButton.setObjectName(u"addRuleButton")

        self.rulesButtons.addWidget(self.addRuleButton)

        self.deleteRuleButton = QPushButton(self.rulesPage)
        self.deleteRuleButton.setObjectName(u"deleteRuleButton")

        self.rulesButtons.addWidget(self.deleteRuleButton)

        self.rulesButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesButtons.addItem(self.rulesButtonsSpacer)


        self.rulesLayout.addLayout(self.rulesButtons)

        self.rulesLayout.setStretch(1, 1)
        self.permissionsTabs.addTab(self.rulesPage, "")

        self.permissionsTabLayout.addWidget(self.permissionsTabs)

        self.centreTabs.addTab(self.permissionsTab, "")
        self.splitter.addWidget(self.centreTabs)

        self.mainLayout.addWidget(self.splitter)

        self.messageLabel = QLabel(ConnectorsPanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(ConnectorsPanel)

        QMetaObject.connectSlotsByName(ConnectorsPanel)
    # setupUi

    def retranslateUi(self, ConnectorsPanel):
        ConnectorsPanel.setWindowTitle(QCoreApplication.translate("ConnectorsPanel", u"Connectors", None))
#if QT_CONFIG(accessibility)
        ConnectorsPanel.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Connectors", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.offlineBanner.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Offline", None))
#endif // QT_CONFIG(accessibility)
        self.offlineLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"You are offline. Connectors are shown as last fetched; connecting, refreshing and running tools on remote servers need the network.", None))
#if QT_CONFIG(accessibility)
        self.setupBanner.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Merge is not set up", None))
#endif // QT_CONFIG(accessibility)
        self.setupLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"Set your Merge access key and tool pack id in Settings \u2192 Connectors to see your Merge connectors.", None))
        self.setupSettingsButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Open &Settings\u2026", None))
#if QT_CONFIG(tooltip)
        self.setupSettingsButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Open Settings \u2192 Connectors", None))
#endif // QT_CONFIG(tooltip)
        self.connectorSearch.setPlaceholderText(QCoreApplication.translate("ConnectorsPanel", u"Search connectors", None))
#if QT_CONFIG(accessibility)
        self.connectorSearch.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Search connectors", None))
#endif // QT_CONFIG(accessibility)
        self.connectedChip.setText(QCoreApplication.translate("ConnectorsPanel", u"Connected", None))
#if QT_CONFIG(tooltip)
        self.connectedChip.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Show only connected connectors", None))
#endif // QT_CONFIG(tooltip)
        self.enabledChip.setText(QCoreApplication.translate("ConnectorsPanel", u"Enabled", None))
#if QT_CONFIG(tooltip)
        self.enabledChip.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Show only enabled connectors", None))
#endif // QT_CONFIG(tooltip)
        self.errorsChip.setText(QCoreApplication.translate("ConnectorsPanel", u"Has errors", None))
#if QT_CONFIG(tooltip)
        self.errorsChip.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Show only connectors with a problem", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.connectorsList.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Connectors", None))
#endif // QT_CONFIG(accessibility)
        self.connectorsEmptyLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"No connectors yet.", None))
        self.emptySettingsButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Open &Settings\u2026", None))
#if QT_CONFIG(tooltip)
        self.emptySettingsButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Set the Merge access key and tool pack id", None))
#endif // QT_CONFIG(tooltip)
        self.emptyAddButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Add an MCP server\u2026", None))
#if QT_CONFIG(tooltip)
        self.emptyAddButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Add a server by URL or by command", None))
#endif // QT_CONFIG(tooltip)
        self.connectorStatusLabel.setText("")
        self.connectWaitingLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"Waiting for you to finish in the browser\u2026", None))
        self.cancelConnectButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Cancel", None))
#if QT_CONFIG(tooltip)
        self.cancelConnectButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Stop waiting for the browser", None))
#endif // QT_CONFIG(tooltip)
        self.connectButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Connect", None))
#if QT_CONFIG(tooltip)
        self.connectButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Connect this connector (opens your browser)", None))
#endif // QT_CONFIG(tooltip)
        self.disconnectButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Disconnect", None))
#if QT_CONFIG(tooltip)
        self.disconnectButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Remove the connection of this connector", None))
#endif // QT_CONFIG(tooltip)
        self.enableButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Enabled", None))
#if QT_CONFIG(tooltip)
        self.enableButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Offer this connector's tools, or not", None))
#endif // QT_CONFIG(tooltip)
        self.restartButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Restart", None))
#if QT_CONFIG(tooltip)
        self.restartButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Stop and start this server again", None))
#endif // QT_CONFIG(tooltip)
        self.logButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Log\u2026", None))
#if QT_CONFIG(tooltip)
        self.logButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Messages and error output of this server", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("ConnectorsPanel", u"E&dit\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Change this server's address, command or secrets", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Remo&ve", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Remove this server and its secrets", None))
#endif // QT_CONFIG(tooltip)
        self.addServerButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Add MCP server\u2026", None))
#if QT_CONFIG(tooltip)
        self.addServerButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Add a server by URL or by command", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Import\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Add servers from a Claude Desktop or Cursor mcpServers JSON", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText("")
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Fetch the connectors and their tools again (F5)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.refreshButton.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Refresh", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.centreTabs.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Tools, history and permissions", None))
#endif // QT_CONFIG(accessibility)
        self.toolSearch.setPlaceholderText(QCoreApplication.translate("ConnectorsPanel", u"Search tools by name or description", None))
#if QT_CONFIG(accessibility)
        self.toolSearch.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Search tools", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.toolConnectorFilter.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Connector of the tools shown", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.toolConnectorFilter.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Show the tools of one connector", None))
#endif // QT_CONFIG(tooltip)
        self.enableAllButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Enable shown", None))
#if QT_CONFIG(tooltip)
        self.enableAllButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Enable every tool shown in the list", None))
#endif // QT_CONFIG(tooltip)
        self.disableAllButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Disable shown", None))
#if QT_CONFIG(tooltip)
        self.disableAllButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Disable every tool shown in the list", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.toolsTable.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Tools", None))
#endif // QT_CONFIG(accessibility)
        self.toolsEmptyLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"No tools yet.", None))
        self.toolTitleLabel.setText("")
#if QT_CONFIG(accessibility)
        self.toolTitleLabel.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Tool", None))
#endif // QT_CONFIG(accessibility)
        self.runButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&Run tool\u2026", None))
#if QT_CONFIG(tooltip)
        self.runButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Fill in the arguments and run this tool (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.toolBadgesLabel.setText("")
#if QT_CONFIG(accessibility)
        self.toolBadgesLabel.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"What the server says about this tool", None))
#endif // QT_CONFIG(accessibility)
        self.toolDescriptionLabel.setText("")
#if QT_CONFIG(accessibility)
        self.toolDescriptionLabel.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.toolCostLabel.setText("")
#if QT_CONFIG(accessibility)
        self.toolCostLabel.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Token cost", None))
#endif // QT_CONFIG(accessibility)
        self.schemaHeading.setText(QCoreApplication.translate("ConnectorsPanel", u"Input schema", None))
#if QT_CONFIG(accessibility)
        self.schemaView.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Input schema", None))
#endif // QT_CONFIG(accessibility)
        self.centreTabs.setTabText(self.centreTabs.indexOf(self.toolsTab), QCoreApplication.translate("ConnectorsPanel", u"&Tools", None))
        self.historySearch.setPlaceholderText(QCoreApplication.translate("ConnectorsPanel", u"Search runs", None))
#if QT_CONFIG(accessibility)
        self.historySearch.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Search runs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyConnectorFilter.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Connector of the runs shown", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyStatusFilter.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Status of the runs shown", None))
#endif // QT_CONFIG(accessibility)
        self.historyRefreshButton.setText("")
#if QT_CONFIG(tooltip)
        self.historyRefreshButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Read the history again", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.historyRefreshButton.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Refresh history", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Runs", None))
#endif // QT_CONFIG(accessibility)
        self.historyEmptyLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"No runs yet. Pick a tool and choose Run tool.", None))
        self.historyDetailLabel.setText("")
        self.rerunButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Re-&run\u2026", None))
#if QT_CONFIG(tooltip)
        self.rerunButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Run this tool again with the same arguments", None))
#endif // QT_CONFIG(tooltip)
        self.argumentsHeading.setText(QCoreApplication.translate("ConnectorsPanel", u"Arguments", None))
        self.copyArgumentsButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Copy", None))
#if QT_CONFIG(tooltip)
        self.copyArgumentsButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Copy the arguments as JSON", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.copyArgumentsButton.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Copy arguments", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.argumentsView.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Arguments of the run", None))
#endif // QT_CONFIG(accessibility)
        self.centreTabs.setTabText(self.centreTabs.indexOf(self.historyTab), QCoreApplication.translate("ConnectorsPanel", u"&History", None))
#if QT_CONFIG(accessibility)
        self.permissionsTabs.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Policies, grants and rules", None))
#endif // QT_CONFIG(accessibility)
        self.policySearch.setPlaceholderText(QCoreApplication.translate("ConnectorsPanel", u"Search tools by name or description", None))
#if QT_CONFIG(accessibility)
        self.policySearch.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Search the policies", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.policyTree.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Policy of each connector and tool", None))
#endif // QT_CONFIG(accessibility)
        self.policyEmptyLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"No connectors yet.", None))
        self.policyHelpLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"A deny rule or your Deny always wins. A grant lets a tool run without asking. Destructive tools and the tools of untrusted connectors never run without a grant or your answer.", None))
        self.permissionsTabs.setTabText(self.permissionsTabs.indexOf(self.policiesPage), QCoreApplication.translate("ConnectorsPanel", u"P&olicies", None))
        self.grantsIntroLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"What you allowed when a tool asked. Revoke a grant to be asked again.", None))
#if QT_CONFIG(accessibility)
        self.grantsTable.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Grants", None))
#endif // QT_CONFIG(accessibility)
        self.grantsEmptyLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"No grants. When you allow a tool for a conversation, for an hour or always, it is listed here.", None))
        self.revokeButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Revo&ke", None))
#if QT_CONFIG(tooltip)
        self.revokeButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Revoke the selected grants (Delete): the tool asks again", None))
#endif // QT_CONFIG(tooltip)
        self.revokeAllButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Revoke all\u2026", None))
#if QT_CONFIG(tooltip)
        self.revokeAllButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Revoke every grant", None))
#endif // QT_CONFIG(tooltip)
        self.permissionsTabs.setTabText(self.permissionsTabs.indexOf(self.grantsPage), QCoreApplication.translate("ConnectorsPanel", u"&Grants", None))
        self.rulesIntroLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"Rules decide by tool name and arguments, before your choices in Policies: allow jira__search always, ask for jira__create_issue only in one project.", None))
#if QT_CONFIG(accessibility)
        self.rulesTable.setAccessibleName(QCoreApplication.translate("ConnectorsPanel", u"Rules", None))
#endif // QT_CONFIG(accessibility)
        self.rulesEmptyLabel.setText(QCoreApplication.translate("ConnectorsPanel", u"No rules yet.", None))
        self.addRuleButton.setText(QCoreApplication.translate("ConnectorsPanel", u"&New rule\u2026", None))
#if QT_CONFIG(tooltip)
        self.addRuleButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Add a rule for a tool or a pattern of tools, optionally on its arguments", None))
#endif // QT_CONFIG(tooltip)
        self.deleteRuleButton.setText(QCoreApplication.translate("ConnectorsPanel", u"Delete rule", None))
#if QT_CONFIG(tooltip)
        self.deleteRuleButton.setToolTip(QCoreApplication.translate("ConnectorsPanel", u"Delete the selected rules (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.permissionsTabs.setTabText(self.permissionsTabs.indexOf(self.rulesPage), QCoreApplication.translate("ConnectorsPanel", u"R&ules", None))
        self.centreTabs.setTabText(self.centreTabs.indexOf(self.permissionsTab), QCoreApplication.translate("ConnectorsPanel", u"&Permissions", None))
        self.messageLabel.setText("")
    # retranslateUi

