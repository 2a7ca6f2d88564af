"""Administrator services: units, agencies, categories, settings; refused for other roles."""

from __future__ import annotations

import pytest

from siaga_console.domain.enums import Role
from siaga_console.domain.errors import PermissionDenied, ValidationError
from siaga_console.services.admin import AgencyInput, CategoryInput, UnitInput
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput

from ..conftest import make_actor


def test_units_created_updated_and_recommended(services: Services) -> None:
    admin = make_actor(services, Role.ADMIN)
    uid = services.admin.save_unit(
        admin, UnitInput("damkar-9", "damkar", "Mobil pemadam", "Pos Ciceri", -6.121, 106.151)
    )
    with pytest.raises(ValidationError, match="outside Kota Serang"):
        services.admin.save_unit(admin, UnitInput("X-1", "damkar", "x", None, -6.2, 106.8))
    with pytest.raises(ValidationError, match="already used"):
        services.admin.save_unit(admin, UnitInput("DAMKAR-9", "damkar", "x"))
    with pytest.raises(ValidationError, match="Unknown agency"):
        services.admin.save_unit(admin, UnitInput("X-2", "nope", "x"))
    services.admin.save_unit(
        admin, UnitInput("DAMKAR-9", "damkar", "Tangki", "Pos Ciceri", -6.121, 106.151, True, uid)
    )
    assert [u.unit_type for u in services.admin.units()] == ["Tangki"]
    op = make_actor(services)
    row = services.incidents.create_from_call(
        op, CallInput(""), IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15)
    )
    assert [s.unit.call_sign for s in services.dispatch.recommend(row.id)] == ["DAMKAR-9"]


def test_categories_and_agencies(services: Services) -> None:
    admin = make_actor(services, Role.ADMIN)
    services.admin.save_agency(
        admin,
        AgencyInput(
            "pmk_swasta",
            "Pemadam Swasta",
            "PMK-S",
            channel_kind="telegram",
            channel_url="https://bot.example",
        ),
    )
    with pytest.raises(ValidationError):
        services.admin.save_agency(admin, AgencyInput("x", "n", "s"))  # code too short
    with pytest.raises(ValidationError, match="http"):
        services.admin.save_agency(admin, AgencyInput("abc", "n", "s", channel_url="ftp://x"))
    services.admin.save_category(
        admin,
        CategoryInput("gas_leak", "Kebocoran gas", "Gas leak", 1, False, ("damkar", "pmk_swasta")),
    )
    cat = next(c for c in services.reference.categories() if c.code == "gas_leak")
    assert cat.agencies == ("damkar", "pmk_swasta") and cat.default_priority == 1
    with pytest.raises(ValidationError, match="Unknown agency"):
        services.admin.save_category(
            admin, CategoryInput("gas_leak", "a", "b", 1, False, ("ghost",))
        )


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.SUPERVISOR])
def test_admin_actions_are_refused_for_other_roles(services: Services, role: Role) -> None:
    actor = make_actor(services, role)
    with pytest.raises(PermissionDenied):
        services.admin.save_unit(actor, UnitInput("U-1", "damkar", "x"))
    with pytest.raises(PermissionDenied):
        services.admin.save_agency(actor, AgencyInput("abc", "n", "s"))
    with pytest.raises(PermissionDenied):
        services.admin.save_category(actor, CategoryInput("abc", "a", "b", 1, False, ()))
    assert services.admin.units() == []
