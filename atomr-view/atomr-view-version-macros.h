/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-version.h"

#ifndef _ATOMR_VIEW_EXTERN
# define _ATOMR_VIEW_EXTERN __attribute__((visibility ("default"))) extern
#endif

#define ATOMR_VIEW_VERSION_0_1 (G_ENCODE_VERSION (0, 1))

/* Every public symbol carries one of these so the library exports only them. */
#define ATOMR_VIEW_AVAILABLE_IN_ALL _ATOMR_VIEW_EXTERN
#define ATOMR_VIEW_AVAILABLE_IN_0_1 _ATOMR_VIEW_EXTERN
