"""PyInstaller runtime hook: runs first in the frozen program.

Alembic loads the migration scripts (plain .py files in the bundle) by path; without this,
a run as root would write __pycache__ directories into /opt/siaga-console, which dpkg does
not know about, and removing the package would leave them behind.
"""

import sys

sys.dont_write_bytecode = True
