package atomicfile

import (
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// openUnnamed opens a file in dir that has no name until linkUnnamed gives
// it one (O_TMPFILE): if the process dies first, the kernel frees it.
func openUnnamed(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), dir), nil
}

// linkUnnamed gives the complete unnamed file a temporary name in dir, from
// which it is renamed over the target at once.
func linkUnnamed(f *os.File, dir string) (string, error) {
	name := tempName(dir)
	proc := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	if err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW); err != nil {
		return "", &os.LinkError{Op: "link", Old: proc, New: name, Err: err}
	}
	return name, nil
}
