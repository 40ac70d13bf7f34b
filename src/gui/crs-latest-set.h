/* crs-latest-set.h: the latest observation set on the patient page, with
 * its grades, their reasons and guidance (ui/crs-latest-set.ui). */
#pragma once

#include <adwaita.h>

#include "core/crs-grading.h"
#include "core/crs-trend.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_LATEST_SET (crs_latest_set_get_type ())
G_DECLARE_FINAL_TYPE (CrsLatestSet, crs_latest_set, CRS, LATEST_SET, GtkWidget)

/* Shows @latest (NULL: none yet), graded now as @grading (with the
 * patient's history and today's policy); its stored grades are the ones
 * shown, and a difference is said. @trend gives the rise and the due
 * time; @acknowledgements (the patient's, CrsAcknowledgement *, may be
 * NULL) who acknowledged the set's red flag, when, and their note; @now
 * the time. */
void crs_latest_set_show (CrsLatestSet     *self,
                          CrsObservation   *latest,
                          const CrsGrading *grading,
                          const CrsTrend   *trend,
                          GPtrArray        *acknowledgements,
                          gint64            now);
/* The red flag row's text ("Red flag acknowledged by …"), "" when hidden;
 * for tests. */
const char *crs_latest_set_get_escalation_text (CrsLatestSet *self);

G_END_DECLS
