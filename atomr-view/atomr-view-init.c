/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include "atomr-view-actor-error.h"

/* Bind the text domain once, before any translated message can be built. */
void
atomr_view_init_i18n (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}

__attribute__((constructor)) static void
atomr_view_constructor (void)
{
  atomr_view_init_i18n ();
  /* G_DEFINE_QUARK caches the quark in a plain static: fill it before any thread can race on it. */
  atomr_view_actor_error_quark ();
}
