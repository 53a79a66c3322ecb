# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'run_tool_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QHBoxLayout,
    QLabel, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QSplitter, QVBoxLayout,
    QWidget)

class Ui_RunToolDialog(object):
    def setupUi(self, RunToolDialog):
        if not RunToolDialog.objectName():
            RunToolDialog.setObjectName(u"RunToolDialog")
        RunToolDialog.resize(760, 640)
        self.mainLayout = QVBoxLayout(RunToolDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolLabel = QLabel(RunToolDialog)
        self.toolLabel.setObjectName(u"toolLabel")
        self.toolLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.toolLabel)

        self.descriptionLabel = QLabel(RunToolDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)
        self.descriptionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.descriptionLabel)

        self.splitter = QSplitter(RunToolDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.argumentsHolder = QWidget(self.splitter)
        self.argumentsHolder.setObjectName(u"argumentsHolder")
        self.argumentsLayout = QVBoxLayout(self.argumentsHolder)
        self.argumentsLayout.setObjectName(u"argumentsLayout")
        self.argumentsLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.argumentsHolder)
        self.resultBox = QWidget(self.splitter)
        self.resultBox.setObjectName(u"resultBox")
        self.resultLayout = QVBoxLayout(self.resultBox)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(0, 0, 0, 0)
        self.statusLabel = QLabel(self.resultBox)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultLayout.addWidget(self.statusLabel)

        self.authFrame = QFrame(self.resultBox)
        self.authFrame.setObjectName(u"authFrame")
        self.authFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.authLayout = QHBoxLayout(self.authFrame)
        self.authLayout.setObjectName(u"authLayout")
        self.authLayout.setContentsMargins(6, 4, 6, 4)
        self.authLabel = QLabel(self.authFrame)
        self.authLabel.setObjectName(u"authLabel")
        self.authLabel.setWordWrap(True)

        self.authLayout.addWidget(self.authLabel)

        self.connectButton = QPushButton(self.authFrame)
        self.connectButton.setObjectName(u"connectButton")

        self.authLayout.addWidget(self.connectButton)

        self.authLayout.setStretch(0, 1)

        self.resultLayout.addWidget(self.authFrame)

        self.resultHolder = QWidget(self.resultBox)
        self.resultHolder.setObjectName(u"resultHolder")
        self.resultHolderLayout = QVBoxLayout(self.resultHolder)
        self.resultHolderLayout.setObjectName(u"resultHolderLayout")
        self.resultHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.resultLayout.addWidget(self.resultHolder)

        self.resultLayout.setStretch(2, 1)
        self.splitter.addWidget(self.resultBox)

        self.mainLayout.addWidget(self.splitter)

        self.runRow = QHBoxLayout()
        self.runRow.setSpacing(6)
        self.runRow.setObjectName(u"runRow")
        self.timeoutLabel = QLabel(RunToolDialog)
        self.timeoutLabel.setObjectName(u"timeoutLabel")

        self.runRow.addWidget(self.timeoutLabel)

        self.timeoutSpin = QSpinBox(RunToolDialog)
        self.timeoutSpin.setObjectName(u"timeoutSpin")
        self.timeoutSpin.setMinimum(0)
        self.timeoutSpin.setMaximum(3600)
        self.timeoutSpin.setSingleStep(30)

        self.runRow.addWidget(self.timeoutSpin)

        self.progressBar = QProgressBar(RunToolDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setTextVisible(False)

        self.runRow.addWidget(self.progressBar)

        self.runSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.runRow.addItem(self.runSpacer)

        self.runButton = QPushButton(RunToolDialog)
        self.runButton.setObjectName(u"runButton")

        self.runRow.addWidget(self.runButton)

        self.cancelButton = QPushButton(RunToolDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.runRow.addWidget(self.cancelButton)

        self.closeButton = QPushButton(RunToolDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.runRow.addWidget(self.closeButton)

        self.runRow.setStretch(2, 1)

        self.mainLayout.addLayout(self.runRow)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.timeoutLabel.setBuddy(self.timeoutSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RunToolDialog)

        QMetaObject.connectSlotsByName(RunToolDialog)
    # setupUi

    def retranslateUi(self, RunToolDialog):
        RunToolDialog.setWindowTitle(QCoreApplication.translate("RunToolDialog", u"Run tool", None))
        self.toolLabel.setText("")
#if QT_CONFIG(accessibility)
        self.toolLabel.setAccessibleName(QCoreApplication.translate("RunToolDialog", u"Tool", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText("")
#if QT_CONFIG(accessibility)
        self.descriptionLabel.setAccessibleName(QCoreApplication.translate("RunToolDialog", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("RunToolDialog", u"Run status", None))
#endif // QT_CONFIG(accessibility)
        self.authLabel.setText("")
        self.connectButton.setText(QCoreApplication.translate("RunToolDialog", u"&Connect", None))
#if QT_CONFIG(tooltip)
        self.connectButton.setToolTip(QCoreApplication.translate("RunToolDialog", u"Connect this connector in your browser, then run the tool again", None))
#endif // QT_CONFIG(tooltip)
        self.timeoutLabel.setText(QCoreApplication.translate("RunToolDialog", u"&Time limit:", None))
#if QT_CONFIG(accessibility)
        self.timeoutSpin.setAccessibleName(QCoreApplication.translate("RunToolDialog", u"Time limit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.timeoutSpin.setToolTip(QCoreApplication.translate("RunToolDialog", u"How long to wait for the tool; Default uses the server's setting", None))
#endif // QT_CONFIG(tooltip)
        self.timeoutSpin.setSpecialValueText(QCoreApplication.translate("RunToolDialog", u"Default", None))
        self.timeoutSpin.setSuffix(QCoreApplication.translate("RunToolDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("RunToolDialog", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.runButton.setText(QCoreApplication.translate("RunToolDialog", u"&Run", None))
#if QT_CONFIG(tooltip)
        self.runButton.setToolTip(QCoreApplication.translate("RunToolDialog", u"Run the tool with these arguments (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("RunToolDialog", u"&Cancel run", None))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("RunToolDialog", u"Stop the running call", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("RunToolDialog", u"Close", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("RunToolDialog", u"Close this window", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

