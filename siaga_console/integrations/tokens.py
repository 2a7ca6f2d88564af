"""Where the bot tokens of the agencies' channels come from (never the database).

In order: the environment variable ``SIAGA_NOTIFY_TOKEN_<AGENCY>`` (upper case, e.g.
``SIAGA_NOTIFY_TOKEN_DAMKAR``: for a service account or a kiosk set up by the IT staff),
then the operating system's keyring (service ``siaga-console``, user
``notify:<agency>``; set it with ``keyring set siaga-console notify:damkar``). Workstations
without a keyring backend (a headless Linux) simply find nothing there.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Protocol

log = logging.getLogger(__name__)

KEYRING_SERVICE = "siaga-console"
ENV_PREFIX = "SIAGA_NOTIFY_TOKEN_"


class TokenStore(Protocol):
    def token(self, agency_code: str) -> str | None: ...


def keyring_user(agency_code: str) -> str:
    return f"notify:{agency_code}"


class EnvTokens:
    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ

    def token(self, agency_code: str) -> str | None:
        value = self.environ.get(ENV_PREFIX + agency_code.upper().replace("-", "_"), "")
        return value.strip() or None


class KeyringTokens:
    def token(self, agency_code: str) -> str | None:
        try:
            import keyring
            from keyring.errors import KeyringError

            try:
                return keyring.get_password(KEYRING_SERVICE, keyring_user(agency_code))
            except KeyringError as exc:  # no backend on this machine, locked, ...
                log.debug("keyring unavailable: %s", type(exc).__name__)
                return None
        except ImportError:
            return None


class ChainTokens:
    def __init__(self, *stores: TokenStore) -> None:
        self.stores = stores

    def token(self, agency_code: str) -> str | None:
        for store in self.stores:
            value = store.token(agency_code)
            if value:
                return value
        return None


def default_tokens() -> ChainTokens:
    return ChainTokens(EnvTokens(), KeyringTokens())
