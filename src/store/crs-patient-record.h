/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-record.h: a patient's whole record read from the ward
 * database, as CrsPatientStatus is worked out from it. The one reader for
 * the patient page and the handover report, so that both say the same of
 * a patient. */
#pragma once

#include "core/crs-patient-status.h"
#include "store/crs-reference.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

typedef enum
{
  CRS_READ_CURRENT_SETS = 0,           /* the current version of each set */
  CRS_READ_EVERY_VERSION = 1 << 0,     /* and the versions amended since (a history) */
  CRS_READ_LAB_RESULTS = 1 << 1,       /* lab_results too */
} CrsReadFlags;

typedef struct
{
  /* For crs_patient_status_new (): its arrays are the ones below. */
  CrsPatientRecord  record;
  CrsPatient       *patient;
  GPtrArray        *observations;      /* CrsObservation *, oldest first */
  GPtrArray        *infusions;         /* CrsInfusion * */
  GPtrArray        *interventions;     /* CrsIntervention * */
  GPtrArray        *lab_results;       /* CrsLabResult *; empty without CRS_READ_LAB_RESULTS */
  GPtrArray        *acknowledgements;  /* CrsAcknowledgement * */
  GPtrArray        *late_flags;        /* CrsLateRedFlag * */
  GPtrArray        *open_sets;         /* CrsObservation * with an escalation still open */
  CrsTherapy       *therapy;           /* of the infusion that matters now, or NULL */
  char             *therapy_error;     /* why the reference could not say, or NULL */
} CrsStoredRecord;

/* Reads everything or nothing: NULL with @error when any read fails.
 * @open_all: the ward's open escalations (crs_store_list_open_escalations
 * with patient 0), when the caller reads many patients; NULL to read the
 * patient's own. @reference: NULL when there is none (no therapy). */
CrsStoredRecord *crs_stored_record_read (CrsStore      *store,
                                         gint64         patient_id,
                                         CrsReadFlags   flags,
                                         GPtrArray     *open_all,
                                         CrsReference  *reference,
                                         gint64         now,
                                         GError       **error);
/* A record of nobody: a new patient without name, every list empty; what
 * a view shows when it must show no patient at all. */
CrsStoredRecord *crs_stored_record_new_empty (void);
void             crs_stored_record_free (CrsStoredRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsStoredRecord, crs_stored_record_free)

G_END_DECLS
