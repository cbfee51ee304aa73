// alicert: the responses wing (JSON side), everything in one include.
#pragma once

#include "alicert/responses/api_error.h"
#include "alicert/responses/cas.h"
#include "alicert/responses/cdn.h"
#include "alicert/responses/cdn_domain.h"
#include "alicert/responses/document.h"
#include "alicert/responses/inner.h"
#include "alicert/responses/kms.h"
#include "alicert/responses/padded.h"
#include "alicert/responses/parser.h"
#include "alicert/responses/record.h"
#include "alicert/responses/reported.h"
#include "alicert/responses/slb.h"
#include "alicert/responses/ssl.h"
