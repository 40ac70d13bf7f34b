/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-reader-private.h: the state of the ward file reader,
 * shared by the parse loop (crs-ward-xml-reader.c) and the element readers
 * (crs-ward-xml-elements.c). */
#pragma once

#include <libxml/xmlreader.h>

#include "crs-ward-xml-private.h"

G_BEGIN_DECLS

typedef enum {
  EL_UNKNOWN = 0,
  EL_WARD,
  EL_SETTINGS,
  EL_SETTING,
  EL_PATIENT,
  EL_DIAGNOSIS,
  EL_RISK_NOTES,
  EL_INFUSION,
  EL_OBSERVATION,
  EL_GRADES,
  EL_ACKNOWLEDGEMENT,
  EL_INTERVENTION,
  EL_LAB_RESULT,
  EL_NOTE,
} CrsWardXmlElement;

/* An amendment waiting for its patient to be complete. */
typedef struct
{
  CrsObservation *observation;
  char           *ref;
  int             line;
} PendingAmend;

typedef struct _CrsWardXmlReader CrsWardXmlReader;

struct _CrsWardXmlReader
{
  const char       *name;       /* file name shown in messages */
  xmlTextReaderPtr  reader;
  GError           *error;      /* the first problem found */
  guint             n_problems;
  gboolean          relative;
  GDateTime        *anchor;
  CrsWardFile      *file;

  CrsWardXmlElement stack[CRS_WARD_XML_MAX_DEPTH + 2];
  guint             n_elements;

  CrsWardFilePatient *patient;  /* the patient being read */
  gpointer          record;     /* the record being read, for its note */
  CrsObservation   *observation;
  char            **text_target;
  GString          *text;

  GHashTable       *mrn_lines;      /* MRN -> line */
  GHashTable       *observation_ids; /* file id -> CrsObservation * */
  GHashTable       *observation_lines; /* CrsObservation * -> line */
  GHashTable       *observation_owner; /* CrsObservation * -> CrsWardFilePatient * */
  GPtrArray        *pending;        /* PendingAmend * of the current patient */
  GHashTable       *setting_keys;
  gint64            next_observation_id;
};

void crs_ward_xml_pending_amend_free   (gpointer          data);
/* Records a problem; the first one becomes the error. */
void crs_ward_xml_reader_fail          (CrsWardXmlReader *r,
                                        int               code,
                                        int               line,
                                        const char       *format,
                                        ...) G_GNUC_PRINTF (4, 5);
/* The line of the node being read. */
int  crs_ward_xml_reader_line          (CrsWardXmlReader *r);
void crs_ward_xml_reader_start_element (CrsWardXmlReader *r,
                                        int               depth);
void crs_ward_xml_reader_end_element   (CrsWardXmlReader *r,
                                        int               depth);

G_END_DECLS
