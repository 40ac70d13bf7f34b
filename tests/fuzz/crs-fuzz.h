/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-fuzz.h: what every fuzz target shares. Each target defines
 * LLVMFuzzerTestOneInput(); built with -fsanitize=fuzzer it is a libFuzzer
 * fuzzer, linked with fuzz-replay-main.c it replays files (the corpus and
 * past crashes) in `meson test`, with or without clang. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

/* A GLib warning or critical (a failed precondition) is a bug like a
 * crash: make it abort. Quiet the debug messages. */
static inline void
crs_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

G_END_DECLS
