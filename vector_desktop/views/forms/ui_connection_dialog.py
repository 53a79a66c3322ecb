# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'connection_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QToolButton, QVBoxLayout,
    QWidget)

class Ui_ConnectionDialog(object):
    def setupUi(self, ConnectionDialog):
        if not ConnectionDialog.objectName():
            ConnectionDialog.setObjectName(u"ConnectionDialog")
        ConnectionDialog.resize(580, 520)
        self.mainLayout = QVBoxLayout(ConnectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(ConnectionDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(2)
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(ConnectionDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameBox.addWidget(self.nameEdit)

        self.nameError = QLabel(ConnectionDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setProperty(u"role", u"fieldError")
        self.nameError.setWordWrap(True)

        self.nameBox.addWidget(self.nameError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.kindLabel = QLabel(ConnectionDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ConnectionDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.supabaseUrlLabel = QLabel(ConnectionDialog)
        self.supabaseUrlLabel.setObjectName(u"supabaseUrlLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.supabaseUrlLabel)

        self.supabaseUrlBox = QVBoxLayout()
        self.supabaseUrlBox.setSpacing(2)
        self.supabaseUrlBox.setObjectName(u"supabaseUrlBox")
        self.supabaseUrlEdit = QLineEdit(ConnectionDialog)
        self.supabaseUrlEdit.setObjectName(u"supabaseUrlEdit")

        self.supabaseUrlBox.addWidget(self.supabaseUrlEdit)

        self.supabaseUrlError = QLabel(ConnectionDialog)
        self.supabaseUrlError.setObjectName(u"supabaseUrlError")
        self.supabaseUrlError.setProperty(u"role", u"fieldError")
        self.supabaseUrlError.setWordWrap(True)

        self.supabaseUrlBox.addWidget(self.supabaseUrlError)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.supabaseUrlBox)

        self.apiKeyLabel = QLabel(ConnectionDialog)
        self.apiKeyLabel.setObjectName(u"apiKeyLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.apiKeyLabel)

        self.apiKeyBox = QVBoxLayout()
        self.apiKeyBox.setSpacing(2)
        self.apiKeyBox.setObjectName(u"apiKeyBox")
        self.apiKeyEdit = QLineEdit(ConnectionDialog)
        self.apiKeyEdit.setObjectName(u"apiKeyEdit")
        self.apiKeyEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.apiKeyBox.addWidget(self.apiKeyEdit)

        self.apiKeyError = QLabel(ConnectionDialog)
        self.apiKeyError.setObjectName(u"apiKeyError")
        self.apiKeyError.setProperty(u"role", u"fieldError")
        self.apiKeyError.setWordWrap(True)

        self.apiKeyBox.addWidget(self.apiKeyError)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.apiKeyBox)

        self.supabaseHintLabel = QLabel(ConnectionDialog)
        self.supabaseHintLabel.setObjectName(u"supabaseHintLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.supabaseHintLabel)

        self.supabaseHint = QLabel(ConnectionDialog)
        self.supabaseHint.setObjectName(u"supabaseHint")
        self.supabaseHint.setWordWrap(False)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.supabaseHint)

        self.hostLabel = QLabel(ConnectionDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostBox = QVBoxLayout()
        self.hostBox.setSpacing(2)
        self.hostBox.setObjectName(u"hostBox")
        self.hostEdit = QLineEdit(ConnectionDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.hostBox.addWidget(self.hostEdit)

        self.hostError = QLabel(ConnectionDialog)
        self.hostError.setObjectName(u"hostError")
        self.hostError.setProperty(u"role", u"fieldError")
        self.hostError.setWordWrap(True)

        self.hostBox.addWidget(self.hostError)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.hostBox)

        self.portLabel = QLabel(ConnectionDialog)
        self.portLabel.setObjectName(u"portLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portBox = QVBoxLayout()
        self.portBox.setSpacing(2)
        self.portBox.setObjectName(u"portBox")
        self.portSpin = QSpinBox(ConnectionDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMaximum(65535)

        self.portBox.addWidget(self.portSpin)

        self.portError = QLabel(ConnectionDialog)
        self.portError.setObjectName(u"portError")
        self.portError.setProperty(u"role", u"fieldError")
        self.portError.setWordWrap(True)

        self.portBox.addWidget(self.portError)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.portBox)

        self.databaseLabel = QLabel(ConnectionDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseBox = QVBoxLayout()
        self.databaseBox.setSpacing(2)
        self.databaseBox.setObjectName(u"databaseBox")
        self.databaseEdit = QLineEdit(ConnectionDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.databaseBox.addWidget(self.databaseEdit)

        self.databaseError = QLabel(ConnectionDialog)
        self.databaseError.setObjectName(u"databaseError")
        self.databaseError.setProperty(u"role", u"fieldError")
        self.databaseError.setWordWrap(True)

        self.databaseBox.addWidget(self.databaseError)


        self.form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.databaseBox)

        self.userLabel = QLabel(ConnectionDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userBox = QVBoxLayout()
        self.userBox.setSpacing(2)
        self.userBox.setObjectName(u"userBox")
        self.userEdit = QLineEdit(ConnectionDialog)
        self.userEdit.setObjectName(u"userEdit")

        self.userBox.addWidget(self.userEdit)

        self.userError = QLabel(ConnectionDialog)
        self.userError.setObjectName(u"userError")
        self.userError.setProperty(u"role", u"fieldError")
        self.userError.setWordWrap(True)

        self.userBox.addWidget(self.userError)


        self.form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.userBox)

        self.passwordLabel = QLabel(ConnectionDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordBox = QVBoxLayout()
        self.passwordBox.setSpacing(2)
        self.passwordBox.setObjectName(u"passwordBox")
        self.passwordEdit = QLineEdit(ConnectionDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordBox.addWidget(self.passwordEdit)

        self.passwordError = QLabel(ConnectionDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setProperty(u"role", u"fieldError")
        self.passwordError.setWordWrap(True)

        self.passwordBox.addWidget(self.passwordError)


        self.form.setLayout(9, QFormLayout.ItemRole.FieldRole, self.passwordBox)

        self.tlsLabel = QLabel(ConnectionDialog)
        self.tlsLabel.setObjectName(u"tlsLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.tlsLabel)

        self.tlsCombo = QComboBox(ConnectionDialog)
        self.tlsCombo.setObjectName(u"tlsCombo")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.tlsCombo)

        self.caFileLabel = QLabel(ConnectionDialog)
        self.caFileLabel.setObjectName(u"caFileLabel")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.caFileLabel)

        self.caFileBox = QVBoxLayout()
        self.caFileBox.setSpacing(2)
        self.caFileBox.setObjectName(u"caFileBox")
        self.caFileRow = QHBoxLayout()
        self.caFileRow.setObjectName(u"caFileRow")
        self.caFileEdit = QLineEdit(ConnectionDialog)
        self.caFileEdit.setObjectName(u"caFileEdit")

        self.caFileRow.addWidget(self.caFileEdit)

        self.caFileBrowseButton = QToolButton(ConnectionDialog)
        self.caFileBrowseButton.setObjectName(u"caFileBrowseButton")

        self.caFileRow.addWidget(self.caFileBrowseButton)


        self.caFileBox.addLayout(self.caFileRow)

        self.caFileError = QLabel(ConnectionDialog)
        self.caFileError.setObjectName(u"caFileError")
        self.caFileError.setProperty(u"role", u"fieldError")
        self.caFileError.setWordWrap(True)

        self.caFileBox.addWidget(self.caFileError)


        self.form.setLayout(11, QFormLayout.ItemRole.FieldRole, self.caFileBox)

        self.colorLabel = QLabel(ConnectionDialog)
        self.colorLabel.setObjectName(u"colorLabel")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.colorLabel)

        self.colorCombo = QComboBox(ConnectionDialog)
        self.colorCombo.setObjectName(u"colorCombo")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.colorCombo)

        self.accessLabel = QLabel(ConnectionDialog)
        self.accessLabel.setObjectName(u"accessLabel")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.accessLabel)

        self.writableCheck = QCheckBox(ConnectionDialog)
        self.writableCheck.setObjectName(u"writableCheck")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.writableCheck)

        self.aiLabel = QLabel(ConnectionDialog)
        self.aiLabel.setObjectName(u"aiLabel")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.aiLabel)

        self.exposeCheck = QCheckBox(ConnectionDialog)
        self.exposeCheck.setObjectName(u"exposeCheck")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.exposeCheck)


        self.mainLayout.addLayout(self.form)

        self.testRow = QHBoxLayout()
        self.testRow.setObjectName(u"testRow")
        self.testButton = QPushButton(ConnectionDialog)
        self.testButton.setObjectName(u"testButton")

        self.testRow.addWidget(self.testButton)

        self.testResultLabel = QLabel(ConnectionDialog)
        self.testResultLabel.setObjectName(u"testResultLabel")
        self.testResultLabel.setWordWrap(True)
        self.testResultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.testRow.addWidget(self.testResultLabel)

        self.testRow.setStretch(1, 1)

        self.mainLayout.addLayout(self.testRow)

        self.formMessage = QLabel(ConnectionDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setProperty(u"role", u"fieldError")
        self.formMessage.setWordWrap(True)

        self.mainLayout.addWidget(self.formMessage)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ConnectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.supabaseUrlLabel.setBuddy(self.supabaseUrlEdit)
        self.apiKeyLabel.setBuddy(self.apiKeyEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.tlsLabel.setBuddy(self.tlsCombo)
        self.caFileLabel.setBuddy(self.caFileEdit)
        self.colorLabel.setBuddy(self.colorCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConnectionDialog)

        QMetaObject.connectSlotsByName(ConnectionDialog)
    # setupUi

    def retranslateUi(self, ConnectionDialog):
        ConnectionDialog.setWindowTitle(QCoreApplication.translate("ConnectionDialog", u"Database connection", None))
        self.nameLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"production, analytics, local\u2026", None))
        self.nameError.setText("")
        self.kindLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Kind", None))
#endif // QT_CONFIG(accessibility)
        self.supabaseUrlLabel.setText(QCoreApplication.translate("ConnectionDialog", u"Project &URL:", None))
#if QT_CONFIG(accessibility)
        self.supabaseUrlEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Supabase project URL", None))
#endif // QT_CONFIG(accessibility)
        self.supabaseUrlEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"https://<project>.supabase.co", None))
        self.supabaseUrlError.setText("")
        self.apiKeyLabel.setText(QCoreApplication.translate("ConnectionDialog", u"API &key:", None))
#if QT_CONFIG(accessibility)
        self.apiKeyEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Supabase API key", None))
#endif // QT_CONFIG(accessibility)
        self.apiKeyError.setText("")
        self.supabaseHintLabel.setText("")
        self.supabaseHint.setText(QCoreApplication.translate("ConnectionDialog", u"Tables are read through the project's REST API. To run SQL too,\n"
"give its Postgres connection below (Supabase: Settings \u2192 Database).", None))
        self.hostLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&Host:", None))
#if QT_CONFIG(accessibility)
        self.hostEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Host", None))
#endif // QT_CONFIG(accessibility)
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"localhost", None))
        self.hostError.setText("")
        self.portLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&Port:", None))
#if QT_CONFIG(accessibility)
        self.portSpin.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Port", None))
#endif // QT_CONFIG(accessibility)
        self.portError.setText("")
        self.databaseLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&Database:", None))
#if QT_CONFIG(accessibility)
        self.databaseEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Database", None))
#endif // QT_CONFIG(accessibility)
        self.databaseError.setText("")
        self.userLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&User:", None))
#if QT_CONFIG(accessibility)
        self.userEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"User", None))
#endif // QT_CONFIG(accessibility)
        self.userError.setText("")
        self.passwordLabel.setText(QCoreApplication.translate("ConnectionDialog", u"Pass&word:", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.passwordError.setText("")
        self.tlsLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&TLS:", None))
#if QT_CONFIG(accessibility)
        self.tlsCombo.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"TLS mode", None))
#endif // QT_CONFIG(accessibility)
        self.caFileLabel.setText(QCoreApplication.translate("ConnectionDialog", u"&CA file:", None))
#if QT_CONFIG(accessibility)
        self.caFileEdit.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"CA file", None))
#endif // QT_CONFIG(accessibility)
        self.caFileEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"The system's certificates when empty", None))
        self.caFileBrowseButton.setText(QCoreApplication.translate("ConnectionDialog", u"\u2026", None))
#if QT_CONFIG(tooltip)
        self.caFileBrowseButton.setToolTip(QCoreApplication.translate("ConnectionDialog", u"Choose the CA certificate file", None))
#endif // QT_CONFIG(tooltip)
        self.caFileError.setText("")
        self.colorLabel.setText(QCoreApplication.translate("ConnectionDialog", u"C&olour:", None))
#if QT_CONFIG(accessibility)
        self.colorCombo.setAccessibleName(QCoreApplication.translate("ConnectionDialog", u"Colour tag", None))
#endif // QT_CONFIG(accessibility)
        self.accessLabel.setText(QCoreApplication.translate("ConnectionDialog", u"Access:", None))
        self.writableCheck.setText(QCoreApplication.translate("ConnectionDialog", u"Allow &writes (otherwise the server refuses every change)", None))
        self.aiLabel.setText(QCoreApplication.translate("ConnectionDialog", u"AI:", None))
        self.exposeCheck.setText(QCoreApplication.translate("ConnectionDialog", u"Offer its tables to the AI in &chat (read-only unless writable and you allow it)", None))
        self.testButton.setText(QCoreApplication.translate("ConnectionDialog", u"T&est", None))
#if QT_CONFIG(tooltip)
        self.testButton.setToolTip(QCoreApplication.translate("ConnectionDialog", u"Connect with what is typed here, without saving", None))
#endif // QT_CONFIG(tooltip)
        self.formMessage.setText("")
    # retranslateUi

