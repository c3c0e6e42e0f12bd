/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz-common.h"

#include <stdlib.h>

/* GLib ends a fatal message with SIGTRAP, which libFuzzer does not catch;
 * abort instead, so that it keeps the input. */
static GLogWriterOutput
abort_on_fatal (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a bug the fuzzer found. */
  g_log_set_writer_func (abort_on_fatal, NULL, NULL);
  return 0;
}

void
fuzz_check_scene_round_trips (AtomrViewScene *scene)
{
  g_autofree char *json = atomr_view_scene_to_json (scene, FALSE);
  g_autofree char *pretty = atomr_view_scene_to_json (scene, TRUE);
  g_autoptr(GVariant) variant = atomr_view_scene_to_variant (scene);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (variant);
  g_autoptr(GVariant) untrusted = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING), bytes, FALSE));
  g_autoptr(AtomrViewScene) from_json = atomr_view_scene_new_from_json (json, -1, NULL);
  g_autoptr(AtomrViewScene) from_pretty = atomr_view_scene_new_from_json (pretty, -1, NULL);
  g_autoptr(AtomrViewScene) from_variant = atomr_view_scene_new_from_variant (untrusted, NULL);
  g_autoptr(GPtrArray) to_self = NULL;

  FUZZ_CHECK (from_json != NULL && atomr_view_scene_equal (scene, from_json));
  FUZZ_CHECK (from_pretty != NULL && atomr_view_scene_equal (scene, from_pretty));
  FUZZ_CHECK (from_variant != NULL && atomr_view_scene_equal (scene, from_variant));
  to_self = atomr_view_scene_diff (scene, from_json);
  FUZZ_CHECK (to_self->len == 0);
}

void
fuzz_check_patch_round_trips (GPtrArray *patches)
{
  g_autofree char *json = atomr_view_patch_list_to_json (patches, FALSE);
  g_autoptr(GVariant) variant = atomr_view_patch_list_to_variant (patches);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (variant);
  g_autoptr(GVariant) untrusted = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING), bytes, FALSE));
  g_autoptr(GPtrArray) from_json = atomr_view_patch_list_from_json (json, -1, NULL);
  g_autoptr(GPtrArray) from_variant = atomr_view_patch_list_from_variant (untrusted, NULL);

  FUZZ_CHECK (from_json != NULL && atomr_view_patch_list_equal (patches, from_json));
  FUZZ_CHECK (from_variant != NULL && atomr_view_patch_list_equal (patches, from_variant));
}
