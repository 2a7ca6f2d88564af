"""``siaga-console user add|passwd|disable|enable|list``: accounts for installs and scripts."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from ..domain.enums import Role
from ..domain.errors import ValidationError
from ..domain.permissions import SYSTEM


def register(sub: Any) -> None:
    p = sub.add_parser("user", help="manage operator accounts")
    p.set_defaults(command_module=__name__)
    actions = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.OPERATOR.value)
    add.add_argument("--name", dest="display_name", help="display name (default: the user name)")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (scripts)",
    )
    pw = actions.add_parser("passwd", help="set a new password")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true")
    for name in ("disable", "enable"):
        a = actions.add_parser(name, help=f"{name} an account")
        a.add_argument("username")
    actions.add_parser("list", help="list the accounts")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise ValidationError(
            "No terminal to ask for the password: use --password-stdin", field="password"
        )
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise ValidationError("The two passwords differ", field="password")
    return first


def run(args: argparse.Namespace, url: str) -> int:
    from ..services.container import open_services

    services = open_services(url)
    try:
        accounts = services.accounts
        # The command line is the administrator's own tool on the machine (as root or the
        # database owner), like `createuser`; it acts as the system account.
        if args.user_command == "add":
            if not accounts.has_users() and args.role == Role.ADMIN.value:
                view = accounts.create_first_admin(
                    args.username, args.display_name or args.username, _password(args)
                )
            else:
                view = accounts.create_user(
                    SYSTEM,
                    args.username,
                    args.display_name or args.username,
                    args.role,
                    _password(args),
                )
            print(f"created {view.username} ({view.role})")
        elif args.user_command == "passwd":
            accounts.set_password(SYSTEM, args.username, _password(args))
            print(f"password changed for {args.username}")
        elif args.user_command in ("disable", "enable"):
            view = accounts.set_active(SYSTEM, args.username, args.user_command == "enable")
            print(f"{view.username}: {'active' if view.active else 'disabled'}")
        else:
            for u in accounts.list_users(SYSTEM):
                state = "active" if u.active else "disabled"
                print(f"{u.username:<20} {u.role:<11} {state:<9} {u.display_name}")
        return 0
    finally:
        services.close()
