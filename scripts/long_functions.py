#!/usr/bin/env python3
"""Lists the functions of src/ longer than 80 lines and the files longer than 800 (issue 10).

    python3 scripts/long_functions.py [--max-fn 80] [--max-file 800] [ROOT]

A function's length runs from the line of its `fn` to the line of its closing brace. Braces
inside strings, characters and comments are skipped by a small lexer (raw strings, byte
strings and lifetimes included), which is all the Rust this needs to read. Exits 1 when
anything is over, so a check can call it.
"""

import argparse
import pathlib
import re
import sys

FN = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


def code_only(text):
    """The text with strings, chars and comments blanked out (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif re.match(r"b?r#*\"", text[i:i + 40]) and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r"b?r(#*)\"", text[i:])
            end = text.find('"' + m.group(1), i + m.end())
            j = n if end < 0 else end + 1 + len(m.group(1))
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(re.sub(r"[^\n]", " ", text[i:j + 1]))
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:  # a char literal, not a lifetime
                out.append(" " * m.end())
                i += m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(code):
    """(name, first line, line count) of every function with a body."""
    found = []
    for m in FN.finditer(code):
        i = m.end()
        # the body opens at the first `{` before any `;` (a declaration without body)
        while i < len(code) and code[i] not in "{;":
            i += 1
        if i >= len(code) or code[i] == ";":
            continue
        depth, j = 0, i
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        first = code.count("\n", 0, m.start()) + 1
        last = code.count("\n", 0, j) + 1
        found.append((m.group(1), first, last - first + 1))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="src")
    parser.add_argument("--max-fn", type=int, default=80)
    parser.add_argument("--max-file", type=int, default=800)
    args = parser.parse_args()
    over = 0
    for path in sorted(pathlib.Path(args.root).rglob("*.rs")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > args.max_file:
            print(f"{path}: file of {lines} lines")
            over += 1
        for name, first, count in functions(code_only(text)):
            if count > args.max_fn:
                print(f"{path}:{first}: fn {name}, {count} lines")
                over += 1
    print(f"{over} over the limits (functions > {args.max_fn} lines, files > {args.max_file})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
