"""Field notifications: an outbox of messages to the agencies' channels.

``enqueue_dispatch_notifications`` writes one ``notifications`` row per agency of the
units sent, in the dispatch's own transaction (so a dispatch and its messages are
committed together or not at all, and nothing slows the dispatch down). A sender thread
(``siaga_console.integrations.notify``) claims due rows with an atomic conditional UPDATE
(safe with several workstations running a sender), delivers them over HTTP and records
the outcome here; each change goes to the change feed so every console shows the
delivery state.

Statuses: ``pending`` (queued), ``sending`` (claimed; the claim is a lease), ``retrying``
(an attempt failed, another is due at ``next_attempt_at``), ``sent``, ``failed`` (gave up,
or an error that retrying cannot fix), ``no_channel`` (the agency has no channel set up).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..data.models import Agency, Category, Incident, Kecamatan, Kelurahan, Notification, Unit
from ..domain.errors import NotFoundError, ValidationError
from ..domain.permissions import Action, Actor
from ..domain.timeutil import to_wib
from .context import ServiceContext, record_change

PENDING, SENDING, RETRYING = "pending", "sending", "retrying"
SENT, FAILED, NO_CHANNEL = "sent", "failed", "no_channel"
DUE_STATUSES = (PENDING, RETRYING, SENDING)
MAP_LINK = "https://www.google.com/maps/search/?api=1&query={lat:.6f},{lon:.6f}"


@dataclass(frozen=True, slots=True)
class NotificationView:
    id: int
    incident_id: int
    agency_code: str
    agency: str
    channel_kind: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    maybe_duplicate: bool  # delivered after a timeout: the unit may see it twice


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A claimed message, with what the sender needs to deliver it (no secrets)."""

    id: int
    incident_id: int
    agency_code: str
    channel_kind: str
    channel_url: str | None
    channel_target: str | None
    text: str
    attempts: int  # including the one being made


def message_text(
    number: str,
    category: str,
    priority: int,
    address: str | None,
    kelurahan: str | None,
    kecamatan: str | None,
    map_link: str | None,
    units: Sequence[str],
    operator: str,
    at: datetime,
) -> str:
    """The message to the field, in Indonesian (the language of the units that read it)."""
    place = ", ".join(
        x for x in (kelurahan and f"Kel. {kelurahan}", kecamatan and f"Kec. {kecamatan}") if x
    )
    lines = [
        f"🚨 {number} — {category} (P{priority})",
        f"Alamat: {address or '-'}",
        f"Wilayah: {place or '-'}",
    ]
    if map_link:
        lines.append(f"Peta: {map_link}")
    lines += [
        f"Unit: {', '.join(units)}",
        f"Operator: {operator} · {to_wib(at):%d/%m/%Y %H:%M} WIB",
        "— Serang Siaga 112",
    ]
    return "\n".join(lines)


def enqueue_dispatch_notifications(
    session: Session,
    incident: Incident,
    units: Sequence[Unit | int],
    actor: Actor,
    now: datetime,
) -> list[int]:
    """Queue one message per agency of ``units``, inside the dispatch's transaction.

    Never raises for a missing channel (the row says ``no_channel``): a dispatch never
    fails because of its notifications. Returns the new rows' ids.
    """
    objs = [u if isinstance(u, Unit) else session.get(Unit, u) for u in units]
    by_agency: dict[str, list[str]] = {}
    for u in objs:
        if u is not None:
            by_agency.setdefault(u.agency_code, []).append(u.call_sign)
    if not by_agency:
        return []
    agencies = {
        a.code: a for a in session.scalars(select(Agency).where(Agency.code.in_(list(by_agency))))
    }
    category = session.scalar(
        select(Category.label_id).where(Category.code == incident.category_code)
    )
    kel = session.scalar(select(Kelurahan.name).where(Kelurahan.code == incident.kelurahan_code))
    kec = session.scalar(select(Kecamatan.name).where(Kecamatan.code == incident.kecamatan_code))
    # Victims of domestic violence and children: no address on a third-party chat server.
    hidden = incident.sensitive
    link = (
        MAP_LINK.format(lat=incident.latitude, lon=incident.longitude)
        if incident.latitude is not None and incident.longitude is not None and not hidden
        else None
    )
    ids: list[int] = []
    for code, signs in sorted(by_agency.items()):
        agency = agencies.get(code)
        configured = bool(
            agency and agency.active and agency.channel_kind and agency.channel_target
        )
        text = message_text(
            incident.number,
            category or incident.category_code,
            incident.priority,
            "(data sensitif: hubungi 112)" if hidden else incident.address,
            kel,
            kec,
            link,
            signs,
            actor.username,
            now,
        )
        row = Notification(
            incident_id=incident.id,
            agency_code=code,
            channel_kind=(agency.channel_kind if agency and agency.channel_kind else "none"),
            status=PENDING if configured else NO_CHANNEL,
            attempts=0,
            next_attempt_at=now if configured else None,
            last_error=None if configured else "no channel configured for this agency",
            payload={"text": text, "units": signs, "incident": incident.number},
            created_at=now,
        )
        session.add(row)
        session.flush()
        ids.append(row.id)
    return ids


def _view(n: Notification, agencies: dict[str, str]) -> NotificationView:
    payload = n.payload or {}
    return NotificationView(
        id=n.id,
        incident_id=n.incident_id,
        agency_code=n.agency_code,
        agency=agencies.get(n.agency_code, n.agency_code),
        channel_kind=n.channel_kind,
        status=n.status,
        attempts=n.attempts,
        next_attempt_at=n.next_attempt_at,
        last_error=n.last_error,
        created_at=n.created_at,
        sent_at=n.sent_at,
        maybe_duplicate=bool(payload.get("maybe_duplicate")),
    )


class NotificationService:
    def __init__(self, ctx: ServiceContext, lease: timedelta = timedelta(minutes=2)) -> None:
        self.ctx = ctx
        self.lease = lease

    # -- reads ----------------------------------------------------------------------------
    def for_incident(self, incident_id: int) -> list[NotificationView]:
        with self.ctx.read() as s:
            agencies = dict(s.execute(select(Agency.code, Agency.short_name)).all())
            q = (
                select(Notification)
                .where(Notification.incident_id == incident_id)
                .order_by(Notification.created_at, Notification.id)
            )
            return [_view(n, agencies) for n in s.scalars(q)]

    def get(self, notification_id: int) -> NotificationView:
        with self.ctx.read() as s:
            n = s.get(Notification, notification_id)
            if n is None:
                raise NotFoundError("Notification {id} does not exist", id=notification_id)
            agencies = dict(s.execute(select(Agency.code, Agency.short_name)).all())
            return _view(n, agencies)

    def next_due(self) -> datetime | None:
        """When the earliest queued message is due (None: nothing queued)."""
        with self.ctx.read() as s:
            return s.scalar(
                select(Notification.next_attempt_at)
                .where(Notification.status.in_(DUE_STATUSES))
                .order_by(Notification.next_attempt_at)
                .limit(1)
            )

    # -- the sender's side ----------------------------------------------------------------
    def channel_agencies(self) -> list[str]:
        """Agencies with a notification channel set up."""
        with self.ctx.read() as s:
            return list(
                s.scalars(
                    select(Agency.code).where(
                        Agency.channel_kind.is_not(None), Agency.channel_target.is_not(None)
                    )
                )
            )

    def claim_due(
        self, now: datetime, limit: int = 10, agencies: Collection[str] | None = None
    ) -> list[OutgoingMessage]:
        """Claim up to ``limit`` due messages (of ``agencies`` only, when given).

        A claim is a lease of ``self.lease``; the conditional UPDATE makes it atomic, so
        two senders never both take one row. An expired lease (a sender died mid-send)
        makes the row due again. A sender passes the agencies it has a token for, so a
        workstation without the token leaves the message to one that has it.
        """
        out: list[OutgoingMessage] = []
        if agencies is not None and not agencies:
            return out
        with self.ctx.transaction() as s:
            q = (
                select(Notification.id, Notification.status, Notification.attempts)
                .where(Notification.status.in_(DUE_STATUSES), Notification.next_attempt_at <= now)
                .order_by(Notification.next_attempt_at, Notification.id)
                .limit(limit)
            )
            if agencies is not None:
                q = q.where(Notification.agency_code.in_(list(agencies)))
            due = list(s.execute(q))
            for nid, status, attempts in due:
                claimed = s.execute(
                    update(Notification)
                    .where(
                        Notification.id == nid,
                        Notification.status == status,
                        Notification.attempts == attempts,
                        Notification.next_attempt_at <= now,
                    )
                    .values(status=SENDING, attempts=attempts + 1, next_attempt_at=now + self.lease)
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount != 1:  # type: ignore[attr-defined]
                    continue
                n = s.get(Notification, nid)
                assert n is not None
                s.refresh(n)
                agency = s.get(Agency, n.agency_code)
                out.append(
                    OutgoingMessage(
                        id=n.id,
                        incident_id=n.incident_id,
                        agency_code=n.agency_code,
                        channel_kind=n.channel_kind,
                        channel_url=agency.channel_url if agency else None,
                        channel_target=agency.channel_target if agency else None,
                        text=str((n.payload or {}).get("text", "")),
                        attempts=n.attempts,
                    )
                )
        return out

    def record_result(
        self,
        actor: Actor,
        notification_id: int,
        status: str,
        now: datetime,
        *,
        error: str | None = None,
        next_attempt_at: datetime | None = None,
        external_id: str | None = None,
        maybe_duplicate: bool = False,
    ) -> None:
        """Store the outcome of one attempt (``sent``, ``retrying`` or ``failed``)."""
        if status not in (SENT, RETRYING, FAILED):
            raise ValueError(status)
        with self.ctx.transaction() as s:
            n = s.get(Notification, notification_id)
            if n is None:
                return
            n.status = status
            n.last_error = (error or None) and error[:512]
            n.next_attempt_at = next_attempt_at if status == RETRYING else None
            if status == SENT:
                n.sent_at = now
                n.external_id = (external_id or "")[:64] or None
            if maybe_duplicate:
                n.payload = {**(n.payload or {}), "maybe_duplicate": True}
            record_change(
                s,
                actor,
                "notification.status",
                "incident",
                n.incident_id,
                now,
                {"notification": n.id, "status": status, "agency": n.agency_code},
            )

    def fail_unclaimed(
        self, actor: Actor, now: datetime, older_than: timedelta, skip: Collection[str]
    ) -> int:
        """Fail messages nobody could send: queued longer than ``older_than`` for an
        agency not in ``skip`` (no running sender has its token). Returns how many."""
        cutoff = now - older_than
        failed = 0
        with self.ctx.transaction() as s:
            q = select(Notification).where(
                Notification.status == PENDING, Notification.created_at <= cutoff
            )
            if skip:
                q = q.where(Notification.agency_code.not_in(list(skip)))
            for n in s.scalars(q):
                n.status, n.next_attempt_at = FAILED, None
                n.last_error = f"no bot token for agency {n.agency_code} on any running console"
                failed += 1
                record_change(
                    s,
                    actor,
                    "notification.status",
                    "incident",
                    n.incident_id,
                    now,
                    {"notification": n.id, "status": FAILED, "agency": n.agency_code},
                )
        return failed

    # -- operator's side ------------------------------------------------------------------
    def retry(self, actor: Actor, notification_id: int) -> NotificationView:
        """Queue a failed message again (after the channel or the token was fixed)."""
        actor.require(Action.DISPATCH)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            n = s.get(Notification, notification_id)
            if n is None:
                raise NotFoundError("Notification {id} does not exist", id=notification_id)
            agency = s.get(Agency, n.agency_code)
            if n.status not in (FAILED, NO_CHANNEL):
                raise ValidationError("Only a failed message can be sent again")
            if agency is None or not (agency.channel_kind and agency.channel_target):
                raise ValidationError(
                    "Agency {agency} has no notification channel", agency=n.agency_code
                )
            n.status, n.next_attempt_at, n.attempts = PENDING, now, 0
            n.channel_kind = agency.channel_kind
            n.last_error = None
            record_change(
                s,
                actor,
                "notification.status",
                "incident",
                n.incident_id,
                now,
                {"notification": n.id, "status": PENDING, "agency": n.agency_code},
            )
            agencies = {agency.code: agency.short_name}
            return _view(n, agencies)

    def counts(self) -> dict[str, int]:
        """How many messages are in each status (the status bar, the benchmark)."""
        with self.ctx.read() as s:
            rows = s.execute(
                select(Notification.status, func.count(Notification.id)).group_by(
                    Notification.status
                )
            )
            return {str(k): int(v) for k, v in rows}
