/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Stands in for `atomr-view-scene` until the scene tool lands: runs its
 * `preview` subcommand, so that the tests can run it. */
#include <locale.h>

#include "atomr-view-scene-preview.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  return atomr_view_scene_preview (argc - 1, argv + 1);
}
