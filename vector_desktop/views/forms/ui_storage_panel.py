# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'storage_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_StoragePanel(object):
    def setupUi(self, StoragePanel):
        if not StoragePanel.objectName():
            StoragePanel.setObjectName(u"StoragePanel")
        StoragePanel.resize(900, 560)
        self.mainLayout = QVBoxLayout(StoragePanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.backendRow = QHBoxLayout()
        self.backendRow.setObjectName(u"backendRow")
        self.backendLabel = QLabel(StoragePanel)
        self.backendLabel.setObjectName(u"backendLabel")
        self.backendLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backendRow.addWidget(self.backendLabel)

        self.backendSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backendRow.addItem(self.backendSpacer)

        self.linksButton = QPushButton(StoragePanel)
        self.linksButton.setObjectName(u"linksButton")

        self.backendRow.addWidget(self.linksButton)

        self.settingsLink = QLabel(StoragePanel)
        self.settingsLink.setObjectName(u"settingsLink")
        self.settingsLink.setTextFormat(Qt.TextFormat.RichText)
        self.settingsLink.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard|Qt.TextInteractionFlag.LinksAccessibleByMouse)

        self.backendRow.addWidget(self.settingsLink)


        self.mainLayout.addLayout(self.backendRow)

        self.pendingBanner = QFrame(StoragePanel)
        self.pendingBanner.setObjectName(u"pendingBanner")
        self.pendingBanner.setStyleSheet(u"QFrame#pendingBanner { background: #fff4e5; border: 1px solid #ffb74d; border-radius: 4px; } QFrame#pendingBanner QLabel { color: #663c00; }")
        self.pendingLayout = QHBoxLayout(self.pendingBanner)
        self.pendingLayout.setObjectName(u"pendingLayout")
        self.pendingLayout.setContentsMargins(-1, 4, -1, 4)
        self.pendingLabel = QLabel(self.pendingBanner)
        self.pendingLabel.setObjectName(u"pendingLabel")
        self.pendingLabel.setWordWrap(True)

        self.pendingLayout.addWidget(self.pendingLabel)

        self.resumeButton = QPushButton(self.pendingBanner)
        self.resumeButton.setObjectName(u"resumeButton")

        self.pendingLayout.addWidget(self.resumeButton)

        self.discardButton = QPushButton(self.pendingBanner)
        self.discardButton.setObjectName(u"discardButton")

        self.pendingLayout.addWidget(self.discardButton)


        self.mainLayout.addWidget(self.pendingBanner)

        self.toolbarRow = QHBoxLayout()
        self.toolbarRow.setSpacing(4)
        self.toolbarRow.setObjectName(u"toolbarRow")
        self.upButton = QToolButton(StoragePanel)
        self.upButton.setObjectName(u"upButton")
        self.upButton.setAutoRaise(True)

        self.toolbarRow.addWidget(self.upButton)

        self.breadcrumbBar = QWidget(StoragePanel)
        self.breadcrumbBar.setObjectName(u"breadcrumbBar")
        self.breadcrumbLayout = QHBoxLayout(self.breadcrumbBar)
        self.breadcrumbLayout.setSpacing(0)
        self.breadcrumbLayout.setObjectName(u"breadcrumbLayout")
        self.breadcrumbLayout.setContentsMargins(0, 0, 0, 0)

        self.toolbarRow.addWidget(self.breadcrumbBar)

        self.toolbarSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarRow.addItem(self.toolbarSpacer)

        self.filterEdit = QLineEdit(StoragePanel)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setMaximumSize(QSize(240, 16777215))
        self.filterEdit.setClearButtonEnabled(True)

        self.toolbarRow.addWidget(self.filterEdit)

        self.iconsButton = QToolButton(StoragePanel)
        self.iconsButton.setObjectName(u"iconsButton")
        self.iconsButton.setCheckable(True)
        self.iconsButton.setAutoRaise(True)

        self.toolbarRow.addWidget(self.iconsButton)

        self.detailsButton = QToolButton(StoragePanel)
        self.detailsButton.setObjectName(u"detailsButton")
        self.detailsButton.setCheckable(True)
        self.detailsButton.setChecked(True)
        self.detailsButton.setAutoRaise(True)

        self.toolbarRow.addWidget(self.detailsButton)

        self.uploadButton = QToolButton(StoragePanel)
        self.uploadButton.setObjectName(u"uploadButton")
        self.uploadButton.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.uploadButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.toolbarRow.addWidget(self.uploadButton)

        self.newFolderButton = QToolButton(StoragePanel)
        self.newFolderButton.setObjectName(u"newFolderButton")
        self.newFolderButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.toolbarRow.addWidget(self.newFolderButton)

        self.refreshButton = QToolButton(StoragePanel)
        self.refreshButton.setObjectName(u"refreshButton")
        self.refreshButton.setAutoRaise(True)

        self.toolbarRow.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.toolbarRow)

        self.splitter = QSplitter(StoragePanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget(self.splitter)
        self.stack.setObjectName(u"stack")
        self.detailsPage = QWidget()
        self.detailsPage.setObjectName(u"detailsPage")
        self.detailsLayout = QVBoxLayout(self.detailsPage)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(0, 0, 0, 0)
        self.tableView = QTableView(self.detailsPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setShowGrid(False)
        self.tableView.setSortingEnabled(True)
        self.tableView.setWordWrap(False)
        self.tableView.horizontalHeader().setStretchLastSection(False)
        self.tableView.verticalHeader().setVisible(False)

        self.detailsLayout.addWidget(self.tableView)

        self.stack.addWidget(self.detailsPage)
        self.iconsPage = QWidget()
        self.iconsPage.setObjectName(u"iconsPage")
        self.iconsLayout = QVBoxLayout(self.iconsPage)
        self.iconsLayout.setObjectName(u"iconsLayout")
        self.iconsLayout.setContentsMargins(0, 0, 0, 0)
        self.listView = QListView(self.iconsPage)
        self.listView.setObjectName(u"listView")
        self.listView.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.listView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.listView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.listView.setMovement(QListView.Movement.Static)
        self.listView.setResizeMode(QListView.ResizeMode.Adjust)
        self.listView.setLayoutMode(QListView.LayoutMode.Batched)
        self.listView.setViewMode(QListView.ViewMode.IconMode)
        self.listView.setUniformItemSizes(True)
        self.listView.setBatchSize(200)
        self.listView.setWordWrap(True)

        self.iconsLayout.addWidget(self.listView)

        self.stack.addWidget(self.iconsPage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTopSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTopSpacer)

        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.emptyButtons = QHBoxLayout()
        self.emptyButtons.setObjectName(u"emptyButtons")
        self.emptyLeftSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyLeftSpacer)

        self.retryButton = QPushButton(self.emptyPage)
        self.retryButton.setObjectName(u"retryButton")

        self.emptyButtons.addWidget(self.retryButton)

        self.emptySettingsButton = QPushButton(self.emptyPage)
        self.emptySettingsButton.setObjectName(u"emptySettingsButton")

        self.emptyButtons.addWidget(self.emptySettingsButton)

        self.emptyRightSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyRightSpacer)


        self.emptyLayout.addLayout(self.emptyButtons)

        self.emptyBottomSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottomSpacer)

        self.stack.addWidget(self.emptyPage)
        self.splitter.addWidget(self.stack)
        self.previewPane = QFrame(self.splitter)
        self.previewPane.setObjectName(u"previewPane")
        self.previewPane.setMinimumSize(QSize(220, 0))
        self.previewPane.setFrameShape(QFrame.Shape.StyledPanel)
        self.previewLayout = QVBoxLayout(self.previewPane)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewHeader = QHBoxLayout()
        self.previewHeader.setObjectName(u"previewHeader")
        self.previewTitle = QLabel(self.previewPane)
        self.previewTitle.setObjectName(u"previewTitle")
        self.previewTitle.setWordWrap(True)

        self.previewHeader.addWidget(self.previewTitle)

        self.closePreviewButton = QToolButton(self.previewPane)
        self.closePreviewButton.setObjectName(u"closePreviewButton")
        self.closePreviewButton.setAutoRaise(True)

        self.previewHeader.addWidget(self.closePreviewButton)


        self.previewLayout.addLayout(self.previewHeader)

        self.previewStack = QStackedWidget(self.previewPane)
        self.previewStack.setObjectName(u"previewStack")
        self.imagePage = QWidget()
        self.imagePage.setObjectName(u"imagePage")
        self.imagePageLayout = QVBoxLayout(self.imagePage)
        self.imagePageLayout.setObjectName(u"imagePageLayout")
        self.imagePageLayout.setContentsMargins(0, 0, 0, 0)
        self.previewScroll = QScrollArea(self.imagePage)
        self.previewScroll.setObjectName(u"previewScroll")
        self.previewScroll.setWidgetResizable(True)
        self.previewScrollContents = QWidget()
        self.previewScrollContents.setObjectName(u"previewScrollContents")
        self.previewScrollLayout = QVBoxLayout(self.previewScrollContents)
        self.previewScrollLayout.setObjectName(u"previewScrollLayout")
        self.previewImage = QLabel(self.previewScrollContents)
        self.previewImage.setObjectName(u"previewImage")
        self.previewImage.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previewScrollLayout.addWidget(self.previewImage)

        self.previewScroll.setWidget(self.previewScrollContents)

        self.imagePageLayout.addWidget(self.previewScroll)

        self.previewStack.addWidget(self.imagePage)
        self.textPage = QWidget()
        self.textPage.setObjectName(u"textPage")
        self.textPageLayout = QVBoxLayout(self.textPage)
        self.textPageLayout.setObjectName(u"textPageLayout")
        self.textPageLayout.setContentsMargins(0, 0, 0, 0)
        self.previewText = QPlainTextEdit(self.textPage)
        self.previewText.setObjectName(u"previewText")
        self.previewText.setReadOnly(True)
        self.previewText.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.textPageLayout.addWidget(self.previewText)

        self.previewStack.addWidget(self.textPage)

        self.previewLayout.addWidget(self.previewStack)

        self.previewNote = QLabel(self.previewPane)
        self.previewNote.setObjectName(u"previewNote")
        self.previewNote.setWordWrap(True)

        self.previewLayout.addWidget(self.previewNote)

        self.previewButtons = QHBoxLayout()
        self.previewButtons.setObjectName(u"previewButtons")
        self.attachButton = QPushButton(self.previewPane)
        self.attachButton.setObjectName(u"attachButton")

        self.previewButtons.addWidget(self.attachButton)

        self.previewDownloadButton = QPushButton(self.previewPane)
        self.previewDownloadButton.setObjectName(u"previewDownloadButton")

        self.previewButtons.addWidget(self.previewDownloadButton)


        self.previewLayout.addLayout(self.previewButtons)

        self.splitter.addWidget(self.previewPane)

        self.mainLayout.addWidget(self.splitter)

        self.transfersPane = QFrame(StoragePanel)
        self.transfersPane.setObjectName(u"transfersPane")
        self.transfersLayout = QVBoxLayout(self.transfersPane)
        self.transfersLayout.setObjectName(u"transfersLayout")
        self.transfersLayout.setContentsMargins(0, -1, 0, 0)
        self.transfersHeader = QHBoxLayout()
        self.transfersHeader.setObjectName(u"transfersHeader")
        self.transfersLabel = QLabel(self.transfersPane)
        self.transfersLabel.setObjectName(u"transfersLabel")

        self.transfersHeader.addWidget(self.transfersLabel)

        self.transfersSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.transfersHeader.addItem(self.transfersSpacer)

        self.cancelTransferButton = QPushButton(self.transfersPane)
        self.cancelTransferButton.setObjectName(u"cancelTransferButton")
        self.cancelTransferButton.setEnabled(False)

        self.transfersHeader.addWidget(self.cancelTransferButton)

        self.clearTransfersButton = QPushButton(self.transfersPane)
        self.clearTransfersButton.setObjectName(u"clearTransfersButton")

        self.transfersHeader.addWidget(self.clearTransfersButton)


        self.transfersLayout.addLayout(self.transfersHeader)

        self.transfersTable = QTableView(self.transfersPane)
        self.transfersTable.setObjectName(u"transfersTable")
        self.transfersTable.setMaximumSize(QSize(16777215, 140))
        self.transfersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.transfersTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.transfersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.transfersTable.setShowGrid(False)
        self.transfersTable.setWordWrap(False)
        self.transfersTable.horizontalHeader().setStretchLastSection(True)
        self.transfersTable.verticalHeader().setVisible(False)

        self.transfersLayout.addWidget(self.transfersTable)


        self.mainLayout.addWidget(self.transfersPane)

        self.messageLabel = QLabel(StoragePanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.mainLayout.setStretch(3, 1)
        QWidget.setTabOrder(self.upButton, self.filterEdit)
        QWidget.setTabOrder(self.filterEdit, self.iconsButton)
        QWidget.setTabOrder(self.iconsButton, self.detailsButton)
        QWidget.setTabOrder(self.detailsButton, self.uploadButton)
        QWidget.setTabOrder(self.uploadButton, self.newFolderButton)
        QWidget.setTabOrder(self.newFolderButton, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.tableView)
        QWidget.setTabOrder(self.tableView, self.listView)
        QWidget.setTabOrder(self.listView, self.transfersTable)
        QWidget.setTabOrder(self.transfersTable, self.cancelTransferButton)
        QWidget.setTabOrder(self.cancelTransferButton, self.clearTransfersButton)

        self.retranslateUi(StoragePanel)

        QMetaObject.connectSlotsByName(StoragePanel)
    # setupUi

    def retranslateUi(self, StoragePanel):
        StoragePanel.setWindowTitle(QCoreApplication.translate("StoragePanel", u"Storage", None))
#if QT_CONFIG(accessibility)
        StoragePanel.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Storage", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.backendLabel.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Storage in use", None))
#endif // QT_CONFIG(accessibility)
        self.backendLabel.setText(QCoreApplication.translate("StoragePanel", u"Checking storage\u2026", None))
#if QT_CONFIG(tooltip)
        self.linksButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Every download link the app handed out, with when it expires", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.linksButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Issued links", None))
#endif // QT_CONFIG(accessibility)
        self.linksButton.setText(QCoreApplication.translate("StoragePanel", u"Issued &links\u2026", None))
#if QT_CONFIG(accessibility)
        self.settingsLink.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Storage settings", None))
#endif // QT_CONFIG(accessibility)
        self.settingsLink.setText(QCoreApplication.translate("StoragePanel", u"<a href=\"settings\">Storage settings\u2026</a>", None))
#if QT_CONFIG(accessibility)
        self.pendingBanner.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Interrupted uploads", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pendingLabel.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Interrupted uploads text", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.resumeButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Continue the interrupted uploads from where they stopped", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.resumeButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Resume interrupted uploads", None))
#endif // QT_CONFIG(accessibility)
        self.resumeButton.setText(QCoreApplication.translate("StoragePanel", u"&Resume", None))
#if QT_CONFIG(tooltip)
        self.discardButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Remove the parts already sent from the server", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.discardButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Discard interrupted uploads", None))
#endif // QT_CONFIG(accessibility)
        self.discardButton.setText(QCoreApplication.translate("StoragePanel", u"D&iscard", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Go to the folder above (Alt+Up)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.upButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Up one folder", None))
#endif // QT_CONFIG(accessibility)
        self.upButton.setText(QCoreApplication.translate("StoragePanel", u"Up", None))
#if QT_CONFIG(accessibility)
        self.breadcrumbBar.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Folder path", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(QCoreApplication.translate("StoragePanel", u"Show only names that contain this text (* and ? work as wildcards)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Filter by name", None))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("StoragePanel", u"Filter by name", None))
#if QT_CONFIG(tooltip)
        self.iconsButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Show files as icons with thumbnails", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.iconsButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Icon view", None))
#endif // QT_CONFIG(accessibility)
        self.iconsButton.setText(QCoreApplication.translate("StoragePanel", u"Icons", None))
#if QT_CONFIG(tooltip)
        self.detailsButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Show files as a list with size, type and date", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.detailsButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Details view", None))
#endif // QT_CONFIG(accessibility)
        self.detailsButton.setText(QCoreApplication.translate("StoragePanel", u"Details", None))
#if QT_CONFIG(tooltip)
        self.uploadButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Upload files into this folder (or drag files and folders here)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.uploadButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Upload", None))
#endif // QT_CONFIG(accessibility)
        self.uploadButton.setText(QCoreApplication.translate("StoragePanel", u"&Upload\u2026", None))
#if QT_CONFIG(tooltip)
        self.newFolderButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Make a folder here", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.newFolderButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"New folder", None))
#endif // QT_CONFIG(accessibility)
        self.newFolderButton.setText(QCoreApplication.translate("StoragePanel", u"&New folder", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Read the folder again", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.refreshButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Refresh", None))
#endif // QT_CONFIG(accessibility)
        self.refreshButton.setText(QCoreApplication.translate("StoragePanel", u"Refresh", None))
#if QT_CONFIG(accessibility)
        self.stack.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Files", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tableView.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Files and folders", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.listView.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Files and folders as icons", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.emptyLabel.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Folder state", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("StoragePanel", u"Loading\u2026", None))
#if QT_CONFIG(accessibility)
        self.retryButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Try listing again", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("StoragePanel", u"&Try again", None))
#if QT_CONFIG(accessibility)
        self.emptySettingsButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Open storage settings", None))
#endif // QT_CONFIG(accessibility)
        self.emptySettingsButton.setText(QCoreApplication.translate("StoragePanel", u"Storage &settings\u2026", None))
#if QT_CONFIG(accessibility)
        self.previewPane.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewTitle.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Previewed file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.closePreviewButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Close the preview", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.closePreviewButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Close preview", None))
#endif // QT_CONFIG(accessibility)
        self.closePreviewButton.setText(QCoreApplication.translate("StoragePanel", u"Close", None))
#if QT_CONFIG(accessibility)
        self.previewScroll.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Image preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewImage.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Image", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewText.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Text preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewNote.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Preview note", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.attachButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Add this image to the message you are writing in Chat", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.attachButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Attach to chat", None))
#endif // QT_CONFIG(accessibility)
        self.attachButton.setText(QCoreApplication.translate("StoragePanel", u"&Attach to chat", None))
#if QT_CONFIG(accessibility)
        self.previewDownloadButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Download previewed file", None))
#endif // QT_CONFIG(accessibility)
        self.previewDownloadButton.setText(QCoreApplication.translate("StoragePanel", u"&Download\u2026", None))
#if QT_CONFIG(accessibility)
        self.transfersPane.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Transfers", None))
#endif // QT_CONFIG(accessibility)
        self.transfersLabel.setText(QCoreApplication.translate("StoragePanel", u"Transfers", None))
#if QT_CONFIG(tooltip)
        self.cancelTransferButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Stop the selected upload or download", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.cancelTransferButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Cancel transfer", None))
#endif // QT_CONFIG(accessibility)
        self.cancelTransferButton.setText(QCoreApplication.translate("StoragePanel", u"&Cancel transfer", None))
#if QT_CONFIG(tooltip)
        self.clearTransfersButton.setToolTip(QCoreApplication.translate("StoragePanel", u"Remove finished transfers from this list", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clearTransfersButton.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Clear finished transfers", None))
#endif // QT_CONFIG(accessibility)
        self.clearTransfersButton.setText(QCoreApplication.translate("StoragePanel", u"Clear &finished", None))
#if QT_CONFIG(accessibility)
        self.transfersTable.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Uploads and downloads", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("StoragePanel", u"Storage message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

