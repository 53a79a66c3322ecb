# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approval_dialog.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ApprovalDialog(object):
    def setupUi(self, ApprovalDialog):
        if not ApprovalDialog.objectName():
            ApprovalDialog.setObjectName(u"ApprovalDialog")
        ApprovalDialog.resize(640, 520)
        self.mainLayout = QVBoxLayout(ApprovalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolLabel = QLabel(ApprovalDialog)
        self.toolLabel.setObjectName(u"toolLabel")
        self.toolLabel.setTextFormat(Qt.TextFormat.RichText)
        self.toolLabel.setWordWrap(True)
        self.toolLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.toolLabel)

        self.qualifiedLabel = QLabel(ApprovalDialog)
        self.qualifiedLabel.setObjectName(u"qualifiedLabel")
        self.qualifiedLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.qualifiedLabel.setWordWrap(True)
        self.qualifiedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.qualifiedLabel)

        self.badgesLabel = QLabel(ApprovalDialog)
        self.badgesLabel.setObjectName(u"badgesLabel")
        self.badgesLabel.setTextFormat(Qt.TextFormat.RichText)
        self.badgesLabel.setWordWrap(True)
        self.badgesLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.badgesLabel)

        self.summaryLabel = QLabel(ApprovalDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.reasonLabel = QLabel(ApprovalDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.reasonLabel.setWordWrap(True)
        self.reasonLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.reasonLabel)

        self.argumentsTitle = QLabel(ApprovalDialog)
        self.argumentsTitle.setObjectName(u"argumentsTitle")

        self.mainLayout.addWidget(self.argumentsTitle)

        self.argumentsHolder = QWidget(ApprovalDialog)
        self.argumentsHolder.setObjectName(u"argumentsHolder")
        self.argumentsLayout = QVBoxLayout(self.argumentsHolder)
        self.argumentsLayout.setObjectName(u"argumentsLayout")
        self.argumentsLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.argumentsHolder)

        self.problemLabel = QLabel(ApprovalDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)
        self.problemLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.allowOnceButton = QPushButton(ApprovalDialog)
        self.allowOnceButton.setObjectName(u"allowOnceButton")

        self.buttonRow.addWidget(self.allowOnceButton)

        self.allowConversationButton = QPushButton(ApprovalDialog)
        self.allowConversationButton.setObjectName(u"allowConversationButton")

        self.buttonRow.addWidget(self.allowConversationButton)

        self.allowHourButton = QPushButton(ApprovalDialog)
        self.allowHourButton.setObjectName(u"allowHourButton")

        self.buttonRow.addWidget(self.allowHourButton)

        self.allowAlwaysButton = QPushButton(ApprovalDialog)
        self.allowAlwaysButton.setObjectName(u"allowAlwaysButton")

        self.buttonRow.addWidget(self.allowAlwaysButton)

        self.buttonSpacer = QSpacerItem(12, 12, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.denyButton = QPushButton(ApprovalDialog)
        self.denyButton.setObjectName(u"denyButton")

        self.buttonRow.addWidget(self.denyButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(6, 1)
        QWidget.setTabOrder(self.allowOnceButton, self.allowConversationButton)
        QWidget.setTabOrder(self.allowConversationButton, self.allowHourButton)
        QWidget.setTabOrder(self.allowHourButton, self.allowAlwaysButton)
        QWidget.setTabOrder(self.allowAlwaysButton, self.denyButton)

        self.retranslateUi(ApprovalDialog)

        QMetaObject.connectSlotsByName(ApprovalDialog)
    # setupUi

    def retranslateUi(self, ApprovalDialog):
        ApprovalDialog.setWindowTitle(QCoreApplication.translate("ApprovalDialog", u"Allow this tool call?", None))
#if QT_CONFIG(accessibility)
        ApprovalDialog.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Tool call approval", None))
#endif // QT_CONFIG(accessibility)
        self.toolLabel.setText("")
#if QT_CONFIG(accessibility)
        self.toolLabel.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Tool", None))
#endif // QT_CONFIG(accessibility)
        self.qualifiedLabel.setText("")
#if QT_CONFIG(accessibility)
        self.qualifiedLabel.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Name the model uses", None))
#endif // QT_CONFIG(accessibility)
        self.badgesLabel.setText("")
#if QT_CONFIG(accessibility)
        self.badgesLabel.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"What the server says about the tool", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"What the call will do", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText("")
#if QT_CONFIG(accessibility)
        self.reasonLabel.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Why you are asked", None))
#endif // QT_CONFIG(accessibility)
        self.argumentsTitle.setText(QCoreApplication.translate("ApprovalDialog", u"Arguments (you can change them before allowing):", None))
#if QT_CONFIG(accessibility)
        self.argumentsHolder.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Arguments", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Why the arguments cannot be sent", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.allowOnceButton.setToolTip(QCoreApplication.translate("ApprovalDialog", u"Run this call now; the next one asks again (Enter)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.allowOnceButton.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Allow once", None))
#endif // QT_CONFIG(accessibility)
        self.allowOnceButton.setText(QCoreApplication.translate("ApprovalDialog", u"Allow &once", None))
#if QT_CONFIG(tooltip)
        self.allowConversationButton.setToolTip(QCoreApplication.translate("ApprovalDialog", u"Run this tool without asking for the rest of this conversation", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.allowConversationButton.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Allow in this conversation", None))
#endif // QT_CONFIG(accessibility)
        self.allowConversationButton.setText(QCoreApplication.translate("ApprovalDialog", u"Allow in this &conversation", None))
#if QT_CONFIG(tooltip)
        self.allowHourButton.setToolTip(QCoreApplication.translate("ApprovalDialog", u"Run this tool without asking, anywhere, for one hour", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.allowHourButton.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Allow for one hour", None))
#endif // QT_CONFIG(accessibility)
        self.allowHourButton.setText(QCoreApplication.translate("ApprovalDialog", u"Allow for 1 &hour", None))
#if QT_CONFIG(tooltip)
        self.allowAlwaysButton.setToolTip(QCoreApplication.translate("ApprovalDialog", u"Run this tool without asking until you revoke it (Connectors, Permissions)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.allowAlwaysButton.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Always allow", None))
#endif // QT_CONFIG(accessibility)
        self.allowAlwaysButton.setText(QCoreApplication.translate("ApprovalDialog", u"Al&ways allow", None))
#if QT_CONFIG(tooltip)
        self.denyButton.setToolTip(QCoreApplication.translate("ApprovalDialog", u"Do not run it; the model is told you did not allow it (Esc)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.denyButton.setAccessibleName(QCoreApplication.translate("ApprovalDialog", u"Deny", None))
#endif // QT_CONFIG(accessibility)
        self.denyButton.setText(QCoreApplication.translate("ApprovalDialog", u"&Deny", None))
    # retranslateUi

