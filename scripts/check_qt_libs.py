"""Check that Qt's system libraries are present on Linux; install them as root.

Run with the virtual environment's Python after PySide6 is installed:
``python scripts/check_qt_libs.py [--gui]``. ``--gui`` also checks what a real
screen needs (the xcb platform plugin). When libraries are missing it installs
them with apt-get when run as root on Debian/Ubuntu, and otherwise stops with
one line saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# soname -> Debian/Ubuntu package
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt"


def missing_libraries(gui: bool) -> set[str]:
    base = qt_dir()
    targets = [
        base / "lib" / "libQt6Core.so.6",
        base / "lib" / "libQt6Gui.so.6",
        base / "lib" / "libQt6Widgets.so.6",
        base / "plugins" / "platforms" / "libqoffscreen.so",
    ]
    if gui:
        targets.append(base / "plugins" / "platforms" / "libqxcb.so")
        targets.append(base / "lib" / "libQt6XcbQpa.so.6")
    missing: set[str] = set()
    for target in targets:
        if not target.exists():
            continue
        out = subprocess.run(["ldd", str(target)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.add(line.split("=>")[0].strip())
    return missing


def main() -> int:
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return 0
    gui = "--gui" in sys.argv
    missing = missing_libraries(gui)
    if not missing:
        return 0
    packages = sorted({PACKAGES.get(name, name) for name in missing})
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installation des bibliothèques système de Qt : {' '.join(packages)}", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        apt = ["apt-get", "-q", "-y", "install", "--no-install-recommends", *packages]
        if subprocess.run(apt, env=env).returncode != 0:
            subprocess.run(["apt-get", "-q", "update"], env=env, check=False)
            subprocess.run(apt, env=env, check=False)
        missing = missing_libraries(gui)
        if not missing:
            return 0
        packages = sorted({PACKAGES.get(name, name) for name in missing})
    print(
        "Bibliothèques système manquantes pour Qt ; installez-les puis relancez : "
        f"sudo apt-get install {' '.join(packages)}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
