"""Storage panel presentation: the view model, its list and transfer models, thumbnails and transfer conflicts."""
