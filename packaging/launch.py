"""Entry point of the PyInstaller bundle: the same ``siaga-console`` command as the venv's."""

from __future__ import annotations

import sys

from siaga_console.cli import main

if __name__ == "__main__":
    sys.exit(main())
