//go:build unix

package storyfile

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without waiting: opening a named
// pipe with no writer returns at once instead of blocking (the caller then
// refuses it as not a regular file). Regular files ignore the flag.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
