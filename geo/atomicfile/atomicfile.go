// Package atomicfile writes files so that a reader never sees half of one:
// the data goes to a temporary file in the same folder, is synced, and is
// renamed over the target. A failure at any point leaves no partial file
// and leaves an existing file as it was.
//
// Where the system allows it (Linux, O_TMPFILE), the temporary file has no
// name until it is complete, so a process killed mid-write leaves nothing
// behind. Elsewhere its name is short and fixed in form, whatever the
// target's, so any legal file name can be written; such a file left by a
// killed process is removed by the next write into that folder.
package atomicfile

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sovmap/geo/phrase"
	"strings"
	"sync"
	"time"
)

// Temporary names look like ".sovmap-0123456789abcdef.tmp".
const (
	tempPrefix = ".sovmap-"
	tempSuffix = ".tmp"
	// staleAge is how old a named temporary file must be before a later
	// write removes it: far longer than any write takes.
	staleAge = time.Hour
)

// WriteFile writes path with write, atomically. Every error names path,
// never the temporary file.
func WriteFile(path string, write func(io.Writer) error) error {
	return WriteFileContext(context.Background(), path, write)
}

// WriteFileContext is WriteFile that stops when ctx is done: the writes
// fail from then on, and nothing is renamed into place.
func WriteFileContext(ctx context.Context, path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return phrase.Errorf("%s is a folder", path)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err == nil {
			err = phrase.New("not a folder")
		}
		return phrase.Errorf("cannot write in %s: %w", dir, bare(err))
	}
	removeStale(dir)
	t, err := create(dir)
	if err != nil {
		return phrase.Errorf("cannot write in %s: %w", dir, bare(err))
	}
	defer func() {
		if err != nil {
			t.discard()
		}
	}()
	fail := func(err error) error { return phrase.Errorf("%s: %w", path, bare(err)) }
	if err := write(ctxWriter{ctx, t.f}); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := t.f.Sync(); err != nil {
		return fail(err)
	}
	if err := t.commit(path); err != nil {
		return fail(err)
	}
	syncDir(dir)
	return nil
}

// ctxWriter fails every write once its context is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// temp is a temporary file being written: unnamed (O_TMPFILE) or named.
type temp struct {
	f    *os.File
	name string // its path while it has one
}

// discard closes and removes the temporary file.
func (t *temp) discard() {
	t.f.Close()
	if t.name != "" {
		os.Remove(t.name)
		inFlight.Delete(t.name)
	}
}

// commit gives the complete file its final name.
func (t *temp) commit(path string) error {
	if t.name == "" {
		name, err := linkUnnamed(t.f, filepath.Dir(path))
		if err != nil {
			return err
		}
		t.name = name
		inFlight.Store(name, true)
	}
	if err := t.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(t.name, path); err != nil {
		return err
	}
	inFlight.Delete(t.name)
	t.name = ""
	return nil
}

// create makes the temporary file: unnamed where the system can, else
// with a fresh short name.
func create(dir string) (*temp, error) {
	if !namedOnly {
		if f, err := openUnnamed(dir); err == nil {
			return &temp{f: f}, nil
		}
	}
	name := tempName(dir)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	inFlight.Store(name, true)
	return &temp{f: f, name: name}, nil
}

func tempName(dir string) string {
	var b [8]byte
	rand.Read(b[:])
	return filepath.Join(dir, tempPrefix+hex.EncodeToString(b[:])+tempSuffix)
}

// namedOnly makes every temporary file a named one, as on systems without
// unnamed ones; the tests set it to cover that path here too.
var namedOnly = false

// inFlight holds the names of the temporary files this process has on
// disk, for RemoveTemporary.
var inFlight sync.Map // string → bool

// Temporary notes a temporary file that another program writes for this
// one (ffmpeg's video, renamed into place when done), so that
// RemoveTemporary removes it on an interrupt too; done forgets it.
func Temporary(path string) (done func()) {
	inFlight.Store(path, true)
	return func() { inFlight.Delete(path) }
}

// RemoveTemporary removes the named temporary files of writes still under
// way: for a signal handler, just before the process exits.
func RemoveTemporary() {
	inFlight.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		inFlight.Delete(k)
		return true
	})
}

// removeStale removes temporary files that a killed process left in dir.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, tempPrefix) || !strings.HasSuffix(name, tempSuffix) ||
			len(name) != len(tempPrefix)+16+len(tempSuffix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// syncDir makes the rename durable; not every system can sync a folder,
// and the file itself is already whole, so a failure here is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// bare drops the path from an error: the message names the user's file,
// and the temporary file's name would only confuse.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
