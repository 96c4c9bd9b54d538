# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# find_package(WardenSDK): the installed SDK library, headers, linker script and add_inmate().
get_filename_component(_warden_sdk_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
# The architecture this SDK was built for (x86_64 or aarch64) must be the project's.
include("${CMAKE_CURRENT_LIST_DIR}/WardenSDKArch.cmake" OPTIONAL)
if(WARDEN_SDK_PROCESSOR AND NOT CMAKE_SYSTEM_PROCESSOR STREQUAL WARDEN_SDK_PROCESSOR)
	message(FATAL_ERROR "WardenSDK at '${_warden_sdk_prefix}' is built for ${WARDEN_SDK_PROCESSOR}, but this "
		"project compiles for '${CMAKE_SYSTEM_PROCESSOR}'; for ARM64 configure with "
		"-DCMAKE_TOOLCHAIN_FILE=${CMAKE_CURRENT_LIST_DIR}/toolchain-aarch64.cmake")
endif()
include("${CMAKE_CURRENT_LIST_DIR}/WardenSDKTargets.cmake")
set(WARDEN_SDK_LINKER_SCRIPT "${_warden_sdk_prefix}/lib/warden-sdk/inmate.ld")
# ARM64 only: the cell link (at 0) that add_inmate uses for NAME-cell.bin
if(EXISTS "${_warden_sdk_prefix}/lib/warden-sdk/inmate-cell.ld")
	set(WARDEN_SDK_CELL_LINKER_SCRIPT "${_warden_sdk_prefix}/lib/warden-sdk/inmate-cell.ld")
endif()
include("${CMAKE_CURRENT_LIST_DIR}/WardenInmate.cmake")
set(WardenSDK_FOUND TRUE)
