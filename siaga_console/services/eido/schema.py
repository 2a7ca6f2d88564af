"""Validation of EIDO documents against NENA's OpenAPI 3 schema (resources/eido/Schema/).

openapi-schema-validator's OAS30Validator with the OAS 3.0 format checker, and a
``referencing`` registry whose ``retrieve`` loads the NIEM component files next to the schema
on first use (libyaml's CSafeLoader: the files are 3 MB). Two fixes are made in memory only,
never in the shipped files: the upstream typo ``minItems: 1,`` (a string, which crashes the
validation of any document with an agent) becomes ``minItems: 1``, and the
``NIEMComponents//j.yaml`` double slash is normalised when a file is retrieved.

The schema does not check that ``{"$ref": ...}`` targets exist: ``dangling_references``
does (the exporter's tests use it; the importer reports them as warnings).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

from .model import ExchangeError

BASE = "file:///eido-schema/"
ROOT_SCHEMA = "openapi.yaml"
DOCUMENT_TYPE = "EmergencyIncidentDataObjectType"


def _load_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def _patch_upstream_typos(spec: dict[str, Any]) -> None:
    """``AgentType.agentRoleRegistryText.minItems`` is the string '1,' upstream."""
    agent = spec["components"]["schemas"]["AgentType"]["allOf"][1]["properties"]
    prop = agent["agentRoleRegistryText"]
    if isinstance(prop.get("minItems"), str):
        prop["minItems"] = int(str(prop["minItems"]).strip().rstrip(",") or 1)


class EidoSchema:
    """Loads the schema once (lazily, thread-safe) and validates documents."""

    def __init__(self, schema_dir: Path) -> None:
        self.schema_dir = schema_dir
        self._validator: OAS30Validator | None = None
        self._lock = threading.Lock()

    def _retrieve(self, uri: str) -> Resource[Any]:
        if not uri.startswith(BASE):
            raise NoSuchResource(ref=uri)  # type: ignore[call-arg]
        rel = uri.removeprefix(BASE)
        while "//" in rel:
            rel = rel.replace("//", "/")
        path = (self.schema_dir / rel).resolve()
        if self.schema_dir.resolve() not in path.parents or not path.is_file():
            raise NoSuchResource(ref=uri)  # type: ignore[call-arg]
        return Resource.from_contents(_load_yaml(path), default_specification=DRAFT4)

    @property
    def validator(self) -> OAS30Validator:
        with self._lock:
            if self._validator is None:
                path = self.schema_dir / ROOT_SCHEMA
                if not path.is_file():
                    raise ExchangeError("The EIDO schema is missing: {path}", path=str(path))
                spec = _load_yaml(path)
                _patch_upstream_typos(spec)
                root = Resource.from_contents(spec, default_specification=DRAFT4)
                empty: Registry[Any] = Registry(retrieve=self._retrieve)  # type: ignore[call-arg]
                registry = empty.with_resource(BASE + ROOT_SCHEMA, root)
                self._validator = OAS30Validator(
                    {"$ref": f"{BASE}{ROOT_SCHEMA}#/components/schemas/{DOCUMENT_TYPE}"},
                    registry=registry,
                    format_checker=oas30_format_checker,
                )
            return self._validator

    def errors(self, document: Any, limit: int = 20) -> list[str]:
        """Readable schema errors (``path: message``), at most ``limit``."""
        out: list[str] = []
        errors = sorted(self.validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors[:limit]:
            where = "/".join(str(p) for p in e.absolute_path) or "(document)"
            out.append(f"{where}: {e.message[:200]}")
        return out

    def check(self, document: Any) -> None:
        """Raise ExchangeError when the document does not match the schema."""
        errors = self.errors(document, limit=5)
        if errors:
            raise ExchangeError(
                "The EIDO document does not match the schema: {errors}",
                errors="; ".join(errors),
                count=len(errors),
            )


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def component_ids(document: dict[str, Any]) -> list[str]:
    """Every ``$id`` in the document (components and the document itself)."""
    return [str(n["$id"]) for n in _walk(document) if "$id" in n]


def dangling_references(document: dict[str, Any]) -> list[str]:
    """``$ref`` values that name no ``$id`` of the document."""
    ids = set(component_ids(document))
    refs = [str(n["$ref"]) for n in _walk(document) if set(n) == {"$ref"}]
    return sorted({r for r in refs if r not in ids})
