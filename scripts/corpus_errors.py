"""Corpus generator, part 5: error envelopes, malformed documents, inner texts.
See make_corpus.py."""
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

from corpus_docs import *  # noqa: F401,F403  the earlier parts

# --------------------------------------------------------------------------------------------
# Error envelopes, malformed documents, inner texts, streams
# --------------------------------------------------------------------------------------------

def error_documents() -> dict[str, tuple]:
    E = {}
    r1 = uuid_of("err:kms")
    E["kms_certificate_not_found"] = (O(
        ("RequestId", r1), ("HostId", "kms.cn-hangzhou.aliyuncs.com"), ("Code", "Certificate.NotFound"),
        ("Message", "The specified certificate is not found."),
        ("Recommend", f"https://api.aliyun.com/troubleshoot?q=Certificate.NotFound&product=Kms&requestId={r1}")),
        "pretty")
    r2 = uuid_of("err:cdn")
    E["cdn_cert_not_existed_code_first"] = (O(
        ("Code", "CertNotExisted"), ("Message", "The certificate does not exist."), ("HostId", "cdn.aliyuncs.com"),
        ("RequestId", r2),
        ("Recommend", f"https://api.aliyun.com/troubleshoot?q=CertNotExisted&product=Cdn&requestId={r2}")),
        "compact")
    E["cas_not_found"] = (O(
        ("Message", "The certificate does not exist."), ("RequestId", uuid_of("err:cas")),
        ("Code", "NotFound"), ("HostId", "cas.aliyuncs.com")), "pretty")
    r4 = uuid_of("err:ram")
    E["cas_forbidden_access_denied_detail"] = (O(
        ("RequestId", r4), ("HostId", "cas.aliyuncs.com"), ("Code", "Forbidden.RAM"),
        ("Message", "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
        ("Recommend", f"https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=cas&requestId={r4}"),
        ("AccessDeniedDetail", O(
            ("PolicyType", "AccountLevelIdentityBasedPolicy"), ("AuthPrincipalOwnerId", "1594986938261234"),
            ("EncodedDiagnosticMessage", base64.b64encode(b"alicert test diagnostic message").decode()),
            ("AuthPrincipalType", "SubUser"), ("AuthPrincipalDisplayName", "alicert-test"),
            ("NoPermissionType", "ImplicitDeny"), ("AuthAction", "yundun-cert:DescribeClientCertificate")))),
        "pretty")
    E["lowercase_keys"] = (O(
        ("requestId", uuid_of("err:lower")), ("hostId", "cdn.aliyuncs.com"), ("code", "CertNotExisted"),
        ("message", "The certificate does not exist.")), "spaced")
    E["lowercase_code_message_only"] = (O(
        ("code", "Certificate.NotFound"), ("message", "The specified certificate is not found."),
        ("RequestId", uuid_of("err:lower2"))), "pretty")
    return E


def malformed_documents(cas_good: O, cdn_good: O, kms_desc: O) -> dict[str, bytes]:
    good = doc_text(cas_good, "pretty").encode()
    compact = doc_text(cas_good, "compact", final_newline=False).encode()
    M: dict[str, bytes] = {}
    M["malformed_json__truncated"] = good[:len(good) // 2]
    M["malformed_json__truncated_inside_string"] = compact[:compact.index(b"BEGIN CERTIFICATE") + 30]
    M["malformed_json__missing_colon"] = b'{"RequestId" "4C1E43DC-9E51-4771-82C0-7D5ECEB547A1", "Code": "NotFound"}\n'
    M["malformed_json__outer_trailing_comma"] = good.rstrip().rstrip(b"}").rstrip() + b",\n}\n"
    M["malformed_json__bare_word"] = good.replace(b'"Status": "ISSUE"', b'"Status": ISSUE', 1)
    M["malformed_json__bare_word_document"] = b"Certificate\n"
    M["malformed_json__stray_bytes_after_document"] = compact + b" }garbage\x01\n"
    M["malformed_json__single_quotes"] = b"{'RequestId': 'x', 'Code': 'NotFound', 'Message': 'm'}\n"
    M["malformed_json__unescaped_newline_in_string"] = b'{"Code": "NotFound", "Message": "line one\nline two", "RequestId": "r"}\n'
    M["invalid_utf8__c3_28_in_string"] = good.replace(b'"CommonName": "', b'"CommonName": "ab\xc3\x28cd', 1)
    M["invalid_utf8__c3_28_in_error_message"] = b'{"RequestId": "r", "Code": "NotFound", "Message": "bad \xc3\x28 byte"}\n'
    deep_arr = b"[" * 100 + b"1" + b"]" * 100
    deep_obj = b'{"a":' * 100 + b"1" + b"}" * 100
    M["depth_exceeded__100_arrays_in_unknown_field"] = compact[:-1] + b',"Unknown":' + deep_arr + b"}"
    M["depth_exceeded__100_objects_in_unknown_field"] = good.replace(
        b'"RequestId"', b'"Unknown": ' + deep_obj + b',\n  "RequestId"', 1)
    M["wrong_type__cas_before_date_object"] = re.sub(rb'"BeforeDate": \d+', b'"BeforeDate": {"ms": 1634283958000}', good, 1)
    M["wrong_type__cas_key_size_array"] = re.sub(rb'"KeySize": \d+', b'"KeySize": [2048]', good, 1)
    M["wrong_type__cdn_cert_infos_number"] = doc_text(O(("CertInfos", 42), ("RequestId", cdn_good.get("RequestId")))).encode()
    info = cdn_good.get("CertInfos").get("CertInfo")[0]
    bad_info = O(*info.pairs).set("HttpsCrt", O(("pem", "x")))
    M["wrong_type__cdn_https_crt_object"] = doc_text(O(("CertInfos", O(("CertInfo", [bad_info]))),
                                                      ("RequestId", cdn_good.get("RequestId")))).encode()
    M["wrong_type__kms_not_before_array"] = doc_text(O(*kms_desc.pairs).set("NotBefore", [kms_desc.get("NotBefore")])).encode()
    M["number_out_of_range__before_date_20_digits"] = re.sub(rb'"BeforeDate": \d+', b'"BeforeDate": 99999999999999999999', good, 1)
    M["number_out_of_range__after_date_negative_20_digits"] = re.sub(rb'"AfterDate": \d+', b'"AfterDate": -99999999999999999999', good, 1)
    M["unknown_shape__foo"] = b'{"foo": 1}\n'
    M["unknown_shape__empty_array"] = b"[]\n"
    M["unknown_shape__number"] = b"42\n"
    M["unknown_shape__empty_object"] = b"{}\n"
    M["unknown_shape__null"] = b"null\n"
    M["unknown_shape__string"] = b'"-----BEGIN CERTIFICATE-----"\n'
    M["empty_input__whitespace"] = b" \n\t\r\n  \n"
    M["empty_input__zero_bytes"] = b""
    return M


def inner_texts(certs: dict) -> dict[str, str]:
    leaf = certs["leaf-rsa2048"]
    I = {
        "sans_documented_trailing_comma": '[ {"Type": 7, "Value": "192.0.2.10"}, {"Type": 2, "Value": "www.aliyundoc.com"}, ]',
        "sans_no_trailing_comma": cas_sans(leaf.reportable_sans(), "doc"),
        "sans_all_four_kinds_trailing_comma": cas_sans(certs["leaf-ec-p256"].reportable_sans(), "doc_trailing"),
        "sans_compact": cas_sans(certs["leaf-rsa3072-client"].reportable_sans(), "compact"),
        "sans_compact_trailing_comma": cas_sans(certs["leaf-sm2"].reportable_sans(), "compact_trailing"),
        "sans_empty_array": "[]",
        "sans_empty_array_trailing_comma": "[ , ]",
        "sans_empty": "",
        "sans_multiline": '[\n  {\n    "Type": 2,\n    "Value": "www.example.com"\n  },\n  {\n    "Type": 7,\n    "Value": "2001:db8::1"\n  },\n]',
        "sans_utf8_and_escapes": '[ {"Type": 6, "Value": "https://example.com/\\u8def\\u5f84?q=\\"x\\""}, {"Type": 1, "Value": "用户@example.com"}, ]',
        "kms_sans_array": '["test1.example.com","test2.example.com"]',
        "kms_sans_array_with_ip": json.dumps([v for k, v in certs["kms-rsa-pss"].sans if k in ("dns", "ip")]),
        "kms_sans_wrapper": '{"SubjectAlternativeName":["test1.example.com","test2.example.com"]}',
        "kms_sans_empty": "[]",
        "kms_sans_single_value": "test1.example.com",
        "domain_list_array": '["www.example.com","example.com"]',
        "domain_list_comma": "a.example.com,b.example.com",
        "domain_list_comma_spaces_trailing": "a.example.com, b.example.com,",
        "domain_list_single": "www.example.com",
        "domain_list_documented_empty": '[""]',
        "domain_list_empty_entries": '["", "www.example.com", ""]',
        "domain_list_wildcard": '["*.example.com","example.com"]',
        "domain_list_empty": "",
        "tags_array": '[{"TagKey":"env","TagValue":"test"},{"TagKey":"后台管理","TagValue":"[{\\"tag\\":\\"PROPERTY_TYPE\\",\\"values\\":[]}]"}]',
        "tags_object": '{"env":"test","owner":"alicert"}',
        "tags_documented_invalid": '[{"key1":"value"},"key2":"value2"]',
        "tags_escaped_value": '[{\\"tag\\":\\"PROPERTY_TYPE\\",\\"values\\":[]}]',
        "tags_value_json": '[{"tag":"PROPERTY_TYPE","values":[]}]',
        "tags_empty_array": "[]",
        "tags_empty_object": "{}",
    }
    return I
