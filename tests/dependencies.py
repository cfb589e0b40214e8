"""What pyproject.toml declares, read as pip would on a given system."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def requirements(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    listed = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return [Requirement(line) for line in listed]


def declared_requirements(extra: str | None = None, **environment: str) -> set[str]:
    """The names of the distributions required on the system ``environment`` describes (marker
    variables such as sys_platform="win32", python_version="3.11")."""
    return {
        r.name.lower()
        for r in requirements(extra)
        if r.marker is None or r.marker.evaluate(environment)
    }
