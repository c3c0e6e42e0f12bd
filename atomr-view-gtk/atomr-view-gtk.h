/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gtk/gtk.h>
#include <atomr-view.h>

#define ATOMR_VIEW_GTK_INSIDE

#include "atomr-view-gtk-version-macros.h"
#include "atomr-view-gtk-backend.h"
#include "atomr-view-gtk-run.h"

#undef ATOMR_VIEW_GTK_INSIDE
