"""What the map page shows of a live layer, so that only what changed is sent to it.

The controller keeps one ``LiveLayer`` per kind ("incidents", "units"). An operation sends a
new item whole, an item that changed as ``{"id": ..., <changed keys>}`` (a key that went away
is sent as None), nothing for an unchanged item, and the ids that left the layer. Moving 1,000
markers then sends ids and coordinates, not 1,000 full items. Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Item = dict[str, Any]


class LiveLayer:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.items: dict[int, Item] = {}

    def reset(self) -> None:
        """The page was reloaded: it shows nothing of this layer any more."""
        self.items.clear()

    def _patch(self, item: Item) -> Item | None:
        ident = int(item["id"])
        old = self.items.get(ident)
        self.items[ident] = item
        if old is None:
            return item
        patch: Item = {k: v for k, v in item.items() if old.get(k, _MISSING) != v}
        patch.update({k: None for k in old.keys() - item.keys()})
        if not patch:
            return None
        patch["id"] = ident
        return patch

    def update(self, items: Iterable[Item], remove: Iterable[int] = ()) -> Item | None:
        """The operation for these new or changed items and removed ids (None: no change)."""
        patches = [p for p in (self._patch(i) for i in items) if p is not None]
        gone = [int(i) for i in remove if self.items.pop(int(i), None) is not None]
        if not patches and not gone:
            return None
        return {"op": self.kind, "items": patches, "remove": gone}

    def replace(self, items: Iterable[Item]) -> Item | None:
        """The operation that makes the page show exactly ``items``."""
        items = list(items)
        keep = {int(i["id"]) for i in items}
        return self.update(items, [i for i in self.items if i not in keep])


_MISSING = object()
