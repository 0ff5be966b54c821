// Package recovery keeps a copy of unsaved work where the next launch
// finds it after a crash, a kill or a power cut. Each running window claims
// a recovery file of its own, locked while it lives, so that two windows or
// two instances never write the same one; a recovery file whose lock no
// process holds was left by one that died, and is offered back.
package recovery

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"sovmap/geo/atomicfile"
	"sovmap/geo/phrase"
)

// DirEnv names an environment variable that, when set, is the folder
// recovery files are kept in (tests use it); otherwise Dir is under the
// user's configuration folder.
const DirEnv = "SOVMAP_RECOVERY_DIR"

// Dir is the folder recovery files are kept in.
func Dir() (string, error) {
	if d := os.Getenv(DirEnv); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", phrase.Errorf("no folder for recovery files: %w", err)
	}
	return filepath.Join(base, "sovmap", "recovery"), nil
}

// Info says what a recovery file holds.
type Info struct {
	// From is the story file the work was opened from or last saved to
	// ("" for a new story).
	From string `json:"from"`
	// Title is the story's title, to name it in a question.
	Title string `json:"title"`
	// Written is when the copy was written.
	Written time.Time `json:"written"`
	// name is the recovery file's name, without its extension.
	name string
}

// File is a window's own recovery file, held (locked) until Close.
type File struct {
	dir, name string
	lock      *os.File
}

// Claim makes a recovery file of this process's own in dir, and locks it
// for as long as the process lives or until Close.
func Claim(dir string) (*File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, phrase.Errorf("the recovery folder %s: %w", dir, err)
	}
	for n := 0; ; n++ {
		name := strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(n)
		f, err := os.OpenFile(filepath.Join(dir, name+".lock"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return nil, phrase.Errorf("the recovery folder %s: %w", dir, err)
		}
		if ok, err := tryLock(f); err != nil || !ok {
			f.Close()
			return nil, phrase.Errorf("the recovery file %s cannot be locked: %v", f.Name(), err)
		}
		return &File{dir: dir, name: name, lock: f}, nil
	}
}

func (f *File) story() string { return filepath.Join(f.dir, f.name+".geojson") }
func (f *File) info() string  { return filepath.Join(f.dir, f.name+".json") }

// Write keeps a copy of the work: the story as write writes it, and what
// it is. Each file is replaced whole (a crash mid-write leaves the last
// copy): the story first, then its description.
func (f *File) Write(info Info, write func(io.Writer) error) error {
	if err := atomicfile.WriteFile(f.story(), write); err != nil {
		return err
	}
	info.Written = time.Now().UTC()
	b, err := json.Marshal(info)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(f.info(), func(w io.Writer) error { _, err := w.Write(b); return err })
}

// Clear removes the copy (the work is saved, or given up); the file stays
// claimed.
func (f *File) Clear() error {
	err := os.Remove(f.info())
	if err2 := os.Remove(f.story()); err == nil || errors.Is(err, os.ErrNotExist) {
		err = err2
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// Close clears the copy and gives the file up, as a window does when it
// closes with nothing unsaved.
func (f *File) Close() error {
	err := f.Clear()
	name := f.lock.Name()
	f.lock.Close()
	os.Remove(name)
	return err
}

// Left lists the work that processes which died left in dir, newest
// first: recovery files with a copy whose lock no one holds. A folder that
// does not exist has none.
func Left(dir string) ([]Info, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Info
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !abandoned(dir, name) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		var info Info
		if json.Unmarshal(b, &info) != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, name+".geojson")); err != nil {
			continue
		}
		info.name = name
		out = append(out, info)
	}
	slices.SortFunc(out, func(a, b Info) int { return b.Written.Compare(a.Written) })
	return out, nil
}

// abandoned reports whether name's copy was left by a process gone: its
// lock file gone, or held by no process (taking it, then letting it go,
// tells).
func abandoned(dir, name string) bool {
	f, err := os.OpenFile(filepath.Join(dir, name+".lock"), os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	defer f.Close()
	ok, err := tryLock(f)
	if err != nil || !ok {
		return false // a live process holds it
	}
	unlock(f)
	return true
}

// StoryPath is the recovered story's file, to open.
func (i Info) StoryPath(dir string) string { return filepath.Join(dir, i.name+".geojson") }

// Discard removes work left in dir: restored (the new window keeps its
// own copy) or declined.
func Discard(dir string, i Info) error {
	var first error
	for _, ext := range []string{".json", ".geojson", ".lock"} {
		if err := os.Remove(filepath.Join(dir, i.name+ext)); err != nil && !errors.Is(err, os.ErrNotExist) && first == nil {
			first = err
		}
	}
	return first
}
