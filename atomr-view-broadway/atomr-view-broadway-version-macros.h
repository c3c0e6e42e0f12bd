/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_BROADWAY_INSIDE) && !defined(ATOMR_VIEW_BROADWAY_COMPILATION)
# error "Only <atomr-view-broadway.h> can be included directly."
#endif

#include <glib.h>

#ifndef _ATOMR_VIEW_BROADWAY_EXTERN
# define _ATOMR_VIEW_BROADWAY_EXTERN __attribute__((visibility ("default"))) extern
#endif

/* Every public symbol carries one of these so the library exports only them. */
#define ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL _ATOMR_VIEW_BROADWAY_EXTERN
#define ATOMR_VIEW_BROADWAY_AVAILABLE_IN_0_1 _ATOMR_VIEW_BROADWAY_EXTERN
