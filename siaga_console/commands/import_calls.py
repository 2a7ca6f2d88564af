"""``siaga-console import-calls FILE``: bring a center's call-log spreadsheet in (CSV/XLSX).

All or nothing unless ``--skip-bad``; ``--dry-run`` checks everything and writes nothing.
Each bad row is printed with its line number and reason; a progress line runs on stderr.
The command line has no logged-in user: it acts as a supervisor named ``cli:<os user>``,
or as the console user given with ``--user``.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from typing import Any

MAX_SHOWN = 50


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("import-calls", help="import a call log (CSV or XLSX)")
    p.add_argument("file", metavar="FILE", help="the call log (.csv or .xlsx)")
    p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    p.add_argument("--skip-bad", action="store_true", help="import the good rows, skip bad ones")
    p.add_argument("--encoding", help="text encoding of a CSV (default: detected)")
    p.add_argument("--sheet", help="XLSX sheet (default: the first)")
    p.add_argument("--user", metavar="NAME", help="act as this console user (a supervisor)")
    p.set_defaults(command_module=__name__)


def cli_actor(services: Any, username: str | None) -> Any:
    """The actor of a command: a console user, or the ``cli:<os user>`` supervisor."""
    from sqlalchemy import select

    from ..data.models import User
    from ..domain.enums import Role
    from ..domain.errors import NotFoundError
    from ..domain.permissions import Actor

    station = f"cli@{socket.gethostname()}"[:64]
    if not username:
        return Actor(None, f"cli:{getpass.getuser()}", Role.SUPERVISOR, station)
    with services.ctx.read() as s:
        user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
    if user is None:
        raise NotFoundError("No active user {name}", name=username)
    return Actor(user.id, user.username, Role(user.role), station)


def run(args: argparse.Namespace, url: str) -> int:
    from ..services.calllog import ImportError_
    from ..services.container import open_services
    from ..services.importer import ImportProgress, ImportService

    services = open_services(url)
    interactive = sys.stderr.isatty()

    def progress(p: ImportProgress) -> None:
        pct = f" ({p.fraction:.0%})" if p.fraction is not None else ""
        end = "" if interactive else "\n"
        print(f"\r{args.file}: {p.rows:,} rows read{pct}", end=end, file=sys.stderr, flush=True)

    try:
        actor = cli_actor(services, args.user)
        summary = ImportService(services.ctx).import_file(
            actor,
            args.file,
            dry_run=args.dry_run,
            skip_bad=args.skip_bad,
            encoding=args.encoding,
            sheet=args.sheet,
            progress=progress,
        )
    finally:
        services.close()
    if interactive:
        print(file=sys.stderr)
    for p in summary.problems[:MAX_SHOWN]:
        where = f"line {p.line}" if p.line else "file"
        column = f" [{p.column}]" if p.column else ""
        print(f"{where}{column}: {p.message}")
    hidden = summary.bad_rows - len({p.line for p in summary.problems[:MAX_SHOWN]})
    if hidden > 0:
        print(f"... and more problems in {hidden} other rows")
    verb = "would import" if summary.dry_run else ("imported" if summary.committed else "checked")
    print(
        f"{summary.file} ({summary.kind}, {summary.encoding}): {summary.rows} rows, "
        f"{verb} {summary.calls} calls and {summary.incidents} incidents; "
        f"{summary.already_present} already present, {summary.bad_rows} bad rows "
        f"({summary.seconds:.1f} s)"
    )
    if summary.ignored_incident_columns:
        print(
            f"note: incident columns ignored on {summary.ignored_incident_columns} rows "
            "whose outcome is not 'valid'"
        )
    if summary.open_incidents and summary.committed:
        print(f"note: {summary.open_incidents} incidents have no resolved_at/closed_at: still open")
    if summary.bad_rows and not summary.committed and not summary.dry_run:
        raise ImportError_(
            "{count} bad rows: nothing was imported (fix them, or use --skip-bad)",
            count=summary.bad_rows,
        )
    return 1 if summary.dry_run and summary.bad_rows else 0
