# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        CrashDialog.resize(620, 420)
        self.layout = QVBoxLayout(CrashDialog)
        self.layout.setObjectName(u"layout")
        self.headline = QLabel(CrashDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)

        self.layout.addWidget(self.headline)

        self.summaryLabel = QLabel(CrashDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summaryLabel.setWordWrap(True)

        self.layout.addWidget(self.summaryLabel)

        self.whereLabel = QLabel(CrashDialog)
        self.whereLabel.setObjectName(u"whereLabel")
        self.whereLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.whereLabel.setWordWrap(True)

        self.layout.addWidget(self.whereLabel)

        self.detailsText = QPlainTextEdit(CrashDialog)
        self.detailsText.setObjectName(u"detailsText")
        self.detailsText.setReadOnly(True)

        self.layout.addWidget(self.detailsText)

        self.logLabel = QLabel(CrashDialog)
        self.logLabel.setObjectName(u"logLabel")
        self.logLabel.setWordWrap(True)
        self.logLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.logLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.copyButton = QPushButton(CrashDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttons.addWidget(self.copyButton)

        self.openLogButton = QPushButton(CrashDialog)
        self.openLogButton.setObjectName(u"openLogButton")

        self.buttons.addWidget(self.openLogButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.quitButton = QPushButton(CrashDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttons.addWidget(self.quitButton)

        self.continueButton = QPushButton(CrashDialog)
        self.continueButton.setObjectName(u"continueButton")

        self.buttons.addWidget(self.continueButton)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(CrashDialog)

        self.continueButton.setDefault(True)


        QMetaObject.connectSlotsByName(CrashDialog)
    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Something went wrong", None))
        self.headline.setText(QCoreApplication.translate("CrashDialog", u"Vector Desktop hit an unexpected error. Your messages, drafts and files are saved.", None))
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Error summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.whereLabel.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Where it happened", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailsText.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Error details", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.logLabel.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Log file location", None))
#endif // QT_CONFIG(accessibility)
        self.copyButton.setText(QCoreApplication.translate("CrashDialog", u"&Copy details", None))
        self.openLogButton.setText(QCoreApplication.translate("CrashDialog", u"Open &log folder", None))
        self.quitButton.setText(QCoreApplication.translate("CrashDialog", u"&Quit", None))
        self.continueButton.setText(QCoreApplication.translate("CrashDialog", u"C&ontinue", None))
    # retranslateUi

