"""Reading the change feed (the truth for followers: ``id > last_seen``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..data.models import ChangeFeed
from .context import ServiceContext


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: int
    kind: str
    entity: str
    entity_id: int | None
    workstation: str | None
    user_id: int | None
    at: datetime
    data: dict[str, Any] | None


class FeedService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def last_id(self) -> int:
        with self.ctx.read() as s:
            return int(s.scalar(select(func.max(ChangeFeed.id))) or 0)

    def since(self, last_id: int, limit: int = 1000) -> list[FeedEntry]:
        with self.ctx.read() as s:
            rows = s.scalars(
                select(ChangeFeed)
                .where(ChangeFeed.id > last_id)
                .order_by(ChangeFeed.id)
                .limit(limit)
            )
            return [
                FeedEntry(
                    r.id, r.kind, r.entity, r.entity_id, r.workstation, r.user_id, r.at, r.data
                )
                for r in rows
            ]
