package geo

import (
	"encoding/json"
	"testing"
)

func TestCoordinatesParse(t *testing.T) {
	tests := []struct {
		in       string
		polygons int
		ok       bool
	}{
		{`[[[0,0],[1,0],[1,1],[0,0]]]`, 1, true},
		{`[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]`, 2, true},
		{` [ [ [ 1e3 , -2.5E-2 ] , [0,0] ] ] `, 1, true},
		{`[[[0,0],[1,`, 0, false},
		{`[[[0]]]`, 0, false},
		{`[[0,0]]`, 0, false},
	}
	for _, tt := range tests {
		var n nestedArrays
		err := json.Unmarshal([]byte(tt.in), &n)
		if (err == nil) != tt.ok || (tt.ok && len(n.mp) != tt.polygons) {
			t.Errorf("%s: %d polygons, error %v", tt.in, len(n.mp), err)
		}
	}
}

// FuzzCoordinates: the coordinate scanner never panics on any bytes.
func FuzzCoordinates(f *testing.F) {
	f.Add([]byte(`[[[0,0],[1,0],[1,1],[0,0]]]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var n nestedArrays
		_ = n.UnmarshalJSON(b)
	})
}
