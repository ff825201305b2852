# shellcheck shell=bash
# Helpers shared by the bench scripts; sourced, not run.

# parse_size S: prints S in bytes; S is a whole number with an optional K, M or G suffix
# (KiB, MiB, GiB). Returns 1 for anything else.
parse_size() {
  local s=$1 n unit
  [[ $s =~ ^([0-9]+)([KkMmGg]?)$ ]] || return 1
  n=${BASH_REMATCH[1]}
  unit=${BASH_REMATCH[2]}
  case $unit in
    K | k) n=$((n * 1024)) ;;
    M | m) n=$((n * 1024 * 1024)) ;;
    G | g) n=$((n * 1024 * 1024 * 1024)) ;;
  esac
  echo "$n"
}
