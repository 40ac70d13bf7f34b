/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-format.h: numbers, durations and lists as people read them.
 *
 * Everything here follows the current locale (decimal separator, the
 * translation of the words), so the same code gives "39,1 °C" on a German
 * desktop and "39.1 °C" in the C locale that crs-watch-cli uses for its CSV
 * output. The returned strings are newly allocated. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The unit temperatures are shown in. Values are always stored and
 * graded in °C; this only changes what people read. Whoever shows a
 * temperature says which (the policy's temperature_unit for a patient's
 * status, the chart's style); crs-watch-cli and the files always say °C.
 * (Added with the nurse workflow.) */
typedef enum {
  CRS_TEMPERATURE_CELSIUS = 0,
  CRS_TEMPERATURE_FAHRENHEIT,
} CrsTemperatureUnit;

#define CRS_TYPE_TEMPERATURE_UNIT (crs_temperature_unit_get_type ())
GType       crs_temperature_unit_get_type (void) G_GNUC_CONST;

/* "°C" or "°F". */
const char *crs_temperature_unit_symbol (CrsTemperatureUnit unit);
/* @celsius in @unit, and back. */
double      crs_temperature_to_unit     (double             celsius,
                                         CrsTemperatureUnit unit);
double      crs_temperature_from_unit   (double             value,
                                         CrsTemperatureUnit unit);

/* @value with @decimals decimals (0-6) in the current locale, without
 * grouping: "38,5" on a German desktop, "4.1" as a source printed it. */
char *crs_format_decimal     (double value,
                              int    decimals);
/* Temperature with one decimal in @unit: "39.1 °C", "102.4 °F". */
char *crs_format_temperature (double             celsius,
                              CrsTemperatureUnit unit);
/* The same for a temperature in tenths of a degree Celsius
 * (crs_temperature_tenths()): crs_format_temperature (tenths / 10.0,
 * unit), with the digits written out rather than printed. */
char *crs_format_temperature_tenths (int                tenths,
                                     CrsTemperatureUnit unit);
/* Oxygen flow without needless zeros: "4 L/min", "6.5 L/min". */
char *crs_format_flow        (double l_min);
/* A duration in whole minutes: "45 minutes", "1 hour", "3 hours 20 minutes". */
char *crs_format_duration    (int    minutes);
/* Items joined as a sentence list: "a", "a and b", "a, b and c". */
char *crs_format_join        (GPtrArray *items);
/* The same list appended to @out, without a string per item. */
void  crs_format_append_join (GString   *out,
                              GPtrArray *items);
/* Appends @format to @out with each %s or %d (or numbered, %2$s) replaced
 * by the next (or that) string of @args, and %% by %: for translated
 * formats whose only directives are %s and %d, the numbers written out
 * first with crs_format_int() (a %d reads the same in every locale).
 * What printf would write, without its cost. @args never point into
 * @out. */
void  crs_format_append      (GString            *out,
                              const char         *format,
                              const char * const *args,
                              guint               n_args);
/* A format whose only directive is one %d (and %%), filled with @value:
 * what g_strdup_printf() would give. */
char *crs_format_with_int    (const char         *format,
                              int                 value);
/* A "%s ... %d" format (in either order, numbered or not), filled. */
/* A format whose directives are only %s (and %N$s), filled with the
 * texts given (NULL-terminated, at most 4), as crs_format_append() fills
 * it: the common findings without printf. */
char *crs_format_with_texts  (const char         *format,
                              const char         *first,
                              ...) G_GNUC_NULL_TERMINATED;
char *crs_format_with_text_int (const char       *format,
                                const char       *text,
                                int               value);
/* @value in decimal digits, as printf's %d writes it, into @buffer;
 * returns @buffer. */
#define CRS_FORMAT_INT_BYTES 12
char *crs_format_int         (char               buffer[CRS_FORMAT_INT_BYTES],
                              int                 value);

/* A time of day as a chart shows it: "14:05" today, "Yesterday 14:05",
 * "3 Mar 14:05" otherwise (local time, 24-hour clock of ward charts). */
char *crs_format_time        (gint64 at,
                              gint64 now);
/* "3 Mar 2024 14:05" (local time). */
char *crs_format_date_time   (gint64 at);
/* A time as a set's words give it (a dose, an earlier finding): the time
 * alone on the set's own day (@set_at, Unix seconds; 0 = unknown), with
 * the date on any other. Never "yesterday": the words are read long
 * after, on paper too. */
char *crs_format_time_of_set (gint64 at,
                              gint64 set_at);

/* "Day 2, 49 h" after an infusion started at @start (day 0 = the
 * infusion's local calendar day); "Before infusion". */
char *crs_format_since_infusion (gint64 start,
                                 gint64 at);

G_END_DECLS
