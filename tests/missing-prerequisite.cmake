# SPDX-License-Identifier: GPL-2.0-only
#
# warden_missing_prerequisite(TEST WHAT HOW [LABELS label...])
#
# For a test whose prerequisite configure did not find: registers TEST anyway, as a test that fails with
# "TEST: cannot run: WHAT is missing; HOW", so that it shows up red in ctest instead of not existing
# (a configure message alone ends up in a log nobody reads). Included by the top-level CMakeLists.txt,
# so every component can call it, e.g.
#   if(TARGET warden-static)
#       add_test(NAME config.qemu-create ...)
#   else()
#       warden_missing_prerequisite(config.qemu-create "libfdt.a (for the static warden tool)"
#           "install libfdt-dev: scripts/setup.sh" LABELS qemu)
#   endif()
function(warden_missing_prerequisite test what how)
	cmake_parse_arguments(PARSE_ARGV 3 ARG "" "" "LABELS")
	set(text "${test}: cannot run: ${what} is missing; ${how}")
	message(WARNING "${text}")
	add_test(NAME ${test} COMMAND sh -c "echo \"$1\" >&2; exit 1" missing-prerequisite "${text}")
	set_tests_properties(${test} PROPERTIES LABELS "missing-prerequisite;${ARG_LABELS}")
endfunction()
