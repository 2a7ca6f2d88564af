"""Field notifications to a real HTTP server on loopback (pytest-httpserver, threaded).

The server plays a Telegram-Bot-API endpoint that answers successes, 429s with
``parameters.retry_after``, 500s, garbage, 403s, and hangs past the read timeout; the
tests check the retries, the recorded delivery states and that the token leaks nowhere.
"""

from __future__ import annotations

import json
import logging
import random
import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from siaga_console.data.models import Agency, ChangeFeed, Notification, Unit
from siaga_console.domain.errors import ConflictError, ValidationError
from siaga_console.domain.permissions import Actor
from siaga_console.integrations.notify import NotificationSender, RetryPolicy, TelegramChannel
from siaga_console.integrations.tokens import EnvTokens
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.services.notifications import NotificationService

from ..conftest import Clock

TOKEN = "123456789:AAHsecretTOKENforTESTS_only-xyz"
PATH = f"/bot{TOKEN}/sendMessage"
OK = {"ok": True, "result": {"message_id": 42, "chat": {"id": -100123}}}


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    s = HTTPServer("127.0.0.1", 0, threaded=True)
    s.start()
    yield s
    s.clear()
    if s.is_running():
        s.stop()


def configure(services: Services, agency: str, base: str | None, target: str | None) -> None:
    with services.ctx.transaction() as s:
        a = s.get(Agency, agency)
        assert a is not None
        a.channel_kind, a.channel_url, a.channel_target = "telegram", base, target


def add_unit(services: Services, sign: str, agency: str) -> int:
    with services.ctx.transaction() as s:
        u = Unit(
            call_sign=sign,
            agency_code=agency,
            unit_type="Mobil",
            status="available",
            status_changed_at=services.ctx.clock(),
            active=True,
        )
        s.add(u)
        s.flush()
        return u.id


def dispatch_fire(services: Services, operator: Actor, *signs: tuple[str, str]) -> int:
    inc = services.incidents.create_from_call(
        operator,
        CallInput("081234567890"),
        IncidentInput(
            category_code="fire",
            latitude=-6.1205,
            longitude=106.1502,
            address="Jl. Ahmad Yani No. 12",
        ),
    )
    units = [add_unit(services, sign, agency) for sign, agency in signs]
    services.dispatch.dispatch(operator, inc.id, units)
    return inc.id


def sender(services: Services, clock: Clock, **kw: Any) -> NotificationSender:
    return NotificationSender(
        NotificationService(services.ctx),
        EnvTokens({"SIAGA_NOTIFY_TOKEN_DAMKAR": TOKEN, "SIAGA_NOTIFY_TOKEN_POLRESTA": TOKEN}),
        channels={"telegram": TelegramChannel(timeout=(1.0, kw.pop("read_timeout", 2.0)))},
        policy=kw.pop("policy", RetryPolicy(base_s=10, max_attempts=3, jitter=0)),
        clock=clock,
        rng=random.Random(1),
        **kw,
    )


def states(services: Services, incident_id: int) -> list[tuple[str, str, int]]:
    return [
        (n.agency_code, n.status, n.attempts)
        for n in NotificationService(services.ctx).for_incident(incident_id)
    ]


def test_dispatch_writes_the_outbox_in_its_own_transaction(
    services: Services, operator: Actor, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"), ("POLISI-01", "polresta"))
    rows = NotificationService(services.ctx).for_incident(inc)
    assert [(n.agency_code, n.status) for n in rows] == [
        ("damkar", "pending"),
        ("polresta", "no_channel"),  # visible: the operator knows to radio them
    ]
    with services.ctx.read() as s:
        payload = s.scalars(sa.select(Notification.payload).order_by(Notification.id)).first()
    assert payload is not None
    text = payload["text"]
    for part in (
        "SRG-20261129-0001",
        "Kebakaran",
        "Jl. Ahmad Yani No. 12",
        "Kel. ",
        "https://www.google.com/maps/search/?api=1&query=-6.120500,106.150200",
        "DAMKAR-01",
        operator.username,
    ):
        assert part in text
    assert server.log == []  # nothing is sent inside the dispatch
    # a dispatch that fails writes no notification either
    other = services.incidents.create_from_call(
        operator,
        CallInput("081234567891"),
        IncidentInput(category_code="fire", kecamatan_code="36.73.01"),
    )
    with services.ctx.read() as s:
        busy = s.scalar(sa.select(Unit.id).where(Unit.call_sign == "DAMKAR-01"))
    with pytest.raises(ConflictError):
        services.dispatch.dispatch(operator, other.id, [busy])
    assert states(services, other.id) == []


def test_success(services: Services, operator: Actor, clock: Clock, server: HTTPServer) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    server.expect_request(PATH, method="POST").respond_with_json(OK)
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    assert sender(services, clock).run_once() == 1
    (view,) = NotificationService(services.ctx).for_incident(inc)
    assert (view.status, view.attempts, view.last_error) == ("sent", 1, None)
    assert view.sent_at == clock.now
    request, _ = server.log[0]
    body = json.loads(request.get_data())
    assert body["chat_id"] == "-100123" and "SRG-20261129-0001" in body["text"]
    with services.ctx.read() as s:
        assert s.scalar(sa.select(Notification.external_id)) == "42"
        kinds = list(s.scalars(sa.select(ChangeFeed.kind).order_by(ChangeFeed.id)))
    assert kinds[-1] == "notification.status"


def test_429_waits_as_long_as_the_server_says(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    server.expect_ordered_request(PATH).respond_with_json(
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 7",
            "parameters": {"retry_after": 7},
        },
        status=429,
    )
    server.expect_ordered_request(PATH).respond_with_json(OK)
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    s = sender(services, clock)
    s.run_once()
    (view,) = NotificationService(services.ctx).for_incident(inc)
    assert view.status == "retrying" and view.next_attempt_at == clock.now + timedelta(seconds=7)
    assert view.last_error == "HTTP 429 rate limited Too Many Requests: retry after 7"
    clock.advance(seconds=6)
    assert s.run_once() == 0  # not due yet
    clock.advance(seconds=1)
    assert s.run_once() == 1
    assert states(services, inc) == [("damkar", "sent", 2)]
    assert len(server.log) == 2


def test_500s_back_off_then_give_up(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    server.expect_request(PATH).respond_with_json(
        {"ok": False, "error_code": 500, "description": "Internal Server Error"}, status=500
    )
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    s = sender(services, clock)
    service = NotificationService(services.ctx)
    waits = []
    for _ in range(3):
        before = clock.now
        assert s.run_once() == 1
        (view,) = service.for_incident(inc)
        if view.status == "retrying":
            assert view.next_attempt_at is not None
            waits.append((view.next_attempt_at - before).total_seconds())
            clock.advance(seconds=waits[-1])
    assert waits == [10.0, 20.0]  # exponential backoff (no jitter in this test)
    (view,) = service.for_incident(inc)
    assert (view.status, view.attempts) == ("failed", 3)
    assert view.last_error == "gave up after 3 attempts: HTTP 500 Internal Server Error"
    assert len(server.log) == 3
    clock.advance(hours=1)
    assert s.run_once() == 0  # failed messages are not retried by themselves
    # ... until somebody asks: the operator's retry queues it again
    server.clear()
    server.expect_request(PATH).respond_with_json(OK)
    service.retry(operator, view.id)
    assert s.run_once() == 1
    assert states(services, inc) == [("damkar", "sent", 1)]


def test_a_read_timeout_is_retried_and_flagged(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(5)
        return Response(json.dumps(OK), content_type="application/json")

    server.expect_ordered_request(PATH).respond_with_handler(slow)
    server.expect_ordered_request(PATH).respond_with_json(OK)
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    s = sender(services, clock, read_timeout=0.3)
    started = time.monotonic()
    s.run_once()
    assert time.monotonic() - started < 3
    (view,) = NotificationService(services.ctx).for_incident(inc)
    assert view.status == "retrying" and view.maybe_duplicate
    assert view.last_error == "no answer within 0.3 s (the message may have been delivered)"
    clock.advance(seconds=10)
    s.run_once()  # the threaded server answers while the first request still hangs
    release.set()
    (view,) = NotificationService(services.ctx).for_incident(inc)
    assert (view.status, view.attempts, view.maybe_duplicate) == ("sent", 2, True)


def bot_error(code: int, description: str) -> Response:
    body = {"ok": False, "error_code": code, "description": description}
    return Response(json.dumps(body), code, content_type="application/json")


@pytest.mark.parametrize(
    ("answer", "status", "expected"),
    [
        (
            Response("<html>proxy login</html>", 200, content_type="text/html"),
            "retrying",
            "HTTP 200: not a Bot API answer: '<html>proxy login</html>'",
        ),
        (Response("{}", 502, content_type="application/json"), "retrying", "HTTP 502"),
        (
            bot_error(403, "Forbidden: bot was blocked by the user"),
            "failed",
            "HTTP 403 Forbidden: bot was blocked by the user",
        ),
        (
            bot_error(400, "Bad Request: chat not found"),
            "failed",
            "HTTP 400 Bad Request: chat not found",
        ),
    ],
)
def test_garbage_and_permanent_errors(
    services: Services,
    operator: Actor,
    clock: Clock,
    server: HTTPServer,
    answer: Response,
    status: str,
    expected: str,
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    server.expect_request(PATH).respond_with_response(answer)
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    sender(services, clock).run_once()
    (view,) = NotificationService(services.ctx).for_incident(inc)
    assert (view.status, view.attempts, view.last_error) == (status, 1, expected)


def test_the_token_never_reaches_logs_or_the_database(
    services: Services,
    operator: Actor,
    clock: Clock,
    server: HTTPServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with socket.socket() as sock:  # a port where nobody listens
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    configure(services, "damkar", dead, "-100123")
    configure(services, "polresta", server.url_for("/"), "-100777")
    server.expect_request(PATH).respond_with_json(OK)
    caplog.set_level(logging.DEBUG)
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"), ("POLISI-01", "polresta"))
    sender(services, clock).run_once()
    assert states(services, inc) == [("damkar", "retrying", 1), ("polresta", "sent", 1)]
    damkar = NotificationService(services.ctx).for_incident(inc)[0]
    assert (
        damkar.last_error == f"cannot connect to {dead.removeprefix('http://')}: Connection refused"
    )
    assert any("sendMessage" in r.getMessage() for r in caplog.records)  # urllib3 DEBUG
    # (the test server's own access log, werkzeug's, is not the console's)
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name != "werkzeug")
    assert TOKEN.split(":")[1] not in ours
    with services.ctx.read() as s:
        dumped = json.dumps(
            [[str(v) for v in row] for row in s.execute(sa.select(Notification)).all()]
        )
    assert TOKEN.split(":")[1] not in dumped


def test_a_console_without_the_token_leaves_the_message_to_one_with_it(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    server.expect_request(PATH).respond_with_json(OK)
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    tokenless = NotificationSender(NotificationService(services.ctx), EnvTokens({}), clock=clock)
    assert tokenless.run_once() == 0
    assert states(services, inc) == [("damkar", "pending", 0)]  # not failed: left for others
    assert sender(services, clock).run_once() == 1  # a console with the token sends it
    assert states(services, inc) == [("damkar", "sent", 1)]


def test_a_message_no_console_can_send_fails_visibly(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
    tokenless = NotificationSender(NotificationService(services.ctx), EnvTokens({}), clock=clock)
    tokenless.run_once()
    clock.advance(minutes=1)
    tokenless.run_once()
    assert states(services, inc) == [("damkar", "pending", 0)]
    clock.advance(minutes=2)
    tokenless.run_once()
    (view,) = NotificationService(services.ctx).for_incident(inc)
    assert view.status == "failed"
    assert view.last_error == "no bot token for agency damkar on any running console"
    assert server.log == []


def test_two_senders_never_send_one_message_twice(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    configure(services, "polresta", server.url_for("/"), "-100777")
    server.expect_request(PATH).respond_with_json(OK)
    incidents = [
        dispatch_fire(services, operator, (f"DAMKAR-{i}", "damkar"), (f"POLISI-{i}", "polresta"))
        for i in range(5)
    ]
    a, b = sender(services, clock, batch=3), sender(services, clock, batch=3)
    go = threading.Barrier(2)

    def drain(s: NotificationSender) -> None:
        go.wait()
        while s.run_once():
            pass

    threads = [threading.Thread(target=drain, args=(s,)) for s in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(server.log) == 10
    for inc in incidents:
        assert [st for _, st, _ in states(services, inc)] == ["sent", "sent"]


def test_the_background_thread_delivers_after_a_wake(
    services: Services, operator: Actor, server: HTTPServer
) -> None:
    configure(services, "damkar", server.url_for("/"), "-100123")
    server.expect_request(PATH).respond_with_json(OK)
    s = sender(services, services.ctx.clock, poll_s=30)
    s.start()
    try:
        inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))
        s.wake()
        deadline = time.monotonic() + 10
        while states(services, inc) != [("damkar", "sent", 1)] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert states(services, inc) == [("damkar", "sent", 1)]
    finally:
        s.stop()


def test_manual_retry_rules(
    services: Services, operator: Actor, clock: Clock, server: HTTPServer
) -> None:
    inc = dispatch_fire(services, operator, ("DAMKAR-01", "damkar"))  # no channel yet
    service = NotificationService(services.ctx)
    (view,) = service.for_incident(inc)
    assert view.status == "no_channel"
    with pytest.raises(ValidationError, match="has no notification channel"):
        service.retry(operator, view.id)
    configure(services, "damkar", server.url_for("/"), "-100123")  # fixed by the admin
    server.expect_request(PATH).respond_with_json(OK)
    assert service.retry(operator, view.id).status == "pending"
    sender(services, clock).run_once()
    assert states(services, inc) == [("damkar", "sent", 1)]
    with pytest.raises(ValidationError, match="Only a failed message"):
        service.retry(operator, view.id)
