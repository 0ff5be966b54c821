// Package storyfile reads and writes stories as files: Sovmap's own
// GeoJSON, any GeoJSON FeatureCollection of points, conflict-event data as
// CSV in ACLED's column layout (any vintage), and plain CSV with latitude
// and longitude columns.
//
// Every input is treated as hostile. Work and memory are bounded by the
// limits below; only regular files are read, opened so that a pipe or a
// device cannot block; reading streams, reports its progress and stops when
// its context is cancelled. Files from elsewhere are read leniently: every
// good row is kept and the others are counted and reported, each with the
// line an editor shows. Sovmap's own files are read strictly: any problem
// is an error. Every error names the file, the item or line, and the
// problem.
package storyfile

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// Limits on what a story file may hold. Reading a file at the size limit
// takes a few seconds and, for real data, memory of about its size again
// (see BenchmarkReadACLED); the item limit bounds memory for files of many
// tiny rows.
const (
	MaxFileSize   = 512 << 20 // bytes
	MaxItems      = 1_000_000 // incidents and events
	MaxDepth      = 64        // nesting of JSON arrays and objects
	MaxFieldBytes = 1 << 20   // one CSV field, one JSON string
	MaxRecord     = 4 << 20   // one CSV record
	MaxColumns    = 1024      // fields of one CSV record
	MaxFields     = 32        // extra fields kept for an item's details
	MaxFieldText  = 500       // bytes of an extra field's value kept
	maxProblems   = 20        // skipped rows reported in detail
)

// Options says how to read a file.
type Options struct {
	// Strict makes any row or feature that cannot be used an error, as
	// it always is for Sovmap's own files.
	Strict bool
	// Progress, if set, hears how many bytes of how many have been read.
	Progress func(read, total int64)
	// Names, if set, places rows that give a place only by its names
	// (conflict data's admin1 and admin2 with no coordinates).
	Names NameFinder

	own bool // the file is Sovmap's own GeoJSON whatever it says
}

// NameFinder places what a file names but gives no coordinates for: the
// municipality named within the named state, or the state alone, at a
// point of that area (longitude, latitude), with the precision that
// leaves ("municipality", "region") and the area's code. ok is false for
// names it does not know. gazetteer.Names is one.
type NameFinder interface {
	FindPlace(state, municipality string) (pt orb.Point, precision, code string, ok bool)
}

// Report says what reading a file used and what it could not.
type Report struct {
	File    string // the file's name
	Format  string // what the file was read as ("ACLED CSV", "GeoJSON", …)
	Items   int    // items loaded
	Skipped int    // rows or features not used
	Merged  int    // rows repeating an id already read, kept once
	// Problems are the first rows or features skipped, with why.
	Problems []Problem
	// Notes say how the file was understood where that was a choice (a
	// date order, a text encoding).
	Notes []phrase.Text
}

// Problem is one row or feature that could not be used.
type Problem struct {
	Line int         // the line it starts on, as an editor shows it; 0 if unknown
	What phrase.Text // "event MEX123", "feature 12"
	Why  phrase.Text
}

// Text is the problem as one message: "line 12: event MEX9: no date".
func (p Problem) Text() phrase.Text {
	switch {
	case p.Line > 0 && !p.What.IsZero():
		return phrase.F("line %d: %v: %v", p.Line, p.What, p.Why)
	case p.Line > 0:
		return phrase.F("line %d: %v", p.Line, p.Why)
	case !p.What.IsZero():
		return phrase.F("%v: %v", p.What, p.Why)
	}
	return p.Why
}

// String is the problem in English.
func (p Problem) String() string { return p.Text().String() }

// Summary is the report in one line, for the command line: "5,070
// incidents loaded, 1 row skipped (line 12: event MEX9: …)".
func (r Report) Summary() phrase.Text {
	// Each part is a message of its own, joined by formats with no words,
	// so that every part can be put into another language whole.
	t := phrase.F("%s: %v", r.File, count(r.Items, "%s item loaded", "%s items loaded"))
	if r.Skipped > 0 {
		t = phrase.F("%v, %v", t, count(r.Skipped, "%s row skipped", "%s rows skipped"))
		switch {
		case len(r.Problems) > 0 && r.Skipped > 1:
			t = phrase.F("%v (%v; …)", t, r.Problems[0].Text())
		case len(r.Problems) > 0:
			t = phrase.F("%v (%v)", t, r.Problems[0].Text())
		}
	}
	if r.Merged > 0 {
		t = phrase.F("%v, %v", t, count(r.Merged, "%s repeated row kept once", "%s repeated rows kept once"))
	}
	return t
}

// count is a message about n things, the format for one or for many (so
// that its nouns and verbs agree with n in every language): the number,
// with thousands separators, is its first argument, then args.
func count(n int, oneFormat, manyFormat string, args ...any) phrase.Text {
	if n == 1 {
		return phrase.F(oneFormat, append([]any{"1"}, args...)...)
	}
	digits := fmt.Sprint(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return phrase.F(manyFormat, append([]any{b.String()}, args...)...)
}

// Read reads a story file: Sovmap's GeoJSON, any GeoJSON of points, ACLED
// CSV or CSV with coordinates, told apart by its content. It returns the
// story and what it used; an error when nothing at all could be used, when
// the file breaks a limit, when a row cannot be used and Strict is set, or
// when ctx is cancelled.
func Read(ctx context.Context, path string, o Options) (*story.Story, Report, error) {
	rep := Report{File: path}
	f, size, err := openRegular(path)
	if err != nil {
		return nil, rep, err
	}
	defer f.Close()
	in := &progressReader{r: f, ctx: ctx, total: size, report: o.Progress}
	br := bufio.NewReaderSize(in, 256<<10)
	src := &fileSource{path: path}
	s, err := read(br, src, filepath.Base(path), o, &rep)
	if err == nil && in.err != nil {
		err = in.err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil, rep, phrase.Errorf("%s: reading was cancelled", path)
	}
	return s, rep, err
}

// ReadFile reads a story file leniently with no cancellation: Read with
// the zero Options.
func ReadFile(path string) (*story.Story, error) {
	s, _, err := Read(context.Background(), path, Options{})
	return s, err
}

// Parse reads a story from memory, strictly: the built-in story and the
// tests. name starts every error.
func Parse(name string, data []byte) (*story.Story, error) {
	rep := Report{File: name}
	if len(data) > MaxFileSize {
		return nil, phrase.Errorf("%s: file is %d bytes; the limit is %d MiB", name, len(data), MaxFileSize>>20)
	}
	br := bufio.NewReader(bytes.NewReader(data))
	return read(br, &memSource{label: name, data: data}, name, Options{Strict: true, own: true}, &rep)
}

// ParseBytes reads a story file's contents from memory, as Read reads a
// file; name starts every error.
func ParseBytes(name string, data []byte, o Options) (*story.Story, Report, error) {
	rep := Report{File: name}
	if len(data) > MaxFileSize {
		return nil, rep, phrase.Errorf("%s: file is %d bytes; the limit is %d MiB", name, len(data), MaxFileSize>>20)
	}
	s, err := read(bufio.NewReader(bytes.NewReader(data)), &memSource{label: name, data: data}, name, o, &rep)
	return s, rep, err
}

// read tells the format from the first bytes and reads the file.
func read(br *bufio.Reader, src source, base string, o Options, rep *Report) (*story.Story, error) {
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, phrase.Errorf("%s: reading failed: %w", src.name(), bare(err))
	}
	if enc, name := unicodeEncoding(head); enc != nil {
		// Excel's "Unicode text" and Windows tools write UTF-16: read
		// it as the UTF-8 everything else here expects, lines and all.
		src.decodeAs(enc)
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 256<<10)
		rep.Notes = append(rep.Notes, phrase.F("the file is written in %s and was read as such", name))
		if head, err = br.Peek(64 << 10); err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, phrase.Errorf("%s: reading failed: %w", src.name(), bare(err))
		}
	}
	if kind := otherKind(head, base); kind != "" {
		return nil, phrase.Errorf("%s: %s", src.name(), kind)
	}
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return nil, phrase.Errorf("%s: file is empty", src.name())
	case trimmed[0] == '{' || trimmed[0] == '[':
		return readGeoJSON(br, src, base, o, rep)
	case o.own:
		return nil, phrase.Errorf("%s: not a Sovmap story: it is not GeoJSON", src.name())
	case trimmed[0] == '<':
		return readXML(br, src, base, o, rep)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return readKMZ(br, src, base, o, rep)
	}
	return readCSV(br, src, base, o, rep)
}

// otherKind names a file that is no story by its first bytes, with what
// to do, or is "" for anything that may be one: a spreadsheet named .csv,
// a document, an archive a story must first be taken out of.
func otherKind(head []byte, base string) string {
	has := func(p string) bool { return bytes.HasPrefix(head, []byte(p)) }
	in := func(p string) bool { return bytes.Contains(head, []byte(p)) }
	lower := bytes.ToLower(head[:min(len(head), 512)])
	switch {
	case has("PK\x03\x04") && in("[Content_Types].xml") && in("xl/"):
		return "an Excel workbook (.xlsx), whatever its name says: open it in a spreadsheet and save it as CSV (UTF-8)"
	case has("PK\x03\x04") && in("application/vnd.oasis.opendocument.spreadsheet"):
		return "an OpenDocument spreadsheet (.ods): save it as CSV (UTF-8)"
	case has("PK\x03\x04") && in("[Content_Types].xml"):
		return "an Office document, not a table: save its data as CSV (UTF-8)"
	case has("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return "an Excel 97–2003 workbook (.xls) or another Office file: open it in a spreadsheet and save it as CSV (UTF-8)"
	case has("%PDF"):
		return "a PDF document, not a table: Sovmap reads GeoJSON, CSV, KML and GPX"
	case has("\x1f\x8b"):
		return "compressed with gzip: uncompress it first (gunzip " + base + ")"
	case has("\x00\x00\x27\x0a"):
		return "an ESRI shapefile: Sovmap reads GeoJSON, CSV, KML and GPX; save the layer as GeoJSON (QGIS: Export > Save Features As) first"
	case bytes.HasPrefix(bytes.TrimLeft(lower, " \t\r\n\ufeff"), []byte("<!doctype html")) || bytes.HasPrefix(bytes.TrimLeft(lower, " \t\r\n"), []byte("<html")):
		return "a web page (HTML), not a story file: download the data file itself"
	}
	return ""
}

// CheckOpenable says, without reading it, whether path can be opened as a
// story: a regular file (never a pipe or a device), within the size limit,
// one Sovmap may read. What it holds is only known once read.
func CheckOpenable(path string) error {
	f, _, err := openRegular(path)
	if err == nil {
		f.Close()
	}
	return err
}

// openRegular opens path for reading if it is a regular file within the
// size limit. The open itself cannot block: a pipe, a device or a socket
// is refused without being read.
func openRegular(path string) (*os.File, int64, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, 0, phrase.Errorf("%s: no such file", path)
		case errors.Is(err, fs.ErrPermission):
			return nil, 0, phrase.Errorf("%s: not allowed to read it", path)
		}
		return nil, 0, phrase.Errorf("%s: cannot open: %w", path, bare(err))
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, phrase.Errorf("%s: cannot read: %w", path, bare(err))
	}
	switch {
	case st.IsDir():
		f.Close()
		return nil, 0, phrase.Errorf("%s: is a folder, not a story file", path)
	case !st.Mode().IsRegular():
		f.Close()
		return nil, 0, phrase.Errorf("%s: is not a regular file (a pipe, a device or a socket): save it as a file first", path)
	case st.Size() > MaxFileSize:
		f.Close()
		return nil, 0, phrase.Errorf("%s: file is larger than the %d MiB a story may be", path, MaxFileSize>>20)
	}
	return f, st.Size(), nil
}

// progressReader reads at most MaxFileSize bytes (a file may grow while
// read), reports progress now and then, and stops when ctx is done.
type progressReader struct {
	r        io.Reader
	ctx      context.Context
	total    int64
	read     int64
	reported int64
	report   func(read, total int64)
	err      error
}

func (p *progressReader) Read(b []byte) (int, error) {
	if err := p.ctx.Err(); err != nil {
		p.err = err
		return 0, err
	}
	if p.read >= MaxFileSize {
		p.err = phrase.Errorf("file grew past the %d MiB a story may be", MaxFileSize>>20)
		return 0, p.err
	}
	n, err := p.r.Read(b[:min(int64(len(b)), MaxFileSize-p.read)])
	p.read += int64(n)
	if p.report != nil && (p.read-p.reported > 1<<20 || err == io.EOF) {
		p.reported = p.read
		p.report(p.read, p.total)
	}
	return n, err
}

// source is where the bytes came from: for errors, its name, and the line
// an editor shows for a byte offset, found by reading it again (only when
// a problem is reported, so reading streams). Offsets count the bytes as
// read, decoded to UTF-8 where decodeAs says the file is not.
type source interface {
	name() string
	lines(offsets []int64) []int
	decodeAs(enc encoding.Encoding)
}

type fileSource struct {
	path string
	enc  encoding.Encoding // nil: as written
}

func (s *fileSource) name() string { return s.path }

func (s *fileSource) decodeAs(enc encoding.Encoding) { s.enc = enc }

func (s *fileSource) lines(offsets []int64) []int {
	f, err := os.Open(s.path)
	if err != nil {
		return make([]int, len(offsets))
	}
	defer f.Close()
	return linesAt(bufio.NewReader(decoding(io.LimitReader(f, MaxFileSize), s.enc)), offsets)
}

type memSource struct {
	label string
	data  []byte
	enc   encoding.Encoding
}

func (s *memSource) name() string { return s.label }

func (s *memSource) decodeAs(enc encoding.Encoding) { s.enc = enc }

func (s *memSource) lines(offsets []int64) []int {
	return linesAt(bufio.NewReader(decoding(bytes.NewReader(s.data), s.enc)), offsets)
}

// decoding reads r as UTF-8, decoded from enc if not nil.
func decoding(r io.Reader, enc encoding.Encoding) io.Reader {
	if enc == nil {
		return r
	}
	return transform.NewReader(r, enc.NewDecoder())
}

// unicodeEncoding tells UTF-16 and UTF-32 from a file's first bytes: by
// its byte-order mark, or, without one, by the zero bytes of the ASCII
// text (a header, a brace) every story file starts with. nil for UTF-8 and
// the 8-bit encodings.
func unicodeEncoding(head []byte) (encoding.Encoding, string) {
	has := func(p ...byte) bool { return bytes.HasPrefix(head, p) }
	nz := func(i int) bool { return len(head) > i && head[i] != 0 }
	z := func(i int) bool { return len(head) > i && head[i] == 0 }
	switch {
	case has(0, 0, 0xfe, 0xff) || (z(0) && z(1) && z(2) && nz(3)):
		return utf32.UTF32(utf32.BigEndian, utf32.UseBOM), "UTF-32"
	case has(0xff, 0xfe, 0, 0) || (nz(0) && z(1) && z(2) && z(3)):
		return utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), "UTF-32"
	case has(0xfe, 0xff) || (z(0) && nz(1) && z(2) && nz(3)):
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "UTF-16"
	case has(0xff, 0xfe) || (nz(0) && z(1) && nz(2) && z(3)):
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "UTF-16"
	}
	return nil, ""
}

// linesAt finds the line of each offset (sorted): the line of the first
// byte at or after it that is not white space or a comma, so that the
// offset between two values names the line the second starts on.
func linesAt(r *bufio.Reader, offsets []int64) []int {
	out := make([]int, len(offsets))
	line, pos := 1, int64(0)
	var next byte // the byte at pos, read but not passed
	have := false
	read := func() bool {
		if !have {
			c, err := r.ReadByte()
			if err != nil {
				return false
			}
			next, have = c, true
		}
		return true
	}
	pass := func() {
		if next == '\n' {
			line++
		}
		have = false
		pos++
	}
	for i, off := range offsets {
		for pos < off && read() {
			pass()
		}
		for read() && (next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == ',') {
			pass()
		}
		out[i] = line
	}
	return out
}

// bare drops the path from an error: messages name the file once.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
