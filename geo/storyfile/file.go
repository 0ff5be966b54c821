// Package storyfile reads and writes stories as files: Sovmap's own
// GeoJSON, and conflict-event data as CSV in ACLED's column layout. Every
// input is treated as hostile: sizes are bounded, and every error names
// the file, the item or line, and the problem.
package storyfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sovmap/geo/story"
)

// ReadFile reads and validates a story file: Sovmap's GeoJSON, or with a
// .csv name conflict-event data in ACLED's layout. It reads at most MaxFileSize
// bytes, so a huge file costs no more memory than that, and every error
// names the file and says what is wrong with it.
func ReadFile(path string) (*story.Story, error) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%s: no such file", path)
		case errors.Is(err, fs.ErrPermission):
			return nil, fmt.Errorf("%s: not allowed to read it", path)
		}
		return nil, fmt.Errorf("%s: cannot open: %w", path, unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", path, unwrap(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not a story file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading failed: %w", path, unwrap(err))
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than the %d MiB a story may be", path, MaxFileSize>>20)
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return ParseACLED(path, data)
	}
	return Parse(path, data)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
