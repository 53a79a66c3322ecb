"""The account button at the menu bar's right end: "Sign in" when signed out; the round avatar (the cached picture,
or initials) and first name when signed in, with a menu (name, email, Sign out)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from vector_desktop.domain.account import AccountProfile

AVATAR = 22
PALETTE = ("#1a73e8", "#188038", "#e37400", "#a142f4", "#d93025", "#12848e")


def initials(profile: AccountProfile) -> str:
    words = [word for word in profile.display_name.replace("@", " ").split() if word[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 and "@" not in profile.display_name else "")
    return letters.upper()


def first_name(profile: AccountProfile) -> str:
    if profile.name.strip():
        return profile.name.split()[0]
    return profile.email.split("@")[0]


def avatar_pixmap(profile: AccountProfile, size: int = AVATAR, ratio: float = 1.0) -> QPixmap:
    """A round avatar: the picture when there is one that loads, else the initials on a colour of the account."""
    pixels = round(size * ratio)
    result = QPixmap(pixels, pixels)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, pixels, pixels))
    painter.setClipPath(clip)
    picture = QPixmap()
    if profile.picture and picture.loadFromData(profile.picture):
        scaled = picture.scaled(
            pixels, pixels, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawPixmap(0, 0, scaled)
    else:
        colour = QColor(PALETTE[sum(profile.subject.encode()) % len(PALETTE)])
        painter.fillRect(0, 0, pixels, pixels, colour)
        font = QFont()
        font.setPixelSize(max(8, pixels * 9 // 20))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, pixels, pixels), Qt.AlignmentFlag.AlignCenter, initials(profile))
    painter.end()
    result.setDevicePixelRatio(ratio)
    return result


class AccountButton(QToolButton):
    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountButton")
        self.setAutoRaise(True)
        self.setIconSize(QSize(AVATAR, AVATAR))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._menu = QMenu(self)
        self.name_action = QAction(self._menu)
        self.email_action = QAction(self._menu)
        for action in (self.name_action, self.email_action):
            action.setEnabled(False)
            self._menu.addAction(action)
        self._menu.addSeparator()
        self.sign_out_action = QAction(self.tr("Sign out"), self._menu)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self._menu.addAction(self.sign_out_action)
        self.clicked.connect(self._clicked)
        self._profile: AccountProfile | None = None
        self._busy = False
        self.set_profile(None)

    @property
    def profile(self) -> AccountProfile | None:
        return self._profile

    def set_profile(self, profile: AccountProfile | None) -> None:
        self._profile = profile
        if profile is None:
            self.setMenu(None)  # type: ignore[arg-type]
            self.setIcon(QIcon())
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.setText(self.tr("Signing in…") if self._busy else self.tr("Sign in"))
            self.setToolTip(self.tr("Sign in with Google"))
            self.setAccessibleName(self.tr("Sign in with Google"))
            return
        self.name_action.setText(profile.display_name)
        self.email_action.setText(profile.email)
        self.setMenu(self._menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(QIcon(avatar_pixmap(profile, AVATAR, self.devicePixelRatioF())))
        self.setText(first_name(profile))
        self.setToolTip(f"{profile.display_name} <{profile.email}>" if profile.name else profile.email)
        self.setAccessibleName(self.tr("Account: {0}").format(profile.display_name))

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.setEnabled(not busy or self._profile is not None)
        if self._profile is None:
            self.set_profile(None)

    def _clicked(self) -> None:
        if self._profile is None and not self._busy:
            self.sign_in_requested.emit()
