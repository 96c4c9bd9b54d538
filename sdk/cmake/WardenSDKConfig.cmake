# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# find_package(WardenSDK): the installed SDK library, headers, linker script and add_inmate().
get_filename_component(_warden_sdk_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
include("${CMAKE_CURRENT_LIST_DIR}/WardenSDKTargets.cmake")
set(WARDEN_SDK_LINKER_SCRIPT "${_warden_sdk_prefix}/lib/warden-sdk/inmate.ld")
include("${CMAKE_CURRENT_LIST_DIR}/WardenInmate.cmake")
set(WardenSDK_FOUND TRUE)
