// Internal: the walk over one document with simdjson On-Demand, driven by the
// API schemas (schema.h, schemas/*.h).
//
// The walk may meet std::bad_alloc (growing the parser's lists): its caller,
// parse, reports it (common/memory.h); nothing else here throws.
//
// A document's API is known only once its root object has been read, so the
// root is read against every API's root schema at once: each key is looked up
// in each, its value is read once (raw_value) and converted for every schema
// that has the key, into that API's view. Wrong types, and quirks, are charged
// to the API whose schema read them and count only if the document turns out
// to be of that API; what every API shares (malformed JSON, limits, duplicate
// keys) counts for all. Nested objects (CAS `Certificate`) and lists of
// entries (CDN `CertInfos`) are read the same way, one level down.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

#include <simdjson.h>

#include "alicert/error.h"
#include "alicert/quirks.h"
#include "joint_index.h"
#include "parser_state.h"
#include "schema.h"

namespace alicert::internal {

namespace od = simdjson::ondemand;


/// A JSON value read once, before it is converted for each schema that has its key.
struct raw_value {
  od::json_type type{od::json_type::null};
  /// string: the unescaped content; number, boolean, null: the token;
  /// array, object: the raw text (validated).
  std::string_view text{};
  const char* at{nullptr};  ///< where the value starts in the input
};

class walker;

/// The field an object's iterator gives, used where it stands. Copying it
/// out (`get(field)`) reloads in one 16-byte load what was just stored in
/// two parts: a store-forwarding stall on every key, 30-40% of the samples
/// of walker::object (perf); in place, parse took 2-4% less. `f` is a
/// mutable local: only simdjson's accessor is const.
inline od::field& field_in_place(simdjson::simdjson_result<od::field>& f) noexcept {
  return const_cast<od::field&>(f.value_unsafe());
}

/// An array's item, used where it stands (as field_in_place).
inline od::value& item_in_place(simdjson::simdjson_result<od::value>& item) noexcept {
  return const_cast<od::value&>(item.value_unsafe());
}

/// A schema with its types erased, so that one walk can hold several.
struct schema_ops {
  const key_index* index;  ///< its keys: index->find gives a key's row
  bool (*apply)(walker& w, const raw_value& v, std::size_t row, void* view, api owner);
  unsigned (*flags)(std::size_t row) noexcept;
};

/// The rows of a key in every reading of an object at once (joint_index.h):
/// false when each reading's own find must tell.
using joint_find = bool (*)(std::string_view key, std::array<std::size_t, api_count>& rows,
                            std::uint32_t& other_case) noexcept;

/// One schema reading one object into one view, on behalf of `owner`.
struct reading {
  api owner;
  const schema_ops* ops;
  void* view;
  std::uint64_t seen{0};  ///< rows met in this object: a repeated key counts once
};

class walker {
 public:
  // `base` is the start of the caller's input (offsets count from it);
  // `end` the end of this document in it.
  walker(parser_state& st, od::document& doc, const char* base, const char* end) noexcept
      : st_(st), doc_(doc), base_(base), end_(end) {}

  // Reads the root object; afterwards `fatal`, `pending`, the marks and the views say what it held.
  bool root(od::object root);

  std::optional<error> fatal;
  std::array<std::optional<error>, api_count> pending;  ///< wrong types, by API
  quirk_set common_quirks;                                ///< whatever the API
  std::array<quirk_set, api_count> quirks;                ///< by API
  std::array<bool, api_count> marked{};                   ///< a key only that API has was seen
  std::array<bool, api_count> fallback_marked{};          ///< a key of flag::fallback was seen
  bool kms_certificate{false};  ///< a text `Certificate` (GetCertificate's own mark)
  bool cert_infos{false};        ///< a `CertInfos` (CDN's envelope, shared with its per-domain siblings)
  bool gucd_excluded{false};     ///< a root key that makes a flat object no GetUserCertificateDetail

  bool json_error(simdjson::error_code code, const char* at) noexcept;
  simdjson::error_code key_of(od::field& field, std::string_view& out) const noexcept;
  bool fail(error_code code, const char* message, const char* at) noexcept;
  // Validates and consumes any value, `depth` levels below the root.
  bool skip(od::value& v, std::size_t depth) noexcept;

  // The conversions of a raw value by the shape of its field (field_reading.cpp).
  bool to_text(const raw_value& v, shape how, reported_text& r, api owner);
  bool to_integer(const raw_value& v, shape how, reported_int& r, api owner);
  bool to_boolean(const raw_value& v, reported_bool& r, api owner);
  bool to_time(const raw_value& v, shape how, reported_time& r, api owner);
  bool to_names(const raw_value& v, shape how, reported_names& r, api owner);
  bool to_tags(const raw_value& v, shape how, reported_tags& r, api owner);

 private:
  struct segment {
    std::string_view key;
    std::size_t index;
  };

  void defer(api owner, error_code code, const char* message, const char* at) noexcept;
  // `field_value`: the value stands right under the current pointer (it is the
  // value of the last key pushed), not inside a value being skipped.
  bool stray_token(const char* at, bool field_value) noexcept;
  bool wrong_type(api owner, const char* message, const char* at) noexcept;
  [[nodiscard]] json_pointer pointer() const noexcept;
  [[nodiscard]] std::size_t offset(const char* at) const noexcept {
    return static_cast<std::size_t>(at - base_);
  }
  void push(std::string_view key, std::size_t index = 0) noexcept;
  void pop() noexcept { if (depth_) --depth_; }

  // `joint`, when given, finds a key's rows in every reading at once.
  bool object(od::object obj, std::span<reading> readings, bool at_root, joint_find joint = nullptr);
  void find_rows(std::string_view key, std::span<reading> readings, joint_find joint,
                 std::array<std::size_t, api_count>& rows, std::uint32_t& other_case) const noexcept;
  /// How a string's content is taken: read (unescaped by simdjson when it has
  /// escapes), secret (unescaped into the wiped arena), or only validated.
  enum class string_use : std::uint8_t { read, secret, validate };
  bool raw_of(od::value& v, raw_value& out, bool secret = false) noexcept;
  bool string_of(od::value& v, std::string_view& out, bool field_value, string_use use) noexcept;
  bool raw_json_of(od::value& v, std::string_view& out) noexcept;
  bool inner_failed(const error& e, std::string_view text, const char* at) noexcept;

  // The structures under the root (entry_list.cpp): `handled` is set when
  // `key` names one (CAS Certificate, CertInfos, CertificateOrderList,
  // ServerCertificates, CertChain).
  bool root_structure(std::string_view key, od::value& v, bool& handled);
  bool cas_certificate(od::value& v);
  template <class Sink>
  bool entry_list(od::value& v, std::string_view item_key, Sink& sink);
  template <class Sink>
  bool entry_items(od::array arr, const char* at, bool wrapped, Sink& sink);
  template <class Sink>
  bool entry_item(od::value& v, std::size_t index, Sink& sink);
  void structure_quirk(quirk q, std::span<const api> owners) noexcept;
  void structure_wrong_type(std::span<const api> owners, const char* message, const char* at) noexcept;

  parser_state& st_;
  od::document& doc_;
  const char* base_;
  const char* end_;
  std::array<segment, 8> path_{};
  std::size_t depth_{0};
  std::uint8_t structures_seen_{0};  // root structures met, by bit: a repeated one counts once
};

/// The schema_ops of a typed schema.
template <class View, const auto& Schema>
struct ops_of {
  static constexpr key_index index{Schema};
  static unsigned flags(std::size_t row) noexcept { return Schema[row].flags; }
  static bool apply(walker& w, const raw_value& v, std::size_t row, void* view, api owner) {
    const field<View>& f = Schema[row];
    View& target = *static_cast<View*>(view);
    switch (f.slot.kind) {
      case member_kind::text: return w.to_text(v, f.how, target.*f.slot.text, owner);
      case member_kind::integer: return w.to_integer(v, f.how, target.*f.slot.integer, owner);
      case member_kind::boolean: return w.to_boolean(v, target.*f.slot.boolean, owner);
      case member_kind::time: return w.to_time(v, f.how, target.*f.slot.time, owner);
      case member_kind::names: return w.to_names(v, f.how, target.*f.slot.names, owner);
      case member_kind::tags: return w.to_tags(v, f.how, target.*f.slot.tags, owner);
    }
    return true;
  }
  static constexpr schema_ops ops{&index, &apply, &flags};
};

/// The key index of `Schema`.
template <const auto& Schema>
constexpr const key_index* index_of() noexcept {
  return &ops_of<typename std::remove_cvref_t<decltype(Schema)>::value_type::view_type, Schema>::index;
}

/// One joint_index over `Schemas`, for an object read by one reading of each, in this order.
template <const auto&... Schemas>
struct joint_of {
  static constexpr std::size_t count = sizeof...(Schemas);
  static_assert(count <= api_count);
  static constexpr joint_index<count> index{std::array<const key_index*, count>{index_of<Schemas>()...}};

  static bool find(std::string_view key, std::array<std::size_t, api_count>& rows, std::uint32_t& other_case) noexcept {
    return index.find(key, std::span<std::size_t, count>(rows.data(), count), other_case);
  }
  /// True when `readings` are by these schemas in this order (else the
  /// joint index would give rows of other schemas: the walk then goes without it).
  static bool serves(std::span<const reading> readings) noexcept {
    if (readings.size() != count) return false;
    for (std::size_t i = 0; i < count; ++i)
      if (readings[i].ops->index != index.schemas()[i]) return false;
    return true;
  }
};

}  // namespace alicert::internal

namespace alicert::internal {

/// A reading of `view` by `Schema`: the only way readings are made, so a
/// view is always read by its own schema.
template <const auto& Schema, class View>
reading read_by(api owner, View& view) noexcept {
  static_assert(std::is_same_v<typename std::remove_cvref_t<decltype(Schema)>::value_type, field<View>>,
                "a view is read by the schema of its own type");
  return reading{owner, &ops_of<View, Schema>::ops, &view};
}

}  // namespace alicert::internal
