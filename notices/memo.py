"""Values derived from content, kept between the builds of a long-running process.

``remember(key, compute)`` is ``compute()`` in a one-off build; the live-reload server
(``notices.build.warm``) installs a store that returns last build's value for the same key.
Any layer may import this module; it imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Callable

_store: Callable[[tuple, Callable[[], object]], object] | None = None


def remember(key: tuple, compute: Callable[[], object]):
    """``compute()``, or in a warm process the value computed for ``key`` last build.

    ``key`` must hold everything the value is made from (e.g. a fingerprint of the notices
    it reads); values not asked for in a build are forgotten after it.
    """
    return compute() if _store is None else _store(key, compute)


def keeping() -> bool:
    """True in a process that keeps values between builds (the live-reload server)."""
    return _store is not None


def install(store: Callable[[tuple, Callable[[], object]], object] | None) -> None:
    """Use ``store`` (``WarmState.remember``) for ``remember``; None turns keeping off."""
    global _store
    _store = store
