// The usual OpenSSL check, as an application would write it on top of the SDK
// models: PEM_read_bio_X509 from a BIO over the PEM text, X509_digest twice,
// X509_get_serialNumber + BN_bn2hex, X509_get0_notBefore + ASN1_TIME_to_tm,
// X509_NAME_print_ex, X509_NAME_get_text_by_NID, X509_get_ext_d2i for the SANs,
// EVP_PKEY accessors, X509_check_issued + X509_verify for chains, X509_check_host
// for CDN domains, PEM_read_bio_PrivateKey + EVP_PKEY_eq for private keys; each
// compared with the reported field. Covers the same checks as alicert's
// checker for each API (a few comparisons are simpler, never more work than
// alicert's).
#pragma once

#include <cstdint>

#include "sdk_models.h"
#include "sdk_models_siblings.h"

namespace bench::naive {

struct tally {
  std::uint64_t checks{0};
  std::uint64_t mismatches{0};
};

void check(const sdk::cas_result& r, std::int64_t now, tally& t);
void check(const sdk::kms_describe_result& d, const sdk::kms_get_result& g, std::int64_t now, tally& t);
void check(const sdk::cdn_result& r, std::int64_t now, tally& t);
// The sibling APIs that embed a PEM (naive_openssl_siblings.cpp); luco and
// slb embed none, so have no OpenSSL check of their own.
void check(const sdk::gucd_result& r, std::int64_t now, tally& t);
void check(const sdk::cdn_domain_result& r, std::int64_t now, tally& t);
void check(const sdk::dcdn_result& r, std::int64_t now, tally& t);

}  // namespace bench::naive
