/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-escalation.c: acknowledgements and late red flags. */
#define G_LOG_DOMAIN "crs-escalation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-escalation.h"
#include "crs-format.h"

void
crs_acknowledgement_free (CrsAcknowledgement *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->author);
  g_free (ack->note);
  g_free (ack);
}

char *
crs_acknowledgement_to_string (const CrsAcknowledgement *ack,
                               gint64                    now)
{
  g_autofree char *when = NULL;
  const char *who;

  g_return_val_if_fail (ack != NULL, NULL);

  when = crs_format_time (ack->at, now);
  who = ack->author != NULL && *ack->author != '\0' ? ack->author : _("unknown");
  if (ack->note == NULL || *ack->note == '\0')
    /* TRANSLATORS: who acknowledged a red flag and when, e.g. "Red flag
     * acknowledged by S. Nakamura at 14:32" */
    return g_strdup_printf (_("Red flag acknowledged by %s at %s"), who, when);
  /* TRANSLATORS: who acknowledged a red flag, when, and their note, e.g.
   * "Red flag acknowledged by S. Nakamura at 14:32: Dr Okafor informed" */
  return g_strdup_printf (_("Red flag acknowledged by %s at %s: %s"), who, when, ack->note);
}

void
crs_late_red_flag_free (CrsLateRedFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->author);
  g_free (flag);
}
