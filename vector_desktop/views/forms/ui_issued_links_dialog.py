# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issued_links_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_IssuedLinksDialog(object):
    def setupUi(self, IssuedLinksDialog):
        if not IssuedLinksDialog.objectName():
            IssuedLinksDialog.setObjectName(u"IssuedLinksDialog")
        IssuedLinksDialog.resize(680, 420)
        self.layout = QVBoxLayout(IssuedLinksDialog)
        self.layout.setObjectName(u"layout")
        self.noticeLabel = QLabel(IssuedLinksDialog)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setStyleSheet(u"QLabel { background: #fff4e5; color: #663c00; border: 1px solid #ffb74d; border-radius: 4px; padding: 6px; }")
        self.noticeLabel.setWordWrap(True)

        self.layout.addWidget(self.noticeLabel)

        self.stack = QStackedWidget(IssuedLinksDialog)
        self.stack.setObjectName(u"stack")
        self.tablePage = QWidget()
        self.tablePage.setObjectName(u"tablePage")
        self.tableLayout = QVBoxLayout(self.tablePage)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 0, 0, 0)
        self.linksTable = QTableView(self.tablePage)
        self.linksTable.setObjectName(u"linksTable")
        self.linksTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linksTable.setAlternatingRowColors(True)
        self.linksTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linksTable.setWordWrap(False)
        self.linksTable.horizontalHeader().setStretchLastSection(True)
        self.linksTable.verticalHeader().setVisible(False)

        self.tableLayout.addWidget(self.linksTable)

        self.stack.addWidget(self.tablePage)
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

        self.layout.addWidget(self.stack)

        self.buttonBox = QDialogButtonBox(IssuedLinksDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(IssuedLinksDialog)

        QMetaObject.connectSlotsByName(IssuedLinksDialog)
    # setupUi

    def retranslateUi(self, IssuedLinksDialog):
        IssuedLinksDialog.setWindowTitle(QCoreApplication.translate("IssuedLinksDialog", u"Issued links", None))
#if QT_CONFIG(accessibility)
        IssuedLinksDialog.setAccessibleName(QCoreApplication.translate("IssuedLinksDialog", u"Issued links", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.noticeLabel.setAccessibleName(QCoreApplication.translate("IssuedLinksDialog", u"Links cannot be revoked", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.linksTable.setAccessibleName(QCoreApplication.translate("IssuedLinksDialog", u"Links issued", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.emptyLabel.setAccessibleName(QCoreApplication.translate("IssuedLinksDialog", u"No links", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("IssuedLinksDialog", u"No links have been issued for this bucket.", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("IssuedLinksDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

