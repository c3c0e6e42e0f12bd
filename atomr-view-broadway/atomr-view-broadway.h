/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

#define ATOMR_VIEW_BROADWAY_INSIDE

#include "atomr-view-broadway-version-macros.h"
#include "atomr-view-broadway-enum-types.h"
#include "atomr-view-broadway-error.h"
#include "atomr-view-broadway-server.h"
#include "atomr-view-broadway-run.h"

#undef ATOMR_VIEW_BROADWAY_INSIDE
