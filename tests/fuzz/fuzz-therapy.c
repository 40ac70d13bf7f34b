/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-therapy.c: the therapy compiler (src/exchange/crs-therapy-compiler.c)
 * on a hostile data/therapies.xml: the byte guard, the parser, the schema
 * and the checks XSD cannot express. Whatever the file, a list of
 * therapies or an error saying "FILE:LINE: ..." for each problem. */
#define G_LOG_DOMAIN "fuzz-therapy"

#include "config.h"

#include <gio/gio.h>

#include "core/crs-therapy.h"
#include "exchange/crs-therapy-compiler.h"
#include "crs-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  crs_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) therapies = NULL;

  therapies = crs_therapy_compiler_load_bytes (bytes, "fuzz.xml", CRS_FUZZ_THERAPIES_XSD, &error);
  if (therapies == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml:"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < therapies->len; i++)
    {
      CrsTherapy *therapy = g_ptr_array_index (therapies, i);
      g_assert_true (CRS_IS_THERAPY (therapy));
    }
  return 0;
}
