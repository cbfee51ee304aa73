// The conversion of a raw JSON value into a reported field, by the field's
// shape: every shape a field is known to arrive in is accepted (numbers as
// strings, strings as numbers, JSON held in strings, lists as single values),
// each deviation from the documented shape recorded as a quirk of the API
// whose schema read it.
#include <charconv>
#include <functional>

#include "alicert/time.h"
#include "common/time_parse.h"
#include "inner_text.h"
#include "walker.h"

namespace alicert::internal {
namespace {

// A decimal integer, strictly: optional '-', digits, nothing else.
enum class int_parse { ok, not_a_number, out_of_range };
int_parse parse_int64(std::string_view s, std::int64_t& out) noexcept {
  if (s.empty() || (s.size() > 1 && s[0] == '+')) return int_parse::not_a_number;
  const std::size_t digits_from = s[0] == '-' ? 1 : 0;
  if (digits_from == s.size()) return int_parse::not_a_number;
  for (std::size_t i = digits_from; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return int_parse::not_a_number;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec == std::errc::result_out_of_range) return int_parse::out_of_range;
  if (ec != std::errc() || end != s.data() + s.size()) return int_parse::not_a_number;
  return int_parse::ok;
}

bool blank(std::string_view s) noexcept {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

}  // namespace

bool walker::to_text(const raw_value& v, shape how, reported_text& r, api owner) {
  r.offset = offset(v.at);
  switch (v.type) {
    case od::json_type::string: r.text = v.text; break;
    case od::json_type::number:
      r.text = v.text;
      // An integer id kept as text arrives as a number by design.
      if (how != shape::integer_text) quirks[static_cast<std::size_t>(owner)].add(quirk::string_as_number);
      break;
    case od::json_type::null: return true;
    case od::json_type::object:
    case od::json_type::array:
      if (how == shape::raw_json) {
        r.text = r.value = v.text;
        r.state = field_state::present;
        return true;
      }
      return wrong_type(owner, "expected a string", v.at);
    default:
      return wrong_type(owner, "expected a string", v.at);
  }
  if (r.text.empty()) return true;
  if (how == shape::integer_text && v.type == od::json_type::string) {
    std::int64_t ignored = 0;
    if (parse_int64(r.text, ignored) == int_parse::ok) quirks[static_cast<std::size_t>(owner)].add(quirk::number_as_string);
  }
  r.value = r.text;
  r.state = field_state::present;
  return true;
}

bool walker::to_integer(const raw_value& v, shape how, reported_int& r, api owner) {
  r.offset = offset(v.at);
  quirk_set& q = quirks[static_cast<std::size_t>(owner)];
  switch (v.type) {
    case od::json_type::number: break;
    case od::json_type::boolean:
      if (how != shape::int_or_bool) return wrong_type(owner, "expected an integer", v.at);
      r.text = v.text;
      r.value = v.text == "true" ? 1 : 0;
      r.state = field_state::present;
      return true;
    case od::json_type::string:
      if (v.text.empty()) {
        q.add(quirk::empty_string_as_absent);
        return true;
      }
      q.add(quirk::number_as_string);
      break;
    case od::json_type::null: return true;
    default: return wrong_type(owner, "expected an integer", v.at);
  }
  r.text = v.text;
  switch (parse_int64(v.text, r.value)) {
    case int_parse::ok: r.state = field_state::present; break;
    case int_parse::out_of_range: return fail(error_code::number_out_of_range, "an integer that does not fit 64 bits", v.at);
    case int_parse::not_a_number: r.state = field_state::unreadable; break;
  }
  return true;
}

bool walker::to_boolean(const raw_value& v, reported_bool& r, api owner) {
  r.offset = offset(v.at);
  quirk_set& q = quirks[static_cast<std::size_t>(owner)];
  switch (v.type) {
    case od::json_type::boolean:
      r.text = v.text;
      r.value = v.text == "true";
      r.state = field_state::present;
      return true;
    case od::json_type::string:
      r.text = v.text;
      if (r.text.empty()) {
        q.add(quirk::empty_string_as_absent);
        return true;
      }
      q.add(quirk::bool_as_string);
      if (r.text == "true" || r.text == "True" || r.text == "TRUE") {
        r.value = true;
        r.state = field_state::present;
      } else if (r.text == "false" || r.text == "False" || r.text == "FALSE") {
        r.value = false;
        r.state = field_state::present;
      } else {
        r.state = field_state::unreadable;
      }
      return true;
    case od::json_type::null: return true;
    default: return wrong_type(owner, "expected a boolean", v.at);
  }
}

bool walker::to_time(const raw_value& v, shape how, reported_time& r, api owner) {
  if (how == shape::millis) {
    reported_int ms;
    if (!to_integer(v, shape::integer, ms, owner)) return false;
    r.state = ms.state;
    r.text = ms.text;
    r.offset = ms.offset;
    if (ms.present()) r.value = from_epoch_millis(ms.value);
    return true;
  }
  r.offset = offset(v.at);
  switch (v.type) {
    case od::json_type::string: r.text = v.text; break;
    case od::json_type::number:
      // Not a documented shape; kept as unreadable text rather than guessing the unit.
      r.text = v.text;
      r.state = field_state::unreadable;
      return true;
    case od::json_type::null: return true;
    default: return wrong_type(owner, "expected a date-time string", v.at);
  }
  if (r.text.empty()) return true;
  quirk_set* q = &quirks[static_cast<std::size_t>(owner)];
  const char* unreadable = nullptr;
  switch (how) {
    case shape::iso_time: unreadable = parse_iso8601_into(r.text, q, r.value); break;
    case shape::date: unreadable = parse_date_into(r.text, q, r.value); break;
    case shape::any_time: unreadable = parse_any_time_into(r.text, q, r.value); break;
    default: unreadable = parse_go_time_into(r.text, q, r.value); break;
  }
  r.state = unreadable ? field_state::unreadable : field_state::present;
  return true;
}

// Limits are document errors; anything else in inner JSON only makes the
// field unreadable (its text is kept and checked as `invalid`).
bool walker::inner_failed(const error& e, std::string_view text, const char* at) noexcept {
  if (e.code == error_code::invalid_inner_json) return true;
  // The inner offset is exact when the text is a view of the input (a raw
  // array, or a string without escapes); for unescaped text, the value's start.
  const std::less_equal<const char*> le;
  const bool in_input = le(base_, text.data()) && le(text.data() + text.size(), end_);
  if (!fatal) fatal = error{e.code, e.message, pointer(), in_input ? offset(text.data()) + e.offset : offset(at)};
  return false;
}

bool walker::to_names(const raw_value& v, shape how, reported_names& r, api owner) {
  r.offset = offset(v.at);
  quirk_set& q = quirks[static_cast<std::size_t>(owner)];
  const bool from_string = v.type == od::json_type::string;
  switch (v.type) {
    case od::json_type::null: return true;
    case od::json_type::string:
    case od::json_type::array: break;
    case od::json_type::object:
      // {"SubjectAlternativeName": [...]}: the wrapper XML-to-JSON leaves behind
      // (SLB's documented shape).
      if (how == shape::kms_sans || how == shape::slb_sans) break;
      return wrong_type(owner, "expected a list", v.at);
    default: return wrong_type(owner, "expected a list", v.at);
  }
  if (blank(v.text)) return true;  // "" is absent
  if (from_string) r.text = v.text;
  const std::size_t begin = st_.names.size();
  inner_result n{std::size_t{0}};
  switch (how) {
    case shape::cas_sans:
      if (!from_string) q.add(quirk::sans_as_array);
      n = read_cas_sans(v.text, st_.arena, st_.names, q);
      break;
    case shape::kms_sans:
      if (from_string) q.add(quirk::sans_as_string);
      n = read_name_list(v.text, name_list_kind::kms_subject_alternative_names, st_.arena, st_.names, q);
      break;
    case shape::slb_sans:
      if (from_string) q.add(quirk::sans_as_string);
      n = read_name_list(v.text, name_list_kind::slb_subject_alternative_names, st_.arena, st_.names, q);
      break;
    case shape::untyped_sans:
      // Documented as a comma-separated string; JSON arrays, real or held in a string, are the deviations.
      if (!from_string) q.add(quirk::sans_as_array);
      n = read_name_list(v.text, name_list_kind::cas_ssl_sans, st_.arena, st_.names, q);
      break;
    default:
      if (!from_string) q.add(quirk::domain_list_as_array);
      n = read_name_list(v.text, name_list_kind::cdn_domain_list, st_.arena, st_.names, q);
      break;
  }
  if (!n) {
    st_.names.resize(begin);
    if (!inner_failed(n.error(), v.text, v.at)) return false;
    r.text = v.text;
    r.state = field_state::unreadable;
    return true;
  }
  r.state = field_state::present;
  st_.names_fixups.push_back(names_fixup{&r, begin, *n});
  return true;
}

bool walker::to_tags(const raw_value& v, shape how, reported_tags& r, api owner) {
  r.offset = offset(v.at);
  quirk_set& q = quirks[static_cast<std::size_t>(owner)];
  switch (v.type) {
    case od::json_type::null: return true;
    case od::json_type::string:
      if (v.text.empty()) return true;
      q.add(quirk::tags_as_string);
      r.text = v.text;
      break;
    case od::json_type::object:
      if (how == shape::cas_tags) q.add(quirk::tags_as_object);
      break;
    case od::json_type::array: break;
    default: return wrong_type(owner, "expected tags", v.at);
  }
  const std::size_t begin = st_.tags.size();
  auto n = read_tags(v.text, st_.arena, st_.tags, q);
  if (!n) {
    st_.tags.resize(begin);
    if (!inner_failed(n.error(), v.text, v.at)) return false;
    // Never an error: the documented KMS sample is not JSON even unescaped.
    q.add(quirk::tags_unparseable);
    r.text = v.text;
    r.state = field_state::unreadable;
    return true;
  }
  r.state = field_state::present;
  st_.tags_fixups.push_back(tags_fixup{&r, begin, *n});
  return true;
}

}  // namespace alicert::internal
