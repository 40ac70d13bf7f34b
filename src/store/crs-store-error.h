/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-error.h: the error domain of the store layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_STORE_ERROR (crs_store_error_quark ())

typedef enum {
  CRS_STORE_ERROR_FAILED,       /* anything else; the message says what */
  CRS_STORE_ERROR_BUSY,         /* another process held the database too long */
  CRS_STORE_ERROR_CORRUPT,      /* damaged file or not a ward database */
  CRS_STORE_ERROR_TOO_NEW,      /* written by a newer CRS Watch */
  CRS_STORE_ERROR_READ_ONLY,    /* file or folder not writable */
  CRS_STORE_ERROR_FULL,         /* disk full */
  CRS_STORE_ERROR_NOT_FOUND,    /* no such row */
  CRS_STORE_ERROR_CONSTRAINT,   /* e.g. duplicate MRN */
  CRS_STORE_ERROR_INVALID,      /* a value the database cannot hold */
  CRS_STORE_ERROR_TAMPERED,     /* changed behind CRS Watch's back: schema, audit chain, records */
  CRS_STORE_ERROR_UNSAFE,       /* a file or folder another user could change or read */
  CRS_STORE_ERROR_IN_USE,       /* another program has the database open */
  CRS_STORE_ERROR_CONFLICT,     /* someone else changed it first (an amendment of the same set) */
  CRS_STORE_ERROR_UNREACHABLE,  /* the ward server cannot be reached, or the connection was lost */
} CrsStoreError;

GQuark crs_store_error_quark (void);

G_END_DECLS
