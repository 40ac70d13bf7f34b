/* unmarked.c: user-visible strings left out of translation, on purpose:
 * check-translatable.py must find every one (meson test
 * translatable-lint-finds). Not compiled. */
static void
unmarked (GtkLabel *label, AdwPreferencesRow *row, GError **error)
{
  gtk_label_set_label (label, "Observation set saved");
  adw_preferences_row_set_title (row, "Ward name");
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
               "There is no ward %s", "x");
  adw_toast_new ("Saved");
}
