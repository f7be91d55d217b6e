"""What the command-line tests share: running skillcalc on a fixed day, and checks named by a sentence, counted to an
exit code. Used by tests/*_test.py and tests/bureau/*_test.py."""
import subprocess, sys


def cli_runner(cli, today, timeout=60, text=False, quiet=False, stdin=None):
    """run(args, stdin, **kw): skillcalc [--quiet] --today TODAY ARGS, its output captured (str when text, else bytes)."""
    head = [cli] + (["--quiet"] if quiet else []) + ["--today", today]
    default = stdin

    def run(args, stdin=default, **kw):
        return subprocess.run(head + list(args), input=stdin, capture_output=True, text=text, timeout=timeout, **kw)

    return run


class Checks:
    """expect(name, cond, detail): one check; finish() prints "N passed, M failed" and exits 1 when one failed."""

    def __init__(self, limit=2000):
        self.passed = self.failed = 0
        self.limit = limit

    def expect(self, name, cond, detail=""):
        if cond:
            self.passed += 1
            return
        self.failed += 1
        print("FAIL", name, str(detail)[:self.limit]) if detail != "" else print("FAIL", name)

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
