//go:build !wasm && !linux

package unarr

import "syscall"

func childProcAttr() *syscall.SysProcAttr { return nil }
