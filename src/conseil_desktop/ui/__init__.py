"""The Qt user interface: the only package (with ``app.py``) that imports Qt."""
