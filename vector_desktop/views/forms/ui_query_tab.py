# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'query_tab.ui'
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
    QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableView, QToolButton, QVBoxLayout, QWidget)

class Ui_QueryTab(object):
    def setupUi(self, QueryTab):
        if not QueryTab.objectName():
            QueryTab.setObjectName(u"QueryTab")
        QueryTab.resize(760, 600)
        self.mainLayout = QVBoxLayout(QueryTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 4, 0, 0)
        self.connectionBar = QFrame(QueryTab)
        self.connectionBar.setObjectName(u"connectionBar")
        self.connectionBar.setFrameShape(QFrame.Shape.NoFrame)
        self.connectionBarLayout = QHBoxLayout(self.connectionBar)
        self.connectionBarLayout.setObjectName(u"connectionBarLayout")
        self.connectionBarLayout.setContentsMargins(8, 4, 8, 4)
        self.connectionNameLabel = QLabel(self.connectionBar)
        self.connectionNameLabel.setObjectName(u"connectionNameLabel")
        self.connectionNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connectionBarLayout.addWidget(self.connectionNameLabel)

        self.connectionTargetLabel = QLabel(self.connectionBar)
        self.connectionTargetLabel.setObjectName(u"connectionTargetLabel")
        self.connectionTargetLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connectionBarLayout.addWidget(self.connectionTargetLabel)

        self.accessBadge = QLabel(self.connectionBar)
        self.accessBadge.setObjectName(u"accessBadge")

        self.connectionBarLayout.addWidget(self.accessBadge)

        self.connectionBarLayout.setStretch(1, 1)

        self.mainLayout.addWidget(self.connectionBar)

        self.toolbarRow = QHBoxLayout()
        self.toolbarRow.setSpacing(4)
        self.toolbarRow.setObjectName(u"toolbarRow")
        self.runButton = QPushButton(QueryTab)
        self.runButton.setObjectName(u"runButton")

        self.toolbarRow.addWidget(self.runButton)

        self.explainButton = QPushButton(QueryTab)
        self.explainButton.setObjectName(u"explainButton")

        self.toolbarRow.addWidget(self.explainButton)

        self.cancelButton = QPushButton(QueryTab)
        self.cancelButton.setObjectName(u"cancelButton")

        self.toolbarRow.addWidget(self.cancelButton)

        self.toolbarSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarRow.addItem(self.toolbarSpacer)

        self.historyButton = QPushButton(QueryTab)
        self.historyButton.setObjectName(u"historyButton")

        self.toolbarRow.addWidget(self.historyButton)

        self.saveQueryButton = QPushButton(QueryTab)
        self.saveQueryButton.setObjectName(u"saveQueryButton")

        self.toolbarRow.addWidget(self.saveQueryButton)


        self.mainLayout.addLayout(self.toolbarRow)

        self.splitter = QSplitter(QueryTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.editor = QPlainTextEdit(self.splitter)
        self.editor.setObjectName(u"editor")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(False)
        self.splitter.addWidget(self.editor)
        self.resultsPane = QWidget(self.splitter)
        self.resultsPane.setObjectName(u"resultsPane")
        self.resultsLayout = QVBoxLayout(self.resultsPane)
        self.resultsLayout.setSpacing(2)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsLayout.setContentsMargins(0, 0, 0, 0)
        self.errorLabel = QLabel(self.resultsPane)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultsLayout.addWidget(self.errorLabel)

        self.resultTabs = QTabWidget(self.resultsPane)
        self.resultTabs.setObjectName(u"resultTabs")
        self.resultTabs.setDocumentMode(True)
        self.rowsTab = QWidget()
        self.rowsTab.setObjectName(u"rowsTab")
        self.rowsLayout = QVBoxLayout(self.rowsTab)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setContentsMargins(0, 0, 0, 0)
        self.resultsView = QTableView(self.rowsTab)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.resultsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsView.setAlternatingRowColors(True)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.resultsView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.resultsView.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.resultsView.setWordWrap(False)

        self.rowsLayout.addWidget(self.resultsView)

        self.resultTabs.addTab(self.rowsTab, "")
        self.planTab = QWidget()
        self.planTab.setObjectName(u"planTab")
        self.planLayout = QVBoxLayout(self.planTab)
        self.planLayout.setObjectName(u"planLayout")
        self.planLayout.setContentsMargins(0, 0, 0, 0)
        self.planText = QPlainTextEdit(self.planTab)
        self.planText.setObjectName(u"planText")
        self.planText.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.planText.setReadOnly(True)

        self.planLayout.addWidget(self.planText)

        self.resultTabs.addTab(self.planTab, "")

        self.resultsLayout.addWidget(self.resultTabs)

        self.resultsLayout.setStretch(1, 1)
        self.splitter.addWidget(self.resultsPane)

        self.mainLayout.addWidget(self.splitter)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.statusLabel = QLabel(QueryTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.statusRow.addWidget(self.statusLabel)

        self.statusSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusRow.addItem(self.statusSpacer)

        self.copyButton = QToolButton(QueryTab)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.statusRow.addWidget(self.copyButton)

        self.exportButton = QToolButton(QueryTab)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.statusRow.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.statusRow)

        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(QueryTab)

        QMetaObject.connectSlotsByName(QueryTab)
    # setupUi

    def retranslateUi(self, QueryTab):
        self.runButton.setText(QCoreApplication.translate("QueryTab", u"&Run", None))
#if QT_CONFIG(tooltip)
        self.runButton.setToolTip(QCoreApplication.translate("QueryTab", u"Run the statement under the cursor, or the selection (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.explainButton.setText(QCoreApplication.translate("QueryTab", u"E&xplain", None))
#if QT_CONFIG(tooltip)
        self.explainButton.setToolTip(QCoreApplication.translate("QueryTab", u"Show the server's plan for the statement under the cursor, without running it", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("QueryTab", u"&Cancel", None))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("QueryTab", u"Stop the running statement on the server", None))
#endif // QT_CONFIG(tooltip)
        self.historyButton.setText(QCoreApplication.translate("QueryTab", u"&History\u2026", None))
#if QT_CONFIG(tooltip)
        self.historyButton.setToolTip(QCoreApplication.translate("QueryTab", u"The statements run on this connection, and the saved queries", None))
#endif // QT_CONFIG(tooltip)
        self.saveQueryButton.setText(QCoreApplication.translate("QueryTab", u"&Save query\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveQueryButton.setToolTip(QCoreApplication.translate("QueryTab", u"Save the editor's text under a name", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.editor.setAccessibleName(QCoreApplication.translate("QueryTab", u"SQL editor", None))
#endif // QT_CONFIG(accessibility)
        self.editor.setPlaceholderText(QCoreApplication.translate("QueryTab", u"Write SQL here. Ctrl+Enter runs the statement under the cursor, or the selection.", None))
#if QT_CONFIG(accessibility)
        self.resultsView.setAccessibleName(QCoreApplication.translate("QueryTab", u"Results", None))
#endif // QT_CONFIG(accessibility)
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.rowsTab), QCoreApplication.translate("QueryTab", u"Rows", None))
#if QT_CONFIG(accessibility)
        self.planText.setAccessibleName(QCoreApplication.translate("QueryTab", u"Plan", None))
#endif // QT_CONFIG(accessibility)
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.planTab), QCoreApplication.translate("QueryTab", u"Plan", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("QueryTab", u"Query status", None))
#endif // QT_CONFIG(accessibility)
        self.copyButton.setText(QCoreApplication.translate("QueryTab", u"C&opy as", None))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(QCoreApplication.translate("QueryTab", u"Copy the selected cells (or every row read so far) as TSV, CSV or Markdown", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("QueryTab", u"Ex&port", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("QueryTab", u"Write the whole result to a CSV or JSON Lines file, in the background", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

