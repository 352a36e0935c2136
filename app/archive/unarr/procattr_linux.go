package unarr

import "syscall"

// childProcAttr has the kernel kill the child when the parent dies, so that a
// stuck decoder never outlives the program that started it.
func childProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
