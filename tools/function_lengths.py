#!/usr/bin/env python3
"""Long functions and long files of the C++ sources: every function longer than --max lines (default 150) and every
file longer than --max-file lines (default 600), as FILE:LINE, longest first. Exit code 1 when one of them lies in
core/, cli/, sheet/ or wasm/ (tests/ are listed but do not fail the check).
    tools/function_lengths.py [--max N] [--max-file N] [--all] [ROOT]
A function is a brace block at namespace or class scope whose head ends like a function's (`) {`, `) const {`,
`) : member(x) {` ...); its length runs from the first line of its head to its closing brace, lambdas and local
classes inside it included. A heuristic on braces, not a parser: comments, strings, raw strings and preprocessor
lines are blanked first. --all lists every function, with its length."""
import argparse
import bisect
import os
import re
import sys

FOLDERS = ["core", "cli", "sheet", "wasm", "tests"]
CHECKED = ("core", "cli", "sheet", "wasm")  # the ones that fail the check
SUFFIXES = (".cpp", ".hpp", ".cc", ".h")
SKIP_DIRS = {"node_modules", "build", ".git"}


def blank(text):
    """The text with comments, string and char literals and preprocessor lines replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c == "#":  # a preprocessor line, with its continuations
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append(" \n")
                    i += 2
                    continue
                out.append(" ")
                i += 1
            continue
        if c == "\n":
            out.append(c)
            line_start = True
            i += 1
            continue
        if not c.isspace():
            line_start = False
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                out.append(" ")
                i += 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^()\\\s]{0,16})\(', text[i:i + 24])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            close = ")" + raw.group(1) + '"'
            end = text.find(close, i + raw.end())
            end = n if end < 0 else end + len(close)
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:end]))
            i = end
            continue
        if c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum():  # a digit separator: 1'000'000
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else " " * (j - i))
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


CONTROL = re.compile(r"^(if|for|while|switch|catch|do|else|try)\b")
SCOPE = re.compile(r"^(template\s*<.*>\s*)?(namespace|extern\s*\"|class|struct|union|enum)\b", re.S)
QUALIFIERS = {"const", "noexcept", "override", "final", "mutable", "volatile", "try"}


def head_kind(head):
    """What a '{' at namespace or class scope opens, from the text before it: scope, function, init or other."""
    h = head.strip()
    if SCOPE.match(h) and "(" not in h:
        return "scope"
    if not h or CONTROL.match(h):
        return "other"
    depth, close = 0, -1
    for k, c in enumerate(h):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            close = k if depth == 0 else close
        elif c == "=" and depth == 0 and close < 0 and h[k - 1] not in "=!<>" and h[k + 1:k + 2] != "=" \
                and not re.search(r"operator\s*\S?$", h[:k]):
            return "other"  # an initializer: `T x = {`, `auto f = [] {`
    if close < 0:
        return "other"
    tail = h[close + 1:].strip()
    if tail.startswith(":") and not tail.startswith("::"):  # a constructor's initializer list
        return "function" if tail.endswith(")") or tail.endswith("}") else "init"
    words = re.findall(r"[A-Za-z_]\w*|->|&&|\S", tail)
    if all(w in QUALIFIERS or w in ("&", "&&") for w in words):
        return "function"  # `)`, `) const`, `) noexcept`, `) override`
    if words and words[0] == "->":
        return "function"  # a trailing return type
    return "other"


def function_name(head):
    h = re.sub(r"\s+", " ", head.strip())
    m = None
    for m in re.finditer(r"((?:[A-Za-z_]\w*\s*::\s*)*~?(?:operator\s*[^\s(]+|[A-Za-z_]\w*))\s*\(", h):
        if m.group(1).split("::")[-1].strip() not in ("decltype", "noexcept", "alignof", "sizeof"):
            break
    return m.group(1).replace(" ", "") if m else h[:40]


def functions(text):
    """(name, first line, last line) of each function of a C++ source."""
    b = blank(text)
    found = []
    stack = []  # per open brace: its kind
    head_start = 0  # where the text before the next '{' at scope level begins
    i, n = 0, len(b)
    line_at = [0]
    for k, c in enumerate(b):
        if c == "\n":
            line_at.append(k + 1)

    def line_of(pos):
        return bisect.bisect_right(line_at, pos)

    def match_brace(pos):
        depth = 0
        for k in range(pos, n):
            if b[k] == "{":
                depth += 1
            elif b[k] == "}":
                depth -= 1
                if depth == 0:
                    return k
        return n - 1

    while i < n:
        c = b[i]
        at_scope = all(s == "scope" for s in stack)
        if c == "{" and at_scope:
            head = b[head_start:i]
            kind = head_kind(head)
            if kind == "init":  # a member's braces in a constructor's initializer list: the head goes on
                i = match_brace(i) + 1
                continue
            if kind == "function":
                end = match_brace(i)
                first = head_start + len(head) - len(head.lstrip())
                found.append((function_name(head), line_of(first), line_of(end)))
                i = end + 1
                head_start = i
                continue
            stack.append(kind)
            head_start = i + 1
        elif c == "{":
            stack.append("other")
        elif c == "}":
            if stack:
                stack.pop()
            if all(s == "scope" for s in stack):
                head_start = i + 1
        elif c == ";" and at_scope:
            head_start = i + 1
        elif c == ":" and at_scope and re.search(r"\b(public|private|protected)\s*$", b[head_start:i]):
            head_start = i + 1
        i += 1
    return found


def sources(root):
    for folder in FOLDERS:
        base = os.path.join(root, folder)
        for d, dirs, files in os.walk(base):
            dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS and not x.startswith("build"))
            for f in sorted(files):
                if f.endswith(SUFFIXES):
                    yield os.path.relpath(os.path.join(d, f), root)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=150, help="the longest a function may be, in lines")
    ap.add_argument("--max-file", type=int, default=600, help="the longest a file may be, in lines")
    ap.add_argument("--all", action="store_true", help="list every function with its length")
    ap.add_argument("root", nargs="?", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()
    long_functions, long_files = [], []
    failed = False
    for path in sources(a.root):
        with open(os.path.join(a.root, path), encoding="utf-8", errors="replace") as f:
            text = f.read()
        checked = path.split(os.sep)[0] in CHECKED
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if lines > a.max_file:
            long_files.append((lines, path, checked))
        for name, first, last in functions(text):
            length = last - first + 1
            if a.all:
                print("%s:%d: %s %d lines" % (path, first, name, length))
            if length > a.max:
                long_functions.append((length, path, first, name, checked))
    for length, path, first, name, checked in sorted(long_functions, key=lambda x: (-x[0], x[1])):
        print("%s:%d: function %s is %d lines (more than %d)%s" %
              (path, first, name, length, a.max, "" if checked else " [tests: not checked]"))
        failed = failed or checked
    for lines, path, checked in sorted(long_files, key=lambda x: (-x[0], x[1])):
        print("%s:1: file is %d lines (more than %d)%s" %
              (path, lines, a.max_file, "" if checked else " [tests: not checked]"))
        failed = failed or checked
    if not long_functions and not long_files:
        print("no function over %d lines, no file over %d lines" % (a.max, a.max_file))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
