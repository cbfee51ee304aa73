// alicert: the check wing (reported fields against the certificate), in one include.
#pragma once

#include "alicert/check/checker.h"
#include "alicert/check/compare.h"
#include "alicert/check/facts.h"
#include "alicert/check/finding.h"
