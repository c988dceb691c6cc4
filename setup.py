"""Only the package list lives here; everything else is in pyproject.toml.

The top-level resources/ folder is installed as the package
``conseil_desktop_resources`` so that importlib.resources finds the fonts and
translations in a wheel, an editable install and a frozen build alike.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "conseil_desktop_resources"],
    package_dir={"": "src", "conseil_desktop_resources": "resources"},
)
