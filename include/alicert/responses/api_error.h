// alicert: the error envelope any of the APIs returns with HTTP 4xx/5xx:
// `{"RequestId", "HostId", "Code", "Message"}` with optional `Recommend` and
// `AccessDeniedDetail`, keys in any order and case. A successfully parsed
// document of its own kind, not a parse error. Strings borrow as in reported.h.
#pragma once

#include "alicert/responses/reported.h"

namespace alicert {

struct api_error_view {
  reported_text code;       ///< Code, e.g. Certificate.NotFound, CertNotExisted, NotFound
  reported_text message;    ///< Message
  reported_text request_id; ///< RequestId
  reported_text host_id;    ///< HostId
  reported_text recommend;  ///< Recommend (a URL)
  /// AccessDeniedDetail: the raw JSON text of the object, as it stands in the input.
  reported_text access_denied_detail;
};

}  // namespace alicert
