/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli.h: subcommands of crs-watch-cli.
 *
 * Each subcommand lives in its own file, gets argv starting at its own name,
 * prints results to stdout and errors to stderr, and returns the exit
 * status: 0 all good, 1 bad usage or unreadable input, 2 some rows rejected.
 * It must not link GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *usage;     /* arguments, e.g. "--csv FILE|-" */
  const char *summary;   /* one line, translatable (N_) */
  int (*run) (int argc, char **argv);
} CrsCliCommand;

/* The command table, NULL-terminated (crs-watch-cli.c). */
extern const CrsCliCommand crs_cli_commands[];

/* The subcommands, one file each (src/cli/crs-cli-NAME.c). */
int crs_cli_check (int argc, char **argv);
int crs_cli_migrate (int argc, char **argv);
int crs_cli_export (int argc, char **argv);
int crs_cli_grade (int argc, char **argv);
int crs_cli_import (int argc, char **argv);
int crs_cli_nurses (int argc, char **argv);
int crs_cli_report (int argc, char **argv);
int crs_cli_restore (int argc, char **argv);

/* Prints "crs-watch-cli NAME: MESSAGE" to stderr; returns 1. */
int crs_cli_usage_error (const char *command,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
