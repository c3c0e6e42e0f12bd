/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The supervisor's side of the control socket that programs served through
 * it connect to (the GTK backend does, when ATOMR_VIEW_BROADWAY_CONTROL names
 * it). A program says "hello" once; the supervisor says "lost" when the
 * daemon died and "ready" when a new one takes clients. Lines end in "\n".
 * Everything happens on the thread-default main context of the thread that
 * made it. */
typedef struct _AtomrViewBroadwayControl AtomrViewBroadwayControl;

/* @listener: bound and listening; the control keeps a reference. */
AtomrViewBroadwayControl *atomr_view_broadway_control_new          (GSocket                  *listener);
/* Sends @line (without its "\n") to every program connected. */
void                      atomr_view_broadway_control_broadcast    (AtomrViewBroadwayControl *control,
                                                                    const char               *line);
/* Whether a connected program said hello: it opens its windows again when told. */
gboolean                  atomr_view_broadway_control_has_programs (AtomrViewBroadwayControl *control);
void                      atomr_view_broadway_control_free         (AtomrViewBroadwayControl *control);

G_END_DECLS
