package storyfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

// byteScanner is the scanner as it was first written, a byte at a time:
// the reference the span-at-a-time csvScanner is held to.
type byteScanner struct{ csvScanner }

func newByteScanner(r *bufio.Reader, comma byte, maxFields, maxRecord int) *byteScanner {
	return &byteScanner{*newCSVScanner(r, comma, maxFields, maxRecord)}
}

func (s *byteScanner) next() (fields [][]byte, line int, err error) {
	s.record, s.ends = s.record[:0], s.ends[:0]
	line = s.line
	quoted, atStart, afterQuote := false, true, false
	var over error
	for {
		c, err := s.r.ReadByte()
		if err == io.EOF {
			if len(s.record) == 0 && len(s.ends) == 0 && atStart {
				return nil, line, io.EOF
			}
			if quoted {
				return nil, line, errUnclosedQuote
			}
			break // the last record, with no newline after it
		}
		if err != nil {
			return nil, line, err
		}
		if quoted {
			switch {
			case c == '"':
				if p, err := s.r.Peek(1); err == nil && p[0] == '"' {
					s.r.ReadByte()
					s.add(c, &over)
				} else {
					quoted, afterQuote = false, true
				}
			default:
				if c == '\n' {
					s.line++
				}
				s.add(c, &over)
			}
			continue
		}
		switch {
		case c == s.comma:
			s.endField(&over)
			atStart, afterQuote = true, false
			continue
		case c == '\n':
			s.line++
			s.endField(&over)
			return s.finish(line, over)
		case c == '\r':
			if p, err := s.r.Peek(1); err == nil && p[0] == '\n' {
				continue // CRLF: the LF ends the record
			}
			s.add(c, &over)
		case c == '"' && atStart:
			quoted = true
		default:
			if afterQuote {
				// A closing quote followed by more text: keep the quote,
				// as spreadsheets do with a stray one.
				s.add('"', &over)
				afterQuote = false
			}
			s.add(c, &over)
		}
		atStart = false
	}
	s.endField(&over)
	return s.finish(line, over)
}

func (s *byteScanner) add(c byte, over *error) {
	if len(s.record) >= s.maxRecord {
		*over = errRecordTooLarge
		return
	}
	s.record = append(s.record, c)
}

func (s *byteScanner) endField(over *error) {
	if len(s.ends) >= s.maxFields {
		if *over == nil {
			*over = errTooManyFields
		}
		return
	}
	s.ends = append(s.ends, len(s.record))
}

func (s *byteScanner) finish(line int, over error) ([][]byte, int, error) {
	if over != nil {
		return nil, line, over
	}
	s.fields = s.fields[:0]
	start := 0
	for _, end := range s.ends {
		s.fields = append(s.fields, s.record[start:end])
		start = end
	}
	return s.fields, line, nil
}

// scanAll reads every record with next, noting fields, lines and errors.
func scanAll(next func() ([][]byte, int, error)) string {
	var b bytes.Buffer
	for range 10000 {
		fields, line, err := next()
		if err == io.EOF {
			b.WriteString("EOF")
			return b.String()
		}
		fmt.Fprintf(&b, "%d %v %q\n", line, err, fields)
		if err != nil && !errors.Is(err, errRecordTooLarge) && !errors.Is(err, errTooManyFields) && !errors.Is(err, errUnclosedQuote) {
			return b.String()
		}
	}
	return b.String() + "…"
}

// The span scanner reads every text as the byte scanner does: random texts
// of commas, quotes, line ends and letters, with small limits and buffers
// (so that records, quotes and CRLFs straddle the reader's buffer), give
// the same fields, lines and errors.
func TestCSVScannerMatchesTheByteScanner(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	alphabet := []byte("ab,,\"\"\n\r ;")
	cases := []string{"", "a", "a,b\n", "\"a\"\"b\",c\r\n", "\"open", "x\"y\",z", "\"a\"b,c\n", "\r", "\r\r\n", "a,\"\"\n\n,"}
	for range 20000 {
		n := r.IntN(60)
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for i, text := range cases {
		for _, buf := range []int{16, 17, 4096} {
			comma := byte(',')
			if i%7 == 0 {
				comma = ';'
			}
			maxFields, maxRecord := 1+i%9, 1+i%23
			if i%3 == 0 {
				maxFields, maxRecord = 1000, 1<<20
			}
			span := newCSVScanner(bufio.NewReaderSize(bytes.NewReader([]byte(text)), buf), comma, maxFields, maxRecord)
			byteWise := newByteScanner(bufio.NewReaderSize(bytes.NewReader([]byte(text)), buf), comma, maxFields, maxRecord)
			if got, want := scanAll(span.next), scanAll(byteWise.next); got != want {
				t.Fatalf("%q (buffer %d, comma %q, at most %d fields, %d bytes):\nspans %s\nbytes %s", text, buf, comma, maxFields, maxRecord, got, want)
			}
		}
	}
}

// ScanRecords reads every record of r with the scanner, as the CSV
// reader does, and counts them: for the benchmark beside encoding/csv.
func ScanRecords(r io.Reader) int {
	sc := newCSVScanner(bufio.NewReaderSize(r, 256<<10), ',', MaxColumns, MaxRecord)
	n := 0
	for {
		if _, _, err := sc.next(); err == io.EOF {
			return n
		}
		n++
	}
}
