// Internal: the walk over one document with simdjson On-Demand.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>

#include <simdjson.h>

#include "alicert/error.h"
#include "alicert/quirks.h"
#include "fields.h"
#include "parser_state.h"

namespace alicert::internal {

namespace od = simdjson::ondemand;

class walker {
 public:
  // `base` is the start of the caller's input (offsets count from it);
  // `end` the end of this document in it.
  walker(parser_state& st, od::document& doc, const char* base, const char* end) noexcept
      : st_(st), doc_(doc), base_(base), end_(end) {}

  // Reads the root object; afterwards `fatal`, `pending` and the views say what it held.
  bool root(od::object root) noexcept;

  std::optional<error> fatal;
  std::array<std::optional<error>, static_cast<std::size_t>(target::count)> pending;
  quirk_set quirks;
  reported_text request_id;

  // What the root held, to tell the API.
  bool cas_certificate{false};
  bool kms_certificate{false};
  bool cert_infos{false};
  bool kms_describe_key{false};
  bool kms_get_key{false};
  bool certificate_id{false};
  bool api_error_code{false};

  bool json_error(simdjson::error_code code, const char* at) noexcept;
  simdjson::error_code key_of(od::field& field, std::string_view& out) const noexcept;
  bool fail(error_code code, const char* message, const char* at) noexcept;
  // Validates and consumes any value, `depth` levels below the root.
  bool skip(od::value& v, std::size_t depth) noexcept;

 private:
  struct segment {
    std::string_view key;
    std::size_t index;
  };

  void defer(target owner, error_code code, const char* message, const char* at) noexcept;
  bool wrong_type(od::value& v, target owner, const char* message, const char* at) noexcept;
  [[nodiscard]] std::string pointer() const;
  [[nodiscard]] std::size_t offset(const char* at) const noexcept {
    return static_cast<std::size_t>(at - base_);
  }
  void push(std::string_view key, std::size_t index = 0) noexcept;
  void pop() noexcept { if (depth_) --depth_; }

  bool fields(od::object obj, std::span<const field_spec> table, void* const* bases) noexcept;
  bool read_field(od::value& v, const field_spec& spec, void* base) noexcept;
  bool certificate(od::value& v) noexcept;
  bool cert_info_list(od::value& v) noexcept;
  bool cert_info_items(od::array arr, const char* at) noexcept;
  bool cert_info_item(od::value& v, std::size_t index) noexcept;

  bool string_of(od::value& v, std::string_view& out) noexcept;
  bool raw_json_of(od::value& v, std::string_view& out) noexcept;

  bool read_text(od::value& v, const field_spec& spec, reported_text& r) noexcept;
  bool read_integer(od::value& v, const field_spec& spec, reported_int& r) noexcept;
  bool read_boolean(od::value& v, const field_spec& spec, reported_bool& r) noexcept;
  bool read_time(od::value& v, const field_spec& spec, reported_time& r) noexcept;
  bool read_names(od::value& v, const field_spec& spec, reported_names& r, bool wrapped) noexcept;
  bool read_tags(od::value& v, const field_spec& spec, reported_tags& r) noexcept;
  bool read_raw(od::value& v, const field_spec& spec, reported_text& r) noexcept;
  bool inner_failed(const inner_result& e, std::string_view text, const char* at) noexcept;

  parser_state& st_;
  od::document& doc_;
  const char* base_;
  const char* end_;
  std::array<segment, 8> path_{};
  std::size_t depth_{0};
};

}  // namespace alicert::internal
