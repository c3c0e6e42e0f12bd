/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The GVariant decoders on untrusted bytes, read as a scene and as a patch
 * list: a value that round-trips, or an error; never a crash. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GVariant) as_scene = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING), bytes, FALSE));
  g_autoptr(GVariant) as_patches = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING), bytes, FALSE));
  g_autoptr(GError) scene_error = NULL;
  g_autoptr(GError) patches_error = NULL;
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new_from_variant (as_scene, &scene_error);
  g_autoptr(GPtrArray) patches = atomr_view_patch_list_from_variant (as_patches, &patches_error);

  if (scene != NULL)
    fuzz_check_scene_round_trips (scene);
  else
    FUZZ_CHECK (scene_error != NULL && scene_error->domain == ATOMR_VIEW_SCENE_ERROR);
  if (patches != NULL)
    fuzz_check_patch_round_trips (patches);
  else
    FUZZ_CHECK (patches_error != NULL && patches_error->domain == ATOMR_VIEW_SCENE_ERROR);
  return 0;
}
