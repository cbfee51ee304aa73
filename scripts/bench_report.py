#!/usr/bin/env python3
# The report of a scripts/bench.sh run (run by it; not on its own): reads the
# raw results in OUT (default.json, haswell.json, process.tsv,
# whole_process.txt), writes REPORT (the table, the ratio lines) and, with
# UPDATE_DOCS 1, the results section of docs/benchmarks.md and the summary
# in README.md, between their markers.
#
#   bench_report.py OUT REPORT UPDATE_DOCS DOCS README COMMIT
import json, os, re, statistics, subprocess, sys

out, report_path, update_docs, docs_path = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
readme_path, commit = sys.argv[5], sys.argv[6]

# Every API the bench runs; PEM_APIS embed a certificate (luco and slb pair
# with the gucd documents' certificates instead, so have no OpenSSL check).
APIS = ["cas", "kms", "cdn", "gucd", "luco", "cdn_domain", "dcdn", "slb"]
SIBLINGS = APIS[3:]
PEM_APIS = ["cas", "kms", "cdn", "gucd", "cdn_domain", "dcdn"]

cvs = {}
def load(name):
    name_of = name
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return None, {}
    with open(path) as f:
        data = json.load(f)
    rows = {}
    for b in data["benchmarks"]:
        # The spread of each benchmark's repetitions (CPU time), kept apart.
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") == "cv":
            cvs[(name_of, b.get("run_name", b["name"]))] = b["cpu_time"]
        # Medians of the repetitions; a run without repetitions has only iterations.
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        if b.get("run_type") == "iteration" and name in rows:
            continue
        rows[name] = b
    return data.get("context", {}), rows

context, rows = load("default.json")
hcontext, hrows = load("haswell.json")

UNIT = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
def ns_per_doc(b):
    t = b["cpu_time"] * UNIT[b.get("time_unit", "ns")]
    return t / max(b.get("docs_per_iter", 1.0), 1e-12)

def get(r, name):
    return r.get(name)

def fmt_time(ns):
    if ns >= 1e6: return f"{ns/1e6:.2f} ms"
    if ns >= 1e3: return f"{ns/1e3:.2f} µs"
    return f"{ns:.0f} ns"

def fmt_rate(x):
    if x >= 1e6: return f"{x/1e6:.2f} M"
    if x >= 1e3: return f"{x/1e3:.1f} k"
    return f"{x:.1f}"

lines = []
def emit(s=""):
    lines.append(s)

cpu = ""
try:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.+)", lscpu)
    cores = re.search(r"^CPU\(s\):\s*(\d+)", lscpu, re.M)
    cpu = f"{model.group(1).strip() if model else '?'}, {cores.group(1) if cores else '?'} logical CPUs"
except OSError:
    pass
emit(f"Machine: {cpu}; {context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz (Google Benchmark's reading); "
     f"load average at start {', '.join(f'{x:.2f}' for x in context.get('load_avg', []))}.")
emit(f"simdjson On-Demand kernel of the default build: **{context.get('simdjson_ondemand_kernel', '?')}**; "
     f"stage 1 (runtime-dispatched): {context.get('simdjson_active', '?')}; "
     f"corpus units: cas {context.get('units_cas', '?')}, kms {context.get('units_kms', '?')} describe+get pairs, "
     f"cdn {context.get('units_cdn', '?')}.")
emit("Sibling API units: " + ", ".join(f"{api} {context.get('units_' + api, '?')}" for api in SIBLINGS) + ".")
emit("")

groups = [
    ("alicert", ["alicert_parse", "alicert_parse_check", "alicert_check_only", "alicert_pem_decode", "alicert_read_certificate"]),
    ("floors", ["floor_simdjson_walk", "floor_sha256_md5", "floor_sha256_md5_lowlevel",
                "floor_sha256_md5_interleaved", "floor_base64", "floor_leaf_signatures"]),
    ("peers", ["peer_jsoncpp_sdk", "peer_nlohmann", "peer_openssl_check", "peer_sdk_openssl", "peer_d2i_X509", "peer_mbedtls_der"]),
]
emit("| API | benchmark | time/doc | docs/s | bytes/s | allocs/doc (new) | allocs/doc (OpenSSL) |")
emit("|---|---|---:|---:|---:|---:|---:|")
for api in APIS:
    for _, names in groups:
        for n in names:
            b = get(rows, f"{api}/{n}")
            if not b: continue
            t = ns_per_doc(b)
            emit(f"| {api} | {n} | {fmt_time(t)} | {fmt_rate(b.get('items_per_second', 0))} | "
                 f"{b.get('bytes_per_second', 0)/1e6:.0f} MB/s | {b.get('allocs_per_doc', 0):.2f} | {b.get('ossl_allocs_per_doc', 0):.2f} |")
emit("")
emit("KMS: one document = a GetCertificate and its DescribeCertificate (both parsed; the get checked, then the describe checked against it).")
emit("luco and slb embed no certificate: their check is given the certificates of the gucd documents to pair with (by id, else by digest), as `alicert check` pairs within its window.")
emit("")

scale = sorted(n for n in rows if n.startswith("scale/"))
if scale:
    emit("| scaling | time/iteration | per item | items/s | allocs/doc (new) | allocs/doc (OpenSSL) |")
    emit("|---|---:|---:|---:|---:|---:|")
    for n in scale:
        b = rows[n]
        t_iter = b["cpu_time"] * UNIT[b.get("time_unit", "ns")]
        ips = b.get("items_per_second", 0)
        emit(f"| {n} | {fmt_time(t_iter)} | {fmt_time(1e9/ips) if ips else '-'} | {fmt_rate(ips)} | "
             f"{b.get('allocs_per_doc', 0):.2f} | {b.get('ossl_allocs_per_doc', 0):.2f} |")
    emit("")
    emit("Items: certificates for cdn_list_N, documents otherwise. The stream mixes the corpus's CAS, KMS and CDN documents.")
    emit("")

# In all_key_types() order (bench/certificates.cpp): the JSON's order is shuffled with the repetitions.
CHAIN_ORDER = ["rsa2048", "rsa2048_pss", "rsa3072", "rsa4096", "p256", "p384", "p521", "secp256k1",
               "ed25519", "ed448", "sm2"]
chain_keys = []
for n in rows:
    m = re.match(r"chain/([^/]+)/x509_verify$", n)
    if m and m.group(1) not in chain_keys:
        chain_keys.append(m.group(1))
chain_keys.sort(key=lambda k: (CHAIN_ORDER.index(k) if k in CHAIN_ORDER else len(CHAIN_ORDER), k))
if chain_keys:
    emit("Chain links, per issuer key type (a CDN document: a P-256 leaf and the CA that signed it):")
    emit("")
    emit("| issuer key | check with the CA | check of the leaf alone | the link | X509_verify | link / X509_verify | OpenSSL allocs/link (alicert, X509_verify) |")
    emit("|---|---:|---:|---:|---:|---:|---:|")
    for k in chain_keys:
        c, l, v = (rows.get(f"chain/{k}/{n}") for n in ("alicert_check_chain", "alicert_check_leaf", "x509_verify"))
        if not (c and l and v): continue
        link = ns_per_doc(c) - ns_per_doc(l)
        emit(f"| {k} | {fmt_time(ns_per_doc(c))} | {fmt_time(ns_per_doc(l))} | {fmt_time(link)} | {fmt_time(ns_per_doc(v))} | "
             f"{link / ns_per_doc(v):.2f} | {c.get('ossl_allocs_per_doc', 0) - l.get('ossl_allocs_per_doc', 0):.0f}, {v.get('ossl_allocs_per_doc', 0):.0f} |")
    emit("")

if hrows:
    emit(f"Kernel comparison (same sources; -march=haswell build's On-Demand kernel: **{hcontext.get('simdjson_ondemand_kernel', '?')}**):")
    emit("")
    emit("| API | benchmark | default build | -march=haswell | haswell / default time |")
    emit("|---|---|---:|---:|---:|")
    for api in APIS:
        for n in ["alicert_parse", "alicert_parse_check", "floor_simdjson_walk"]:
            a, h = get(rows, f"{api}/{n}"), get(hrows, f"{api}/{n}")
            if a and h:
                emit(f"| {api} | {n} | {fmt_time(ns_per_doc(a))} | {fmt_time(ns_per_doc(h))} | {ns_per_doc(h)/ns_per_doc(a):.3f} |")
    emit("")

proc = os.path.join(out, "process.tsv")
if os.path.exists(proc):
    emit("`alicert check --json` as one process (`/usr/bin/time -v`):")
    emit("")
    emit("| documents | input | max RSS | RSS − input | wall time | user time | user time/doc |")
    emit("|---:|---:|---:|---:|---:|---:|---:|")
    with open(proc) as f:
        for line in f:
            n, size, rss, elapsed, user = line.rstrip("\n").split("\t")
            size_mb, rss_mb = int(size) / 2**20, int(rss) / 1024
            per_doc = float(user) * 1e9 / int(n)
            emit(f"| {int(n):,} | {size_mb:.1f} MiB | {rss_mb:.1f} MiB | {rss_mb - size_mb:.1f} MiB | {elapsed} | {user} s | {fmt_time(per_doc)} |")
    emit("")

# How steady the machine was: the coefficient of variation of each
# benchmark's repetitions, over the default build's benchmarks.
default_cvs = sorted(v for (f, _), v in cvs.items() if f == "default.json")
if default_cvs:
    noise_sentence = (f"Spread of the repetitions (coefficient of variation of CPU time) over the "
                      f"{len(default_cvs)} benchmarks: median {100 * statistics.median(default_cvs):.1f}%, "
                      f"largest {100 * default_cvs[-1]:.1f}%.")
else:
    noise_sentence = "No repetitions: no spread to report."
emit(noise_sentence)
emit("")

def ratio(num, den):
    return f"{num/den:.2f}" if num and den else "n/a"

final = []
def t(api, n):
    b = get(rows, f"{api}/{n}")
    return ns_per_doc(b) if b else None
for api in APIS:
    p, w = t(api, "alicert_parse"), t(api, "floor_simdjson_walk")
    final.append(f"ratio parse_vs_simdjson_walk {api} {ratio(w, p)}")
for api in APIS:
    final.append(f"ratio parse_vs_jsoncpp {api} {ratio(t(api, 'peer_jsoncpp_sdk'), t(api, 'alicert_parse'))}")
# The digest floor is the fastest of the ways the bench computes the two digests.
def hash_floor(api):
    return min([x for x in (t(api, n) for n in ("floor_sha256_md5", "floor_sha256_md5_lowlevel",
                                                "floor_sha256_md5_interleaved")) if x], default=None)
final.append(f"ratio check_vs_hash_floor cas {ratio(t('cas', 'alicert_parse_check'), hash_floor('cas'))}")
for api in PEM_APIS:
    final.append(f"ratio check_vs_naive_openssl {api} {ratio(t(api, 'peer_openssl_check'), t(api, 'alicert_check_only'))}")
# The signature floor (bench/bench_signature_floor.cpp): the check against
# X509_verify of the checked certificates alone (below 1: the whole check
# costs less than OpenSSL's own call for its signatures), and the usual
# OpenSSL check against that floor (the check_vs_naive_openssl ratio of a
# checker that did nothing but those X509_verify calls).
SIG_APIS = [a for a in PEM_APIS if t(a, "floor_leaf_signatures")]
for api in SIG_APIS:
    final.append(f"ratio check_vs_signature_floor {api} {ratio(t(api, 'alicert_check_only'), t(api, 'floor_leaf_signatures'))}")
for api in SIG_APIS:
    final.append(f"ratio naive_openssl_vs_signature_floor {api} {ratio(t(api, 'peer_openssl_check'), t(api, 'floor_leaf_signatures'))}")
for k in chain_keys:
    c, l, v = t(f"chain/{k}", "alicert_check_chain"), t(f"chain/{k}", "alicert_check_leaf"), t(f"chain/{k}", "x509_verify")
    final.append(f"ratio chain_vs_x509_verify {k} " + (f"{(c - l) / v:.2f}" if c and l and v else "n/a"))
for api in APIS:
    b = get(rows, f"{api}/alicert_parse_check")
    final.append(f"allocations_per_document {api} " +
                 (f"{b.get('allocs_per_doc', 0) + b.get('ossl_allocs_per_doc', 0):.2f}" if b else "n/a"))

for api in SIG_APIS:
    b = get(rows, f"{api}/floor_leaf_signatures")
    final.append(f"allocations_signature_floor {api} {b.get('allocs_per_doc', 0) + b.get('ossl_allocs_per_doc', 0):.2f}")

emit("End to end (SDK parse + usual OpenSSL check, against alicert parse + check): " +
     ", ".join(f"{api} {ratio(t(api, 'peer_sdk_openssl'), t(api, 'alicert_parse_check'))}×" for api in PEM_APIS) + ".")
emit("")
emit("```")
for f in final:
    emit(f)
emit("```")

text = "\n".join(lines) + "\n"
with open(report_path, "w") as f:
    f.write(text)

# The README's summary of the same run: the headline rows, every ratio line
# and the whole-process lines, so that the README's table is always one run.
def readme_summary():
    r = []
    try:
        ossl = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.split()[1]
    except (OSError, IndexError):
        ossl = "?"
    r.append(f"Latest full run: `scripts/bench.sh --update-docs` from a clone of {commit}, on {cpu}; "
             f"OpenSSL {ossl}; CPU-time medians of the repetitions; simdjson On-Demand kernel "
             f"{context.get('simdjson_ondemand_kernel', '?')}, stage 1 {context.get('simdjson_active', '?')} "
             "(dispatched at run time).")
    r.append("")
    r.append(noise_sentence)
    r.append("")
    label = {"cas": "CAS", "kms": "KMS (describe + get)", "cdn": "CDN", "gucd": "GUCD", "luco": "LUCO",
             "cdn_domain": "CDN domain", "dcdn": "DCDN", "slb": "SLB"}
    r.append("| per document | " + " | ".join(label[a] for a in APIS) + " |")
    r.append("|---|" + "---:|" * len(APIS))
    def row(title, fn):
        cells = []
        for a in APIS:
            v = fn(a)
            cells.append(fmt_time(v) if v else "")
        r.append(f"| {title} | " + " | ".join(cells) + " |")
    row("alicert parse (every field touched)", lambda a: t(a, "alicert_parse"))
    row("alicert parse + full check", lambda a: t(a, "alicert_parse_check"))
    row("bare simdjson On-Demand walk", lambda a: t(a, "floor_simdjson_walk"))
    row("SHA-256 + MD5 of the DER (fastest floor)", hash_floor)
    row("X509_verify of the checked certificates (signature floor)", lambda a: t(a, "floor_leaf_signatures"))
    row("JsonCpp, as the official C++ SDK parses", lambda a: t(a, "peer_jsoncpp_sdk"))
    row("the usual OpenSSL check", lambda a: t(a, "peer_openssl_check"))
    r.append("")
    proc_lines = []
    wp = os.path.join(out, "whole_process.txt")
    if os.path.exists(wp):
        with open(wp) as f:
            proc_lines = [l.rstrip("\n") for l in f if l.strip()]
    for l in final + proc_lines:
        r.append("    " + l)
    return "\n".join(r) + "\n"

def replace_between(path, begin, end, body):
    if not os.path.exists(path):
        return
    with open(path) as f:
        doc = f.read()
    if begin in doc and end in doc:
        doc = doc[: doc.index(begin) + len(begin)] + "\n" + body + doc[doc.index(end):]
        with open(path, "w") as f:
            f.write(doc)
        print(f"bench.sh: updated {path}", file=sys.stderr)

if update_docs:
    replace_between(docs_path, "<!-- bench:begin -->", "<!-- bench:end -->", text)
    replace_between(readme_path, "<!-- bench-readme:begin -->", "<!-- bench-readme:end -->", readme_summary())

# Everything but the ratio lines goes first; the ratio lines end the output.
print("\n".join(lines[:-(len(final) + 2)]))
print(f"(report: {report_path})")
print("\n".join(final))
