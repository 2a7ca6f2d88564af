"""The console from this checkout in a real X window (Xvfb), driven with xdotool.

The same walk as the installed package's window test (tests/e2e/test_package.py), on every
``make test``: start on a demo database, log in, the keyboard is with the console, Ctrl+Q.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .xsession import log_in_and_quit, running, xsession

pytestmark = pytest.mark.slow


def test_log_in_and_quit_with_the_keyboard_in_a_real_window(tmp_path: Path) -> None:
    program = Path(sys.executable).with_name("siaga-console")
    if not program.exists():
        pytest.skip(f"{program} missing: the console is not installed in this environment")
    home = tmp_path / "home"
    config = home / "config" / "siaga-console.ini"
    config.parent.mkdir(parents=True)
    # Not the first start: the workstation already chose its database (the first-run
    # dialog has its own tests in tests/ui/test_first_run.py).
    config.write_text(f"[database]\nurl = sqlite:///{home / 'data' / 'siaga.db'}\n")
    with xsession() as x:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "SIAGA_DATA_DIR": str(home / "data"),
            "SIAGA_CONFIG_DIR": str(config.parent),
            "DISPLAY": x.display,
        }
        with running([str(program), "--demo"], env) as app:
            log_in_and_quit(x, app, tmp_path, "venv-xvfb")
