"""Validate front matter against the content model and word each problem for an editor."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from notices.content.districts import DistrictTable
from notices.content.model import FIELDS_BY_KIND, Common, Kind
from notices.content.problems import did_you_mean, quote

_GENERIC = {
    "list_type": "expected a list",
    "dict_type": "expected a mapping of fields",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "string_type": "expected text",
}


def field_path(loc: tuple) -> str:
    """Write a pydantic location the way an editor reads it: ``windows[3].end``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif "[" in str(part) or "-" in str(part):
            continue  # a validator's internal name, not a field
        else:
            out += ("." if out else "") + str(part)
    return out


def _fields_of(model: type, loc: tuple) -> list[str]:
    """Return the field names allowed at ``loc`` (for "did you mean" hints)."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return []
        model = _inner_model(info.annotation)
        if model is None:
            return []
    return list(model.model_fields)


def _inner_model(annotation: Any):


    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def describe(error: dict, kind: Kind) -> str:
    """Turn one pydantic error into one line (without the file name)."""
    loc, kind_of_error = tuple(error["loc"]), error["type"]
    ctx = error.get("ctx") or {}
    path = field_path(loc)
    if kind_of_error == "extra_forbidden":
        parent = field_path(loc[:-1])
        name = str(loc[-1])
        known = _fields_of(FIELDS_BY_KIND[kind], loc[:-1])
        where = f"{parent}: " if parent else ""
        return (
            f'{where}unknown field "{name}".{did_you_mean(name, known, cutoff=0.6)}'
            f" Fields of {'this entry' if parent else 'an ' + kind.singular}: {', '.join(known)}"
        )
    if kind_of_error == "missing":
        return f"{path} is missing; every {kind.singular} needs it"
    if kind_of_error == "notice_at":
        if ctx.get("path"):
            return f"{ctx['path']} {error['msg']}"
        path = field_path((*loc, ctx["field"])) if ctx.get("field") else path
        return f"{path} {error['msg'].split(' ', 1)[1]}" if error["msg"].startswith(
            ctx.get("field", "\0") + " ") else f"{path} {error['msg']}"
    if kind_of_error == "notice":
        return f"{path} {error['msg']}".strip()
    expected = _GENERIC.get(kind_of_error, error["msg"][0].lower() + error["msg"][1:])
    return f"{path} is {quote(error.get('input'))}; {expected}"


def validate_fields(kind: Kind, data: dict, districts: DistrictTable) -> tuple[Common | None,
                                                                                 list[str]]:
    """Return (typed fields, []) or (None, problem lines)."""
    model = FIELDS_BY_KIND[kind]
    try:
        return model.model_validate(data, context={"districts": districts}), []
    except ValidationError as exc:
        return None, [describe(error, kind) for error in exc.errors()]
