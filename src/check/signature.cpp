#include "signature.h"

#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <optional>

namespace alicert::internal {
namespace {

using algor_ptr = std::unique_ptr<X509_ALGOR, freer<&X509_ALGOR_free>>;
using pss_ptr = std::unique_ptr<RSA_PSS_PARAMS, freer<&RSA_PSS_PARAMS_free>>;

// SM2 signatures hash a Z value over the signer's identifier. OpenSSL 3.0's
// own certificate verification sets none (an empty one, as its CLI signs);
// GM/T 0009, and the CAs that follow it, use this one. Both are accepted:
// OpenSSL's first.
constexpr char sm2_default_id[] = "1234567812345678";

constexpr char not_verified[] = "the signature does not verify with the issuer's key";

algor_ptr algorithm_of(std::span<const std::uint8_t> der) noexcept {
  const unsigned char* p = der.data();
  return algor_ptr(d2i_X509_ALGOR(nullptr, &p, static_cast<long>(der.size())));
}

bool same(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// RSASSA-PSS-params (RFC 4055): hash and MGF-1 hash default to SHA-1, the
// salt to 20 octets, the trailer must be 1.
struct pss_settings {
  int hash_nid{NID_sha1};
  int mgf1_nid{NID_sha1};
  int salt{20};
};

bool pss_params(int param_type, const void* param, pss_settings& out) noexcept {
  if (param_type != V_ASN1_SEQUENCE) return param_type == V_ASN1_UNDEF;  // absent: every default
  const pss_ptr pss(static_cast<RSA_PSS_PARAMS*>(
      ASN1_item_unpack(static_cast<const ASN1_STRING*>(param), ASN1_ITEM_rptr(RSA_PSS_PARAMS))));
  if (!pss) return false;
  if (pss->hashAlgorithm != nullptr) out.hash_nid = OBJ_obj2nid(pss->hashAlgorithm->algorithm);
  if (pss->maskGenAlgorithm != nullptr) {
    if (OBJ_obj2nid(pss->maskGenAlgorithm->algorithm) != NID_mgf1) return false;
    int type = 0;
    const void* value = nullptr;
    X509_ALGOR_get0(nullptr, &type, &value, pss->maskGenAlgorithm);
    if (type != V_ASN1_SEQUENCE) return false;
    const algor_ptr hash(static_cast<X509_ALGOR*>(
        ASN1_item_unpack(static_cast<const ASN1_STRING*>(value), ASN1_ITEM_rptr(X509_ALGOR))));
    if (!hash) return false;
    out.mgf1_nid = OBJ_obj2nid(hash->algorithm);
  }
  if (pss->saltLength != nullptr) {
    const long salt = ASN1_INTEGER_get(pss->saltLength);
    if (salt < 0 || salt > 1024) return false;
    out.salt = static_cast<int>(salt);
  }
  if (pss->trailerField != nullptr && ASN1_INTEGER_get(pss->trailerField) != 1) return false;
  return out.hash_nid != NID_undef && out.mgf1_nid != NID_undef;
}

// What the verifier keeps (issuer keys, CA links) is found the same way: of
// `kept`, whose entries carry a `used` stamp (0: empty), the one `matches`
// accepts, stamped `now`; else null, with `oldest` the entry to replace.
template <class Entry, std::size_t N, class Match>
Entry* find_kept(std::array<Entry, N>& kept, std::uint64_t now, Entry*& oldest, Match matches) {
  oldest = &kept[0];
  for (Entry& e : kept) {
    if (e.used != 0 && matches(e)) {
      e.used = now;
      return &e;
    }
    if (e.used < oldest->used) oldest = &e;
  }
  return nullptr;
}

}  // namespace

signature_verifier::signature_verifier() noexcept : ctx_(EVP_MD_CTX_new()) {}

signature_verifier::cached_key* signature_verifier::key_for(std::span<const std::uint8_t> spki) {
  cached_key* oldest = nullptr;
  if (cached_key* k = find_kept(keys_, ++clock_, oldest, [&](const cached_key& c) { return same(c.spki, spki); }))
    return k;
  const unsigned char* p = spki.data();
  EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
  if (key == nullptr) return nullptr;
  oldest->spki.assign(spki.begin(), spki.end());
  oldest->verifier.reset();
  oldest->verifier_md = 0;
  oldest->key.reset(key);
  oldest->used = clock_;
  return oldest;
}

EVP_PKEY_CTX* signature_verifier::hash_verifier(cached_key& k, int md_nid, const EVP_MD* md) {
  if (k.verifier && k.verifier_md == md_nid) return k.verifier.get();
  if (!k.verifier) {
    k.verifier.reset(EVP_PKEY_CTX_new(k.key.get(), nullptr));
    if (!k.verifier || EVP_PKEY_verify_init(k.verifier.get()) != 1) {
      k.verifier.reset();
      return nullptr;
    }
    if (EVP_PKEY_get_base_id(k.key.get()) == EVP_PKEY_RSA &&
        EVP_PKEY_CTX_set_rsa_padding(k.verifier.get(), RSA_PKCS1_PADDING) != 1) {
      k.verifier.reset();
      return nullptr;
    }
  }
  // The digest is part of what is checked: an RSA signature's DigestInfo
  // names it, and either kind refuses a hash of another size.
  if (EVP_PKEY_CTX_set_signature_md(k.verifier.get(), md) != 1) {
    k.verifier.reset();
    return nullptr;
  }
  k.verifier_md = md_nid;
  return k.verifier.get();
}

const EVP_MD* signature_verifier::digest_for(int nid) {
  for (const cached_digest& d : digests_)
    if (d.md && d.nid == nid) return d.md.get();
  const char* name = OBJ_nid2sn(nid);
  if (name == nullptr) return nullptr;
  EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md == nullptr) return nullptr;
  cached_digest* slot = &digests_[0];
  for (cached_digest& d : digests_)
    if (!d.md) {
      slot = &d;
      break;
    }
  slot->nid = nid;
  slot->md.reset(md);
  return md;
}

// RSA PKCS#1 v1.5 and ECDSA: the hash, then the kept context's check of it;
// nothing when there is no such context or hash (EVP_DigestVerify then decides).
std::optional<bool> signature_verifier::verify_hash(const x509::certificate_view& issued, cached_key& k, int md_nid,
                                                    const EVP_MD* md) {
  EVP_PKEY_CTX* verifier = hash_verifier(k, md_nid, md);
  if (verifier == nullptr) return std::nullopt;
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> hash{};
  const unsigned size = digest_of(md_nid, md, issued.tbs, hash);
  if (size == 0) return std::nullopt;
  return EVP_PKEY_verify(verifier, issued.signature.data(), issued.signature.size(), hash.data(), size) == 1;
}

bool signature_verifier::verify_sm2(const x509::certificate_view& issued, EVP_PKEY* key, const EVP_MD* md,
                                    const char* id) {
  std::unique_ptr<EVP_PKEY_CTX, freer<&EVP_PKEY_CTX_free>> pkey_ctx(EVP_PKEY_CTX_new(key, nullptr));
  if (!pkey_ctx) return false;
  if (id != nullptr && EVP_PKEY_CTX_set1_id(pkey_ctx.get(), id, static_cast<int>(std::char_traits<char>::length(id))) != 1)
    return false;
  EVP_MD_CTX_reset(ctx_.get());
  EVP_MD_CTX_set_pkey_ctx(ctx_.get(), pkey_ctx.get());
  const bool ok = EVP_DigestVerifyInit(ctx_.get(), nullptr, md, nullptr, key) == 1 &&
                  EVP_DigestVerify(ctx_.get(), issued.signature.data(), issued.signature.size(), issued.tbs.data(),
                                   issued.tbs.size()) == 1;
  EVP_MD_CTX_set_pkey_ctx(ctx_.get(), nullptr);
  return ok;
}

signature_verifier::verdict signature_verifier::verify(const x509::certificate_view& issued,
                                                       std::span<const std::uint8_t> issuer_spki,
                                                       std::string_view& why) {
  if (issued.basic_constraints_ca != true) return verify_now(issued, issuer_spki, why);
  verified_link* oldest = nullptr;
  if (find_kept(links_, ++clock_, oldest, [&](const verified_link& l) {
        return same(l.der, issued.der) && same(l.spki, issuer_spki);
      }))
    return verdict::valid;
  const verdict v = verify_now(issued, issuer_spki, why);
  if (v == verdict::valid) {
    oldest->der.assign(issued.der.begin(), issued.der.end());
    oldest->spki.assign(issuer_spki.begin(), issuer_spki.end());
    oldest->used = clock_;
  }
  return v;
}

signature_verifier::verdict signature_verifier::verify_now(const x509::certificate_view& issued,
                                                           std::span<const std::uint8_t> issuer_spki,
                                                           std::string_view& why) {
  if (!ctx_) {
    why = "OpenSSL could not make a digest context";
    return verdict::unsupported;
  }
  // X509_verify refuses a certificate whose two signature algorithms differ.
  if (!same(issued.signature_algorithm.der, issued.tbs_signature.der)) {
    why = "the certificate names two different signature algorithms";
    return verdict::invalid;
  }
  const algor_ptr algorithm = algorithm_of(issued.signature_algorithm.der);
  const ASN1_OBJECT* object = nullptr;
  int param_type = 0;
  const void* param = nullptr;
  if (algorithm) X509_ALGOR_get0(&object, &param_type, &param, algorithm.get());
  const int sig_nid = object != nullptr ? OBJ_obj2nid(object) : NID_undef;
  int md_nid = NID_undef, pkey_nid = NID_undef;
  if (sig_nid == NID_undef || OBJ_find_sigid_algs(sig_nid, &md_nid, &pkey_nid) != 1) {
    why = "OpenSSL does not know this signature algorithm";
    return verdict::unsupported;
  }
  cached_key* kept = key_for(issuer_spki);
  if (kept == nullptr) {
    why = "OpenSSL cannot read the issuer's public key";
    return verdict::unsupported;
  }
  EVP_PKEY* key = kept->key.get();
  // The key must be of the kind the signature algorithm names.
  const bool sm2_key = EVP_PKEY_is_a(key, "SM2") == 1;
  const int base = EVP_PKEY_get_base_id(key);
  const bool rsa_key = base == EVP_PKEY_RSA || base == EVP_PKEY_RSA_PSS;
  const bool fits = pkey_nid == NID_rsaEncryption || pkey_nid == NID_rsassaPss ? rsa_key
                    : pkey_nid == NID_sm2                                       ? sm2_key
                    : pkey_nid == NID_X9_62_id_ecPublicKey                      ? base == EVP_PKEY_EC && !sm2_key
                                                                                : base == pkey_nid;
  if (!fits) {
    why = "the issuer's key is of another kind than the signature algorithm";
    return verdict::invalid;
  }
  const bool pss = sig_nid == NID_rsassaPss;
  const EVP_MD* md = nullptr;
  pss_settings settings;
  if (pss) {
    if (!pss_params(param_type, param, settings)) {
      why = "the RSA-PSS parameters cannot be read";
      return verdict::invalid;
    }
    md_nid = settings.hash_nid;
  }
  if (md_nid != NID_undef) md = digest_for(md_nid);
  if (md_nid != NID_undef && md == nullptr) {
    why = "OpenSSL cannot compute this signature's digest";
    return verdict::unsupported;
  }
  if (issued.signature.empty()) {
    why = "the signature is empty";
    return verdict::invalid;
  }
  if (sm2_key) {
    if (verify_sm2(issued, key, md, nullptr)) return verdict::valid;
    if (verify_sm2(issued, key, md, sm2_default_id)) return verdict::valid;
    why = "the signature does not verify with the issuer's key (with OpenSSL's identifier or GM/T 0009's)";
    return verdict::invalid;
  }
  if (!pss && md != nullptr && (base == EVP_PKEY_RSA || base == EVP_PKEY_EC)) {
    if (const std::optional<bool> ok = verify_hash(issued, *kept, md_nid, md)) {
      if (*ok) return verdict::valid;
      why = not_verified;
      return verdict::invalid;
    }
  }
  EVP_MD_CTX_reset(ctx_.get());
  EVP_PKEY_CTX* pkey_ctx = nullptr;
  if (EVP_DigestVerifyInit(ctx_.get(), &pkey_ctx, md, nullptr, key) != 1) {
    why = "the issuer's key cannot verify this kind of signature";
    return verdict::invalid;
  }
  if (pss) {
    const EVP_MD* mgf1 = digest_for(settings.mgf1_nid);
    if (mgf1 == nullptr || EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pkey_ctx, mgf1) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pkey_ctx, settings.salt) != 1) {
      why = "OpenSSL cannot verify with these RSA-PSS parameters";
      return verdict::unsupported;
    }
  }
  const int ok = EVP_DigestVerify(ctx_.get(), issued.signature.data(), issued.signature.size(), issued.tbs.data(),
                                  issued.tbs.size());
  if (ok == 1) return verdict::valid;
  why = not_verified;
  return verdict::invalid;
}

}  // namespace alicert::internal
