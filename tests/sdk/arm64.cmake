# SPDX-License-Identifier: GPL-2.0-only
#
# ARM64 SDK tests (included by tests/sdk/CMakeLists.txt with the QEMU tests): the device tree reader against
# libfdt on QEMU virt's DTB, and the images of the ARM64 build tree (<build>/arm64, sdk/cross) booted bare
# on qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 -cpu max. Without the cross compiler
# the image tests are registered as failing tests that say so.

if(WARDEN_FDT_LIBRARY AND WARDEN_FDT_INCLUDE)
	add_executable(sdk_dt_test dt_test.c ${_sdk}/lib/arch/arm64/dt.c)
	target_include_directories(sdk_dt_test PRIVATE ${_sdk}/include ${_sdk}/../include
		${WARDEN_FDT_INCLUDE})
	target_link_libraries(sdk_dt_test PRIVATE ${WARDEN_FDT_LIBRARY})
	target_compile_options(sdk_dt_test PRIVATE -Wall -Wextra -Wno-unused-parameter)
	add_test(NAME sdk.arm64-dt-reader COMMAND ${_dir}/run-dt-test $<TARGET_FILE:sdk_dt_test>
		${_logs}/arm64-dt-reader)
	set_tests_properties(sdk.arm64-dt-reader PROPERTIES LABELS "qemu;arm64")
else()
	warden_missing_prerequisite(sdk.arm64-dt-reader "libfdt (its header and library)"
		"install libfdt-dev: scripts/setup.sh" LABELS "qemu;arm64")
endif()

# IRQ_HANDLER_NO_FPU refuses floating point with the ARM64 compiler too
if(WARDEN_ARM64_BUILD_DIR)
	add_test(NAME sdk.arm64-no-fpu-handler-refuses-float
		COMMAND ${_dir}/check-no-fpu-refused ${WARDEN_AARCH64_GCC} ${_sdk}/include
			${_sdk}/lib/arch/arm64/include ${_sdk}/../include)
	set_tests_properties(sdk.arm64-no-fpu-handler-refuses-float PROPERTIES LABELS arm64)
endif()

# sdk_arm64_missing(NAME): test sdk.NAME registered as failing, naming the missing cross compiler
function(sdk_arm64_missing name)
	warden_missing_prerequisite(sdk.${name} "the ARM64 cross compiler aarch64-linux-gnu-gcc"
		"install gcc-aarch64-linux-gnu and binutils-aarch64-linux-gnu: scripts/setup.sh"
		LABELS "qemu;arm64")
endfunction()

# sdk_arm64_test(NAME APP [EXPECT regex...] [ARGS qemu-run args...]); APP: an image of apps/, or a path
# below the ARM64 build tree without ".bin"
function(sdk_arm64_test name app)
	cmake_parse_arguments(PARSE_ARGV 2 ARG "" "" "EXPECT;ARGS")
	if(NOT WARDEN_ARM64_BUILD_DIR)
		sdk_arm64_missing(${name})
		return()
	endif()
	sdk_expect_args(expects ${ARG_EXPECT})
	if(NOT app MATCHES "/")
		set(app "apps/${app}")
	endif()
	add_test(NAME sdk.${name}
		COMMAND ${_dir}/run-bare-app --image ${WARDEN_ARM64_BUILD_DIR}/${app}.bin
			--out ${_logs}/${name} ${expects} -- --arch arm64 --timeout 60 ${ARG_ARGS})
	sdk_qemu_test(${name})
	set_property(TEST sdk.${name} APPEND PROPERTY LABELS arm64)
endfunction()

sdk_arm64_test(arm64-hello hello
	EXPECT "warden-sdk: bare boot \\(arm64\\), 4 CPU\\(s\\), counter 1000000 kHz, GICv3, console pl011:0x9000000"
		"boot mode: bare" "cpus: 4" "ram: 1024 MiB" "greeting: hi from ctest"
		"counter: 1000000 kHz" "timer: generic timer \\(virtual\\), INTID 27"
		"gic: v3, distributor 0x8000000, redistributors 0x80a0000" "psci: smc"
		"hypervisor: none, CPU 0 is the hypervisor.s CPU -[0-9]+, its exits: -[0-9]+" "heap: 131072 bytes, stack of CPU 0: 32768 bytes"
		"warden-sdk: CPU 0 stack: [0-9]+ of 32768 bytes used at most" "warden-sdk: exit code 0"
	ARGS --qemu-arg -append --qemu-arg "expect-cpus=4 greeting=\"hi from ctest\" stack-kib=20")

# apic-demo's timer modes on the generic timer: periodic (CVAL re-armed by the SDK), one-shot and deadline (CVAL)
sdk_arm64_test(arm64-timer-demo apic-demo
	EXPECT "generic timer \\(virtual\\) mode, timer 1000000 kHz" "periodic: 100 periods"
		"one-shot: 100 periods" "tsc-deadline: 100 periods"
	ARGS --icount)
# the same on the EL1 physical timer (its PPI from the device tree, CNTPCT as the time base), and smp-demo's
# timer on every CPU with it
sdk_arm64_test(arm64-timer-demo-physical apic-demo
	EXPECT "generic timer \\(physical\\) mode, timer 1000000 kHz" "periodic: 100 periods"
		"one-shot: 100 periods" "tsc-deadline: 100 periods"
	ARGS --icount --qemu-arg -append --qemu-arg "generic-timer=physical")
sdk_arm64_test(arm64-smp-demo-physical smp-demo
	EXPECT "smp-demo: 4 CPUs" "CPU 3 timer: 50 ticks of 400 us, 0 with another CPU's context"
	ARGS --qemu-arg -append --qemu-arg "generic-timer=physical")

# smp-demo unchanged: PSCI CPU_ON (conduit from the DT), IPIs over SGI 0, each CPU's own timer
sdk_arm64_test(arm64-smp-demo smp-demo
	EXPECT "smp-demo: 4 CPUs" "CPU 3 \\(APIC ID 3\\) online"
		"CPU 3 timer: 50 ticks of 400 us, 0 with another CPU's context")

# control-loop unchanged (newlib, floating point, periodic tasks, comm-region messages), under icount
sdk_arm64_test(arm64-control-loop control-loop
	EXPECT "deadline misses \\(overruns\\): 0 in 10000 activations" "stopped after 10000 cycles"
		"cycle 10000 \\(running\\): message shutdown-request answered in the comm region with request-approved"
	ARGS --icount --qemu-arg -append --qemu-arg "rate-hz=10000 cycles=10000 print-every=5000")

# bench/irqlat bare: generic-timer deadline (CVAL), latency from the counter at handler entry, under icount
sdk_arm64_test(arm64-irqlat bench/irqlat/irqlat
	EXPECT "\"type\":\"summary\",\"source\":\"irqlat\",\"unit\":\"ns\",\"samples\":2000,"
		"\"overruns\":0,\"overflows\":0"
	ARGS --icount --smp 1 --qemu-arg -append --qemu-arg "samples=2000 period-us=200")

# An ARM64 inmate built out of tree: the ARM64 tree's warden-sdk install, find_package(WardenSDK) with the
# installed toolchain file, booted on QEMU virt
if(WARDEN_ARM64_BUILD_DIR)
	add_test(NAME sdk.arm64-out-of-tree
		COMMAND ${_dir}/out-of-tree-test ${WARDEN_ARM64_BUILD_DIR} ${_logs}/arm64-out-of-tree arm64)
	sdk_qemu_test(arm64-out-of-tree)
	set_property(TEST sdk.arm64-out-of-tree APPEND PROPERTY LABELS arm64)
else()
	sdk_arm64_test(arm64-out-of-tree none)	# registers the failing test that says what is missing
endif()

# FP/SIMD state of the interrupted code intact across handlers that use FP (saved) and no-FPU ones (not saved)
sdk_arm64_test(arm64-irq-fpu sdk-tests/irq-fpu
	EXPECT "irq-fpu: 200 ticks .* 0 of [0-9]+ series wrong" ARGS --icount)

# test_expect_fault() on ARM64 (exception class and FAR): a data abort beyond the map and UDF pass
# their checks after the report (fault=wrong-address, run by hand, fails naming the address)
sdk_arm64_test(arm64-expect-fault-data sdk-tests/fault-arm64
	EXPECT "warden-sdk: FATAL: sync exception on CPU 0: ESR 0x9[0-9a-f]+ \\(class 0x25\\), FAR 0x8000000000"
		"WARDEN-PASS: data-abort"
	ARGS --qemu-arg -append --qemu-arg "fault=data")
sdk_arm64_test(arm64-stack-guard sdk-tests/fault-arm64
	EXPECT "fault-arm64: overflowing the 16384-byte stack, guard page at 0x4[0-9a-f]+"
		"warden-sdk: FATAL: sync exception on CPU 0: ESR 0x9[0-9a-f]+ \\(class 0x25\\)"
		"WARDEN-PASS: stack-overflow-reported"
	ARGS --qemu-arg -append --qemu-arg "fault=stack-overflow")
sdk_arm64_test(arm64-expect-fault-undefined sdk-tests/fault-arm64
	EXPECT "\\(class 0x0\\)" "WARDEN-PASS: undefined-instruction"
	ARGS --qemu-arg -append --qemu-arg "fault=undefined")

# map_range() on ARM64: RAM at 8 GiB turned from device to write-back memory (the CPU's translation says
# so), written and read back; write-through; the refusals
sdk_arm64_test(arm64-map-range sdk-tests/map-range-arm64
	EXPECT "map-range: 8 MiB at 0x200000000 mapped write-back, 0 of 2048 pages read back wrong"
	ARGS --mem 10G)
