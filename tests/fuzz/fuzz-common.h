/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <atomr-view.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Aborts, so that libFuzzer keeps the input, unless @condition holds. */
#define FUZZ_CHECK(condition)                                                  \
  G_STMT_START {                                                               \
    if (!(condition))                                                          \
      {                                                                        \
        fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
        abort ();                                                              \
      }                                                                        \
  } G_STMT_END

/* Encodes @scene both ways and checks that each decodes to an equal scene. */
void fuzz_check_scene_round_trips   (AtomrViewScene *scene);
/* The same for a patch list. */
void fuzz_check_patch_round_trips   (GPtrArray      *patches);

G_END_DECLS
