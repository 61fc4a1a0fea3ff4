"""Args: typed access to a request's `args`; anything missing or mistyped is a BadRequest."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeAlias, TypeGuard, TypeVar

from .errors import bad_request

JsonValue: TypeAlias = "None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]"
"""What json.loads makes of a JSON text: the type checker follows each `isinstance` through it."""

T = TypeVar("T")


class Args:
    """Each getter names the argument, checks its JSON type and returns it as a Python value.

    JSON has one number type; Python's json module gives int for `3` and float for `3.0`, and bool
    is a subclass of int, so the checks below are explicit about all three.
    """

    def __init__(self, values: dict[str, JsonValue]) -> None:
        self._values = values

    def integer(
        self, name: str, minimum: int | None = None, maximum: int | None = None, default: int | None = None
    ) -> int:
        """Required unless there is a default (used when absent or null)."""
        value = self._required(name) if default is None else self._optional(name, default)
        if not _is_int(value):
            raise bad_request(f"args.{name} must be an integer, not {_json_type(value)}")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"{'' if minimum is None else minimum}..{'' if maximum is None else maximum}"
            raise bad_request(f"args.{name} = {value} is outside {bounds}")
        return value

    def number(self, name: str) -> float:
        """A non-negative number (int or float)."""
        value = self._required(name)
        # json reads 1e400 as float("inf"), which no wait can honour.
        if not _is_number(value) or not 0 <= value < math.inf:
            raise bad_request(f"args.{name} must be a finite number >= 0, not {value!r}")
        return value

    def nullable_number(self, name: str) -> float | None:
        """Like `number`, but must be present and may be null."""
        if self._required(name) is None:
            return None
        return self.number(name)

    def optional_number(self, name: str) -> float | None:
        """Like `number`, but None when absent or null."""
        if self._values.get(name) is None:
            return None
        return self.number(name)

    def string(self, name: str) -> str:
        value = self._required(name)
        if not isinstance(value, str):
            raise bad_request(f"args.{name} must be a string, not {_json_type(value)}")
        return value

    def string_list(self, name: str) -> list[str]:
        return self._array(name, _is_string, "strings")

    def optional_string(self, name: str) -> str | None:
        """None when absent or null."""
        if self._values.get(name) is None:
            return None
        return self.string(name)

    def objects(self, name: str) -> list[Args]:
        """An array of objects, each read with its own Args (e.g. the instructions of a program)."""
        return [Args(item) for item in self._array(name, _is_object, "objects")]

    def choice(self, name: str, choices: tuple[str, ...], default: str | None = None) -> str:
        """One of `choices`; required unless there is a default (used when absent or null)."""
        value = self._required(name) if default is None else self._optional(name, default)
        if not isinstance(value, str) or value not in choices:
            raise bad_request(f"args.{name} must be one of {', '.join(choices)}, not {value!r}")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        """Optional; `default` when absent or null."""
        value = self._optional(name, default)
        if not isinstance(value, bool):
            raise bad_request(f"args.{name} must be true or false, not {_json_type(value)}")
        return value

    def optional_object(self, name: str) -> Args | None:
        """None when absent or null."""
        value = self._values.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise bad_request(f"args.{name} must be an object, not {_json_type(value)}")
        return Args(value)

    def _required(self, name: str) -> JsonValue:
        if name not in self._values:
            raise bad_request(f"args.{name} is missing")
        return self._values[name]

    def _optional(self, name: str, default: JsonValue) -> JsonValue:
        # A runner may spell "not given" as null; both mean the default.
        value = self._values.get(name)
        return default if value is None else value

    def _array(self, name: str, is_item: Callable[[JsonValue], TypeGuard[T]], items: str) -> list[T]:
        """An array whose every item passes `is_item`."""
        value = self._required(name)
        if isinstance(value, list):
            matching = [item for item in value if is_item(item)]
            if len(matching) == len(value):
                return matching
        raise bad_request(f"args.{name} must be an array of {items}")


def _is_int(value: JsonValue) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: JsonValue) -> TypeGuard[float]:
    return _is_int(value) or isinstance(value, float)


def _is_string(value: JsonValue) -> TypeGuard[str]:
    return isinstance(value, str)


def _is_object(value: JsonValue) -> TypeGuard[dict[str, JsonValue]]:
    return isinstance(value, dict)


def _json_type(value: JsonValue) -> str:
    match value:
        case None:
            return "null"
        case bool():
            return "a boolean"
        case int():
            return "an integer"
        case float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "an array"
        case dict():
            return "an object"
