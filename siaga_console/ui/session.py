"""What the open console works with: services, the worker, who is logged in, where."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..domain.permissions import Actor
from ..services.container import Services
from ..services.reference import ReferenceData
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
    reference: ReferenceData | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def category_label(self, code: str) -> str:
        if self.reference is not None:
            for c in self.reference.categories:
                if c.code == code:
                    return c.label_id if self.language == "id" else c.label_en
        return code

    @property
    def is_shared(self) -> bool:
        return self.db_url.startswith("postgresql")
