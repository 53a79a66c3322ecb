# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conversation_settings.ui'
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
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ConversationSettingsDialog(object):
    def setupUi(self, ConversationSettingsDialog):
        if not ConversationSettingsDialog.objectName():
            ConversationSettingsDialog.setObjectName(u"ConversationSettingsDialog")
        ConversationSettingsDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(ConversationSettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.systemPromptLabel = QLabel(ConversationSettingsDialog)
        self.systemPromptLabel.setObjectName(u"systemPromptLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.systemPromptLabel)

        self.systemPromptEdit = QPlainTextEdit(ConversationSettingsDialog)
        self.systemPromptEdit.setObjectName(u"systemPromptEdit")
        self.systemPromptEdit.setTabChangesFocus(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.systemPromptEdit)

        self.temperatureLabel = QLabel(ConversationSettingsDialog)
        self.temperatureLabel.setObjectName(u"temperatureLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.temperatureLabel)

        self.temperatureRow = QHBoxLayout()
        self.temperatureRow.setObjectName(u"temperatureRow")
        self.temperatureSpin = QDoubleSpinBox(ConversationSettingsDialog)
        self.temperatureSpin.setObjectName(u"temperatureSpin")
        self.temperatureSpin.setDecimals(2)
        self.temperatureSpin.setMaximum(2.000000000000000)
        self.temperatureSpin.setSingleStep(0.100000000000000)
        self.temperatureSpin.setValue(1.000000000000000)

        self.temperatureRow.addWidget(self.temperatureSpin)

        self.defaultTemperatureCheck = QCheckBox(ConversationSettingsDialog)
        self.defaultTemperatureCheck.setObjectName(u"defaultTemperatureCheck")

        self.temperatureRow.addWidget(self.defaultTemperatureCheck)

        self.temperatureSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.temperatureRow.addItem(self.temperatureSpacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.temperatureRow)

        self.jsonModeLabel = QLabel(ConversationSettingsDialog)
        self.jsonModeLabel.setObjectName(u"jsonModeLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.jsonModeLabel)

        self.jsonModeCheck = QCheckBox(ConversationSettingsDialog)
        self.jsonModeCheck.setObjectName(u"jsonModeCheck")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.jsonModeCheck)

        self.fallbackLabel = QLabel(ConversationSettingsDialog)
        self.fallbackLabel.setObjectName(u"fallbackLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fallbackLabel)

        self.fallbackLayout = QVBoxLayout()
        self.fallbackLayout.setObjectName(u"fallbackLayout")
        self.fallbackList = QListWidget(ConversationSettingsDialog)
        self.fallbackList.setObjectName(u"fallbackList")

        self.fallbackLayout.addWidget(self.fallbackList)

        self.fallbackButtons = QHBoxLayout()
        self.fallbackButtons.setObjectName(u"fallbackButtons")
        self.fallbackCombo = QComboBox(ConversationSettingsDialog)
        self.fallbackCombo.setObjectName(u"fallbackCombo")
        self.fallbackCombo.setEditable(True)
        self.fallbackCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.fallbackButtons.addWidget(self.fallbackCombo)

        self.addFallbackButton = QPushButton(ConversationSettingsDialog)
        self.addFallbackButton.setObjectName(u"addFallbackButton")

        self.fallbackButtons.addWidget(self.addFallbackButton)

        self.removeFallbackButton = QPushButton(ConversationSettingsDialog)
        self.removeFallbackButton.setObjectName(u"removeFallbackButton")

        self.fallbackButtons.addWidget(self.removeFallbackButton)

        self.upButton = QPushButton(ConversationSettingsDialog)
        self.upButton.setObjectName(u"upButton")

        self.fallbackButtons.addWidget(self.upButton)

        self.downButton = QPushButton(ConversationSettingsDialog)
        self.downButton.setObjectName(u"downButton")

        self.fallbackButtons.addWidget(self.downButton)


        self.fallbackLayout.addLayout(self.fallbackButtons)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.fallbackLayout)


        self.mainLayout.addLayout(self.form)

        self.buttonBox = QDialogButtonBox(ConversationSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.systemPromptLabel.setBuddy(self.systemPromptEdit)
        self.temperatureLabel.setBuddy(self.temperatureSpin)
        self.fallbackLabel.setBuddy(self.fallbackList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.systemPromptEdit, self.temperatureSpin)
        QWidget.setTabOrder(self.temperatureSpin, self.defaultTemperatureCheck)
        QWidget.setTabOrder(self.defaultTemperatureCheck, self.jsonModeCheck)
        QWidget.setTabOrder(self.jsonModeCheck, self.fallbackList)
        QWidget.setTabOrder(self.fallbackList, self.fallbackCombo)
        QWidget.setTabOrder(self.fallbackCombo, self.addFallbackButton)
        QWidget.setTabOrder(self.addFallbackButton, self.removeFallbackButton)
        QWidget.setTabOrder(self.removeFallbackButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)

        self.retranslateUi(ConversationSettingsDialog)
        self.buttonBox.accepted.connect(ConversationSettingsDialog.accept)
        self.buttonBox.rejected.connect(ConversationSettingsDialog.reject)

        QMetaObject.connectSlotsByName(ConversationSettingsDialog)
    # setupUi

    def retranslateUi(self, ConversationSettingsDialog):
        ConversationSettingsDialog.setWindowTitle(QCoreApplication.translate("ConversationSettingsDialog", u"Conversation settings", None))
#if QT_CONFIG(accessibility)
        ConversationSettingsDialog.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Conversation settings", None))
#endif // QT_CONFIG(accessibility)
        self.systemPromptLabel.setText(QCoreApplication.translate("ConversationSettingsDialog", u"&System prompt:", None))
#if QT_CONFIG(accessibility)
        self.systemPromptEdit.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"System prompt", None))
#endif // QT_CONFIG(accessibility)
        self.systemPromptEdit.setPlaceholderText(QCoreApplication.translate("ConversationSettingsDialog", u"Instructions the model gets before every message of this conversation", None))
        self.temperatureLabel.setText(QCoreApplication.translate("ConversationSettingsDialog", u"&Temperature:", None))
#if QT_CONFIG(accessibility)
        self.temperatureSpin.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Temperature", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.defaultTemperatureCheck.setToolTip(QCoreApplication.translate("ConversationSettingsDialog", u"Leave the temperature to the model's own default", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.defaultTemperatureCheck.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Use the model's default temperature", None))
#endif // QT_CONFIG(accessibility)
        self.defaultTemperatureCheck.setText(QCoreApplication.translate("ConversationSettingsDialog", u"Model &default", None))
        self.jsonModeLabel.setText(QCoreApplication.translate("ConversationSettingsDialog", u"JSON mode:", None))
#if QT_CONFIG(tooltip)
        self.jsonModeCheck.setToolTip(QCoreApplication.translate("ConversationSettingsDialog", u"Ask the model for an answer that is valid JSON; an answer that is not is flagged", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.jsonModeCheck.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"JSON mode", None))
#endif // QT_CONFIG(accessibility)
        self.jsonModeCheck.setText(QCoreApplication.translate("ConversationSettingsDialog", u"Ask for a &JSON answer", None))
        self.fallbackLabel.setText(QCoreApplication.translate("ConversationSettingsDialog", u"&Fallback models:", None))
#if QT_CONFIG(accessibility)
        self.fallbackList.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Fallback models", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fallbackList.setToolTip(QCoreApplication.translate("ConversationSettingsDialog", u"Tried in this order when the conversation's model cannot answer", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.fallbackCombo.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Model to add as a fallback", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.addFallbackButton.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Add fallback model", None))
#endif // QT_CONFIG(accessibility)
        self.addFallbackButton.setText(QCoreApplication.translate("ConversationSettingsDialog", u"&Add", None))
#if QT_CONFIG(accessibility)
        self.removeFallbackButton.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Remove fallback model", None))
#endif // QT_CONFIG(accessibility)
        self.removeFallbackButton.setText(QCoreApplication.translate("ConversationSettingsDialog", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.upButton.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Move fallback model up", None))
#endif // QT_CONFIG(accessibility)
        self.upButton.setText(QCoreApplication.translate("ConversationSettingsDialog", u"&Up", None))
#if QT_CONFIG(accessibility)
        self.downButton.setAccessibleName(QCoreApplication.translate("ConversationSettingsDialog", u"Move fallback model down", None))
#endif // QT_CONFIG(accessibility)
        self.downButton.setText(QCoreApplication.translate("ConversationSettingsDialog", u"Do&wn", None))
    # retranslateUi

