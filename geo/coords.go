package geo

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/paulmach/orb"
)

// multiPolygonJSON reads a GeoJSON Polygon's or MultiPolygon's coordinates
// straight into orb types. encoding/json validates the document once; this
// scanner then reads the numbers without the generic decoder's reflection,
// which made loading the map several times slower.
type multiPolygonJSON struct {
	Type        string       `json:"type"`
	Coordinates nestedArrays `json:"coordinates"`
}

// nestedArrays is a JSON array nested to some depth whose leaves are numbers.
type nestedArrays struct {
	depth int // 3 for a Polygon, 4 for a MultiPolygon
	mp    orb.MultiPolygon
}

// UnmarshalJSON parses the coordinate arrays of a Polygon or MultiPolygon.
func (n *nestedArrays) UnmarshalJSON(b []byte) error {
	s := scanner{b: b}
	depth := 0
	for i := 0; i < len(b) && b[i] == '[' || (i < len(b) && isSpace(b[i])); i++ {
		if b[i] == '[' {
			depth++
		}
	}
	var err error
	switch depth {
	case 3:
		var p orb.Polygon
		p, err = s.polygon()
		n.mp = orb.MultiPolygon{p}
	case 4:
		n.mp, err = s.multiPolygon()
	default:
		return fmt.Errorf("coordinates nested %d deep, want a Polygon or MultiPolygon", depth)
	}
	n.depth = depth
	return err
}

type scanner struct {
	b []byte
	i int
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func (s *scanner) skipSpace() {
	for s.i < len(s.b) && isSpace(s.b[s.i]) {
		s.i++
	}
}

func (s *scanner) expect(c byte) error {
	s.skipSpace()
	if s.i >= len(s.b) || s.b[s.i] != c {
		return fmt.Errorf("coordinates: want %q at byte %d", c, s.i)
	}
	s.i++
	return nil
}

// list reads "[" item ("," item)* "]", calling item for each.
func (s *scanner) list(item func() error) error {
	if err := s.expect('['); err != nil {
		return err
	}
	s.skipSpace()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		s.skipSpace()
		if s.i >= len(s.b) {
			return errors.New("coordinates: unexpected end")
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return fmt.Errorf("coordinates: unexpected %q at byte %d", s.b[s.i], s.i)
		}
	}
}

func (s *scanner) number() (float64, error) {
	s.skipSpace()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
		s.i++
	}
	return strconv.ParseFloat(string(s.b[start:s.i]), 64)
}

func (s *scanner) point() (orb.Point, error) {
	var p orb.Point
	k := 0
	err := s.list(func() error {
		v, err := s.number()
		if k < 2 {
			p[k] = v
		}
		k++
		return err
	})
	if err == nil && k < 2 {
		err = errors.New("coordinates: a position needs two numbers")
	}
	return p, err
}

func (s *scanner) ring() (orb.Ring, error) {
	var r orb.Ring
	err := s.list(func() error {
		p, err := s.point()
		r = append(r, p)
		return err
	})
	return r, err
}

func (s *scanner) polygon() (orb.Polygon, error) {
	var p orb.Polygon
	err := s.list(func() error {
		r, err := s.ring()
		p = append(p, r)
		return err
	})
	return p, err
}

func (s *scanner) multiPolygon() (orb.MultiPolygon, error) {
	var mp orb.MultiPolygon
	err := s.list(func() error {
		p, err := s.polygon()
		mp = append(mp, p)
		return err
	})
	return mp, err
}
