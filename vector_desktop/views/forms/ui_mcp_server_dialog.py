# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mcp_server_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_McpServerDialog(object):
    def setupUi(self, McpServerDialog):
        if not McpServerDialog.objectName():
            McpServerDialog.setObjectName(u"McpServerDialog")
        McpServerDialog.resize(620, 560)
        self.mainLayout = QVBoxLayout(McpServerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topForm = QFormLayout()
        self.topForm.setObjectName(u"topForm")
        self.nameLabel = QLabel(McpServerDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.topForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameLabelBox = QVBoxLayout()
        self.nameLabelBox.setSpacing(2)
        self.nameLabelBox.setObjectName(u"nameLabelBox")
        self.nameEdit = QLineEdit(McpServerDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameLabelBox.addWidget(self.nameEdit)

        self.nameError = QLabel(McpServerDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setProperty(u"role", u"fieldError")
        self.nameError.setWordWrap(True)

        self.nameLabelBox.addWidget(self.nameError)


        self.topForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameLabelBox)

        self.transportLabel = QLabel(McpServerDialog)
        self.transportLabel.setObjectName(u"transportLabel")

        self.topForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.transportLabel)

        self.transportRow = QHBoxLayout()
        self.transportRow.setObjectName(u"transportRow")
        self.urlRadio = QRadioButton(McpServerDialog)
        self.urlRadio.setObjectName(u"urlRadio")
        self.urlRadio.setChecked(True)

        self.transportRow.addWidget(self.urlRadio)

        self.commandRadio = QRadioButton(McpServerDialog)
        self.commandRadio.setObjectName(u"commandRadio")

        self.transportRow.addWidget(self.commandRadio)

        self.transportSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.transportRow.addItem(self.transportSpacer)


        self.topForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.transportRow)


        self.mainLayout.addLayout(self.topForm)

        self.transportStack = QStackedWidget(McpServerDialog)
        self.transportStack.setObjectName(u"transportStack")
        self.urlPage = QWidget()
        self.urlPage.setObjectName(u"urlPage")
        self.urlForm = QFormLayout(self.urlPage)
        self.urlForm.setObjectName(u"urlForm")
        self.urlLabel = QLabel(self.urlPage)
        self.urlLabel.setObjectName(u"urlLabel")

        self.urlForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlLabelBox = QVBoxLayout()
        self.urlLabelBox.setSpacing(2)
        self.urlLabelBox.setObjectName(u"urlLabelBox")
        self.urlEdit = QLineEdit(self.urlPage)
        self.urlEdit.setObjectName(u"urlEdit")

        self.urlLabelBox.addWidget(self.urlEdit)

        self.urlError = QLabel(self.urlPage)
        self.urlError.setObjectName(u"urlError")
        self.urlError.setProperty(u"role", u"fieldError")
        self.urlError.setWordWrap(True)

        self.urlLabelBox.addWidget(self.urlError)


        self.urlForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.urlLabelBox)

        self.headersLabel = QLabel(self.urlPage)
        self.headersLabel.setObjectName(u"headersLabel")

        self.urlForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.headersLabel)

        self.headersBox = QVBoxLayout()
        self.headersBox.setSpacing(2)
        self.headersBox.setObjectName(u"headersBox")
        self.headersTable = QTableWidget(self.urlPage)
        self.headersTable.setObjectName(u"headersTable")
        self.headersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.headersBox.addWidget(self.headersTable)

        self.headersButtons = QHBoxLayout()
        self.headersButtons.setSpacing(4)
        self.headersButtons.setObjectName(u"headersButtons")
        self.headersAddButton = QPushButton(self.urlPage)
        self.headersAddButton.setObjectName(u"headersAddButton")

        self.headersButtons.addWidget(self.headersAddButton)

        self.headersRemoveButton = QPushButton(self.urlPage)
        self.headersRemoveButton.setObjectName(u"headersRemoveButton")

        self.headersButtons.addWidget(self.headersRemoveButton)

        self.headersSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headersButtons.addItem(self.headersSpacer)


        self.headersBox.addLayout(self.headersButtons)

        self.headersError = QLabel(self.urlPage)
        self.headersError.setObjectName(u"headersError")
        self.headersError.setProperty(u"role", u"fieldError")
        self.headersError.setWordWrap(True)

        self.headersBox.addWidget(self.headersError)


        self.urlForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.headersBox)

        self.oauthCheck = QCheckBox(self.urlPage)
        self.oauthCheck.setObjectName(u"oauthCheck")

        self.urlForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.oauthCheck)

        self.transportStack.addWidget(self.urlPage)
        self.commandPage = QWidget()
        self.commandPage.setObjectName(u"commandPage")
        self.commandForm = QFormLayout(self.commandPage)
        self.commandForm.setObjectName(u"commandForm")
        self.commandLabel = QLabel(self.commandPage)
        self.commandLabel.setObjectName(u"commandLabel")

        self.commandForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.commandLabel)

        self.commandLabelBox = QVBoxLayout()
        self.commandLabelBox.setSpacing(2)
        self.commandLabelBox.setObjectName(u"commandLabelBox")
        self.commandRow = QHBoxLayout()
        self.commandRow.setSpacing(4)
        self.commandRow.setObjectName(u"commandRow")
        self.commandEdit = QLineEdit(self.commandPage)
        self.commandEdit.setObjectName(u"commandEdit")

        self.commandRow.addWidget(self.commandEdit)

        self.commandBrowseButton = QPushButton(self.commandPage)
        self.commandBrowseButton.setObjectName(u"commandBrowseButton")

        self.commandRow.addWidget(self.commandBrowseButton)


        self.commandLabelBox.addLayout(self.commandRow)

        self.commandError = QLabel(self.commandPage)
        self.commandError.setObjectName(u"commandError")
        self.commandError.setProperty(u"role", u"fieldError")
        self.commandError.setWordWrap(True)

        self.commandLabelBox.addWidget(self.commandError)


        self.commandForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.commandLabelBox)

        self.argsLabel = QLabel(self.commandPage)
        self.argsLabel.setObjectName(u"argsLabel")

        self.commandForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.argsLabel)

        self.argsLabelBox = QVBoxLayout()
        self.argsLabelBox.setSpacing(2)
        self.argsLabelBox.setObjectName(u"argsLabelBox")
        self.argsEdit = QLineEdit(self.commandPage)
        self.argsEdit.setObjectName(u"argsEdit")

        self.argsLabelBox.addWidget(self.argsEdit)

        self.argsError = QLabel(self.commandPage)
        self.argsError.setObjectName(u"argsError")
        self.argsError.setProperty(u"role", u"fieldError")
        self.argsError.setWordWrap(True)

        self.argsLabelBox.addWidget(self.argsError)


        self.commandForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.argsLabelBox)

        self.envLabel = QLabel(self.commandPage)
        self.envLabel.setObjectName(u"envLabel")

        self.commandForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.envLabel)

        self.envBox = QVBoxLayout()
        self.envBox.setSpacing(2)
        self.envBox.setObjectName(u"envBox")
        self.envTable = QTableWidget(self.commandPage)
        self.envTable.setObjectName(u"envTable")
        self.envTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.envBox.addWidget(self.envTable)

        self.envButtons = QHBoxLayout()
        self.envButtons.setSpacing(4)
        self.envButtons.setObjectName(u"envButtons")
        self.envAddButton = QPushButton(self.commandPage)
        self.envAddButton.setObjectName(u"envAddButton")

        self.envButtons.addWidget(self.envAddButton)

        self.envRemoveButton = QPushButton(self.commandPage)
        self.envRemoveButton.setObjectName(u"envRemoveButton")

        self.envButtons.addWidget(self.envRemoveButton)

        self.envSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.envButtons.addItem(self.envSpacer)


        self.envBox.addLayout(self.envButtons)

        self.envError = QLabel(self.commandPage)
        self.envError.setObjectName(u"envError")
        self.envError.setProperty(u"role", u"fieldError")
        self.envError.setWordWrap(True)

        self.envBox.addWidget(self.envError)


        self.commandForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.envBox)

        self.cwdLabel = QLabel(self.commandPage)
        self.cwdLabel.setObjectName(u"cwdLabel")

        self.commandForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cwdLabel)

        self.cwdLabelBox = QVBoxLayout()
        self.cwdLabelBox.setSpacing(2)
        self.cwdLabelBox.setObjectName(u"cwdLabelBox")
        self.cwdRow = QHBoxLayout()
        self.cwdRow.setSpacing(4)
        self.cwdRow.setObjectName(u"cwdRow")
        self.cwdEdit = QLineEdit(self.commandPage)
        self.cwdEdit.setObjectName(u"cwdEdit")

        self.cwdRow.addWidget(self.cwdEdit)

        self.cwdBrowseButton = QPushButton(self.commandPage)
        self.cwdBrowseButton.setObjectName(u"cwdBrowseButton")

        self.cwdRow.addWidget(self.cwdBrowseButton)


        self.cwdLabelBox.addLayout(self.cwdRow)

        self.cwdError = QLabel(self.commandPage)
        self.cwdError.setObjectName(u"cwdError")
        self.cwdError.setProperty(u"role", u"fieldError")
        self.cwdError.setWordWrap(True)

        self.cwdLabelBox.addWidget(self.cwdError)


        self.commandForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cwdLabelBox)

        self.transportStack.addWidget(self.commandPage)

        self.mainLayout.addWidget(self.transportStack)

        self.enabledCheck = QCheckBox(McpServerDialog)
        self.enabledCheck.setObjectName(u"enabledCheck")
        self.enabledCheck.setChecked(True)

        self.mainLayout.addWidget(self.enabledCheck)

        self.formMessage = QLabel(McpServerDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setProperty(u"role", u"fieldError")
        self.formMessage.setWordWrap(True)

        self.mainLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(McpServerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.headersLabel.setBuddy(self.headersTable)
        self.commandLabel.setBuddy(self.commandEdit)
        self.argsLabel.setBuddy(self.argsEdit)
        self.envLabel.setBuddy(self.envTable)
        self.cwdLabel.setBuddy(self.cwdEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(McpServerDialog)

        QMetaObject.connectSlotsByName(McpServerDialog)
    # setupUi

    def retranslateUi(self, McpServerDialog):
        McpServerDialog.setWindowTitle(QCoreApplication.translate("McpServerDialog", u"MCP server", None))
        self.nameLabel.setText(QCoreApplication.translate("McpServerDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("McpServerDialog", u"GitHub, Linear, files\u2026", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.nameError.setText("")
        self.transportLabel.setText(QCoreApplication.translate("McpServerDialog", u"Connect by:", None))
        self.urlRadio.setText(QCoreApplication.translate("McpServerDialog", u"U&RL (streamable HTTP)", None))
        self.commandRadio.setText(QCoreApplication.translate("McpServerDialog", u"C&ommand (stdio)", None))
        self.urlLabel.setText(QCoreApplication.translate("McpServerDialog", u"&URL:", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("McpServerDialog", u"https://example.com/mcp", None))
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"URL", None))
#endif // QT_CONFIG(accessibility)
        self.urlError.setText("")
        self.headersLabel.setText(QCoreApplication.translate("McpServerDialog", u"&Headers:", None))
#if QT_CONFIG(accessibility)
        self.headersTable.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"Headers", None))
#endif // QT_CONFIG(accessibility)
        self.headersAddButton.setText(QCoreApplication.translate("McpServerDialog", u"Add header", None))
#if QT_CONFIG(tooltip)
        self.headersAddButton.setToolTip(QCoreApplication.translate("McpServerDialog", u"Add a row", None))
#endif // QT_CONFIG(tooltip)
        self.headersRemoveButton.setText(QCoreApplication.translate("McpServerDialog", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.headersRemoveButton.setToolTip(QCoreApplication.translate("McpServerDialog", u"Remove the selected row", None))
#endif // QT_CONFIG(tooltip)
        self.headersError.setText("")
        self.oauthCheck.setText(QCoreApplication.translate("McpServerDialog", u"The server asks me to &sign in (OAuth, in the browser)", None))
        self.commandLabel.setText(QCoreApplication.translate("McpServerDialog", u"&Command:", None))
        self.commandEdit.setPlaceholderText(QCoreApplication.translate("McpServerDialog", u"npx, uvx, python, or a full path", None))
#if QT_CONFIG(accessibility)
        self.commandEdit.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"Command", None))
#endif // QT_CONFIG(accessibility)
        self.commandBrowseButton.setText(QCoreApplication.translate("McpServerDialog", u"Browse\u2026", None))
#if QT_CONFIG(tooltip)
        self.commandBrowseButton.setToolTip(QCoreApplication.translate("McpServerDialog", u"Choose the program", None))
#endif // QT_CONFIG(tooltip)
        self.commandError.setText("")
        self.argsLabel.setText(QCoreApplication.translate("McpServerDialog", u"&Arguments:", None))
        self.argsEdit.setPlaceholderText(QCoreApplication.translate("McpServerDialog", u"-y @modelcontextprotocol/server-everything stdio", None))
#if QT_CONFIG(accessibility)
        self.argsEdit.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"Arguments", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.argsEdit.setToolTip(QCoreApplication.translate("McpServerDialog", u"Separated by spaces; quote an argument that contains spaces", None))
#endif // QT_CONFIG(tooltip)
        self.argsError.setText("")
        self.envLabel.setText(QCoreApplication.translate("McpServerDialog", u"&Environment:", None))
#if QT_CONFIG(accessibility)
        self.envTable.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"Env", None))
#endif // QT_CONFIG(accessibility)
        self.envAddButton.setText(QCoreApplication.translate("McpServerDialog", u"Add variable", None))
#if QT_CONFIG(tooltip)
        self.envAddButton.setToolTip(QCoreApplication.translate("McpServerDialog", u"Add a row", None))
#endif // QT_CONFIG(tooltip)
        self.envRemoveButton.setText(QCoreApplication.translate("McpServerDialog", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.envRemoveButton.setToolTip(QCoreApplication.translate("McpServerDialog", u"Remove the selected row", None))
#endif // QT_CONFIG(tooltip)
        self.envError.setText("")
        self.cwdLabel.setText(QCoreApplication.translate("McpServerDialog", u"&Working folder:", None))
        self.cwdEdit.setPlaceholderText(QCoreApplication.translate("McpServerDialog", u"Your home folder", None))
#if QT_CONFIG(accessibility)
        self.cwdEdit.setAccessibleName(QCoreApplication.translate("McpServerDialog", u"Working folder", None))
#endif // QT_CONFIG(accessibility)
        self.cwdBrowseButton.setText(QCoreApplication.translate("McpServerDialog", u"Browse\u2026", None))
#if QT_CONFIG(tooltip)
        self.cwdBrowseButton.setToolTip(QCoreApplication.translate("McpServerDialog", u"Choose the folder the server starts in", None))
#endif // QT_CONFIG(tooltip)
        self.cwdError.setText("")
        self.enabledCheck.setText(QCoreApplication.translate("McpServerDialog", u"Start this server and offer its &tools", None))
        self.formMessage.setText("")
    # retranslateUi

