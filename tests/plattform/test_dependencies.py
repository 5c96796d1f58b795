"""The dependency graph is honest: content apps never import the engine, kommunen never
imports praxis, and no import hides in a function to dodge a cycle.

Read from the source with `ast`, so an import that runs only on some path counts as well.
Not imports, and so not counted: Wagtail's page-type strings ("praxis.PraxisPage" in
`subpage_types`) and the project templates, which put the apps' pages together.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "kommunen",
    "praxis",
    "search",
    "plattform",
    "pruefung",
    "kontakt",
    "zugaenge",
    "sicherheit",
)

# Imports inside a function that are not cycle dodges: (module, function) -> reason.
FUNCTION_IMPORTS_ALLOWED = {
    ("search/client.py", "_client"): "the engine's client library: only the configured one loads",
    ("search/client.py", "bulk"): "the bulk helper of the configured engine's client library",
    ("search/client.py", "connection_errors"): "the client libraries' errors, loaded with them",
}


def _modules(app: str) -> list[Path]:
    return sorted((ROOT / app).rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _package(path: Path) -> list[str]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return parts if path.name == "__init__.py" else parts[:-1]


def imported_modules(path: Path) -> set[str]:
    """Dotted names of every module the file imports, relative imports resolved."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            package = _package(path)
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            # `from . import signal_handlers` imports a module by its alias
            modules.update(f"{module}.{alias.name}" for alias in node.names)
    return modules


def _imports_of(app: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{_name(path)} imports {module}"
        for path in _modules(app)
        for module in sorted(imported_modules(path))
        if module.split(".")[0] in forbidden
    ]


def function_level_imports(path: Path) -> list[tuple[str, int]]:
    """(function name, line) of every import inside a function of the file."""
    found: list[tuple[str, int]] = []
    for function in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            found.extend(
                (function.name, node.lineno)
                for node in ast.walk(function)
                if isinstance(node, ast.Import | ast.ImportFrom)
            )
    return found


def test_kommunen_imports_neither_praxis_nor_search():
    assert _imports_of("kommunen", ("praxis", "search")) == []


def test_praxis_does_not_import_the_search_engine():
    assert _imports_of("praxis", ("search",)) == []


def test_the_review_loop_is_imported_by_no_content_app():
    assert _imports_of("kommunen", ("pruefung",)) + _imports_of("praxis", ("pruefung",)) == []


def test_only_kontakt_knows_kontakt():
    """Profiles and entries reach the contact form through a hook (plattform/routes.py)."""
    assert [
        found
        for app in ("kommunen", "praxis", "search", "plattform")
        for found in _imports_of(app, ("kontakt",))
    ] == []


def test_the_checks_see_relative_imports():
    # praxis/apps.py has `from . import signal_handlers` in ready()
    assert "praxis.signal_handlers" in imported_modules(ROOT / "praxis" / "apps.py")


@pytest.mark.parametrize("app", APPS)
def test_no_import_hides_in_a_function(app):
    hidden = [
        f"{_name(path)}:{line} in {function}()"
        for path in _modules(app)
        for function, line in function_level_imports(path)
        if function != "ready" and (_name(path), function) not in FUNCTION_IMPORTS_ALLOWED
    ]
    assert hidden == []


def test_the_allowed_function_imports_still_exist():
    found = {
        (_name(path), function)
        for app in APPS
        for path in _modules(app)
        for function, _line in function_level_imports(path)
    }
    assert set(FUNCTION_IMPORTS_ALLOWED) <= found
