"""Corpus generator, part 4: the documents of the first three APIs. See make_corpus.py."""
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

from corpus_json import *  # noqa: F401,F403  the earlier parts

# --------------------------------------------------------------------------------------------
# CAS DescribeClientCertificate
# --------------------------------------------------------------------------------------------

ESCAPED_TAG_VALUE = '[{\\"tag\\":\\"PROPERTY_TYPE\\",\\"values\\":[]}]'  # as the sample's decoded text


def cas_doc(case: str, certs: dict, name: str, *, pem="lf", serial="lower", dn_text=None, names_from="subject",
            sans="doc_trailing", sans_list=None, dates="num", days_="num", days_up=False, keysize="num",
            algorithm=True, sign_case="upper", cert_type="SERVER", status="ISSUE",
            sha="lower", md5="lower", tags="escaped", newer=False, extra=(), dup=()) -> O:
    c = certs[name]
    parent = c.issuer_name or c.name
    who = "issuer" if names_from == "issuer" else "subject"

    def nm(a):
        v = c.attr(who, a)
        if v is None and who == "issuer":
            v = c.attr("subject", a)
        return v if v is not None else ""
    if sans_list is None:
        sans_list = c.reportable_sans()
    if sans in (None, "null"):
        sans_v = None
    elif sans == "empty":
        sans_v = ""
    elif sans == "empty_array":
        sans_v = "[]"
    else:
        sans_v = cas_sans(sans_list, sans)
    bd, ad = ms(c.not_before), ms(c.not_after)
    d = O(
        ("X509Certificate", pem_shape(c.pem, pem)),
        ("Identifier", h("cas-id:" + case)),
        ("SerialNumber", hexfmt(c.serial, serial)),
        ("SubjectDN", dn_text if dn_text is not None else dn(c.subject)),
        ("CommonName", c.attr("subject", "CN") or ""),
        ("OrganizationUnit", nm("OU")),
        ("Organization", nm("O")),
        ("Locality", nm("L")),
        ("State", nm("ST")),
        ("CountryCode", nm("C")),
        ("Sans", sans_v),
        ("Status", status),
        ("BeforeDate", str(bd) if dates == "str" else bd),
        ("AfterDate", str(ad) if dates == "str" else ad),
        ("Algorithm", cas_algorithm(c)),
        ("KeySize", c.key["size"] if keysize == "num" else str(c.key["size"])),
        ("SignAlgorithm", cas_sign_alg(c, sign_case)),
        ("CertificateType", cert_type),
        ("ParentIdentifier", h("cas-parent:" + parent)),
        ("Sha2", hexfmt(bytes.fromhex(c.sha256), sha)),
        ("Md5", hexfmt(bytes.fromhex(c.md5), md5)),
        ("Days", days(c, days_up) if days_ == "num" else str(days(c, days_up))),
        ("ResourceGroupId", "rg-" + h("rg:" + case, 15)),
    )
    if not algorithm:
        d.drop("Algorithm", "KeySize")
    if c.key["size"] is None:
        d.drop("KeySize")
    if tags == "escaped":
        d.add("Tags", [O(("TagKey", "后台管理"), ("TagValue", ESCAPED_TAG_VALUE))])
    elif tags == "json_value":
        d.add("Tags", [O(("TagKey", "env"), ("TagValue", "production")),
                       O(("TagKey", "property"), ("TagValue", '[{"tag":"PROPERTY_TYPE","values":["web","api"]}]'))])
    elif tags == "empty":
        d.add("Tags", [])
    if newer:
        d.add("AliasName", f"alicert-{case}")
        issuers = issuers_of(certs, c)
        d.add("CertChain", chain_pem(certs, issuers) if issuers else "")
        d.add("CustomIdentifier", f"custom-{h('custom:' + case, 8)}")
        if c.key["alg"] == "RSA":  # the documented form is RSA_2048; other families' spelling is unknown
            d.add("FullAlgorithm", f"RSA_{c.key['size']}")
        d.add("Id", int(h("id:" + case, 6), 16))
        d.add("UploadFlag", 0)
    for k, v in extra:
        d.add(k, v)
    for k, v in dup:
        d.add(k, v)
    return O(("Certificate", d), ("RequestId", uuid_of("cas-req:" + case)))


def cas_documents(certs: dict) -> dict[str, tuple]:
    """name -> (document, style, ascii)"""
    L = {}
    c3072 = certs["leaf-rsa3072-client"]
    L["rsa2048_documented_shape"] = (cas_doc("rsa2048_documented_shape", certs, "leaf-rsa2048",
                                             dn_text=dn(certs["leaf-rsa2048"].subject, ["C", "O", "OU", "L", "ST", "CN"])),
                                     "pretty", False)
    L["rsa2048_newer_fields_full_algorithm"] = (cas_doc(
        "rsa2048_newer_fields_full_algorithm", certs, "leaf-rsa2048", algorithm=False, newer=True,
        sans="array", dates="str", tags="json_value", sha="colons", md5="upper", sign_case="lower",
        dn_text=dn(certs["leaf-rsa2048"].subject, "reverse")), "compact", False)
    L["rsa3072_client_rfc4514_escapes"] = (cas_doc(
        "rsa3072_client_rfc4514_escapes", certs, "leaf-rsa3072-client", pem="crlf", serial="colons",
        dn_text=dn(c3072.subject, "reverse"), names_from="issuer", sans="doc", cert_type="CLIENT",
        sign_case="java", md5="colons", tags=None), "pretty", False)
    L["rsa3072_client_hex_escapes"] = (cas_doc(
        "rsa3072_client_hex_escapes", certs, "leaf-rsa3072-client", pem="literal",
        dn_text=dn(c3072.subject, "forward", hexstyle=True), sans="array", cert_type="CLIENT",
        sign_case="upper", tags="empty"), "spaced", False)
    L["rsa4096_expired_numeric_strings"] = (cas_doc(
        "rsa4096_expired_numeric_strings", certs, "leaf-rsa4096", pem="spaces", dates="str", days_="str",
        keysize="str", status="REVOKE", sans="doc", tags="empty", newer=True,
        dn_text=dn(certs["leaf-rsa4096"].subject, ["CN", "OU", "O", "L", "ST", "C"])), "pretty", False)
    p256 = certs["leaf-ec-p256"]
    L["ec_p256_padded_serial_unknown_fields"] = (cas_doc(
        "ec_p256_padded_serial_unknown_fields", certs, "leaf-ec-p256", pem="nofinal", serial="padded",
        dn_text=dn(p256.subject, ["C", "O", "OU", "L", "ST", "CN", "emailAddress"], names={"emailAddress": "E"}),
        sans="doc_trailing",
        sans_list=[("dns", "WWW.Example.COM"), ("dns", "example.com"), ("ip", "192.0.2.1"),
                   ("ip", ipaddress.ip_address("2001:db8::1").exploded), ("email", "admin@example.com"),
                   ("uri", "https://www.example.com/")],
        sign_case="mixed", sha="upper",
        extra=[("FutureField", O(("nested", [1, 2, O(("deep", None))]), ("flag", True))),
               ("AnotherUnknown", "kept but ignored"), ("EmptyObject", O()), ("Price", 12.5)]),
        "pretty", False)
    L["ec_p256_email_address_attribute"] = (cas_doc(
        "ec_p256_email_address_attribute", certs, "leaf-ec-p256", pem="ws",
        dn_text=dn(p256.subject, "reverse"), sans="compact_trailing", names_from="issuer",
        tags="escaped"), "pretty", True)
    p384 = certs["leaf-ec-p384"]
    L["ec_p384_state_as_S_duplicate_keys"] = (cas_doc(
        "ec_p384_state_as_S_duplicate_keys", certs, "leaf-ec-p384", pem="ws",
        dn_text=dn(p384.subject, ["C", "O", "OU", "L", "ST", "CN"], names={"ST": "S"}),
        sans="doc", tags=None,
        dup=[("SerialNumber", "0badc0de"), ("Status", "REVOKE")]), "pretty", False)
    L["ec_p384_days_rounded_up"] = (cas_doc(
        "ec_p384_days_rounded_up", certs, "leaf-ec-p384", days_up=True, sans="compact",
        dn_text=dn(p384.subject, "reverse", sep=", "), sign_case="lower"), "compact", False)
    L["ec_p521_selfsigned_2098"] = (cas_doc(
        "ec_p521_selfsigned_2098", certs, "ss-ec-p521", sans="array", tags="empty",
        dn_text=dn(certs["ss-ec-p521"].subject, "forward")), "pretty", False)
    sm2 = certs["leaf-sm2"]
    L["sm2_unicode_escapes"] = (cas_doc(
        "sm2_unicode_escapes", certs, "leaf-sm2", sign_case="lower", newer=True,
        dn_text=dn(sm2.subject, ["C", "O", "OU", "L", "ST", "CN"])), "pretty", True)
    L["sm2_issuer_names_raw_utf8"] = (cas_doc(
        "sm2_issuer_names_raw_utf8", certs, "leaf-sm2", names_from="issuer", sans="compact",
        dn_text=dn(sm2.subject, "reverse", hexstyle=False), pem="crlf", dates="str"), "compact", False)
    L["ed25519_not_yet_valid"] = (cas_doc(
        "ed25519_not_yet_valid", certs, "ss-ed25519", pem="literal", sans="null", tags=None,
        dn_text=dn(certs["ss-ed25519"].subject, "reverse")), "pretty", False)
    L["v1_no_extensions_empty_sans"] = (cas_doc(
        "v1_no_extensions_empty_sans", certs, "ss-v1-nosan", sans="empty_array", tags="empty",
        dn_text=dn(certs["ss-v1-nosan"].subject, "reverse")), "pretty", False)
    L["intermediate_ca_sans_empty_string"] = (cas_doc(
        "intermediate_ca_sans_empty_string", certs, "int-rsa", sans="empty", cert_type="SUBCA",
        dn_text=dn(certs["int-rsa"].subject, ["C", "O", "OU", "L", "ST", "CN"])), "spaced", False)
    L["root_ca_sans_null"] = (cas_doc(
        "root_ca_sans_null", certs, "root-rsa", sans="null", cert_type="ROOT", tags=None, pem="nofinal",
        dn_text=dn(certs["root-rsa"].subject, "reverse")), "pretty", False)
    L["rsa2048_dates_1950_9999"] = (cas_doc(
        "rsa2048_dates_1950_9999", certs, "ss-rsa2048-1950-9999", sans="doc_trailing",
        dn_text=dn(certs["ss-rsa2048-1950-9999"].subject, "forward")), "pretty", False)
    return L


# --------------------------------------------------------------------------------------------
# KMS DescribeCertificate + GetCertificate
# --------------------------------------------------------------------------------------------

def kms_pair(case: str, certs: dict, csrs: dict, name: str, *, sig_alg: str, serial="lower", sans="string",
             tags="object", exportable=True, dates="z", spk="lf", subject_order="reverse", status="ACTIVE",
             level="SOFTWARE", chain=True, cert_pem="lf", names=None, key_order=None) -> tuple[O, O]:
    c = certs[name]
    cid = uuid_of("kms-id:" + case, upper=False)
    kms_sans = [v for k, v in c.sans if k in ("dns", "ip")]
    if sans == "string":  # compact, as the documented sample
        sans_v = json.dumps(kms_sans, separators=(",", ":"), ensure_ascii=False)
    elif sans == "array":
        sans_v = kms_sans
    elif sans == "wrapper":
        sans_v = O(("SubjectAlternativeName", kms_sans))
    else:
        sans_v = None
    if tags == "object":
        tags_v = O(("env", "test"), ("owner", "alicert"))
    elif tags == "array":
        tags_v = [O(("TagKey", "env"), ("TagValue", "test")), O(("TagKey", "team"), ("TagValue", "security"))]
    elif tags == "string_object":
        tags_v = '{"env":"test","owner":"alicert"}'
    elif tags == "string_array":
        tags_v = '[{"TagKey":"env","TagValue":"test"}]'
    elif tags == "documented_invalid":
        tags_v = '[{"key1":"value"},"key2":"value2"]'
    elif tags == "empty_object":
        tags_v = O()
    else:
        tags_v = None
    if dates == "z":
        nb, na = iso(c.not_before), iso(c.not_after)
    elif dates == "frac":
        nb, na = iso(c.not_before, ".123"), iso(c.not_after, ".000")
    elif dates == "cst":
        nb, na = iso(c.not_before, "", 8), iso(c.not_after, "", 8)
    else:  # fractional seconds and an offset together
        nb, na = iso(c.not_before, ".250", 8), iso(c.not_after, ".000001", 8)
    created = c.not_before - dt.timedelta(minutes=3, seconds=57)
    updated = created + dt.timedelta(minutes=9, seconds=57)
    if serial == "decimal":
        serial_v = str(c.serial)
    else:
        serial_v = hexfmt(c.serial, serial)
    order = subject_order
    desc = O(
        ("Status", status),
        ("ProtectionLevel", level),
        ("RequestId", uuid_of("kms-req-d:" + case, upper=False)),
        ("Issuer", dn(c.issuer, order, names or {})),
        ("CertificateId", cid),
        ("CreatedAt", iso(created, ".000" if dates in ("frac", "both") else "", 8 if dates == "cst" else 0)),
        ("KeySpec", c.key["kms_spec"]),
        ("SubjectAlternativeNames", sans_v),
        ("SignatureAlgorithm", sig_alg),
        ("SubjectKeyIdentifier", hexfmt(c.ski_ext, "spaces")),
        ("NotAfter", na),
        ("UpdatedAt", iso(updated)),
        ("Subject", dn(c.subject, order, names or {})),
        ("Serial", serial_v),
        ("SubjectPublicKey", pem_shape(to_pem(c.spki_der, "PUBLIC KEY"), spk)),
        ("NotBefore", nb),
        ("Arn", f"acs:kms:cn-hangzhou:{1594986938260000 + int(h('acct', 4), 16)}:certificate/{cid}"),
        ("Tags", tags_v),
    )
    if exportable is not None:
        desc.add("ExportablePrivateKey", exportable)
    if key_order:
        desc = O(*sorted(desc.pairs, key=lambda p: key_order.index(p[0]) if p[0] in key_order else 99))
    issuers = issuers_of(certs, c)
    get = O(("CertificateId", cid), ("Certificate", pem_shape(c.pem, cert_pem)))
    get.add("CertificateChain", chain_pem(certs, issuers) if (chain and issuers) else "")
    get.add("Csr", to_pem(csrs[name], "CERTIFICATE REQUEST"))
    get.add("RequestId", uuid_of("kms-req-g:" + case, upper=False))
    return desc, get


def kms_documents(certs: dict, csrs: dict) -> dict[str, tuple]:
    """case -> (describe, get, style)"""
    K = {}
    K["rsa2048_documented_shape"] = kms_pair(
        "rsa2048_documented_shape", certs, csrs, "kms-rsa2048", sig_alg="RSA2048-SHA256", serial="decimal",
        sans="string", tags="documented_invalid", exportable="true", spk="spaces") + ("pretty4",)
    K["rsa2048_pss"] = kms_pair(
        "rsa2048_pss", certs, csrs, "kms-rsa-pss", sig_alg="RSA_PSS_SHA_256", sans="array", tags="object",
        exportable=False, dates="frac", subject_order="forward",
        key_order=["CertificateId", "Arn", "KeySpec", "SignatureAlgorithm", "Subject", "Issuer", "Serial",
                   "NotBefore", "NotAfter"]) + ("pretty",)
    K["rsa3072_ski_method2"] = kms_pair(
        "rsa3072_ski_method2", certs, csrs, "kms-rsa3072", sig_alg="RSA_PKCS1_SHA_256", sans="wrapper",
        tags="array", dates="cst", serial="upper", level="HSM", cert_pem="crlf") + ("compact",)
    K["ec_p256_null_sans"] = kms_pair(
        "ec_p256_null_sans", certs, csrs, "leaf-ec-p256", sig_alg="ECDSA-SHA256", serial="colons", sans="null",
        tags="string_object", names={"emailAddress": "E"}) + ("pretty",)
    K["ec_p256k_selfsigned"] = kms_pair(
        "ec_p256k_selfsigned", certs, csrs, "ss-ec-secp256k1", sig_alg="ECDSA-SHA256", sans="string",
        tags="string_array", status="INACTIVE", cert_pem="nofinal") + ("spaced",)
    K["sm2"] = kms_pair(
        "sm2", certs, csrs, "leaf-sm2", sig_alg="SM2-SM3", sans="string", tags="empty_object", dates="both",
        level="HSM", subject_order="forward") + ("pretty",)
    K["rsa2048_no_tags_pending"] = kms_pair(
        "rsa2048_no_tags_pending", certs, csrs, "kms-rsa2048", sig_alg="RSA2048-SHA256", serial="colons_lower",
        sans="array", tags=None, exportable=None, status="PENDING", spk="crlf") + ("compact",)
    for case, (d, g, _) in K.items():
        assert SIG[certs_of(d, certs).sig_oid][1] in d.get("SignatureAlgorithm").replace("_", ""), case
    return K


def certs_of(describe: O, certs: dict) -> CertInfo:
    spki = pem_blocks(describe.get("SubjectPublicKey"))[0][1]
    for c in certs.values():
        if c.spki_der == spki:
            return c
    die("no certificate for a KMS document")


# --------------------------------------------------------------------------------------------
# CDN DescribeCertificateInfoByID
# --------------------------------------------------------------------------------------------

def cdn_info(certs: dict, name: str, cert_id, cert_name, *, cert_type="cas", times="utc", domains=None,
             pem="lf", chain: list | None = None, order=None) -> O:
    c = certs[name]
    if chain is None:
        chain = [name] + issuers_of(certs, c)
    if domains is None:
        domains = [d for d in c.dns_sans() if not d.startswith("*.")][:1] or [c.attr("subject", "CN")]
    info = O(
        ("CertId", cert_id),
        ("CertName", cert_name),
        ("CreateTime", go_time(c.not_before, times)),
        ("HttpsCrt", pem_shape(chain_pem(certs, chain), pem)),
        ("CertType", cert_type),
        ("CertExpireTime", go_time(c.not_after, times)),
        ("DomainList", domains),
    )
    if order:
        info = O(*sorted(info.pairs, key=lambda p: order.index(p[0])))
    return info


def cdn_envelope(case: str, cert_infos) -> O:
    return O(("CertInfos", cert_infos), ("RequestId", uuid_of("cdn-req:" + case)))


def cdn_documents(certs: dict) -> dict[str, tuple]:
    D = {}
    ci = lambda *a, **k: cdn_info(certs, *a, **k)  # noqa: E731
    env = lambda case, lst: cdn_envelope(case, O(("CertInfo", lst)))  # noqa: E731
    D["documented_shape_chain"] = (env("documented_shape_chain", [
        ci("leaf-rsa2048", "16440001", "example_cert", domains=["www.aliyundoc.com"], chain=["leaf-rsa2048", "int-rsa"])]),
        "pretty4")
    D["domain_list_string_json_three_blocks"] = (env("domain_list_string_json_three_blocks", [
        ci("leaf-ec-p256", "16440002", "example_ecc", cert_type="upload",
           domains=json.dumps(["www.example.com", "example.com"]))]), "pretty")
    D["domain_list_comma_wildcard"] = (env("domain_list_comma_wildcard", [
        ci("leaf-ec-p384", "16440003", "cdn_wildcard", cert_type="upload",
           domains="img.cdn.example.org,video.cdn.example.org,cdn.example.org")]), "pretty")
    D["domain_list_single_name_2098"] = (env("domain_list_single_name_2098", [
        ci("ss-ec-p521", "16440004", "p521", cert_type="upload", domains="p521.example.net")]), "pretty")
    D["domain_list_empty_entries_sm2"] = (env("domain_list_empty_entries_sm2", [
        ci("leaf-sm2", "16440005", "国密证书", domains=["", "sm2.aliyundoc.com", ""])]), "pretty")
    D["domain_list_documented_empty"] = (env("domain_list_documented_empty", [
        ci("kms-rsa2048", "16440006", "example_cert", domains=[""])]), "pretty")
    D["wildcard_san_covers_names"] = (env("wildcard_san_covers_names", [
        ci("leaf-rsa2048", "16440007", "aliyundoc_wildcard", cert_type="free",
           domains=["www.aliyundoc.com", "static.aliyundoc.com", "img.aliyundoc.com", "aliyundoc.com"],
           pem="crlf")]), "pretty")
    D["cn_only_no_san_v1"] = (env("cn_only_no_san_v1", [
        ci("ss-v1-nosan", "16440008", "legacy", cert_type="upload", domains="legacy-cdn.example.net",
           pem="nofinal")]), "compact")
    D["cert_id_and_name_numbers"] = (env("cert_id_and_name_numbers", [
        ci("ss-ed25519", 16440009, 20300101, cert_type="upload", domains=["ed25519.example.com"])]), "pretty")
    D["dates_fractional_seconds"] = (env("dates_fractional_seconds", [
        ci("leaf-ec-p256", "16440010", "frac", times="frac", domains=["example.com"], pem="spaces")]), "pretty")
    D["dates_cst_offset"] = (env("dates_cst_offset", [
        ci("leaf-rsa4096", "16440011", "cst", times="cst", domains="legacy.aliyundoc.com,api.aliyundoc.com",
           pem="literal")]), "spaced")
    D["dates_iso8601"] = (env("dates_iso8601", [
        ci("kms-rsa-pss", "16440012", "iso", times="iso", domains=json.dumps(["pss.example.com"]), pem="ws",
           order=["CertType", "CertName", "CertId", "DomainList", "HttpsCrt", "CreateTime", "CertExpireTime"])]),
        "pretty")
    D["dates_1950_9999"] = (env("dates_1950_9999", [
        ci("ss-rsa2048-1950-9999", "16440013", "forever", cert_type="upload", domains=["forever.example.com"])]),
        "pretty")
    ten = [
        ci("leaf-rsa2048", "16440101", "c01", domains=["www.aliyundoc.com", "aliyundoc.com"]),
        ci("leaf-rsa4096", "16440102", "c02", domains="api.aliyundoc.com"),
        ci("leaf-ec-p256", "16440103", "c03", domains=json.dumps(["www.example.com"]), times="frac"),
        ci("leaf-ec-p384", "16440104", "c04", domains="a.cdn.example.org,b.cdn.example.org", times="cst"),
        ci("ss-ec-p521", "16440105", "c05", cert_type="upload", domains=["www.p521.example.net"]),
        ci("leaf-sm2", "16440106", "c06", domains=["sm2.aliyundoc.com"], pem="crlf"),
        ci("ss-ed25519", "16440107", "c07", cert_type="upload", domains=[""]),
        ci("kms-rsa2048", "16440108", "c08", domains=["test1.example.com", "test2.example.com"], times="iso"),
        ci("kms-rsa-pss", "16440109", "c09", domains="pss.example.com"),
        ci("ss-ec-secp256k1", "16440110", "c10", cert_type="upload", domains=["k1.example.com"]),
    ]
    D["list_of_ten"] = (env("list_of_ten", ten), "pretty")
    D["cert_info_single_object"] = (cdn_envelope("cert_info_single_object", O(("CertInfo", ci(
        "kms-rsa3072", "16440014", "single", domains=["rsa3072.example.com", "www.rsa3072.example.com"])))), "pretty")
    D["cert_infos_empty_object"] = (cdn_envelope("cert_infos_empty_object", O()), "pretty")
    D["cert_info_empty_array"] = (env("cert_info_empty_array", []), "compact")
    D["cert_infos_bare_array"] = (cdn_envelope("cert_infos_bare_array", [
        ci("leaf-ec-p384", "16440015", "bare1", domains=["cdn.example.org"]),
        ci("ss-ec-secp256k1", "16440016", "bare2", cert_type="upload", domains="k1.example.com")]), "pretty")
    return D
