"""Default categories and agencies of a command center like Serang's (DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AgencyDefault:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True, slots=True)
class CategoryDefault:
    code: str
    label_id: str
    label_en: str
    priority: int
    agencies: tuple[str, ...]
    sensitive: bool = False


AGENCIES: tuple[AgencyDefault, ...] = (
    AgencyDefault("damkar", "Dinas Pemadam Kebakaran", "Damkar"),
    AgencyDefault("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD"),
    AgencyDefault("psc119", "Dinkes / PSC 119", "PSC 119"),
    AgencyDefault("dishub", "Dinas Perhubungan", "Dishub"),
    AgencyDefault("dlh", "Dinas Lingkungan Hidup", "DLH"),
    AgencyDefault("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
    AgencyDefault("satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP"),
    AgencyDefault("dp3akb", "DP3AKB / UPTD PPA", "DP3AKB"),
    AgencyDefault("dinsos", "Dinas Sosial", "Dinsos"),
    AgencyDefault("polresta", "Polresta Serang Kota", "Polisi"),
    AgencyDefault("kodim", "Kodim 0602", "Kodim"),
    AgencyDefault("pln", "PLN", "PLN"),
    AgencyDefault("pmi", "Palang Merah Indonesia", "PMI"),
    AgencyDefault("basarnas", "Basarnas", "Basarnas"),
    AgencyDefault("dinkes", "Dinas Kesehatan", "Dinkes"),
)

CATEGORIES: tuple[CategoryDefault, ...] = (
    CategoryDefault("fire", "Kebakaran", "Fire", 1, ("damkar", "polresta")),
    CategoryDefault("electrical", "Korsleting listrik", "Electrical short", 2, ("pln", "damkar")),
    CategoryDefault(
        "traffic_accident",
        "Kecelakaan lalu lintas",
        "Traffic accident",
        1,
        ("polresta", "psc119", "dishub"),
    ),
    CategoryDefault("medical", "Kegawatdaruratan medis", "Medical emergency", 1, ("psc119",)),
    CategoryDefault("fallen_tree", "Pohon tumbang", "Fallen tree", 2, ("dlh", "bpbd", "damkar")),
    CategoryDefault(
        "flood_disaster", "Banjir / bencana", "Flood / disaster", 1, ("bpbd", "damkar")
    ),
    CategoryDefault("crime_theft", "Pencurian / kriminalitas", "Theft / crime", 2, ("polresta",)),
    CategoryDefault(
        "domestic_violence", "KDRT", "Domestic violence", 1, ("polresta", "dp3akb"), True
    ),
    CategoryDefault(
        "stunting",
        "Stunting / gizi buruk",
        "Stunting / malnutrition",
        4,
        ("dinkes", "dp3akb"),
        True,
    ),
    CategoryDefault("animal", "Hewan liar / ular", "Wild animal / snake", 3, ("damkar",)),
    CategoryDefault("public_order", "Gangguan ketertiban", "Public order", 3, ("satpolpp",)),
    CategoryDefault(
        "infrastructure",
        "Infrastruktur (jalan, lampu)",
        "Infrastructure (roads, lights)",
        4,
        ("dpupr", "dishub"),
    ),
    CategoryDefault("other", "Lainnya", "Other", 3, ()),
)

SENSITIVE_CATEGORIES = frozenset(c.code for c in CATEGORIES if c.sensitive)
