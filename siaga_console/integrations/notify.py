"""Delivering field notifications over HTTP (requests), from a background thread.

The first channel kind is a Telegram-Bot-API-compatible endpoint:
``POST {base}/bot{token}/sendMessage`` with ``chat_id`` and ``text``; ``base`` is the
agency's ``channel_url`` (default https://api.telegram.org), ``chat_id`` its
``channel_target``; the bot token never is in the database (``tokens.py``).

Retry policy (docs/interop.md): timeouts and connection errors, HTTP 429 and 5xx, and
answers that are not the API's JSON are retried with exponential backoff and jitter (a
429's ``parameters.retry_after`` or ``Retry-After`` is obeyed); other 4xx answers (bad
token, unknown chat, bot blocked) fail at once: retrying cannot fix them. A read timeout
may mean the message was delivered: the console retries anyway (a duplicate message
is better than a missing dispatch) and marks it "may arrive twice".

Tokens never reach a log or a stored error: every error text goes through ``redact``
and a logging filter redacts ``/bot<token>/`` in urllib3's debug lines.
"""

from __future__ import annotations

import logging
import random
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests

from ..domain.enums import Role
from ..domain.permissions import Actor
from ..domain.timeutil import utcnow
from ..services.notifications import FAILED, RETRYING, SENT, NotificationService, OutgoingMessage
from .tokens import TokenStore

log = logging.getLogger(__name__)

TELEGRAM_BASE = "https://api.telegram.org"
TOKEN_RECHECK = timedelta(seconds=60)  # how long a token lookup (keyring) is trusted
_BOT_PATH = re.compile(r"bot[0-9]+:[A-Za-z0-9_-]+")


def redact(text: str, *secrets: str | None) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return _BOT_PATH.sub("bot***", text)


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")]+)")


def _reason(exc: BaseException) -> str:
    """The useful end of a requests error ("Connection refused"), not its whole chain."""
    text = str(exc)
    m = _ERRNO.search(text)
    if m:
        return m.group(1).strip()
    if "NameResolutionError" in text or "Name or service not known" in text:
        return "host name not found"
    return type(exc).__name__ if len(text) > 160 else text


class RedactingFilter(logging.Filter):
    """Removes bot tokens from log records (urllib3 logs request lines at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


_FILTER = RedactingFilter()


def install_log_redaction() -> None:
    for name in ("urllib3", "urllib3.connectionpool", "requests", __name__):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


@dataclass(frozen=True, slots=True)
class Delivery:
    outcome: str  # sent, retry, failed
    error: str | None = None
    external_id: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait
    maybe_delivered: bool = False  # a read timeout: the server may have sent it


class Channel(Protocol):
    kind: str
    default_base: str

    def send(self, base: str, token: str, target: str, text: str) -> Delivery: ...


class TelegramChannel:
    kind = "telegram"
    default_base = TELEGRAM_BASE

    def __init__(
        self, http: requests.Session | None = None, timeout: tuple[float, float] = (3.05, 10.0)
    ) -> None:
        self.http = http or requests.Session()
        self.timeout = timeout

    def send(self, base: str, token: str, target: str, text: str) -> Delivery:
        url = f"{base.rstrip('/')}/bot{token}/sendMessage"
        body: dict[str, Any] = {"chat_id": target, "text": text, "disable_web_page_preview": True}
        host = urlsplit(base).netloc or base
        try:
            r = self.http.post(url, json=body, timeout=self.timeout)
        except requests.ConnectTimeout:
            return Delivery(
                "retry", f"cannot connect to {host}: no answer within {self.timeout[0]:g} s"
            )
        except requests.ReadTimeout:
            return Delivery(
                "retry",
                f"no answer within {self.timeout[1]:g} s (the message may have been delivered)",
                maybe_delivered=True,
            )
        except requests.ConnectionError as exc:
            return Delivery("retry", redact(f"cannot connect to {host}: {_reason(exc)}", token))
        except requests.RequestException as exc:
            return Delivery("retry", redact(f"request failed: {_reason(exc)}", token))
        return self._answer(r, token)

    @staticmethod
    def _answer(r: requests.Response, token: str) -> Delivery:
        try:
            data: Any = r.json()
        except ValueError:
            data = None
        ok_json = isinstance(data, dict) and "ok" in data
        description = redact(str(data.get("description", ""))[:200], token) if ok_json else ""
        if r.status_code == 200 and ok_json and data["ok"] is True:
            result = data.get("result") if isinstance(data.get("result"), dict) else {}
            return Delivery("sent", external_id=str(result.get("message_id", "")) or None)
        if r.status_code == 429:
            after = None
            if ok_json and isinstance(data.get("parameters"), dict):
                after = data["parameters"].get("retry_after")
            try:
                after = float(after if after is not None else r.headers.get("Retry-After", ""))
            except (TypeError, ValueError):
                after = None
            return Delivery(
                "retry", f"HTTP 429 rate limited {description}".strip(), retry_after=after
            )
        if r.status_code >= 500:
            return Delivery("retry", f"HTTP {r.status_code} {description}".strip())
        if not ok_json:
            snippet = redact(r.text[:80].replace("\n", " "), token)
            return Delivery("retry", f"HTTP {r.status_code}: not a Bot API answer: {snippet!r}")
        if 400 <= r.status_code < 500:
            return Delivery("failed", f"HTTP {r.status_code} {description}".strip())
        return Delivery("retry", f"HTTP {r.status_code}: ok=false {description}".strip())


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_s: float = 5.0
    max_s: float = 600.0
    max_attempts: int = 8  # about 20 minutes of trying: past that, call the unit instead
    jitter: float = 0.2

    def delay(self, attempts: int, rng: random.Random, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return max(0.0, min(float(retry_after), self.max_s * 6))
        raw = min(self.max_s, self.base_s * 2.0 ** max(0, attempts - 1))
        return raw * (1 + rng.uniform(-self.jitter, self.jitter))


class NotificationSender:
    """Claims due messages, delivers them (a few at a time), records the outcomes."""

    def __init__(
        self,
        service: NotificationService,
        tokens: TokenStore,
        *,
        channels: dict[str, Channel] | None = None,
        policy: RetryPolicy | None = None,
        clock: Callable[[], datetime] = utcnow,
        workstation: str = "notifier",
        workers: int = 4,
        batch: int = 20,
        poll_s: float = 5.0,
        rng: random.Random | None = None,
        no_token_after: timedelta = timedelta(minutes=2),
    ) -> None:
        self.service = service
        self.tokens = tokens
        self.channels: dict[str, Channel] = channels or {"telegram": TelegramChannel()}
        self.policy = policy or RetryPolicy()
        self.clock = clock
        self.actor = Actor(None, "notifier", Role.ADMIN, workstation)
        self.batch = batch
        self.poll_s = poll_s
        self.no_token_after = no_token_after
        self._with_token: tuple[datetime, list[str]] | None = None
        self.rng = rng or random.Random()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="siaga-notify")
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        install_log_redaction()

    # -- one round ------------------------------------------------------------------------
    def run_once(self) -> int:
        """Deliver what is due now; returns how many messages were attempted.

        Only messages of agencies whose token this workstation has are claimed; a message
        that no running console could take for ``no_token_after`` fails visibly.
        """
        now = self.clock()
        agencies = self._agencies_with_token(now)
        messages = self.service.claim_due(now, self.batch, agencies)
        for _ in self._pool.map(self._deliver, messages):
            pass
        self.service.fail_unclaimed(self.actor, now, self.no_token_after, agencies)
        return len(messages)

    def _agencies_with_token(self, now: datetime) -> list[str]:
        if self._with_token is None or now >= self._with_token[0]:
            codes = [c for c in self.service.channel_agencies() if self.tokens.token(c)]
            self._with_token = (now + TOKEN_RECHECK, codes)
        return self._with_token[1]

    def _deliver(self, msg: OutgoingMessage) -> None:
        try:
            self._attempt(msg)
        except Exception as exc:  # never kill the sender; the message is retried
            log.exception("notification %s: unexpected error", msg.id)
            self._record(msg, Delivery("retry", f"internal error: {type(exc).__name__}"))

    def _attempt(self, msg: OutgoingMessage) -> None:
        channel = self.channels.get(msg.channel_kind)
        if channel is None:
            self._record(msg, Delivery("failed", f"unknown channel kind {msg.channel_kind!r}"))
            return
        token = self.tokens.token(msg.agency_code)
        if not token:
            self._record(
                msg,
                Delivery("failed", f"no bot token for agency {msg.agency_code} (docs/interop.md)"),
            )
            return
        if not msg.channel_target:
            self._record(msg, Delivery("failed", "the agency has no chat id (channel_target)"))
            return
        d = channel.send(
            msg.channel_url or channel.default_base, token, msg.channel_target, msg.text
        )
        self._record(msg, d, token)

    def _record(self, msg: OutgoingMessage, d: Delivery, token: str | None = None) -> None:
        now = self.clock()
        error = redact(d.error, token) if d.error else None
        if d.outcome == "sent":
            self.service.record_result(self.actor, msg.id, SENT, now, external_id=d.external_id)
            log.info("notification %s to %s: sent", msg.id, msg.agency_code)
            return
        if d.outcome == "retry" and msg.attempts < self.policy.max_attempts:
            wait = self.policy.delay(msg.attempts, self.rng, d.retry_after)
            self.service.record_result(
                self.actor,
                msg.id,
                RETRYING,
                now,
                error=error,
                next_attempt_at=now + timedelta(seconds=wait),
                maybe_duplicate=d.maybe_delivered,
            )
            log.warning(
                "notification %s to %s: retry in %.0f s: %s", msg.id, msg.agency_code, wait, error
            )
            return
        if d.outcome == "retry":
            error = f"gave up after {msg.attempts} attempts: {error}"
        self.service.record_result(self.actor, msg.id, FAILED, now, error=error)
        log.warning("notification %s to %s: failed: %s", msg.id, msg.agency_code, error)

    # -- the thread -----------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="siaga-notifier", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """Look at the outbox now (after a dispatch)."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                n = self.run_once()
                wait = 0.0 if n >= self.batch else self._until_next_due()
            except Exception:  # the database may be away: try again later
                log.exception("notification sender: round failed")
                wait = self.poll_s
            if wait > 0:
                self._wake.wait(wait)
            self._wake.clear()

    def _until_next_due(self) -> float:
        due = self.service.next_due()
        if due is None:
            return self.poll_s
        return max(0.05, min(self.poll_s, (due - self.clock()).total_seconds()))
