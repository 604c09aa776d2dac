"""Errors a mapper raises for input it cannot map. Each names the file and says what to do."""
from __future__ import annotations


class MappingError(ValueError):
    """A document that cannot be mapped. `str()` is the message a curator reads."""

    def __init__(self, source: str, problem: str, hint: str = ""):
        self.source = source
        self.problem = problem
        self.hint = hint
        message = f"{source}: {problem}"
        if hint:
            message += f" — {hint}"
        super().__init__(message)

    def __reduce__(self):
        # Rebuilt from its own fields, so it crosses process boundaries (the build's workers).
        return (type(self), (self.source, self.problem, self.hint))
