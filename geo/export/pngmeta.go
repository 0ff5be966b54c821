package export

import (
	"encoding/binary"
	"hash/crc32"
	"io"
	"math"
	"sovmap/geo/phrase"
	"strings"
	"unicode/utf8"
)

// PNGInfo is what a PNG export records about itself, in its own chunks:
// the print resolution (pHYs), that its colours are sRGB (sRGB), and its
// title, source and the software that made it (tEXt, or iTXt for text
// beyond ISO 8859-1), as image viewers, layout programs and file managers
// read them.
type PNGInfo struct {
	DPI      int
	Title    string
	Source   string // the attribution
	Software string
}

// pngSignature and the IHDR chunk (length, type, 13 bytes of data, CRC)
// open every PNG; the chunks are inserted right after them.
const pngHeaderLen = 8 + 4 + 4 + 13 + 4

// metaWriter passes a PNG stream through, inserting the info's chunks
// after the header. It never holds more than the header.
type metaWriter struct {
	w      io.Writer
	info   PNGInfo
	header []byte
	done   bool
}

func newMetaWriter(w io.Writer, info PNGInfo) *metaWriter {
	return &metaWriter{w: w, info: info, header: make([]byte, 0, pngHeaderLen)}
}

func (m *metaWriter) Write(p []byte) (int, error) {
	n := 0
	if !m.done {
		k := min(len(p), pngHeaderLen-len(m.header))
		m.header = append(m.header, p[:k]...)
		p, n = p[k:], k
		if len(m.header) < pngHeaderLen {
			return n, nil
		}
		if string(m.header[12:16]) != "IHDR" {
			return n, phrase.New("the PNG encoder wrote no IHDR chunk first")
		}
		m.done = true
		if _, err := m.w.Write(m.header); err != nil {
			return n, err
		}
		if _, err := m.w.Write(m.info.chunks()); err != nil {
			return n, err
		}
	}
	k, err := m.w.Write(p)
	return n + k, err
}

// chunks are the info's PNG chunks, encoded.
func (info PNGInfo) chunks() []byte {
	var out []byte
	if info.DPI > 0 {
		ppm := uint32(math.Round(float64(info.DPI) / 0.0254)) // pixels per metre
		data := binary.BigEndian.AppendUint32(nil, ppm)
		data = binary.BigEndian.AppendUint32(data, ppm)
		out = appendChunk(out, "pHYs", append(data, 1)) // unit: the metre
	}
	out = appendChunk(out, "sRGB", []byte{0}) // perceptual rendering intent
	for _, kv := range [][2]string{{"Title", info.Title}, {"Source", info.Source}, {"Software", info.Software}} {
		text, isLatin1 := pngText(kv[1])
		switch {
		case text == "":
		case isLatin1:
			out = appendChunk(out, "tEXt", append(append([]byte(kv[0]), 0), latin1(text)...))
		default:
			// iTXt holds UTF-8: keyword, NUL, no compression (two zero
			// bytes), no language tag and no translated keyword (two NULs).
			data := append([]byte(kv[0]), 0, 0, 0, 0, 0)
			out = appendChunk(out, "iTXt", append(data, text...))
		}
	}
	return out
}

// appendChunk appends one PNG chunk: length, type, data, CRC of type and
// data.
func appendChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// maxTextLen bounds a text value, in characters: a title or a source list
// is a line, whatever a file says.
const maxTextLen = 2000

// pngText is s as a PNG text value: control characters (a NUL would end
// it) as spaces, cut to maxTextLen characters; and whether it fits in
// ISO 8859-1, which tEXt holds (iTXt holds the rest, as UTF-8).
func pngText(s string) (string, bool) {
	var b strings.Builder
	isLatin1 := true
	n := 0
	for _, r := range s {
		if n == maxTextLen {
			break
		}
		n++
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError {
			r = ' '
		}
		isLatin1 = isLatin1 && r <= 0xff
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String()), isLatin1
}

// latin1 encodes a text of ISO 8859-1 characters.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}
