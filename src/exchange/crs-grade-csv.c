/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-csv.c: the `crs-watch-cli grade --csv` contract, and reading
 * its rows (the output and the run: crs-grade-csv-output.c).
 *
 * The contract (shared/design/grade-csv.md, fixed): UTF-8 CSV, RFC 4180,
 * first row a header; columns in any order; every column but `id`
 * optional; a blank cell is "not recorded"; an unknown column is an error
 * naming it. A value outside its type or range rejects that row only.
 * Output, one row per input row in order:
 * id,crs_grade,icans_grade,news2,news2_risk,red_flag,reason,error,pews,pews_level.
 * `news2` is blank when a parameter is missing, and also for an
 * `age_years` below the ward's NEWS2 age (16 by default: NEWS2 is an
 * adult score, crs-ward-policy.c); the reason then says why. A grade the
 * recorded findings only bound from below is written as that bound, and
 * the reason says "at least" and names what was not recorded; a grade
 * is blank only when not even a bound of 1 is proven. `red_flag` follows
 * crs-red-flags.c (grades or bounds of 3, NEWS2 or a partial NEWS2 of 7,
 * consciousness C/V/P/U, a pressor or oxygen support of grade 3 or 4
 * while CRS cannot be graded, and a child's PEWS level high or emergency,
 * or a partial PEWS already at 9).
 *
 * Children (PEWS, NHS England national charts, 2023; crs-grade-pews.h),
 * for an `age_years` below the ward's NEWS2 age. Input columns:
 *   resp_distress  none, mild, moderate, severe: the worst sign ticked, by
 *                  the age band's descriptors;
 *   crt_s          capillary refill time, seconds;
 *   o2_percent     oxygen given as a percentage, 16-100 (instead of
 *                  o2_flow_l_min; PEWS scores whichever was recorded);
 *   bp_skip        nco, u0, u4: blood pressure not taken (not attempted,
 *                  no concern 0; unsuccessful, no concern 0; unsuccessful,
 *                  concern 4);
 *   carer          worse, same, better, asleep, unavailable: the carer
 *                  question;
 *   intuition      yes, no: the nurse feels the child is "just not right";
 *   sepsis         none, suspected, shock: new suspicion of sepsis or
 *                  septic shock.
 * `pews` is the total 0-26 of the seven scored parameters on the chart of
 * the child's age band, blank when one is missing, and blank for older
 * patients; `pews_level` is none (0), low (1-4), medium (5-8), high (9-12)
 * or emergency (13 or more), raised by the non-score triggers (AVPU,
 * carer, intuition, sepsis) as the charts say, blank with `pews`. The age
 * band is read from `age_years` (a fraction of a year counts: 0.5 is six
 * months).
 *
 * Plausible ranges. Only values that cannot be a reading from a living
 * patient, or are a unit mix-up, are refused; anything a monitor could
 * show is graded, however alarming. The ranges live in crs-validate.c,
 * shared with the observation form so that the two never disagree:
 *   age_years 0-130; temp_c 10.0-47.0 (°F typed as °C falls outside);
 *   hr 0-300; rr 0-100; sbp, dbp 0-300 and dbp not above sbp; spo2 0-100;
 *   o2_flow_l_min 0-100 and no flow on room air; vasopressors 0-10;
 *   ice 0-10 and capd 0-32 (the scales' own ranges); crt_s 0-20;
 *   o2_percent 16-100.
 * Numbers use a point for decimals; integer columns take whole numbers.
 * Spaces around a value are ignored; the choice columns ignore case. */
#define G_LOG_DOMAIN "crs-grade-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crs-grade-csv.h"
#include "core/crs-validate.h"

/* A value echoed in a message is cut after this many characters. */
#define ECHO_MAX_CHARS 40
/* A cell's value is copied to the stack when it is shorter than this. */
#define CELL_BYTES 64

typedef enum {
  COL_ID,
  COL_AGE_YEARS,
  COL_TEMP_C,
  COL_HR,
  COL_RR,
  COL_SBP,
  COL_DBP,
  COL_SPO2,
  COL_SPO2_SCALE,
  COL_O2_DEVICE,
  COL_O2_FLOW,
  COL_HYPOTENSION,
  COL_VASOPRESSORS,
  COL_VASOPRESSIN,
  COL_FEVER_MASKED,
  COL_ACVPU,
  COL_AROUSAL,
  COL_ICE,
  COL_CAPD,
  COL_SEIZURE,
  COL_MOTOR_WEAKNESS,
  COL_CEREBRAL_EDEMA,
  COL_RESP_DISTRESS,
  COL_CRT,
  COL_O2_PERCENT,
  COL_BP_SKIP,
  COL_CARER,
  COL_INTUITION,
  COL_SEPSIS,
  N_COLUMNS
} Column;

/* Columns without a range of their own (choices, yes/no, the id). */
#define NO_FIELD (-1)

typedef struct
{
  const char *name;
  int         field;      /* CrsField for numbers, else NO_FIELD */
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  [COL_ID] = { "id", NO_FIELD },
  [COL_AGE_YEARS] = { "age_years", CRS_FIELD_AGE_YEARS },
  [COL_TEMP_C] = { "temp_c", CRS_FIELD_TEMPERATURE },
  [COL_HR] = { "hr", CRS_FIELD_HEART_RATE },
  [COL_RR] = { "rr", CRS_FIELD_RESP_RATE },
  [COL_SBP] = { "sbp", CRS_FIELD_SYSTOLIC },
  [COL_DBP] = { "dbp", CRS_FIELD_DIASTOLIC },
  [COL_SPO2] = { "spo2", CRS_FIELD_SPO2 },
  [COL_SPO2_SCALE] = { "spo2_scale", NO_FIELD },
  [COL_O2_DEVICE] = { "o2_device", NO_FIELD },
  [COL_O2_FLOW] = { "o2_flow_l_min", CRS_FIELD_O2_FLOW },
  [COL_HYPOTENSION] = { "hypotension", NO_FIELD },
  [COL_VASOPRESSORS] = { "vasopressors", CRS_FIELD_VASOPRESSORS },
  [COL_VASOPRESSIN] = { "vasopressin", NO_FIELD },
  [COL_FEVER_MASKED] = { "fever_masked", NO_FIELD },
  [COL_ACVPU] = { "acvpu", NO_FIELD },
  [COL_AROUSAL] = { "arousal", NO_FIELD },
  [COL_ICE] = { "ice", CRS_FIELD_ICE_TOTAL },
  [COL_CAPD] = { "capd", CRS_FIELD_CAPD },
  [COL_SEIZURE] = { "seizure", NO_FIELD },
  [COL_MOTOR_WEAKNESS] = { "motor_weakness", NO_FIELD },
  [COL_CEREBRAL_EDEMA] = { "cerebral_edema", NO_FIELD },
  [COL_RESP_DISTRESS] = { "resp_distress", NO_FIELD },
  [COL_CRT] = { "crt_s", CRS_FIELD_CRT },
  [COL_O2_PERCENT] = { "o2_percent", CRS_FIELD_O2_PERCENT },
  [COL_BP_SKIP] = { "bp_skip", NO_FIELD },
  [COL_CARER] = { "carer", NO_FIELD },
  [COL_INTUITION] = { "intuition", NO_FIELD },
  [COL_SEPSIS] = { "sepsis", NO_FIELD },
};

struct _CrsGradeCsv
{
  CrsWardPolicy policy;
  int           index[N_COLUMNS];   /* field index of each column, -1 = absent */
  guint         n_header;
};

CrsGradeCsv *
crs_grade_csv_new (const CrsWardPolicy *policy)
{
  CrsGradeCsv *self = g_new0 (CrsGradeCsv, 1);

  if (policy != NULL)
    self->policy = *policy;
  else
    crs_ward_policy_init (&self->policy);
  for (guint c = 0; c < N_COLUMNS; c++)
    self->index[c] = -1;
  return self;
}

void
crs_grade_csv_free (CrsGradeCsv *self)
{
  g_free (self);
}

const CrsWardPolicy *
crs_grade_csv_get_policy (CrsGradeCsv *self)
{
  return &self->policy;
}

/* The value without surrounding spaces, for messages: cut when long. */
static char *
echo (const char *value)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (value, -1) <= ECHO_MAX_CHARS)
    return g_strdup (value);
  start = g_utf8_substring (value, 0, ECHO_MAX_CHARS);
  return g_strconcat (start, "…", NULL);
}

gboolean
crs_grade_csv_set_header (CrsGradeCsv         *self,
                          const char * const  *fields,
                          guint                n_fields,
                          GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint c = 0; c < N_COLUMNS; c++)
    self->index[c] = -1;
  self->n_header = n_fields;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields[i]));
      gboolean known = FALSE;

      if (*name == '\0')
        {
          g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_HEADER,
                       _("column %u of the header has no name"), i + 1);
          return FALSE;
        }
      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, columns[c].name))
          {
            if (self->index[c] >= 0)
              {
                g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_HEADER,
                             _("column '%s' appears twice in the header"), name);
                return FALSE;
              }
            self->index[c] = (int) i;
            known = TRUE;
            break;
          }
      if (!known)
        {
          g_autofree char *shown = echo (name);
          g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_HEADER,
                       _("unknown column '%s'"), shown);
          return FALSE;
        }
    }

  if (self->index[COL_ID] < 0)
    {
      g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_HEADER,
                   _("the header has no 'id' column"));
      return FALSE;
    }
  return TRUE;
}

const char *
crs_grade_csv_row_id (CrsGradeCsv        *self,
                      const char * const *fields,
                      guint               n_fields)
{
  int i;

  g_return_val_if_fail (self != NULL, "");

  i = self->index[COL_ID];
  if (i < 0 || (guint) i >= n_fields)
    return "";
  return fields[i];
}

/* Decimal syntax: optional sign, digits with at most one point, at least
 * one digit. No exponents, hex, "inf" or "nan" (g_ascii_strtod takes
 * those). */
static gboolean
is_decimal (const char *text,
            gboolean    integer)
{
  const char *p = text;
  gboolean digits = FALSE;
  gboolean point = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point && !integer)
        point = TRUE;
      else
        return FALSE;
    }
  return digits;
}

/* The value of @text, which is_decimal() accepted, as g_ascii_strtod()
 * reads it. Up to 15 significant digits and 22 decimals the digits are an
 * integer below 2^53 and the power of ten is exact, so one division
 * rounds it once, as strtod does (Clinger's fast path); longer values go
 * to g_ascii_strtod(). */
static double
decimal_value (const char *text)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *p = text;
  gboolean negative = FALSE;
  gboolean point = FALSE;
  guint64 digits = 0;
  guint significant = 0;
  guint decimals = 0;
  double value;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  for (; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          point = TRUE;
          continue;
        }
      if (point)
        decimals++;
      if (digits == 0 && *p == '0')
        continue;
      if (++significant > 15)
        return g_ascii_strtod (text, NULL);
      digits = digits * 10 + (guint64) (*p - '0');
    }
  if (decimals >= G_N_ELEMENTS (powers))
    return g_ascii_strtod (text, NULL);
  value = (double) digits / powers[decimals];
  return negative ? -value : value;
}

typedef struct
{
  CrsGradeCsv *self;
  GPtrArray   *problems;
} Row;

static void
problem (Row        *row,
         Column      column,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Row        *row,
         Column      column,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a column name, then what is wrong with its value */
  g_ptr_array_add (row->problems, g_strdup_printf (_("%s: %s"), columns[column].name, message));
}

/* Parses a number column; returns FALSE (and records why) when the value
 * is refused. */
static gboolean
parse_number (Row        *row,
              Column      column,
              const char *text,
              double     *out)
{
  const CrsFieldRange *range = crs_field_range ((CrsField) columns[column].field);
  g_autofree char *shown = NULL;
  double value;

  g_assert (columns[column].field != NO_FIELD);

  if (!is_decimal (text, FALSE))
    {
      g_autofree char *with_point = g_strdelimit (g_strdup (text), ",", '.');

      shown = echo (text);

      if (strchr (text, ',') != NULL && is_decimal (with_point, FALSE))
        problem (row, column, _("'%s' is not a number (use a point for decimals)"), shown);
      else
        problem (row, column, _("'%s' is not a number"), shown);
      return FALSE;
    }
  if (range->integer && strchr (text, '.') != NULL)
    {
      shown = echo (text);
      problem (row, column, _("'%s' is not a whole number"), shown);
      return FALSE;
    }

  value = decimal_value (text);
  if (!crs_field_accepts ((CrsField) columns[column].field, value))
    {
      shown = echo (text);
      if (range->integer)
        problem (row, column, _("%s is out of range %d–%d"), shown, (int) range->min, (int) range->max);
      else
        problem (row, column, _("%s is out of range %g–%g"), shown, range->min, range->max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_int (Row        *row,
           Column      column,
           const char *text,
           int        *out)
{
  double value;

  if (!parse_number (row, column, text, &value))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
parse_yes_no (Row        *row,
              Column      column,
              const char *text,
              CrsTri     *out)
{
  g_autofree char *shown = NULL;

  if (g_ascii_strcasecmp (text, "yes") == 0)
    *out = CRS_TRI_YES;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *out = CRS_TRI_NO;
  else
    {
      shown = echo (text);
      problem (row, column, _("'%s' is not yes or no"), shown);
      return FALSE;
    }
  return TRUE;
}

/* Looks @text up among the model's ids, ignoring case; the ids (and
 * their lengths, compared first) are looked up once. */
#define PARSE_CHOICE(Type, name, n_values)                                   \
  static gboolean                                                            \
  parse_##name (const char *text, Type *out)                                 \
  {                                                                          \
    static const char *ids[(n_values)];                                      \
    static gsize lengths[(n_values)];                                        \
    static gsize ids_ready = 0;                                              \
    gsize length = strlen (text);                                            \
    if (g_once_init_enter (&ids_ready))                                      \
      {                                                                      \
        for (int v = 1; v < (n_values); v++)                                 \
          {                                                                  \
            ids[v] = crs_##name##_to_id ((Type) v);                          \
            lengths[v] = ids[v] != NULL ? strlen (ids[v]) : 0;               \
          }                                                                  \
        g_once_init_leave (&ids_ready, 1);                                   \
      }                                                                      \
    for (int v = 1; v < (n_values); v++)                                     \
      {                                                                      \
        const char *id = ids[v];                                             \
        if (id != NULL && lengths[v] == length &&                            \
            g_ascii_strncasecmp (id, text, length) == 0)                     \
          {                                                                  \
            *out = (Type) v;                                                 \
            return TRUE;                                                     \
          }                                                                  \
      }                                                                      \
    return FALSE;                                                            \
  }

PARSE_CHOICE (CrsO2Device, o2_device, CRS_O2_N_VALUES)
PARSE_CHOICE (CrsAcvpu, acvpu, CRS_ACVPU_N_VALUES)
PARSE_CHOICE (CrsArousal, arousal, CRS_AROUSAL_N_VALUES)
PARSE_CHOICE (CrsSeizure, seizure, CRS_SEIZURE_N_VALUES)
PARSE_CHOICE (CrsEdema, edema, CRS_EDEMA_N_VALUES)
PARSE_CHOICE (CrsRespDistress, resp_distress, CRS_RESP_DISTRESS_N_VALUES)
PARSE_CHOICE (CrsBpSkip, bp_skip, CRS_BP_SKIP_N_VALUES)
PARSE_CHOICE (CrsCarer, carer, CRS_CARER_N_VALUES)
PARSE_CHOICE (CrsSepsis, sepsis, CRS_SEPSIS_N_VALUES)

static void
parse_field (Row               *row,
             Column             column,
             const char        *text,
             CrsObservation    *observation,
             CrsGradingContext *context)
{
  g_autofree char *shown = NULL;
  double number;
  int integer;
  CrsTri tri;

  switch (column)
    {
    case COL_ID:
      break;

    case COL_AGE_YEARS:
      if (parse_number (row, column, text, &number))
        {
          context->age_years = (int) floor (number);
          /* Completed months for the PEWS chart; the small margin keeps
           * 1/12-year steps written to a few decimals on their month. */
          context->age_months = (int) floor (number * 12.0 + 1e-6);
        }
      break;

    case COL_TEMP_C:
      parse_number (row, column, text, &observation->temperature_c);
      break;

    case COL_HR:
      parse_int (row, column, text, &observation->heart_rate);
      break;

    case COL_RR:
      parse_int (row, column, text, &observation->resp_rate);
      break;

    case COL_SBP:
      parse_int (row, column, text, &observation->systolic);
      break;

    case COL_DBP:
      parse_int (row, column, text, &observation->diastolic);
      break;

    case COL_SPO2:
      parse_int (row, column, text, &observation->spo2);
      break;

    case COL_SPO2_SCALE:
      if (!is_decimal (text, TRUE) || (!g_str_equal (text, "1") && !g_str_equal (text, "2")))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not 1 or 2"), shown);
        }
      else
        context->spo2_scale = text[0] - '0';
      break;

    case COL_O2_DEVICE:
      if (!parse_o2_device (text, &observation->o2_device))
        {
          shown = echo (text);
          problem (row, column, _("unknown device '%s'"), shown);
        }
      break;

    case COL_O2_FLOW:
      parse_number (row, column, text, &observation->o2_flow_l_min);
      break;

    case COL_HYPOTENSION:
      parse_yes_no (row, column, text, &observation->hypotension);
      break;

    case COL_VASOPRESSORS:
      parse_int (row, column, text, &observation->vasopressors);
      break;

    case COL_VASOPRESSIN:
      parse_yes_no (row, column, text, &observation->vasopressin);
      break;

    case COL_FEVER_MASKED:
      if (parse_yes_no (row, column, text, &tri))
        context->fever_masked = tri == CRS_TRI_YES;
      break;

    case COL_ACVPU:
      if (!parse_acvpu (text, &observation->acvpu))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of A, C, V, P, U"), shown);
        }
      break;

    case COL_AROUSAL:
      if (!parse_arousal (text, &observation->arousal))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of normal, spontaneous, voice, tactile, unarousable"), shown);
        }
      break;

    case COL_ICE:
      if (parse_int (row, column, text, &integer))
        observation->ice_total = integer;
      break;

    case COL_CAPD:
      parse_int (row, column, text, &observation->capd);
      break;

    case COL_SEIZURE:
      if (!parse_seizure (text, &observation->seizure))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of none, resolved, prolonged"), shown);
        }
      break;

    case COL_MOTOR_WEAKNESS:
      parse_yes_no (row, column, text, &observation->motor_weakness);
      break;

    case COL_CEREBRAL_EDEMA:
      if (!parse_edema (text, &observation->cerebral_edema))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of none, focal, diffuse"), shown);
        }
      break;

    case COL_RESP_DISTRESS:
      if (!parse_resp_distress (text, &observation->resp_distress))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of none, mild, moderate, severe"), shown);
        }
      break;

    case COL_CRT:
      parse_number (row, column, text, &observation->crt_s);
      break;

    case COL_O2_PERCENT:
      parse_number (row, column, text, &observation->o2_percent);
      break;

    case COL_BP_SKIP:
      if (!parse_bp_skip (text, &observation->bp_skip))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of nco, u0, u4"), shown);
        }
      break;

    case COL_CARER:
      if (!parse_carer (text, &observation->carer))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of worse, same, better, asleep, unavailable"), shown);
        }
      break;

    case COL_INTUITION:
      parse_yes_no (row, column, text, &observation->intuition);
      break;

    case COL_SEPSIS:
      if (!parse_sepsis (text, &observation->sepsis))
        {
          shown = echo (text);
          problem (row, column, _("'%s' is not one of none, suspected, shock"), shown);
        }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
crs_grade_csv_parse_row (CrsGradeCsv        *self,
                         const char * const *fields,
                         guint               n_fields,
                         CrsObservation     *observation,
                         CrsGradingContext  *context,
                         GPtrArray          *problems)
{
  Row row = { self, problems };
  guint before = problems->len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), FALSE);

  crs_grading_context_init (context);

  if (n_fields != self->n_header)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "the row has %u field but the header has %u",
                                                     "the row has %u fields but the header has %u",
                                                     n_fields),
                                        n_fields, self->n_header));
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      char small[CELL_BYTES];
      g_autofree char *large = NULL;
      const char *start, *end;
      char *text;

      if (self->index[c] < 0 || c == COL_ID)
        continue;
      /* The value without the spaces around it (as g_strstrip), copied
       * into @small when it fits: a row allocates nothing here. */
      start = fields[self->index[c]];
      while (g_ascii_isspace (*start))
        start++;
      end = start + strlen (start);
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end == start)
        continue;   /* blank = not recorded */
      text = (gsize) (end - start) < sizeof small ? small : (large = g_malloc (end - start + 1));
      memcpy (text, start, end - start);
      text[end - start] = '\0';
      parse_field (&row, (Column) c, text, observation, context);
    }

  /* Values that cannot be true together. */
  if (!crs_validate_blood_pressure (observation->systolic, observation->diastolic))
    problem (&row, COL_DBP, _("%d is above the systolic pressure %d"),
             observation->diastolic, observation->systolic);
  if (!crs_validate_oxygen_flow (observation->o2_device, observation->o2_flow_l_min))
    problem (&row, COL_O2_FLOW, _("an oxygen flow is given with o2_device room_air"));

  return problems->len == before;
}
