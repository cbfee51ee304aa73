// alicert CLI: documents checked together with another document of the
// input (report.md, --pair-window). A document may want a partner under one
// or more keys, in order of preference; a document may offer itself under
// one or more keys. A wanting document is paired with the first document of
// the input, within the window (that many documents before or after it,
// the FILEs read as one sequence), that offers its first key that any
// offers there; several such offers make the pair ambiguous (the first is
// used, and the check notes it). A key kind may instead gather: the wanting
// document gets every document within the window that offers it, in input
// order. A kms.DescribeCertificate wants the kms.GetCertificate of its
// CertificateId; a cas.ListUserCertificateOrder or slb.DescribeServerCertificates
// gathers every document that carries a certificate, and the library pairs
// its entries with those certificates by id, else by digest. New pairs are
// new key kinds in partner_keys_wanted() / partner_keys_offered() and what
// set_partner() hands the checker.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "alicert/check/checker.h"
#include "alicert/responses/document.h"
#include "alicert/responses/padded.h"

namespace alicert::cli {

/// What a key names; keys of different kinds never match.
enum class partner_key_kind : std::uint8_t {
  kms_certificate_id,  ///< a KMS CertificateId (DescribeCertificate wants, GetCertificate offers)
  /// Any certificate (every document that carries one offers it): gathered,
  /// for the entries that carry none (ListUserCertificateOrder, SLB).
  any_certificate,
};

/// Whether a wanting document gets every offer of this kind in its window,
/// not only the first.
constexpr bool gathers(partner_key_kind kind) noexcept { return kind == partner_key_kind::any_certificate; }

struct partner_key {
  partner_key_kind kind{};
  std::string_view value;  ///< borrowed from the document's view
};

/// The keys of one document, in order of preference.
class partner_keys {
 public:
  static constexpr std::size_t capacity = 4;
  void add(partner_key_kind kind, std::string_view value) noexcept {
    if (count_ < capacity) keys_[count_++] = {kind, value};
  }
  [[nodiscard]] std::span<const partner_key> keys() const noexcept { return {keys_.data(), count_}; }
  [[nodiscard]] bool empty() const noexcept { return count_ == 0; }

 private:
  std::array<partner_key, capacity> keys_{};
  std::size_t count_{0};
};

/// The keys under which `doc` wants a partner; none: it is checked alone.
partner_keys partner_keys_wanted(const document_view& doc) noexcept;

/// The keys under which `doc` offers itself as a partner. `scratch` is
/// working space (its contents are replaced).
partner_keys partner_keys_offered(const document_view& doc, std::vector<paired_certificate>& scratch) noexcept;

/// Whether `doc` wants the certificates of the documents around it.
bool wants_certificates(const document_view& doc) noexcept;

/// Tells the checker, through `how`, the partners of `doc`: `partner` for a
/// KMS describe (null when none was found within the window), `ambiguous`
/// when several were; `certificates`, those gathered for the entries of a
/// certificate list. What they borrow must outlive the check.
void set_partner(check_options& how, const document_view& doc, const document_view* partner, bool ambiguous,
                 std::span<const paired_certificate> certificates) noexcept;

/// An offering document's bytes, parsed again when a wanting one is checked:
/// borrowed from what holds them (the input's chunk, shared), not copied,
/// since every document that carries a certificate offers itself.
struct partner_bytes {
  std::shared_ptr<const void> owner;  ///< keeps `text` readable, padding included
  padded_view text;
  std::size_t held{0};  ///< the bytes `owner` holds, for the gathering budget
  /// Bytes in a padded copy of their own (empty when no memory: failed()).
  static partner_bytes copy_of(std::string_view bytes) {
    auto buffer = std::make_shared<const padded_buffer>(bytes);
    if (buffer->allocation_failed()) return {};
    const padded_view text = buffer->view();
    return {std::move(buffer), text, bytes.size()};
  }
  [[nodiscard]] bool failed() const noexcept { return owner == nullptr; }
};

/// The documents a wanting one is checked with: the first offer of its key,
/// or every offer of a gathering key, in input order.
using partner_list = std::vector<partner_bytes>;

/// The sliding window: the offers of the last documents, and the wanting
/// documents whose window has not closed yet. `Waiting` is what the caller
/// keeps for each of those until it is resolved.
/// Every document that carries a certificate offers it to the lists, so
/// the gathering offers alone could hold a whole window of large documents:
/// their bytes are kept within this budget, the oldest forgotten first.
inline constexpr std::size_t gathering_budget = 64u << 20;

template <class Waiting>
class pairing_window {
 public:
  explicit pairing_window(std::size_t window, std::size_t budget = gathering_budget)
      : window_(window), budget_(budget) {}

  /// Document `seq` (counted over every input) offers itself under `keys`.
  void offer(std::size_t seq, const partner_keys& keys, const partner_bytes& bytes) {
    for (const partner_key& k : keys.keys()) {
      if (gathers(k.kind)) {
        // One sequence for every gathering offer (they all answer the one
        // key a list wants): no key text, no lookup, on every document.
        // Offers that share an owner (documents of one chunk) count it once.
        if (gathered_.empty() || gathered_.back().bytes.owner != bytes.owner) gathered_bytes_ += bytes.held;
        gathered_.push_back({seq, bytes});
        trim();
        continue;
      }
      std::string key = key_text(k);
      offers_[key].push_back({seq, bytes});
      by_age_.push_back({seq, std::move(key)});
    }
  }

  /// The bytes the gathering offers hold now (each owner once).
  [[nodiscard]] std::size_t gathered_bytes() const noexcept { return gathered_bytes_; }

  /// Document `seq` wants a partner under `keys`.
  void wait(std::size_t seq, const partner_keys& keys, Waiting w) {
    waiting entry{seq, {}, std::move(w)};
    for (const partner_key& k : keys.keys()) entry.keys.push_back(key_text(k));
    waiting_.push_back(std::move(entry));
  }

  /// Calls `done(Waiting&&, partner_list&& partners, bool ambiguous)`, in
  /// input order, for every waiting document whose window has closed now
  /// that `seen` documents have been read (every one when `end`); partners
  /// is empty when none was found.
  template <class F>
  void resolve(std::size_t seen, bool end, F&& done) {
    while (!waiting_.empty() && (end || seen > waiting_.front().seq + window_)) {
      waiting& w = waiting_.front();
      partner_list partners;
      bool ambiguous = false;
      find(w, partners, ambiguous);
      done(std::move(w.payload), std::move(partners), ambiguous);
      waiting_.pop_front();
    }
    forget_before(std::min(seen, waiting_.empty() ? seen : waiting_.front().seq));
  }

  [[nodiscard]] bool empty() const noexcept { return waiting_.empty(); }

 private:
  struct offered {
    std::size_t seq;
    partner_bytes bytes;
  };
  struct waiting {
    std::size_t seq;
    std::vector<std::string> keys;
    Waiting payload;
  };

  static std::string key_text(const partner_key& k) {
    std::string text(1, static_cast<char>(k.kind));
    text += k.value;
    return text;
  }

  void find(const waiting& w, partner_list& partners, bool& ambiguous) const {
    const std::size_t low = w.seq > window_ ? w.seq - window_ : 0;
    const std::size_t high = w.seq + window_;
    for (const std::string& key : w.keys) {
      const bool all = gathers(static_cast<partner_key_kind>(key.front()));
      const std::deque<offered>* offers = &gathered_;
      if (!all) {
        const auto it = offers_.find(key);
        if (it == offers_.end()) continue;
        offers = &it->second;
      }
      std::size_t found = 0;
      for (const offered& o : *offers) {
        if (o.seq < low || o.seq == w.seq) continue;
        if (o.seq > high) break;
        if (found++ == 0 || all) partners.push_back(o.bytes);
      }
      if (found == 0) continue;
      if (all) return;
      ambiguous = found > 1;
      return;
    }
  }

  // Offers that no waiting document, nor any document still to come, can
  // reach: the oldest first, in the order they came.
  void forget_before(std::size_t oldest_reach) {
    if (oldest_reach <= window_) return;
    const std::size_t low = oldest_reach - window_;
    while (!gathered_.empty() && gathered_.front().seq < low) drop_gathered();
    while (!by_age_.empty() && by_age_.front().seq < low) {
      const auto it = offers_.find(by_age_.front().key);
      by_age_.pop_front();
      if (it == offers_.end()) continue;
      it->second.pop_front();  // the offers of one key come in input order too
      if (it->second.empty()) offers_.erase(it);
    }
  }

  // The gathering offers beyond the budget, the oldest first (the newest
  // always stays, whatever its size).
  void trim() {
    while (gathered_bytes_ > budget_ && gathered_.size() > 1) drop_gathered();
  }

  void drop_gathered() {
    const partner_bytes& front = gathered_.front().bytes;
    if (gathered_.size() == 1 || gathered_[1].bytes.owner != front.owner) gathered_bytes_ -= front.held;
    gathered_.pop_front();
  }

  struct aging {
    std::size_t seq;
    std::string key;
  };
  std::size_t window_;
  std::size_t budget_;
  std::size_t gathered_bytes_{0};
  std::deque<offered> gathered_;  // every gathering offer, in input order
  std::unordered_map<std::string, std::deque<offered>> offers_;  // the others, by key
  std::deque<aging> by_age_;  // the others, in input order
  std::deque<waiting> waiting_;
};

}  // namespace alicert::cli
