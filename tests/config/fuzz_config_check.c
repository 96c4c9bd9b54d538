// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of the configuration validator. The first byte picks what
 * the input is: 0 a system config, 1 a cell alone, 2 a system config and a
 * cell, 3 two cells (for 2 and 3, bytes 1-2 give the first blob's size). Each
 * blob is copied into its own exact-size allocation, so that AddressSanitizer
 * sees any read beyond what the validator was given.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <warden/config_check.h>

static void *copy(const uint8_t *data, size_t size)
{
	void *blob = malloc(size ? size : 1);

	if (blob && size)
		memcpy(blob, data, size);
	return blob;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config_check_report report = { 0 };
	size_t first_size;
	void *first, *second;
	int mode;

	if (size < 3)
		return 0;
	mode = data[0] % 4;
	if (mode < 2) {
		first = copy(data + 1, size - 1);
		if (mode == 0)
			config_check_system(first, size - 1, &report);
		else
			config_check_cell(NULL, 0, first, size - 1, &report);
		free(first);
		return 0;
	}
	first_size = data[1] | (size_t)data[2] << 8;
	if (first_size > size - 3)
		first_size = size - 3;
	first = copy(data + 3, first_size);
	second = copy(data + 3 + first_size, size - 3 - first_size);
	if (mode == 2)
		config_check_cell(first, first_size, second, size - 3 - first_size, &report);
	else
		config_check_cell_pair(first, first_size, second, size - 3 - first_size, &report);
	free(first);
	free(second);
	return 0;
}
