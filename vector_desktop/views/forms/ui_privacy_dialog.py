# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'privacy_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PrivacyDialog(object):
    def setupUi(self, PrivacyDialog):
        if not PrivacyDialog.objectName():
            PrivacyDialog.setObjectName(u"PrivacyDialog")
        PrivacyDialog.resize(520, 400)
        self.layout = QVBoxLayout(PrivacyDialog)
        self.layout.setObjectName(u"layout")
        self.headline = QLabel(PrivacyDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)

        self.layout.addWidget(self.headline)

        self.introLabel = QLabel(PrivacyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.crashReportsCheck = QCheckBox(PrivacyDialog)
        self.crashReportsCheck.setObjectName(u"crashReportsCheck")
        self.crashReportsCheck.setChecked(False)

        self.layout.addWidget(self.crashReportsCheck)

        self.crashReportsLabel = QLabel(PrivacyDialog)
        self.crashReportsLabel.setObjectName(u"crashReportsLabel")
        self.crashReportsLabel.setWordWrap(True)
        self.crashReportsLabel.setIndent(24)

        self.layout.addWidget(self.crashReportsLabel)

        self.analyticsCheck = QCheckBox(PrivacyDialog)
        self.analyticsCheck.setObjectName(u"analyticsCheck")
        self.analyticsCheck.setChecked(False)

        self.layout.addWidget(self.analyticsCheck)

        self.analyticsLabel = QLabel(PrivacyDialog)
        self.analyticsLabel.setObjectName(u"analyticsLabel")
        self.analyticsLabel.setWordWrap(True)
        self.analyticsLabel.setIndent(24)

        self.layout.addWidget(self.analyticsLabel)

        self.neverLabel = QLabel(PrivacyDialog)
        self.neverLabel.setObjectName(u"neverLabel")
        self.neverLabel.setWordWrap(True)

        self.layout.addWidget(self.neverLabel)

        self.unavailableLabel = QLabel(PrivacyDialog)
        self.unavailableLabel.setObjectName(u"unavailableLabel")
        self.unavailableLabel.setWordWrap(True)

        self.layout.addWidget(self.unavailableLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(PrivacyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.crashReportsCheck, self.analyticsCheck)
        QWidget.setTabOrder(self.analyticsCheck, self.buttonBox)

        self.retranslateUi(PrivacyDialog)

        QMetaObject.connectSlotsByName(PrivacyDialog)
    # setupUi

    def retranslateUi(self, PrivacyDialog):
        PrivacyDialog.setWindowTitle(QCoreApplication.translate("PrivacyDialog", u"Help improve Vector Desktop?", None))
#if QT_CONFIG(accessibility)
        PrivacyDialog.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Privacy choices", None))
#endif // QT_CONFIG(accessibility)
        self.headline.setText(QCoreApplication.translate("PrivacyDialog", u"Help improve Vector Desktop?", None))
#if QT_CONFIG(accessibility)
        self.headline.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Question", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("PrivacyDialog", u"You can choose to share some information with the developers. Both are off unless you tick them, and you can change your mind at any time in Settings \u2192 Privacy.", None))
#if QT_CONFIG(accessibility)
        self.introLabel.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Introduction", None))
#endif // QT_CONFIG(accessibility)
        self.crashReportsCheck.setText(QCoreApplication.translate("PrivacyDialog", u"Send &crash reports", None))
#if QT_CONFIG(accessibility)
        self.crashReportsCheck.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Send crash reports", None))
#endif // QT_CONFIG(accessibility)
        self.crashReportsLabel.setText(QCoreApplication.translate("PrivacyDialog", u"When something goes wrong: the kind of error, where in the app it happened, the app version and your operating system.", None))
#if QT_CONFIG(accessibility)
        self.crashReportsLabel.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"What crash reports contain", None))
#endif // QT_CONFIG(accessibility)
        self.analyticsCheck.setText(QCoreApplication.translate("PrivacyDialog", u"Send usage &analytics", None))
#if QT_CONFIG(accessibility)
        self.analyticsCheck.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Send usage analytics", None))
#endif // QT_CONFIG(accessibility)
        self.analyticsLabel.setText(QCoreApplication.translate("PrivacyDialog", u"Which features are used (for example \"chat sent\" or \"file uploaded\"), with a random id that is not linked to you. Events wait on this computer while you are offline.", None))
#if QT_CONFIG(accessibility)
        self.analyticsLabel.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"What usage analytics contain", None))
#endif // QT_CONFIG(accessibility)
        self.neverLabel.setText(QCoreApplication.translate("PrivacyDialog", u"Never sent: your messages, files, database contents or email. API keys, passwords, tokens and paths in your home folder are removed before anything leaves this computer.", None))
#if QT_CONFIG(accessibility)
        self.neverLabel.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"What is never sent", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.unavailableLabel.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Unavailable options", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("PrivacyDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

