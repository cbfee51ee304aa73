// The stable names of checks, statuses, SAN kinds and validity states: the report's vocabulary.
#include "alicert/check/checker.h"
#include "alicert/check/facts.h"
#include "alicert/check/finding.h"

namespace alicert {

std::string_view check_name(check_id c) noexcept {
  switch (c) {
    case check_id::certificate: return "certificate";
    case check_id::serial: return "serial";
    case check_id::not_before: return "not_before";
    case check_id::not_after: return "not_after";
    case check_id::validity_days: return "validity_days";
    case check_id::sha256: return "sha256";
    case check_id::md5: return "md5";
    case check_id::subject: return "subject";
    case check_id::issuer: return "issuer";
    case check_id::common_name: return "common_name";
    case check_id::organization: return "organization";
    case check_id::organizational_unit: return "organizational_unit";
    case check_id::locality: return "locality";
    case check_id::state: return "state";
    case check_id::country: return "country";
    case check_id::sans: return "sans";
    case check_id::key_algorithm: return "key_algorithm";
    case check_id::key_size: return "key_size";
    case check_id::key_spec: return "key_spec";
    case check_id::signature_algorithm: return "signature_algorithm";
    case check_id::subject_key_identifier: return "subject_key_identifier";
    case check_id::public_key: return "public_key";
    case check_id::domain_list: return "domain_list";
    case check_id::chain: return "chain";
    case check_id::csr_public_key: return "csr_public_key";
    case check_id::fingerprint: return "fingerprint";
    case check_id::issuer_name: return "issuer_name";
    case check_id::cert_domain_name: return "cert_domain_name";
    case check_id::expired: return "expired";
    case check_id::private_key: return "private_key";
    case check_id::chain_info: return "chain_info";
  }
  return "unknown";
}

std::string_view status_name(finding_status s) noexcept {
  switch (s) {
    case finding_status::match: return "match";
    case finding_status::mismatch: return "mismatch";
    case finding_status::invalid: return "invalid";
    case finding_status::masked: return "masked";
    case finding_status::absent: return "absent";
    case finding_status::unverifiable: return "unverifiable";
  }
  return "unknown";
}

std::string_view san_kind_name(san_kind k) noexcept {
  switch (k) {
    case san_kind::dns: return "dns";
    case san_kind::ip: return "ip";
    case san_kind::email: return "email";
    case san_kind::uri: return "uri";
  }
  return "unknown";
}

std::string_view validity_state_name(validity_state v) noexcept {
  switch (v) {
    case validity_state::valid: return "valid";
    case validity_state::expired: return "expired";
    case validity_state::not_yet_valid: return "not_yet_valid";
  }
  return "unknown";
}

std::string_view link_status_name(link_status s) noexcept {
  switch (s) {
    case link_status::verified: return "verified";
    case link_status::name_mismatch: return "name_mismatch";
    case link_status::bad_signature: return "bad_signature";
    case link_status::key_id_mismatch: return "key_id_mismatch";
    case link_status::unsupported: return "unsupported";
    case link_status::undecodable: return "undecodable";
  }
  return "unknown";
}

std::string_view warning_name(warning_code w) noexcept {
  switch (w) {
    case warning_code::rsa_key_below_2048: return "rsa_key_below_2048";
    case warning_code::weak_signature_hash: return "weak_signature_hash";
    case warning_code::serial_not_positive: return "serial_not_positive";
    case warning_code::serial_over_20_bytes: return "serial_over_20_bytes";
    case warning_code::version_1: return "version_1";
    case warning_code::leaf_is_ca: return "leaf_is_ca";
    case warning_code::validity_inverted: return "validity_inverted";
  }
  return "unknown";
}

}  // namespace alicert
