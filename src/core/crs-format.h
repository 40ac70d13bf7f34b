/* crs-format.h: numbers, durations and lists as people read them.
 *
 * Everything here follows the current locale (decimal separator, the
 * translation of the words), so the same code gives "39,1 °C" on a German
 * desktop and "39.1 °C" in the C locale that crs-watch-cli uses for its CSV
 * output. The returned strings are newly allocated. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @value with @decimals decimals (0-6) in the current locale, without
 * grouping: "38,5" on a German desktop, "4.1" as a source printed it. */
char *crs_format_decimal     (double value,
                              int    decimals);
/* Temperature with one decimal: "39.1 °C". */
char *crs_format_temperature (double celsius);
/* Oxygen flow without needless zeros: "4 L/min", "6.5 L/min". */
char *crs_format_flow        (double l_min);
/* A duration in whole minutes: "45 minutes", "1 hour", "3 hours 20 minutes". */
char *crs_format_duration    (int    minutes);
/* Items joined as a sentence list: "a", "a and b", "a, b and c". */
char *crs_format_join        (GPtrArray *items);

G_END_DECLS
