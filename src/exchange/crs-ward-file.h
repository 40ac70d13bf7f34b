/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-file.h: a ward file in memory: the settings and the patients
 * with every record, between the XML and the database.
 *
 * Inside a CrsWardFile the records of one patient refer to each other by
 * their own ids: an amended observation set's supersedes_id, and an
 * acknowledgement's observation_id, name the id of another set in the
 * same patient's @observations. Those ids are the database's when the
 * file was loaded from a store, and numbers given by the reader when it
 * was read from XML; the importer maps them to new rows. */
#pragma once

#include "core/crs-model.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;
  char *value;      /* NULL: the setting exists without a value */
} CrsWardFileSetting;

typedef struct
{
  CrsPatient *patient;
  GPtrArray  *infusions;        /* CrsInfusion * */
  GPtrArray  *observations;     /* CrsObservation *, every version, amended ones too */
  GPtrArray  *interventions;    /* CrsIntervention * */
  GPtrArray  *lab_results;      /* CrsLabResult * */
  GPtrArray  *acknowledgements; /* CrsAcknowledgement * */
  int         line;             /* where the patient starts in the file; 0 when not read from one */
} CrsWardFilePatient;

typedef struct
{
  GPtrArray *settings;          /* CrsWardFileSetting *, in file order */
  GPtrArray *patients;          /* CrsWardFilePatient * */
} CrsWardFile;

CrsWardFile        *crs_ward_file_new          (void);
void                crs_ward_file_free         (CrsWardFile        *file);
/* Adds a patient (taking ownership of @patient) and returns its entry. */
CrsWardFilePatient *crs_ward_file_add_patient  (CrsWardFile        *file,
                                                CrsPatient         *patient);
void                crs_ward_file_add_setting  (CrsWardFile        *file,
                                                const char         *key,
                                                const char         *value);
/* The value of @key, or NULL. */
const char         *crs_ward_file_get_setting  (CrsWardFile        *file,
                                                const char         *key);
/* The set with id @observation_id in @patient, or NULL. */
CrsObservation     *crs_ward_file_patient_find_observation (CrsWardFilePatient *patient,
                                                            gint64              observation_id);

/* An acknowledgement that owns its strings, freed without the store. */
CrsAcknowledgement *crs_ward_file_acknowledgement_new  (void);
void                crs_ward_file_acknowledgement_free (CrsAcknowledgement *ack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsWardFile, crs_ward_file_free)

G_END_DECLS
