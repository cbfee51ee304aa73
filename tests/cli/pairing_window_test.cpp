// The pairing window (src/cli/pairing.h): gathering offers stay within their
// byte budget, oldest forgotten first, and the window's own forgetting stays
// right after the budget has dropped offers.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "pairing.h"

namespace {

using alicert::cli::partner_bytes;
using alicert::cli::partner_key_kind;
using alicert::cli::partner_keys;
using alicert::cli::partner_list;
using alicert::cli::pairing_window;

partner_bytes bytes_of(std::size_t n, char fill) { return partner_bytes::copy_of(std::string(n, fill)); }

partner_keys gathering() {
  partner_keys k;
  k.add(partner_key_kind::any_certificate, {});
  return k;
}

// What the document waiting at `seq` gathers once everything is read: the fill of each partner.
std::string gathered_by(pairing_window<int>& w, std::size_t seq, std::size_t seen) {
  w.wait(seq, gathering(), 0);
  std::string fills;
  w.resolve(seen, true, [&](int&&, partner_list&& partners, bool) {
    for (const auto& p : partners) fills += p.text.view().front();
  });
  return fills;
}

TEST(PairingWindow, GatheringOffersStayWithinTheirBudgetOldestFirst) {
  pairing_window<int> w(100, 100);
  w.offer(0, gathering(), bytes_of(40, 'a'));
  w.offer(1, gathering(), bytes_of(40, 'b'));
  EXPECT_EQ(w.gathered_bytes(), 80u);
  w.offer(2, gathering(), bytes_of(40, 'c'));
  EXPECT_EQ(w.gathered_bytes(), 80u) << "the oldest offer goes";
  EXPECT_EQ(gathered_by(w, 3, 4), "bc");
}

TEST(PairingWindow, TheNewestOfferStaysWhateverItsSize) {
  pairing_window<int> w(100, 10);
  w.offer(0, gathering(), bytes_of(40, 'a'));
  w.offer(1, gathering(), bytes_of(50, 'b'));
  EXPECT_EQ(w.gathered_bytes(), 50u);
  EXPECT_EQ(gathered_by(w, 2, 3), "b");
}

TEST(PairingWindow, OffersOfOtherKindsAreNotCounted) {
  pairing_window<int> w(100, 50);
  partner_keys both = gathering();
  both.add(partner_key_kind::kms_certificate_id, "id-1");
  w.offer(0, both, bytes_of(40, 'a'));
  w.offer(1, gathering(), bytes_of(40, 'b'));
  EXPECT_EQ(w.gathered_bytes(), 40u);
  // The KMS offer of document 0 is still there for a describe of its id.
  partner_keys wants;
  wants.add(partner_key_kind::kms_certificate_id, "id-1");
  w.wait(2, wants, 0);
  std::string fills;
  w.resolve(3, true, [&](int&&, partner_list&& partners, bool) {
    for (const auto& p : partners) fills += p.text.view().front();
  });
  EXPECT_EQ(fills, "a");
}

// The window forgets by age after the budget dropped offers: it must not
// forget a newer offer in place of the one already gone.
TEST(PairingWindow, ForgettingByAgeAfterTheBudgetKeepsTheRightOffers) {
  pairing_window<int> w(2, 100);
  w.offer(0, gathering(), bytes_of(60, 'a'));
  w.offer(1, gathering(), bytes_of(60, 'b'));  // drops a
  w.offer(2, gathering(), bytes_of(30, 'c'));
  w.resolve(4, false, [](int&&, partner_list&&, bool) {});  // nobody waits: 0 and 1 age out
  EXPECT_EQ(w.gathered_bytes(), 30u);
  w.offer(4, gathering(), bytes_of(30, 'e'));
  EXPECT_EQ(gathered_by(w, 3, 6), "ce") << "documents 2 and 4 are within 2 of document 3";
}

// Offers that borrow one owner (documents of one chunk) count its bytes once,
// until the last of them goes.
TEST(PairingWindow, OffersOfOneOwnerCountItOnce) {
  pairing_window<int> w(2, 1000);
  const partner_bytes chunk = bytes_of(100, 'a');
  // Views into the one owner, as documents of one chunk are.
  const auto part = [&](std::size_t at) {
    return partner_bytes{chunk.owner, alicert::padded_view(chunk.text.data() + at, 8), chunk.held};
  };
  w.offer(0, gathering(), part(0));
  w.offer(1, gathering(), part(50));
  EXPECT_EQ(w.gathered_bytes(), 100u);
  w.offer(2, gathering(), bytes_of(30, 'c'));
  EXPECT_EQ(w.gathered_bytes(), 130u);
  w.resolve(4, false, [](int&&, partner_list&&, bool) {});  // 0 and 1 age out, 2 stays
  EXPECT_EQ(w.gathered_bytes(), 30u);
  EXPECT_EQ(gathered_by(w, 3, 5), "c");
}

}  // namespace
