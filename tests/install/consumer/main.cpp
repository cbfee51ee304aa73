// Parses one response through the installed alicert package.
#include <alicert.h>

#include <cstdio>
#include <string_view>

int main() {
  static constexpr std::string_view json =
      R"({"Code":"Certificate.NotFound","Message":"The specified certificate is not found.","RequestId":"r-1"})";
  alicert::padded_buffer input(json);
  alicert::parser parser;
  auto doc = parser.parse(input);
  if (!doc || doc->kind != alicert::api::api_error || doc->error->code.text != "Certificate.NotFound") {
    std::fputs("consumer: unexpected parse result\n", stderr);
    return 1;
  }
  std::printf("consumer: %.*s\n", static_cast<int>(alicert::api_name(doc->kind).size()),
              alicert::api_name(doc->kind).data());
  return 0;
}
