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


# PyYAML's safe loader on libyaml's C parser where PyYAML was built with it (the wheels are),
# else the pure-Python one. Both construct the same values with the same resolvers; the C
# parser reads data/verbs.yaml in 0.015 s of CPU against 0.18 s, which every parsing process
# paid on its first batch (stop 24).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """SafeLoader with YAML 1.2 booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; raises yaml.YAMLError as `yaml.safe_load` does."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
