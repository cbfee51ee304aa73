// Certificates the bench makes at start-up with OpenSSL (nothing is read
// from the network): an RSA-2048 chain of up to four certificates for
// scale/chain_K, and per key type a CA and a leaf it signed for chain/<key>/,
// each wrapped in a CDN document whose reported fields match the leaf.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus.h"

namespace bench {

/// The issuer key types of the chain benchmarks: every kind the chain tests cover.
enum class key_type { rsa2048, rsa2048_pss, rsa3072, rsa4096, p256, p384, p521, secp256k1, ed25519, ed448, sm2 };

/// Every key_type, in declaration order.
std::vector<key_type> all_key_types();

/// "rsa2048", "rsa2048_pss", ..., "sm2".
const char* key_type_label(key_type k) noexcept;

/// A CDN document whose HttpsCrt is a generated RSA-2048 chain of `length`
/// certificates (leaf first), with reported fields that match the leaf.
unit make_chain_document(std::size_t length);

/// A CA whose key is of type `k` and a P-256 leaf it signed (SHA-256; SHA-384
/// for P-384, SHA-512 for P-521, SM3 for SM2, none for EdDSA; PSS padding for
/// rsa2048_pss).
struct signed_pair {
  std::vector<std::uint8_t> ca_der, leaf_der;
  unit with_chain;     ///< HttpsCrt: the leaf, then the CA (one link to verify)
  unit without_chain;  ///< HttpsCrt: the leaf alone
};

/// Throws std::runtime_error when OpenSSL cannot make the key or sign.
signed_pair make_signed_pair(key_type k);

}  // namespace bench
