"""Vector Desktop: an AI workspace on your own machine."""

__version__ = "0.1.0"
APP_NAME = "Vector Desktop"
APP_ID = "vector-desktop"
ORG_NAME = "Vector"
DESKTOP_ID = "io.github.vector_desktop.VectorDesktop"  # the .desktop file and metainfo id (Wayland matching)
