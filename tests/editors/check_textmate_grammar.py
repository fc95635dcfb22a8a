"""The editor grammar (editors/remit.tmLanguage.json) scopes rule files as the language reads them.

Every rule file of the repository, and every accepted row of the grammar table, is tokenized
with the TextMate grammar: its regular expressions run in Oniguruma (the engine VS Code and
other editors use, here through Debian's libonig), with the TextMate rules for choosing a match
(the earliest wins; on a tie, the first pattern) and for begin/end blocks. Independently, each
line is split as docs/language.md describes the language: comments, strings, clause labels,
dates, numbers (in digits, or in words from one to twelve) and words. Every comment must be scoped as a comment, every string as a string
(escapes as escapes), every label as a label, every date and number as such, and every other
word as a keyword of the language. The keywords are read from grammar/remit_grammar.hpp, so a
keyword added to the language fails this test until the editor grammar knows it too.

    python3 tests/editors/check_textmate_grammar.py REMIT      (from the repository's root)

REMIT is the remit binary: the rule files checked are those it parses (test folders also hold
files that must not).
"""
import ctypes
import glob
import json
import re
import subprocess
import sys

# ---- Oniguruma, through its C interface --------------------------------------------------
onig = ctypes.CDLL("libonig.so.5")
ONIG_OPTION_NONE = 0
ONIG_OPTION_CAPTURE_GROUP = 1 << 8
ONIG_MISMATCH = -1


class OnigRegion(ctypes.Structure):
    _fields_ = [("allocated", ctypes.c_int), ("num_regs", ctypes.c_int),
                ("beg", ctypes.POINTER(ctypes.c_int)), ("end", ctypes.POINTER(ctypes.c_int)),
                ("history_root", ctypes.c_void_p)]


class OnigErrorInfo(ctypes.Structure):
    _fields_ = [("enc", ctypes.c_void_p), ("par", ctypes.c_char_p), ("par_end", ctypes.c_char_p)]


UTF8 = ctypes.cast(ctypes.addressof(ctypes.c_char.in_dll(onig, "OnigEncodingUTF8")), ctypes.c_void_p)
RUBY_SYNTAX = ctypes.cast(ctypes.addressof(ctypes.c_char.in_dll(onig, "OnigSyntaxRuby")), ctypes.c_void_p)
onig.onig_initialize.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int]
onig.onig_new.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint,
                          ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(OnigErrorInfo)]
onig.onig_region_new.restype = ctypes.POINTER(OnigRegion)
onig.onig_search.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                             ctypes.POINTER(OnigRegion), ctypes.c_uint]
onig.onig_error_code_to_str.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(OnigErrorInfo)]
encodings = (ctypes.c_void_p * 1)(UTF8)
if onig.onig_initialize(encodings, 1) != 0:
    sys.exit("cannot initialise Oniguruma")


class Regex:
    def __init__(self, pattern):
        self.pattern = pattern
        self.reg = ctypes.c_void_p()
        encoded = pattern.encode()
        self.source = ctypes.create_string_buffer(encoded, len(encoded))  # kept alive with the regex
        base = ctypes.addressof(self.source)
        info = OnigErrorInfo()
        code = onig.onig_new(ctypes.byref(self.reg), base, base + len(encoded), ONIG_OPTION_CAPTURE_GROUP, UTF8,
                             RUBY_SYNTAX, ctypes.byref(info))
        if code != 0:
            message = ctypes.create_string_buffer(256)
            onig.onig_error_code_to_str(message, code, ctypes.byref(info))
            raise ValueError(f"Oniguruma rejects {pattern!r}: {message.value.decode()}")
        self.region = onig.onig_region_new()

    def search(self, line, start):
        """The groups (start, end) of the first match at or after byte `start`, or None."""
        buffer = ctypes.create_string_buffer(line, len(line))
        base = ctypes.addressof(buffer)
        at = onig.onig_search(self.reg, ctypes.cast(base, ctypes.c_char_p), ctypes.cast(base + len(line), ctypes.c_char_p),
                              ctypes.cast(base + start, ctypes.c_char_p), ctypes.cast(base + len(line), ctypes.c_char_p),
                              self.region, ONIG_OPTION_NONE)
        if at == ONIG_MISMATCH:
            return None
        if at < 0:
            raise RuntimeError(f"Oniguruma failed on {self.pattern!r}")
        r = self.region.contents
        return [(r.beg[i], r.end[i]) for i in range(r.num_regs)]


# ---- a TextMate tokenizer, for what this grammar uses -----------------------------------
grammar = json.load(open("editors/remit.tmLanguage.json"))
assert grammar["scopeName"] == "source.remit"


def resolve(patterns):
    out = []
    for p in patterns:
        if "include" in p:
            out.extend(resolve([grammar["repository"][p["include"][1:]]]))
        elif "patterns" in p and "match" not in p and "begin" not in p:
            out.extend(resolve(p["patterns"]))
        else:
            out.append(p)
    return out


compiled = {}


def regex(pattern):
    if pattern not in compiled:
        compiled[pattern] = Regex(pattern)
    return compiled[pattern]


def paint(scopes, groups, captures):
    for key, capture in (captures or {}).items():
        i = int(key)
        if i < len(groups) and groups[i][0] >= 0:
            for b in range(*groups[i]):
                scopes[b] = scopes[b] + [capture["name"]]


def tokenize(line):
    """The scope names of each byte of the line (a list per byte, outermost first)."""
    scopes = [[] for _ in line]
    top = resolve(grammar["patterns"])
    stack = []  # open begin/end rules
    pos = 0
    while pos <= len(line):
        rules = resolve(stack[-1].get("patterns", [])) if stack else top
        best = None
        if stack:
            groups = regex(stack[-1]["end"]).search(line, pos)
            if groups:
                best = (groups[0][0], -1, None, groups)
        for order, rule in enumerate(rules):
            groups = regex(rule.get("match") or rule["begin"]).search(line, pos)
            if groups and (best is None or groups[0][0] < best[0]):
                best = (groups[0][0], order, rule, groups)
        inherited = [stack[-1]["name"]] if stack and "name" in stack[-1] else []
        if best is None:
            for b in range(pos, len(line)):
                scopes[b] = list(inherited)
            break
        start, _, rule, groups = best
        end = groups[0][1]
        for b in range(pos, start):  # what no pattern matched carries the open block's scope
            scopes[b] = list(inherited)
        if rule is None:  # the end of the open block
            closing = stack.pop()
            for b in range(start, end):
                scopes[b] = list(inherited)
            paint(scopes, groups, closing.get("endCaptures", closing.get("captures")))
        else:
            for b in range(start, end):
                scopes[b] = inherited + ([rule["name"]] if "name" in rule else [])
            paint(scopes, groups, rule.get("captures") if "match" in rule else rule.get("beginCaptures", rule.get("captures")))
            if "begin" in rule:
                stack.append(rule)
        pos = end if end > pos else pos + 1
    return scopes


# ---- the language, read independently ------------------------------------------------------
header = open("grammar/remit_grammar.hpp").read()
keywords = set(re.findall(r'TAO_PEGTL_STRING\("([^"]+)"\)', header)) | set(re.findall(r'REMIT_KW\(\w+, "([^"]+)"\)', header))
assert {"meets", "agenda", "waive", "bi-monthly", "england-and-wales"} <= keywords, keywords
months = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
# Counts may be written in words from one to twelve (docs/language.md, "Numbers").
number_words = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
statement_heads = {"meets", "agenda", "each", "reports", "receives", "approves", "quorum", "chaired", "has", "role", "not", "first", "reflects"}
LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9.()_-]*$")


def tokens(line):
    """(kind, start, end) in bytes: comment, string, escape, label, date, number, month, keyword, brace."""
    out = []
    i = 0
    words = []
    while i < len(line):
        c = line[i:i + 1]
        if c in (b" ", b"\t", b"\r"):
            i += 1
        elif c == b"#":
            out.append(("comment", i, len(line)))
            break
        elif c == b'"':
            start = i
            i += 1
            while i < len(line) and line[i:i + 1] != b'"':
                if line[i:i + 1] == b"\\" and i + 1 < len(line):
                    out.append(("escape", i, i + 2))
                    i += 1
                i += 1
            i = min(i + 1, len(line))
            out.append(("string", start, i))
            words.append(None)
        elif c in (b"{", b"}", b"*", b","):
            out.append(("brace", i, i + 1))
            words.append(None)
            i += 1
        else:
            start = i
            while i < len(line) and line[i:i + 1] not in (b" ", b"\t", b"\r", b"#", b'"', b"{", b"}", b","):
                i += 1
            words.append((start, i))
    plain = [w for w in words]
    for n, w in enumerate(plain):
        if w is None:
            continue
        text = line[w[0]:w[1]].decode()
        following = plain[n + 1] if n + 1 < len(plain) else None
        nxt = line[following[0]:following[1]].decode() if following else ""
        previous = line[plain[n - 1][0]:plain[n - 1][1]].decode() if n > 0 and plain[n - 1] else ""
        if n == 0 and nxt in statement_heads and LABEL.match(text):
            kind = "label"
        elif previous == "waive" and n == 1:
            kind = "label"
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            kind = "date"
        elif re.fullmatch(r"\d+%?", text):  # a percentage, as in "at least 75% of meetings", is a number
            kind = "number"
        elif text in number_words:  # a count in words, as in "quorum three members"
            kind = "number"
        elif text.lower() in months and text not in keywords:
            kind = "month"
        else:
            kind = "keyword"
        out.append((kind, w[0], w[1]))
    return out


expected_scope = {
    "comment": "comment.line.number-sign.remit",
    "string": "string.quoted.double.remit",
    "escape": "constant.character.escape.remit",
    "label": "entity.name.tag.label.remit",
    "date": "constant.numeric.date.remit",
    "number": "constant.numeric.integer.remit",
    "month": "support.constant.month.remit",
}


def check_line(where, line, problems):
    scopes = tokenize(line)
    for kind, start, end in tokens(line):
        text = line[start:end].decode(errors="replace")
        for b in range(start, end):
            have = scopes[b]
            if kind == "keyword":
                if text not in keywords:
                    problems.append(f"{where}: '{text}' is not a word of the language")
                    break
                if not any(s.startswith(("keyword.", "constant.language.")) for s in have):
                    problems.append(f"{where}: keyword '{text}' is scoped {have}")
                    break
            elif kind == "brace":
                if not any(s.startswith(("punctuation.", "constant.language.")) for s in have):
                    problems.append(f"{where}: '{text}' is scoped {have}")
                    break
            elif expected_scope[kind] not in have:
                problems.append(f"{where}: {kind} '{text}' is scoped {have}, expected {expected_scope[kind]}")
                break


def rule_files():
    candidates = sorted(glob.glob("rules/*.remit")) + sorted(glob.glob("tests/**/*.remit", recursive=True))
    parses = lambda p: subprocess.run([sys.argv[1], "fmt", p], capture_output=True).returncode == 0
    files = [p for p in candidates if parses(p)]
    assert len(files) >= 6, files
    return files


def grammar_rows():
    """The accepted statements of the grammar table, as C++ string literals."""
    text = open("tests/unit/grammar_rows.hpp").read()
    body = text[text.index("accepted_statements[] = {"):]
    rows = re.findall(r'^\s*"((?:[^"\\]|\\.)*)",\s*$', body, re.M)
    return [bytes(r, "utf-8").decode("unicode_escape").encode() for r in rows]


problems = []
lines = 0
files = rule_files()
for path in files:
    for n, line in enumerate(open(path, "rb").read().split(b"\n"), 1):
        check_line(f"{path}:{n}", line.rstrip(b"\r"), problems)
        lines += 1
rows = grammar_rows()
assert len(rows) > 40, len(rows)
for row in rows:
    check_line(f"grammar table: {row.decode()}", b"  " + row, problems)
    lines += 1
# Every keyword of the language, alone on a line, is a keyword of the editor grammar too.
for word in sorted(keywords):
    check_line(f"keyword {word}", word.encode(), problems)

if problems:
    print("\n".join(problems))
    sys.exit(f"{len(problems)} problems in the editor grammar")
print(f"{lines} lines of {len(files)} rule files and {len(rows)} grammar rows, and {len(keywords)} keywords: "
      "every comment, string, label, date, number and keyword is scoped")
