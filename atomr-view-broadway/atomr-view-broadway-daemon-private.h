/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One run of gtk4-broadwayd: spawned in a process group of its own (a
 * terminal's Ctrl-C is for the program, not for the daemon the supervisor
 * restarts), killed by the kernel if the thread that spawned it dies, with
 * its standard error kept for error messages. Everything happens on the
 * thread-default main context of the thread that spawned it. */
typedef struct _AtomrViewBroadwayDaemon AtomrViewBroadwayDaemon;

typedef void (*AtomrViewBroadwayDaemonExitFunc) (AtomrViewBroadwayDaemon *daemon,
                                                 gpointer                 user_data);

AtomrViewBroadwayDaemon *atomr_view_broadway_daemon_spawn        (const char                      *program,
                                                                  const char                      *address,
                                                                  guint                            port,
                                                                  guint                            display,
                                                                  const char                      *runtime_dir,
                                                                  AtomrViewBroadwayDaemonExitFunc  exited,
                                                                  gpointer                         user_data,
                                                                  GError                         **error);
GPid                     atomr_view_broadway_daemon_get_pid      (AtomrViewBroadwayDaemon         *daemon);
gboolean                 atomr_view_broadway_daemon_has_exited   (AtomrViewBroadwayDaemon         *daemon);
/* "exited with status 3", "was killed by signal 9"; NULL while it runs. */
char                    *atomr_view_broadway_daemon_describe_exit (AtomrViewBroadwayDaemon        *daemon);
/* The last lines it wrote to standard error, joined by "; ", or NULL. */
char                    *atomr_view_broadway_daemon_dup_output   (AtomrViewBroadwayDaemon         *daemon);
/* SIGTERM now, SIGKILL if it still runs after @grace_ms; the exit callback says when it is gone. */
void                     atomr_view_broadway_daemon_terminate    (AtomrViewBroadwayDaemon         *daemon,
                                                                  guint                            grace_ms);
/* Kills it if it still runs; no callback after this. */
void                     atomr_view_broadway_daemon_free         (AtomrViewBroadwayDaemon         *daemon);

G_END_DECLS
