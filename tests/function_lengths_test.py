#!/usr/bin/env python3
"""tools/function_lengths.py on small trees written here: what it counts as a function, where the count starts and
ends, which folders fail the check. Each check is named by a sentence.
    function_lengths_test.py REPO"""
import os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest_util import Checks

repo = sys.argv[1]
tool = os.path.join(repo, "tools", "function_lengths.py")
checks = Checks()
expect = checks.expect


def body(n):  # n lines of statements
    return "".join("  x += %d;\n" % k for k in range(n))


def run(files, *args):
    with tempfile.TemporaryDirectory() as root:
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), "w") as f:
                f.write(text)
        p = subprocess.run([sys.executable, tool] + list(args) + [root], capture_output=True, text=True, timeout=60)
        return p.returncode, p.stdout


# A function of 150 lines passes, of 151 fails, counted from its head to its closing brace.
ok = "int f(int x) {\n" + body(148) + "}\n"
rc, out = run({"core/a.cpp": ok})
expect("a function of exactly 150 lines passes", rc == 0 and "no function over 150" in out, out)
long_ = "namespace n {\n\nstd::string\nlong_one(int x,\n         int y) const {\n" + body(147) + "}\n}\n"
rc, out = run({"core/a.cpp": long_})
expect("a function of 151 lines, head over three lines, fails with its file and first line",
       rc == 1 and "core/a.cpp:3: function long_one is 151 lines" in out, out)
rc, out = run({"core/a.cpp": long_}, "--max", "151")
expect("--max raises the limit", rc == 0, out)

# What counts towards a function: lambdas and local classes inside it; braces in strings and comments do not.
inner = ("void g() {\n  auto h = [&](int k) {\n" + body(80) + "  };\n  struct L {\n    int m() { return 1; }\n  };\n" +
         body(70) + "}\n")
rc, out = run({"cli/b.cpp": inner})
expect("a lambda and a local class count towards the function around them", rc == 1 and "function g is 157 lines" in out,
       out)
tricky = ('void s() {\n  const char* a = "}}}";\n  char c = \'{\';\n  // }\n  /* } */\n  auto r = R"x(})x";\n' +
          body(150) + "}\n")
rc, out = run({"sheet/c.cpp": tricky})
expect("braces in strings, chars, raw strings and comments are not counted", rc == 1 and "function s is 157 lines" in out,
       out)

# Methods in classes, constructors with brace initializers, test macros; a long initializer is not a function.
cls = ("class K {\n public:\n  K(int a) : a_{a}, b_(a) {\n" + body(160) + "  }\n  int get() const {\n    return a_;\n  }\n\n"
       " private:\n  int a_, b_;\n};\n")
rc, out = run({"wasm/d.cpp": cls})
expect("a constructor with an initializer list in braces is one function, named", rc == 1 and "function K is 162 lines" in out,
       out)
expect("the short method after it is not reported", "get" not in out, out)
table = "const int kTable[] = {\n" + "".join("  %d,\n" % k for k in range(300)) + "};\n"
rc, out = run({"core/e.cpp": table})
expect("a long initializer at namespace scope is not a function", rc == 0, out)
test = 'TEST_CASE("long", "[x]") {\n' + body(160) + "}\n"
rc, out = run({"tests/unit/t.cpp": test})
expect("a long test is listed but does not fail the check", rc == 0 and "function TEST_CASE is 162 lines" in out
       and "[tests: not checked]" in out, out)

# Files over 600 lines.
many = "".join("int f%d() { return %d; }\n" % (k, k) for k in range(601))
rc, out = run({"core/big.hpp": many})
expect("a file of 601 lines fails with its line count", rc == 1 and "core/big.hpp:1: file is 601 lines" in out, out)
rc, out = run({"core/big.hpp": many[: many.rindex("int f600")]})
expect("a file of 600 lines passes", rc == 0, out)

checks.finish()
