# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'chat_panel.ui'
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
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListView, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QToolButton, QVBoxLayout,
    QWidget)

from vector_desktop.views.chat.fixed_row_list import FixedRowListView
from vector_desktop.views.chat.transcript_list import TranscriptListView
from . import resources_rc

class Ui_ChatPanel(object):
    def setupUi(self, ChatPanel):
        if not ChatPanel.objectName():
            ChatPanel.setObjectName(u"ChatPanel")
        ChatPanel.resize(980, 640)
        self.mainLayout = QVBoxLayout(ChatPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(ChatPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.sidebar = QWidget(self.splitter)
        self.sidebar.setObjectName(u"sidebar")
        self.sidebarLayout = QVBoxLayout(self.sidebar)
        self.sidebarLayout.setObjectName(u"sidebarLayout")
        self.sidebarLayout.setContentsMargins(0, 0, 0, 0)
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = QLineEdit(self.sidebar)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.newButton = QPushButton(self.sidebar)
        self.newButton.setObjectName(u"newButton")

        self.searchRow.addWidget(self.newButton)


        self.sidebarLayout.addLayout(self.searchRow)

        self.conversationList = FixedRowListView(self.sidebar)
        self.conversationList.setObjectName(u"conversationList")
        self.conversationList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.conversationList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversationList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conversationList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conversationList.setUniformItemSizes(True)

        self.sidebarLayout.addWidget(self.conversationList)

        self.searchResultsLabel = QLabel(self.sidebar)
        self.searchResultsLabel.setObjectName(u"searchResultsLabel")

        self.sidebarLayout.addWidget(self.searchResultsLabel)

        self.searchResultsList = QListView(self.sidebar)
        self.searchResultsList.setObjectName(u"searchResultsList")
        self.searchResultsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.searchResultsList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.searchResultsList.setWordWrap(True)

        self.sidebarLayout.addWidget(self.searchResultsList)

        self.undoBar = QFrame(self.sidebar)
        self.undoBar.setObjectName(u"undoBar")
        self.undoBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undoLayout = QHBoxLayout(self.undoBar)
        self.undoLayout.setObjectName(u"undoLayout")
        self.undoLayout.setContentsMargins(6, 4, 6, 4)
        self.undoLabel = QLabel(self.undoBar)
        self.undoLabel.setObjectName(u"undoLabel")
        self.undoLabel.setWordWrap(True)

        self.undoLayout.addWidget(self.undoLabel)

        self.undoButton = QPushButton(self.undoBar)
        self.undoButton.setObjectName(u"undoButton")

        self.undoLayout.addWidget(self.undoButton)

        self.undoLayout.setStretch(0, 1)

        self.sidebarLayout.addWidget(self.undoBar)

        self.splitter.addWidget(self.sidebar)
        self.chatArea = QWidget(self.splitter)
        self.chatArea.setObjectName(u"chatArea")
        self.chatLayout = QVBoxLayout(self.chatArea)
        self.chatLayout.setObjectName(u"chatLayout")
        self.chatLayout.setContentsMargins(0, 0, 0, 0)
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.titleColumn = QVBoxLayout()
        self.titleColumn.setSpacing(0)
        self.titleColumn.setObjectName(u"titleColumn")
        self.titleLabel = QLabel(self.chatArea)
        self.titleLabel.setObjectName(u"titleLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.titleLabel.sizePolicy().hasHeightForWidth())
        self.titleLabel.setSizePolicy(sizePolicy)
        self.titleLabel.setMinimumSize(QSize(80, 0))
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.titleColumn.addWidget(self.titleLabel)

        self.totalsLabel = QLabel(self.chatArea)
        self.totalsLabel.setObjectName(u"totalsLabel")
        sizePolicy.setHeightForWidth(self.totalsLabel.sizePolicy().hasHeightForWidth())
        self.totalsLabel.setSizePolicy(sizePolicy)
        self.totalsLabel.setMinimumSize(QSize(80, 0))
        self.totalsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.titleColumn.addWidget(self.totalsLabel)


        self.headerRow.addLayout(self.titleColumn)

        self.modelLabel = QLabel(self.chatArea)
        self.modelLabel.setObjectName(u"modelLabel")

        self.headerRow.addWidget(self.modelLabel)

        self.modelCombo = QComboBox(self.chatArea)
        self.modelCombo.setObjectName(u"modelCombo")
        self.modelCombo.setMinimumSize(QSize(280, 0))
        self.modelCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.headerRow.addWidget(self.modelCombo)

        self.settingsButton = QToolButton(self.chatArea)
        self.settingsButton.setObjectName(u"settingsButton")
        icon = QIcon()
        icon.addFile(u":/icons/settings.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.settingsButton.setIcon(icon)

        self.headerRow.addWidget(self.settingsButton)

        self.exportButton = QToolButton(self.chatArea)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.headerRow.addWidget(self.exportButton)

        self.headerRow.setStretch(0, 1)

        self.chatLayout.addLayout(self.headerRow)

        self.offlineLabel = QLabel(self.chatArea)
        self.offlineLabel.setObjectName(u"offlineLabel")
        self.offlineLabel.setWordWrap(True)

        self.chatLayout.addWidget(self.offlineLabel)

        self.composerSplitter = QSplitter(self.chatArea)
        self.composerSplitter.setObjectName(u"composerSplitter")
        self.composerSplitter.setOrientation(Qt.Orientation.Vertical)
        self.composerSplitter.setChildrenCollapsible(False)
        self.transcriptPane = QWidget(self.composerSplitter)
        self.transcriptPane.setObjectName(u"transcriptPane")
        self.transcriptLayout = QVBoxLayout(self.transcriptPane)
        self.transcriptLayout.setObjectName(u"transcriptLayout")
        self.transcriptLayout.setContentsMargins(0, 0, 0, 0)
        self.transcriptArea = QWidget(self.transcriptPane)
        self.transcriptArea.setObjectName(u"transcriptArea")
        self.transcriptAreaLayout = QGridLayout(self.transcriptArea)
        self.transcriptAreaLayout.setObjectName(u"transcriptAreaLayout")
        self.transcriptAreaLayout.setContentsMargins(0, 0, 0, 0)
        self.transcript = TranscriptListView(self.transcriptArea)
        self.transcript.setObjectName(u"transcript")
        self.transcript.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.transcript.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.transcript.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.transcript.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.transcript.setResizeMode(QListView.ResizeMode.Adjust)
        self.transcript.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.transcript.setBatchSize(20)
        self.transcript.setWordWrap(True)

        self.transcriptAreaLayout.addWidget(self.transcript, 0, 0, 1, 1)

        self.emptyTranscript = QLabel(self.transcriptArea)
        self.emptyTranscript.setObjectName(u"emptyTranscript")
        self.emptyTranscript.setTextFormat(Qt.TextFormat.RichText)
        self.emptyTranscript.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyTranscript.setWordWrap(True)
        self.emptyTranscript.setMargin(24)
        self.emptyTranscript.setAutoFillBackground(True)
        self.emptyTranscript.setFrameShape(QFrame.Shape.StyledPanel)

        self.transcriptAreaLayout.addWidget(self.emptyTranscript, 0, 0, 1, 1)


        self.transcriptLayout.addWidget(self.transcriptArea)

        self.errorLabel = QLabel(self.transcriptPane)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.transcriptLayout.addWidget(self.errorLabel)

        self.noticeLabel = QLabel(self.transcriptPane)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setWordWrap(True)
        self.noticeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.transcriptLayout.addWidget(self.noticeLabel)

        self.editBar = QFrame(self.transcriptPane)
        self.editBar.setObjectName(u"editBar")
        self.editBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.editLayout = QHBoxLayout(self.editBar)
        self.editLayout.setObjectName(u"editLayout")
        self.editLayout.setContentsMargins(-1, 4, -1, 4)
        self.editLabel = QLabel(self.editBar)
        self.editLabel.setObjectName(u"editLabel")
        self.editLabel.setWordWrap(True)

        self.editLayout.addWidget(self.editLabel)

        self.cancelEditButton = QPushButton(self.editBar)
        self.cancelEditButton.setObjectName(u"cancelEditButton")

        self.editLayout.addWidget(self.cancelEditButton)

        self.editLayout.setStretch(0, 1)

        self.transcriptLayout.addWidget(self.editBar)

        self.composerSplitter.addWidget(self.transcriptPane)
        self.composer = QPlainTextEdit(self.composerSplitter)
        self.composer.setObjectName(u"composer")
        self.composer.setMinimumSize(QSize(0, 40))
        self.composer.setTabChangesFocus(True)
        self.composerSplitter.addWidget(self.composer)

        self.chatLayout.addWidget(self.composerSplitter)

        self.composerRow = QHBoxLayout()
        self.composerRow.setObjectName(u"composerRow")
        self.attachButton = QPushButton(self.chatArea)
        self.attachButton.setObjectName(u"attachButton")

        self.composerRow.addWidget(self.attachButton)

        self.attachmentsLabel = QLabel(self.chatArea)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.composerRow.addWidget(self.attachmentsLabel)

        self.clearAttachmentsButton = QToolButton(self.chatArea)
        self.clearAttachmentsButton.setObjectName(u"clearAttachmentsButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/close.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.clearAttachmentsButton.setIcon(icon1)
        self.clearAttachmentsButton.setAutoRaise(True)

        self.composerRow.addWidget(self.clearAttachmentsButton)

        self.toolsButton = QToolButton(self.chatArea)
        self.toolsButton.setObjectName(u"toolsButton")
        self.toolsButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.composerRow.addWidget(self.toolsButton)

        self.toolsLabel = QLabel(self.chatArea)
        self.toolsLabel.setObjectName(u"toolsLabel")

        self.composerRow.addWidget(self.toolsLabel)

        self.contextLabel = QLabel(self.chatArea)
        self.contextLabel.setObjectName(u"contextLabel")

        self.composerRow.addWidget(self.contextLabel)

        self.composerSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.composerRow.addItem(self.composerSpacer)

        self.stopButton = QPushButton(self.chatArea)
        self.stopButton.setObjectName(u"stopButton")
        icon2 = QIcon()
        icon2.addFile(u":/icons/stop.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.stopButton.setIcon(icon2)

        self.composerRow.addWidget(self.stopButton)

        self.sendButton = QPushButton(self.chatArea)
        self.sendButton.setObjectName(u"sendButton")
        icon3 = QIcon()
        icon3.addFile(u":/icons/send.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.sendButton.setIcon(icon3)

        self.composerRow.addWidget(self.sendButton)


        self.chatLayout.addLayout(self.composerRow)

        self.splitter.addWidget(self.chatArea)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.modelLabel.setBuddy(self.modelCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.newButton)
        QWidget.setTabOrder(self.newButton, self.conversationList)
        QWidget.setTabOrder(self.conversationList, self.searchResultsList)
        QWidget.setTabOrder(self.searchResultsList, self.undoButton)
        QWidget.setTabOrder(self.undoButton, self.modelCombo)
        QWidget.setTabOrder(self.modelCombo, self.settingsButton)
        QWidget.setTabOrder(self.settingsButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.transcript)
        QWidget.setTabOrder(self.transcript, self.cancelEditButton)
        QWidget.setTabOrder(self.cancelEditButton, self.composer)
        QWidget.setTabOrder(self.composer, self.toolsButton)
        QWidget.setTabOrder(self.toolsButton, self.stopButton)
        QWidget.setTabOrder(self.stopButton, self.sendButton)

        self.retranslateUi(ChatPanel)

        QMetaObject.connectSlotsByName(ChatPanel)
    # setupUi

    def retranslateUi(self, ChatPanel):
        ChatPanel.setWindowTitle(QCoreApplication.translate("ChatPanel", u"Chat", None))
#if QT_CONFIG(accessibility)
        ChatPanel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Chat", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sidebar.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversations", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Search conversations and messages", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ChatPanel", u"Search conversations and messages", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Start a new conversation", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"New conversation", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("ChatPanel", u"&New", None))
#if QT_CONFIG(accessibility)
        self.conversationList.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversation list", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchResultsLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Message search results", None))
#endif // QT_CONFIG(accessibility)
        self.searchResultsLabel.setText(QCoreApplication.translate("ChatPanel", u"Messages", None))
#if QT_CONFIG(accessibility)
        self.searchResultsList.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Messages found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.undoBar.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversation deleted", None))
#endif // QT_CONFIG(accessibility)
        self.undoLabel.setText(QCoreApplication.translate("ChatPanel", u"Conversation deleted.", None))
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Bring the deleted conversation back", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.undoButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Undo delete", None))
#endif // QT_CONFIG(accessibility)
        self.undoButton.setText(QCoreApplication.translate("ChatPanel", u"&Undo", None))
#if QT_CONFIG(accessibility)
        self.chatArea.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversation title", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("ChatPanel", u"New conversation", None))
#if QT_CONFIG(tooltip)
        self.totalsLabel.setToolTip(QCoreApplication.translate("ChatPanel", u"Tokens and cost of this conversation. A figure with ~ is an estimate from the text (about 4 characters per token), for models that do not report what they used, such as the on-device model.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.totalsLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversation totals", None))
#endif // QT_CONFIG(accessibility)
        self.totalsLabel.setText("")
        self.modelLabel.setText(QCoreApplication.translate("ChatPanel", u"&Model:", None))
#if QT_CONFIG(tooltip)
        self.modelCombo.setToolTip(QCoreApplication.translate("ChatPanel", u"The model that answers in this conversation (name \u00b7 context size \u00b7 price per million tokens)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.modelCombo.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Model", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.settingsButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Conversation settings: system prompt, temperature, fallback models, JSON mode", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.settingsButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Conversation settings", None))
#endif // QT_CONFIG(accessibility)
        self.settingsButton.setText(QCoreApplication.translate("ChatPanel", u"Settings", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Export this conversation to a file", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Export conversation", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("ChatPanel", u"E&xport", None))
#if QT_CONFIG(accessibility)
        self.offlineLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Offline notice", None))
#endif // QT_CONFIG(accessibility)
        self.offlineLabel.setText(QCoreApplication.translate("ChatPanel", u"You are offline. Messages to online models wait in the outbox and are sent when the connection is back.", None))
#if QT_CONFIG(accessibility)
        self.transcript.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Transcript", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.emptyTranscript.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Getting started", None))
#endif // QT_CONFIG(accessibility)
        self.emptyTranscript.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Chat error", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.noticeLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Chat notice", None))
#endif // QT_CONFIG(accessibility)
        self.noticeLabel.setText("")
#if QT_CONFIG(accessibility)
        self.editBar.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Editing a message", None))
#endif // QT_CONFIG(accessibility)
        self.editLabel.setText(QCoreApplication.translate("ChatPanel", u"Editing your message: Send resends it, and what followed it is answered again.", None))
#if QT_CONFIG(accessibility)
        self.cancelEditButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Cancel editing", None))
#endif // QT_CONFIG(accessibility)
        self.cancelEditButton.setText(QCoreApplication.translate("ChatPanel", u"Cancel edit", None))
#if QT_CONFIG(accessibility)
        self.composer.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.composer.setPlaceholderText(QCoreApplication.translate("ChatPanel", u"Write a message\u2026 (Ctrl+Enter sends)", None))
#if QT_CONFIG(tooltip)
        self.attachButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Attach an image (PNG, JPEG, GIF, WebP); it is stored in your Storage first", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.attachButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Attach image", None))
#endif // QT_CONFIG(accessibility)
        self.attachButton.setText(QCoreApplication.translate("ChatPanel", u"&Attach image\u2026", None))
#if QT_CONFIG(accessibility)
        self.attachmentsLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Attached images", None))
#endif // QT_CONFIG(accessibility)
        self.attachmentsLabel.setText("")
#if QT_CONFIG(tooltip)
        self.clearAttachmentsButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Remove the attached images", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clearAttachmentsButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Remove attached images", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.toolsButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Which tools the model may use in this conversation: all, none, or the ones you choose", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.toolsButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Tools for this conversation", None))
#endif // QT_CONFIG(accessibility)
        self.toolsButton.setText(QCoreApplication.translate("ChatPanel", u"T&ools", None))
#if QT_CONFIG(tooltip)
        self.toolsLabel.setToolTip(QCoreApplication.translate("ChatPanel", u"How many tools are offered to the model, and the tokens their definitions add to each request", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.toolsLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Tools offered", None))
#endif // QT_CONFIG(accessibility)
        self.toolsLabel.setText("")
#if QT_CONFIG(tooltip)
        self.contextLabel.setToolTip(QCoreApplication.translate("ChatPanel", u"Estimated size of the next request against the model's context", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.contextLabel.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Context usage", None))
#endif // QT_CONFIG(accessibility)
        self.contextLabel.setText("")
#if QT_CONFIG(tooltip)
        self.stopButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Stop the answer; the text so far is kept", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.stopButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Stop answer", None))
#endif // QT_CONFIG(accessibility)
        self.stopButton.setText(QCoreApplication.translate("ChatPanel", u"S&top", None))
#if QT_CONFIG(tooltip)
        self.sendButton.setToolTip(QCoreApplication.translate("ChatPanel", u"Send the message (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sendButton.setAccessibleName(QCoreApplication.translate("ChatPanel", u"Send message", None))
#endif // QT_CONFIG(accessibility)
        self.sendButton.setText(QCoreApplication.translate("ChatPanel", u"&Send", None))
    # retranslateUi

