/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-handover.h: what the shift handover report says, read from the
 * ward database.
 *
 * For each patient it holds the patient's status as of now
 * (CrsPatientStatus, the one answer the ward list and the patient page
 * show) and the records of the period the report covers (interventions,
 * acknowledgements, notes). The report writes them; it works out nothing
 * clinical itself. The layout is in crs-report.h. */
#pragma once

#include <glib.h>

#include "core/crs-patient-status.h"
#include "store/crs-reference.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

/* Which patients the report holds. */
typedef enum {
  CRS_HANDOVER_ALL = 0,        /* every patient on the ward (not archived) */
  CRS_HANDOVER_SELECTED,       /* those named by MRN */
  CRS_HANDOVER_ESCALATED,      /* only those with a red flag open now or in the period */
} CrsHandoverSelection;

/* How the period was chosen, for the header's words. */
typedef enum {
  CRS_HANDOVER_PERIOD_CUSTOM = 0,
  CRS_HANDOVER_PERIOD_SHIFT,   /* this shift, by the ward's shift times */
  CRS_HANDOVER_PERIOD_12_HOURS,
  CRS_HANDOVER_PERIOD_24_HOURS,
} CrsHandoverPeriod;

typedef struct
{
  gint64               from;        /* the period [from, to), Unix seconds */
  gint64               to;
  CrsHandoverPeriod    period;
  gint64               now;         /* printed at: the status is as of now; 0 = the real time */
  /* The ward: the database's ward name (every patient), or the ward
   * patients are on (those patients); NULL = every patient. */
  const char          *ward;
  const char          *printed_by;  /* NULL = the login name */
  CrsHandoverSelection selection;
  const char * const  *mrns;        /* CRS_HANDOVER_SELECTED: NULL-terminated */
  CrsReference        *reference;   /* the therapy reference; may be NULL */
  CrsTemperatureUnit   temperature_unit; /* of the reader (default °C) */
} CrsHandoverOptions;

void crs_handover_options_init (CrsHandoverOptions *options);

/* The period a choice stands for at @now: this shift by @shift_starts (a
 * ward setting, crs-shift.h; NULL or unreadable = the default), the last
 * 12 or 24 hours. CUSTOM leaves *from and *to as they are. */
void crs_handover_period_bounds (CrsHandoverPeriod  period,
                                 const char        *shift_starts,
                                 gint64             now,
                                 gint64            *from,
                                 gint64            *to);

typedef struct
{
  CrsPatientStatus *status;
  CrsStatusPeriod   period;
  GPtrArray        *infusions;        /* CrsInfusion *, by start */
  GPtrArray        *interventions;    /* CrsIntervention *, by time: all of them */
  GPtrArray        *acknowledgements; /* CrsAcknowledgement *: all of them */
} CrsHandoverPatient;

/* The ward at a glance: counts of patients. */
typedef struct
{
  guint patients;
  guint crs[6];            /* by grade 0-4 (a lower bound counts as its grade); [5] not determined or no set */
  guint icans[6];
  guint red_flags_open;    /* patients with a red flag not yet acknowledged */
  guint escalated;         /* patients with a red flag open now or in the period */
  guint overdue;           /* observations overdue */
  guint continuous;        /* monitored continuously */
  guint no_sets;           /* no observation set yet */
} CrsHandoverSummary;

typedef struct
{
  char               *ward_name;    /* as the header says it */
  char               *printed_by;
  gint64              from;
  gint64              to;
  CrsHandoverPeriod   period;
  gint64              now;
  CrsWardPolicy       policy;
  GPtrArray          *patients;     /* CrsHandoverPatient *, by bed */
  CrsHandoverSummary  summary;
} CrsHandover;

/* Reads the report's patients from @store. Fails (CRS_REPORT_ERROR) when
 * the ward is not in the database or an MRN is unknown, naming them, or
 * when the database cannot be read. */
CrsHandover *crs_handover_load (CrsStore                 *store,
                                const CrsHandoverOptions *options,
                                GError                  **error);
void         crs_handover_free (CrsHandover              *handover);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsHandover, crs_handover_free)

/* "This shift", "Last 12 hours", ... for the header (translated). */
const char *crs_handover_period_label (CrsHandoverPeriod period);

G_END_DECLS
