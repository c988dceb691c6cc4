"""Documents: build off the UI thread, preview, print, open, save."""
