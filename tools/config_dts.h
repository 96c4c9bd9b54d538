/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Configuration model -> device-tree source, in the bindings that
 * `warden config build` reads (docs/config-format.md).
 */
#ifndef WARDEN_TOOLS_CONFIG_DTS_H
#define WARDEN_TOOLS_CONFIG_DTS_H

#include <stdio.h>
#include "config_model.h"

/* comment: written at the top of the file (may be NULL or multi-line). */
void dts_write_system(FILE *out, const struct system_model *system, const char *comment);
void dts_write_cell(FILE *out, const struct cell_model *cell, const char *comment);

#endif /* WARDEN_TOOLS_CONFIG_DTS_H */
