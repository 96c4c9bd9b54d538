# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#
# libwarden_sdk.a for ARM64 (generic code + arch/arm64), included by sdk/CMakeLists.txt in the ARM64
# build tree (sdk/cross). Same public headers as x86-64.
set(WARDEN_SDK_LINKER_SCRIPT "${CMAKE_CURRENT_SOURCE_DIR}/linker/inmate-arm64.ld" CACHE INTERNAL "")
set(_arch lib/arch/arm64)
add_library(warden_sdk STATIC
	lib/printk.c lib/console.c lib/string.c lib/cmdline.c lib/params.c lib/heap.c lib/comm.c
	lib/platform.c lib/test.c lib/errors.c lib/clock.c lib/periodic.c lib/stack_usage.c lib/cpu_stacks.c
	${_arch}/entry.S ${_arch}/vectors.S ${_arch}/setup.c ${_arch}/platform_dt.c ${_arch}/dt.c
	${_arch}/pl011.c ${_arch}/gicv3.c ${_arch}/timer.c ${_arch}/irq.c ${_arch}/sleep.c
	${_arch}/smp.c ${_arch}/psci.c ${_arch}/cpu.c ${_arch}/hypervisor.c ${_arch}/exception.c)
add_library(WardenSDK::sdk ALIAS warden_sdk)
set_target_properties(warden_sdk PROPERTIES EXPORT_NAME sdk OUTPUT_NAME warden_sdk)
target_include_directories(warden_sdk PUBLIC
	$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
	$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/${_arch}/include>
	$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/../include>
	$<INSTALL_INTERFACE:include/warden-sdk>)
warden_sdk_freestanding_flags(warden_sdk)
target_compile_options(warden_sdk PRIVATE -O2 -g -Wall -Wextra -Wno-unused-parameter
	-mgeneral-regs-only)	# no FP/SIMD code: handlers may skip the FP save
add_subdirectory(lib/libc)	# newlib: WardenSDK::libc, docs/libc.md
