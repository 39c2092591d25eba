"""Guards against a Qt binding that would crash the app after a while.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a reference, so
each emit from Python drops one reference to ``True`` until the interpreter aborts with
"bool_dealloc" (seen here: the test suite died at exit). pyproject.toml excludes that
release; this test fails if such a build is installed anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(str)


def test_emitting_does_not_leak_references_to_true() -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.changed.emit("x")
    after = sys.getrefcount(True)
    # Other threads may hold or release a few references meanwhile; 200 lost ones are a bug.
    assert after - before > -50, f"{before - after} references to True lost by emit()"
