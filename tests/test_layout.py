"""The tree shows the architecture: the site reads the index only through the language core, the
schema and the snapshot reader, and the language core knows nothing of files, builds or the web."""
import ast

import pytest

from conftest import ROOT

# What each part may import of the project's own packages.
SITE_MAY_IMPORT = {"indexer.lang", "indexer.schema", "indexer.snapshots"}
LANG_MAY_IMPORT = {"indexer.lang"}


def imports(path):
    """The project modules a file imports (``from indexer import lang`` counts as ``indexer.lang``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in ("indexer", "search_web")}


def allowed(name, prefixes):
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", sorted((ROOT / "search_web").glob("*.py")), ids=lambda p: p.name)
def test_the_site_uses_only_the_language_core_the_schema_and_the_snapshots(path):
    wrong = {n for n in imports(path) if n.startswith("indexer") and not allowed(n, SITE_MAY_IMPORT)}
    assert not wrong, f"{path.name} imports {sorted(wrong)}; go through indexer.lang, the schema or snapshots"


@pytest.mark.parametrize("path", sorted((ROOT / "indexer" / "lang").glob("*.py")), ids=lambda p: p.name)
def test_the_language_core_stands_alone(path):
    wrong = {n for n in imports(path) if not allowed(n, LANG_MAY_IMPORT)}
    assert not wrong, f"indexer/lang/{path.name} imports {sorted(wrong)}"


def test_the_write_path_never_imports_the_site():
    for path in (ROOT / "indexer").rglob("*.py"):
        assert not {n for n in imports(path) if n.startswith("search_web")}, path
