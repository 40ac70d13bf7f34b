/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-item-private.h: what the tests read of CrsChartItem: its
 * parts and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-chart-item.h"

G_BEGIN_DECLS

const char   *crs_chart_item_get_text     (CrsChartItem    *self,
                                           CrsChartText     which);

G_END_DECLS
