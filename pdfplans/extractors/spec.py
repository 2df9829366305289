"""The shape of a canonical table's declaration (``TableSpec``) and the checks it must pass.

A table is declared once, in ``catalog.py``: its canonical columns, the roles its printed columns
play (synonyms, value kind, whether required), its caption words and, when the generic row
builder does not do, the name of its own row builder (``normalize/builders.py``). ``check_specs``
runs when the catalog loads: a column typed two ways, a role of an unknown kind, or a column no
role and no builder feeds is an error then, not a silently empty column later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .kinds import KINDS

ENTE_COLUMNS = ("ente_tipo", "ente", "comune", "comune_istat")
UNIT_COLUMNS = (*ENTE_COLUMNS, "unita")
# columns a row builder derives rather than reads from one role, with their types
DERIVED_COLUMNS: dict[str, str] = {
    "ente_tipo": "str", "ente": "str", "comune": "str", "comune_istat": "str", "is_total": "bool",
    "liberi_turnover": "int", "alloggi_altri_usi": "int", "di_cui_mobilita": "int", "nota": "str", "page": "int",
}


@dataclass(frozen=True)
class Role:
    name: str  # the role's value feeds the canonical column of the same name, if the table has one
    synonyms: tuple[str, ...]
    kind: str  # a key of kinds.KINDS
    required: bool = True
    carry_down: bool = False  # a merged cell (vertical) whose value holds for the rows below


@dataclass(frozen=True)
class TableSpec:
    id: str
    roles: tuple[Role, ...]
    columns: tuple[str, ...]  # the canonical columns, in order (``page`` follows them)
    caption: re.Pattern | None = None  # what the caption above the table says
    caption_weight: float = 0.5
    may_be_empty: bool = False  # "Nessun Ente Proprietario ha comunicato..." → zero rows
    headerless: bool = False  # may be printed with no header row (population by AT)
    key: str = "comune"  # role that names the row: rows with nothing here are totals or continuations
    builder: str | None = None  # its own row builder in normalize/builders.py; None: the generic one
    at_groups: bool = False  # rows like "AT 1" with no figures label the rows below them
    absent_is_zero: bool = False  # often left out when empty: the checks count a missing one as zero units
    # the tables this one is the sum of (g = b + c + d + e + f): a caption line that names two or more
    # of them introduces the sum, wherever the plan prints it, not one of its parts
    parts: tuple[str, ...] = ()

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)


def column_types(specs: tuple[TableSpec, ...]) -> dict[str, str]:
    """The type of every canonical column (int, float, bool, str), from the kinds of the roles
    that feed it; a column has one type in every table."""
    types: dict[str, str] = {"page": "int"}
    for spec in specs:
        for column in spec.columns:
            role = spec.role(column)
            found = KINDS[role.kind].column if role is not None else DERIVED_COLUMNS.get(column)
            if found is None:
                raise ValueError(f"{spec.id}.{column}: no role and no derived column of that name")
            if types.setdefault(column, found) != found:
                raise ValueError(f"{spec.id}.{column}: typed {found} here and {types[column]} elsewhere")
    return types


def check_specs(specs: tuple[TableSpec, ...]) -> None:
    """Every declaration consistent with itself and the others (run when the catalog loads)."""
    ids = [s.id for s in specs]
    if len(set(ids)) != len(ids):
        raise ValueError(f"table ids declared twice: {sorted({i for i in ids if ids.count(i) > 1})}")
    for spec in specs:
        names = [r.name for r in spec.roles]
        if len(set(names)) != len(names) or len(set(spec.columns)) != len(spec.columns) or not spec.columns:
            raise ValueError(f"{spec.id}: a role or column declared twice, or no columns")
        unknown = [r.kind for r in spec.roles if r.kind not in KINDS]
        if unknown:
            raise ValueError(f"{spec.id}: unknown value kinds {unknown}")
        if spec.role(spec.key) is None:
            raise ValueError(f"{spec.id}: its key {spec.key!r} is no role")
        if spec.builder is None:
            _check_generic(spec)
        unknown_parts = [p for p in spec.parts if p not in ids or p == spec.id]
        if unknown_parts:
            raise ValueError(f"{spec.id}: parts that are no other table: {unknown_parts}")
    column_types(specs)


def _check_generic(spec: TableSpec) -> None:
    """The generic builder reads each column from the role of its name, the ente group from the
    ``ente`` role, ``comune_istat`` from ``comune``: anything else needs a builder of its own."""
    fed = {r.name for r in spec.roles} | {"is_total"}
    if "ente" in fed:
        fed |= set(ENTE_COLUMNS)
    if "comune" in fed:
        fed.add("comune_istat")
    missing = [c for c in spec.columns if c not in fed]
    if missing:
        raise ValueError(f"{spec.id}: the generic row builder cannot fill {missing}; declare a builder")
