package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// File is the name of the localities' file in the map's folder.
const File = "localities.bin.gz"

// Locality is one of INEGI's localities (a town, a village, a city).
type Locality struct {
	Key    string // nine digits: the municipality's five, the locality's four (0001 the seat)
	Name   string
	Urban  bool      // INEGI's ámbito: urban or rural
	LonLat orb.Point // INEGI's coordinates, degrees
	Pop    int       // 2020 census
}

// MunicipalityKey is the key of the municipality a locality lies in.
func (l *Locality) MunicipalityKey() string { return l.Key[:5] }

// The encoded form: "SVMG" 1, the count, then each column in turn, so that
// like sits with like and compresses well: keys (differences from the one
// before, as numbers), names (length and UTF-8), urban flags (a byte),
// coordinates (ten-millionths of a degree, INEGI's own precision, as
// differences from the one before), populations.
const localitiesMagic = "SVMG\x01"

// maxLocalities bounds a decoded file, against a corrupt one.
const maxLocalities = 1 << 20

// maxNameBytes bounds one name.
const maxNameBytes = 512

// EncodeLocalities writes rows, which must be sorted by key.
func EncodeLocalities(w io.Writer, rows []Locality) error {
	var keys, names, flags, coords, pops []byte
	last := uint64(0)
	var px, py int64
	for i, l := range rows {
		k, err := strconv.ParseUint(l.Key, 10, 64)
		if err != nil || len(l.Key) != 9 || (i > 0 && k <= last) {
			return fmt.Errorf("gazetteer: locality %d: key %q is not nine digits after the one before", i, l.Key)
		}
		if len(l.Name) > maxNameBytes || !utf8.ValidString(l.Name) {
			return fmt.Errorf("gazetteer: locality %s: name is not UTF-8 of at most %d bytes", l.Key, maxNameBytes)
		}
		keys = binary.AppendUvarint(keys, k-last)
		last = k
		names = binary.AppendUvarint(names, uint64(len(l.Name)))
		names = append(names, l.Name...)
		f := byte(0)
		if l.Urban {
			f = 1
		}
		flags = append(flags, f)
		x, y := int64(math.Round(l.LonLat[0]*1e7)), int64(math.Round(l.LonLat[1]*1e7))
		coords = binary.AppendVarint(coords, x-px)
		coords = binary.AppendVarint(coords, y-py)
		px, py = x, y
		pops = binary.AppendUvarint(pops, uint64(max(l.Pop, 0)))
	}
	head := append([]byte(localitiesMagic), binary.AppendUvarint(nil, uint64(len(rows)))...)
	for _, b := range [][]byte{head, keys, names, flags, coords, pops} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// DecodeLocalities reads what EncodeLocalities wrote.
func DecodeLocalities(r io.Reader) ([]Locality, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, err
	}
	if len(raw) < len(localitiesMagic) || string(raw[:len(localitiesMagic)]) != localitiesMagic {
		return nil, errors.New("gazetteer: not a Sovmap localities file")
	}
	b := raw[len(localitiesMagic):]
	bad := errors.New("gazetteer: localities file is cut short or corrupt")
	uvarint := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	varint := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	n := uvarint()
	if n > maxLocalities {
		return nil, bad
	}
	rows := make([]Locality, n)
	key := uint64(0)
	for i := range rows {
		key += uvarint()
		if key >= 1e9 {
			return nil, bad
		}
		rows[i].Key = fmt.Sprintf("%09d", key)
	}
	for i := range rows {
		l := uvarint()
		if l > maxNameBytes || l > uint64(len(b)) {
			return nil, bad
		}
		rows[i].Name = string(b[:l])
		b = b[l:]
	}
	if uint64(len(b)) < n {
		return nil, bad
	}
	for i := range rows {
		rows[i].Urban = b[i] == 1
	}
	b = b[n:]
	var x, y int64
	for i := range rows {
		x += varint()
		y += varint()
		rows[i].LonLat = orb.Point{float64(x) / 1e7, float64(y) / 1e7}
	}
	for i := range rows {
		rows[i].Pop = int(min(uvarint(), math.MaxInt32))
	}
	if b == nil || len(b) != 0 {
		return nil, bad
	}
	return rows, nil
}
