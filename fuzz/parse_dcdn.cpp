// Fuzz target: a DCDN DescribeDcdnDomainCertificateInfo response document, read with auto-detection and with
// the expected API, every accessor of the view and of its records touched.
#include "parse_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using alicert::api;
  alicert::fuzz::run_parse(data, size, {api::dcdn_describe_domain_certificate_info});
  return 0;
}
