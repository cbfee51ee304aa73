// The body shared by the parse_* targets: parse with auto-detection, read
// every accessor, then parse again with each expected API on the same parser
// and compare. Auto-detection and an expectation must agree: the matching
// expectation gives the very same document (same fingerprint), any other
// gives unexpected_api, and a document auto-detection refuses stays refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "alicert/responses.h"
#include "touch_views.h"

namespace alicert::fuzz {

inline void run_parse(const std::uint8_t* data, std::size_t size, std::initializer_list<api> expected) {
  const padded_buffer input(std::string_view(reinterpret_cast<const char*>(data), size));
  parser p;
  view_context cx{input.data(), input.size(), 0, {}};

  const result<document_view> detected = p.parse(input);
  const std::uint64_t detected_fp = touch_result(p, detected, cx);
  const bool detected_ok = detected.has_value();
  const api detected_kind = detected_ok ? detected->kind : api::api_error;
  const error_code detected_code = detected_ok ? error_code::empty_input : detected.error().code;

  for (api want : expected) {
    const result<document_view> r = p.parse(input, want);
    const std::uint64_t fp = touch_result(p, r, cx);
    if (detected_ok && want == detected_kind) {
      ALICERT_FUZZ_CHECK(r.has_value(), "the detected API, when expected, fails");
      ALICERT_FUZZ_CHECK(fp == detected_fp, "the detected API, when expected, reads differently");
    } else if (detected_ok) {
      ALICERT_FUZZ_CHECK(!r.has_value() && r.error().code == error_code::unexpected_api,
                         "another API than the detected one, when expected, does not give unexpected_api");
    } else {
      ALICERT_FUZZ_CHECK(!r.has_value(), "a document refused by auto-detection is accepted with an expectation");
      ALICERT_FUZZ_CHECK(r.error().code == detected_code || r.error().code == error_code::unexpected_api,
                         "an expectation changes the error of a refused document");
    }
  }

  // The parser reused after other parses reads the document as a fresh one did.
  const result<document_view> again = p.parse(input);
  ALICERT_FUZZ_CHECK(touch_result(p, again, cx) == detected_fp, "a reused parser reads the document differently");
  consume(detected_fp);
}

}  // namespace alicert::fuzz
