"""Export and import of NENA EIDO documents (one incident a document)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...data.models import Agency, Incident, Setting
from ...domain.permissions import Action, Actor
from ...resources import resource
from ..context import ServiceContext
from .build import DocumentBuilder
from .model import DEFAULT_DOMAIN, DOMAIN_SETTING, ExchangeError, Ids
from .parse import DocumentParser
from .schema import EidoSchema, dangling_references
from .store import IncidentWriter, load_incident

MAX_DOCUMENT_BYTES = 20 * 2**20


@dataclass(frozen=True, slots=True)
class EidoImportResult:
    incident_id: int
    number: str
    tracking_id: str
    created: bool  # False: the incident was already here (nothing changed)
    calls: int
    units: int
    warnings: tuple[str, ...]
    committed: bool


def read_document(source: dict[str, Any] | str | Path) -> dict[str, Any]:
    """A document from a dict, JSON text or a file; ExchangeError when it is not JSON."""
    if isinstance(source, dict):
        return source
    if isinstance(source, Path):
        try:
            if source.stat().st_size > MAX_DOCUMENT_BYTES:
                raise ExchangeError("The EIDO document is too large ({path})", path=str(source))
            text = source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ExchangeError(
                "Cannot read {path}: {reason}", path=str(source), reason=str(exc)
            ) from exc
    else:
        text = source
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            "The EIDO document is not JSON: {reason}", reason=f"{exc.msg} (line {exc.lineno})"
        ) from exc
    if not isinstance(doc, dict):
        raise ExchangeError("The EIDO document is not a JSON object")
    return doc


class EidoService:
    def __init__(self, ctx: ServiceContext, schema_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.schema = EidoSchema(schema_dir or resource("eido", "Schema"))

    def _ids(self, s: Session) -> Ids:
        row = s.get(Setting, DOMAIN_SETTING)
        value = row.value.get("v") if row is not None and row.value else None
        return Ids(str(value) if value else DEFAULT_DOMAIN)

    def _builder(self, s: Session, ids: Ids) -> DocumentBuilder:
        return DocumentBuilder(ids, dict(s.execute(select(Agency.code, Agency.name)).all()))

    def _checked(self, doc: dict[str, Any]) -> dict[str, Any]:
        self.schema.check(doc)
        dangling = dangling_references(doc)
        if dangling:
            raise ExchangeError(
                "The EIDO document refers to components it does not contain: {refs}",
                refs=", ".join(dangling[:5]),
            )
        return doc

    # -- export ---------------------------------------------------------------------------
    def export_incident(self, actor: Actor, number: str) -> dict[str, Any]:
        """The EIDO of one incident (by number ``SRG-...`` or by id)."""
        actor.require(Action.IMPORT_EXPORT)
        with self.ctx.read() as s:
            key = number.strip().upper()
            q = select(Incident).where(Incident.number == key)
            if key.isdigit():
                q = select(Incident).where(Incident.id == int(key))
            inc = s.scalar(q)
            if inc is None:
                raise ExchangeError("Incident {id} does not exist", id=number)
            ids = self._ids(s)
            doc = self._builder(s, ids).build(load_incident(s, actor, inc, ids))
        return self._checked(doc)

    def export_period(
        self, actor: Actor, start: datetime, end: datetime
    ) -> list[tuple[str, dict[str, Any]]]:
        """(number, EIDO) of every incident whose first call came in [start, end)."""
        actor.require(Action.IMPORT_EXPORT)
        if end <= start:
            raise ExchangeError("The end of the period is not after its start")
        out = []
        with self.ctx.read() as s:
            ids = self._ids(s)
            builder = self._builder(s, ids)
            q = (
                select(Incident)
                .where(Incident.first_received_at >= start, Incident.first_received_at < end)
                .order_by(Incident.first_received_at, Incident.id)
            )
            for inc in s.scalars(q):
                out.append(
                    (inc.number, self._checked(builder.build(load_incident(s, actor, inc, ids))))
                )
        return out

    # -- import ---------------------------------------------------------------------------
    def validate(self, source: dict[str, Any] | str | Path) -> list[str]:
        """Schema errors of a document (empty when it is valid)."""
        return self.schema.errors(read_document(source))

    def import_document(
        self, actor: Actor, source: dict[str, Any] | str | Path, *, dry_run: bool = False
    ) -> EidoImportResult:
        """Check a document against the schema and store its incident (one transaction)."""
        actor.require(Action.IMPORT_EXPORT)
        doc = read_document(source)
        self.schema.check(doc)
        now = self.ctx.clock()
        try:
            return self._import(actor, doc, now, dry_run)
        except _DryRun as done:
            return done.result

    def _import(
        self, actor: Actor, doc: dict[str, Any], now: datetime, dry_run: bool
    ) -> EidoImportResult:
        with self.ctx.transaction() as s:
            ids = self._ids(s)
            parsed = DocumentParser(ids).parse(doc)
            dangling = dangling_references(doc)
            if dangling:
                parsed.warnings.append(
                    f"references to missing components: {', '.join(dangling[:5])}"
                )
            inc_id, created = IncidentWriter(s, actor, self.ctx.gazetteer, now).write(parsed)
            number = str(s.scalar(select(Incident.number).where(Incident.id == inc_id)))
            result = EidoImportResult(
                incident_id=inc_id,
                number=number,
                tracking_id=parsed.tracking_id,
                created=created,
                calls=len(parsed.calls) if created else 0,
                units=len(parsed.dispatches) if created else 0,
                warnings=tuple(parsed.warnings),
                committed=not dry_run,
            )
            if dry_run:
                raise _DryRun(result)  # rolls the transaction back
        return result


class _DryRun(Exception):
    def __init__(self, result: EidoImportResult) -> None:
        super().__init__("dry run")
        self.result = result
