package export_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovmap/geo/export"
)

// pngChunks reads a PNG's chunks in order, checking each CRC.
func pngChunks(t *testing.T, b []byte) (types []string, data map[string][][]byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("no PNG signature")
	}
	data = map[string][][]byte{}
	for p := b[8:]; len(p) >= 12; {
		n := int(binary.BigEndian.Uint32(p))
		if len(p) < 12+n {
			t.Fatalf("a chunk runs past the end")
		}
		typ := string(p[4:8])
		if crc32.ChecksumIEEE(p[4:8+n]) != binary.BigEndian.Uint32(p[8+n:]) {
			t.Errorf("chunk %s: bad CRC", typ)
		}
		types = append(types, typ)
		data[typ] = append(data[typ], p[8:8+n])
		p = p[12+n:]
	}
	return types, data
}

// A PNG export records its resolution, colour space, title, source and
// software, right after the header, and still decodes to the same image.
func TestPNGRecordsItsInfo(t *testing.T) {
	for _, tc := range []struct {
		dpi     int
		wantPPM uint32
	}{{0, 3780}, {96, 3780}, {300, 11811}, {72, 2835}} {
		st := newState(t, 800, 500)
		o := export.DefaultOptions(st)
		o.Width, o.Height, o.DPI = 800, 500, tc.dpi
		o.Furniture.Title = "Huitzilac, Teuchitlán\x00 and\nTeocaltiche — 2025"
		path := filepath.Join(t.TempDir(), "map.png")
		if err := export.Map(path, st, o); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		types, data := pngChunks(t, b)
		if strings.Join(types[:3], " ") != "IHDR pHYs sRGB" {
			t.Errorf("chunks begin %v, want IHDR pHYs sRGB", types[:3])
		}
		phys := data["pHYs"][0]
		if x, y := binary.BigEndian.Uint32(phys), binary.BigEndian.Uint32(phys[4:]); x != tc.wantPPM || y != tc.wantPPM || phys[8] != 1 {
			t.Errorf("dpi %d: pHYs %d x %d unit %d, want %d per metre", tc.dpi, x, y, phys[8], tc.wantPPM)
		}
		texts := map[string]string{}
		for _, d := range data["tEXt"] {
			k, v, _ := bytes.Cut(d, []byte{0})
			texts[string(k)] = string(v)
		}
		// A title beyond Latin-1 goes in iTXt, as UTF-8.
		for _, d := range data["iTXt"] {
			k, v, _ := bytes.Cut(d, []byte{0})
			texts[string(k)] = string(v[4:]) // past the flags and empty tags
		}
		if texts["Title"] != "Huitzilac, Teuchitlán  and Teocaltiche — 2025" {
			t.Errorf("Title %q", texts["Title"])
		}
		if !strings.Contains(texts["Source"], "Natural Earth") || !strings.HasPrefix(texts["Software"], "Sovmap ") {
			t.Errorf("Source %q, Software %q", texts["Source"], texts["Software"])
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil || img.Bounds().Dx() != 800 {
			t.Errorf("the PNG does not decode: %v", err)
		}
	}
}

func TestCheckDPI(t *testing.T) {
	for dpi, ok := range map[int]bool{-1: false, 0: false, 1: true, 300: true, 2400: true, 2401: false} {
		if err := export.CheckDPI(dpi); (err == nil) != ok {
			t.Errorf("CheckDPI(%d) = %v", dpi, err)
		}
	}
}
