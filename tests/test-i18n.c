/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <locale.h>
#include <libintl.h>

#include "config.h"
#include "test-utils.h"

/* The library's messages reach users in their language: the German
 * catalogue built from po/de.po translates a runtime error. */
static void
test_german_error (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(GError) error = NULL;

  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("the C.UTF-8 locale is missing, so gettext cannot be switched to German here");
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  /* Point the domain at the catalogue in the build tree instead of the installed one. */
  bindtextdomain (GETTEXT_PACKAGE, localedir);

  system = atomr_view_actor_system_new ("kein name", &error);
  g_assert_null (system);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME);
  g_assert_cmpstr (error->message, ==, "„kein name“ ist kein gültiger Name für ein Aktorsystem: verwenden "
                                       "Sie 1 bis 64 ASCII-Buchstaben, Ziffern, „-“, „_“ oder „.“");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/AtomrView/I18n/german-error", test_german_error);
  return g_test_run ();
}
