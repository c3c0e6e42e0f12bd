/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The JSON decoders: any text gives a scene or patch list that round-trips,
 * or an error in the scene domain; never a crash. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) scene_error = NULL;
  g_autoptr(GError) patches_error = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(GPtrArray) patches = NULL;

  scene = atomr_view_scene_new_from_json ((const char *) data, (gssize) size, &scene_error);
  if (scene != NULL)
    fuzz_check_scene_round_trips (scene);
  else
    FUZZ_CHECK (scene_error != NULL && scene_error->domain == ATOMR_VIEW_SCENE_ERROR);

  patches = atomr_view_patch_list_from_json ((const char *) data, (gssize) size, &patches_error);
  if (patches != NULL)
    fuzz_check_patch_round_trips (patches);
  else
    FUZZ_CHECK (patches_error != NULL && patches_error->domain == ATOMR_VIEW_SCENE_ERROR);
  return 0;
}
