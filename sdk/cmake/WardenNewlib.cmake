# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#
# warden_link_newlib(TARGET)
#   Builds and links inmate TARGET against newlib's C library and maths
#   library (docs/libc.md): newlib's headers instead of the host's, libc.a,
#   libm.a, libgcc and the SDK's system-call layer (WardenSDK::libc), plus
#   the heap placed after the image. add_inmate(... LIBC newlib) calls it.
#
#   Heap size per image: the target property WARDEN_LIBC_HEAP_SIZE (bytes;
#   default WARDEN_LIBC_HEAP_SIZE_DEFAULT, 256 KiB), e.g.
#     set_target_properties(app PROPERTIES WARDEN_LIBC_HEAP_SIZE 65536)
#
# In the Warden tree the newlib build lives in <build>/cache/newlib
# (scripts/build-newlib.sh); an installed SDK carries its own copy under
# include/warden-sdk/newlib and lib/warden-sdk/newlib, so that out-of-tree
# users need nothing else.
include_guard(GLOBAL)

set(WARDEN_LIBC_HEAP_SIZE_DEFAULT 262144 CACHE STRING "newlib heap of an inmate, bytes (per image: WARDEN_LIBC_HEAP_SIZE)")

# Installed layout, relative to this file (lib/cmake/WardenSDK/).
get_filename_component(_warden_newlib_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set_property(GLOBAL PROPERTY WARDEN_NEWLIB_INSTALL_PREFIX "${_warden_newlib_prefix}")

# Where newlib's headers, libraries and the heap script are: the build tree
# (sdk/lib/libc/CMakeLists.txt sets them) or the installed SDK.
function(_warden_newlib_locations include_out lib_out heap_script_out)
	if(TARGET warden_libc AND WARDEN_NEWLIB_DIR)
		set(include_dir "${WARDEN_NEWLIB_DIR}/include")
		set(lib_dir "${WARDEN_NEWLIB_DIR}/lib")
		set(heap_script "${WARDEN_LIBC_HEAP_SCRIPT}")
	else()
		get_property(prefix GLOBAL PROPERTY WARDEN_NEWLIB_INSTALL_PREFIX)
		set(include_dir "${prefix}/include/warden-sdk/newlib")
		set(lib_dir "${prefix}/lib/warden-sdk/newlib")
		set(heap_script "${prefix}/lib/warden-sdk/libc-heap.ld")
		foreach(needed "${include_dir}/stdio.h" "${lib_dir}/libc.a" "${lib_dir}/libm.a" "${heap_script}")
			if(NOT EXISTS "${needed}")
				message(FATAL_ERROR "Warden SDK: LIBC newlib: '${needed}' is missing from the "
					"installed SDK at '${prefix}'; reinstall it from a tree where "
					"scripts/build-newlib.sh has run")
			endif()
		endforeach()
	endif()
	set(${include_out} "${include_dir}" PARENT_SCOPE)
	set(${lib_out} "${lib_dir}" PARENT_SCOPE)
	set(${heap_script_out} "${heap_script}" PARENT_SCOPE)
endfunction()

function(warden_link_newlib target)
	if(NOT TARGET WardenSDK::libc)
		message(FATAL_ERROR "warden_link_newlib(${target}): the SDK's newlib layer "
			"(WardenSDK::libc) is not defined: is the SDK complete?")
	endif()
	_warden_newlib_locations(include_dir lib_dir heap_script)
	execute_process(COMMAND ${CMAKE_C_COMPILER} -print-libgcc-file-name
		OUTPUT_VARIABLE libgcc OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
	if(NOT rc EQUAL 0 OR NOT EXISTS "${libgcc}")
		message(FATAL_ERROR "warden_link_newlib(${target}): '${CMAKE_C_COMPILER} "
			"-print-libgcc-file-name' gave '${libgcc}', not a file")
	endif()

	# Before the compiler's own include directory, which the SDK's flags add.
	target_include_directories(${target} SYSTEM BEFORE PRIVATE "${include_dir}")
	# The group resolves the cycle libc <-> system-call layer; the SDK
	# library comes first (add_inmate), so its string functions win over
	# newlib's.
	target_link_libraries(${target} PRIVATE "-Wl,--start-group" WardenSDK::libc
		"${lib_dir}/libm.a" "${lib_dir}/libc.a" "${libgcc}" "-Wl,--end-group"
		"${heap_script}")
	get_target_property(heap_size ${target} WARDEN_LIBC_HEAP_SIZE)
	if(NOT heap_size)
		set_target_properties(${target} PROPERTIES WARDEN_LIBC_HEAP_SIZE
			"${WARDEN_LIBC_HEAP_SIZE_DEFAULT}")
	endif()
	# libc.a has default (single-CPU) versions of these; asking for them
	# before any archive is read makes the SDK layer's versions win.
	target_link_options(${target} PRIVATE
		"LINKER:-u,__getreent,-u,__malloc_lock,-u,__malloc_unlock"
		"LINKER:--defsym=__libc_heap_size=$<TARGET_PROPERTY:${target},WARDEN_LIBC_HEAP_SIZE>")
	set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${heap_script}")
	if(TARGET warden_newlib)
		add_dependencies(${target} warden_newlib)
	endif()
endfunction()
