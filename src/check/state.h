// Internal: what a checker owns and reuses from one document to the next.
#pragma once

#include <string>
#include <vector>

#include "alicert/check/checker.h"
#include "alicert/x509/name.h"
#include "alicert/x509/pem.h"
#include "arena.h"
#include "openssl.h"
#include "signature.h"

namespace alicert::internal {

/// The digests of one pairing candidate (check_options::certificates), hex, in the arena.
struct candidate_digests {
  bool done{false};
  std::string_view sha256, sha1, md5;
};

/// The private_key check's reading of one key field, kept for its label
/// (the finding's reported value) and its verdict, so the key is read once.
/// Cleared at each check().
struct key_reading {
  const char* text{nullptr};  // the field's text it was read from
  std::size_t size{0};
  std::string_view label;  // in the arena
  finding_status status{finding_status::absent};
  std::string_view note;  // static text
};

struct checker_state {
  internal::digester sha256{internal::digester::algorithm::sha256};
  internal::digester md5{internal::digester::algorithm::md5};
  internal::digester sha1{internal::digester::algorithm::sha1};

  x509::pem_decoder pem_cert;   // the certificate (and, for CDN, its chain)
  x509::pem_decoder pem_chain;  // a chain of its own (KMS CertificateChain)
  x509::pem_decoder pem_key;    // a reported public key (KMS SubjectPublicKey)
  x509::pem_decoder pem_aux;    // a CSR, a second certificate field
  x509::pem_decoder pem_secret;  // a private key: wiped after each use
  x509::name_set subject_set, issuer_set, reported_set, chain_a, chain_b;
  // The Name that issuer_set last read, byte for byte, and its RFC 4514 text
  // once formatted: the certificates of one CA share their issuer's bytes,
  // so a stream of them reads and formats it once (run::read_names).
  std::vector<std::uint8_t> issuer_der;
  std::string issuer_text;
  bool issuer_text_known{false};

  internal::text_arena arena;
  std::string join;       // building notes and lists
  std::string name_text;  // format_name output
  std::string key_text;   // building one comparison key
  std::vector<char> chars;
  std::vector<std::uint8_t> bytes;
  std::vector<std::uint32_t> order_a, order_b, order_c;  // sorting entries for set comparisons
  std::vector<std::uint8_t> marks;
  std::vector<std::string_view> keys_a, keys_b;  // normalized entries, in the arena

  internal::signature_verifier verifier;

  struct ranges {
    std::size_t findings_begin, findings_end, sans_begin, sans_end, links_begin, links_end, warnings_begin,
        warnings_end;
  };
  std::vector<chain_link> links;
  std::vector<certificate_warning> warnings;
  std::vector<finding> findings;
  std::vector<certificate_san> sans;
  std::vector<certificate_report> reports;
  std::vector<ranges> report_ranges;
  std::vector<candidate_digests> candidates;  // cleared at each check()
  key_reading key;
};

}  // namespace alicert::internal
