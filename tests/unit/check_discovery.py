"""Every unit test case is a ctest test of its own, which runs exactly that test case.

catch_discover_tests (tests/CMakeLists.txt) makes one ctest test PREFIX + NAME for each name
`remit_unit_tests --list-test-names-only` prints. A name that discovery cannot carry (a `;`
splits it into two lists items, each matching no test case) gives ctest tests that run nothing
and, without `-w NoTests`, pass. This test compares the two lists and fails on any difference:

  - every test case listed by the executable has a ctest test PREFIX + NAME, and every ctest test
    that runs the executable with a test spec is one of them (nothing split, lost or invented);
  - each such ctest test passes exactly its own name as the spec (escaped as Catch2 wants it),
    with `-w NoTests`, so that a spec matching no test case fails rather than passes;
  - the only other ctest test running the executable is "unit: every test case, in one run".

    check_discovery.py UNIT_TESTS_EXE CTEST_COMMAND BUILD_DIR PREFIX

PREFIX is catch_discover_tests' TEST_PREFIX, "unit:".
"""
import json
import os
import subprocess
import sys

exe, ctest, build_dir, PREFIX = sys.argv[1:5]
WHOLE_SUITE = "unit: every test case, in one run"
problems = []

listing = subprocess.run([exe, "--list-test-names-only"], capture_output=True, text=True)
listed = []
for line in listing.stdout.splitlines():
    if not line.strip():
        continue
    # Catch2 quotes a name that starts with '#' in this listing.
    if line.startswith('"#') and line.endswith('"'):
        line = line[1:-1]
    listed.append(line)
if not listed:
    sys.exit(f"{exe} --list-test-names-only listed no test case (exit status {listing.returncode})")
if len(set(listed)) != len(listed):
    problems.append("the executable lists a test case name twice")

shown = subprocess.run([ctest, "--test-dir", build_dir, "-N", "--show-only=json-v1"],
                       capture_output=True, text=True)
if shown.returncode != 0:
    sys.exit(f"ctest -N --show-only=json-v1 failed:\n{shown.stderr}")
tests = json.loads(shown.stdout)["tests"]


def unescape(spec):
    """The test spec Catch2 reads: catch_discover_tests puts a backslash before , [ and ]."""
    out, i = [], 0
    while i < len(spec):
        if spec[i] == "\\" and i + 1 < len(spec):
            i += 1
        out.append(spec[i])
        i += 1
    return "".join(out)


real_exe = os.path.realpath(exe)
discovered = {}
whole_suite_seen = False
for t in tests:
    command = t.get("command") or []
    name = t["name"]
    runs_exe = bool(command) and os.path.realpath(command[0]) == real_exe
    if not runs_exe:
        if name.startswith(PREFIX):
            problems.append(f"ctest test {name!r} is named as a unit test but does not run {exe}")
        continue
    args = command[1:]
    if name == WHOLE_SUITE:
        whole_suite_seen = True
        if args:
            problems.append(f"{WHOLE_SUITE!r} should run every test case, but passes {args}")
        continue
    if not name.startswith(PREFIX):
        problems.append(f"ctest test {name!r} runs {exe} but is not named {PREFIX!r}...")
        continue
    case = name[len(PREFIX):]
    if case in discovered:
        problems.append(f"two ctest tests are named {name!r}")
    discovered[case] = args
    if not args or unescape(args[0]) != case:
        problems.append(f"ctest test {name!r} runs the spec {args[:1]}, not its own name")
    if not any(args[i:i + 2] == ["-w", "NoTests"] for i in range(len(args))):
        problems.append(f"ctest test {name!r} lacks '-w NoTests': a spec matching nothing would pass")

if not whole_suite_seen:
    problems.append(f"no ctest test {WHOLE_SUITE!r}")
for case in listed:
    if case not in discovered:
        problems.append(f"test case {case!r} has no ctest test of its own name (discovery split or lost it)")
for case in sorted(discovered):
    if case not in set(listed):
        problems.append(f"ctest test {PREFIX + case!r} names no test case of {os.path.basename(exe)}")

if problems:
    print("\n".join(problems))
    sys.exit(f"{len(problems)} problem(s): the unit tests ctest runs are not the test cases the executable holds")
print(f"{len(listed)} test cases, each a ctest test of its own name with -w NoTests, and {WHOLE_SUITE!r}")
