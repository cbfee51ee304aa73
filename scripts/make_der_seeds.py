#!/usr/bin/env python3
"""Writes extra DER seeds for the `der` fuzz target into corpus/der/gen_*.der.

    python3 scripts/make_der_seeds.py            # rewrites corpus/der/gen_*
    python3 scripts/make_der_seeds.py --check    # also asks `openssl x509` about each seed

Python 3 standard library plus the `openssl` command (3.0). The certificates
are assembled here, field by field, with a small DER encoder, so that every
shape the reader must face can be written on purpose: every key type, odd
serials, both time encodings (and broken ones), every DirectoryString kind,
multi-valued and empty RDNs, every GeneralName kind, SKI variants, versions,
BER liberties (long-form and indefinite lengths, constructed strings),
truncated and over-long lengths, trailing data. Signatures are filler bytes:
neither OpenSSL's d2i_X509 nor alicert's reader verifies them.

Deterministic: the same seeds byte for byte on every run. Keys come from fixed
private values (EC d = 1 gives the curve's generator, Ed25519/Ed448 from fixed
seeds) turned into public keys by `openssl pkey`; RSA and DSA public keys are
numbers made up here (parsers do not check them). Only files named gen_* are
touched, so the files of scripts/make_corpus.py stay as they are; its
certificates (corpus/der/*.der) are also mutated into truncated, padded and
BER-encoded variants.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from der_building import *  # noqa: F401,F403  the DER encoder, keys and certificate assembly


# ------------------------------------------------------------------ the seeds


def seeds() -> dict[str, bytes]:
    s: dict[str, bytes] = {}

    # Every key type, with a matching signature algorithm.
    for kname, (spki, sig) in KEYS.items():
        s[f"key_{kname}"] = cert(tbs(sig=sig, spki=spki, extensions=default_exts()), sig)

    # Serials.
    serials = {
        "zero": integer_raw(b"\x00"), "one": integer(1), "7f": integer(0x7F), "80_padded": integer(0x80),
        "negative_one": integer(-1), "negative_128": integer(-128), "negative_big": integer(-(2 ** 150 + 12345)),
        "20_octets": integer(int.from_bytes(b"\x7f" + bytes(range(1, 20)), "big")),
        "21_octets_high": integer(int.from_bytes(b"\xff" * 20, "big")),
        "40_octets": integer(int.from_bytes(hashlib.sha512(b"x").digest()[:40], "big") | (1 << 318)),
        "nonminimal_00": integer_raw(b"\x00\x00\x12"), "nonminimal_ff": integer_raw(b"\xff\xff\x80"),
        "empty": integer_raw(b""), "single_00_00": integer_raw(b"\x00\x00"),
    }
    for sname, sv in serials.items():
        s[f"serial_{sname}"] = cert(tbs(serial=sv, extensions=default_exts()))

    # Times: both encodings, edges, and texts that are not times.
    times = {
        "utc_1950": (utc("500101000000Z"), utc("491231235959Z")),
        "utc_2049": (utc("490101000000Z"), gen("20500101000000Z")),
        "gen_both": (gen("20260101000000Z"), gen("99991231235959Z")),
        "gen_fraction": (gen("20260101000000.123Z"), gen("20270101000000.5Z")),
        "gen_year_0000": (gen("00000101000000Z"), gen("00010101000000Z")),
        "utc_no_seconds": (utc("2601010000Z"), utc("2801010000Z")),
        "utc_offset": (utc("260101000000+0800"), utc("280101000000-0130")),
        "gen_offset": (gen("20260101000000+0800"), gen("20280101000000Z")),
        "gen_no_z": (gen("20260101000000"), gen("20280101000000")),
        "leap_day": (utc("240229120000Z"), utc("250229120000Z")),
        "month_13": (utc("261301000000Z"), utc("280101000000Z")),
        "hour_24": (utc("260101240000Z"), utc("280101000000Z")),
        "second_60": (utc("261231235960Z"), utc("280101000000Z")),
        "not_digits": (utc("abcdefghijklZ"), utc("280101000000Z")),
        "empty": (utc(""), gen("")),
        "utc_as_gen_length": (utc("20260101000000Z"), gen("260101000000Z")),
        "wrong_tag": (tlv(0x13, b"260101000000Z"), utc("280101000000Z")),
        "constructed_utc": (tlv(0x37, tlv(0x04, b"2601010000") + tlv(0x04, b"00Z")), utc("280101000000Z")),
        "lowercase_z": (utc("260101000000z"), utc("280101000000Z")),
    }
    for tname, (nb, na) in times.items():
        s[f"time_{tname}"] = cert(tbs(valid=seq(nb, na), extensions=default_exts()))

    # Every DirectoryString kind, and values that are no string at all.
    strings = {
        "utf8": (0x0C, "München 阿里云 😀".encode()), "printable": (0x13, b"Printable 'quoted' (x)"),
        "ia5": (0x16, b"ia5@example.com"), "t61_latin1": (0x14, b"M\xfcnchen"),
        "bmp": (0x1E, "阿里云 Ω".encode("utf-16-be")), "bmp_surrogate_pair": (0x1E, "😀".encode("utf-16-be")),
        "bmp_lone_surrogate": (0x1E, b"\xd8\x00\x00A"), "bmp_odd_length": (0x1E, b"\x00A\x00"),
        "universal": (0x1C, "Ω😀".encode("utf-32-be")), "universal_bad_length": (0x1C, b"\x00\x00\x00"),
        "universal_too_big": (0x1C, b"\x00\x11\x00\x00"), "numeric": (0x12, b"0123 456"),
        "visible": (0x1A, b"visible~"), "general": (0x1B, b"general"), "graphic": (0x19, b"graphic"),
        "videotex": (0x15, b"videotex"), "utf8_invalid": (0x0C, b"bad \xc3\x28 utf8"),
        "utf8_overlong": (0x0C, b"\xc0\xaf"), "utf8_surrogate": (0x0C, b"\xed\xa0\x80"),
        "utf8_nul_and_controls": (0x0C, b"a\x00b\x01c\x7f\n"), "printable_bad_chars": (0x13, b"bad*chars@"),
        "empty_utf8": (0x0C, b""), "integer_value": (0x02, b"\x01\x00"), "null_value": (0x05, b""),
        "boolean_value": (0x01, b"\xff"), "oid_value": (0x06, oid_content("1.2.3.4")),
        "octet_value": (0x04, b"\x00\x01"), "bitstring_value": (0x03, b"\x00\xaa"),
        "sequence_value": (0x30, tlv(0x0C, b"inner")), "context_value": (0x80, b"ctx"),
        "high_tag_value": (0x1F, b"\x2a\x00"),
    }
    for sname, (tag, value) in strings.items():
        if sname == "high_tag_value":
            raw = b"\x1f\x2a" + length(2) + b"ab"
            subject = name(rdn(seq(oid(OID["CN"]), raw)))
        else:
            subject = name(rdn(atv("C", b"CN", 0x13)), rdn(atv("O", value, tag)), rdn(atv("CN", b"x")))
        s[f"dirstring_{sname}"] = cert(tbs(subject=subject, extensions=default_exts()))
    # A BER constructed UTF8String, and an indefinite-length one.
    seg = tlv(0x04, "Mün".encode()[:2]) + tlv(0x04, "Mün".encode()[2:])
    s["dirstring_constructed_utf8"] = cert(tbs(subject=name(rdn(seq(oid(OID["O"]), tlv(0x2C, seg)))), extensions=default_exts()))
    s["dirstring_indefinite_utf8"] = cert(tbs(subject=name(rdn(seq(oid(OID["O"]), tlv(0x2C, seg, "indef")))), extensions=default_exts()))

    # Names: multi-valued RDNs, empty ones, many attributes, RFC 4514 specials.
    specials = [b" leading", b"trailing ", b"#hash", b"a,b+c", b'q"uote', b"back\\slash", b"<angle>;semi", b"eq=ual",
                b"  ", b"#", b"a\x00b"]
    names = {
        "multi_valued": name(rdn(atv("C", b"CN", 0x13)), rdn(atv("CN", b"alice"), atv("UID", b"a1"), atv("OU", b"x"))),
        "empty_rdn": name(rdn(atv("O", b"o")), set_(), rdn(atv("CN", b"after empty"))),
        "empty_name": name(),
        "only_empty_rdns": name(set_(), set_()),
        "many_attributes": name(*[rdn(atv("OU", f"unit {i}".encode())) for i in range(80)]),
        "many_in_one_rdn": name(rdn(*[atv("OU", f"u{i}".encode()) for i in range(70)])),
        "specials": name(*[rdn(atv("CN", v)) for v in specials]),
        "all_keywords": name(*[rdn(atv(k, b"v" if k not in ("C",) else b"CN", 0x13 if k == "C" else 0x0C))
                               for k in ("C", "ST", "L", "O", "OU", "CN", "STREET", "DC", "UID", "emailAddress",
                                         "serialNumber", "SN", "GN", "title", "dnQualifier", "pseudonym")]),
        "unknown_oid": name(rdn(atv("unknown", b"value")), rdn(atv("bigarc", b"big arc"))),
        "duplicate_types": name(rdn(atv("CN", b"a")), rdn(atv("CN", b"a")), rdn(atv("CN", b"A"))),
        "case_insensitive": name(rdn(atv("C", b"cn", 0x13)), rdn(atv("DC", b"Example", 0x16)),
                                 rdn(atv("emailAddress", b"A@Example.COM", 0x16))),
        "attribute_extra_field": name(rdn(seq(oid(OID["CN"]), tlv(0x0C, b"x"), tlv(0x0C, b"y")))),
        "attribute_no_value": name(rdn(seq(oid(OID["CN"])))),
        "rdn_not_set": name(seq(atv("CN", b"x"))),
        "bad_oid": name(rdn(seq(tlv(0x06, b"\x80\x01"), tlv(0x0C, b"x")))),
        "empty_oid": name(rdn(seq(tlv(0x06, b""), tlv(0x0C, b"x")))),
    }
    for nname, nder in names.items():
        s[f"name_{nname}"] = cert(tbs(subject=nder, issuer=nder, extensions=default_exts()))

    # Every GeneralName kind, and broken SAN extensions.
    dirname = simple_name("dir name")
    general = {
        "other_name_upn": implicit(0, oid("1.3.6.1.4.1.311.20.2.3") + explicit(0, tlv(0x0C, b"user@example.com")), True),
        "email": implicit(1, b"user@example.com"),
        "dns": implicit(2, b"*.example.com"),
        "dns_high_bytes": implicit(2, b"caf\xc3\xa9.example\xff"),
        "dns_empty": implicit(2, b""),
        "x400": implicit(3, seq(), True),
        "directory": implicit(4, dirname, True),
        "edi_party": implicit(5, implicit(1, tlv(0x0C, b"party"), True), True),
        "uri": implicit(6, b"https://example.com/path?q=1"),
        "ipv4": implicit(7, b"\xc0\x00\x02\x01"),
        "ipv6": implicit(7, bytes.fromhex("20010db8000000000000000000000001")),
        "ip_odd_length": implicit(7, b"\x01\x02\x03"),
        "ip_constraint_8": implicit(7, b"\xc0\x00\x02\x00\xff\xff\xff\x00"),
        "registered_id": implicit(8, oid_content("1.2.3.4.5")),
    }
    for gname, g in general.items():
        s[f"san_{gname}"] = cert(tbs(extensions=[san(g)]))
    s["san_all_kinds"] = cert(tbs(extensions=[san(*general.values()), ski(b"\x01\x02")]))
    broken_san = {
        "empty_sequence": ext(SAN, seq()),
        "not_a_sequence": ext(SAN, tlv(0x31, implicit(2, b"a.com"))),
        "truncated_inner": ext(SAN, b"\x30\x05\x82\x09a.com"),
        "trailing_inside": ext(SAN, seq(implicit(2, b"a.com")) + b"\x00"),
        "bad_tag": ext(SAN, seq(tlv(0x0C, b"a.com"))),
        "tag_9": ext(SAN, seq(implicit(9, b"x"))),
        "constructed_dns": ext(SAN, seq(implicit(2, tlv(0x16, b"a.com"), True))),
        "primitive_dirname": ext(SAN, seq(implicit(4, dirname))),
        "bad_rid": ext(SAN, seq(implicit(8, b"\x80\x01"))),
        "other_name_no_value": ext(SAN, seq(implicit(0, oid("1.2.3"), True))),
        "critical": ext(SAN, seq(implicit(2, b"a.com")), True),
        "critical_false_explicit": ext(SAN, seq(implicit(2, b"a.com")), False),
        "constructed_octet_string": seq(oid(SAN), tlv(0x24, octet_string(seq(implicit(2, b"a.com"))))),
    }
    for bname, e in broken_san.items():
        s[f"san_broken_{bname}"] = cert(tbs(extensions=[e]))
    s["san_duplicate"] = cert(tbs(extensions=[san(implicit(2, b"a.com")), san(implicit(2, b"b.com"))]))

    # Subject key identifiers.
    s["ski_empty"] = cert(tbs(extensions=[ski(b"")]))
    s["ski_long"] = cert(tbs(extensions=[ski(bytes(range(64)))]))
    s["ski_duplicate"] = cert(tbs(extensions=[ski(b"\x01"), ski(b"\x02")]))
    s["ski_not_octet_string"] = cert(tbs(extensions=[ext(SKI, tlv(0x0C, b"text"))]))
    s["ski_trailing"] = cert(tbs(extensions=[ext(SKI, octet_string(b"\x01\x02") + b"\x00")]))

    # Extension containers.
    s["ext_empty_list"] = cert(tbs(ext_wrapper=explicit(3, seq())))
    s["ext_unknown_critical"] = cert(tbs(extensions=[ext("1.3.6.1.4.1.99999.5", b"\x05\x00", True)]))
    s["ext_bool_not_ff"] = cert(tbs(extensions=[seq(oid(KU), tlv(0x01, b"\x01"), octet_string(bit_string(b"\x80", 7)))]))
    s["ext_bool_two_octets"] = cert(tbs(extensions=[seq(oid(KU), tlv(0x01, b"\xff\xff"), octet_string(b"\x03\x01\x00"))]))
    s["ext_extra_after_list"] = cert(tbs(ext_wrapper=explicit(3, seq(ski(b"\x01")) + null())))
    s["ext_not_sequence"] = cert(tbs(ext_wrapper=explicit(3, set_(ski(b"\x01")))))
    s["ext_many"] = cert(tbs(extensions=[ext(f"1.3.6.1.4.1.99999.6.{i}", null()) for i in range(100)] + default_exts()))

    # Versions.
    versions = {
        "v1_absent": None, "v1_explicit": explicit(0, integer(0)), "v2": explicit(0, integer(1)),
        "v4": explicit(0, integer(3)), "negative": explicit(0, integer(-1)), "huge": explicit(0, integer(2 ** 70)),
        "nonminimal": explicit(0, integer_raw(b"\x00\x02")), "empty": explicit(0, integer_raw(b"")),
        "not_integer": explicit(0, tlv(0x0C, b"3")), "extra": explicit(0, integer(2) + null()),
    }
    for vname, v in versions.items():
        s[f"version_{vname}"] = cert(tbs(version=v, extensions=None if vname == "v1_absent" else default_exts()))
        if v is None:
            s[f"version_{vname}"] = cert(tbs(version=b"", extensions=None))

    # Unique identifiers, in v2.
    s["uids_both"] = cert(tbs(version=explicit(0, integer(1)), uids=implicit(1, b"\x00\xaa") + implicit(2, b"\x04\xf0")))
    s["uids_constructed"] = cert(tbs(version=explicit(0, integer(1)), uids=implicit(1, bit_string(b"\xaa"), True)))
    s["uids_bad_unused"] = cert(tbs(version=explicit(0, integer(1)), uids=implicit(1, b"\x09\xaa")))

    # Algorithm identifiers and the signature BIT STRING.
    s["sigalg_mismatch"] = cert(tbs(sig=SIG["sha256WithRSA"]), SIG["ecdsa-sha256"])
    s["sigalg_params_extra"] = cert(tbs(sig=seq(oid("1.2.840.113549.1.1.11"), null(), null())))
    s["sigalg_bad_oid"] = cert(tbs(sig=seq(tlv(0x06, b"\x2a\x86"))))
    s["sig_unused_bits"] = cert(tbs(), sig_value=bit_string(b"\xab\xcd\xef", 4))
    s["sig_unused_bits_8"] = cert(tbs(), sig_value=bit_string(b"\xab", 8))
    s["sig_empty_bits"] = cert(tbs(), sig_value=tlv(0x03, b"\x00"))
    s["sig_no_octet"] = cert(tbs(), sig_value=tlv(0x03, b""))
    s["sig_only_unused"] = cert(tbs(), sig_value=tlv(0x03, b"\x03"))
    s["sig_constructed"] = cert(tbs(), sig_value=tlv(0x23, bit_string(b"\x01\x02") + bit_string(b"\x03")))
    s["sig_missing"] = seq(tbs(), SIG["sha256WithRSA"])
    s["sig_extra_field"] = seq(tbs(), SIG["sha256WithRSA"], bit_string(b"\x01"), null())

    # Lengths: BER liberties and broken ones, on a complete certificate.
    base_tbs = tbs(extensions=default_exts())
    s["len_long_form_outer"] = seq(base_tbs, SIG["sha256WithRSA"], bit_string(signature()), form="long")
    s["len_padded_outer"] = seq(base_tbs, SIG["sha256WithRSA"], bit_string(signature()), form="padded")
    s["len_indefinite_outer"] = seq(base_tbs, SIG["sha256WithRSA"], bit_string(signature()), form="indef")
    inner_tbs = seq(*_tbs_parts_long_serial(), form="indef")
    s["len_indefinite_tbs"] = cert(inner_tbs)
    s["len_long_form_serial"] = cert(seq(explicit(0, integer(2)), b"\x02\x81\x02\x12\x34", SIG["sha256WithRSA"],
                                         simple_name("i"), validity(), simple_name("s"), KEYS["ec_p256"][0]),
                                     SIG["ecdsa-sha256"])
    good = cert(base_tbs)
    s["len_trailing_byte"] = good + b"\x00"
    s["len_trailing_cert"] = good + good
    s["len_outer_too_long"] = b"\x30\x82" + (len(good) - 4 + 10).to_bytes(2, "big") + good[4:]
    s["len_outer_too_short"] = b"\x30\x82" + (len(good) - 4 - 10).to_bytes(2, "big") + good[4:]
    s["len_nine_octets"] = b"\x30\x89\x00\x00\x00\x00\x00\x00\x00\x00\x05" + null() + null() + b"\x00"
    s["len_huge"] = b"\x30\x88\xff\xff\xff\xff\xff\xff\xff\xff" + good[4:]
    s["len_indefinite_primitive"] = b"\x30\x80\x02\x80\x01\x00\x00\x00\x00"
    s["len_unclosed_indefinite"] = b"\x30\x80" + good[4:]
    s["len_nested_indefinite"] = b"\x30\x80" * 40 + b"\x00\x00" * 40
    s["tag_high_number"] = b"\x3f\x81\x80\x80\x80\x00\x00"
    s["tag_not_sequence"] = b"\x31" + good[1:]
    s["empty"] = b""
    s["one_byte"] = b"\x30"
    for cut in (1, 2, 4, 10, 50, len(good) // 2, len(good) - 1):
        s[f"truncated_at_{cut}"] = good[:cut]
    return s


def _tbs_parts_long_serial() -> list[bytes]:
    return [explicit(0, integer(2)), integer(7), SIG["sha256WithRSA"], simple_name("indef issuer"), validity(),
            simple_name("indef subject"), KEYS["rsa2048"][0]]


def mutations_of_corpus() -> dict[str, bytes]:
    """Variants of scripts/make_corpus.py's certificates (corpus/der/<name>.der)."""
    out: dict[str, bytes] = {}
    for path in sorted(OUT.glob("*.der")):
        if path.name.startswith(("gen_", "regress_")):
            continue
        der = path.read_bytes()
        stem = path.stem
        if len(der) < 8 or der[0] != 0x30 or der[1] != 0x82:
            continue
        body = der[4:]
        out[f"corpus_{stem}_indefinite"] = b"\x30\x80" + body + b"\x00\x00"
        out[f"corpus_{stem}_trailing"] = der + b"\x30\x00"
        out[f"corpus_{stem}_truncated"] = der[: len(der) * 2 // 3]
        out[f"corpus_{stem}_length_padded"] = b"\x30\x83\x00" + der[2:]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="report which seeds `openssl x509` reads")
    args = ap.parse_args()

    KEYS.update(keys())  # der_building's table, which tbs() reads
    all_seeds = seeds()
    all_seeds.update(mutations_of_corpus())

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("gen_*"):
        old.unlink()
    for sname, der in sorted(all_seeds.items()):
        (OUT / f"gen_{sname}.der").write_bytes(der)

    accepted = 0
    if args.check:
        for sname in sorted(all_seeds):
            r = subprocess.run(["openssl", "x509", "-inform", "DER", "-noout", "-in", str(OUT / f"gen_{sname}.der")],
                               capture_output=True)
            accepted += r.returncode == 0
            print(f"{'read   ' if r.returncode == 0 else 'refused'} gen_{sname}.der")
        print(f"make_der_seeds: openssl x509 reads {accepted} of {len(all_seeds)}")
    print(f"make_der_seeds: wrote {len(all_seeds)} seeds to {OUT.relative_to(ROOT)}/gen_*.der")
    return 0


if __name__ == "__main__":
    sys.exit(main())
