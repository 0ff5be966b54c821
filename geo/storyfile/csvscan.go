package storyfile

import (
	"bufio"
	"bytes"
	"io"
	"sovmap/geo/phrase"
)

// csvScanner reads CSV records (RFC 4180, as spreadsheets write it) from a
// stream, one at a time, within limits: it never holds more than one
// record, a record over maxRecord bytes or maxFields fields is skipped
// whole (reported, not read into memory), a quote never closed is said
// (errUnclosedQuote), and it tells the line an editor shows for each
// record, notes spanning several lines counted.
//
// It is lenient where spreadsheets are: a quote inside an unquoted field
// is a character; CRLF and a lone LF both end a record; a missing
// newline at the end is fine.
type csvScanner struct {
	r         *bufio.Reader
	comma     byte
	line      int // the line the next record starts on
	endLine   int // after errUnclosedQuote, the file's last line
	maxFields int
	maxRecord int
	record    []byte    // the current record's field bytes, unquoted
	ends      []int     // where each field ends in record
	fields    [][]byte  // the current record's fields, into record
	special   [256]bool // the bytes that end a span of a field's text
}

// errRecordTooLarge and errTooManyFields say why a record was skipped;
// the scanner has moved past it and can go on.
var (
	errRecordTooLarge = phrase.New("too large")
	errTooManyFields  = phrase.New("too many fields")
)

// errUnclosedQuote says that a record's quoted field never closed: the
// rest of the stream was read into it, and the scanner is at the end.
var errUnclosedQuote = phrase.New("unclosed quote")

func newCSVScanner(r *bufio.Reader, comma byte, maxFields, maxRecord int) *csvScanner {
	s := &csvScanner{r: r, comma: comma, line: 1, maxFields: maxFields, maxRecord: maxRecord}
	for _, c := range []byte{comma, '"', '\n', '\r'} {
		s.special[c] = true
	}
	return s
}

// next reads the next record. It returns its fields (valid until the next
// call) and the line it starts on; io.EOF after the last. A record over
// the limits is skipped: next then returns errRecordTooLarge or
// errTooManyFields, with its line, and the following call goes on.
func (s *csvScanner) next() (fields [][]byte, line int, err error) {
	s.record, s.ends = s.record[:0], s.ends[:0]
	line = s.line
	quoted, atStart, afterQuote := false, true, false
	var over error
	// The record is read a buffered slice at a time (up to a line end, or
	// the reader's buffer), and each slice in spans of ordinary bytes, so
	// that a field costs one append, not one call a byte.
	for {
		chunk, rerr := s.r.ReadSlice('\n')
		if rerr != nil && rerr != bufio.ErrBufferFull && rerr != io.EOF {
			return nil, line, rerr
		}
		if len(chunk) == 0 && rerr == io.EOF {
			if len(s.record) == 0 && len(s.ends) == 0 && atStart {
				return nil, line, io.EOF
			}
			break // the last record, with no newline after it
		}
		for i := 0; i < len(chunk); {
			if quoted {
				j := bytes.IndexByte(chunk[i:], '"')
				if j < 0 {
					j = len(chunk) - i
				}
				s.line += bytes.Count(chunk[i:i+j], newline)
				s.addSpan(chunk[i:i+j], &over)
				if i += j; i == len(chunk) {
					break
				}
				if c, ok := s.peek(chunk, i); ok && c == '"' { // a doubled quote
					s.add('"', &over)
					if i+1 < len(chunk) {
						i += 2
					} else {
						s.r.ReadByte() // the second quote, past the slice
						i++
					}
					continue
				}
				quoted, afterQuote = false, true
				i++
				continue
			}
			if j := s.indexSpecial(chunk[i:]); j != 0 {
				// Ordinary bytes: the field's text.
				if j < 0 {
					j = len(chunk) - i
				}
				if afterQuote {
					// A closing quote followed by more text: keep the
					// quote, as spreadsheets do with a stray one.
					s.add('"', &over)
					afterQuote = false
				}
				s.addSpan(chunk[i:i+j], &over)
				atStart = false
				i += j
				continue
			}
			switch c := chunk[i]; {
			case c == s.comma:
				s.endField(&over)
				atStart, afterQuote = true, false
				i++
			case c == '\n':
				s.line++
				s.endField(&over)
				return s.finish(line, over)
			case c == '\r':
				if n, ok := s.peek(chunk, i); ok && n == '\n' {
					i++ // CRLF: the LF ends the record
					continue
				}
				s.add(c, &over)
				atStart = false
				i++
			case c == '"' && atStart:
				quoted, atStart = true, false
				i++
			default: // a quote inside a field
				if afterQuote {
					s.add('"', &over)
					afterQuote = false
				}
				s.add(c, &over)
				atStart = false
				i++
			}
		}
		if rerr == io.EOF {
			break
		}
	}
	if quoted {
		s.endLine = s.line
		if n := len(s.record); n > 0 && s.record[n-1] == '\n' {
			s.endLine-- // the file's last line ended with its newline
		}
		return nil, line, errUnclosedQuote
	}
	s.endField(&over)
	return s.finish(line, over)
}

var newline = []byte{'\n'}

// peek is the byte after chunk[i], read ahead where chunk ends there.
func (s *csvScanner) peek(chunk []byte, i int) (byte, bool) {
	if i+1 < len(chunk) {
		return chunk[i+1], true
	}
	if p, err := s.r.Peek(1); err == nil {
		return p[0], true
	}
	return 0, false
}

// indexSpecial is the index of the first byte of b outside a quoted field
// that is not a field's text (the separator, a quote, a CR or LF), or -1.
func (s *csvScanner) indexSpecial(b []byte) int {
	for i, c := range b {
		if s.special[c] {
			return i
		}
	}
	return -1
}

// addSpan adds field bytes to the record, within its limit.
func (s *csvScanner) addSpan(b []byte, over *error) {
	if len(b) == 0 {
		return
	}
	if len(s.record)+len(b) > s.maxRecord {
		*over = errRecordTooLarge
		b = b[:max(0, s.maxRecord-len(s.record))]
	}
	s.record = append(s.record, b...)
}

func (s *csvScanner) add(c byte, over *error) {
	if len(s.record) >= s.maxRecord {
		*over = errRecordTooLarge
		return
	}
	s.record = append(s.record, c)
}

func (s *csvScanner) endField(over *error) {
	if len(s.ends) >= s.maxFields {
		if *over == nil {
			*over = errTooManyFields
		}
		return
	}
	s.ends = append(s.ends, len(s.record))
}

func (s *csvScanner) finish(line int, over error) ([][]byte, int, error) {
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

// sniffComma picks the separator of a CSV file from its first line: the
// commonest of comma, semicolon (spreadsheets in many locales) and tab,
// outside quotes; a comma when there is none.
func sniffComma(head []byte) byte {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// describeComma names a separator for messages.
func describeComma(c byte) string {
	switch c {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return "commas"
}
