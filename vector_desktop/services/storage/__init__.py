"""Storage: the bucket or local folder behind the Storage panel (backends, multipart uploads, images, tasks)."""
