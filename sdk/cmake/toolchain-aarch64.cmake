# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#
# CMake toolchain file for ARM64 inmates: Debian's aarch64-linux-gnu cross gcc and binutils
# (gcc-aarch64-linux-gnu, binutils-aarch64-linux-gnu), used freestanding. The top-level build uses
# it for its ARM64 sub-build (sdk/cross); out of tree: cmake -DCMAKE_TOOLCHAIN_FILE=<this file>.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(WARDEN_CROSS_PREFIX "aarch64-linux-gnu-" CACHE STRING "prefix of the ARM64 cross tools")
find_program(WARDEN_AARCH64_GCC ${WARDEN_CROSS_PREFIX}gcc)
if(NOT WARDEN_AARCH64_GCC)
	message(FATAL_ERROR "ARM64 toolchain: ${WARDEN_CROSS_PREFIX}gcc not found "
		"(install gcc-aarch64-linux-gnu: scripts/setup.sh)")
endif()
set(CMAKE_C_COMPILER ${WARDEN_AARCH64_GCC})
set(CMAKE_ASM_COMPILER ${WARDEN_AARCH64_GCC})
find_program(CMAKE_OBJCOPY ${WARDEN_CROSS_PREFIX}objcopy REQUIRED)
find_program(CMAKE_AR ${WARDEN_CROSS_PREFIX}ar REQUIRED)
# Nothing here links a hosted program: test the compiler with a static library.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
