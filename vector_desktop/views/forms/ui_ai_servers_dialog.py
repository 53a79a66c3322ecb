# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ai_servers_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_AIServersDialog(object):
    def setupUi(self, AIServersDialog):
        if not AIServersDialog.objectName():
            AIServersDialog.setObjectName(u"AIServersDialog")
        AIServersDialog.resize(780, 640)
        self.mainLayout = QVBoxLayout(AIServersDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AIServersDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.serversTable = QTableView(AIServersDialog)
        self.serversTable.setObjectName(u"serversTable")
        self.serversTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.serversTable.setAlternatingRowColors(True)
        self.serversTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.serversTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.serversTable.setWordWrap(False)
        self.serversTable.horizontalHeader().setStretchLastSection(True)
        self.serversTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.serversTable)

        self.emptyLabel = QLabel(AIServersDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.emptyLabel)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.addButton = QPushButton(AIServersDialog)
        self.addButton.setObjectName(u"addButton")

        self.listButtons.addWidget(self.addButton)

        self.removeButton = QPushButton(AIServersDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.listButtons.addWidget(self.removeButton)

        self.listButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listButtonsSpacer)

        self.reachabilityButton = QPushButton(AIServersDialog)
        self.reachabilityButton.setObjectName(u"reachabilityButton")

        self.listButtons.addWidget(self.reachabilityButton)


        self.mainLayout.addLayout(self.listButtons)

        self.editorGroup = QGroupBox(AIServersDialog)
        self.editorGroup.setObjectName(u"editorGroup")
        self.editorLayout = QVBoxLayout(self.editorGroup)
        self.editorLayout.setObjectName(u"editorLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.presetLabel = QLabel(self.editorGroup)
        self.presetLabel.setObjectName(u"presetLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.presetLabel)

        self.presetCombo = QComboBox(self.editorGroup)
        self.presetCombo.setObjectName(u"presetCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.presetCombo)

        self.nameLabel = QLabel(self.editorGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.editorGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.urlLabel = QLabel(self.editorGroup)
        self.urlLabel.setObjectName(u"urlLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(self.editorGroup)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setPlaceholderText(u"http://localhost:11434/v1")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.keyLabel = QLabel(self.editorGroup)
        self.keyLabel.setObjectName(u"keyLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyRow = QHBoxLayout()
        self.keyRow.setObjectName(u"keyRow")
        self.keyEdit = QLineEdit(self.editorGroup)
        self.keyEdit.setObjectName(u"keyEdit")
        self.keyEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.keyRow.addWidget(self.keyEdit)

        self.clearKeyCheck = QCheckBox(self.editorGroup)
        self.clearKeyCheck.setObjectName(u"clearKeyCheck")

        self.keyRow.addWidget(self.clearKeyCheck)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.keyRow)

        self.enabledCheck = QCheckBox(self.editorGroup)
        self.enabledCheck.setObjectName(u"enabledCheck")
        self.enabledCheck.setChecked(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.enabledCheck)


        self.editorLayout.addLayout(self.form)

        self.formErrorLabel = QLabel(self.editorGroup)
        self.formErrorLabel.setObjectName(u"formErrorLabel")
        self.formErrorLabel.setWordWrap(True)
        self.formErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorLayout.addWidget(self.formErrorLabel)

        self.editorButtons = QHBoxLayout()
        self.editorButtons.setObjectName(u"editorButtons")
        self.testButton = QPushButton(self.editorGroup)
        self.testButton.setObjectName(u"testButton")

        self.editorButtons.addWidget(self.testButton)

        self.editorButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editorButtons.addItem(self.editorButtonsSpacer)

        self.saveButton = QPushButton(self.editorGroup)
        self.saveButton.setObjectName(u"saveButton")

        self.editorButtons.addWidget(self.saveButton)


        self.editorLayout.addLayout(self.editorButtons)

        self.testResultLabel = QLabel(self.editorGroup)
        self.testResultLabel.setObjectName(u"testResultLabel")
        self.testResultLabel.setWordWrap(True)
        self.testResultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorLayout.addWidget(self.testResultLabel)

        self.modelsList = QListWidget(self.editorGroup)
        self.modelsList.setObjectName(u"modelsList")
        self.modelsList.setMaximumSize(QSize(16777215, 140))

        self.editorLayout.addWidget(self.modelsList)


        self.mainLayout.addWidget(self.editorGroup)

        self.buttonBox = QDialogButtonBox(AIServersDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.presetLabel.setBuddy(self.presetCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.keyLabel.setBuddy(self.keyEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.serversTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.reachabilityButton)
        QWidget.setTabOrder(self.reachabilityButton, self.presetCombo)
        QWidget.setTabOrder(self.presetCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.urlEdit)
        QWidget.setTabOrder(self.urlEdit, self.keyEdit)
        QWidget.setTabOrder(self.keyEdit, self.clearKeyCheck)
        QWidget.setTabOrder(self.clearKeyCheck, self.enabledCheck)
        QWidget.setTabOrder(self.enabledCheck, self.testButton)
        QWidget.setTabOrder(self.testButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.modelsList)

        self.retranslateUi(AIServersDialog)
        self.buttonBox.rejected.connect(AIServersDialog.reject)

        QMetaObject.connectSlotsByName(AIServersDialog)
    # setupUi

    def retranslateUi(self, AIServersDialog):
        AIServersDialog.setWindowTitle(QCoreApplication.translate("AIServersDialog", u"AI servers", None))
#if QT_CONFIG(accessibility)
        AIServersDialog.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"AI servers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.introLabel.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"About AI servers", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("AIServersDialog", u"Servers on this computer or your network that speak the OpenAI API, such as Ollama, LM Studio, llama.cpp or vLLM. Their models appear in the chat's model picker.", None))
#if QT_CONFIG(accessibility)
        self.serversTable.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"AI servers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.emptyLabel.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"No servers", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("AIServersDialog", u"No servers yet. Click Add and pick a preset to start.", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Add a server", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("AIServersDialog", u"&Add", None))
#if QT_CONFIG(accessibility)
        self.removeButton.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Remove the selected server", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("AIServersDialog", u"&Remove\u2026", None))
#if QT_CONFIG(accessibility)
        self.reachabilityButton.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Check whether the servers can be reached", None))
#endif // QT_CONFIG(accessibility)
        self.reachabilityButton.setText(QCoreApplication.translate("AIServersDialog", u"Check r&eachability", None))
#if QT_CONFIG(accessibility)
        self.editorGroup.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Server details", None))
#endif // QT_CONFIG(accessibility)
        self.editorGroup.setTitle(QCoreApplication.translate("AIServersDialog", u"New server", None))
        self.presetLabel.setText(QCoreApplication.translate("AIServersDialog", u"&Preset:", None))
#if QT_CONFIG(accessibility)
        self.presetCombo.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Preset", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.presetCombo.setToolTip(QCoreApplication.translate("AIServersDialog", u"Fill in the usual address of a well-known server", None))
#endif // QT_CONFIG(tooltip)
        self.nameLabel.setText(QCoreApplication.translate("AIServersDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Server name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AIServersDialog", u"e.g. Ollama", None))
        self.urlLabel.setText(QCoreApplication.translate("AIServersDialog", u"Base &URL:", None))
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Base URL", None))
#endif // QT_CONFIG(accessibility)
        self.keyLabel.setText(QCoreApplication.translate("AIServersDialog", u"API &key:", None))
#if QT_CONFIG(accessibility)
        self.keyEdit.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"API key", None))
#endif // QT_CONFIG(accessibility)
        self.keyEdit.setPlaceholderText(QCoreApplication.translate("AIServersDialog", u"Optional; most local servers need none", None))
#if QT_CONFIG(accessibility)
        self.clearKeyCheck.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Remove the saved API key", None))
#endif // QT_CONFIG(accessibility)
        self.clearKeyCheck.setText(QCoreApplication.translate("AIServersDialog", u"Remove the saved &key", None))
#if QT_CONFIG(accessibility)
        self.enabledCheck.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Use this server", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.enabledCheck.setToolTip(QCoreApplication.translate("AIServersDialog", u"When unchecked, the server is kept in the list but its models leave the model picker", None))
#endif // QT_CONFIG(tooltip)
        self.enabledCheck.setText(QCoreApplication.translate("AIServersDialog", u"U&se this server", None))
#if QT_CONFIG(accessibility)
        self.formErrorLabel.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Problem with the server details", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.testButton.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Test the server", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.testButton.setToolTip(QCoreApplication.translate("AIServersDialog", u"Ask the server for its models with the address and key above", None))
#endif // QT_CONFIG(tooltip)
        self.testButton.setText(QCoreApplication.translate("AIServersDialog", u"&Test", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Save the server", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("AIServersDialog", u"Sa&ve", None))
#if QT_CONFIG(accessibility)
        self.testResultLabel.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Test result", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.modelsList.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Models the server offers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("AIServersDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

