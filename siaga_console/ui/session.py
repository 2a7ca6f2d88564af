"""What the open console works with: services, the worker, who is logged in, where."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..domain.permissions import Actor
from ..services.container import Services
from .bus import AppBus
from .worker import DbWorker


@dataclass
class AppSession:
    config: Config
    db_url: str
    worker: DbWorker
    language: str = "id"
    services: Services | None = None
    actor: Actor | None = None
    is_demo: bool = False
    bus: AppBus | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def is_shared(self) -> bool:
        return self.db_url.startswith("postgresql")
