"""Small widgets and texts shared by several features' views (a transient message line, tool badges). Imports no
feature package."""
