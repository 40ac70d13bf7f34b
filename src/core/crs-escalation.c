/* crs-escalation.c: acknowledgements and late red flags. */
#define G_LOG_DOMAIN "crs-escalation"

#include "config.h"

#include "crs-escalation.h"

void
crs_acknowledgement_free (CrsAcknowledgement *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->author);
  g_free (ack->note);
  g_free (ack);
}

void
crs_late_red_flag_free (CrsLateRedFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->author);
  g_free (flag);
}
