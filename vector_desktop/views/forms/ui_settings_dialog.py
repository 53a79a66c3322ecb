# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFrame, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QScrollArea, QSizePolicy, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(820, 560)
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setObjectName(u"layout")
        self.keychainBanner = QLabel(SettingsDialog)
        self.keychainBanner.setObjectName(u"keychainBanner")
        self.keychainBanner.setVisible(False)
        self.keychainBanner.setWordWrap(True)
        self.keychainBanner.setStyleSheet(u"QLabel { background: #fff4e5; color: #663c00; border: 1px solid #ffb74d; border-radius: 4px; padding: 6px; }")

        self.layout.addWidget(self.keychainBanner)

        self.loadingLabel = QLabel(SettingsDialog)
        self.loadingLabel.setObjectName(u"loadingLabel")

        self.layout.addWidget(self.loadingLabel)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.groupList = QListWidget(SettingsDialog)
        self.groupList.setObjectName(u"groupList")
        self.groupList.setMaximumWidth(180)

        self.body.addWidget(self.groupList)

        self.pageScroll = QScrollArea(SettingsDialog)
        self.pageScroll.setObjectName(u"pageScroll")
        self.pageScroll.setWidgetResizable(True)
        self.pageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pages = QStackedWidget()
        self.pages.setObjectName(u"pages")
        self.pageScroll.setWidget(self.pages)

        self.body.addWidget(self.pageScroll)

        self.body.setStretch(1, 1)

        self.layout.addLayout(self.body)

        self.statusLabel = QLabel(SettingsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setVisible(False)
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setStyleSheet(u"QLabel { color: #c62828; }")

        self.layout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Apply|QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
#if QT_CONFIG(accessibility)
        self.keychainBanner.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Keychain warning", None))
#endif // QT_CONFIG(accessibility)
        self.loadingLabel.setText(QCoreApplication.translate("SettingsDialog", u"Loading settings from the keychain\u2026", None))
#if QT_CONFIG(accessibility)
        self.loadingLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Loading", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.groupList.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Settings groups", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pages.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Settings of the selected group", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Save status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

