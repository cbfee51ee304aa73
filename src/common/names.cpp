// The stable names of error codes and quirks: the strings other tools match on.
#include "alicert/error.h"
#include "alicert/quirks.h"

namespace alicert {

std::string_view error_name(error_code code) noexcept {
  switch (code) {
    case error_code::empty_input: return "empty_input";
    case error_code::malformed_json: return "malformed_json";
    case error_code::invalid_utf8: return "invalid_utf8";
    case error_code::depth_exceeded: return "depth_exceeded";
    case error_code::document_too_large: return "document_too_large";
    case error_code::string_too_long: return "string_too_long";
    case error_code::too_many_certificates: return "too_many_certificates";
    case error_code::too_many_sans: return "too_many_sans";
    case error_code::too_many_tags: return "too_many_tags";
    case error_code::too_many_pem_blocks: return "too_many_pem_blocks";
    case error_code::wrong_type: return "wrong_type";
    case error_code::number_out_of_range: return "number_out_of_range";
    case error_code::unknown_shape: return "unknown_shape";
    case error_code::unexpected_api: return "unexpected_api";
    case error_code::invalid_inner_json: return "invalid_inner_json";
    case error_code::pem_no_block: return "pem_no_block";
    case error_code::pem_bad_armour: return "pem_bad_armour";
    case error_code::pem_invalid_base64: return "pem_invalid_base64";
    case error_code::der_truncated: return "der_truncated";
    case error_code::der_bad_tag: return "der_bad_tag";
    case error_code::der_bad_length: return "der_bad_length";
    case error_code::der_bad_value: return "der_bad_value";
    case error_code::der_trailing_data: return "der_trailing_data";
    case error_code::certificate_too_large: return "certificate_too_large";
    case error_code::bad_time: return "bad_time";
    case error_code::bad_name: return "bad_name";
    case error_code::bad_hex: return "bad_hex";
    case error_code::io_error: return "io_error";
    case error_code::out_of_memory: return "out_of_memory";
  }
  return "unknown_error";
}

std::string_view error_message(error_code code) noexcept {
  switch (code) {
    case error_code::empty_input: return "no JSON document in the input";
    case error_code::malformed_json: return "not valid JSON";
    case error_code::invalid_utf8: return "not valid UTF-8";
    case error_code::depth_exceeded: return "JSON nests deeper than the limit";
    case error_code::document_too_large: return "the document is larger than the limit";
    case error_code::string_too_long: return "a string is longer than the limit";
    case error_code::too_many_certificates: return "more certificates than the limit";
    case error_code::too_many_sans: return "more names in a list than the limit";
    case error_code::too_many_tags: return "more tags than the limit";
    case error_code::too_many_pem_blocks: return "more PEM blocks than the limit";
    case error_code::wrong_type: return "a value of a type the field does not accept";
    case error_code::number_out_of_range: return "an integer that does not fit 64 bits";
    case error_code::unknown_shape: return "none of the supported APIs nor an error envelope";
    case error_code::unexpected_api: return "another API than the one expected";
    case error_code::invalid_inner_json: return "JSON held in a string that cannot be read";
    case error_code::pem_no_block: return "no PEM block";
    case error_code::pem_bad_armour: return "a PEM block without its END line, or with another label";
    case error_code::pem_invalid_base64: return "PEM text that is not base64";
    case error_code::der_truncated: return "DER that runs past its end";
    case error_code::der_bad_tag: return "an unexpected ASN.1 tag";
    case error_code::der_bad_length: return "a malformed DER length";
    case error_code::der_bad_value: return "a DER value its type does not allow";
    case error_code::der_trailing_data: return "bytes after the DER value";
    case error_code::certificate_too_large: return "the certificate is larger than the limit";
    case error_code::bad_time: return "a date and time in none of the accepted formats";
    case error_code::bad_name: return "a distinguished name that cannot be parsed";
    case error_code::bad_hex: return "hex text with other characters";
    case error_code::io_error: return "the file could not be read";
    case error_code::out_of_memory: return "out of memory";
  }
  return "unknown error";
}

json_pointer::json_pointer(std::string_view text) noexcept {
  // Segment by segment, so that a cut falls on a boundary.
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('/', begin + 1);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view segment = text.substr(begin, end - begin);
    if (size_ + segment.size() > capacity) {
      truncated_ = true;
      return;
    }
    for (char c : segment) text_[size_++] = c;
    begin = end;
  }
}

void json_pointer::append_key(std::string_view key) noexcept {
  if (truncated_) return;
  std::size_t n = 1;
  for (char c : key) n += (c == '~' || c == '/') ? 2 : 1;
  if (size_ + n > capacity) {
    truncated_ = true;
    return;
  }
  text_[size_++] = '/';
  for (char c : key) {
    if (c == '~' || c == '/') {
      text_[size_++] = '~';
      text_[size_++] = c == '~' ? '0' : '1';
    } else {
      text_[size_++] = c;
    }
  }
  text_[size_] = '\0';
}

void json_pointer::append_index(std::size_t index) noexcept {
  if (truncated_) return;
  char digits[24];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + index % 10);
    index /= 10;
  } while (index != 0);
  if (size_ + 1 + n > capacity) {
    truncated_ = true;
    return;
  }
  text_[size_++] = '/';
  while (n > 0) text_[size_++] = digits[--n];
  text_[size_] = '\0';
}

std::string_view quirk_name(quirk q) noexcept {
  switch (q) {
    case quirk::number_as_string: return "number_as_string";
    case quirk::string_as_number: return "string_as_number";
    case quirk::bool_as_string: return "bool_as_string";
    case quirk::empty_string_as_absent: return "empty_string_as_absent";
    case quirk::duplicate_key: return "duplicate_key";
    case quirk::sans_trailing_comma: return "sans_trailing_comma";
    case quirk::sans_as_array: return "sans_as_array";
    case quirk::sans_as_string: return "sans_as_string";
    case quirk::sans_wrapper_object: return "sans_wrapper_object";
    case quirk::sans_single_value: return "sans_single_value";
    case quirk::domain_list_as_array: return "domain_list_as_array";
    case quirk::domain_list_comma_separated: return "domain_list_comma_separated";
    case quirk::domain_list_single: return "domain_list_single";
    case quirk::domain_list_empty_entry: return "domain_list_empty_entry";
    case quirk::tags_as_string: return "tags_as_string";
    case quirk::tags_as_object: return "tags_as_object";
    case quirk::tags_unparseable: return "tags_unparseable";
    case quirk::tag_value_escaped_json: return "tag_value_escaped_json";
    case quirk::cert_info_single_object: return "cert_info_single_object";
    case quirk::cert_info_bare_array: return "cert_info_bare_array";
    case quirk::cert_info_empty: return "cert_info_empty";
    case quirk::date_fractional_seconds: return "date_fractional_seconds";
    case quirk::date_numeric_offset: return "date_numeric_offset";
    case quirk::date_iso8601_in_cdn: return "date_iso8601_in_cdn";
    case quirk::lowercase_keys: return "lowercase_keys";
    case quirk::pem_escaped_newlines: return "pem_escaped_newlines";
    case quirk::pem_crlf: return "pem_crlf";
    case quirk::pem_spaces_for_newlines: return "pem_spaces_for_newlines";
    case quirk::pem_missing_final_newline: return "pem_missing_final_newline";
    case quirk::pem_surrounding_whitespace: return "pem_surrounding_whitespace";
    case quirk::serial_leading_zeros: return "serial_leading_zeros";
    case quirk::serial_decimal: return "serial_decimal";
    case quirk::der_non_minimal_integer: return "der_non_minimal_integer";
    case quirk::der_negative_serial: return "der_negative_serial";
    case quirk::der_unusual_string_type: return "der_unusual_string_type";
    case quirk::der_non_minimal_length: return "der_non_minimal_length";
    case quirk::der_ber_encoding: return "der_ber_encoding";
    case quirk::der_unreadable_time: return "der_unreadable_time";
    case quirk::der_unusual_version: return "der_unusual_version";
    case quirk::der_bad_extension: return "der_bad_extension";
    case quirk::sans_comma_separated: return "sans_comma_separated";
    case quirk::sans_empty_entry: return "sans_empty_entry";
    case quirk::der_trailing_data: return "der_trailing_data";
    case quirk::utf8_bom: return "utf8_bom";
    case quirk::domain_list_leading_dot: return "domain_list_leading_dot";
    case quirk::list_single_object: return "list_single_object";
    case quirk::list_bare_array: return "list_bare_array";
    case quirk::list_empty: return "list_empty";
    case quirk::cert_infos_mixed: return "cert_infos_mixed";
    case quirk::cert_infos_ambiguous: return "cert_infos_ambiguous";
    case quirk::cert_identifier_id: return "cert_identifier_id";
    case quirk::sans_include_cn: return "sans_include_cn";
    case quirk::date_utc8: return "date_utc8";
    case quirk::time_utc8: return "time_utc8";
    case quirk::more_pages: return "more_pages";
    case quirk::ambiguous_pair: return "ambiguous_pair";
    case quirk::reported_times_disagree: return "reported_times_disagree";
    case quirk::issuer_name_prefix: return "issuer_name_prefix";
    case quirk::date_zoneless: return "date_zoneless";
  }
  return "unknown_quirk";
}

}  // namespace alicert
