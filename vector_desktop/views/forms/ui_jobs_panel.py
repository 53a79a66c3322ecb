# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'jobs_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_JobsPanel(object):
    def setupUi(self, JobsPanel):
        if not JobsPanel.objectName():
            JobsPanel.setObjectName(u"JobsPanel")
        JobsPanel.resize(760, 420)
        self.mainLayout = QVBoxLayout(JobsPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stack = QStackedWidget(JobsPanel)
        self.stack.setObjectName(u"stack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.stack.addWidget(self.emptyPage)
        self.tablePage = QWidget()
        self.tablePage.setObjectName(u"tablePage")
        self.tableLayout = QVBoxLayout(self.tablePage)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 0, 0, 0)
        self.jobsTable = QTableView(self.tablePage)
        self.jobsTable.setObjectName(u"jobsTable")
        self.jobsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.jobsTable.setAlternatingRowColors(True)
        self.jobsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.jobsTable.setWordWrap(False)
        self.jobsTable.horizontalHeader().setStretchLastSection(True)
        self.jobsTable.verticalHeader().setVisible(False)

        self.tableLayout.addWidget(self.jobsTable)

        self.stack.addWidget(self.tablePage)

        self.mainLayout.addWidget(self.stack)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.cancelButton = QPushButton(JobsPanel)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setEnabled(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.retryButton = QPushButton(JobsPanel)
        self.retryButton.setObjectName(u"retryButton")
        self.retryButton.setEnabled(False)

        self.buttonRow.addWidget(self.retryButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.clearButton = QPushButton(JobsPanel)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setEnabled(False)

        self.buttonRow.addWidget(self.clearButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.messageLabel = QLabel(JobsPanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.errorLabel = QLabel(JobsPanel)
        self.errorLabel.setObjectName(u"errorLabel")

        self.mainLayout.addWidget(self.errorLabel)

        self.errorText = QPlainTextEdit(JobsPanel)
        self.errorText.setObjectName(u"errorText")
        self.errorText.setMaximumSize(QSize(16777215, 110))
        self.errorText.setReadOnly(True)

        self.mainLayout.addWidget(self.errorText)

#if QT_CONFIG(shortcut)
        self.errorLabel.setBuddy(self.errorText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.jobsTable, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.retryButton)
        QWidget.setTabOrder(self.retryButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.errorText)

        self.retranslateUi(JobsPanel)

        self.stack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(JobsPanel)
    # setupUi

    def retranslateUi(self, JobsPanel):
        JobsPanel.setWindowTitle(QCoreApplication.translate("JobsPanel", u"Background jobs", None))
#if QT_CONFIG(accessibility)
        JobsPanel.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Background jobs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.emptyLabel.setAccessibleName(QCoreApplication.translate("JobsPanel", u"No jobs", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("JobsPanel", u"No background jobs yet. Uploads, syncs and other long tasks will appear here while they run.", None))
#if QT_CONFIG(accessibility)
        self.jobsTable.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Jobs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("JobsPanel", u"Ask the selected job to stop", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Cancel job", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("JobsPanel", u"&Cancel job", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("JobsPanel", u"Run the selected job again as a new job", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.retryButton.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Retry job", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("JobsPanel", u"&Retry", None))
#if QT_CONFIG(tooltip)
        self.clearButton.setToolTip(QCoreApplication.translate("JobsPanel", u"Remove finished jobs from the list and from the history", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Clear finished jobs", None))
#endif // QT_CONFIG(accessibility)
        self.clearButton.setText(QCoreApplication.translate("JobsPanel", u"C&lear finished", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Jobs message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
        self.errorLabel.setText(QCoreApplication.translate("JobsPanel", u"&Error of the selected job:", None))
#if QT_CONFIG(accessibility)
        self.errorText.setAccessibleName(QCoreApplication.translate("JobsPanel", u"Error text", None))
#endif // QT_CONFIG(accessibility)
        self.errorText.setPlaceholderText(QCoreApplication.translate("JobsPanel", u"Select a job to see its error.", None))
    # retranslateUi

