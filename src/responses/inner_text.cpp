// The tolerant readers for JSON held inside strings: CAS Sans, the name lists
// of KMS and CDN, and tags (the cursor they share is inner_cursor.h).
#include "inner_text.h"

#include "inner_cursor.h"
#include "schemas/cas.h"
#include "schemas/kms.h"

namespace alicert::internal {
namespace {

using inner::iequals;
using inner::inner_error;
using inner::reader;
using inner::trim;

san_type cas_type(std::int64_t code) noexcept {
  switch (code) {
    case 1: return san_type::email;
    case 2: return san_type::dns;
    case 6: return san_type::uri;
    case 7: return san_type::ip;
    default: return san_type::other;
  }
}

}  // namespace

inner_result read_cas_sans(std::string_view text, string_arena& arena,
                                  std::vector<san_entry>& out, quirk_set& quirks) {
  reader r(text, arena);
  std::size_t count = 0;
  if (!r.accept('[')) return inner_error(r, "Sans is not a JSON array");
  if (!r.empty_list_end()) {
    for (;;) {
      san_entry entry;
      if (r.peek() == '"') {  // a bare name in the list
        if (!r.string(entry.value)) return inner_error(r, "bad string in Sans");
      } else {
        if (!r.accept('{')) return inner_error(r, "Sans entry is not an object");
        bool have_value = false;
        if (!r.accept('}')) {
          for (;;) {
            std::string_view key;
            if (!r.string(key) || !r.accept(':')) return inner_error(r, "bad key in a Sans entry");
            if (iequals(key, schemas::cas_sans_type_key)) {
              if (!r.integer(entry.type_code)) return inner_error(r, "Sans Type is not an integer");
              entry.type = cas_type(entry.type_code);
            } else if (iequals(key, schemas::cas_sans_value_key)) {
              if (!r.string(entry.value)) return inner_error(r, "Sans Value is not a string");
              have_value = true;
            } else if (!r.skip(1)) {
              return inner_error(r, "bad value in a Sans entry");
            }
            int more = r.next('}');
            if (more < 0) return inner_error(r, "expected , or } in a Sans entry");
            if (more == 0) break;
          }
        }
        if (!have_value) return inner_error(r, "Sans entry without a Value");
      }
      if (++count > limits::max_sans) return r.fail(error_code::too_many_sans, "too many SAN entries");
      out.push_back(entry);
      int more = r.next(']');
      if (more < 0) return inner_error(r, "expected , or ] in Sans");
      if (more == 0) break;
    }
  }
  if (!r.at_end()) return inner_error(r, "text after the Sans array");
  if (r.trailing_comma) quirks.add(quirk::sans_trailing_comma);
  if (r.number_as_string) quirks.add(quirk::number_as_string);
  return inner_result{count};
}

namespace {

// One list of names, in whichever shape it came: a JSON array, a wrapper
// object (KMS), one JSON string, comma-separated names, one bare name.
class name_list {
 public:
  name_list(std::string_view text, name_list_kind kind, string_arena& arena, std::vector<san_entry>& out,
            quirk_set& quirks) noexcept
      : text_(text), cdn_(kind == name_list_kind::cdn_domain_list), kind_(kind), arena_(arena), out_(out),
        quirks_(quirks), r_(text, arena) {}

  inner_result read() {
    const char first = r_.peek();
    if (first == '[') {
      r_.accept('[');
      if (auto e = array(); !e) return e;
      if (!r_.at_end()) return inner_error(r_, "text after the list");
      if (r_.trailing_comma) quirks_.add(quirk::sans_trailing_comma);
      return done();
    }
    if (first == '{' && !cdn_) return wrapper();
    if (first == '"') {  // one JSON string
      std::string_view name;
      if (!r_.string(name) || !r_.at_end()) return inner_error(r_, "bad quoted name");
      if (!add(name)) return r_.fail(error_code::too_many_sans, "too many names in a list");
      quirks_.add(cdn_ ? quirk::domain_list_single : quirk::sans_single_value);
      return done();
    }
    if (first == '{' || first == ']' || first == '}')
      return inner_error(r_, "a list must be an array, comma-separated names, or one name");
    return plain();
  }

 private:
  bool add(std::string_view name) {
    name = trim(name);
    if (name.empty()) {
      empty_entry_ = true;
      return true;
    }
    if (++count_ > limits::max_sans) return false;
    out_.push_back(san_entry{san_type::unspecified, 0, name});
    return true;
  }

  inner_result done() {
    if (empty_entry_) quirks_.add(cdn_ ? quirk::domain_list_empty_entry : quirk::sans_empty_entry);
    return inner_result{count_};
  }

  // A JSON array of names at the cursor (its '[' already read). An entry
  // that is a string holding a JSON array is that list (SLB's current page).
  inner_result array() {
    if (r_.empty_list_end()) return inner_result{std::size_t{0}};
    for (;;) {
      std::string_view name;
      if (!r_.string(name)) return inner_error(r_, "list entry is not a string");
      if (!cdn_ && !trim(name).empty() && trim(name).front() == '[') {
        if (auto e = nested(name); !e) return e;
      } else if (!add(name)) {
        return r_.fail(error_code::too_many_sans, "too many names in a list");
      }
      const int more = r_.next(']');
      if (more < 0) return inner_error(r_, "expected , or ] in a list");
      if (more == 0) return inner_result{std::size_t{0}};
    }
  }

  // {"SubjectAlternativeName": [...]}, the wrapper XML-to-JSON leaves
  // behind; its list may collapse to one string. Other members are skipped.
  inner_result wrapper() {
    r_.accept('{');
    bool found = false;
    if (!r_.accept('}')) {
      for (;;) {
        std::string_view key;
        if (!r_.string(key) || !r_.accept(':')) return inner_error(r_, "bad key in a list wrapper");
        const bool list_key = iequals(key, schemas::kms_sans_wrapper_key);
        if (list_key && !found && r_.peek() == '[') {
          found = true;
          r_.accept('[');
          if (auto e = array(); !e) return e;
        } else if (list_key && !found && r_.peek() == '"') {
          found = true;
          if (auto e = wrapped_string(); !e) return e;
        } else if (list_key && !found && r_.peek() != 'n') {
          return inner_error(r_, "a list wrapper holds a list, a string or null");
        } else {
          if (found && list_key) quirks_.add(quirk::duplicate_key);
          if (!r_.skip(1)) return inner_error(r_, "bad value in a list wrapper");
        }
        const int more = r_.next('}');
        if (more < 0) return inner_error(r_, "expected , or } in a list wrapper");
        if (more == 0) break;
      }
    }
    if (!r_.at_end()) return inner_error(r_, "text after the list wrapper");
    if (r_.trailing_comma) quirks_.add(quirk::sans_trailing_comma);
    if (kind_ != name_list_kind::slb_subject_alternative_names) quirks_.add(quirk::sans_wrapper_object);
    return done();
  }

  // JSON held in a string inside the list, read as the field would be.
  inner_result nested(std::string_view inner) {
    quirks_.add(quirk::sans_as_string);
    const std::size_t before = out_.size();
    inner_result n = read_name_list(inner, kind_, arena_, out_, quirks_);
    if (!n) return r_.fail(n.error().code, n.error().message);
    count_ += out_.size() - before;
    if (count_ > limits::max_sans) return r_.fail(error_code::too_many_sans, "too many names in a list");
    return inner_result{std::size_t{0}};
  }

  // A string in the wrapper: a list itself (JSON held in a string,
  // comma-separated names, or one name), read as the field would be.
  inner_result wrapped_string() {
    std::string_view inner;
    if (!r_.string(inner)) return inner_error(r_, "bad quoted name");
    const std::string_view t = trim(inner);
    if (!t.empty() && t.front() == '{') return inner_error(r_, "a list wrapper inside a list wrapper");
    return nested(inner);
  }

  // Comma-separated names, or one bare name.
  inner_result plain() {
    std::string_view rest = trim(text_);
    const bool comma = rest.find(',') != std::string_view::npos;
    while (!rest.empty()) {
      const std::size_t cut = rest.find(',');
      const std::string_view name = rest.substr(0, cut);
      const auto at = static_cast<std::size_t>(name.data() - text_.data());
      if (name.find_first_of("\"[]{}") != std::string_view::npos)
        return error{error_code::invalid_inner_json, "bad character in a name list", {}, at};
      if (!add(name)) return error{error_code::too_many_sans, "too many names in a list", {}, at};
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
      if (rest.empty()) empty_entry_ = true;
    }
    if (kind_ == name_list_kind::cas_ssl_sans) return done();  // the documented shape
    if (comma)
      quirks_.add(cdn_ ? quirk::domain_list_comma_separated : quirk::sans_comma_separated);
    else
      quirks_.add(cdn_ ? quirk::domain_list_single : quirk::sans_single_value);
    return done();
  }

  std::string_view text_;
  bool cdn_;
  name_list_kind kind_;
  string_arena& arena_;
  std::vector<san_entry>& out_;
  quirk_set& quirks_;
  reader r_;
  std::size_t count_{0};
  bool empty_entry_{false};
};

}  // namespace

inner_result read_name_list(std::string_view text, name_list_kind kind, string_arena& arena,
                            std::vector<san_entry>& out, quirk_set& quirks) {
  return name_list(text, kind, arena, out, quirks).read();
}

inner_result read_tags(std::string_view text, string_arena& arena, std::vector<tag>& out,
                              quirk_set& quirks) {
  reader r(text, arena);
  std::size_t count = 0;
  bool escaped_json = false;
  auto add = [&](tag t) -> bool {
    if (++count > limits::max_tags) return false;
    t.value_is_escaped_json = t.value.find("\\\"") != std::string_view::npos;
    escaped_json |= t.value_is_escaped_json;
    out.push_back(t);
    return true;
  };
  // A value: a string, or any other JSON kept as its raw text.
  auto value = [&](std::string_view& v) -> bool {
    if (r.peek() == '"') return r.string(v);
    r.ws();
    const char* start = r.p_;
    if (!r.skip(1)) return false;
    v = {start, static_cast<std::size_t>(r.p_ - start)};
    return true;
  };
  // Members of one object: {"TagKey": k, "TagValue": v} is one tag; any other
  // object is a map, one tag per member.
  auto object = [&]() -> bool {
    tag pair;
    bool have_key = false, have_value = false, map = false;
    if (r.accept('}')) return true;
    for (;;) {
      std::string_view key, val;
      if (!r.string(key) || !r.accept(':') || !value(val)) return false;
      if (iequals(key, schemas::tag_key_keys[0]) || iequals(key, schemas::tag_key_keys[1])) {
        pair.key = val;
        have_key = true;
      } else if (iequals(key, schemas::tag_value_keys[0]) || iequals(key, schemas::tag_value_keys[1])) {
        pair.value = val;
        have_value = true;
      } else {
        map = true;
        if (!add(tag{key, val, false})) return false;
      }
      int more = r.next('}');
      if (more < 0) return false;
      if (more == 0) break;
    }
    if (have_key && !map) return add(pair);
    if (have_key || have_value) return add(tag{pair.key, pair.value, false});
    return true;
  };
  if (r.accept('[')) {
    if (!r.empty_list_end()) {
      for (;;) {
        if (!r.accept('{') || !object()) {
          if (count > limits::max_tags) return r.fail(error_code::too_many_tags, "too many tags");
          return inner_error(r, "a tag list holds objects");
        }
        int more = r.next(']');
        if (more < 0) return inner_error(r, "expected , or ] in a tag list");
        if (more == 0) break;
      }
    }
  } else if (r.accept('{')) {
    if (!object()) {
      if (count > limits::max_tags) return r.fail(error_code::too_many_tags, "too many tags");
      return inner_error(r, "bad tag object");
    }
  } else {
    return inner_error(r, "tags must be an array or an object");
  }
  if (!r.at_end()) return inner_error(r, "text after the tags");
  if (escaped_json) quirks.add(quirk::tag_value_escaped_json);
  return inner_result{count};
}

}  // namespace alicert::internal
