#!/usr/bin/env python3
"""Lists the pairs of modules of src/ that import each other (issue 10: data flows one way).

    python3 scripts/module_cycles.py [ROOT]

A module is a file of src/ (`details/relate/unit.rs` is `details::relate::unit`, a `mod.rs`
is its folder). It imports another when it names it by a path, `crate::a::b` or
`super::b` (in a `use` or in the code), resolved to the longest module that exists. Two
modules import each other when each names the other, or something inside the other; a
module and one of its own submodules are left out (a folder's `mod.rs` declares and re-exports
its rooms, and the rooms use their folder's shared types), as are test modules (`tests.rs`,
`*_tests.rs`, and whatever follows `#[cfg(test)]` at the end of a file). Exits 1 when any pair is
found, so a check can call it.
"""

import pathlib
import re
import sys

PATH = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
GROUP = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)*)::\{([^}]*)\}")


def module_of(path, src):
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def code_of(text):
    """The text without comments and without a trailing `#[cfg(test)] mod tests`."""
    text = re.sub(r"//[^\n]*", "", text)
    cut = re.search(r"#\[cfg\(test\)\]\s*mod\s+tests\s*\{", text)
    return text[: cut.start()] if cut else text


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    src = root / "src"
    files = [
        p
        for p in src.rglob("*.rs")
        if p.name != "tests.rs" and not p.name.endswith("_tests.rs")
    ]
    modules = {module_of(p, src): p for p in files}
    # A file `foo.rs` beside a folder `foo/` is the folder's module.
    uses = {m: set() for m in modules}

    def resolve(start, names):
        names = [n for n in names if n]
        best = None
        for k in range(len(names), -1, -1):
            cand = tuple(start) + tuple(names[:k])
            if cand in modules:
                best = cand
                break
        return best

    for m, p in modules.items():
        code = code_of(p.read_text(encoding="utf-8"))
        here = list(m) if p.name in ("mod.rs",) or (src / pathlib.Path(*m)).is_dir() else list(m)
        parent = list(m[:-1])
        refs = []
        for kw, tail, inner in GROUP.findall(code):
            for item in inner.split(","):
                item = item.strip().split(" as ")[0].strip()
                if item and item != "self":
                    refs.append((kw, tail + "::" + item))
                elif item == "self":
                    refs.append((kw, tail))
        refs += PATH.findall(code)
        for kw, tail in refs:
            names = tail.split("::")[1:]
            if kw == "crate":
                start = []
            else:
                start = parent
                while names and names[0] == "super":
                    names = names[1:]
                    start = start[:-1]
            target = resolve(start, names)
            if target is None or target == m:
                continue
            uses[m].add(target)

    def related(a, b):
        return a[: len(b)] == b or b[: len(a)] == a

    pairs = set()
    for a, targets in uses.items():
        for b in targets:
            if related(a, b):
                continue
            if a in uses.get(b, set()):
                pairs.add(tuple(sorted(("::".join(a), "::".join(b)))))
    for a, b in sorted(pairs):
        print(f"{a} <-> {b}")
    print(f"{len(pairs)} pairs of modules importing each other ({len(modules)} modules read)")
    return 1 if pairs else 0


if __name__ == "__main__":
    sys.exit(main())
