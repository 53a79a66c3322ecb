# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rule_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RuleDialog(object):
    def setupUi(self, RuleDialog):
        if not RuleDialog.objectName():
            RuleDialog.setObjectName(u"RuleDialog")
        RuleDialog.resize(620, 480)
        self.mainLayout = QVBoxLayout(RuleDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topForm = QFormLayout()
        self.topForm.setObjectName(u"topForm")
        self.toolLabel = QLabel(RuleDialog)
        self.toolLabel.setObjectName(u"toolLabel")

        self.topForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.toolLabel)

        self.toolBox = QVBoxLayout()
        self.toolBox.setSpacing(2)
        self.toolBox.setObjectName(u"toolBox")
        self.toolEdit = QLineEdit(RuleDialog)
        self.toolEdit.setObjectName(u"toolEdit")

        self.toolBox.addWidget(self.toolEdit)

        self.toolError = QLabel(RuleDialog)
        self.toolError.setObjectName(u"toolError")
        self.toolError.setProperty(u"role", u"fieldError")
        self.toolError.setWordWrap(True)

        self.toolBox.addWidget(self.toolError)


        self.topForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.toolBox)

        self.connectorLabel = QLabel(RuleDialog)
        self.connectorLabel.setObjectName(u"connectorLabel")

        self.topForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.connectorLabel)

        self.connectorCombo = QComboBox(RuleDialog)
        self.connectorCombo.setObjectName(u"connectorCombo")

        self.topForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.connectorCombo)

        self.effectLabel = QLabel(RuleDialog)
        self.effectLabel.setObjectName(u"effectLabel")

        self.topForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.effectLabel)

        self.effectCombo = QComboBox(RuleDialog)
        self.effectCombo.setObjectName(u"effectCombo")

        self.topForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.effectCombo)


        self.mainLayout.addLayout(self.topForm)

        self.matchersBox = QVBoxLayout()
        self.matchersBox.setSpacing(2)
        self.matchersBox.setObjectName(u"matchersBox")
        self.matchersLabel = QLabel(RuleDialog)
        self.matchersLabel.setObjectName(u"matchersLabel")

        self.matchersBox.addWidget(self.matchersLabel)

        self.matchersHolder = QWidget(RuleDialog)
        self.matchersHolder.setObjectName(u"matchersHolder")
        self.matchersHolderLayout = QVBoxLayout(self.matchersHolder)
        self.matchersHolderLayout.setObjectName(u"matchersHolderLayout")
        self.matchersHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.matchersBox.addWidget(self.matchersHolder)

        self.matchersHelp = QLabel(RuleDialog)
        self.matchersHelp.setObjectName(u"matchersHelp")
        self.matchersHelp.setWordWrap(True)
        self.matchersHelp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.matchersBox.addWidget(self.matchersHelp)

        self.matchersError = QLabel(RuleDialog)
        self.matchersError.setObjectName(u"matchersError")
        self.matchersError.setProperty(u"role", u"fieldError")
        self.matchersError.setWordWrap(True)

        self.matchersBox.addWidget(self.matchersError)


        self.mainLayout.addLayout(self.matchersBox)

        self.bottomForm = QFormLayout()
        self.bottomForm.setObjectName(u"bottomForm")
        self.noteLabel = QLabel(RuleDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.bottomForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(RuleDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.bottomForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.formMessage = QLabel(RuleDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setProperty(u"role", u"fieldError")
        self.formMessage.setWordWrap(True)

        self.bottomForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formMessage)


        self.mainLayout.addLayout(self.bottomForm)

        self.buttonBox = QDialogButtonBox(RuleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.toolLabel.setBuddy(self.toolEdit)
        self.connectorLabel.setBuddy(self.connectorCombo)
        self.effectLabel.setBuddy(self.effectCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RuleDialog)

        QMetaObject.connectSlotsByName(RuleDialog)
    # setupUi

    def retranslateUi(self, RuleDialog):
        RuleDialog.setWindowTitle(QCoreApplication.translate("RuleDialog", u"New rule", None))
        self.toolLabel.setText(QCoreApplication.translate("RuleDialog", u"&Tools:", None))
        self.toolEdit.setPlaceholderText(QCoreApplication.translate("RuleDialog", u"jira__create_issue, or a pattern: jira__*, *__delete_*", None))
#if QT_CONFIG(accessibility)
        self.toolEdit.setAccessibleName(QCoreApplication.translate("RuleDialog", u"Tool name or pattern", None))
#endif // QT_CONFIG(accessibility)
        self.toolError.setText("")
        self.connectorLabel.setText(QCoreApplication.translate("RuleDialog", u"&Connector:", None))
#if QT_CONFIG(accessibility)
        self.connectorCombo.setAccessibleName(QCoreApplication.translate("RuleDialog", u"Connector of the rule", None))
#endif // QT_CONFIG(accessibility)
        self.effectLabel.setText(QCoreApplication.translate("RuleDialog", u"T&hen:", None))
#if QT_CONFIG(accessibility)
        self.effectCombo.setAccessibleName(QCoreApplication.translate("RuleDialog", u"What the rule does", None))
#endif // QT_CONFIG(accessibility)
        self.matchersLabel.setText(QCoreApplication.translate("RuleDialog", u"&When the arguments match (one test a line; none: any arguments):", None))
        self.matchersHelp.setText(QCoreApplication.translate("RuleDialog", u"input.project == \"X\" \u00b7 input.project in [\"A\", \"B\"] \u00b7 input.title startswith \"[\" \u00b7 input.labels contains \"bug\" \u00b7 input.path glob \"/tmp/*\" \u00b7 input.assignee exists \u00b7 input.assignee absent", None))
        self.matchersError.setText("")
        self.noteLabel.setText(QCoreApplication.translate("RuleDialog", u"N&ote:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("RuleDialog", u"Why this rule (optional)", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("RuleDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.formMessage.setText("")
    # retranslateUi

