"""Operators' accounts: first administrator, login with lockout, passwords, roles.

Passwords are hashed with argon2 (argon2-cffi) and never stored or logged in clear. An
unknown user name costs the same argon2 verification as a wrong password, so the answer
time does not tell which one it was.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from ..data.models import User
from ..domain.enums import Role
from ..domain.errors import NotFoundError, PermissionDenied, ValidationError
from ..domain.permissions import SYSTEM, Action, Actor
from ..domain.timeutil import to_wib
from .audit import append_audit
from .context import ServiceContext, record_change

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 256
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    failed_logins: int


class LoginFailed(PermissionDenied):
    """Wrong user name or password (deliberately not saying which)."""


class AccountService:
    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher | None = None) -> None:
        self.ctx = ctx
        self.hasher = hasher or PasswordHasher()
        # What unknown user names are checked against, so they cost as much as a real one.
        # Hashed on a thread of its own (argon2 releases the GIL): ~0.1 s less at start.
        self._dummy: list[str] = []
        self._dummy_thread = threading.Thread(
            target=lambda: self._dummy.append(self.hasher.hash("siaga-console-timing-equaliser")),
            name="siaga-dummy-hash",
            daemon=True,
        )
        self._dummy_thread.start()

    @property
    def _dummy_hash(self) -> str:
        self._dummy_thread.join()
        return self._dummy[0]

    # -- validation ---------------------------------------------------------------------
    @staticmethod
    def _check_username(username: str) -> str:
        name = (username or "").strip().lower()
        if not USERNAME_RE.match(name):
            raise ValidationError(
                "User names are 3 to 32 lowercase letters, digits, dots, dashes or underscores",
                field="username",
            )
        return name

    @staticmethod
    def _check_password(password: str, username: str = "") -> None:
        if len(password) < MIN_PASSWORD:
            raise ValidationError(
                "The password needs at least {min} characters", field="password", min=MIN_PASSWORD
            )
        if len(password) > MAX_PASSWORD:
            raise ValidationError("The password is too long", field="password")
        if username and username.lower() in password.lower():
            raise ValidationError("The password must not contain the user name", field="password")

    @staticmethod
    def _check_display(display_name: str) -> str:
        text = (display_name or "").replace("\x00", "").strip()
        if not text or len(text) > 128:
            raise ValidationError(
                "Give a display name of at most 128 characters", field="display_name"
            )
        return text

    @staticmethod
    def _view(u: User) -> UserView:
        return UserView(
            u.id, u.username, u.display_name, u.role, u.active, u.locked_until, u.failed_logins
        )

    # -- queries ------------------------------------------------------------------------
    def has_users(self) -> bool:
        with self.ctx.read() as s:
            return bool(s.scalar(select(func.count(User.id))))

    def list_users(self, actor: Actor) -> list[UserView]:
        actor.require(Action.ADMIN_USERS)
        with self.ctx.read() as s:
            return [self._view(u) for u in s.scalars(select(User).order_by(User.username))]

    # -- commands -----------------------------------------------------------------------
    def create_first_admin(self, username: str, display_name: str, password: str) -> UserView:
        """The first account of a new database; refused once any account exists."""
        name = self._check_username(username)
        self._check_password(password, name)
        display = self._check_display(display_name)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            if s.scalar(select(func.count(User.id))):
                raise PermissionDenied(
                    "{user} ({role}) may not {action}",
                    user=name,
                    role="none",
                    action="create_first_admin",
                )
            u = User(
                username=name,
                display_name=display,
                role=Role.ADMIN.value,
                password_hash=self.hasher.hash(password),
                active=True,
                failed_logins=0,
                created_at=now,
            )
            s.add(u)
            s.flush()
            record_change(
                s,
                SYSTEM,
                "user.created",
                "user",
                u.id,
                now,
                after={"username": name, "role": u.role},
            )
            return self._view(u)

    def create_user(
        self, actor: Actor, username: str, display_name: str, role: Role | str, password: str
    ) -> UserView:
        actor.require(Action.ADMIN_USERS)
        name = self._check_username(username)
        role = Role(role)
        self._check_password(password, name)
        display = self._check_display(display_name)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            if s.scalar(select(User.id).where(User.username == name)) is not None:
                raise ValidationError(
                    "User {username} already exists", field="username", username=name
                )
            u = User(
                username=name,
                display_name=display,
                role=role.value,
                password_hash=self.hasher.hash(password),
                active=True,
                failed_logins=0,
                created_at=now,
            )
            s.add(u)
            s.flush()
            record_change(
                s,
                actor,
                "user.created",
                "user",
                u.id,
                now,
                after={"username": name, "role": role.value},
            )
            return self._view(u)

    def authenticate(self, username: str, password: str, workstation: str) -> Actor:
        """The actor for a correct login; LoginFailed otherwise (lockout after failures).

        Failures are committed (counter, lock, audit entry) before the error is raised.
        """
        name = (username or "").strip().lower()[:64]
        now = self.ctx.clock()
        error: LoginFailed | None = None
        with self.ctx.transaction() as s:
            u = s.scalar(select(User).where(User.username == name))
            stored = u.password_hash if u is not None and u.password_hash else self._dummy_hash
            try:
                ok: bool = self.hasher.verify(stored, password[:MAX_PASSWORD])
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                ok = False
            who = Actor(
                u.id if u else None, name, Role(u.role) if u else Role.OPERATOR, workstation
            )
            if u is None or not u.active or u.password_hash is None:
                append_audit(s, who, "login.failed", "user", u.id if u else None, now)
                error = LoginFailed("Wrong user name or password")
            elif u.locked_until is not None and u.locked_until > now:
                append_audit(s, who, "login.locked", "user", u.id, now)
                error = LoginFailed(
                    "Too many failed logins: the account is locked until {time}",
                    time=to_wib(u.locked_until).strftime("%H:%M WIB"),
                )
            elif not ok:
                u.failed_logins += 1
                if u.failed_logins >= MAX_FAILURES:
                    u.locked_until = now + LOCKOUT
                    u.failed_logins = 0
                append_audit(s, who, "login.failed", "user", u.id, now)
                error = LoginFailed("Wrong user name or password")
            else:
                u.failed_logins = 0
                u.locked_until = None
                if self.hasher.check_needs_rehash(u.password_hash):
                    u.password_hash = self.hasher.hash(password)
                append_audit(s, who, "login", "user", u.id, now)
        if error is not None:
            raise error
        return who

    def check_password(self, actor: Actor, password: str) -> bool:
        """Unlocking the idle lock: the logged-in user's own password."""
        try:
            self.authenticate(actor.username, password, actor.workstation)
        except LoginFailed:
            return False
        return True

    def change_password(self, actor: Actor, old: str, new: str) -> None:
        if actor.user_id is None:
            raise NotFoundError("User {id} does not exist", id=actor.username)
        self._check_password(new, actor.username)
        self.authenticate(actor.username, old, actor.workstation)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            u = s.get(User, actor.user_id)
            assert u is not None
            u.password_hash = self.hasher.hash(new)
            record_change(s, actor, "user.password", "user", u.id, now)

    def set_password(self, actor: Actor, username: str, new: str) -> None:
        actor.require(Action.ADMIN_USERS)
        name = self._check_username(username)
        self._check_password(new, name)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            u = s.scalar(select(User).where(User.username == name))
            if u is None:
                raise NotFoundError("User {id} does not exist", id=name)
            u.password_hash = self.hasher.hash(new)
            u.failed_logins = 0
            u.locked_until = None
            record_change(s, actor, "user.password_reset", "user", u.id, now)

    def set_active(self, actor: Actor, username: str, active: bool) -> UserView:
        actor.require(Action.ADMIN_USERS)
        name = self._check_username(username)
        if name == actor.username and not active:
            raise ValidationError("You cannot disable your own account", field="username")
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            u = s.scalar(select(User).where(User.username == name))
            if u is None:
                raise NotFoundError("User {id} does not exist", id=name)
            before = u.active
            u.active = active
            record_change(
                s,
                actor,
                "user.active",
                "user",
                u.id,
                now,
                before={"active": before},
                after={"active": active},
            )
            return self._view(u)

    def set_role(self, actor: Actor, username: str, role: Role | str) -> UserView:
        actor.require(Action.ADMIN_USERS)
        role = Role(role)
        name = self._check_username(username)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            u = s.scalar(select(User).where(User.username == name))
            if u is None:
                raise NotFoundError("User {id} does not exist", id=name)
            before = u.role
            u.role = role.value
            record_change(
                s,
                actor,
                "user.role",
                "user",
                u.id,
                now,
                before={"role": before},
                after={"role": role.value},
            )
            return self._view(u)
