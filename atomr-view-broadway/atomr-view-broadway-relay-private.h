/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stands between GDK and gtk4-broadwayd, so that a program outlives its
 * daemon: GDK exits when its connection to the daemon ends, so GDK connects
 * here and the relay forwards, both ways, whole protocol messages (each
 * starts with its size as a 32-bit number) and the file descriptors that come
 * with them (textures). When the daemon dies, a connection keeps what GDK
 * sends and waits; a new daemon gets it, and the program, told by the
 * supervisor, closes that display and opens a new one. Everything happens on
 * the thread-default main context of the thread that made the relay. */
typedef struct _AtomrViewBroadwayRelay AtomrViewBroadwayRelay;

/* @listener: bound and listening, where GDK connects; the relay keeps a reference. */
AtomrViewBroadwayRelay *atomr_view_broadway_relay_new         (GSocket                *listener);
/* A daemon takes clients at @daemon_socket: waiting connections go to it. */
void                    atomr_view_broadway_relay_set_daemon  (AtomrViewBroadwayRelay *relay,
                                                               const char             *daemon_socket);
/* The daemon died: connections wait for the next one when @keep_waiting, else they close. */
void                    atomr_view_broadway_relay_daemon_lost (AtomrViewBroadwayRelay *relay,
                                                               gboolean                keep_waiting);
guint                   atomr_view_broadway_relay_get_n_links (AtomrViewBroadwayRelay *relay);
/* Closes every connection. */
void                    atomr_view_broadway_relay_free        (AtomrViewBroadwayRelay *relay);

G_END_DECLS
