package storyfile

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"sovmap/geo/story"
)

// featureJSON writes features as encoding/json writes an outFeature
// through an Encoder set to indent by "  " under a prefix and not to
// escape HTML, byte for byte (TestWriteGeoJSONStreamsTheSameBytes), into
// one buffer used again for each: encoding/json allocated 430 bytes a
// feature, sorting each text's languages through reflection (86 MB to
// save 200,000 rows, which an autosave added to the window's peak).
type featureJSON struct {
	b      []byte
	prefix string
	depth  int
	// fresh is, for each open object or array, whether nothing is in it
	// yet (it then closes as {} or []).
	fresh []bool
	langs []string
}

// feature is the buffer holding item it's feature, without a final
// newline; it is the writer's own until the next call.
func (w *featureJSON) feature(it *story.Item) []byte {
	w.b, w.depth, w.fresh = w.b[:0], 0, w.fresh[:0]
	w.open('{')
	w.str("type", "Feature")
	w.str("id", it.ID)
	w.key("geometry")
	if pl := it.Place; pl != nil {
		w.open('{')
		w.str("type", "Point")
		w.key("coordinates")
		w.open('[')
		w.elem()
		w.b = appendFloat(w.b, pl.Point[0])
		w.elem()
		w.b = appendFloat(w.b, pl.Point[1])
		w.close(']')
		w.close('}')
	} else {
		w.b = append(w.b, "null"...)
	}
	w.key("properties")
	w.open('{')
	w.str("kind", string(it.Kind))
	w.strOmit("side", string(it.Side))
	if pl := it.Place; pl != nil {
		w.strOmit("place", pl.ID)
		w.strOmit("place_name", pl.Name)
		w.strOmit("state", pl.State)
		w.strOmit("municipality", pl.Municipality)
		w.strOmit("country", pl.Country)
	}
	w.strOmit("location_precision", it.LocationPrecision)
	w.textOmit("location_note", it.LocationNote)
	w.strOmit("date", it.Date.ISO())
	w.str("date_precision", string(it.Date.Precision))
	w.textOmit("date_note", it.DateNote)
	w.textOmit("category", it.Category)
	w.text("title", it.Title)
	w.text("summary", it.Summary)
	w.textOmit("victims", it.Victims)
	if it.KilledOK {
		w.key("killed")
		w.b = strconv.AppendInt(w.b, int64(it.Killed), 10)
	}
	w.strOmit("actor", it.Actor)
	w.strOmit("source_url", it.SourceURL)
	w.key("source")
	if len(it.Sources) == 1 {
		w.b = appendString(w.b, it.Sources[0].ID)
	} else {
		w.open('[')
		for _, src := range it.Sources {
			w.elem()
			w.b = appendString(w.b, src.ID)
		}
		w.close(']')
	}
	if len(it.Fields) > 0 {
		w.key("fields")
		w.open('[')
		for _, f := range it.Fields {
			w.elem()
			w.open('{')
			w.str("name", f.Name)
			w.str("value", f.Value)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	w.close('}')
	return w.b
}

// newline starts a line at the current depth.
func (w *featureJSON) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, "  "...)
	}
}

func (w *featureJSON) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.fresh = append(w.fresh, true)
}

func (w *featureJSON) close(c byte) {
	w.depth--
	empty := w.fresh[len(w.fresh)-1]
	w.fresh = w.fresh[:len(w.fresh)-1]
	if !empty {
		w.newline()
	}
	w.b = append(w.b, c)
}

// elem starts a member of the open object or array.
func (w *featureJSON) elem() {
	if last := len(w.fresh) - 1; w.fresh[last] {
		w.fresh[last] = false
	} else {
		w.b = append(w.b, ',')
	}
	w.newline()
}

func (w *featureJSON) key(k string) {
	w.elem()
	w.b = appendString(w.b, k)
	w.b = append(w.b, ": "...)
}

func (w *featureJSON) str(k, v string) {
	w.key(k)
	w.b = appendString(w.b, v)
}

// strOmit is str but for an empty value, left out (omitempty).
func (w *featureJSON) strOmit(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

// text writes a text as encoding/json writes a map: null for none, its
// languages in order.
func (w *featureJSON) text(k string, t story.Text) {
	w.key(k)
	if t == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.langs = w.langs[:0]
	for lang := range t {
		w.langs = append(w.langs, lang)
	}
	slices.Sort(w.langs)
	w.open('{')
	for _, lang := range w.langs {
		w.str(lang, t[lang])
	}
	w.close('}')
}

// textOmit is text but for an empty text, left out (omitempty).
func (w *featureJSON) textOmit(k string, t story.Text) {
	if len(t) > 0 {
		w.text(k, t)
	}
}

// appendString appends s quoted as encoding/json quotes it with HTML
// left as it is: quotes, backslashes and control characters escaped,
// invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat appends f as encoding/json writes a float64: the shortest
// form that reads back the same, in exponent form below 1e-6 and from
// 1e21 on, its exponent unpadded.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
