"""Loading of built-in and third-party plugin modules, shared by every registry (rules, checks).

Built-ins register exactly as an extension would: their modules are imported by name, then the modules
that installed packages declare under an entry-point group. Importing a module runs its ``@register``
decorators; loading happens once per process."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from importlib.metadata import entry_points


class PluginLoader:
    """Imports ``builtins`` and the entry points of ``group`` the first time ``load()`` is called."""

    def __init__(self, builtins: Sequence[str], group: str) -> None:
        self.builtins = tuple(builtins)
        self.group = group
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        for name in self.builtins:
            importlib.import_module(name)
        for entry in entry_points(group=self.group):
            entry.load()
        self._loaded = True
