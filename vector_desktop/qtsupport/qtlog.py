"""Route Qt's own messages (qDebug/qWarning/...) into Python logging under the 'qt' logger."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logger = logging.getLogger(f"qt.{context.category}" if context.category else "qt")
    logger.log(_LEVELS.get(msg_type, logging.WARNING), "%s", message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_handler)
