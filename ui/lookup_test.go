package ui

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/geotest"
)

func TestLookupArgs(t *testing.T) {
	s := geotest.BuiltInStory(t)
	tests := []struct {
		args []string
		want string // in the error; "" for none
	}{
		{[]string{"--find", "teuchitlan"}, ""},
		{[]string{"--find", "teuchitlan", "--limit", "3"}, ""},
		{[]string{"--where", "20.68,-103.85"}, ""},
		{[]string{"--where", "-"}, ""},
		{[]string{"--find", "  "}, "--find needs a name"},
		{[]string{"--where", ""}, "--where needs"},
		{[]string{"--find", "x", "--where", "1,2"}, "one of --find"},
		{[]string{"--find", "x", "--export", "a.png"}, "one of --find"},
		{[]string{"--limit", "3"}, "--limit goes with --find"},
		{[]string{"--find", "x", "--limit", "0"}, "want 1 to 10,000"},
		{[]string{"--where", "1,2", "story.geojson"}, "not a story file"},
		// An empty file name is a mistake, never a window; so is a
		// second --story, which the flag package would let win.
		{[]string{"--export", ""}, "--export needs a file name"},
		{[]string{"--screenshot", " "}, "--screenshot needs a file name"},
		{[]string{"--story", "", "--export", "a.png"}, "--story needs a file name"},
		{[]string{"--story", "a.csv", "--story=b.csv", "--export", "a.png"}, "--story given more than once"},
		{[]string{"--export", "a.png", "--play"}, "--play goes with --export to a video"},
		{[]string{"--export", "a.mp4", "--play"}, ""},
	}
	for _, tc := range tests {
		_, err := parseArgs(tc.args, s, &bytes.Buffer{}, "en")
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestFindAndWhere(t *testing.T) {
	var out bytes.Buffer
	if err := runFind("teocaltiche", 5, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if lines[0] != findHeader || len(lines) < 2 || !strings.HasPrefix(lines[1], "municipality\t14091\tTeocaltiche\t14091\tTeocaltiche\t14\tJalisco\t") {
		t.Errorf("--find teocaltiche:\n%s", out.String())
	}
	out.Reset()
	if _, err := runWhere("21.4344444,-102.5702778", nil, &out, &bytes.Buffer{}, "en"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Split(strings.TrimSpace(out.String()), "\n"); len(got) != 2 || got[1] != "21.4344444\t-102.5702778\tin\t14\tJalisco\t14091\tTeocaltiche\tMexico\tTeocaltiche, Jalisco" {
		t.Errorf("--where: %q", got)
	}
	for _, bad := range []string{"abc", "1", "91,0", "0,181", "NaN,0", "1,2,3"} {
		if _, err := runWhere(bad, nil, &out, &bytes.Buffer{}, "en"); err == nil {
			t.Errorf("--where %q: no error", bad)
		}
	}
	in := "lat,lon\n19.05,-104.40\n\nnot a point\n31.76 -106.44\n25;-91\n" + strings.Repeat("9", 5000) + "\n"
	out.Reset()
	var errs bytes.Buffer
	invalid, err := runWhere("-", strings.NewReader(in), &out, &errs, "en")
	if err == nil {
		t.Errorf("a line of 5,000 bytes was read")
	}
	if invalid != 1 || !strings.Contains(errs.String(), "line 4") {
		t.Errorf("%d invalid lines, stderr %q", invalid, errs.String())
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	wantWhere := []string{"where", "offshore", "invalid", "outside", "outside"}
	for i, w := range wantWhere {
		if i >= len(rows) || strings.Split(rows[i], "\t")[2] != w {
			t.Errorf("row %d: %q, want %s", i, rows, w)
			break
		}
	}
}

// Many points on standard input, located a batch at a time on every core,
// come out in their order, each as the whole map places it, the invalid
// lines among them where they were.
func TestWhereKeepsTheOrderOfManyPoints(t *testing.T) {
	m, err := geo.LoadMap(assets.Map(), 0)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var in, want strings.Builder
	want.WriteString(whereHeader + "\n")
	for i := range 3*whereBatch + 17 {
		if i%997 == 0 {
			in.WriteString("not a point\n")
			want.WriteString("\t\tinvalid\t\t\t\t\t\t\n")
			continue
		}
		ll := orb.Point{-117 + rng.Float64()*30, 14.5 + rng.Float64()*18}
		fmt.Fprintf(&in, "%.5f,%.5f\n", ll[1], ll[0])
		p, _ := parseLatLon(fmt.Sprintf("%.5f,%.5f", ll[1], ll[0]))
		writeWhere(&want, m, p, m.Locate(m.Proj.Forward(p))) // one at a time, in order
	}
	var out bytes.Buffer
	if _, err := runWhere("-", strings.NewReader(in.String()), &out, io.Discard, "en"); err != nil {
		t.Fatal(err)
	}
	got, exp := strings.Split(out.String(), "\n"), strings.Split(want.String(), "\n")
	if len(got) != len(exp) {
		t.Fatalf("%d rows, want %d", len(got), len(exp))
	}
	for i := range got {
		if got[i] != exp[i] {
			t.Fatalf("row %d: %q, want %q", i, got[i], exp[i])
		}
	}
}
