"""YAML as our data files mean it: `on`, `off`, `yes` and `no` are words, not booleans.

PyYAML follows YAML 1.1, where an unquoted `on` in `target: [on, against]` loads as True, so a
verb pattern's "on" slot ("sanctions on X") silently never matched. YAML 1.2, and every
data file of ours, reads only true/false as booleans.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL = "tag:yaml.org,2002:bool"


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; raises yaml.YAMLError as `yaml.safe_load` does."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
