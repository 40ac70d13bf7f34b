/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-escalation.h: the records of an escalation (a red flag) besides
 * the set that raised it: a nurse's acknowledgement, and a red flag a
 * set raised after it was saved.
 *
 * A set saved with a red flag (CrsObservation.stored_red_flag) raises an
 * escalation at once. A set can also raise one later: when something
 * recorded afterwards changes what its findings mean (a dose of
 * tocilizumab given before the set but recorded after it masks fever, so
 * an afebrile set on a vasopressor is CRS grade 3), grading it again with
 * the full history finds a red flag it was not saved with. The store
 * keeps that as a late red flag (audited), and the escalation stays open
 * until a nurse acknowledges the set after it was raised. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An escalation (red flag) acknowledged by a nurse. */
typedef struct
{
  gint64  id;
  gint64  observation_id;   /* the set that raised the red flag */
  gint64  at;
  char   *author;
  char   *note;             /* who was informed, what was done */
} CrsAcknowledgement;

void crs_acknowledgement_free (CrsAcknowledgement *ack);
/* "Red flag acknowledged by S. Nakamura at 14:32: Dr Okafor informed"
 * (the time as crs_format_time() writes it at @now; without a note, no
 * colon). Translated. */
char *crs_acknowledgement_to_string (const CrsAcknowledgement *ack,
                                     gint64                    now);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsAcknowledgement, crs_acknowledgement_free)

/* A red flag raised by a set after it was saved. */
typedef struct
{
  gint64  id;
  gint64  observation_id;
  gint64  at;               /* when it was raised */
  char   *author;           /* whose record made it appear */
  int     crs_grade;        /* the grades then (crs_grading_*_value()), CRS_MISSING */
  int     icans_grade;
  guint   kinds;            /* CRS_RED_FLAG_BIT() of each red flag (crs-grading.h) */
} CrsLateRedFlag;

void crs_late_red_flag_free (CrsLateRedFlag *flag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsLateRedFlag, crs_late_red_flag_free)

G_END_DECLS
