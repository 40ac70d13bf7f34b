/* crs-ward-entry.h: what the ward list knows about one patient: the
 * record, the latest set and its stored grades, the trend and when the
 * next set is due, the latest infusion and where it stands in its
 * therapy's monitoring window, and the red flags not yet acknowledged.
 *
 * Fields are read-only outside crs-ward-entry.c and crs-ward-model.c.
 * "changed" is emitted whenever any of them changed. */
#pragma once

#include <gio/gio.h>

#include "core/crs-risk.h"
#include "core/crs-trend.h"
#include "store/crs-reference.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_WARD_ENTRY (crs_ward_entry_get_type ())
G_DECLARE_FINAL_TYPE (CrsWardEntry, crs_ward_entry, CRS, WARD_ENTRY, GObject)

struct _CrsWardEntry
{
  GObject parent_instance;

  CrsPatient     *patient;
  GPtrArray      *recent;            /* CrsObservation *, newest last (the trend's sets) */
  CrsObservation *latest;            /* the newest current set, or NULL */
  CrsInfusion    *infusion;          /* the latest infusion started by now, else the next one; or NULL */
  CrsTherapy     *therapy;           /* its therapy in the reference, or NULL */
  char           *therapy_error;     /* why the reference could not be read for it, or NULL */
  GPtrArray      *interventions;     /* loaded only when a set has no stored grades; else NULL */
  guint           open_escalations;  /* sets with a red flag not acknowledged */
  gint64          escalation_at;     /* taken_at of the newest of them; 0 = none */

  /* Worked out from the above and the time (crs_ward_entry_update_time). */
  gint64          now;
  CrsTrend        trend;
  gboolean        in_window;         /* the window interval applies */
  int             infusion_day;      /* day since the infusion (day 0 = its day); -1 = none or not started */
  char           *therapy_name;      /* for people; NULL without an infusion */
  CrsNews2Risk    news2_risk;        /* band of the latest set's NEWS2 */
  gboolean        news2_not_used;    /* the latest set has no NEWS2: the patient was below the ward's NEWS2 age */
  int             news2_min_age;     /* that age (the ward policy's news2_min_age) */
};

/* A fresh entry for @patient (copied), with nothing loaded. */
CrsWardEntry *crs_ward_entry_new           (CrsPatient          *patient);
gint64        crs_ward_entry_get_id        (CrsWardEntry        *self);

/* Reads this patient's data from @store: the patient, the newest sets,
 * infusions (and interventions when needed), open escalations. With
 * @open (the ward's open escalations, from one query) the patient's are
 * taken from it instead of asked for. Then updates the time-dependent
 * fields for @now. Emits "changed". */
gboolean      crs_ward_entry_load          (CrsWardEntry        *self,
                                            CrsStore            *store,
                                            CrsReference        *reference,
                                            GHashTable          *therapies,
                                            GPtrArray           *open,
                                            const CrsWardPolicy *policy,
                                            gint64               now,
                                            GError             **error);
/* Works the due time, the trend and the monitoring window out again for
 * @now and @policy (the minute timer, a policy change). Emits "changed"
 * when anything a person sees changed. */
void          crs_ward_entry_update_time   (CrsWardEntry        *self,
                                            const CrsWardPolicy *policy,
                                            gint64               now);

/* Whether the ward's window interval applies (crs_due_compute): inside
 * the therapy's reported onset window, and also when nothing is known of
 * the therapy's onset once the infusion has started (crs-risk.h: not
 * knowing must not relax the observations). */
gboolean      crs_ward_entry_window_applies (const CrsMonitoringWindow *window);

/* Orders of the ward list. By bed: beds as people count them ("2"
 * before "10"), then name. By urgency: an unacknowledged red flag first,
 * then overdue sets, then the highest CRS or ICANS grade, then NEWS2
 * (continuous monitoring above every score), then the longest overdue or
 * soonest due, then bed. */
int           crs_ward_entry_compare_bed     (CrsWardEntry *a,
                                              CrsWardEntry *b);
int           crs_ward_entry_compare_urgency (CrsWardEntry *a,
                                              CrsWardEntry *b);
/* TRUE when @folded (crs_ward_entry_fold()ed search text) is in the
 * patient's name or MRN; an empty text matches everyone. */
gboolean      crs_ward_entry_matches       (CrsWardEntry *self,
                                            const char   *folded);
char         *crs_ward_entry_fold          (const char   *text);

G_END_DECLS
