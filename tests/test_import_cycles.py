"""No two project modules import each other, directly or around a circle.

A cycle is how layers rot: a service that imports its task module which imports the
service means neither can be read, tested or moved alone, and Python only survives it
through imports tucked inside functions. Those count here too (grimp reads every import
statement, wherever it sits); only imports under `if TYPE_CHECKING:` are left out, since
they never run. The package-level rules (which layer may import which) are the
import-linter contracts in `.importlinter`, run by `make test`.
"""

from __future__ import annotations

import grimp

PACKAGES = ("cms", "automation", "search", "integrations")


def strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that can each reach the others by imports (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[module] = min(low[module], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def describe(graph: grimp.ImportGraph, group: list[str]) -> str:
    members = set(group)
    lines = [f"cycle of {len(group)} modules:"]
    for importer in group:
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
            where = ", ".join(f"l.{d['line_number']}" for d in graph.get_import_details(importer=importer, imported=imported))
            lines.append(f"  {importer} -> {imported} ({where})")
    return "\n".join(lines)


def test_cycle_finder_finds_a_cycle():
    """The finder itself: a three-module circle is one group; a module outside it is not."""
    graph = grimp.ImportGraph()
    for module in ("a", "b", "c", "d"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    graph.add_import(importer="c", imported="a")
    graph.add_import(importer="d", imported="a")
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_no_import_cycles_among_project_modules():
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    cycles = strongly_connected(graph)
    assert not cycles, "\n\n".join(describe(graph, group) for group in cycles)
