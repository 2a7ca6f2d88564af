"""NENA Emergency Incident Data Object (EIDO, NENA-STA-021) export and import."""

from __future__ import annotations

from .model import ExchangeError
from .schema import EidoSchema, dangling_references
from .service import EidoImportResult, EidoService, read_document

__all__ = [
    "EidoImportResult",
    "EidoSchema",
    "EidoService",
    "ExchangeError",
    "dangling_references",
    "read_document",
]
