#!/usr/bin/env python3
"""Generate alicert's shipped corpus (corpus/) from scratch.

    python3 scripts/make_corpus.py            # rewrite corpus/, reusing corpus/keys/
    python3 scripts/make_corpus.py --fresh    # also regenerate every key and certificate

Python 3 standard library plus the `openssl` command (OpenSSL 3.0) only.

Every certificate is made by `openssl ca` with fixed serials and validity dates. Private keys,
CSRs and certificates are cached in corpus/keys/ together with the exact recipe that produced
them, so a re-run reproduces the corpus byte for byte (ECDSA and SM2 signatures are randomised
by OpenSSL 3.0, so without the cache those certificates would change on every run).

Every reported field of every positive document is computed from the parsed DER of the real
certificate (a small DER reader below), never typed in by hand; at the end each document is
decoded again and cross-checked (fingerprints, serials, dates, keys, SANs, domain coverage),
every PEM object is decoded by openssl, and positive documents are scanned for documentation
masks (`****`, `192.0.XX.XX`, `1644xx`). Any failure aborts with a message.
"""

from __future__ import annotations

import argparse
import base64
import calendar
import datetime as dt
import hashlib
import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from corpus_verify import *  # noqa: F401,F403  the generator's parts: corpus_base, _certs, _json, _docs, _errors, _verify

# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------

def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fresh", action="store_true", help="regenerate keys and certificates (corpus/keys/)")
    args = ap.parse_args()
    if args.fresh and STATE.exists():
        shutil.rmtree(STATE)
    CORPUS.mkdir(exist_ok=True)
    # Rewrite from scratch, keeping the key/certificate cache and the files other
    # tools own: fuzz regressions (regress_*) and make_der_seeds.py's seeds (gen_*).
    def kept(p: Path) -> bool:
        return p.name.startswith(("regress_", "gen_"))
    for p in CORPUS.iterdir():
        if p == STATE:
            continue
        if p.is_dir():
            for f in p.rglob("*"):
                if f.is_file() and not kept(f):
                    f.unlink()
        elif not kept(p):
            p.unlink()
    if (STATE / "recipes.json").exists():
        RECIPES.update(json.loads((STATE / "recipes.json").read_text()))

    with tempfile.TemporaryDirectory(prefix="alicert-corpus-") as tmp:
        certs, csrs = make_certificates(Path(tmp))
        # every chain must verify with openssl (dates ignored: some leaves are expired on purpose)
        d = Path(tmp)
        for leaf in CHAINS:
            issuers = issuers_of(certs, certs[leaf])
            (d / "root.pem").write_text(certs[issuers[-1]].pem)
            va = ["verify", "-no_check_time", "-CAfile", str(d / "root.pem")]
            if issuers[:-1]:
                (d / "untrusted.pem").write_text(chain_pem(certs, issuers[:-1]))
                va += ["-untrusted", str(d / "untrusted.pem")]
            out = subprocess.run([OPENSSL, *va], input=certs[leaf].pem.encode(), capture_output=True)
            if out.returncode != 0 or b"OK" not in out.stdout:
                die(f"openssl verify failed for {leaf}: {out.stdout.decode()} {out.stderr.decode()}")

    for p in STATE.iterdir():  # drop what no recipe uses any more
        if p.name not in USED and p.name not in ("README.md", "recipes.json"):
            p.unlink()
    write(STATE / "recipes.json", json.dumps({k: RECIPES[k] for k in sorted(USED)}, indent=1) + "\n")
    write(STATE / "README.md", "Test-only keys, CSRs (DER) and certificates of scripts/make_corpus.py; recipes.json "
          "holds a hash of the recipe\nthat made each one. They are reused while the recipe is unchanged so that a re-run reproduces "
          "corpus/ byte for byte;\n`python3 scripts/make_corpus.py --fresh` regenerates them. Never use them "
          "for anything else.\n")
    counts: dict[str, int] = {}

    def put(rel: str, data) -> None:
        write(CORPUS / rel, data)
        top = rel.split("/")[0]
        counts[top] = counts.get(top, 0) + 1

    for name, c in certs.items():
        put(f"pem/{name}.pem", c.pem)
        put(f"der/{name}.der", c.der)
    for leaf, names in CHAINS.items():
        put(f"pem/chain-{leaf}.pem", chain_pem(certs, names))

    cas = cas_documents(certs)
    for name, (d, style, asc) in cas.items():
        put(f"parse_cas/{name}.json", doc_text(d, style, asc, final_newline=style != "compact"))
    kms = kms_documents(certs, csrs)
    for name, (d, g, style) in kms.items():
        ind = 4 if style == "pretty4" else 2
        st = "pretty" if style == "pretty4" else style
        put(f"parse_kms/{name}.describe.json", doc_text(d, st, indent=ind))
        put(f"parse_kms/{name}.get.json", doc_text(g, st, indent=ind))
    cdn = cdn_documents(certs)
    for name, (d, style) in cdn.items():
        ind = 4 if style == "pretty4" else 2
        put(f"parse_cdn/{name}.json", doc_text(d, "pretty" if style == "pretty4" else style, indent=ind))
    errs = error_documents()
    for name, (d, style) in errs.items():
        put(f"parse_error/{name}.json", doc_text(d, style))
    mal = malformed_documents(cas["rsa2048_documented_shape"][0], cdn["documented_shape_chain"][0],
                              kms["rsa2048_pss"][0])
    for name, data in mal.items():
        put(f"parse_malformed/{name}.json", data)
    for name, text in inner_texts(certs).items():
        put(f"inner/{name}.txt", text)

    # streams
    C = lambda d: doc_text(d, "compact")  # noqa: E731  one line per document
    kd, kg = kms["rsa2048_documented_shape"][:2]
    pd, pg = kms["rsa2048_pss"][:2]
    sd, sg = kms["sm2"][:2]
    ed, eg = kms["ec_p256_null_sans"][:2]
    put("stream/mixed_apis.ndjson", "".join(C(x) for x in [
        cas["rsa2048_documented_shape"][0], kd, cdn["documented_shape_chain"][0], kg,
        errs["kms_certificate_not_found"][0], cas["sm2_unicode_escapes"][0], cdn["list_of_ten"][0],
        errs["lowercase_keys"][0], cas["ec_p384_days_rounded_up"][0]]))
    put("stream/concatenated_no_newlines.json", "".join(doc_text(x, "compact", final_newline=False) for x in [
        cas["ec_p521_selfsigned_2098"][0], cdn["dates_cst_offset"][0], errs["cas_not_found"][0], pg, pd,
        cdn["cert_infos_bare_array"][0]]))
    put("stream/concatenated_pretty.json", "".join(doc_text(x, "pretty") for x in [
        cas["rsa3072_client_rfc4514_escapes"][0], errs["cdn_cert_not_existed_code_first"][0],
        cdn["domain_list_string_json_three_blocks"][0], sd, sg]))
    bad_mid = b'{"RequestId" "0F5B2C1E-0000-4000-A000-000000000000", "Code": "NotFound", "Message": "missing colon"}\n'
    put("stream/malformed_in_middle.ndjson", (C(cas["v1_no_extensions_empty_sans"][0]) + C(cdn["dates_iso8601"][0])
                                              ).encode() + bad_mid + (C(errs["cas_not_found"][0]) + C(eg) + C(ed)).encode())
    put("stream/truncated_at_end.ndjson", (C(cas["root_ca_sans_null"][0]) + C(errs["kms_certificate_not_found"][0])
                                           ).encode() + C(cdn["cn_only_no_san_v1"][0]).encode()[:200])
    put("stream/kms_describe_then_get.ndjson", "".join(C(x) for x in [kd, cas["ed25519_not_yet_valid"][0], kg]))
    put("stream/kms_get_then_describe.ndjson", "".join(C(x) for x in [pg, cdn["dates_1950_9999"][0], pd]))
    lone = kms["ec_p256k_selfsigned"][0]
    put("stream/kms_pairs_interleaved.json", "".join(doc_text(x, "pretty") for x in [
        kd, sd, sg, errs["cas_forbidden_access_denied_detail"][0], kg, lone]))
    pool = [v[0] for v in cas.values()] + [v[0] for v in cdn.values()] + [v[0] for v in errs.values()]
    fifty, k = [], 0
    kms_list = list(kms.values())
    while len(fifty) < 50:
        if k % 5 == 4 and len(fifty) <= 48:  # a KMS pair, describe or get first
            d_, g_ = kms_list[(k // 5) % len(kms_list)][:2]
            fifty += [d_, g_] if (k // 5) % 2 else [g_, d_]
        else:
            fifty.append(pool[k % len(pool)])
        k += 1
    put("stream/fifty_documents.ndjson", "".join(C(x) for x in fifty))

    # full-check seeds
    for n in ("rsa2048_documented_shape", "sm2_unicode_escapes", "ec_p384_state_as_S_duplicate_keys",
              "rsa4096_expired_numeric_strings"):
        d, style, asc = cas[n]
        put(f"check/cas_{n}.json", doc_text(d, style, asc))
    for n in ("documented_shape_chain", "list_of_ten", "domain_list_comma_wildcard"):
        put(f"check/cdn_{n}.json", doc_text(cdn[n][0], "pretty"))
    for n in ("rsa2048_documented_shape", "sm2", "ec_p256_null_sans", "rsa3072_ski_method2"):
        d, g, _ = kms[n]
        put(f"check/kms_{n}.ndjson", C(d) + C(g))
    put("check/error_kms_certificate_not_found.json", doc_text(errs["kms_certificate_not_found"][0]))
    # Chains that must fail, seeds of the check target only (never in the main job):
    # an impostor issuer (same name, another key), a truncated issuer, a signature
    # algorithm OpenSSL does not verify (sha256WithRSA's OID turned into md2WithRSA's).
    leaf, ca = certs["leaf-rsa2048"], certs["int-rsa"]
    lines = ca.pem.split("\n")
    truncated = "\n".join(lines[:4] + ["-----END CERTIFICATE-----", ""])
    sha256_rsa, md2_rsa = bytes.fromhex("06092a864886f70d01010b"), bytes.fromhex("06092a864886f70d010102")
    unsupported = to_pem(leaf.der.replace(sha256_rsa, md2_rsa), "CERTIFICATE")
    negative = {"impostor": leaf.pem + certs["impostor-int-rsa"].pem, "truncated": leaf.pem + truncated,
                "unsupported": unsupported + ca.pem}
    for name, pem in negative.items():
        info = cdn_info(certs, "leaf-rsa2048", "1644990" + str(len(name)), f"negative_{name}",
                        domains=["www.aliyundoc.com"]).set("HttpsCrt", pem)
        put(f"check/negative_chain_{name}.json", doc_text(cdn_envelope("negative:" + name, O(("CertInfo", [info])))))
    put("check/negative_chain_impostor_kms.json", doc_text(O(
        ("CertificateId", uuid_of("negative-kms-impostor", upper=False)), ("Certificate", leaf.pem),
        ("CertificateChain", certs["impostor-int-rsa"].pem), ("RequestId", uuid_of("negative-kms")))))
    import corpus_siblings  # the sibling APIs (docs/siblings.md)
    me = sys.modules[__name__]
    for rel, text in corpus_siblings.build(me, certs, STATE).items():
        put(rel, text)
    put("README.md", README)

    # verification of everything written
    v = Verifier(certs)
    for folder in ("parse_cas", "parse_kms", "parse_cdn", "parse_error", "check", "stream"):
        for p in sorted((CORPUS / folder).iterdir()):
            if folder == "stream" and p.name in ("malformed_in_middle.ndjson", "truncated_at_end.ndjson"):
                continue
            if p.name.startswith("regress_"):  # fuzz findings, not positive documents
                continue
            if p.name.endswith("_with_details.ndjson"):  # the sibling APIs': corpus_siblings verifies them
                continue
            if p.name.startswith("negative_"):  # failing on purpose
                continue
            v.file(p, multi=p.suffix == ".ndjson" or folder == "stream")
    pairs = {}
    for p in sorted((CORPUS / "parse_kms").glob("*.json")):
        case, kind = p.name.rsplit(".", 2)[:2]
        pairs.setdefault(case, {})[kind] = json.loads(p.read_bytes())
    for case, dg in pairs.items():
        if dg["describe"]["CertificateId"] != dg["get"]["CertificateId"]:
            die(f"parse_kms/{case}: CertificateId differs between describe and get")
        c = v.cert(dg["get"]["Certificate"], case)
        v.check_kms_pair(dg["describe"], c, f"parse_kms/{case}")
    sv = corpus_siblings.Verifier(me, v.by_der)
    for folder in corpus_siblings.FOLDERS:
        for p in sorted((CORPUS / folder).iterdir()):
            if not p.name.startswith("regress_"):
                sv.file(p)
    for p in sorted((CORPUS / "check").glob("*_with_details.ndjson")):
        sv.file(p)
    for p in sorted((CORPUS / "parse_malformed").iterdir()):
        if p.name.startswith("regress_"):
            continue
        code = p.name.split("__")[0]
        try:
            json.loads(p.read_bytes())
            ok = code in ("unknown_shape", "wrong_type", "number_out_of_range", "depth_exceeded")
        except (ValueError, UnicodeDecodeError, RecursionError):
            ok = code in ("malformed_json", "invalid_utf8", "empty_input")
        if not ok:
            die(f"{p.name}: JSON validity does not fit its code")
    for p in sorted((CORPUS / "pem").iterdir()):
        for label, der in pem_blocks(p.read_text()):
            v.openssl_decode(label, der)
    for p in sorted((CORPUS / "der").iterdir()):
        if p.name.startswith(("regress_", "gen_")):  # fuzz findings and mutants, some undecodable on purpose
            continue
        v.openssl_decode("CERTIFICATE", p.read_bytes())

    order = ["pem", "der", "parse_cas", "parse_kms", "parse_cdn", "parse_error", "parse_malformed", "inner",
             "stream", "check", *corpus_siblings.FOLDERS]
    print("make_corpus: " + " ".join(f"{k}={counts.get(k, 0)}" for k in order) +
          f" | {len(certs)} certificates, {v.docs} + {sv.docs} positive documents cross-checked, "
          f"{v.pem_objects} PEM/DER objects decoded by openssl")


README = """# alicert test corpus

Generated by `python3 scripts/make_corpus.py` (Python 3 standard library + the `openssl` CLI of
OpenSSL 3.0); do not edit by hand. The script deletes and rewrites every folder here except
`keys/`, then re-reads and cross-checks what it wrote, and prints one line of counts.
`--fresh` also regenerates `keys/`.

| folder | what it holds |
|---|---|
| `pem/`, `der/` | the certificates, one per file (`<name>.pem` / `<name>.der`); `pem/chain-<leaf>.pem` holds a leaf followed by its issuers |
| `parse_cas/` | CAS `DescribeClientCertificate` responses, one document per file |
| `parse_kms/` | KMS `DescribeCertificate` (`<case>.describe.json`) and its `GetCertificate` (`<case>.get.json`), same `CertificateId` per pair |
| `parse_cdn/` | CDN `DescribeCertificateInfoByID` responses, every list shape |
| `parse_error/` | API error envelopes (`Certificate.NotFound`, `CertNotExisted`, `NotFound`, ...) |
| `parse_malformed/` | documents that must be refused: `<expected error code>__<what>.json` |
| `inner/` | raw inner texts (not JSON documents): `sans_*`, `kms_sans_*`, `domain_list_*`, `tags_*` |
| `stream/` | multi-document inputs: NDJSON, concatenated documents, a malformed one in the middle, a truncated one at the end, KMS describe/get pairs in both orders |
| `check/` | seeds for the full-check fuzzer; the KMS ones are describe+get pairs in one NDJSON file |
| `keys/` | test-only keys, CSRs (DER) and certificates, and `recipes.json` (a hash of the recipe of each); reused while the recipe is unchanged so that re-runs are byte-identical |

## Rules

- **Positive documents are consistent**: every reported field (serial, dates, DNs, name fields,
  SANs, fingerprints, key algorithm and size, signature algorithm, KMS key spec, subject key
  identifier and public key, CDN domain list) is computed from the DER of the certificate the
  document carries (or, for KMS `DescribeCertificate`, the certificate of its `GetCertificate`).
  `alicert check` on any of them must report no `mismatch` and no `invalid` finding.
  Values are shaped as the APIs send them (numbers as strings, hex with colons or padding, PEM
  with CRLF, spaces or literal `\\n`, DNs in any RDN order with RFC 4514 escapes, ...), never
  wrong. One exception by design: `parse_cas/ec_p384_state_as_S_duplicate_keys.json` repeats
  `SerialNumber` and `Status` with wrong values *after* the right ones: the first occurrence
  counts (responses.md, Shared shapes).
- **Positive documents are never masked**: no `****`, no `192.0.XX.XX`, no `1644xx`. The masked
  documentation samples live in `tests/data/samples/` only.
- Documents whose field is reported as absent (`Sans: null`, `""`) are still consistent.
- `parse_malformed/` names carry the expected `error.code`.

## Certificates

| name | key | signed by / with | serial | validity | notes |
|---|---|---|---|---|---|
| root-rsa | RSA 4096 | self, sha384WithRSA | 01 | 2015-01-01 .. 2045-01-01 | root CA |
| int-rsa | RSA 3072 | root-rsa, sha256WithRSA | 8f3a5c7e9b1d2f40 (high bit) | 2016 .. 2036 | issuing CA, O=阿里云计算有限公司 |
| leaf-rsa2048 | RSA 2048 | int-rsa, sha256WithRSA | 20 bytes | 2026-01-15 .. 2028-01-15 | DNS incl. `*.aliyundoc.com`, IPv4, IPv6 |
| leaf-rsa3072-client | RSA 3072 | int-rsa, sha384WithRSA | c3a19f00d2e4b6a8 (high bit) | 2025-06-01 .. 2027-06-01 | `,` `+` `"` `\\` in values, multi-valued RDN CN+UID, email, URI, otherName, dirName SANs |
| leaf-rsa4096 | RSA 4096 | int-rsa, sha512WithRSA | 19 bytes, high bit (20 DER octets) | 2021-10-15 .. 2022-10-15 (expired) | |
| root-ec | EC P-384 | self, ecdsa-with-SHA384 | 5ec00001 | 2015 .. 2045 | root CA |
| int-ec | EC P-384 | root-ec, ecdsa-with-SHA384 | 1001 | 2016 .. 2036 | issuing CA |
| leaf-ec-p256 | EC P-256 | int-ec, ecdsa-with-SHA256 | 0abcdef012345678 | 2026-01-01 .. 2027-01-01 | emailAddress in DN; DNS, IPv4, IPv6, email, URI |
| leaf-ec-p384 | EC P-384 | int-ec, ecdsa-with-SHA384 | 3c5b7d9f | 2026-02-01 .. 2027-02-01T12:00 (365.5 days) | wildcard CN/SAN |
| ss-ec-p521 | EC P-521 | self, ecdsa-with-SHA512 | 20 bytes | 2015-12-21 .. 2098-02-08 (GeneralizedTime) | L=München |
| ss-ec-secp256k1 | EC secp256k1 | self, ecdsa-with-SHA256 | 2710 | 2026-03-01 .. 2029-03-01 | KMS EC_P256K |
| ss-ed25519 | Ed25519 | self, Ed25519 | 025519 | 2030-01-01 .. 2031-01-01 (not yet valid) | |
| ss-v1-nosan | RSA 2048 | self, sha256WithRSA | 2a | 2019-12-31 .. 2049-12-31 | version 1, no extensions, O with `,` and `+` |
| ss-rsa2048-1950-9999 | RSA 2048 | self, sha256WithRSA | 7fffffffffffffff | 1950-01-01 .. 9999-12-31T23:59:59 | extreme dates |
| ca-sm2 | SM2 | self, SM2-with-SM3 | 5302 | 2020 .. 2040 | Chinese names |
| leaf-sm2 | SM2 | ca-sm2, SM2-with-SM3 | 80 (needs a 00 byte) | 2026-01-01 .. 2028-01-01 | Chinese names |
| kms-ca | RSA 2048 | self, sha256WithRSA | 01 | 2020 .. 2040 | `CN=testCA,OU=kms,O=aliyun,C=CN` |
| kms-rsa2048 | RSA 2048 | kms-ca, sha256WithRSA | 12345678 decimal (bc614e) | 2020-10-13 .. 2022-10-13 | the KMS sample's values, unmasked |
| kms-rsa-pss | RSA 2048 | kms-ca, RSASSA-PSS SHA-256 | 55aa55aa | 2026-01-15 .. 2027-01-15 | |
| kms-rsa3072 | RSA 3072 | kms-ca, sha256WithRSA | 3072 | 2026-01-15 .. 2028-01-15 | subjectKeyIdentifier by RFC 5280 method 2 |

Regenerate: `python3 scripts/make_corpus.py` (a few seconds; `--fresh` for new keys).
"""

if __name__ == "__main__":
    main()
