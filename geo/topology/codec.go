package topology

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"

	"github.com/paulmach/orb"
)

// The encoded forms. Every number is a varint (signed ones zigzag), so a
// delta of a few metres takes a byte or two:
//
//	shapes: "SVMS" 1, count, then per shape its polygons, per polygon its
//	        rings, per ring its arcs, each ref the difference from the
//	        ring's last (rings follow arcs in the order Build made them).
//	level:  "SVML" 1, quantum (float64 bits), arcs, coarser (0 or 1), then
//	        - with no coarser level: per arc its point count, then all
//	          points as differences from the point before (the last point
//	          of the arc before, for an arc's first);
//	        - with one: per segment of each coarser arc, how many points
//	          it gains, then all the gained points, each the difference
//	          from the point before it in the finer arc (which the
//	          decoder may know already, from the coarser level).
//
// Counts come before coordinates so that each kind of number sits with its
// own kind and compresses well.
const (
	shapesMagic = "SVMS\x01"
	levelMagic  = "SVML\x01"
)

// Limits of a decoded topology, against a corrupt file.
const (
	maxArcs       = 1 << 22
	maxArcPoints  = 1 << 24
	maxShapes     = 1 << 20
	maxShapeParts = 1 << 22
)

// EncodeShapes writes the shapes' rings of arc references.
func EncodeShapes(w io.Writer, shapes []Shape) error {
	bw := bufio.NewWriter(w)
	var buf []byte
	buf = append(buf, shapesMagic...)
	buf = binary.AppendUvarint(buf, uint64(len(shapes)))
	for _, s := range shapes {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		for _, poly := range s {
			buf = binary.AppendUvarint(buf, uint64(len(poly)))
			for _, r := range poly {
				buf = binary.AppendUvarint(buf, uint64(len(r)))
				last := int64(0)
				for _, ref := range r {
					buf = binary.AppendVarint(buf, int64(ref)-last)
					last = int64(ref)
				}
			}
		}
		if len(buf) > 1<<16 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	return bw.Flush()
}

// DecodeShapes reads what EncodeShapes wrote; every ref must name one of
// arcs arcs.
func DecodeShapes(r io.Reader, arcs int) ([]Shape, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	d := decoder{b: raw}
	d.magic(shapesMagic)
	n := d.count(maxShapes)
	parts := 0
	shapes := make([]Shape, 0, n)
	for range n {
		s := make(Shape, d.count(maxShapeParts))
		for pi := range s {
			poly := make(Polygon, d.count(maxShapeParts))
			for ri := range poly {
				k := d.count(maxShapeParts)
				parts += k
				if parts > maxShapeParts {
					d.fail(errors.New("too many rings"))
				}
				ring := make(Ring, k)
				last := int64(0)
				for i := range ring {
					last += d.varint()
					if last >= int64(arcs) || last < -int64(arcs) {
						d.fail(fmt.Errorf("ring refers to arc %d of %d", last, arcs))
					}
					ring[i] = int32(last)
				}
				poly[ri] = ring
			}
			s[pi] = poly
		}
		if d.err != nil {
			return nil, d.err
		}
		shapes = append(shapes, s)
	}
	return shapes, d.err
}

// EncodeLevel writes level lv of the base arcs, coordinates as whole
// multiples of quantum (the base arcs must lie on that grid, see
// Quantize). With coarser set, lv must keep every point coarser keeps,
// and only what lv adds is written: DecodeLevel then needs the coarser
// level's arcs.
func EncodeLevel(w io.Writer, base []orb.LineString, lv, coarser Level, quantum float64) error {
	bw := bufio.NewWriter(w)
	var head, counts, coords []byte
	head = append(head, levelMagic...)
	head = binary.BigEndian.AppendUint64(head, math.Float64bits(quantum))
	head = binary.AppendUvarint(head, uint64(len(lv)))
	q := func(v float64) int64 { return int64(math.Round(v / quantum)) }
	var px, py int64
	put := func(p orb.Point) {
		x, y := q(p[0]), q(p[1])
		coords = binary.AppendVarint(coords, x-px)
		coords = binary.AppendVarint(coords, y-py)
		px, py = x, y
	}
	// at moves the pen to a point the decoder knows already.
	at := func(p orb.Point) { px, py = q(p[0]), q(p[1]) }
	if coarser == nil {
		head = append(head, 0)
		for i, keep := range lv {
			counts = binary.AppendUvarint(counts, uint64(len(keep)))
			for _, k := range keep {
				put(base[i][k])
			}
		}
	} else {
		head = append(head, 1)
		if len(coarser) != len(lv) {
			return errors.New("topology: EncodeLevel: the levels have different arcs")
		}
		for i, keep := range lv {
			c := coarser[i]
			j := 0 // position in keep
			for s := 0; s+1 < len(c); s++ {
				for j < len(keep) && keep[j] != c[s] {
					j++
				}
				if j == len(keep) {
					return fmt.Errorf("topology: EncodeLevel: arc %d keeps a point the finer level does not", i)
				}
				at(base[i][keep[j]])
				n := 0
				for j+1+n < len(keep) && keep[j+1+n] != c[s+1] {
					n++
				}
				counts = binary.AppendUvarint(counts, uint64(n))
				for k := 1; k <= n; k++ {
					put(base[i][keep[j+k]])
				}
				j += n + 1
			}
		}
	}
	head = binary.AppendUvarint(head, uint64(len(counts)))
	for _, b := range [][]byte{head, counts, coords} {
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// DecodeLevel reads a level EncodeLevel wrote. Where it was written against
// a coarser level, coarser must be that level's arcs, as DecodeLevel
// returned them; otherwise it is ignored. The arcs share one backing
// array.
func DecodeLevel(r io.Reader, coarser []orb.LineString) ([]orb.LineString, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	d, quantum, n, kind, counts, err := levelHead(raw)
	if err != nil {
		return nil, err
	}
	var px, py int64
	// next reads the next point's two differences; it is the hot loop of
	// loading the map, so it reads the varints itself.
	b := d.b
	next := func() orb.Point {
		i := d.i
		for k := range 2 {
			var u uint64
			var shift uint
			for {
				if i >= len(b) || shift > 63 {
					d.fail(io.ErrUnexpectedEOF)
					return orb.Point{}
				}
				c := b[i]
				i++
				u |= uint64(c&0x7f) << shift
				if c < 0x80 {
					break
				}
				shift += 7
			}
			v := int64(u >> 1)
			if u&1 != 0 {
				v = ^v
			}
			if k == 0 {
				px += v
			} else {
				py += v
			}
		}
		d.i = i
		return orb.Point{float64(px) * quantum, float64(py) * quantum}
	}
	arcs := make([]orb.LineString, n)
	switch kind {
	case 0:
		sizes := make([]int, n)
		total := 0
		for i := range sizes {
			sizes[i] = counts.count(maxArcPoints)
			if total += sizes[i]; total > maxArcPoints {
				return nil, errors.New("topology: level has too many points")
			}
		}
		slab := make([]orb.Point, total)
		for i, k := range sizes {
			l := slab[:k:k]
			slab = slab[k:]
			for j := range l {
				l[j] = next()
			}
			arcs[i] = l
		}
	case 1:
		if len(coarser) != n {
			return nil, fmt.Errorf("topology: level refines %d arcs, the coarser level has %d", n, len(coarser))
		}
		// Every count first, to size one array for all the points.
		gained := make([]int32, 0, len(counts.b))
		total := 0
		for _, c := range coarser {
			for s := 0; s+1 < len(c); s++ {
				k := counts.count(maxArcPoints)
				gained = append(gained, int32(k))
				total += k
			}
			total += len(c)
			if total > maxArcPoints || counts.err != nil {
				return nil, errors.Join(counts.err, errors.New("topology: level has too many points"))
			}
		}
		slab := make([]orb.Point, 0, total)
		g := 0
		for i, c := range coarser {
			from := len(slab)
			for s := 0; s+1 < len(c); s++ {
				px, py = int64(math.Round(c[s][0]/quantum)), int64(math.Round(c[s][1]/quantum))
				slab = append(slab, c[s])
				for range gained[g] {
					slab = append(slab, next())
				}
				g++
			}
			if len(c) > 0 {
				slab = append(slab, c[len(c)-1])
			}
			arcs[i] = slab[from:len(slab):len(slab)]
		}
	default:
		return nil, fmt.Errorf("topology: unknown level kind %d", kind)
	}
	if err := errors.Join(d.err, counts.err); err != nil {
		return nil, err
	}
	if d.i != len(d.b) {
		return nil, errors.New("topology: level has data after its points")
	}
	return arcs, nil
}

// levelHead reads a level's head: its quantum, how many arcs it has,
// its kind (0: whole, 1: refining a coarser level), and its counts; d is
// left at its points.
func levelHead(raw []byte) (d decoder, quantum float64, n int, kind byte, counts decoder, err error) {
	d = decoder{b: raw}
	d.magic(levelMagic)
	quantum = math.Float64frombits(binary.BigEndian.Uint64(d.bytes(8)))
	if d.err == nil && (!(quantum > 0) || math.IsInf(quantum, 0)) {
		return d, 0, 0, 0, counts, fmt.Errorf("topology: level has quantum %g", quantum)
	}
	n = d.count(maxArcs)
	k := d.bytes(1)
	counts = decoder{b: d.bytes(d.count(len(raw)))}
	if d.err != nil {
		return d, 0, 0, 0, counts, d.err
	}
	return d, quantum, n, k[0], counts, nil
}

// RefineSome reads a level that refines a coarser one, as DecodeLevel
// does, but builds only the arcs want marks: coarser holds those arcs at
// the coarser level (the others may be nil), and sizes every arc's number
// of points there. It returns the wanted arcs at this level (nil for the
// others) and every arc's number of points at this level, for reading the
// next finer level the same way. A few arcs cost one pass over the
// level's bytes, not the points of every arc: a point near a boundary is
// placed with the finest lines near it alone.
func RefineSome(raw []byte, coarser []orb.LineString, sizes []int32, want []bool) ([]orb.LineString, []int32, error) {
	d, quantum, n, kind, counts, err := levelHead(raw)
	switch {
	case err != nil:
		return nil, nil, err
	case kind != 1:
		return nil, nil, errors.New("topology: the level refines no coarser one")
	case len(coarser) != n || len(sizes) != n || len(want) != n:
		return nil, nil, fmt.Errorf("topology: level refines %d arcs, given %d", n, len(sizes))
	}
	b, i := d.b, d.i
	skip, ok := 0, true // varints to pass over before the next one read
	arcs := make([]orb.LineString, n)
	out := make([]int32, n)
	total := 0
	for a := range n {
		size := int(sizes[a])
		gaps := max(size-1, 0)
		added := 0
		if !want[a] {
			// Its counts only summed (one-byte counts eight at a time), its
			// points passed over.
			sum, done := sumCounts(counts.b[min(counts.i, len(counts.b)):], gaps)
			counts.i += done
			for range gaps - done {
				sum += counts.count(maxArcPoints)
			}
			added, skip = sum, skip+2*sum
		} else {
			if len(coarser[a]) != size {
				return nil, nil, fmt.Errorf("topology: arc %d has %d points at the coarser level, given %d", a, size, len(coarser[a]))
			}
			if i, ok = skipVarints(b, i, skip); !ok {
				return nil, nil, fmt.Errorf("topology: %w", io.ErrUnexpectedEOF)
			}
			skip = 0
			line := make(orb.LineString, 0, size)
			for s := range gaps {
				k := counts.count(maxArcPoints)
				if counts.err != nil {
					return nil, nil, counts.err
				}
				added += k
				c := coarser[a][s]
				line = append(line, c)
				px, py := int64(math.Round(c[0]/quantum)), int64(math.Round(c[1]/quantum))
				for range k {
					dx, n1 := binary.Varint(b[i:])
					if n1 <= 0 {
						return nil, nil, fmt.Errorf("topology: %w", io.ErrUnexpectedEOF)
					}
					dy, n2 := binary.Varint(b[i+n1:])
					if n2 <= 0 {
						return nil, nil, fmt.Errorf("topology: %w", io.ErrUnexpectedEOF)
					}
					i += n1 + n2
					px, py = px+dx, py+dy
					line = append(line, orb.Point{float64(px) * quantum, float64(py) * quantum})
				}
			}
			if size > 0 {
				arcs[a] = append(line, coarser[a][size-1])
			}
		}
		if counts.err != nil {
			return nil, nil, counts.err
		}
		if total += size + added; total > maxArcPoints {
			return nil, nil, errors.New("topology: level has too many points")
		}
		out[a] = int32(size + added)
	}
	if i, ok = skipVarints(b, i, skip); !ok {
		return nil, nil, fmt.Errorf("topology: %w", io.ErrUnexpectedEOF)
	}
	if len(counts.b) != counts.i || i != len(b) {
		return nil, nil, errors.New("topology: level has data after its points")
	}
	return arcs, out, nil
}

// sumCounts sums the leading counts of b written in one byte each (below
// 0x80), up to n of them, eight at a time; done is how many it summed.
func sumCounts(b []byte, n int) (sum, done int) {
	const high, low = 0x8080808080808080, 0x00ff00ff00ff00ff
	for done+8 <= n && done+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[done:])
		if w&high != 0 {
			break
		}
		// Pairs of bytes into four 16-bit sums, then those added.
		p := w&low + (w>>8)&low
		sum += int((p * 0x0001000100010001) >> 48)
		done += 8
	}
	for done < n && done < len(b) && b[done] < 0x80 {
		sum += int(b[done])
		done++
	}
	return sum, done
}

// skipVarints is where the n varints from b[i] end; ok is false where b
// ends first. A byte below 0x80 ends each: eight bytes at a time, the
// terminators among them counted at once.
func skipVarints(b []byte, i, n int) (int, bool) {
	for n >= 8 && i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		ends := bits.OnesCount64(^w & 0x8080808080808080)
		if ends >= n {
			break
		}
		n -= ends
		i += 8
	}
	for ; n > 0; i++ {
		if i >= len(b) {
			return i, false
		}
		if b[i] < 0x80 {
			n--
		}
	}
	return i, true
}

// decoder reads varints from a byte slice, keeping the first error.
type decoder struct {
	b   []byte
	i   int
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = fmt.Errorf("topology: %w", err)
	}
}

// bytes are the next n bytes (zeros past the end, with an error).
func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n > len(d.b)-d.i {
		d.fail(io.ErrUnexpectedEOF)
		return make([]byte, n)
	}
	d.i += n
	return d.b[d.i-n : d.i]
}

func (d *decoder) magic(m string) {
	if got := d.bytes(len(m)); d.err == nil && string(got) != m {
		d.fail(fmt.Errorf("not a Sovmap topology file (starts %q)", got))
	}
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b[min(d.i, len(d.b)):])
	if n <= 0 {
		d.fail(io.ErrUnexpectedEOF)
		return 0
	}
	d.i += n
	return v
}

// count reads an unsigned varint no greater than limit.
func (d *decoder) count(limit int) int {
	v, n := binary.Uvarint(d.b[min(d.i, len(d.b)):])
	if n <= 0 {
		d.fail(io.ErrUnexpectedEOF)
		return 0
	}
	d.i += n
	if v > uint64(limit) {
		d.fail(fmt.Errorf("count %d is over the limit of %d", v, limit))
		return 0
	}
	return int(v)
}
