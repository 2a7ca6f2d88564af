"""Errors raised by the domain and services.

An error is built from an English message *template* and its parameters:
``ValidationError("{value} is not a phone number", field="caller_number", value=x)``.
The CLI prints ``message`` (the template filled in); the UI translates the template
(context ``Errors``; every template is listed in ``siaga_console/ui/error_texts.py`` and a
test keeps that list complete) and fills in the same parameters.
"""

from __future__ import annotations

from typing import Any


class SiagaError(Exception):
    """Base of every expected, user-facing error."""

    code = "error"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        try:
            self.message = template.format(**params)
        except (KeyError, IndexError, ValueError):
            self.message = template
        super().__init__(self.message)


class ValidationError(SiagaError):
    """Input refused; ``field`` names the offending form field when there is one."""

    code = "validation"

    def __init__(self, template: str, field: str | None = None, **params: Any) -> None:
        super().__init__(template, **params)
        self.field = field


class FormErrors(ValidationError):
    """Several validation errors of one form, reported together."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("{count} problems in the form", field=errors[0].field, count=len(errors))
        self.errors = errors
        self.message = "; ".join(e.message for e in errors)


class TransitionError(SiagaError):
    code = "transition"


class NotFoundError(SiagaError):
    code = "not_found"


class ConflictError(SiagaError):
    """A stale write: somebody else changed the record since it was read."""

    code = "conflict"


class PermissionDenied(SiagaError):
    code = "permission"


class DatabaseError(SiagaError):
    """The database cannot be opened, reached, or is of an unsupported version."""

    code = "database"


class UnreachableError(DatabaseError):
    """The database could not be reached or opened now (server down, network, locked file):
    trying again later may work."""

    code = "database_unreachable"


class AuthenticationError(DatabaseError):
    """The database server refused the password, or wanted one and was given none."""

    code = "database_auth"
