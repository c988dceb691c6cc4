"""Data files shipped with the application, read with importlib.resources."""
