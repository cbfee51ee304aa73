// Internal: the readings of a document's root, one for each API (walker.h),
// and their schemas in one joint index (joint_index.h), in the same order.
// walker::root checks that order (joint_of::serves) and walks without the
// index if it differs; a test checks that it does not.
#pragma once

#include <array>

#include "parser_state.h"
#include "schemas/api_error.h"
#include "schemas/cas.h"
#include "schemas/cdn.h"
#include "schemas/cdn_domain.h"
#include "schemas/kms.h"
#include "schemas/slb.h"
#include "schemas/ssl.h"
#include "walker.h"

namespace alicert::internal {

using root_joint = joint_of<schemas::cas_root, schemas::kms_describe, schemas::kms_get, schemas::cdn_root,
                            schemas::api_error, schemas::gucd, schemas::luco_root, schemas::cdn_domain_root,
                            schemas::cdn_domain_root, schemas::slb_root>;

/// The root's readings, in root_joint's order.
inline std::array<reading, root_joint::count> root_readings(parser_state& st) noexcept {
  return {
      read_by<schemas::cas_root>(api::cas_describe_client_certificate, st.cas),
      read_by<schemas::kms_describe>(api::kms_describe_certificate, st.kms_describe),
      read_by<schemas::kms_get>(api::kms_get_certificate, st.kms_get),
      read_by<schemas::cdn_root>(api::cdn_describe_certificate_info, st.cdn),
      read_by<schemas::api_error>(api::api_error, st.api_error),
      read_by<schemas::gucd>(api::cas_get_user_certificate_detail, st.cas_detail),
      read_by<schemas::luco_root>(api::cas_list_user_certificate_order, st.cas_orders),
      read_by<schemas::cdn_domain_root>(api::cdn_describe_domain_certificate_info, st.cdn_domain),
      // DCDN shares the view: its reading only charges the root's quirks and errors to DCDN too.
      read_by<schemas::cdn_domain_root>(api::dcdn_describe_domain_certificate_info, st.cdn_domain),
      read_by<schemas::slb_root>(api::slb_describe_server_certificates, st.slb),
  };
}

}  // namespace alicert::internal
