"""Typed, validated plugin settings: one dict setting per plugin, merged over defaults."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from notices.content.problems import ConfigError, did_you_mean, quote

SETTINGS_FILE = "pelicanconf.py"

Model = TypeVar("Model", bound=BaseModel)


class PluginSettings(BaseModel):
    """Base for a plugin's dict setting: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def load_plugin_settings(settings: dict, name: str, model: type[Model]) -> Model:
    """Validate ``settings[name]`` against ``model``; raise ConfigError listing every problem."""
    raw = settings.get(name) or {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{SETTINGS_FILE}: {name} is {quote(raw)}; expected a dict such as {name} = {{}}"
        )
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        known = list(model.model_fields)
        lines = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            if error["type"] == "extra_forbidden":
                lines.append(
                    f'{SETTINGS_FILE}: {name} has unknown key "{key}".{did_you_mean(key, known)}'
                    f" Known keys: {', '.join(known)}"
                )
            else:
                lines.append(
                    f"{SETTINGS_FILE}: {name}[{key!r}] is {quote(error.get('input'))}; "
                    f"{error['msg'][0].lower()}{error['msg'][1:]}"
                )
        raise ConfigError("\n".join(lines)) from None
