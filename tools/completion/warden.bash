# SPDX-License-Identifier: GPL-2.0-only
#
# Bash completion for warden(1): commands, `config` subcommands, every option, file arguments by their kind, and
# cell names from the running system (WARDEN_SYSFS, default /sys/devices/warden: cells/*/name, else the directory
# names). Needs bash only; where bash-completion's helpers are loaded it behaves the same. A command this file does
# not know (a newer `warden`) gets the options its `--help` lists, so completion degrades instead of breaking.
# tests/packaging/completion-test checks every option of every command against the tool's --help.

_warden_commands="config enable disable console info cell help"
_warden_config_commands="build check create cell dump"
_warden_cell_commands="create load start shutdown destroy run list stats"

# Options per command path, as the tool's --help lists them. -g: bash-completion sources this file inside a function.
declare -gA _warden_options=(
	[warden]="--help --version"
	[config]="--help"
	[config build]="-o --output -I --include --system --help"
	[config check]="--live --json --sysroot -I --include --help"
	[config create]="-o --output --output-binary --hypervisor-size --console --sysroot --help"
	[config cell]="--name --cpus --mem --mem-base --pio --pin --pci --console -o --output --output-binary --help"
	[config dump]="-o --output --help"
	[enable]="--help"
	[disable]="--help"
	[console]="-f --help"
	[info]="--json --sysroot --help"
	[cell]="-a -s --long-cmdline --json -w --help"
	[cell create]="--help"
	[cell load]="-a -s --long-cmdline --help"
	[cell start]="--help"
	[cell shutdown]="--help"
	[cell run]="-a -s --long-cmdline --help"
	[cell destroy]="--help"
	[cell list]="--json --help"
	[cell stats]="-w --json --help"
)

# Options whose value is a file (f), a directory (d), a config (c) or free text (-).
declare -gA _warden_option_values=(
	[-o]=f [--output]=f [--output-binary]=f [-I]=d [--include]=d [--sysroot]=d [--system]=c
	[-a]=- [-s]=- [--name]=- [--cpus]=- [--mem]=- [--mem-base]=- [--pio]=- [--pin]=- [--pci]=- [--hypervisor-size]=-
	[--console]=-
)

# Names of the cells of the running hypervisor; nothing when there are none (or no driver).
_warden_cell_names()
{
	local sysfs=${WARDEN_SYSFS:-/sys/devices/warden} cell name
	[ -d "$sysfs/cells" ] || return 0
	for cell in "$sysfs"/cells/*; do
		[ -d "$cell" ] || continue
		name=
		[ -r "$cell/name" ] && read -r name <"$cell/name"
		printf '%s\n' "${name:-${cell##*/}}"
	done
}

# _warden_reply WORDS CURRENT: COMPREPLY = the words (separated by blanks or lines) starting with CURRENT.
_warden_reply()
{
	local IFS=$' \t\n'
	COMPREPLY=($(compgen -W "$1" -- "$2"))
}

# Configs: .dts, .dtb, .cell files and directories.
_warden_files()
{
	local IFS=$'\n' kind=$1 current=$2 file
	case $kind in
	d) COMPREPLY=($(compgen -d -- "$current")) ;;
	c)	COMPREPLY=($(compgen -d -- "$current"))
		for file in $(compgen -f -- "$current"); do
			case $file in *.dts|*.dtb|*.cell) COMPREPLY+=("$file") ;; esac
		done ;;
	*) COMPREPLY=($(compgen -f -- "$current")) ;;
	esac
	# directories go on being completed without a space after them
	compopt -o filenames 2>/dev/null || true
}

# Options of a command that this file does not list: from its --help.
_warden_help_options()
{
	"${COMP_WORDS[0]}" "$@" --help 2>/dev/null | grep -oE -- '(^|[[:space:]])--?[a-zA-Z][a-zA-Z-]*' |
		tr -d '[:blank:]' | sort -u
}

# Subcommands of such a command: the first word of each line of its --help after "subcommands:".
_warden_help_subcommands()
{
	"${COMP_WORDS[0]}" "$1" --help 2>/dev/null |
		sed -n '/^subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

# _warden_command_word PATH WORDS CURRENT: where a (sub)command is expected, it or PATH's options.
_warden_command_word()
{
	if [[ $3 == -* ]]; then
		_warden_reply "${_warden_options[$1]}" "$3"
	else
		_warden_reply "$2" "$3"
	fi
}

_warden()
{
	local current=${COMP_WORDS[COMP_CWORD]} previous=${COMP_WORDS[COMP_CWORD-1]}
	local command=${COMP_WORDS[1]:-} path options
	COMPREPLY=()

	if [ "$COMP_CWORD" = 1 ]; then
		_warden_command_word warden "$_warden_commands" "$current"
		return 0
	fi
	path=$command
	if [ "$command" = config ] || [ "$command" = cell ]; then
		if [ "$COMP_CWORD" = 2 ]; then
			if [ "$command" = config ]; then
				_warden_command_word config "$_warden_config_commands" "$current"
			else
				_warden_command_word cell "$_warden_cell_commands" "$current"
			fi
			return 0
		fi
		path="$command ${COMP_WORDS[2]}"
	fi

	# the value of an option that takes one
	case ${_warden_option_values[$previous]:-} in
	f|d|c) _warden_files "${_warden_option_values[$previous]}" "$current"; return 0 ;;
	-) return 0 ;;
	esac

	if [[ $current == -* ]]; then
		if [ -n "${_warden_options[$path]+set}" ]; then
			options=${_warden_options[$path]}
		else
			options=$(_warden_help_options $path)
		fi
		_warden_reply "$options" "$current"
		return 0
	fi
	case $path in
	help|disable|console|info|"cell list") return 0 ;;
	enable|"config build"|"config check"|"config cell"|"config dump"|"cell create")
		_warden_files c "$current" ;;
	"cell destroy"|"cell start"|"cell shutdown"|"cell stats")
		[ "$COMP_CWORD" = 3 ] && _warden_reply "$(_warden_cell_names)" "$current" ;;
	"cell run")	# the config, then images
		if [ "$COMP_CWORD" = 3 ]; then _warden_files c "$current"
		else _warden_files f "$current"; fi ;;
	"cell load")	# the cell, then images
		if [ "$COMP_CWORD" = 3 ]; then _warden_reply "$(_warden_cell_names)" "$current"
		else _warden_files f "$current"; fi ;;
	"config "*|"cell "*) return 0 ;;
	*)	# a command this file does not know, e.g. on cells: its subcommands, then the cells' names
		if [ "$COMP_CWORD" = 2 ] && [ -n "$(_warden_help_subcommands "$command")" ]; then
			_warden_reply "$(_warden_help_subcommands "$command")" "$current"
		else
			_warden_reply "$(_warden_cell_names)" "$current"
		fi ;;
	esac
	return 0
}

complete -F _warden warden
