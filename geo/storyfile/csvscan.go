package storyfile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// csvScanner reads CSV records (RFC 4180, as spreadsheets write it) from a
// stream, one at a time, within limits: it never holds more than one
// record, a record over maxRecord bytes or maxFields fields is skipped
// whole (reported, not read into memory), and it tells the line an editor
// shows for each record, notes spanning several lines counted.
//
// It is lenient where spreadsheets are: a quote inside an unquoted field
// is a character; CRLF and a lone LF both end a record; a missing
// newline at the end is fine.
type csvScanner struct {
	r         *bufio.Reader
	comma     byte
	line      int // the line the next record starts on
	maxFields int
	maxRecord int
	record    []byte   // the current record's field bytes, unquoted
	ends      []int    // where each field ends in record
	fields    [][]byte // the current record's fields, into record
}

// errRecordTooLarge and errTooManyFields say why a record was skipped;
// the scanner has moved past it and can go on.
var (
	errRecordTooLarge = errors.New("too large")
	errTooManyFields  = errors.New("too many fields")
)

func newCSVScanner(r *bufio.Reader, comma byte, maxFields, maxRecord int) *csvScanner {
	return &csvScanner{r: r, comma: comma, line: 1, maxFields: maxFields, maxRecord: maxRecord}
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
	for {
		c, err := s.r.ReadByte()
		if err == io.EOF {
			if len(s.record) == 0 && len(s.ends) == 0 && atStart {
				return nil, line, io.EOF
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
