#!/usr/bin/env python3
"""Learns the plausibility model of the `mojibake` stage from clean text and writes it as
Rust: src/stages/mojibake/model_data.rs (generated; do not edit by hand).

The model: every character falls into a class (each Latin-1 and windows-1252 character is a
class of its own, as is each ASCII punctuation mark; other characters by script, case and
kind), and the cost of a class after another is -log2 P(next | previous) in quarter bits,
learned from clean text with a Dirichlet prior on the next class's overall frequency. A
stretch of mojibake ("Ã©", "Ä\u0164", "Ð¿Ñ€") is a run of pairs that clean text almost never
has; its repair is not.

Clean text: the `clean` side of ../shared/devdata/mojibake/cldr-cases.jsonl for the
languages of its tune half only (sha1(lang) first byte >= 86), once as it is and once in
capitals, and the gold texts of the
devdata HTML datasets but those the stage changes today (pages whose gold holds mojibake).

Usage: scripts/build_mojibake_model.py [--shared DIR] [--check-unchanged BIN]"""
import argparse
import glob
import hashlib
import json
import math
import os
import subprocess
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "stages", "mojibake", "model_data.rs")
DENSE_END = 0x2600
# A quarter of a bit per unit; the most a pair costs.
SCALE = 4
MAX_COST = 255
# Weight of the prior, in pairs.
PRIOR = 20.0

NAMES = []
INDEX = {}
# A character of each class, for its coarse class.
REPRESENTATIVE = []


def name(label, c=" "):
    if label not in INDEX:
        INDEX[label] = len(NAMES)
        NAMES.append(label)
        REPRESENTATIVE.append(c)
    return INDEX[label]


WITHIN_CLASSES = ("latin ext-b", "ipa", "modifier letter", "latin additional", "phonetic extensions")
WINDOWS_1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"


def coarse_label(c):
    """The class of `c` in the coarse model the fine one falls back on."""
    o = ord(c)
    if 0xD800 <= o <= 0xDFFF:
        return "surrogate"
    cat = unicodedata.category(c)
    case = "upper" if cat in ("Lu", "Lt") else "lower"
    if 0xA0 <= o <= 0xFF or c in WINDOWS_1252_SPECIALS:
        if cat.startswith("L"):
            return "latin-1 " + case
        return "latin-1 symbol"
    if 0x100 <= o <= 0x17F:
        return "latin ext-a " + case
    if 0x218 <= o <= 0x21B:
        return "latin ext-b " + case
    if 0x370 <= o <= 0x58F or 0x1F00 <= o <= 0x1FFF or 0x10A0 <= o <= 0x10FF:
        return "alphabet " + case if cat.startswith("L") else "alphabet other"
    if c in "√∂∆∏∑∫≠≈≤≥∞Ω◊":
        return "math"
    return fine_label(c)


def fine_label(c):
    """The class of `c`: one of its own for what mojibake is made of (Latin-1, windows-1252,
    Latin extended-A, Romanian and Cyrillic letters, ASCII punctuation), else by script, case
    and kind."""
    o = ord(c)
    if c in " \t\n\r":
        return "space"
    if "a" <= c <= "z":
        return "ascii lower"
    if "A" <= c <= "Z":
        return "ascii upper"
    if "0" <= c <= "9":
        return "digit"
    if o < 0x20 or o == 0x7F:
        return "control"
    if o < 0x80:
        return "ascii " + c
    if o < 0xA0:
        return "c1 control"
    if (o <= 0x17F or c in WINDOWS_1252_SPECIALS or c in "√∂∆∏∑∫≠≈≤≥∞Ω◊"
            or 0x400 <= o <= 0x52F or 0x218 <= o <= 0x21B):
        return "char " + c
    cat = unicodedata.category(c)
    upper = cat == "Lu" or cat == "Lt"
    case = "upper" if upper else "lower"
    if 0x180 <= o <= 0x24F:
        return "latin ext-b " + case
    if 0x250 <= o <= 0x2AF:
        return "ipa"
    if 0x2B0 <= o <= 0x2FF:
        return "modifier letter"
    if 0x300 <= o <= 0x36F:
        return "combining mark"
    # The other alphabets with capitals share their classes: what one script's letters
    # do next to each other, another's do too (a language the clean text lacks is still
    # read right); a letter of another script beside them is weighed apart (SWITCH).
    if 0x370 <= o <= 0x58F or 0x1F00 <= o <= 0x1FFF or 0x10A0 <= o <= 0x10FF:
        if cat.startswith("L"):
            return "alphabet " + case
        return "alphabet other"
    if 0x590 <= o <= 0x5FF:
        return "caseless letter" if not unicodedata.category(c).startswith("M") else "caseless mark"
    if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0x8A0 <= o <= 0x8FF:
        return "caseless letter" if not cat.startswith("M") else "caseless mark"
    if 0x1D00 <= o <= 0x1DBF:
        return "phonetic extensions"
    if 0x1E00 <= o <= 0x1EFF:
        return "latin additional " + case
    if o in (0x1680, 0x202F, 0x205F, 0x3000) or 0x2000 <= o <= 0x200A:
        return "unicode space"
    if 0x200B <= o <= 0x200F or 0x2060 <= o <= 0x2064 or o == 0xFEFF or o == 0x180E:
        return "invisible"
    if 0x2010 <= o <= 0x206F:
        return "general punctuation"
    if 0x2070 <= o <= 0x209F:
        return "super or subscript"
    if 0x20A0 <= o <= 0x20CF:
        return "currency"
    if 0x2100 <= o <= 0x218F:
        return "letterlike or number form"
    if 0x2190 <= o <= 0x21FF:
        return "arrow"
    if 0x2200 <= o <= 0x22FF:
        return "math"
    if 0x2300 <= o <= 0x23FF:
        return "technical"
    if 0x2500 <= o <= 0x257F:
        return "box drawing"
    if 0x2580 <= o <= 0x259F:
        return "block element"
    if 0x25A0 <= o <= 0x25FF:
        return "geometric shape"
    if 0x2600 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF:
        return "symbol"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "kana"
    if 0x3000 <= o <= 0x303F:
        return "cjk punctuation"
    if 0x2E80 <= o <= 0x2FDF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF:
        return "cjk"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0xD800 <= o <= 0xDFFF:
        return "surrogate"
    if 0xE000 <= o <= 0xF8FF or o >= 0xF0000:
        return "private use"
    if 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF:
        return "variation selector"
    if 0xFF00 <= o <= 0xFFEF:
        return "fullwidth"
    if o == 0xFFFD:
        return "replacement"
    if 0xFFF0 <= o <= 0xFFFF:
        return "specials"
    if 0x1F1E6 <= o <= 0x1F1FF:
        return "regional indicator"
    if 0x1F000 <= o <= 0x1FAFF:
        return "emoji"
    if o >= 0x10000:
        return "astral other"
    if o >= DENSE_END:
        # Above the dense table: by block, not by category (ranges stay few).
        return "other above"
    if cat.startswith("L"):
        # Hebrew, Arabic and the other scripts without capitals share one class, as the
        # alphabets do: a script the clean text lacks reads as well as one it holds.
        return "caseless letter"
    if cat.startswith("M"):
        return "caseless mark"
    if cat.startswith("N"):
        return "other number"
    if cat.startswith("P"):
        return "other punctuation"
    if cat.startswith("S"):
        return "other symbol"
    return "other"


def class_of(c):
    return name(fine_label(c), c)


# Scripts of the letters that share classes (and of the other letters below U+2600), by
# first code point of their block: 0 for Latin letters and for what is not a letter.
SCRIPT_BLOCKS = [0x370, 0x400, 0x530, 0x590, 0x600, 0x700, 0x900, 0x980, 0xA00, 0xA80,
                 0xB00, 0xB80, 0xC00, 0xC80, 0xD00, 0xD80, 0xE00, 0xE80, 0xF00, 0x1000,
                 0x10A0, 0x1100, 0x1200, 0x13A0, 0x1400, 0x1680, 0x1700, 0x1780, 0x1800,
                 0x1900, 0x1F00, 0x2000]


def script_of(o):
    c = chr(o)
    if o < 0x370 or not unicodedata.category(c).startswith("L") or 0x1D00 <= o <= 0x1EFF:
        return 0
    if 0x1F00 <= o <= 0x1FFF:
        return 1  # Greek extended: Greek
    block = max(i for i, start in enumerate(SCRIPT_BLOCKS) if start <= o)
    # Greek, Cyrillic (with its supplement) and so on, numbered from 1.
    return block + 1


def is_check(lang):
    return hashlib.sha1(lang.encode("utf-8")).digest()[0] < 86


def clean_texts(shared, check_unchanged):
    cases = os.path.join(shared, "devdata", "mojibake", "cldr-cases.jsonl")
    with open(cases, encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            if not is_check(case["lang"]):
                yield case["clean"]
                # Headlines and labels in capitals: every script's capitals follow each
                # other somewhere, though few texts show it.
                yield case["clean"].upper()
    golds = []
    for dataset in ["readability", "l3s-gn1", "cleaneval", "cleanportaleval", "dragnet",
                    "wcxb", "zh-wce", "canola", "big9", "trafilatura"]:
        golds += sorted(p for p in glob.glob(os.path.join(shared, "devdata", dataset, "*.txt"))
                        if not p.endswith(".comments.txt"))
    skipped = 0
    for path in golds:
        text = open(path, "rb").read().decode("utf-8", "replace")
        if check_unchanged:
            done = subprocess.run([check_unchanged, "clean", "--stages", "mojibake", "-q", "-"],
                                  input=text, capture_output=True, text=True)
            if done.stdout.rstrip("\n") != text.rstrip("\n"):
                skipped += 1
                continue
        yield text
    print(f"gold texts: {len(golds)}, skipped as changed by the stage today: {skipped}",
          file=sys.stderr)


def write_dense(f, name, rust_type, values, doc):
    """A static array of one value for each code point below DENSE_END, 32 to a line."""
    f.write(doc + "\n")
    f.write(f"pub(super) static {name}: [{rust_type}; {DENSE_END}] = [\n")
    for i in range(0, DENSE_END, 32):
        f.write("    " + ", ".join(str(k) for k in values[i:i + 32]) + ",\n")
    f.write("];\n\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--check-unchanged", help="an unscrape binary: skip gold texts its mojibake stage changes")
    args = ap.parse_args()
    # Classes in a fixed order: every label the dense table and the ranges use.
    for o in range(0x110000):
        if 0xD800 <= o <= 0xDFFF:
            continue
        class_of(chr(o))
    name("surrogate", "\ud800")
    n = len(NAMES)
    pairs = Counter()
    chars = Counter()
    scripts = [script_of(o) if not 0xD800 <= o <= 0xDFFF else 0 for o in range(DENSE_END)]
    letter_pairs = switches = 0
    for text in clean_texts(args.shared, args.check_unchanged):
        previous = name("space")
        previous_script = 0
        for c in text:
            k = class_of(c)
            pairs[(previous, k)] += 1
            previous = k
            if ord(c) < DENSE_END:
                chars[ord(c)] += 1
            script = scripts[ord(c)] if ord(c) < DENSE_END else 0
            if script and previous_script:
                letter_pairs += 1
                switches += script != previous_script
            previous_script = script
        pairs[(previous, name("space"))] += 1
    switch_cost = min(MAX_COST, round(-math.log2((switches + 0.5) / (letter_pairs + 1)) * SCALE))
    # The coarse class of each class, and the pairs of coarse classes.
    coarse_names = {}
    coarse = [coarse_names.setdefault(coarse_label(c), len(coarse_names)) for c in REPRESENTATIVE]
    m = len(coarse_names)
    unigram, outgoing = Counter(), Counter()
    coarse_pairs, coarse_outgoing, coarse_unigram = Counter(), Counter(), Counter()
    for (a, b), count in pairs.items():
        unigram[b] += count
        outgoing[a] += count
        coarse_pairs[(coarse[a], coarse[b])] += count
        coarse_outgoing[coarse[a]] += count
        coarse_unigram[coarse[b]] += count
    total = sum(unigram.values())
    # Every class has some chance: half a count's worth spread over the classes never seen.
    p_next = [(unigram[b] + 0.5) / (total + 0.5 * n) for b in range(n)]
    p_coarse_next = [(coarse_unigram[b] + 0.5) / (total + 0.5 * m) for b in range(m)]
    coarse_mass = Counter()
    for b in range(n):
        coarse_mass[coarse[b]] += p_next[b]
    # P(next | class): its own counts, with the prior of P(next's coarse class | class's
    # coarse class) times next's share of its coarse class (a class seen rarely falls
    # back on its coarse class, which falls back on how common the next class is).
    costs = []
    for a in range(n):
        row = []
        for b in range(n):
            ca, cb = coarse[a], coarse[b]
            p_coarse = (coarse_pairs[(ca, cb)] + PRIOR * p_coarse_next[cb]) / (coarse_outgoing[ca] + PRIOR)
            p = (pairs[(a, b)] + PRIOR * p_coarse * p_next[b] / coarse_mass[cb]) / (outgoing[a] + PRIOR)
            row.append(min(MAX_COST, round(-math.log2(p) * SCALE)))
        costs.append(row)
    # Within the Latin classes of many characters, common and rare (extended-B, IPA,
    # modifier letters, extended additional), what the character itself costs: -log2 of
    # its share of the class, with half a count for each character. "ɿ" and "ơ" share a
    # class; Vietnamese writes one of them. The classes of other scripts stay free of it:
    # they stand for scripts and languages the clean text may lack.
    members = Counter()
    class_count = Counter()
    for o in range(DENSE_END):
        if 0xD800 <= o <= 0xDFFF:
            continue
        label = fine_label(chr(o))
        if not label.startswith(WITHIN_CLASSES):
            continue
        members[label] += 1
        class_count[label] += chars[o]
    unigram_cost = [0] * DENSE_END
    for o in range(DENSE_END):
        if 0xD800 <= o <= 0xDFFF:
            continue
        label = fine_label(chr(o))
        if label in members and members[label] > 1:
            share = (chars[o] + 0.5) / (class_count[label] + 0.5 * members[label])
            unigram_cost[o] = min(MAX_COST, round(-math.log2(share) * SCALE))
    dense = [class_of(chr(o)) if not 0xD800 <= o <= 0xDFFF else name("surrogate") for o in range(DENSE_END)]
    ranges = []
    for o in range(DENSE_END, 0x110000):
        k = name("surrogate") if 0xD800 <= o <= 0xDFFF else class_of(chr(o))
        if ranges and ranges[-1][2] == k and ranges[-1][1] == o - 1:
            ranges[-1][1] = o
        else:
            ranges.append([o, o, k])
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// @generated by scripts/build_mojibake_model.py: do not edit by hand.\n")
        f.write(f"// {n} classes learned from {total} pairs of clean text.\n\n")
        write_dense(f, "DENSE", "u16", dense, "/// The class of each code point below U+2600.")
        f.write("/// The classes of the code points from U+2600 on: (first, last, class), in order.\n")
        f.write(f"pub(super) static RANGES: [(u32, u32, u16); {len(ranges)}] = [\n")
        for first, last, k in ranges:
            f.write(f"    (0x{first:x}, 0x{last:x}, {k}),\n")
        f.write("];\n\n")
        write_dense(f, "WITHIN", "u8", unigram_cost, "/// What each code point below U+2600 costs within its class (0 for a class of one).")
        write_dense(f, "SCRIPTS", "u8", scripts,
                    "/// The script of each code point below U+2600 that is a letter of an alphabet\n"
                    "/// sharing its classes with others (0: a Latin letter, or not a letter).")
        f.write(f"/// What a letter costs beside a letter of another such script ({switches} in {letter_pairs} pairs).\n")
        f.write(f"pub(super) const SWITCH: u32 = {switch_cost};\n\n")
        f.write("/// The number of classes.\n")
        f.write(f"#[cfg(test)]\npub(super) const CLASSES: usize = {n};\n\n")
        f.write("/// The class named in the model's comments, for tests.\n")
        f.write(f"#[cfg(test)]\npub(super) static NAMES: [&str; {n}] = [\n")
        for label in NAMES:
            escaped = "".join(c if " " <= c <= "~" and c not in '"\\' else f"\\u{{{ord(c):x}}}" for c in label)
            f.write(f'    "{escaped}",\n')
        f.write("];\n\n")
        f.write(f"/// -log2 P(next class | class) in units of 1/{SCALE} bit, at most {MAX_COST}: COSTS[class][next].\n")
        f.write(f"pub(super) static COSTS: [[u8; {n}]; {n}] = [\n")
        for row in costs:
            f.write("    [" + ", ".join(str(x) for x in row) + "],\n")
        f.write("];\n")
    print(f"wrote {OUT}: {n} classes, {len(ranges)} ranges, {total} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
