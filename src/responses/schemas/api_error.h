// The error envelope any API returns with HTTP 4xx/5xx (docs/responses.md,
// Shared shapes): keys in any order and case.
#pragma once

#include <array>

#include "alicert/responses/api_error.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using ae = api_error_view;

inline constexpr std::array<field<ae>, 6> api_error{{
    {"Code", &ae::code, shape::text, {}, role::none, distinctive | any_case},
    {"Message", &ae::message, shape::text, {}, role::none, any_case},
    {"RequestId", &ae::request_id, shape::text, {}, role::none, any_case},
    {"HostId", &ae::host_id, shape::text, {}, role::none, any_case},
    {"Recommend", &ae::recommend, shape::text, {}, role::none, any_case},
    {"AccessDeniedDetail", &ae::access_denied_detail, shape::raw_json, {}, role::none, any_case},
}};
static_assert(check_schema(api_error));

}  // namespace alicert::internal::schemas
