"""Storage panel views: the panel and its issued-links dialog."""
