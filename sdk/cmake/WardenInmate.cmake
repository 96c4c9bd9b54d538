# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#
# add_inmate(NAME SOURCES file... [LIBC none|newlib] [OPTIMIZE flag]
#            [HEAP_SIZE bytes] [STACK_SIZE bytes])
#   Builds NAME.elf (with symbols, for debugging) and NAME.bin, the loadable
#   image: load it into a cell at guest-physical 0, or boot it bare with
#   `qemu-system-x86_64 -kernel NAME.bin`. The target property
#   WARDEN_INMATE_IMAGE holds the .bin path.
#   LIBC: none (default; the SDK's printk, string and heap only) or newlib
#   (stdio, stdlib, string, libm; WardenNewlib.cmake, docs/libc.md).
#   OPTIMIZE: the optimisation flag of the inmate's sources, default
#   ${WARDEN_INMATE_OPTIMIZE} (cache variable, -O2). It comes after the flags
#   of CMAKE_BUILD_TYPE, so it holds whatever the build type (and without
#   one, where CMake would compile at -O0); debug info (-g) is always on.
#   HEAP_SIZE: the SDK heap (heap_alloc), default 65536; STACK_SIZE: the boot
#   CPU's stack, default 16384 (further CPUs get SMP_STACK_SIZE each). Both
#   multiples of 16; image, heap and stacks must end below 0x9f000 (the link
#   says so if not).
#   ARM64: NAME.bin is the bare image (an arm64 Image at 0x40200000). With
#   WARDEN_INMATE_CELL_IMAGES on (the default) the same sources are also
#   linked at 0 with the SDK's cell linker script as target NAME-cell
#   (NAME-cell.elf, NAME-cell.bin; property WARDEN_INMATE_CELL_IMAGE on NAME):
#   a Jailhouse-style cell inmate (docs/cell-abi.md, "ARM64"). NAME.bin is
#   linked as before.
#
# Works in the Warden tree and, after `cmake --install`, through
# find_package(WardenSDK) in any C project.
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/WardenNewlib.cmake")

set(WARDEN_INMATE_OPTIMIZE "-O2" CACHE STRING
	"Optimisation flag of inmates built with add_inmate() (their OPTIMIZE argument overrides it)")
option(WARDEN_INMATE_CELL_IMAGES "ARM64: add_inmate() also links NAME-cell.bin, the cell image at 0" ON)

# The compiler's own headers (stdint.h, stdarg.h, ...) but no host C library headers.
function(_warden_sdk_compiler_include out)
	execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
		OUTPUT_VARIABLE dir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
	if(NOT rc EQUAL 0 OR NOT IS_DIRECTORY "${dir}")
		message(FATAL_ERROR "Warden SDK: '${CMAKE_C_COMPILER} -print-file-name=include' "
			"gave '${dir}', not a directory: the SDK needs gcc or clang for x86-64")
	endif()
	set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# Freestanding compile flags for one target (the SDK library and every inmate).
function(warden_sdk_freestanding_flags target)
	_warden_sdk_compiler_include(compiler_include)
	if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
		# early boot code runs with the MMU off; atomics inline (no libgcc helpers)
		set(arch_flags -mstrict-align -mno-outline-atomics)
	else()
		set(arch_flags -mno-red-zone)
	endif()
	target_compile_options(${target} PRIVATE ${arch_flags}
		-ffreestanding -fno-pic -fno-pie -fno-stack-protector -mcmodel=small
		-fno-asynchronous-unwind-tables -fno-unwind-tables -fno-common
		-ffunction-sections -fdata-sections -nostdinc "SHELL:-isystem ${compiler_include}")
endfunction()

# A size argument of add_inmate: default if empty, else a positive multiple of 16.
function(_warden_inmate_size name field value default out)
	if("${value}" STREQUAL "")
		set(value ${default})
	endif()
	if(NOT value MATCHES "^[0-9]+$" OR value EQUAL 0)
		message(FATAL_ERROR "add_inmate(${name}): ${field} '${value}' is not a byte count "
			"(expected a positive multiple of 16)")
	endif()
	math(EXPR rest "${value} % 16")
	if(NOT rest EQUAL 0)
		message(FATAL_ERROR "add_inmate(${name}): ${field} ${value} is not a multiple of 16")
	endif()
	set(${out} ${value} PARENT_SCOPE)
endfunction()

# One link of add_inmate's sources (ARG_* of the caller) as executable TARGET with linker script
# SCRIPT against the SDK library SDK: TARGET.elf, TARGET.map, TARGET.bin (its path in _warden_image of
# the caller).
macro(_warden_inmate_link target script sdk)
	add_executable(${target} ${ARG_SOURCES})
	set_target_properties(${target} PROPERTIES SUFFIX ".elf")
	warden_sdk_freestanding_flags(${target})
	target_compile_options(${target} PRIVATE ${ARG_OPTIMIZE} -g)
	target_link_libraries(${target} PRIVATE ${sdk})
	if(ARG_LIBC STREQUAL "newlib")
		warden_link_newlib(${target})	# WardenNewlib.cmake, docs/libc.md
	endif()
	target_link_options(${target} PRIVATE -nostdlib -static -no-pie
		"LINKER:-T,${script}" "LINKER:--gc-sections"
		"LINKER:-u,boot_reset_entry" "LINKER:--build-id=none" "LINKER:-z,noexecstack"
		"LINKER:-Map,$<TARGET_FILE_DIR:${target}>/${target}.map"
		"LINKER:--defsym=__sdk_heap_size=${heap_size}"
		"LINKER:--defsym=__boot_stack_size=${stack_size}")
	set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${script}")
	set(_warden_image "$<TARGET_FILE_DIR:${target}>/${target}.bin")
	add_custom_command(TARGET ${target} POST_BUILD
		COMMAND ${CMAKE_OBJCOPY} -O binary $<TARGET_FILE:${target}> ${_warden_image}
		COMMENT "Inmate image ${target}.bin")
endmacro()

function(add_inmate NAME)
	cmake_parse_arguments(PARSE_ARGV 1 ARG "" "LIBC;OPTIMIZE;HEAP_SIZE;STACK_SIZE" "SOURCES")
	if(ARG_UNPARSED_ARGUMENTS)
		message(FATAL_ERROR "add_inmate(${NAME}): unknown arguments '${ARG_UNPARSED_ARGUMENTS}' "
			"(expected SOURCES file... [LIBC none|newlib] [OPTIMIZE flag] [HEAP_SIZE bytes] "
			"[STACK_SIZE bytes])")
	endif()
	_warden_inmate_size(${NAME} HEAP_SIZE "${ARG_HEAP_SIZE}" 65536 heap_size)
	_warden_inmate_size(${NAME} STACK_SIZE "${ARG_STACK_SIZE}" 16384 stack_size)
	if(NOT ARG_OPTIMIZE)
		set(ARG_OPTIMIZE "${WARDEN_INMATE_OPTIMIZE}")
	endif()
	if(NOT ARG_OPTIMIZE MATCHES "^-O([0-3sgz]|fast)?$")
		message(FATAL_ERROR "add_inmate(${NAME}): OPTIMIZE '${ARG_OPTIMIZE}' is not an "
			"optimisation flag (expected -O0, -O1, -O2, -O3, -Os, -Og, -Oz or -Ofast)")
	endif()
	if(NOT ARG_SOURCES)
		message(FATAL_ERROR "add_inmate(${NAME}): no SOURCES given")
	endif()
	if(NOT ARG_LIBC)
		set(ARG_LIBC none)
	endif()
	if(NOT ARG_LIBC STREQUAL "none" AND NOT ARG_LIBC STREQUAL "newlib")
		message(FATAL_ERROR "add_inmate(${NAME}): LIBC '${ARG_LIBC}' unknown "
			"(expected none or newlib)")
	endif()
	if(NOT WARDEN_SDK_LINKER_SCRIPT OR NOT EXISTS "${WARDEN_SDK_LINKER_SCRIPT}")
		message(FATAL_ERROR "add_inmate(${NAME}): WARDEN_SDK_LINKER_SCRIPT "
			"'${WARDEN_SDK_LINKER_SCRIPT}' does not exist")
	endif()

	_warden_inmate_link(${NAME} "${WARDEN_SDK_LINKER_SCRIPT}" WardenSDK::sdk)
	set_target_properties(${NAME} PROPERTIES WARDEN_INMATE_IMAGE "${_warden_image}")
	if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64" AND WARDEN_INMATE_CELL_IMAGES AND
	   TARGET WardenSDK::sdk_cell AND WARDEN_SDK_CELL_LINKER_SCRIPT AND
	   EXISTS "${WARDEN_SDK_CELL_LINKER_SCRIPT}")
		# the cell entry and platform (WardenSDK::sdk_cell) come before the SDK library
		_warden_inmate_link(${NAME}-cell "${WARDEN_SDK_CELL_LINKER_SCRIPT}"
			"WardenSDK::sdk_cell;WardenSDK::sdk")
		# what the caller gives NAME after add_inmate() (include directories, definitions,
		# options, the newlib heap size) holds for NAME-cell too: read from NAME at generation
		if(ARG_LIBC STREQUAL "newlib")	# after warden_link_newlib's: the last --defsym wins
			target_link_options(${NAME}-cell PRIVATE
				"LINKER:--defsym=__libc_heap_size=$<TARGET_PROPERTY:${NAME},WARDEN_LIBC_HEAP_SIZE>")
		endif()
		target_include_directories(${NAME}-cell PRIVATE
			"$<TARGET_PROPERTY:${NAME},INCLUDE_DIRECTORIES>")
		target_compile_definitions(${NAME}-cell PRIVATE
			"$<TARGET_PROPERTY:${NAME},COMPILE_DEFINITIONS>")
		target_compile_options(${NAME}-cell PRIVATE "$<TARGET_PROPERTY:${NAME},COMPILE_OPTIONS>")
		set_target_properties(${NAME} PROPERTIES WARDEN_INMATE_CELL_IMAGE "${_warden_image}")
	endif()
endfunction()
