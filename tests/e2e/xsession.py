"""A real X display (Xvfb, no window manager) driven with xdotool, for end-to-end tests.

No window manager on purpose: a kiosk workstation may have none, and without one nobody
but the program itself gives its windows the keyboard.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xdotool", "import", "identify")


class XSession:
    def __init__(self, display: str) -> None:
        self.display = display
        self.env = {"DISPLAY": display, "PATH": "/usr/bin:/bin"}

    def xdo(self, *args: str, check: bool = True) -> str:
        return subprocess.run(
            ["xdotool", *args], env=self.env, check=check, capture_output=True, text=True
        ).stdout

    def windows(self, name: str) -> list[str]:
        """Visible X windows whose title matches ``name`` (a regular expression)."""
        return self.xdo("search", "--onlyvisible", "--name", name, check=False).split()

    def focus(self) -> str:
        """The X window that has the keyboard focus."""
        return self.xdo("getwindowfocus", check=False).strip()

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "20", text)

    def key(self, *keys: str) -> None:
        self.xdo("key", *keys)

    def shot(self, path: Path) -> Path:
        """A screenshot of the whole screen, checked not to be blank."""
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        colours = subprocess.run(
            ["identify", "-format", "%k", str(path)], capture_output=True, text=True, check=True
        ).stdout
        assert int(colours) > 50, f"the screen looks blank ({colours} colours): {path}"
        return path


def wait_for(condition: Callable[[], object], timeout: float, app: subprocess.Popen[bytes]) -> bool:
    """Poll ``condition`` until it holds, the time is up or the program has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and app.poll() is None:
        if condition():
            return True
        time.sleep(0.1)
    return False


@contextmanager
def xsession(width: int = 1600, height: int = 900) -> Iterator[XSession]:
    for tool in TOOLS:
        if not shutil.which(tool):
            pytest.skip(f"{tool} missing (make system-test)")
    # A display of our own, away from the low numbers other tools pick.
    display = next(
        f":{n}"
        for n in range(700 + os.getpid() % 200, 1000)
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists()
    )
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    session = XSession(display)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            assert time.monotonic() < deadline and xvfb.poll() is None, "Xvfb did not start"
            time.sleep(0.05)
        yield session
    finally:
        xvfb.terminate()
        xvfb.wait()


@contextmanager
def running(
    argv: list[str], env: dict[str, str], cwd: str = "/"
) -> Iterator[subprocess.Popen[bytes]]:
    """A program that is killed at the end if it has not ended by itself."""
    app = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL)
    try:
        yield app
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


def log_in_and_quit(x: XSession, app: subprocess.Popen[bytes], shots: Path, prefix: str) -> None:
    """Log in with a demo account, check the console has the keyboard, quit with Ctrl+Q.

    The console window is shown first and the login dialog over it; once logged in, the
    operator's first key press must reach the console (no click needed), so Ctrl+Q quits.
    """
    assert wait_for(lambda: x.windows("Serang Siaga 112"), 60, app), "no window within 60 s"
    assert wait_for(lambda: x.windows("masuk|log in"), 60, app), "no login dialog"
    login = x.windows("masuk|log in")[0]
    # The dialog takes the keyboard itself (the screenshot shows the cursor in the name).
    assert wait_for(lambda: x.focus() == login, 10, app), "the login dialog has no keyboard"
    x.shot(shots / f"{prefix}-login.png")
    x.type("operator1")
    x.key("Tab")
    x.type("operator-demo-112")
    x.key("Return")
    assert wait_for(lambda: login not in x.windows("."), 30, app), "still at the login"
    main = x.windows("Serang Siaga 112")
    assert len(main) == 1, main
    time.sleep(5)  # let the panels (queue, map, dashboard) fill
    # The map arriving must not have rebuilt the window and taken its keyboard away.
    assert x.windows("Serang Siaga 112") == main
    assert x.focus() == main[0], f"the keyboard is with window {x.focus()}, not the console"
    x.shot(shots / f"{prefix}.png")
    # Quit as a user would (Ctrl+Q): the program ends by itself, exit code 0.
    x.key("ctrl+q")
    assert app.wait(timeout=30) == 0
