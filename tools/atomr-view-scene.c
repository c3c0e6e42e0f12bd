/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* atomr-view-scene: check, compare and patch scene files. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include <atomr-view.h>

#ifdef HAVE_GTK
#include "atomr-view-scene-preview.h"
#endif

enum
{
  EXIT_OK = 0,
  EXIT_INVALID = 1,   /* the input is not a valid scene or patch list */
  EXIT_USAGE = 2,
};

typedef struct
{
  gboolean compact;
} Options;

typedef struct
{
  const char *name;
  const char *arguments;   /* translatable */
  const char *summary;     /* translatable */
  guint       n_arguments;
  int       (*run) (char **arguments, const Options *options);
} Command;

static void
print_error (const char *file,
             const char *message)
{
  if (file != NULL)
    g_printerr ("atomr-view-scene: %s: %s\n", file, message);
  else
    g_printerr ("atomr-view-scene: %s\n", message);
}

/* The contents of @file, or of standard input for "-". */
static char *
read_input (const char *file,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (strcmp (file, "-") == 0)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (0);

      g_io_channel_set_encoding (channel, NULL, NULL);
      if (g_io_channel_read_to_end (channel, &contents, length, &error) != G_IO_STATUS_NORMAL)
        {
          print_error (_("standard input"), error->message);
          return NULL;
        }
      return contents;
    }
  if (!g_file_get_contents (file, &contents, length, &error))
    {
      print_error (NULL, error->message);
      return NULL;
    }
  return contents;
}

static AtomrViewScene *
read_scene (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AtomrViewScene *scene;
  gsize length;

  if ((contents = read_input (file, &length)) == NULL)
    return NULL;
  scene = atomr_view_scene_new_from_json (contents, (gssize) length, &error);
  if (scene == NULL)
    print_error (file, error->message);
  return scene;
}

static int
run_validate (char          **arguments,
              const Options  *options)
{
  g_autoptr(AtomrViewScene) scene = read_scene (arguments[0]);
  guint n_nodes;
  guint depth;

  if (scene == NULL)
    return EXIT_INVALID;
  n_nodes = atomr_view_scene_get_n_nodes (scene);
  depth = atomr_view_scene_get_depth (scene);
  /* TRANSLATORS: the first %s is a file name, then a count of nodes and one of levels. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: a valid scene of %u node, ", "%s: a valid scene of %u nodes, ",
                        n_nodes),
           arguments[0], n_nodes);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u level deep\n", "%u levels deep\n", depth), depth);
  return EXIT_OK;
}

static int
run_diff (char          **arguments,
          const Options  *options)
{
  g_autoptr(AtomrViewScene) old_scene = read_scene (arguments[0]);
  g_autoptr(AtomrViewScene) new_scene = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  g_autofree char *json = NULL;

  if (old_scene == NULL || (new_scene = read_scene (arguments[1])) == NULL)
    return EXIT_INVALID;
  patches = atomr_view_scene_diff (old_scene, new_scene);
  json = atomr_view_patch_list_to_json (patches, !options->compact);
  g_print ("%s\n", json);
  return EXIT_OK;
}

static int
run_apply (char          **arguments,
           const Options  *options)
{
  g_autoptr(AtomrViewScene) scene = read_scene (arguments[0]);
  g_autoptr(AtomrViewScene) result = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  gsize length;

  if (scene == NULL || (contents = read_input (arguments[1], &length)) == NULL)
    return EXIT_INVALID;
  patches = atomr_view_patch_list_from_json (contents, (gssize) length, &error);
  if (patches == NULL)
    {
      print_error (arguments[1], error->message);
      return EXIT_INVALID;
    }
  result = atomr_view_scene_apply (scene, patches, &error);
  if (result == NULL)
    {
      print_error (arguments[1], error->message);
      return EXIT_INVALID;
    }
  json = atomr_view_scene_to_json (result, !options->compact);
  g_print ("%s\n", json);
  return EXIT_OK;
}

/* Each subcommand is one row; a new one needs a row and a run function. */
static const Command commands[] = {
  { "validate", N_("FILE"), N_("Check that FILE is a valid scene"), 1, run_validate },
  { "diff", N_("OLD NEW"), N_("Print the patches that turn scene OLD into scene NEW"), 2, run_diff },
  { "apply", N_("TREE PATCHES"), N_("Print scene TREE with the patch list PATCHES carried out"), 2, run_apply },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: atomr-view-scene [--compact] COMMAND ARGUMENTS…"));
  fprintf (out, "%s\n\n", _("Checks, compares and patches atomr-view scenes written in JSON."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].arguments));

      fprintf (out, "  %-22s %s\n", synopsis, _(commands[i].summary));
    }
#ifdef HAVE_GTK
  fprintf (out, "  %-22s %s\n", "preview FILE", _("Show scene FILE in a window, following its changes"));
#endif
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-22s %s\n", "-h, --help", _("Show this help"));
  fprintf (out, "  %-22s %s\n", "--compact", _("Print JSON on one line"));
  fprintf (out, "\n%s\n", _("A file name of “-” reads standard input. Output goes to standard\n"
                            "output, errors to standard error. The exit status is 0 on success,\n"
                            "1 for invalid input and 2 for a usage error."));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  Options options = { FALSE };
  const Command *command = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#ifdef HAVE_GTK
  /* preview has options of its own; it parses its arguments itself. */
  if (argc >= 2 && strcmp (argv[1], "preview") == 0)
    return atomr_view_scene_preview (argc - 1, argv + 1);
#endif

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-h") == 0 || strcmp (argv[i], "--help") == 0)
        {
          print_usage (stdout);
          return EXIT_OK;
        }
      else if (strcmp (argv[i], "--compact") == 0)
        options.compact = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), argv[i]);

          print_error (NULL, message);
          print_usage (stderr);
          return EXIT_USAGE;
        }
      else
        g_ptr_array_add (arguments, argv[i]);
    }

  if (arguments->len == 0)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, g_ptr_array_index (arguments, 0)) == 0)
      command = &commands[i];
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"),
                                                  (char *) g_ptr_array_index (arguments, 0));

      print_error (NULL, message);
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (arguments->len - 1 != command->n_arguments)
    {
      g_autofree char *message = g_strdup_printf (_("usage: atomr-view-scene %s %s"),
                                                  command->name, _(command->arguments));

      print_error (NULL, message);
      return EXIT_USAGE;
    }
  return command->run ((char **) arguments->pdata + 1, &options);
}
